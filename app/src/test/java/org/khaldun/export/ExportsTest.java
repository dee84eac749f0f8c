package org.khaldun.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringWriter;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.khaldun.json.Json;
import org.khaldun.store.AggregateRequest;
import org.khaldun.store.EventQuery;
import org.khaldun.store.EventStore;
import org.khaldun.store.Granularity;
import org.khaldun.store.StoreFixtures;

class ExportsTest {

    @TempDir
    static Path dir;

    static EventStore store;

    @BeforeAll
    static void fill() {
        store = EventStore.open(dir.resolve("k.duckdb"));
        store.ingest(StoreFixtures.items(StoreFixtures.ALL));
    }

    @AfterAll
    static void close() {
        store.close();
    }

    private static List<String[]> rows(String tsv) {
        return tsv.lines().map(l -> l.split("\t", -1)).toList();
    }

    @Test
    void gdeltEventsHaveSixtyOneColumnsInGdeltOrderOneRowPerRealWorldEvent() {
        assertThat(GdeltExport.EVENT_COLUMNS).hasSize(61).startsWith("GLOBALEVENTID", "SQLDATE", "MonthYear")
                .endsWith("DATEADDED", "SOURCEURL");
        assertThat(GdeltExport.EVENT_COLUMNS.get(26)).isEqualTo("EventCode");
        StringWriter w = new StringWriter();
        long n = GdeltExport.writeEvents(store, EventQuery.ALL, w, false);
        List<String[]> rows = rows(w.toString());
        assertThat(rows).hasSize((int) n).hasSize((int) store.countClusters(EventQuery.ALL));
        assertThat(rows).allMatch(r -> r.length == 61);
        String[] attack = rows.stream().filter(r -> r[5].equals("ISRMIL")).findFirst().orElseThrow();
        assertThat(attack[1]).isEqualTo("20240206");
        assertThat(attack[2]).isEqualTo("202402");
        assertThat(attack[3]).isEqualTo("2024");
        assertThat(attack[15]).isEqualTo("PSEREB");
        assertThat(attack[28]).isEqualTo("19"); // EventRootCode
        assertThat(attack[29]).isEqualTo("4"); // QuadClass
        assertThat(attack[31]).isEqualTo("2"); // NumMentions
        assertThat(attack[33]).isEqualTo("2"); // NumArticles
        assertThat(attack[34]).isEqualTo("0"); // AvgTone: not computed
        assertThat(attack[59]).matches("\\d{14}"); // DATEADDED
        assertThat(attack[60]).isEqualTo(StoreFixtures.GAZA_A.url());
        // CAMEO codes stay strings: the consultation is 04x with its leading zero
        assertThat(rows).anyMatch(r -> r[26].startsWith("04") && r[28].equals("04") && r[27].startsWith("04"));
    }

    @Test
    void gdeltMentionsHaveSixteenColumnsAndPointToTheirEvent() {
        assertThat(GdeltExport.MENTION_COLUMNS).hasSize(16);
        StringWriter events = new StringWriter();
        GdeltExport.writeEvents(store, EventQuery.ALL, events, false);
        List<String> ids = rows(events.toString()).stream().map(r -> r[0]).toList();
        StringWriter w = new StringWriter();
        GdeltExport.writeMentions(store, EventQuery.ALL, w, true);
        List<String[]> rows = rows(w.toString());
        assertThat(rows.get(0)).containsExactly(GdeltExport.MENTION_COLUMNS.toArray(String[]::new));
        assertThat(rows.subList(1, rows.size())).hasSize((int) store.countEvents(EventQuery.ALL))
                .allMatch(r -> r.length == 16 && ids.contains(r[0]));
        String[] gazaA = rows.stream().filter(r -> r[5].equals(StoreFixtures.GAZA_A.url())).findFirst().orElseThrow();
        assertThat(gazaA[4]).isEqualTo("Agency A");
        assertThat(Integer.parseInt(gazaA[7])).isGreaterThanOrEqualTo(0); // actor offset in the text
    }

