package org.khaldun.app;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;

/**
 * The benchmark's lightweight HTTP/1.1 client: one kept-alive connection per client thread on a plain socket, a GET
 * written as one small buffer and the answer read and dropped (Content-Length or chunked). Why not
 * {@code java.net.http.HttpClient}: shared by 200 client threads it cost ~2.5 ms of CPU and much garbage per request
 * (its GC pauses and selector thread showed up as latency), more than the server's own work, so on a 2-core machine
 * the benchmark measured its client as much as the server.
 */
final class SocketClient {

    private static final ThreadLocal<Conn> CONN = new ThreadLocal<>();

    private record Conn(Socket socket, InputStream in, OutputStream out) {
    }

    private SocketClient() {
    }

    /** The status of {@code GET pathAndQuery}, or -1 when the connection failed (the next call reconnects). */
    static int get(URI origin, String pathAndQuery) {
        for (int attempt = 0; attempt < 2; attempt++) {
            Conn c = CONN.get();
            boolean fresh = c == null;
            try {
                if (fresh) {
                    Socket s = new Socket();
                    s.setTcpNoDelay(true);
                    s.setSoTimeout(120_000);
                    s.connect(new InetSocketAddress(origin.getHost(), origin.getPort()), 10_000);
                    c = new Conn(s, new BufferedInputStream(s.getInputStream(), 64 * 1024), s.getOutputStream());
                    CONN.set(c);
                }
                c.out().write(("GET " + pathAndQuery + " HTTP/1.1\r\nHost: " + origin.getHost() + ":"
                        + origin.getPort() + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                c.out().flush();
                long r = readResponse(c.in());
                if (r >>> 32 != 0) { // the server closes this connection after its answer
                    close(c);
                    CONN.remove();
                }
                return (int) r;
            } catch (IOException e) {
                close(c);
                CONN.remove();
                if (fresh) {
                    return -1;
                }
                // a kept-alive connection the server closed meanwhile: once more on a new one
            }
        }
        return -1;
    }

    /** Closes this thread's connection, if it has one. */
    static void disconnect() {
        close(CONN.get());
        CONN.remove();
    }

    /** The status; bit 32 set when the server closes the connection after this answer. */
    private static long readResponse(InputStream in) throws IOException {
        String status = line(in);
        if (status == null) {
            throw new IOException("connection closed");
        }
        int code = Integer.parseInt(status.split(" ", 3)[1]);
        long length = -1;
        boolean chunked = false;
        boolean close = false;
        for (String h; (h = line(in)) != null && !h.isEmpty(); ) {
            int colon = h.indexOf(':');
            if (colon < 0) {
                continue;
            }
            String name = h.substring(0, colon).trim();
            String value = h.substring(colon + 1).trim();
            if (name.equalsIgnoreCase("Content-Length")) {
                length = Long.parseLong(value);
            } else if (name.equalsIgnoreCase("Transfer-Encoding") && value.equalsIgnoreCase("chunked")) {
                chunked = true;
            } else if (name.equalsIgnoreCase("Connection") && value.equalsIgnoreCase("close")) {
                close = true;
            }
        }
        if (chunked) {
            while (true) {
                String size = line(in);
                if (size == null) {
                    throw new IOException("connection closed in a chunked body");
                }
                int semi = size.indexOf(';');
                long n = Long.parseLong((semi < 0 ? size : size.substring(0, semi)).trim(), 16);
                if (n == 0) {
                    while (true) { // trailers, up to the empty line
                        String t = line(in);
                        if (t == null || t.isEmpty()) {
                            break;
                        }
                    }
                    break;
                }
                skip(in, n);
                line(in);
            }
        } else if (length >= 0) {
            skip(in, length);
        } else {
            throw new IOException("an answer without length");
        }
        return close ? code | (1L << 32) : code;
    }

    private static void skip(InputStream in, long n) throws IOException {
        while (n > 0) {
            long k = in.skip(n);
            if (k <= 0) {
                if (in.read() < 0) {
                    throw new IOException("connection closed in a body");
                }
                k = 1;
            }
            n -= k;
        }
    }

    /** One header line without its CRLF; null at end of stream. */
    private static String line(InputStream in) throws IOException {
        StringBuilder b = new StringBuilder(64);
        int ch;
        while ((ch = in.read()) >= 0) {
            if (ch == '\n') {
                int len = b.length();
                return len > 0 && b.charAt(len - 1) == '\r' ? b.substring(0, len - 1) : b.toString();
            }
            b.append((char) ch);
        }
        return b.length() == 0 ? null : b.toString();
    }

    private static void close(Conn c) {
        if (c != null) {
            try {
                c.socket().close();
            } catch (IOException ignored) {
                // closing a broken connection
            }
        }
    }
}
