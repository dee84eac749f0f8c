package org.khaldun.fetch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Feeds fetched by URL reach only what the analyst allowed, in bounded time and size. */
class FeedFetcherTest {

    static final String FEED = "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Local</title><item>"
            + "<title>T</title><link>https://x.example/1</link><description>Text.</description></item></channel></rss>";

    HttpServer server;
    String base;

    static final FeedFetcher.Policy LOCAL_OK = new FeedFetcher.Policy(true, Duration.ofSeconds(5), 1 << 20);

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/feed.xml", ex -> send(ex, 200, FEED.getBytes(StandardCharsets.UTF_8)));
        server.createContext("/to-feed", ex -> {
            ex.getResponseHeaders().add("Location", "/feed.xml");
            send(ex, 302, new byte[0]);
        });
        server.createContext("/to-file", ex -> {
            ex.getResponseHeaders().add("Location", "file:///etc/passwd");
            send(ex, 302, new byte[0]);
        });
        server.createContext("/loop", ex -> {
            ex.getResponseHeaders().add("Location", "/loop");
            send(ex, 302, new byte[0]);
        });
        server.createContext("/huge", ex -> {
            // chunked, no Content-Length: the cap must count the bytes themselves
            ex.sendResponseHeaders(200, 0);
            try (OutputStream out = ex.getResponseBody()) {
                byte[] kb = new byte[1024];
                for (int i = 0; i < 4096; i++) {
                    out.write(kb);
                }
            } catch (IOException e) {
                // the client hung up at its cap
            }
        });
        server.createContext("/slow", ex -> {
            try {
                Thread.sleep(4000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            send(ex, 200, FEED.getBytes(StandardCharsets.UTF_8));
        });
        server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
        server.start();
        base = "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private static void send(com.sun.net.httpserver.HttpExchange ex, int status, byte[] body) throws IOException {
        ex.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(body);
        }
    }

    @Test
    void aFeedOnLoopbackIsRefusedByDefaultAndFetchedWhenPrivateAddressesAreAllowed() throws Exception {
        assertThatThrownBy(() -> new FeedFetcher(FeedFetcher.Policy.DEFAULT).fetch(base + "/feed.xml"))
                .isInstanceOf(FeedFetcher.RefusedException.class).hasMessageContaining("loopback")
                .hasMessageContaining("--allow-private-urls");
        assertThatThrownBy(() -> new FeedFetcher(FeedFetcher.Policy.DEFAULT).fetch(
                "http://localhost:" + server.getAddress().getPort() + "/feed.xml"))
                .hasMessageContaining("loopback");
        var f = new FeedFetcher(LOCAL_OK).fetch(base + "/feed.xml");
        assertThat(f.text()).isEqualTo(FEED);
    }

    @Test
    void redirectsAreFollowedOnlyToUrlsThatPassTheSameChecks() throws Exception {
        var f = new FeedFetcher(LOCAL_OK).fetch(base + "/to-feed");
        assertThat(f.url().getPath()).isEqualTo("/feed.xml");
        assertThatThrownBy(() -> new FeedFetcher(LOCAL_OK).fetch(base + "/to-file"))
                .hasMessageContaining("only http and https");
        assertThatThrownBy(() -> new FeedFetcher(LOCAL_OK).fetch(base + "/loop"))
                .hasMessageContaining("more than 5 redirects");
    }

    @Test
    void onlyHttpAndHttpsWithoutCredentialsAreFetched() {
        FeedFetcher f = new FeedFetcher(LOCAL_OK);
        for (String url : new String[] {"file:///etc/passwd", "ftp://example.org/feed", "gopher://x/", "jar:file:/x!/"}) {
            assertThatThrownBy(() -> f.fetch(url)).as(url).isInstanceOf(FeedFetcher.RefusedException.class);
        }
        assertThatThrownBy(() -> f.fetch("http://user:pw@127.0.0.1/")).hasMessageContaining("password");
    }

    @Test
    void aBodyOverTheCapAndAServerTooSlowAreCutOff() {
        var small = new FeedFetcher(new FeedFetcher.Policy(true, Duration.ofSeconds(5), 64 * 1024));
        assertThatThrownBy(() -> small.fetch(base + "/huge")).hasMessageContaining("limit");
        var impatient = new FeedFetcher(new FeedFetcher.Policy(true, Duration.ofSeconds(1), 1 << 20));
        assertThatThrownBy(() -> impatient.fetch(base + "/slow")).hasMessageContaining("no answer");
    }

    @Test
    void addressesOutsideThePublicInternetAreRecognised() throws Exception {
        for (String a : new String[] {"127.0.0.1", "10.1.2.3", "172.16.0.1", "192.168.1.1", "169.254.169.254",
                "100.64.0.1", "0.0.0.0", "::1", "fe80::1", "fd00::1", "::ffff:127.0.0.1", "::", "255.255.255.255",
                "224.0.0.1"}) {
            assertThat(FeedFetcher.nonPublic(InetAddress.getByName(a))).as(a).isNotNull();
        }
        for (String a : new String[] {"93.184.216.34", "8.8.8.8", "2606:4700::1111"}) {
            assertThat(FeedFetcher.nonPublic(InetAddress.getByName(a))).as(a).isNull();
        }
    }
}
