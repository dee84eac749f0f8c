package org.khaldun.petrarch;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class PetrarchCoderTest {

    private static final String VERBS = """
            &TIETYPES
            +MILITARY
            +ECONOMIC

            --- RESTORE  [064]  ---
            RESTORE
            - * &TIETYPES TIES  [902]
            - NOT * RELATIONS  [112]

            --- OPPOSE [112] ---
            OPPOSE

            --- MEET  [031:031]  ---
            MEET {MET MEETS MEETING}

            --- RELEASE [066] ---
            RELEASE
            - * + FROM $  [0661]

            --- SAID  [023]  ---
            SAID
            """;

    private static final String ACTORS = """
            ARNOR [ARN]
            GONDOR [GON]
            +MINAS_TIRITH
            MORDOR [MOR]
            SAM_GAMGEE [HOB]
            \t[HOBMIL 20080120-20121109]
            """;

    private static final String AGENTS = """
            GOVERNMENT [~GOV]
            OFFICIAL [~GOV]
            MSF {}  [NGO~]
            """;

    private final PetrarchCoder coder = new PetrarchCoder(new PetrarchDictionaries(
            PetrarchReader.readVerbs("test.verbs", VERBS), PetrarchReader.readActors("test.actors", ACTORS),
            PetrarchReader.readAgents("test.agents", AGENTS),
            PetrarchReader.readDiscards("test.discards", "+TYPHOON\nBASEBALL\n")));

    private static final LocalDate DAY = LocalDate.of(1995, 1, 1);

    private List<String> events(String tree) {
        return events(tree, DAY);
    }

    private List<String> events(String tree, LocalDate date) {
        return coder.code(tree, date).events().stream()
                .map(e -> e.source() + " " + e.target() + " " + e.code()).toList();
    }

    @Test
    void theSubjectActsOnTheFirstActorOfTheVerbPhrase() {
        String tree = "(ROOT (S (NP (NNP Arnor)) (VP (VBZ restores) (NP (NNS ties)) (PP (IN with) (NP (NNP Gondor))))"
                + " (. .)))";
        CodingResult r = coder.code(tree, DAY);
        assertThat(r.events()).singleElement().satisfies(e -> {
            assertThat(e.source()).isEqualTo("ARN");
            assertThat(e.target()).isEqualTo("GON");
            assertThat(e.code()).isEqualTo("064");
            assertThat(e.verb()).isEqualTo("RESTORES");
            assertThat(e.rule()).isEqualTo(new SourceLine("test.verbs", 6)); // the verb's own line
        });
    }

    @Test
    void aMatchingPatternGivesItsCodeAndNamesItsLine() {
        String tree = "(ROOT (S (NP (NNP Arnor)) (VP (VBZ restores) (NP (JJ economic) (NNS ties)) (PP (IN with)"
                + " (NP (NNP Minas) (NNP Tirith)))) (. .)))";
        CodingResult r = coder.code(tree, DAY);
        assertThat(r.events()).singleElement().satisfies(e -> {
            assertThat(e.code()).isEqualTo("902");
            assertThat(e.target()).isEqualTo("GON"); // a synonym of GONDOR
            assertThat(e.rule()).isEqualTo(new SourceLine("test.verbs", 7));
            assertThat(e.pattern()).isEqualTo("* &TIETYPES TIES");
        });
    }

    @Test
    void wordsBeforeTheVerbCanSelectAPattern() {
        String tree = "(ROOT (S (NP (NNP Arnor)) (VP (MD will) (RB not) (VP (VB restore) (NP (NNS relations))"
                + " (PP (IN with) (NP (NNP Gondor))))) (. .)))";
        assertThat(events(tree)).containsExactly("ARN GON 112");
    }

    @Test
    void agentsExtendTheActorCode() {
        String tree = "(ROOT (S (NP (DT The) (NNP Arnor) (NN government)) (VP (VBD opposed) (NP (NNP MSF) (NNP Gondor)))"
                + " (. .)))";
        assertThat(events(tree)).containsExactly("ARNGOV NGOGON 112");
    }

    @Test
    void aPassiveVerbWithBySwapsSourceAndTarget() {
        String tree = "(ROOT (S (NP (NNP Gondor)) (VP (VBD was) (VP (VBN opposed) (PP (IN by) (NP (NNP Mordor)))))"
                + " (. .)))";
        CodingResult r = coder.code(tree, DAY);
        assertThat(events(tree)).containsExactly("MOR GON 112");
        assertThat(r.events().get(0).passive()).isTrue();
    }

    @Test
    void aCompoundSubjectGivesOneEventPerMember() {
        String tree = "(ROOT (S (NP (NNP Arnor) (CC and) (NNP Gondor)) (VP (VBD opposed) (NP (NNP Mordor))) (. .)))";
        assertThat(events(tree)).containsExactly("ARN MOR 112", "GON MOR 112");
    }

    @Test
    void aSymmetricCodeGivesBothDirections() {
        String tree = "(ROOT (S (NP (NNP Arnor)) (VP (VBD met) (NP (NNP Gondor))) (. .)))";
        assertThat(events(tree)).containsExactly("ARN GON 031", "GON ARN 031");
    }

    @Test
    void patternMarkersNameTheTargetAndSource() {
        String tree = "(ROOT (S (NP (NNP Arnor)) (VP (VBD released) (NP (NNP Gondor)) (PP (IN from) (NP (NNP Mordor))))"
                + " (. .)))";
        assertThat(events(tree)).containsExactly("MOR GON 0661");
    }

    @Test
    void theSentenceDateSelectsADateRestrictedCode() {
        String tree = "(ROOT (S (NP (NNP Sam) (NNP Gamgee)) (VP (VBD opposed) (NP (NNP Mordor))) (. .)))";
        assertThat(events(tree, LocalDate.of(1995, 1, 1))).containsExactly("HOB MOR 112");
        assertThat(events(tree, LocalDate.of(2010, 6, 1))).containsExactly("HOBMIL MOR 112");
    }

    @Test
    void anEventWithoutAKnownTargetIsDroppedUnlessDyadsAreOptional() {
        String tree = "(ROOT (S (NP (NNP Arnor)) (VP (VBD opposed) (NP (DT the) (NN plan))) (. .)))";
        assertThat(events(tree)).isEmpty();
        CoderOptions loose = CoderOptions.DEFAULTS.with("require_dyad", "false");
        assertThat(coder.code(tree, DAY, loose).events()).extracting(CodingResult.Event::target)
                .containsExactly("---");
        CoderOptions quoted = loose.with("new_actor_length", "4");
        assertThat(coder.code(tree, DAY, quoted).events()).extracting(CodingResult.Event::target)
                .containsExactly("\"THE PLAN\"");
    }

    @Test
    void aShortClauseAfterTheLastCommaIsNotCoded() {
        String tree = "(ROOT (S (S (NP (NNP Arnor)) (VP (VBD opposed) (NP (NNP Mordor)))) (, ,) (NP (DT an) (NN official))"
                + " (VP (VBD said) (PP (IN on) (NP (NNP Gondor)))) (. .)))";
        assertThat(events(tree)).containsExactly("ARN MOR 112");
    }

    @Test
    void aDiscardPhraseRejectsTheSentenceOrTheStory() {
        String sports = "(ROOT (S (NP (NNP Arnor)) (VP (VBD opposed) (NP (NN baseball))) (. .)))";
        assertThat(coder.code(sports, DAY).rejection()).hasValueSatisfying(
                r -> assertThat(r.reason()).isEqualTo("sentencediscard"));
        String storm = "(ROOT (S (NP (DT A) (NN typhoon)) (VP (VBD opposed) (NP (NNP Arnor))) (. .)))";
        assertThat(coder.code(storm, DAY).rejection()).hasValueSatisfying(
                r -> assertThat(r.reason()).isEqualTo("storydiscard"));
    }

    @Test
    void anUnbalancedTreeIsRejected() {
        CodingResult r = coder.code("(ROOT (S (NP (NNP Arnor)) (VP (VBD opposed) (NP (NNP Mordor)))", DAY);
        assertThat(r.events()).isEmpty();
        assertThat(r.rejection()).hasValueSatisfying(j -> assertThat(j.reason()).isEqualTo("bad_input_parse"));
    }
}
