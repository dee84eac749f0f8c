package org.khaldun.article;

import java.util.Locale;
import java.util.Optional;

/** The input formats Khaldun reads. See docs/input-formats.md. */
public enum InputFormat {
    /** Plain text: first non-blank line is the headline, the rest the body. */
    TEXT,
    /** A web page; the article is extracted from the markup. */
    HTML,
    /** JSON lines: one article object per line. */
    JSONL,
    /** An RSS or Atom news feed: one article per item ({@link FeedArticles}). */
    FEED;

    /**
     * The format a file name promises: {@code .txt/.text} TEXT, {@code .html/.htm/.xhtml} HTML,
     * {@code .jsonl/.ndjson/.json} JSONL, {@code .rss/.atom} FEED; empty for any other name (the content decides
     * then: a {@code .xml} file whose root is {@code <rss>}, {@code <feed>} or {@code <rdf:RDF>} is a FEED).
     */
    public static Optional<InputFormat> fromFileName(String fileName) {
        int dot = fileName.lastIndexOf('.');
        if (dot < 0) {
            return Optional.empty();
        }
        return switch (fileName.substring(dot + 1).toLowerCase(Locale.ROOT)) {
            case "txt", "text" -> Optional.of(TEXT);
            case "html", "htm", "xhtml" -> Optional.of(HTML);
            case "jsonl", "ndjson", "json" -> Optional.of(JSONL);
            case "rss", "atom" -> Optional.of(FEED);
            default -> Optional.empty();
        };
    }

    /**
     * The format the first bytes suggest, after a byte-order mark and whitespace: {@code {} JSONL,
     * {@code <} HTML, anything else TEXT.
     */
    public static InputFormat sniff(byte[] head, int length) {
        int i = 0;
        if (length >= 3 && (head[0] & 0xff) == 0xEF && (head[1] & 0xff) == 0xBB && (head[2] & 0xff) == 0xBF) {
            i = 3;
        }
        for (; i < length; i++) {
            byte b = head[i];
            if (b == ' ' || b == '\t' || b == '\n' || b == '\r' || b == '\f') {
                continue;
            }
            if (b == '{') {
                return JSONL;
            }
            if (b == '<') {
                return HTML;
            }
            return TEXT;
        }
        return TEXT;
    }
}
