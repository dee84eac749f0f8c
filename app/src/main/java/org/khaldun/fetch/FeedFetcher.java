package org.khaldun.fetch;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;

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
 *   <li>a connect timeout, a deadline for the whole answer (status, headers and body: a server trickling bytes is
 *       cut off too), a size cap counted on the bytes as they arrive (a server that lies about or omits
 *       Content-Length is cut off at the cap), and bounded header lines.</li>
 * </ul>
 *
 * <p>The host is resolved exactly once per hop, and the socket is opened to one of the addresses that check
 * accepted, never to a name: a resolver that answers a public address to the check and a private one a moment later
 * (DNS rebinding) gains nothing, because nothing asks it again. That is why this class speaks its small part of
 * HTTP/1.1 itself instead of handing the URL to {@code java.net.http.HttpClient}, which would resolve the name
 * anew. For https, TLS is layered over the connected socket with the host NAME as SNI and as the identity the
 * certificate is verified against, as a browser would.
 */
public final class FeedFetcher {

    public static final int MAX_REDIRECTS = 5;
    /** Status line, headers and chunk trailers together: a hostile server must not make us buffer without end. */
    static final int MAX_HEADER_BYTES = 64 * 1024;
    static final int MAX_HEADER_LINES = 100;
    /** A chunk-size line: hex digits and perhaps extensions, which are ignored. */
    static final int MAX_CHUNK_LINE = 1024;

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

    /** Host name to addresses; asked once per hop. */
    @FunctionalInterface
    interface Resolver {
        InetAddress[] resolve(String host) throws UnknownHostException;
    }

    /** Opens a TCP connection to exactly the given address (tests put a recorder here). */
    @FunctionalInterface
    interface Dialer {
        Socket dial(InetSocketAddress address, int timeoutMillis) throws IOException;
    }

    /** A URL that passed the checks, with the addresses its host resolved to at that moment. */
    record Hop(URI uri, List<InetAddress> addresses) {
    }

    private final Policy policy;
    private final Resolver resolver;
    private final Dialer dialer;
    private final SSLSocketFactory tls;

    public FeedFetcher(Policy policy) {
        this(policy, InetAddress::getAllByName);
    }

    FeedFetcher(Policy policy, Resolver resolver) {
        this(policy, resolver, FeedFetcher::dialDirect);
    }

    FeedFetcher(Policy policy, Resolver resolver, Dialer dialer) {
        this(policy, resolver, dialer, null);
    }

    /** @param tls null for the JVM's default, taken when first needed (loading the trust store costs a second) */
    FeedFetcher(Policy policy, Resolver resolver, Dialer dialer, SSLSocketFactory tls) {
        this.policy = policy;
        this.resolver = resolver;
        this.dialer = dialer;
        this.tls = tls;
    }

    /** Whether a command-line argument is a URL rather than a path (any scheme, so that file: is refused, not read). */
    public static boolean isUrl(String argument) {
        return argument.matches("(?i)[a-z][a-z0-9+.-]*://.*");
    }

    public Fetched fetch(String url) throws RefusedException {
        Hop hop = check(url);
        for (int redirects = 0; ; redirects++) {
            URI uri = hop.uri();
            try (Socket socket = connect(hop)) {
                long deadline = System.nanoTime() + policy.timeout().toNanos();
                Socket conn = isHttps(uri) ? handshake(socket, uri, deadline) : socket;
                Wire wire = new Wire(new DeadlineInput(conn, deadline), uri);
                OutputStream out = conn.getOutputStream();
                out.write(request(uri).getBytes(StandardCharsets.ISO_8859_1));
                out.flush();
                Response res = wire.readHead();
                if (res.status() >= 300 && res.status() < 400 && res.header("location") != null) {
                    if (redirects >= MAX_REDIRECTS) {
                        throw new RefusedException("more than " + MAX_REDIRECTS + " redirects from " + url);
                    }
                    String location = res.header("location");
                    try {
                        hop = check(uri.resolve(location.strip()).toString());
                    } catch (IllegalArgumentException e) {
                        throw new RefusedException(uri + " redirects to a malformed URL: " + location);
                    } catch (RefusedException e) {
                        throw new RefusedException(uri + " redirects to " + location + ", refused: " + e.getMessage());
                    }
                    continue;
                }
                if (res.status() != 200) {
                    throw new RefusedException(uri + " answered HTTP " + res.status());
                }
                byte[] body = wire.readBody(res, policy.maxBytes());
                return new Fetched(uri, body, Optional.ofNullable(res.header("content-type")).flatMap(FeedFetcher::charsetOf));
            } catch (SocketTimeoutException e) {
                throw new RefusedException("no answer from " + uri.getHost() + " within " + policy.timeout().toSeconds() + " s");
            } catch (SSLException e) {
                throw new RefusedException("TLS with " + uri.getHost() + " failed: " + e.getMessage());
            } catch (IOException e) {
                throw new RefusedException("cannot fetch " + uri + ": " + e);
            }
        }
    }

