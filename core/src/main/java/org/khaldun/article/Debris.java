package org.khaldun.article;

/**
 * A span of article text that is scraping debris rather than news.
 *
 * @param start first character (inclusive) in {@link Article#text()}
 * @param end   last character (exclusive)
 * @param kind  what it is, e.g. {@code read-more}, {@code share-prompt}, {@code byline}
 */
public record Debris(int start, int end, String kind) {
    public Debris {
        if (start < 0 || end < start) {
            throw new IllegalArgumentException("bad debris span " + start + ".." + end);
        }
    }
}