    @Test
    void icewsRowsHaveTheTwentyIcewsColumnsPlusUrl() {
        assertThat(IcewsExport.COLUMNS).hasSize(21).startsWith("Event ID", "Event Date", "Source Name")
                .endsWith("Latitude", "Longitude", "URL");
        StringWriter w = new StringWriter();
        IcewsExport.write(store, EventQuery.ALL.withCameo("04"), w, true);
        List<String[]> rows = rows(w.toString());
        assertThat(rows.get(0)).containsExactly(IcewsExport.COLUMNS.toArray(String[]::new));
        assertThat(rows.subList(1, rows.size())).isNotEmpty().allMatch(r -> r.length == 21)
                .allMatch(r -> r[6].startsWith("04") && r[6].length() >= 3 && !r[5].isEmpty());
    }

    @Test
    void polecatRowsHaveFortyColumns() {
        assertThat(PolecatExport.COLUMNS).hasSize(40);
        StringWriter w = new StringWriter();
        PolecatExport.write(store, EventQuery.ALL.withEventType("ASSAULT"), w, true);
        List<String[]> rows = rows(w.toString());
        assertThat(rows.subList(1, rows.size())).hasSize(3).allMatch(r -> r.length == 40)
                .allMatch(r -> r[2].equals("ASSAULT"));
    }

    @Test
    void ploverJsonLinesAreTheCanonicalEvents() {
        StringWriter w = new StringWriter();
        long n = PloverJsonlExport.write(store, EventQuery.ALL, w);
        assertThat(w.toString().lines()).hasSize((int) n).allSatisfy(l -> {
            var obj = Json.parseObject(l);
            assertThat(obj).containsKeys("id", "actor", "cameo", "text_info");
            assertThat(((java.util.Map<?, ?>) obj.get("cameo")).get("code")).isInstanceOf(String.class);
        });
    }

    @Test
    void parquetKeepsCameoCodesAsStrings() throws Exception {
        Path out = dir.resolve("events.parquet");
        long n = store.exportParquet(EventQuery.ALL, false, out);
        assertThat(n).isEqualTo(store.countEvents(EventQuery.ALL));
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT typeof(cameo_code), count(*), count(*) FILTER (WHERE cameo_code"
                     + " LIKE '0%') FROM '" + out + "' GROUP BY 1")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).isEqualTo("VARCHAR");
            assertThat(rs.getLong(2)).isEqualTo(n);
            assertThat(rs.getLong(3)).isPositive();
        }
        assertThat(store.exportParquet(EventQuery.ALL, true, dir.resolve("clusters.parquet")))
                .isEqualTo(store.countClusters(EventQuery.ALL));
    }

    @Test
    void aggregatesSplitDyadsByPeriodAndGroup() {
        StringWriter w = new StringWriter();
        AggregateExport.write(store, new AggregateRequest(EventQuery.ALL, Granularity.WEEK,
                AggregateRequest.GroupBy.QUAD_CLASS, AggregateRequest.Dyad.COUNTRY, false), w, false);
        List<String[]> rows = rows(w.toString());
        assertThat(rows.get(0)).containsExactly("actor", "recipient", "period", "group", "count", "goldstein_sum",
                "goldstein_mean");
        assertThat(rows).anyMatch(r -> r[0].equals("ISR") && r[1].equals("PSE") && r[2].equals("2024-02-05")
                && r[3].equals("4") && r[4].equals("2"));
    }

    @Test
    void networksHaveActorNodesAndWeightedEdges() {
        StringWriter g = new StringWriter();
        long edges = NetworkExport.write(store, EventQuery.ALL, false, false, NetworkExport.Format.GRAPHML, g);
        assertThat(edges).isPositive();
        assertThat(g.toString()).contains("<node id=\"ISRMIL\"/>", "source=\"ISRMIL\" target=\"PSEREB\"",
                "<data key=\"weight\">2</data>");
        StringWriter x = new StringWriter();
        NetworkExport.write(store, EventQuery.ALL, true, true, NetworkExport.Format.GEXF, x);
        assertThat(x.toString()).contains("<gexf", "source=\"ISR\" target=\"PSE\" weight=\"1\"");
    }

    @Test
    void geoJsonIsAValidCollectionEvenWhenNoEventHasCoordinates() {
        StringWriter w = new StringWriter();
        long[] n = GeoJsonExport.write(store, EventQuery.ALL, true, w);
        var obj = Json.parseObject(w.toString());
        assertThat(obj.get("type")).isEqualTo("FeatureCollection");
        assertThat(((List<?>) obj.get("features"))).hasSize((int) n[0]);
        assertThat(n[0] + n[1]).isEqualTo(store.countClusters(EventQuery.ALL));
        assertThat(Arrays.stream(n).sum()).isPositive();
    }
}
