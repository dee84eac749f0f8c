package org.khaldun.petrarch;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Regression guard: PETRARCH's unit-test records, coded with their test dictionaries, must keep reproducing at least
 * the share of expected codings reached when the coder was written (379 of 385).
 */
class PetrarchConformanceTest {

    private static Path data() {
        Path p = Path.of(System.getProperty("khaldun.shared", "../shared"), "data", "petrarch-conformance");
        Assumptions.assumeTrue(Files.exists(p.resolve("PETR.UnitTest.records.xml")),
                "shared PETRARCH conformance data not available at " + p);
        return p;
    }

    private static List<ConformanceSuite.Outcome> outcomes;

    /** The suite is coded once for all tests of this class. */
    private static synchronized List<ConformanceSuite.Outcome> outcomes() {
        if (outcomes == null) {
            Path data = data();
            ConformanceSuite suite = ConformanceSuite.read(data.resolve("PETR.UnitTest.records.xml"));
            assertThat(suite.records()).hasSize(284);
            outcomes = suite.run(data.resolve("dictionaries"), false);
        }
        return outcomes;
    }

    @Test
    void theUnitTestRecordsStayCodedAsPetrarchExpects() {
        List<ConformanceSuite.Outcome> outcomes = outcomes();
        List<ConformanceSuite.Tally> tally = ConformanceSuite.tally(outcomes);
        ConformanceSuite.Tally all = tally.get(tally.size() - 1);
        assertThat(all.category()).isEqualTo("ALL");
        assertThat(all.expected()).isEqualTo(385);
        assertThat(all.passed()).as("expected codings reproduced").isGreaterThanOrEqualTo(379);
        assertThat(all.extra()).as("unexpected codings").isLessThanOrEqualTo(4);
    }

    @Test
    void everyCategoryOfPetrarchFeaturesIsCovered() {
        assertThat(ConformanceSuite.tally(outcomes())).filteredOn(t -> List.of("SYNSET", "PATTERN", "VERB", "DATE",
                "MODIFY", "ACTOR", "PARSING", "ERROR").contains(t.category()))
                .hasSize(8).allSatisfy(t -> assertThat(t.rate()).as(t.category()).isEqualTo(1.0));
    }

    @Test
    void errorRecordsAreRejectedForTheirReason() {
        assertThat(outcomes()).filteredOn(o -> o.record().category().equals("ERROR"))
                .allSatisfy(o -> assertThat(o.failed()).isEmpty())
                .extracting(o -> o.result().rejection().orElseThrow().reason())
                .contains("dateline", "bad_input_parse", "storydiscard", "sentencediscard");
    }
}
