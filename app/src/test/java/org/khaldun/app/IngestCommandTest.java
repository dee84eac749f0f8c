package org.khaldun.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.khaldun.store.EventQuery;
import org.khaldun.store.EventStore;

class IngestCommandTest {

    @TempDir
    Path dir;

    static final String TALKS = "Iran and Iraq discuss border security\n\n"
            + "On Monday, the Iraqi foreign minister received his Iranian counterpart in Baghdad.\n";
    static final String STRIKE = "Israeli jets strike Gaza\n\n"
            + "Israeli warplanes bombed Hamas positions in Gaza on Tuesday, the Israeli military said.\n";
    static final String FEED = """
            <?xml version="1.0"?>
            <rss version="2.0"><channel><title>Wire</title>
            <item><title>Gaza hit by air strikes</title><link>https://wire.example/gaza</link>
            <pubDate>Thu, 08 Feb 2024 08:00:00 GMT</pubDate>
            <description>The Israeli army attacked Hamas targets in the Gaza Strip on Tuesday night.</description></item>
            </channel></rss>
            """;

    @Test
    void ingestingAFolderTwiceStoresEachArticleOnceAndSaysSo() throws IOException {
        Path in = Files.createDirectories(dir.resolve("in"));
        Files.writeString(in.resolve("talks.txt"), TALKS);
        Files.writeString(in.resolve("strike.txt"), STRIKE);
        Files.writeString(in.resolve("wire.rss"), FEED);
        Path db = dir.resolve("k.duckdb");

        CliRun first = CliRun.run("ingest", "--db", db.toString(), "--published", "2024-02-08", in.toString());
        assertThat(first.exitCode()).as(first.stderr()).isEqualTo(Main.EXIT_OK);
        assertThat(first.stdout()).isEmpty();
        assertThat(first.stderr()).contains("coded 3 articles");
        CliRun second = CliRun.run("ingest", "--db", db.toString(), "--published", "2024-02-08", in.toString());
        assertThat(second.exitCode()).isEqualTo(Main.EXIT_OK);
        assertThat(second.stderr()).contains("coded 0 articles").contains("3 already stored");

        try (EventStore s = EventStore.open(db)) {
            assertThat(s.stats().articles()).isEqualTo(3);
            // the feed item and the text file report the same attack
            var attack = s.clusters(EventQuery.ALL.withActor("ISR"), org.khaldun.store.PageRequest.first(5)).items();
            assertThat(attack).singleElement().satisfies(c -> assertThat(c.numArticles()).isEqualTo(2));
        }
    }

    @Test
    void aRecordThatCannotBeReadIsNamedAndTheOthersAreStored() throws IOException {
        Path in = Files.createDirectories(dir.resolve("in"));
        Files.writeString(in.resolve("a-empty.txt"), "");
        Files.writeString(in.resolve("b-talks.txt"), TALKS);
        Path db = dir.resolve("k.duckdb");
        CliRun run = CliRun.run("ingest", "--db", db.toString(), "--published", "2024-02-08", in.toString());
        assertThat(run.exitCode()).isEqualTo(Main.EXIT_SOME_RECORDS_FAILED);
        assertThat(run.stderr()).contains("a-empty.txt").doesNotContain("Exception");
        try (EventStore s = EventStore.open(db)) {
            assertThat(s.articleById("b-talks")).isPresent();
            assertThat(s.stats().articles()).isEqualTo(1);
        }
    }

    @Test
    void recodeRecodesOnlyArticlesCodedWithAnotherCodebookVersion() throws Exception {
        Path in = Files.createDirectories(dir.resolve("in"));
        Files.writeString(in.resolve("talks.txt"), TALKS);
        Files.writeString(in.resolve("strike.txt"), STRIKE);
        Path db = dir.resolve("k.duckdb");
        assertThat(CliRun.run("ingest", "--db", db.toString(), "--published", "2024-02-08", in.toString()).exitCode())
                .isZero();
        long events;
        try (EventStore s = EventStore.open(db)) {
            events = s.stats().events();
        }
        // as if "talks" had been coded by an older Khaldun
        try (var c = java.sql.DriverManager.getConnection("jdbc:duckdb:" + db); var st = c.createStatement()) {
            st.execute("UPDATE articles SET codebook = 'khaldun-codebook-old' WHERE id = 'talks'");
            st.execute("UPDATE events SET codebook = 'khaldun-codebook-old' WHERE article_id = 'talks'");
        }
        CliRun recode = CliRun.run("recode", "--db", db.toString());
        assertThat(recode.exitCode()).as(recode.stderr()).isZero();
        assertThat(recode.stderr()).contains("coded 1 article");
        try (EventStore s = EventStore.open(db)) {
            assertThat(s.stats().events()).isEqualTo(events);
            assertThat(s.stats().eventsByCodebook()).doesNotContainKey("khaldun-codebook-old");
            assertThat(s.countEvents(EventQuery.ALL.withCodebook("khaldun-codebook-old"))).isZero();
        }
    }

    @Test
    void exportWritesGdeltRowsOfSixtyOneColumnsToStdout() throws IOException {
        Path f = dir.resolve("talks.txt");
        Files.writeString(f, TALKS);
        Path db = dir.resolve("k.duckdb");
        assertThat(CliRun.run("ingest", "--db", db.toString(), "--published", "2024-02-08", f.toString()).exitCode())
                .isZero();
        CliRun run = CliRun.run("export", "--db", db.toString(), "--format", "gdelt", "--cameo", "04");
        assertThat(run.exitCode()).as(run.stderr()).isZero();
        assertThat(run.lines()).isNotEmpty().allSatisfy(l -> {
            String[] cols = l.split("\t", -1);
            assertThat(cols).hasSize(61);
            assertThat(cols[26]).startsWith("04");
        });
        CliRun recode = CliRun.run("recode", "--db", db.toString());
        assertThat(recode.exitCode()).isZero();
        assertThat(recode.stderr()).contains("nothing to recode");
    }
}
