package org.khaldun.attribution;

/**
 * A range of article characters, {@code [start, end)}, in {@link org.khaldun.article.Article#text()}.
 */
public record Span(int start, int end) {
    public Span {
        if (start < 0 || end < start) {
            throw new IllegalArgumentException("bad span " + start + ".." + end);
        }
    }

    public boolean contains(int offset) {
        return offset >= start && offset < end;
    }

    public boolean overlaps(Span o) {
        return start < o.end && o.start < end;
    }

    public int length() {
        return end - start;
    }

    public String of(String text) {
        return text.substring(start, end);
    }
}
