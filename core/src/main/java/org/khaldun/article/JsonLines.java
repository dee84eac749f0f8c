package org.khaldun.article;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * Reads a JSON-lines input one line at a time with a bounded buffer. A line longer than the limit is
 * counted while it streams past and reported with its size; it is never held in memory, and the lines
 * after it are read as usual.
 */
final class JsonLines implements AutoCloseable {

    private static final int CHUNK = 65_536;
    /** A line buffer grown past this for one long line is dropped afterwards rather than kept. */
    private static final int KEEP_BUFFER = 1 << 20;

    private final InputStream in;
    private final boolean owned;
    private final String record;
    private final String idBase;
    private final ReadOptions options;
    private final long limit;

    private final byte[] chunk = new byte[CHUNK];
    private int chunkPos;
    private int chunkLen;
    private byte[] line = new byte[1024];
    private long offset;
    private int lineNo;
    private boolean sawRecord;
    private boolean done;
    private boolean firstFill = true;

    JsonLines(InputStream in, boolean owned, String record, String idBase, ReadOptions options) {
        this.in = in;
        this.owned = owned;
        this.record = record;
        this.idBase = idBase;
        this.options = options;
        this.limit = options.maxArticleBytes();
    }

    /** The next result, or null when the input is exhausted. Blank lines give no result. */
    ReadResult next() {
        while (!done) {
            long lineStart = offset;
            int len = 0;
            long total = 0;
            boolean tooLong = false;
            boolean any = false;
            try {
                while (true) {
                    if (chunkPos == chunkLen) {
                        int n = in.read(chunk);
                        if (n <= 0) {
                            chunkPos = chunkLen = 0;
                            done = true;
                            break;
                        }
                        chunkPos = 0;
                        chunkLen = n;
                        if (firstFill) {
                            firstFill = false;
                            int nul = indexOf(chunk, (byte) 0, 0, n);
                            if (nul >= 0) {
                                done = true;
                                sawRecord = true;
                                return new ReadResult.Failed(record, "binary content (NUL byte at byte offset " + nul
                                        + "), not JSON lines");
                            }
                        }
                    }
                    any = true;
                    int nl = indexOf(chunk, (byte) '\n', chunkPos, chunkLen);
                    int end = nl < 0 ? chunkLen : nl;
                    int n = end - chunkPos;
                    total += n;
                    if (!tooLong) {
                        if (len + (long) n > limit) {
                            tooLong = true;
                            if (line.length > KEEP_BUFFER) {
                                line = new byte[1024];
                            }
                        } else {
                            if (len + n > line.length) {
                                line = Arrays.copyOf(line, (int) Math.min(limit,
                                        Math.max((long) line.length * 2, len + (long) n)));
                            }
                            System.arraycopy(chunk, chunkPos, line, len, n);
                            len += n;
                        }
                    }
                    offset += n;
                    chunkPos = end;
                    if (nl >= 0) {
                        chunkPos++;
                        offset++;
                        break;
                    }
                }
            } catch (IOException e) {
                done = true;
                sawRecord = true;
                return new ReadResult.Failed(record + ":" + (lineNo + 1), ArticleSources.describe(e));
            }
            if (!any || (done && total == 0 && lineStart == offset && len == 0 && !tooLong)) {
                break;
            }
            lineNo++;
            String where = record + ":" + lineNo;
            if (tooLong) {
                sawRecord = true;
                return new ReadResult.Failed(where, ArticleSources.tooLarge("line", total, limit, InputFormat.JSONL));
            }
            if (len > 0 && line[len - 1] == '\r') {
                len--;
            }
            if (isBlank(line, len)) {
                continue;
            }
            sawRecord = true;
            ReadResult r = parse(where, lineStart, len);
            if (line.length > KEEP_BUFFER) {
                line = new byte[1024];
            }
            return r;
        }
        if (!sawRecord) {
            sawRecord = true;
            return new ReadResult.Failed(record, lineNo == 0 ? "empty file" : "empty: only blank lines");
        }
        return null;
    }

    private ReadResult parse(String where, long lineStart, int len) {
        try {
            String text = Decoding.decode(line, len, lineStart);
            if (!text.isEmpty() && text.charAt(0) == '\uFEFF') {
                text = text.substring(1);
            }
            Article article = JsonlArticles.parse(text, idBase + ":" + lineNo, options);
            return ArticleSources.ok(where, article, options);
        } catch (BadInputException e) {
            return new ReadResult.Failed(where, e.reason());
        } catch (RuntimeException | StackOverflowError e) {
            return new ReadResult.Failed(where, "could not be read (" + e + ")");
        }
    }

    private static boolean isBlank(byte[] b, int len) {
        for (int i = 0; i < len; i++) {
            byte c = b[i];
            if (c != ' ' && c != '\t' && c != '\r' && c != '\f') {
                // a lone UTF-8 byte-order mark on a line is blank too
                if (i == 0 && len >= 3 && (b[0] & 0xff) == 0xEF && (b[1] & 0xff) == 0xBB && (b[2] & 0xff) == 0xBF) {
                    i = 2;
                    continue;
                }
                return false;
            }
        }
        return true;
    }

    private static int indexOf(byte[] b, byte v, int from, int to) {
        for (int i = from; i < to; i++) {
            if (b[i] == v) {
                return i;
            }
        }
        return -1;
    }

    @Override
    public void close() {
        done = true;
        if (owned) {
            ArticleSources.closeQuietly(in);
        }
    }
}
