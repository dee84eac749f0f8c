package org.khaldun.codebook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class TableCodebookTest {

    private final TableCodebook book = TableCodebook.builtin();

    @Test
    void anAirstrikeIsAssaultFromTheAirAtTheBottomOfTheGoldsteinScale() {
        CameoCode c = book.cameo("195").orElseThrow();
        assertThat(c.goldstein()).isEqualTo(-10.0);
        assertThat(c.quadClass()).isEqualTo(4);
        assertThat(book.plover("195")).contains(new PloverCoding("ASSAULT", "aerial", List.of("military")));
    }

    @Test
    void aDroneStrikeIsAssaultByDrone() {
        assertThat(book.plover("1952")).get().extracting(PloverCoding::eventType, PloverCoding::mode)
                .containsExactly("ASSAULT", "drone");
    }

    @Test
    void aFourDigitCodeWithoutItsOwnCrosswalkRowTakesItsParentsPloverCoding() {
        assertThat(book.ploverRowFor("1951")).contains("195");
        assertThat(book.plover("1951")).isEqualTo(book.plover("195"));
    }

    @Test
    void aCodeWithItsOwnRowKeepsIt() {
        assertThat(book.ploverRowFor("1822")).contains("1822");
        assertThat(book.plover("1822")).get().extracting(PloverCoding::mode).isEqualTo("torture");
    }

    @Test
    void everyCodeHasAPloverCodingExceptThePublicStatementsPloverDrops() {
        for (CameoCode c : book.codes()) {
            if (c.code().startsWith("01")) {
                assertThat(book.droppedByPlover(c.code())).as(c.code()).isTrue();
                assertThat(book.plover(c.code())).as(c.code()).isEmpty();
            } else {
                assertThat(book.plover(c.code())).as(c.code()).isPresent();
                assertThat(book.droppedByPlover(c.code())).as(c.code()).isFalse();
            }
        }
    }

    @Test
    void everyPloverCodingUsesARealTypeAndAModeThatTypeAllows() {
        Set<String> reached = new TreeSet<>();
        for (CameoCode c : book.codes()) {
            book.plover(c.code()).ifPresent(p -> {
                assertThat(PloverTypes.isType(p.eventType())).as(c.code()).isTrue();
                assertThat(PloverTypes.isValidMode(p.eventType(), p.mode())).as(c.code() + " " + p).isTrue();
                reached.add(p.eventType());
            });
        }
        assertThat(reached).as("all 16 PLOVER types are reachable from CAMEO").containsExactlyInAnyOrderElementsOf(
                PloverTypes.ALL);
    }

    @Test
    void appealsAreRequestsLikeDemands() {
        assertThat(book.plover("0231")).contains(new PloverCoding("REQUEST", "assist", List.of("economic")));
        assertThat(book.plover("026")).get().extracting(PloverCoding::mode).isEqualTo("meet");
        assertThat(book.plover("1031")).contains(new PloverCoding("REQUEST", "assist", List.of("economic")));
    }

    @Test
    void aPromiseToReleasePrisonersIsAConcessionNotAnAgreement() {
        assertThat(book.plover("0353")).contains(new PloverCoding("CONCEDE", "", List.of("rights_freedoms")));
        assertThat(book.plover("036")).get().extracting(PloverCoding::eventType).isEqualTo("AGREE");
    }

    @Test
    void crosswalkFactsSurviveAsWritten() {
        assertThat(book.plover("042")).contains(new PloverCoding("CONSULT", "visit", List.of()));
        assertThat(book.plover("0871")).contains(new PloverCoding("RETREAT", "ceasefire", List.of("military")));
        assertThat(book.plover("163")).get().extracting(PloverCoding::eventType).isEqualTo("COERCE");
        assertThat(book.plover("1124")).contains(new PloverCoding("ACCUSE", "allege", List.of("military", "legal")));
        assertThat(book.plover("173")).contains(new PloverCoding("COERCE", "arrest", List.of("legal")));
        assertThat(book.plover("192")).contains(new PloverCoding("COERCE", "seize", List.of("military")));
    }

    @Test
    void everyGoldsteinWeightIsOnTheScale() {
        assertThat(book.codes()).allSatisfy(c -> assertThat(c.goldstein()).isBetween(-10.0, 10.0));
    }

    @Test
    void goldsteinWeightsAreTheStandardCameoValues() {
        Map<String, Double> expected = Map.ofEntries(Map.entry("010", 0.0), Map.entry("020", 3.0),
                Map.entry("036", 4.0), Map.entry("040", 1.0), Map.entry("042", 1.9), Map.entry("043", 2.8),
                Map.entry("051", 3.4), Map.entry("061", 6.4), Map.entry("070", 7.0), Map.entry("0874", 10.0),
                Map.entry("090", -2.0), Map.entry("100", -5.0), Map.entry("111", -2.0), Map.entry("112", -2.0),
                Map.entry("120", -4.0), Map.entry("130", -4.4), Map.entry("138", -7.0), Map.entry("140", -6.5),
                Map.entry("150", -7.2), Map.entry("160", -4.0), Map.entry("163", -8.0), Map.entry("170", -7.0),
                Map.entry("173", -5.0), Map.entry("180", -9.0), Map.entry("190", -10.0), Map.entry("195", -10.0),
                Map.entry("200", -10.0));
        expected.forEach((code, g) -> assertThat(book.cameo(code).orElseThrow().goldstein()).as(code).isEqualTo(g));
    }

    @Test
    void quadClassFollowsTheRoot() {
        for (CameoCode c : book.codes()) {
            int root = Integer.parseInt(c.code().substring(0, 2));
            int quad = root <= 5 ? 1 : root <= 8 ? 2 : root <= 13 ? 3 : 4;
            assertThat(c.quadClass()).as(c.code()).isEqualTo(quad);
        }
        assertThat(book.cameo("094").orElseThrow().quadClass()).as("investigating is verbal conflict").isEqualTo(3);
        assertThat(book.cameo("141").orElseThrow().quadClass()).as("demonstrating is material conflict").isEqualTo(4);
    }

    @Test
    void leadingZerosArePartOfTheCode() {
        assertThat(book.cameo("043")).get().extracting(CameoCode::code).isEqualTo("043");
        assertThat(book.cameo("43")).isEmpty();
        assertThat(book.cameo("10")).get().extracting(CameoCode::label).isEqualTo("Demand");
        assertThat(book.cameo("010")).get().extracting(CameoCode::goldstein).isEqualTo(0.0);
        assertThat(book.eventCameo("0231")).get().satisfies(c -> {
            assertThat(c.code()).isEqualTo("0231");
            assertThat(c.root()).isEqualTo("02");
        });
    }

    @Test
    void theTableHoldsAllOfCameo() {
        List<String> codes = book.codes().stream().map(CameoCode::code).toList();
        for (int r = 1; r <= 20; r++) {
            assertThat(codes).contains(String.format("%02d", r));
        }
        assertThat(codes).contains("0211", "0212", "0213", "0214", "1041", "1042", "1043", "1044", "1121", "1122",
                "1123", "1124", "1125", "1711", "1712", "1721", "1722", "1723", "1724", "1821", "1822", "1823", "1951",
                "1952", "2041", "2042", "0874", "175", "196");
        assertThat(codes).hasSize(315).doesNotHaveDuplicates();
        Map<Integer, Long> byLength = codes.stream().collect(Collectors.groupingBy(String::length,
                Collectors.counting()));
        assertThat(byLength).containsEntry(2, 20L);
    }

    @Test
    void unknownCodesHaveNoEntry() {
        assertThat(book.cameo("999")).isEmpty();
        assertThat(book.plover("999")).isEmpty();
        assertThat(book.droppedByPlover("999")).isFalse();
        assertThat(book.cameo(null)).isEmpty();
    }

    @Test
    void theVersionNamesTheTablesAndIsLoadedOnce() {
        assertThat(book.version()).matches("khaldun-codebook-\\d{4}\\.\\d{2}(\\.\\d+)?");
        assertThat(TableCodebook.builtin()).isSameAs(book);
    }

    @Test
    void tablesCannotChangeWithoutANewVersion() throws IOException {
        String recorded;
        try (Reader v = TableCodebook.resource(TableCodebook.VERSION_FILE)) {
            recorded = new java.io.BufferedReader(v).lines().filter(l -> l.startsWith("tables-sha256"))
                    .map(l -> l.split("\t")[1].strip()).findFirst().orElseThrow();
        }
        String actual;
        try (Reader c = TableCodebook.resource(TableCodebook.CAMEO_TABLE);
             Reader p = TableCodebook.resource(TableCodebook.PLOVER_TABLE)) {
            actual = TableCodebook.tablesDigest(c, p);
        }
        assertThat(actual).as("cameo.tsv or cameo-plover.tsv changed: bump the version in codebook.version "
                + "and record tables-sha256 " + actual).isEqualTo(recorded);
    }

    // ---- validation at load: a bad line names the table and line ----

    private static final String CAMEO_OK = "# test\n18\t-9.0\t4\tAssault\n180\t-9.0\t4\tViolence\n";
    private static final String PLOVER_OK = "18\tASSAULT\t-\t-\tcrosswalk\t-\n";

    private static TableCodebook load(String cameo, String plover) throws IOException {
        return TableCodebook.load("test", new StringReader(cameo), "c.tsv", new StringReader(plover), "p.tsv");
    }

    @Test
    void aWellFormedPairOfTablesLoads() throws IOException {
        TableCodebook t = load(CAMEO_OK, PLOVER_OK);
        assertThat(t.plover("180")).contains(new PloverCoding("ASSAULT", "", List.of()));
        assertThat(t.version()).isEqualTo("test");
    }

    @Test
    void aGoldsteinWeightOffTheScaleIsRejectedWithItsLine() {
        assertThatThrownBy(() -> load("18\t-9.0\t4\tAssault\n\n180\t-12\t4\tViolence\n", PLOVER_OK))
                .hasMessageStartingWith("c.tsv:3:").hasMessageContaining("outside [-10, 10]");
    }

    @Test
    void aCodeWithoutItsParentIsRejected() {
        assertThatThrownBy(() -> load("18\t-9.0\t4\tAssault\n1821\t-9.0\t4\tSexual\n", PLOVER_OK))
                .hasMessageStartingWith("c.tsv:2:").hasMessageContaining("parent 182");
    }

    @Test
    void aNumericLookingCodeWithoutItsLeadingZeroIsRejected() {
        assertThatThrownBy(() -> load("4\t1.0\t1\tConsult\n", PLOVER_OK)).hasMessageStartingWith("c.tsv:1:");
    }

    @Test
    void aQuadClassThatDisagreesWithTheRootIsRejected() {
        assertThatThrownBy(() -> load("18\t-9.0\t4\tAssault\n180\t-9.0\t3\tViolence\n", PLOVER_OK))
                .hasMessageStartingWith("c.tsv:2:").hasMessageContaining("quad class");
    }

    @Test
    void anUnknownPloverTypeIsRejected() {
        assertThatThrownBy(() -> load(CAMEO_OK, "18\tATTACK\t-\t-\tcrosswalk\t-\n"))
                .hasMessageStartingWith("p.tsv:1:").hasMessageContaining("not a PLOVER event type");
    }

    @Test
    void aModeTheTypeDoesNotAllowIsRejected() {
        assertThatThrownBy(() -> load(CAMEO_OK, "18\tASSAULT\tseize\t-\tcrosswalk\t-\n"))
                .hasMessageStartingWith("p.tsv:1:").hasMessageContaining("not a PLOVER mode of ASSAULT");
    }

    @Test
    void aCorrectionWithoutANoteIsRejected() {
        assertThatThrownBy(() -> load(CAMEO_OK, "18\tASSAULT\t-\t-\tcorrected\t-\n"))
                .hasMessageStartingWith("p.tsv:1:").hasMessageContaining("needs a note");
    }

    @Test
    void aCodeNeitherMappedNorDroppedIsRejected() {
        assertThatThrownBy(() -> load(CAMEO_OK + "19\t-10\t4\tFight\n", PLOVER_OK))
                .hasMessageStartingWith("c.tsv:4:").hasMessageContaining("no row in p.tsv");
    }

    @Test
    void aCrosswalkRowForAnUnknownCodeIsRejected() {
        assertThatThrownBy(() -> load(CAMEO_OK, PLOVER_OK + "# x\n190\tASSAULT\t-\t-\tcrosswalk\t-\n"))
                .hasMessageStartingWith("p.tsv:3:").hasMessageContaining("not in c.tsv");
    }

    @Test
    void aRowWithTooFewColumnsIsRejected() {
        assertThatThrownBy(() -> load(CAMEO_OK, "18\tASSAULT\n")).hasMessageStartingWith("p.tsv:1:")
                .hasMessageContaining("6 TAB-separated columns");
    }
}