    /** The URL as a URI if its scheme, form and every address of its host are acceptable, with those addresses. */
    Hop check(String url) throws RefusedException {
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
            addresses = resolver.resolve(host);
        } catch (UnknownHostException e) {
            throw new RefusedException("unknown host " + host);
        }
        if (addresses == null || addresses.length == 0) {
            throw new RefusedException("unknown host " + host + " (no address)");
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
        return new Hop(uri, List.of(addresses));
    }

    private static boolean isHttps(URI uri) {
        return uri.getScheme().equalsIgnoreCase("https");
    }

    private static int port(URI uri) {
        return uri.getPort() != -1 ? uri.getPort() : isHttps(uri) ? 443 : 80;
    }

    /** A socket to the first of the checked addresses that accepts, within the connect timeout overall. */
    private Socket connect(Hop hop) throws RefusedException {
        long deadline = System.nanoTime() + policy.timeout().toNanos();
        IOException last = null;
        for (InetAddress a : hop.addresses()) {
            long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
            if (left <= 0) {
                break;
            }
            try {
                return dialer.dial(new InetSocketAddress(a, port(hop.uri())), (int) Math.min(Integer.MAX_VALUE, left));
            } catch (IOException e) {
                last = e;
            }
        }
        String host = hop.uri().getHost();
        if (last == null || last instanceof SocketTimeoutException) {
            throw new RefusedException("cannot connect to " + host + " within " + policy.timeout().toSeconds() + " s");
        }
        throw new RefusedException("cannot connect to " + host + " (" + hop.addresses().stream()
                .map(InetAddress::getHostAddress).collect(Collectors.joining(", ")) + "): " + last.getMessage());
    }

    static Socket dialDirect(InetSocketAddress address, int timeoutMillis) throws IOException {
        Socket s = new Socket(Proxy.NO_PROXY); // a proxy would resolve the name again, on its side
        try {
            s.connect(address, timeoutMillis);
            return s;
        } catch (IOException e) {
            s.close();
            throw e;
        }
    }

    /** TLS over the connected socket, verified against the host name of the URL (not the address dialled). */
    private SSLSocket handshake(Socket socket, URI uri, long deadline) throws IOException {
        String host = bare(uri.getHost());
        SSLSocketFactory factory = tls != null ? tls : (SSLSocketFactory) SSLSocketFactory.getDefault();
        SSLSocket ssl = (SSLSocket) factory.createSocket(socket, host, port(uri), true);
        SSLParameters params = ssl.getSSLParameters();
        params.setEndpointIdentificationAlgorithm("HTTPS");
        if (!isAddressLiteral(host)) {
            params.setServerNames(List.of(new SNIHostName(host)));
        }
        ssl.setSSLParameters(params);
        ssl.setSoTimeout(DeadlineInput.millisLeft(deadline));
        ssl.startHandshake();
        return ssl;
    }

    private static String bare(String host) {
        return host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    }

    private static boolean isAddressLiteral(String host) {
        return host.contains(":") || host.matches("[0-9.]+");
    }

    private static String request(URI uri) {
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        if (uri.getRawQuery() != null) {
            path += "?" + uri.getRawQuery();
        }
        int port = uri.getPort();
        String host = uri.getHost() + (port == -1 || port == (isHttps(uri) ? 443 : 80) ? "" : ":" + port);
        // the URI parser admits no whitespace or control characters in path, query or host: no header injection
        return "GET " + path + " HTTP/1.1\r\n"
                + "Host: " + host + "\r\n"
                + "User-Agent: Khaldun feed ingest\r\n"
                + "Accept: application/rss+xml, application/atom+xml, application/xml, text/xml;q=0.9, */*;q=0.1\r\n"
                + "Accept-Encoding: identity\r\n"
                + "Connection: close\r\n\r\n";
    }

