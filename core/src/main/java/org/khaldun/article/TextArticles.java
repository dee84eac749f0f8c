package org.khaldun.article;

/**
 * Plain-text articles: the first non-blank line is the headline, everything after it the body.
 *
 * <p>{@code Article.text} is the headline, a blank line, then the body with its own line and paragraph
 * breaks kept (CRLF and CR become LF; leading and trailing blank lines are dropped). A first line longer
 * than {@link #MAX_HEADLINE_CHARS} is not a headline but the first paragraph of a text without one: the
 * article then has no title and its text is the whole input.
 */
public final class TextArticles {

    /** Headlines are short; a "first line" longer than this is a paragraph (a text pasted without title). */
    public static final int MAX_HEADLINE_CHARS = 300;

    private TextArticles() {
    }

    /** The article in {@code text} (already decoded), without debris marked. */
    public static Article parse(String id, String text, ReadOptions options) {
        String s = Decoding.normaliseLineBreaks(text);
        if (!s.isEmpty() && s.charAt(0) == '\uFEFF') {
            s = s.substring(1);
        }
        int pos = 0;
        // skip blank lines before the headline
        while (true) {
            int eol = s.indexOf('\n', pos);
            int end = eol < 0 ? s.length() : eol;
            if (!s.substring(pos, end).isBlank() || eol < 0) {
                break;
            }
            pos = eol + 1;
        }
        int eol = s.indexOf('\n', pos);
        String first = (eol < 0 ? s.substring(pos) : s.substring(pos, eol)).strip();
        String rest = eol < 0 ? "" : s.substring(eol + 1);
        String title;
        String body;
        if (first.length() > MAX_HEADLINE_CHARS) {
            title = "";
            body = s.substring(pos);
        } else {
            title = first;
            body = rest;
        }
        body = stripBlankEdges(body);
        String articleText = title.isEmpty() ? body : body.isEmpty() ? title : title + "\n\n" + body;
        return Article.of(id, "", title, articleText, options.defaultPublished().orElse(null),
                options.defaultSource());
    }

    /** Drops blank lines at the start and trailing whitespace at the end; inner breaks stay as they are. */
    static String stripBlankEdges(String body) {
        int start = 0;
        int n = body.length();
        int lineStart = 0;
        for (int i = 0; i < n; i++) {
            char c = body.charAt(i);
            if (c == '\n') {
                lineStart = i + 1;
                start = lineStart;
            } else if (!Character.isWhitespace(c)) {
                start = lineStart;
                break;
            }
            if (i == n - 1) {
                start = n;
            }
        }
        int end = n;
        while (end > start && Character.isWhitespace(body.charAt(end - 1))) {
            end--;
        }
        return body.substring(start, end);
    }
}
