package org.khaldun.petrarch;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** The coder says where, among the tree's words, the verb and the actors of each event stand. */
class PetrarchTraceTest {

    private final PetrarchCoder coder = new PetrarchCoder(new PetrarchDictionaries(
            PetrarchReader.readVerbs("t.verbs", "--- MEET [031] ---\nMEET {MET MEETS}\n--- CUT [190] ---\nCUT\n"
                    + "- * OFF TIES [161]\n"),
            PetrarchReader.readActors("t.actors", "ARNOR [ARN]\nGONDOR [GON]\nOSGILIATH [OSG]\nITHILEN [ITH]\n"),
            PetrarchReader.readAgents("t.agents", "AMBASSADOR [~GOV]\n"), null));

    private static final LocalDate DAY = LocalDate.of(2000, 1, 1);

    @Test
    void verbAndActorSpansAreLeafPositions() {
        String tree = "(ROOT (S (NP (DT The) (NNP Arnor) (NN ambassador)) (VP (VBD met) (NP (NNP Gondor))) (. .)))";
        CodingResult.Event e = coder.code(tree, DAY).events().get(0);
        assertThat(e.trace().verb()).isEqualTo(new CodingResult.Span(3, 3));
        assertThat(e.trace().source()).isEqualTo(new CodingResult.Span(0, 2));
        assertThat(e.trace().target()).isEqualTo(new CodingResult.Span(4, 4));
        assertThat(e.trace().sourceLines()).containsExactly(new SourceLine("t.actors", 1),
                new SourceLine("t.agents", 1));
    }

    @Test
    void aRepeatedWordIsTracedToItsOwnOccurrence() {
        String tree = "(ROOT (S (NP (NNP Gondor)) (VP (VBD met) (NP (NNP Arnor)) (PP (IN after) (NP (NNP Arnor)"
                + " (VBD met)))) (. .)))";
        CodingResult.Event e = coder.code(tree, DAY).events().get(0);
        assertThat(e.trace().verb()).isEqualTo(new CodingResult.Span(1, 1));
        assertThat(e.trace().target()).isEqualTo(new CodingResult.Span(2, 2));
    }

    @Test
    void wordsOfAFoldedClauseStillCountAsLeaves() {
        String tree = "(ROOT (S (NP (NP (DT The) (NNP Arnor) (NN ambassador)) (SBAR (WHNP (WDT who)) (S (VP (VBD helped)"
                + " (NP (NNS farmers)))))) (VP (VBD met) (NP (NNP Gondor))) (. .)))";
        CodingResult.Event e = coder.code(tree, DAY).events().get(0);
        assertThat(e.source()).isEqualTo("ARNGOV");
        assertThat(e.trace().verb()).isEqualTo(new CodingResult.Span(6, 6));
        assertThat(e.trace().target()).isEqualTo(new CodingResult.Span(7, 7));
    }

    @Test
    void aMultiWordVerbSpansItsWords() {
        String tree = "(ROOT (S (NP (NNP Arnor)) (VP (VBD cut) (PRT (RP off)) (NP (NNS ties)) (PP (IN with)"
                + " (NP (NNP Gondor)))) (. .)))";
        CodingResult.Event e = coder.code(tree, DAY).events().get(0);
        assertThat(e.code()).isEqualTo("161");
        assertThat(e.trace().verb()).isEqualTo(new CodingResult.Span(1, 1));
        assertThat(e.trace().target()).isEqualTo(new CodingResult.Span(5, 5));
    }

    @Test
    void commasListingACompoundInAShortSentenceDoNotCutAClause() {
        String tree = "(ROOT (S (NP (NP (DT The) (NNS ambassadors)) (PP (IN of) (NP (NNP Arnor) (, ,) (NNP Osgiliath)"
                + " (CC and) (NNP Gondor)))) (VP (VBD met) (NP (NNP Ithilen))) (. .)))";
        assertThat(coder.code(tree, DAY).events()).extracting(CodingResult.Event::source)
                .containsExactly("ARNGOV", "OSGGOV", "GONGOV");
    }

    @Test
    void nominalModifierBracketsOfNewerParsersAreFlattened() {
        String flat = "(ROOT (S (NP (NNP Arnor) (CC and) (NNP Gondor) (NNS ambassadors)) (VP (VBD met)"
                + " (NP (NNP Ithilen))) (. .)))";
        String nml = "(ROOT (S (NP (NML (NNP Arnor) (CC and) (NNP Gondor)) (NNS ambassadors)) (VP (VBD met)"
                + " (NP (NNP Ithilen))) (. .)))";
        assertThat(coder.code(nml, DAY).events()).extracting(CodingResult.Event::source)
                .isEqualTo(coder.code(flat, DAY).events().stream().map(CodingResult.Event::source).toList())
                .contains("ARN", "GON");
    }
}
