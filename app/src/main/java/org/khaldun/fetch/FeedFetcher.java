package org.khaldun.fetch;

import java.io.IOException;
import java.io.InputStream;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Fetches a feed (or any document) named by URL for {@code ingest}, refusing what would let a URL reach places an
 * analyst's machine should not: a feed URL comes from lists shared between people, and a crafted one (or a redirect
 * in it) could make Khaldun read the machine's own services or the office network (server-side request forgery).
 *
 * <ul>
 *   <li>only {@code http} and {@code https}, without user info in the URL;</li>
 *   <li>every address the host name resolves to must be public: no loopback, link-local (cloud metadata at
 *       169.254.169.254), private (10/8, 172.16/12, 192.168/16, fc00::/7), carrier-grade NAT, multicast,
 *       unspecified or reserved address — unless {@link Policy#allowPrivate()};</li>
 *   <li>redirects are followed by hand, at most {@link #MAX_REDIRECTS}, each new URL checked as the first;</li>
 *   <li>a connect timeout, a timeout for the whole answer, and a size cap counted on the bytes as they arrive
 *       (a server that lies about or omits Content-Length is cut off at the cap).</li>
 * </ul>
 *
 * <p>The host is resolved once by the check and again by the HTTP client; the JVM caches positive look-ups (30 s by
 * default), so both see the same addresses, which closes the usual DNS-rebinding window in practice but is not a
 * guarantee against a resolver that answers differently within it.
 */
public final class FeedFetcher {

    public static final int MAX_REDIRECTS = 5;

    /**
     * @param allowPrivate whether loopback and private-network addresses may be fetched (a feed server on the
     *                     analyst's own network)
     * @param timeout      for the connection, and again for the whole answer
     * @param maxBytes     largest body accepted
     */
    public record Policy(boolean allowPrivate, Duration timeout, long maxBytes) {
        public static final Policy DEFAULT = new Policy(false, Duration.ofSeconds(20), 16L * 1024 * 1024);
    }

    /** A fetched document: the final URL after redirects, its bytes and its charset when the server named one. */
    public record Fetched(URI url, byte[] body, Optional<Charset> charset) {
        /** The body as text: the server's charset, else the XML declaration's, else UTF-8. */
        public String text() {
            Charset cs = charset.orElseGet(() -> xmlDeclared(body).orElse(StandardCharsets.UTF_8));
            return new String(body, cs);
        }
    }

    /** Why a URL was not fetched; the message is for the analyst and names the URL's problem. */
    public static final class RefusedException extends Exception {
        private static final long serialVersionUID = 1L;

        public RefusedException(String message) {
            super(message);
        }
    }

    private final Policy policy;
    private final HttpClient http;

    public FeedFetcher(Policy policy) {
        this.policy = policy;
        this.http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(policy.timeout()).build();
    }

    /** Whether a command-line argument is a URL rather than a path (any scheme, so that file: is refused, not read). */
    public static boolean isUrl(String argument) {
        return argument.matches("(?i)[a-z][a-z0-9+.-]*://.*");
    }

    public Fetched fetch(String url) throws RefusedException {
        URI uri = check(url);
        for (int hop = 0; ; hop++) {
            HttpRequest req = HttpRequest.newBuilder(uri).timeout(policy.timeout()).GET()
                    .header("User-Agent", "Khaldun feed ingest")
                    .header("Accept", "application/rss+xml, application/atom+xml, application/xml, text/xml;q=0.9, */*;q=0.1")
                    .build();
            HttpResponse<InputStream> res;
            try {
                res = http.send(req, HttpResponse.BodyHandlers.ofInputStream());
            } catch (HttpTimeoutException e) {
                throw new RefusedException("no answer from " + uri.getHost() + " within " + policy.timeout().toSeconds() + " s");
            } catch (IOException e) {
                throw new RefusedException("cannot fetch " + uri + ": " + e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new RefusedException("interrupted while fetching " + uri);
            }
            int status = res.statusCode();
            if (status >= 300 && status < 400 && res.headers().firstValue("Location").isPresent()) {
                close(res.body());
                if (hop >= MAX_REDIRECTS) {
                    throw new RefusedException("more than " + MAX_REDIRECTS + " redirects from " + url);
                }
                String location = res.headers().firstValue("Location").get();
                try {
                    uri = check(uri.resolve(location.strip()).toString());
                } catch (IllegalArgumentException e) {
                    throw new RefusedException(uri + " redirects to a malformed URL: " + location);
                } catch (RefusedException e) {
                    throw new RefusedException(uri + " redirects to " + location + ", refused: " + e.getMessage());
                }
                continue;
            }
            if (status != 200) {
                close(res.body());
                throw new RefusedException(uri + " answered HTTP " + status);
            }
            long declared = res.headers().firstValueAsLong("Content-Length").orElse(-1);
            if (declared > policy.maxBytes()) {
                close(res.body());
                throw new RefusedException(uri + " is " + declared + " bytes, over the limit of " + policy.maxBytes());
            }
            byte[] body;
            try (InputStream in = res.body()) {
                body = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, policy.maxBytes() + 1));
            } catch (IOException e) {
                throw new RefusedException("reading " + uri + " failed: " + e.getMessage());
            }
            if (body.length > policy.maxBytes()) {
                throw new RefusedException(uri + " is larger than the limit of " + policy.maxBytes() + " bytes");
            }
            return new Fetched(uri, body, res.headers().firstValue("Content-Type").flatMap(FeedFetcher::charsetOf));
        }
    }

    /** The URL as a URI if its scheme, form and every address of its host are acceptable. */
    URI check(String url) throws RefusedException {
        URI uri;
        try {
            uri = new URI(url.strip());
        } catch (URISyntaxException e) {
            throw new RefusedException("not a valid URL: " + url);
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new RefusedException("only http and https URLs are fetched, not " + (scheme.isEmpty() ? "this" : scheme
                    + ":") + " (" + url + ")");
        }
        if (uri.getRawUserInfo() != null) {
            throw new RefusedException("a URL with user name or password is not fetched: " + uri.getHost());
        }
        String host = uri.getHost();
        if (host == null || host.isEmpty()) {
            throw new RefusedException("the URL names no host: " + url);
        }
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(host);
        } catch (UnknownHostException e) {
            throw new RefusedException("unknown host " + host);
        }
        if (!policy.allowPrivate()) {
            for (InetAddress a : addresses) {
                String why = nonPublic(a);
                if (why != null) {
                    throw new RefusedException(host + " resolves to " + a.getHostAddress() + ", a " + why
                            + " address; fetching it needs --allow-private-urls");
                }
            }
        }
        return uri;
    }

    /** Why an address is not on the public internet, or null when it is. */
    static String nonPublic(InetAddress a) {
        if (a.isLoopbackAddress()) {
            return "loopback";
        }
        if (a.isAnyLocalAddress()) {
            return "unspecified";
        }
        if (a.isLinkLocalAddress()) {
            return "link-local";
        }
        if (a.isSiteLocalAddress()) {
            return "private";
        }
        if (a.isMulticastAddress()) {
            return "multicast";
        }
        byte[] b = a.getAddress();
        if (a instanceof Inet4Address) {
            int x = b[0] & 0xff;
            int y = b[1] & 0xff;
            if (x == 0 || x >= 240) {
                return "reserved";
            }
            if (x == 100 && y >= 64 && y < 128) {
                return "carrier-grade NAT";
            }
            if (x == 192 && y == 0 && (b[2] & 0xff) == 0 || x == 198 && (y == 18 || y == 19)) {
                return "reserved";
            }
        } else if (a instanceof Inet6Address) {
            if ((b[0] & 0xfe) == 0xfc) {
                return "private (unique local)";
            }
            boolean v4compatible = true;
            for (int i = 0; i < 12; i++) {
                v4compatible &= b[i] == 0;
            }
            if (v4compatible) {
                return "reserved";
            }
            if ((b[0] & 0xff) == 0x20 && (b[1] & 0xff) == 0x02) {
                return "6to4"; // tunnels to an embedded IPv4 address that may be private
            }
            if ((b[0] & 0xff) == 0 && (b[1] & 0xff) == 0x64 && (b[2] & 0xff) == 0xff && (b[3] & 0xff) == 0x9b) {
                return "NAT64"; // 64:ff9b::/96 embeds an IPv4 address
            }
        }
        return null;
    }

    private static Optional<Charset> charsetOf(String contentType) {
        Matcher m = Pattern.compile("(?i)charset=\"?([A-Za-z0-9._:-]+)").matcher(contentType);
        if (m.find()) {
            try {
                return Optional.of(Charset.forName(m.group(1)));
            } catch (RuntimeException e) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    private static Optional<Charset> xmlDeclared(byte[] body) {
        String head = new String(body, 0, Math.min(body.length, 200), StandardCharsets.ISO_8859_1);
        Matcher m = Pattern.compile("^\\s*<\\?xml[^>]*encoding=[\"']([A-Za-z0-9._:-]+)").matcher(head);
        if (m.find()) {
            try {
                return Optional.of(Charset.forName(m.group(1)));
            } catch (RuntimeException e) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    private static void close(InputStream in) {
        try {
            in.close();
        } catch (IOException e) {
            // nothing more to read from it
        }
    }
}
