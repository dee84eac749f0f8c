package org.khaldun.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real {@code khaldun ingest} process killed with SIGKILL while it stores, then run again on the same DuckDB file:
 * nothing lost, nothing stored twice, no article with part of its events.
 */
class IngestCrashTest {

    @TempDir
    Path dir;

    static final List<String> CITIES = List.of("Baghdad", "Basra", "Mosul", "Erbil", "Najaf", "Kirkuk");
    static final int ARTICLES = 240;

    @Test
    void killedDuringIngestThenRerunStoresEveryArticleExactlyOnceWithAllItsEvents() throws Exception {
        Path in = Files.createDirectories(dir.resolve("in"));
        for (int i = 0; i < ARTICLES; i++) {
            String city = CITIES.get(i % CITIES.size());
            String text = switch (i % 3) {
                case 0 -> "Talks in " + city + " (" + i + ")\n\nOn Monday, the Iraqi foreign minister received his"
                        + " Iranian counterpart in " + city + " for the " + i + "th round of talks.";
                case 1 -> "Strike near " + city + " (" + i + ")\n\nIsraeli warplanes bombed Hamas positions on Tuesday,"
                        + " the Israeli military said in statement number " + i + ".";
                default -> "Protest in " + city + " (" + i + ")\n\nPolice arrested " + i + " protesters in " + city
                        + " on Wednesday, and the United States accused Iran of supporting militias.";
            };
            Files.writeString(in.resolve(String.format("a%03d.txt", i)), text);
        }
        Path db = dir.resolve("k.duckdb");
        Path log = dir.resolve("child.log");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        // the store's trace line is printed after each batch's commit: it tells the test when batches are landing.
        // The launcher's heap (./khaldun: -Xmx2g): with 1,500 MB the parser's 800 MB table once failed to load
        // while another build shared the machine
        Process child = new ProcessBuilder(java, "-Xmx2g", "-Dkhaldun.store.trace=true", "-cp", System.getProperty("java.class.path"),
                "org.khaldun.app.Main", "ingest", "--db", db.toString(), "--batch", "4", "--threads", "1",
                "--published", "2024-02-08", in.toString())
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        try {
            // wait until a few batches are committed, then kill while the next ones are being coded and written
            long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
            while (child.isAlive() && System.nanoTime() < deadline && commits(log) < 3) {
                Thread.sleep(20);
            }
            Thread.sleep(new java.util.Random().nextInt(400));
            assertThat(child.isAlive()).as("the child ingest ended before it could be killed: " + Files.readString(log))
                    .isTrue();
            child.destroyForcibly(); // SIGKILL on Unix: no shutdown hook, no close
            assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
        } finally {
            child.destroyForcibly();
        }

        long storedBeforeRestart = checkConsistent(db);
        assertThat(storedBeforeRestart).as("some articles were stored before the kill, not all").isBetween(1L,
                (long) ARTICLES - 1);

        CliRun rerun = CliRun.run("ingest", "--db", db.toString(), "--batch", "4", "--published", "2024-02-08",
                in.toString());
        assertThat(rerun.exitCode()).as(rerun.stderr()).isEqualTo(Main.EXIT_OK);
        assertThat(rerun.stderr()).contains(storedBeforeRestart + " already stored");
        assertThat(checkConsistent(db)).isEqualTo(ARTICLES);
    }

    private static long commits(Path log) throws java.io.IOException {
        return Files.exists(log) ? Files.readString(log).lines().filter(l -> l.startsWith("store: assign")).count() : 0;
    }

    /** The number of stored articles, after checking every one is whole and none is there twice. */
    private static long checkConsistent(Path db) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + db);
             Statement s = c.createStatement()) {
            try (ResultSet r = s.executeQuery("SELECT count(*), count(DISTINCT id), count(DISTINCT content_hash)"
                    + " FROM articles")) {
                r.next();
                assertThat(r.getLong(2)).as("distinct ids").isEqualTo(r.getLong(1));
                assertThat(r.getLong(3)).as("distinct texts").isEqualTo(r.getLong(1));
            }
            try (ResultSet r = s.executeQuery("SELECT a.id, a.num_events, (SELECT count(*) FROM events e WHERE"
                    + " e.article_seq = a.seq), (SELECT count(*) FROM sentences x WHERE x.article_seq = a.seq)"
                    + " FROM articles a")) {
                while (r.next()) {
                    assertThat(r.getLong(3)).as("events of " + r.getString(1)).isEqualTo(r.getLong(2));
                    assertThat(r.getLong(4)).as("sentences of " + r.getString(1)).isPositive();
                }
            }
            try (ResultSet r = s.executeQuery("SELECT count(*) FROM events e WHERE NOT EXISTS (SELECT 1 FROM"
                    + " articles a WHERE a.seq = e.article_seq) OR NOT EXISTS (SELECT 1 FROM clusters k WHERE"
                    + " k.cluster_id = e.cluster_id)")) {
                r.next();
                assertThat(r.getLong(1)).as("events without article or cluster").isZero();
            }
            try (ResultSet r = s.executeQuery("SELECT count(*) FROM clusters k WHERE num_mentions <> (SELECT count(*)"
                    + " FROM events e WHERE e.cluster_id = k.cluster_id)")) {
                r.next();
                assertThat(r.getLong(1)).as("clusters whose mention count disagrees with their events").isZero();
            }
            try (ResultSet r = s.executeQuery("SELECT count(*) FROM articles")) {
                r.next();
                return r.getLong(1);
            }
        }
    }
}