    /** Status and headers (names lower-cased; a repeated header keeps its first value, Content-Length excepted). */
    record Response(int status, Map<String, List<String>> headers) {
        String header(String name) {
            List<String> v = headers.get(name);
            return v == null ? null : v.get(0);
        }
    }

    /**
     * Reads from a socket whose every read must end before a deadline: the read timeout is set to what is left, so
     * neither a silent server nor one trickling a byte at a time holds the fetch beyond it.
     */
    private static final class DeadlineInput extends InputStream {
        private final Socket socket;
        private final InputStream in;
        private final long deadline;

        DeadlineInput(Socket socket, long deadline) throws IOException {
            this.socket = socket;
            this.in = socket.getInputStream();
            this.deadline = deadline;
        }

        static int millisLeft(long deadline) throws SocketTimeoutException {
            long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
            if (left <= 0) {
                throw new SocketTimeoutException("deadline passed");
            }
            return (int) Math.min(Integer.MAX_VALUE, left);
        }

        @Override
        public int read() throws IOException {
            socket.setSoTimeout(millisLeft(deadline));
            return in.read();
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            socket.setSoTimeout(millisLeft(deadline));
            return in.read(b, off, len);
        }
    }

    /** The answer's side of one exchange: bounded head, then the body by length, chunks or until close. */
    private final class Wire {
        private final InputStream in;
        private final URI uri;
        private int headBytes;
        private int headLines;

        Wire(InputStream raw, URI uri) {
            this.in = new BufferedInputStream(raw, 8192);
            this.uri = uri;
        }

        Response readHead() throws IOException, RefusedException {
            while (true) {
                String statusLine = line();
                if (statusLine == null) {
                    throw new RefusedException(uri.getHost() + " closed the connection without answering");
                }
                Matcher m = STATUS.matcher(statusLine);
                if (!m.matches()) {
                    throw new RefusedException(uri + " did not answer HTTP: " + printable(statusLine));
                }
                int status = Integer.parseInt(m.group(1));
                Map<String, List<String>> headers = fields();
                if (status >= 100 && status < 200) {
                    continue; // interim answer (Early Hints …); the real one follows
                }
                return new Response(status, headers);
            }
        }

        /** Header or trailer fields up to the empty line. */
        private Map<String, List<String>> fields() throws IOException, RefusedException {
            Map<String, List<String>> headers = new LinkedHashMap<>();
            String previous = null;
            while (true) {
                String line = line();
                if (line == null) {
                    throw new RefusedException(uri.getHost() + " closed the connection within the headers");
                }
                if (line.isEmpty()) {
                    return headers;
                }
                if (++headLines > MAX_HEADER_LINES) {
                    throw new RefusedException(uri + " sent more than " + MAX_HEADER_LINES + " header lines");
                }
                if ((line.charAt(0) == ' ' || line.charAt(0) == '\t') && previous != null) {
                    List<String> values = headers.get(previous); // obsolete line folding: continues the last value
                    values.set(values.size() - 1, values.get(values.size() - 1) + " " + line.strip());
                    continue;
                }
                int colon = line.indexOf(':');
                if (colon <= 0) {
                    throw new RefusedException(uri + " sent a malformed header line: " + printable(line));
                }
                previous = line.substring(0, colon).strip().toLowerCase(Locale.ROOT);
                headers.computeIfAbsent(previous, k -> new ArrayList<>()).add(line.substring(colon + 1).strip());
            }
        }

        /** One line of the head or trailers, counted against their common budget. */
        private String line() throws IOException, RefusedException {
            return line(-1);
        }

        /**
         * One line without its CR LF, or null at the end of the stream; at most {@code limit} bytes, or when the limit
         * is -1 counted against the budget of status, header and trailer lines together.
         */
        private String line(int limit) throws IOException, RefusedException {
            StringBuilder sb = new StringBuilder();
            while (true) {
                int b = in.read();
                if (b < 0) {
                    return sb.length() == 0 ? null : sb.toString();
                }
                if (limit < 0 && ++headBytes > MAX_HEADER_BYTES) {
                    throw new RefusedException(uri + " sent more than " + MAX_HEADER_BYTES / 1024
                            + " KiB of status and header lines");
                }
                if (limit >= 0 && sb.length() >= limit) {
                    throw new RefusedException(uri + " sent a chunk-size line longer than " + limit + " bytes");
                }
                if (b == '\n') {
                    int n = sb.length();
                    return n > 0 && sb.charAt(n - 1) == '\r' ? sb.substring(0, n - 1) : sb.toString();
                }
                sb.append((char) b);
            }
        }

