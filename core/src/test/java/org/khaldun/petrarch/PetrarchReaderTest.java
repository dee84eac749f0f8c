package org.khaldun.petrarch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PetrarchReaderTest {

    private static final String ACTORS = """
            <!-- test actors -->
            GOLLUM  # pas 27 Apr 03
            +SMEAGOL
            +STINKER
            \t[HOB < 950601]
            \t[HOBGOV 19950601 - 19990815]
            \t[HOBREB > 990816]

            UNITED_STATES  [USA]
            +U.S.  #JW   9/12/91
            BARACK_OBAMA [USAELI]
            \t[USAGOV >20090120]
            THE_SHIRE  [FRO/BIL/SAM]
            """;

    @Test
    void anActorsCodeDependsOnTheSentenceDate() {
        PetrarchActors actors = PetrarchReader.readActors("test.actors", ACTORS);
        PetrarchActors.Entry gollum = actors.entries().get(0);
        assertThat(gollum.names()).extracting(Phrase::text).containsExactly("GOLLUM", "SMEAGOL", "STINKER");
        assertThat(DatedCode.resolve(gollum.codes(), LocalDate.of(1990, 1, 1))).isEqualTo("HOB");
        assertThat(DatedCode.resolve(gollum.codes(), LocalDate.of(1995, 6, 1))).isEqualTo("HOB"); // "<" includes the day
        assertThat(DatedCode.resolve(gollum.codes(), LocalDate.of(1997, 3, 3))).isEqualTo("HOBGOV");
        assertThat(DatedCode.resolve(gollum.codes(), LocalDate.of(2005, 1, 1))).isEqualTo("HOBREB");
        assertThat(gollum.source()).isEqualTo(new SourceLine("test.actors", 2));
    }

    @Test
    void anUndatedCodeIsTheDefaultWhenNoDateRestrictionApplies() {
        PetrarchActors.Entry obama = PetrarchReader.readActors("test.actors", ACTORS).entries().get(2);
        assertThat(obama.primaryName().text()).isEqualTo("BARACK_OBAMA");
        assertThat(DatedCode.resolve(obama.codes(), LocalDate.of(2005, 1, 1))).isEqualTo("USAELI");
        assertThat(DatedCode.resolve(obama.codes(), LocalDate.of(2010, 1, 1))).isEqualTo("USAGOV");
    }

    @Test
    void synonymsAndUnderscoresAreKept() {
        PetrarchActors.Entry usa = PetrarchReader.readActors("test.actors", ACTORS).entries().get(1);
        assertThat(usa.names()).extracting(Phrase::text).containsExactly("UNITED_STATES", "U.S.");
        assertThat(usa.names().get(0).tight()).containsExactly(true);
        assertThat(usa.codes()).containsExactly(DatedCode.always("USA"));
    }

    @Test
    void twoDigitYearsFollowTheTabariConvention() {
        SourceLine here = new SourceLine("x", 1);
        assertThat(PetrarchReader.date("300101", here)).isEqualTo(LocalDate.of(2030, 1, 1));
        assertThat(PetrarchReader.date("310101", here)).isEqualTo(LocalDate.of(1931, 1, 1));
    }

    @Test
    void aBadDateRestrictionNamesItsFileAndLine() {
        String bad = "GANDALF\n\t[WIZ 19950631-20000101]\n";
        assertThatThrownBy(() -> PetrarchReader.readActors("wizards.actors", bad))
                .isInstanceOf(PetrarchFormatException.class)
                .hasMessageStartingWith("wizards.actors:2:")
                .hasMessageContaining("19950631");
    }

    @Test
    void aLenientReaderSkipsTheBadLineAndReportsIt() {
        String bad = "GANDALF [WIZ]\n\t[WIZGOV <2001-01-01]\nSARUMAN [WIZREB]\n";
        List<PetrarchFormatException> skipped = new ArrayList<>();
        PetrarchActors actors = PetrarchReader.readActors("wizards.actors", bad, skipped::add);
        assertThat(actors.entries()).hasSize(2);
        assertThat(skipped).singleElement().extracting(PetrarchFormatException::line).isEqualTo(2);
    }

    private static final String VERBS = """
            &CURRENCY
            +DOLLAR
            +SWISS FRANC

            &PREPOSIT_
            +IN
            +ON

            --- RESTORE  [064]  ---
            RESTORE    # pas 18 Jun 2007
            - NOT * RELATIONS  [112]
            - * FULL_DIPLOMATIC  [0641]
            - + WAS_* TO_^ FROM $  [174]

            --- BREAK [1717] ---
            BREAK { BROKE BROKEN  }
            +BREAK_DOWN {+BREAKS_DOWN +BROKE_DOWN +BROKEN_DOWN }
            WIRE_+TAP [1711]
            - * &PREPOSIT &CURRENCY [903]
            """;

    @Test
    void synsetsGetPluralsUnlessTheirNameEndsInAnUnderscore() {
        PetrarchVerbs verbs = PetrarchReader.readVerbs("test.verbs", VERBS);
        assertThat(verbs.synsets().get("&CURRENCY").members()).extracting(Phrase::text)
                .containsExactly("DOLLAR", "DOLLARS", "SWISS FRANC", "SWISS FRANCS");
        assertThat(verbs.synsets().get("&PREPOSIT").members()).extracting(Phrase::text).containsExactly("IN", "ON");
    }

    @Test
    void aPatternIsSplitAtTheVerbWithItsConnectorsAndActorMarkers() {
        PetrarchVerbs.Block restore = PetrarchReader.readVerbs("test.verbs", VERBS).block("RESTORE").orElseThrow();
        assertThat(restore.code()).isEqualTo("064");
        PetrarchVerbs.Pattern not = restore.patterns().get(0);
        assertThat(not.upper()).extracting(PetrarchVerbs.Element::text).containsExactly("NOT");
        assertThat(not.lower()).extracting(PetrarchVerbs.Element::text).containsExactly("RELATIONS");
        assertThat(not.code()).isEqualTo("112");
        assertThat(not.source()).isEqualTo(new SourceLine("test.verbs", 11));

        PetrarchVerbs.Pattern full = restore.patterns().get(1);
        assertThat(full.lower()).extracting(PetrarchVerbs.Element::tight).containsExactly(false, true);

        PetrarchVerbs.Pattern extradite = restore.patterns().get(2);
        assertThat(extradite.upper()).extracting(PetrarchVerbs.Element::kind)
                .containsExactly(PetrarchVerbs.Kind.TARGET, PetrarchVerbs.Kind.WORD);
        assertThat(extradite.upper().get(1).tight()).isTrue(); // WAS_ touches the verb
        assertThat(extradite.lower().get(1).tight()).isTrue(); // TO_^
        assertThat(extradite.lower()).extracting(PetrarchVerbs.Element::kind).containsExactly(
                PetrarchVerbs.Kind.WORD, PetrarchVerbs.Kind.SKIP, PetrarchVerbs.Kind.WORD, PetrarchVerbs.Kind.SOURCE);
    }

    @Test
    void verbsCarryTheirInflectionsAndParticles() {
        PetrarchVerbs.Block brk = PetrarchReader.readVerbs("test.verbs", VERBS).block("BREAK").orElseThrow();
        assertThat(brk.verbs().get(0).forms()).extracting(PetrarchVerbs.Form::text)
                .containsExactly("BREAK", "BROKE", "BROKEN");
        assertThat(brk.verbs().get(1).forms()).extracting(PetrarchVerbs.Form::text)
                .containsExactly("BREAK DOWN", "BREAKS DOWN", "BROKE DOWN", "BROKEN DOWN");
        PetrarchVerbs.Verb tap = brk.verbs().get(2);
        assertThat(tap.code()).isEqualTo("1711");
        assertThat(tap.forms()).extracting(PetrarchVerbs.Form::text)
                .as("PETRARCH's regular forms do not double consonants: list irregular ones in {...}")
                .containsExactly("WIRE TAP", "WIRE TAPS", "WIRE TAPED", "WIRE TAPING");
        assertThat(brk.verbs().get(0).code()).isEqualTo("1717");
    }

    @Test
    void anUnderscoreBeforeABlankIsTabarisOpenMatch() {
        String v = "--- SAY [010] ---\nSAY\n- IN_ * [075]\n";
        assertThat(PetrarchReader.readVerbs("v", v).blocks().get(0).patterns().get(0).upper().get(0).tight())
                .isFalse();
    }

    @Test
    void aPatternUsingAnUndefinedSynsetIsABadLine() {
        String bad = "--- GIVE [070] ---\nGIVE\n- * &MONEY [071]\n";
        assertThatThrownBy(() -> PetrarchReader.readVerbs("give.verbs", bad))
                .isInstanceOf(PetrarchFormatException.class).hasMessageStartingWith("give.verbs:3:")
                .hasMessageContaining("&MONEY");
    }

    @Test
    void aPatternWithoutItsVerbPositionIsABadLine() {
        String bad = "--- GIVE [070] ---\nGIVE\n- DOLLARS [071]\n";
        assertThatThrownBy(() -> PetrarchReader.readVerbs("give.verbs", bad))
                .hasMessageStartingWith("give.verbs:3:").hasMessageContaining("*");
    }

    @Test
    void petrarch2PatternsGroupPrepositionalAndNounPhrases() {
        String v = "--- ADD [---] ---\nADD\n- * (TO LIST) (OF {BANNED PARTIES}) [1722]\n";
        PetrarchVerbs.Pattern p = PetrarchReader.readVerbs("cameo", v).blocks().get(0).patterns().get(0);
        assertThat(p.lower()).extracting(PetrarchVerbs.Element::text)
                .containsExactly("TO", "LIST", "OF", "BANNED", "PARTIES");
        assertThat(p.lower()).extracting(PetrarchVerbs.Element::group)
                .containsExactly('(', '(', '(', '{', '{');
    }

    @Test
    void tabariDiscardCodesInBracketsAreNotComments() {
        String v = "--- RESTORE [064] ---\nRESTORE\n- * DIPLXMATIC  [###]  # -PAS 95.12.18\n";
        assertThat(PetrarchReader.readVerbs("v", v).blocks().get(0).patterns().get(0).code()).isEqualTo("###");
    }

    @Test
    void agentsAppendOrPrependTheirCodeAndFormPlurals() {
        String agents = """
                !MINST! = MINISTER, MINISTRY
                POLICE {} [ ~COP] # JON 2/8/95
                ATTORNEY_GENERAL {ATTORNEYS_GENERAL} [~GOV]
                MSF {}  [NGO~]
                SECURITY [~SEC]
                !MINST!_OF_SILLY_WALKS [~GOV]
                """;
        List<PetrarchAgents.Entry> e = PetrarchReader.readAgents("test.agents", agents).entries();
        assertThat(e.get(0).forms()).extracting(Phrase::text).containsExactly("POLICE");
        assertThat(e.get(0).code()).isEqualTo("COP");
        assertThat(e.get(0).prefix()).isFalse();
        assertThat(e.get(1).forms()).extracting(Phrase::text).containsExactly("ATTORNEY_GENERAL",
                "ATTORNEYS_GENERAL");
        assertThat(e.get(2).prefix()).isTrue();
        assertThat(e.get(2).notation()).isEqualTo("NGO~");
        assertThat(e.get(3).forms()).extracting(Phrase::text).containsExactly("SECURITY", "SECURITIES");
        assertThat(e.get(4).forms()).extracting(Phrase::text).containsExactly("MINISTER_OF_SILLY_WALKS",
                "MINISTRY_OF_SILLY_WALKS");
    }

    @Test
    void anAgentWithoutACodeIsABadLine() {
        assertThatThrownBy(() -> PetrarchReader.readAgents("a.txt", "POLICE [~COP]\nISLAMIC_EXTREMIST\n"))
                .hasMessageStartingWith("a.txt:2:");
    }

    @Test
    void discardsMarkWholeStoriesWithAPlus() {
        PetrarchDiscards d = PetrarchReader.readDiscards("d", "+World Golf Championships   # pas\nBASEBALL_\n");
        assertThat(d.entries().get(0).wholeStory()).isTrue();
        assertThat(d.entries().get(0).phrase()).containsExactly("WORLD", "GOLF", "CHAMPIONSHIPS");
        assertThat(d.entries().get(1).wholeStory()).isFalse();
        assertThat(d.entries().get(1).wordEnd()).isTrue();
    }

    @Test
    void issuePhrasesExpandNounAndVerbForms() {
        String issues = """
                <ISSUE CATEGORY="EDUCATION" TYPE="ALL">
                pre+n:school [EARLY_CHILDHOOD_EDUCATION]
                ~a head start
                </ISSUE>
                """;
        List<PetrarchIssues.Entry> e = PetrarchReader.readIssues("i", issues).entries();
        assertThat(e.get(0).forms()).containsExactlyInAnyOrder("PRE SCHOOL", "PRE SCHOOLS", "PRE-SCHOOL",
                "PRE-SCHOOLS");
        assertThat(e.get(0).category()).isEqualTo("EDUCATION");
        assertThat(e.get(1).ignore()).isEqualTo(1);
    }
}
