package org.khaldun.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.khaldun.store.EventStore;

/** What ingest will and will not read: feeds by URL under SSRF safeguards, folders without escapes by symlink. */
class IngestSourcesSafetyTest {

    @TempDir
    Path dir;

    @Test
    void aFeedUrlOnLoopbackIsRefusedUnlessPrivateAddressesAreAllowed() throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        byte[] feed = IngestCommandTest.FEED.strip().getBytes(StandardCharsets.UTF_8);
        server.createContext("/wire.rss", ex -> {
            ex.getResponseHeaders().add("Content-Type", "application/rss+xml; charset=utf-8");
            ex.sendResponseHeaders(200, feed.length);
            try (OutputStream out = ex.getResponseBody()) {
                out.write(feed);
            }
        });
        server.start();
        try {
            String url = "http://127.0.0.1:" + server.getAddress().getPort() + "/wire.rss";
            Path db = dir.resolve("k.duckdb");
            CliRun refused = CliRun.run("ingest", "--db", db.toString(), url);
            assertThat(refused.exitCode()).isNotEqualTo(Main.EXIT_OK);
            assertThat(refused.stderr()).contains(url).contains("loopback").contains("--allow-private-urls")
                    .doesNotContain("Exception");

            CliRun allowed = CliRun.run("ingest", "--db", db.toString(), "--allow-private-urls", url);
            assertThat(allowed.exitCode()).as(allowed.stderr()).isEqualTo(Main.EXIT_OK);
            try (EventStore s = EventStore.open(db)) {
                assertThat(s.stats().articles()).isEqualTo(1);
                assertThat(s.article(s.searchArticles("Gaza", org.khaldun.store.PageRequest.first(1)).items().get(0)
                        .seq()).get().article().url()).isEqualTo("https://wire.example/gaza");
            }
        } finally {
            server.stop(0);
        }
    }

    @Test
    void otherSchemesAreRefusedPerRecordNotReadAsFiles() throws IOException {
        Path secret = Files.writeString(dir.resolve("secret.txt"), IngestCommandTest.TALKS);
        Path db = dir.resolve("k.duckdb");
        CliRun run = CliRun.run("ingest", "--db", db.toString(), "file://" + secret);
        assertThat(run.exitCode()).isNotEqualTo(Main.EXIT_OK);
        assertThat(run.stderr()).contains("only http and https");
        try (EventStore s = EventStore.open(db)) {
            assertThat(s.stats().articles()).isZero();
        }
    }

    @Test
    void aSymlinkInAFolderPointingOutsideItIsRefusedByNameAndTheRestIsStored() throws IOException {
        Path outside = Files.createDirectories(dir.resolve("private"));
        Path secret = Files.writeString(outside.resolve("secret.txt"), IngestCommandTest.STRIKE);
        Path in = Files.createDirectories(dir.resolve("in"));
        Files.writeString(in.resolve("talks.txt"), IngestCommandTest.TALKS);
        Files.createSymbolicLink(in.resolve("leak.txt"), secret);
        Files.createSymbolicLink(in.resolve("up"), outside);
        Path db = dir.resolve("k.duckdb");
        CliRun run = CliRun.run("ingest", "--db", db.toString(), "--published", "2024-02-08", in.toString());
        assertThat(run.exitCode()).isEqualTo(Main.EXIT_SOME_RECORDS_FAILED);
        assertThat(run.stderr()).contains("leak.txt").contains("outside");
        try (EventStore s = EventStore.open(db)) {
            assertThat(s.stats().articles()).isEqualTo(1);
            assertThat(s.articleById("talks")).isPresent();
        }
    }
}