        byte[] readBody(Response res, long max) throws IOException, RefusedException {
            try {
                return body(res, max);
            } catch (SocketTimeoutException e) {
                throw new RefusedException(uri + " did not finish its answer within " + policy.timeout().toSeconds()
                        + " s");
            }
        }

        private byte[] body(Response res, long max) throws IOException, RefusedException {
            List<String> te = res.headers().get("transfer-encoding");
            if (te != null) {
                String codings = String.join(",", te).toLowerCase(Locale.ROOT).replace(" ", "");
                if (codings.equals("chunked")) {
                    return chunked(max);
                }
                if (!codings.equals("identity")) {
                    throw new RefusedException(uri + " sent a body in transfer coding '" + codings
                            + "', which is not read");
                }
            }
            List<String> lengths = res.headers().get("content-length");
            if (lengths == null) {
                return upTo(Long.MAX_VALUE, max, false);
            }
            long declared = contentLength(lengths);
            if (declared > max) {
                throw new RefusedException(uri + " is " + declared + " bytes, over the limit of " + max);
            }
            return upTo(declared, max, true);
        }

        private long contentLength(List<String> values) throws RefusedException {
            String first = null;
            for (String v : values) {
                for (String part : v.split(",")) {
                    String p = part.strip();
                    if (first != null && !first.equals(p)) {
                        throw new RefusedException(uri + " sent conflicting Content-Length values: " + values);
                    }
                    first = p;
                }
            }
            if (first == null || !first.matches("[0-9]{1,18}")) {
                throw new RefusedException(uri + " sent an invalid Content-Length: " + values);
            }
            return Long.parseLong(first);
        }

        /** Exactly {@code length} bytes when {@code exact}, else everything up to the end of the stream. */
        private byte[] upTo(long length, long max, boolean exact) throws IOException, RefusedException {
            ByteArrayOutputStream body = new ByteArrayOutputStream(exact ? (int) Math.min(length, 1 << 16) : 8192);
            copy(body, length, max, exact);
            return body.toByteArray();
        }

        private void copy(ByteArrayOutputStream body, long length, long max, boolean exact) throws IOException,
                RefusedException {
            byte[] buf = new byte[8192];
            long left = length;
            while (left > 0) {
                int n = in.read(buf, 0, (int) Math.min(buf.length, left));
                if (n < 0) {
                    if (exact) {
                        throw new RefusedException(uri + " closed the connection after " + body.size()
                                + " bytes of the body, short of what it announced");
                    }
                    return;
                }
                if (body.size() + (long) n > max) {
                    throw new RefusedException(uri + " is larger than the limit of " + max + " bytes");
                }
                body.write(buf, 0, n);
                left -= n;
            }
        }

        private byte[] chunked(long max) throws IOException, RefusedException {
            ByteArrayOutputStream body = new ByteArrayOutputStream(8192);
            while (true) {
                String sizeLine = line(MAX_CHUNK_LINE);
                if (sizeLine == null) {
                    throw new RefusedException(uri + " closed the connection within a chunked body");
                }
                int semi = sizeLine.indexOf(';');
                String hex = (semi < 0 ? sizeLine : sizeLine.substring(0, semi)).strip();
                if (!hex.matches("[0-9A-Fa-f]{1,15}")) {
                    throw new RefusedException(uri + " sent a malformed chunk size: " + printable(sizeLine));
                }
                long size = Long.parseLong(hex, 16);
                if (size == 0) {
                    fields(); // trailers, read and dropped
                    return body.toByteArray();
                }
                if (body.size() + size > max) {
                    throw new RefusedException(uri + " is larger than the limit of " + max + " bytes");
                }
                copy(body, size, max, true);
                String end = line(MAX_CHUNK_LINE);
                if (end == null || !end.isEmpty()) {
                    throw new RefusedException(uri + " sent a chunk longer than its size");
                }
            }
        }
    }

    private static final Pattern STATUS = Pattern.compile("HTTP/1\\.[01] ([0-9]{3})(?: .*)?");

    private static String printable(String s) {
        String t = s.length() > 80 ? s.substring(0, 80) + "…" : s;
        return "'" + t.replaceAll("\\p{Cntrl}", "?") + "'";
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
}
