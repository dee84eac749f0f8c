package org.khaldun.fetch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.KeyStore;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
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
        server.createContext("/echo-host", ex -> send(ex, 200,
                (ex.getRequestHeaders().getFirst("Host") + " " + ex.getRequestURI()).getBytes(StandardCharsets.UTF_8)));
        server.createContext("/chunked", ex -> {
            ex.sendResponseHeaders(200, 0);
            try (OutputStream out = ex.getResponseBody()) {
                byte[] feed = FEED.getBytes(StandardCharsets.UTF_8);
                for (int i = 0; i < feed.length; i += 7) {
                    out.write(feed, i, Math.min(7, feed.length - i));
                    out.flush(); // one chunk each
                }
            }
        });
        server.createContext("/to-intranet", ex -> {
            ex.getResponseHeaders().add("Location", "http://intranet.test/feed.xml");
            send(ex, 302, new byte[0]);
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
    void stop() throws IOException {
        server.stop(0);
        for (ServerSocket s : rawServers) {
            s.close();
        }
    }

    final List<ServerSocket> rawServers = new ArrayList<>();

    interface Script {
        void answer(Socket client) throws IOException, InterruptedException;
    }

    /** A server that reads the request head and then writes what the script says: for answers HttpServer never sends. */
    String raw(Script script) throws IOException {
        ServerSocket ss = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        rawServers.add(ss);
        Thread t = new Thread(() -> {
            while (!ss.isClosed()) {
                try (Socket s = ss.accept()) {
                    InputStream in = s.getInputStream();
                    for (int state = 0; state < 4; ) { // up to CR LF CR LF
                        int b = in.read();
                        if (b < 0) {
                            break;
                        }
                        state = b == (state % 2 == 0 ? '\r' : '\n') ? state + 1 : b == '\r' ? 1 : 0;
                    }
                    script.answer(s);
                } catch (IOException | InterruptedException e) {
                    // the client hung up, or the test is over
                }
            }
        });
        t.setDaemon(true);
        t.start();
        return "http://127.0.0.1:" + ss.getLocalPort();
    }

    private static void write(Socket s, String text) throws IOException {
        s.getOutputStream().write(text.getBytes(StandardCharsets.ISO_8859_1));
        s.getOutputStream().flush();
    }

    /** A resolver for made-up names that counts its calls and answers from a list per name, the last one repeating. */
    static final class FakeDns implements FeedFetcher.Resolver {
        final Map<String, List<String>> answers;
        final AtomicInteger calls = new AtomicInteger();

        FakeDns(Map<String, List<String>> answers) {
            this.answers = answers;
        }

        @Override
        public InetAddress[] resolve(String host) throws java.net.UnknownHostException {
            int n = calls.getAndIncrement();
            List<String> a = answers.get(host);
            if (a == null) {
                throw new java.net.UnknownHostException(host);
            }
            return new InetAddress[] {InetAddress.getByName(a.get(Math.min(n, a.size() - 1)))};
        }
    }

    /** Dials the local test server whatever address it is asked for, and notes the address asked for. */
    FeedFetcher.Dialer recordingDialer(List<InetSocketAddress> dialled) {
        return (address, timeout) -> {
            dialled.add(address);
            return FeedFetcher.dialDirect(new InetSocketAddress(InetAddress.getLoopbackAddress(),
                    server.getAddress().getPort()), timeout);
        };
    }

    int port() {
        return server.getAddress().getPort();
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

    @Test
    void theConnectionGoesToTheAddressTheCheckSawAndTheNameIsResolvedOncePerHop() throws Exception {
        // a rebinding resolver: the first answer is the test server, later answers an address where nothing listens
        var dns = new FakeDns(Map.of("feeds.test", List.of("127.0.0.1", "127.0.0.2")));
        var f = new FeedFetcher(LOCAL_OK, dns).fetch("http://feeds.test:" + port() + "/feed.xml");
        assertThat(f.text()).isEqualTo(FEED);
        assertThat(dns.calls).hasValue(1);

        var twoHops = new FakeDns(Map.of("feeds.test", List.of("127.0.0.1", "127.0.0.1", "127.0.0.2")));
        new FeedFetcher(LOCAL_OK, twoHops).fetch("http://feeds.test:" + port() + "/to-feed");
        assertThat(twoHops.calls).hasValue(2);
    }

    @Test
    void aNameThatRebindsToLoopbackAfterTheCheckReachesOnlyThePublicAddressChecked() throws Exception {
        var dns = new FakeDns(Map.of("news.test", List.of("203.0.113.10", "127.0.0.1")));
        List<InetSocketAddress> dialled = new CopyOnWriteArrayList<>();
        var fetcher = new FeedFetcher(FeedFetcher.Policy.DEFAULT, dns, recordingDialer(dialled));
        assertThat(fetcher.fetch("http://news.test:" + port() + "/feed.xml").text()).isEqualTo(FEED);
        assertThat(dialled).containsExactly(new InetSocketAddress(InetAddress.getByName("203.0.113.10"), port()));
        assertThat(dns.calls).hasValue(1);
    }

    @Test
    void aRedirectToAPrivateAddressIsRefusedBeforeAnyConnectionIsMade() {
        var dns = new FakeDns(Map.of("news.test", List.of("203.0.113.10"), "intranet.test", List.of("10.0.0.5")));
        List<InetSocketAddress> dialled = new CopyOnWriteArrayList<>();
        var fetcher = new FeedFetcher(FeedFetcher.Policy.DEFAULT, dns, recordingDialer(dialled));
        assertThatThrownBy(() -> fetcher.fetch("http://news.test:" + port() + "/to-intranet"))
                .hasMessageContaining("redirects to http://intranet.test/feed.xml, refused")
                .hasMessageContaining("10.0.0.5, a private address");
        assertThat(dialled).hasSize(1);
    }

    @Test
    void aMadeUpNameIsSentAsHostWithItsPortAndTheQueryIsKept() throws Exception {
        var dns = new FakeDns(Map.of("feeds.test", List.of("127.0.0.1")));
        var f = new FeedFetcher(LOCAL_OK, dns).fetch("http://feeds.test:" + port() + "/echo-host?page=2&q=a%20b#top");
        assertThat(f.text()).isEqualTo("feeds.test:" + port() + " /echo-host?page=2&q=a%20b");
    }

    @Test
    void chunkedAndCloseDelimitedBodiesAreReadWhole() throws Exception {
        assertThat(new FeedFetcher(LOCAL_OK).fetch(base + "/chunked").text()).isEqualTo(FEED);

        String latin = "<rss><title>Caf\u00e9 \u00e0 Tunis</title></rss>";
        String closing = raw(c -> {
            write(c, "HTTP/1.0 200 OK\r\nContent-Type: application/rss+xml; charset=ISO-8859-1\r\n\r\n" + latin);
            c.close();
        });
        var f = new FeedFetcher(LOCAL_OK).fetch(closing + "/feed");
        assertThat(f.text()).isEqualTo(latin);

        String withTrailer = raw(c -> write(c, "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n"
                + "5;ext=1\r\n<rss>\r\n6\r\n</rss>\r\n0\r\nX-Trailer: t\r\n\r\n"));
        assertThat(new FeedFetcher(LOCAL_OK).fetch(withTrailer + "/").text()).isEqualTo("<rss></rss>");
    }

    @Test
    void aChunkedBodyOverTheCapIsRefusedEvenWhenOneChunkAnnouncesIt() throws Exception {
        var small = new FeedFetcher(new FeedFetcher.Policy(true, Duration.ofSeconds(5), 64 * 1024));
        assertThatThrownBy(() -> small.fetch(base + "/huge")).hasMessageContaining("larger than the limit of 65536");
        String oneHugeChunk = raw(c -> {
            write(c, "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nFFFFFFFFFF\r\n");
            c.getInputStream().read(); // until the client hangs up
        });
        assertThatThrownBy(() -> small.fetch(oneHugeChunk + "/")).hasMessageContaining("larger than the limit");
    }

    @Test
    void endlessHeadersAreRefusedAtABound() throws Exception {
        String manyLines = raw(c -> {
            write(c, "HTTP/1.1 200 OK\r\n");
            for (int i = 0; ; i++) {
                write(c, "X-Filler-" + i + ": v\r\n");
            }
        });
        assertThatThrownBy(() -> new FeedFetcher(LOCAL_OK).fetch(manyLines + "/"))
                .hasMessageContaining("more than " + FeedFetcher.MAX_HEADER_LINES + " header lines");
        String oneEndlessLine = raw(c -> {
            write(c, "HTTP/1.1 200 OK\r\nX-Filler: ");
            byte[] kb = "x".repeat(1024).getBytes(StandardCharsets.US_ASCII);
            while (true) {
                c.getOutputStream().write(kb);
            }
        });
        assertThatThrownBy(() -> new FeedFetcher(LOCAL_OK).fetch(oneEndlessLine + "/"))
                .hasMessageContaining("KiB of status and header lines");
    }

    @Test
    void aServerThatNeverAnswersOrTricklesIsCutOffAtTheTimeout() throws Exception {
        var impatient = new FeedFetcher(new FeedFetcher.Policy(true, Duration.ofSeconds(1), 1 << 20));
        String silent = raw(c -> c.getInputStream().read()); // accepts, reads, says nothing
        assertThatThrownBy(() -> impatient.fetch(silent + "/")).hasMessageContaining("no answer from 127.0.0.1 within 1 s");
        // a TLS handshake the server never answers is under the same deadline
        assertThatThrownBy(() -> impatient.fetch(silent.replace("http:", "https:") + "/"))
                .hasMessageContaining("no answer from 127.0.0.1 within 1 s");
        String trickle = raw(c -> {
            write(c, "HTTP/1.1 200 OK\r\nContent-Length: 1000\r\n\r\n");
            while (true) {
                write(c, "x"); // each byte well within the read timeout: only the deadline stops it
                Thread.sleep(100);
            }
        });
        assertThatThrownBy(() -> impatient.fetch(trickle + "/")).hasMessageContaining("did not finish its answer within 1 s");
    }

    @Test
    void malformedOrTruncatedAnswersAreRefusedWithTheReason() throws Exception {
        String ssh = raw(c -> write(c, "SSH-2.0-OpenSSH_9.6\r\n"));
        assertThatThrownBy(() -> new FeedFetcher(LOCAL_OK).fetch(ssh + "/")).hasMessageContaining("did not answer HTTP");
        String short_ = raw(c -> {
            write(c, "HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\n<rss>");
            c.close();
        });
        assertThatThrownBy(() -> new FeedFetcher(LOCAL_OK).fetch(short_ + "/"))
                .hasMessageContaining("closed the connection after 5 bytes");
        String twoLengths = raw(c -> write(c, "HTTP/1.1 200 OK\r\nContent-Length: 5\r\nContent-Length: 6\r\n\r\n<rss>"));
        assertThatThrownBy(() -> new FeedFetcher(LOCAL_OK).fetch(twoLengths + "/"))
                .hasMessageContaining("conflicting Content-Length");
    }

    @Test
    void httpsIsVerifiedAgainstTheHostNameOverTheSocketToTheCheckedAddress() throws Exception {
        char[] pw = "khaldun-test".toCharArray();
        KeyStore ks = KeyStore.getInstance("PKCS12");
        try (InputStream in = getClass().getResourceAsStream("feeds-test.p12")) {
            ks.load(in, pw); // a self-signed certificate for the name feeds.test only
        }
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(ks, pw);
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(ks);
        SSLContext serverCtx = SSLContext.getInstance("TLS");
        serverCtx.init(kmf.getKeyManagers(), null, null);
        SSLContext clientCtx = SSLContext.getInstance("TLS");
        clientCtx.init(null, tmf.getTrustManagers(), null);

        HttpsServer tls = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        tls.setHttpsConfigurator(new HttpsConfigurator(serverCtx));
        tls.createContext("/feed.xml", ex -> send(ex, 200, FEED.getBytes(StandardCharsets.UTF_8)));
        tls.start();
        try {
            int p = tls.getAddress().getPort();
            var dns = new FakeDns(Map.of("feeds.test", List.of("127.0.0.1"), "other.test", List.of("127.0.0.1"),
                    "127.0.0.1", List.of("127.0.0.1")));
            var fetcher = new FeedFetcher(LOCAL_OK, dns, FeedFetcher::dialDirect, clientCtx.getSocketFactory());
            assertThat(fetcher.fetch("https://feeds.test:" + p + "/feed.xml").text()).isEqualTo(FEED);
            // same server, same certificate, but the URL names another host: the certificate does not vouch for it
            assertThatThrownBy(() -> fetcher.fetch("https://other.test:" + p + "/feed.xml"))
                    .hasMessageContaining("TLS with other.test failed");
            assertThatThrownBy(() -> fetcher.fetch("https://127.0.0.1:" + p + "/feed.xml"))
                    .hasMessageContaining("TLS with 127.0.0.1 failed");
        } finally {
            tls.stop(0);
        }
    }
}
