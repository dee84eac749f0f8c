package org.khaldun.article;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

/**
 * How {@link ArticleSources} reads its inputs.
 *
 * @param format           read every input as this format instead of detecting it per file
 * @param defaultPublished publication date for articles whose input gives none (CLI {@code --published})
 * @param defaultSource    outlet name for articles whose input gives none; may be empty
 * @param maxArticleBytes  largest record accepted, in bytes of input: a TEXT file, one JSON line; larger
 *                         records fail (the others are still read). Default {@link #DEFAULT_MAX_ARTICLE_BYTES}.
 * @param maxHtmlBytes     largest HTML file accepted; larger than {@code maxArticleBytes} because markup,
 *                         scripts and styles often outweigh the text several times. Default
 *                         {@link #DEFAULT_MAX_HTML_BYTES}.
 * @param markDebris       mark scraping debris ("Read more: …", bylines, share prompts) with
 *                         {@link DebrisMarker#standard()}; on by default
 */
public record ReadOptions(Optional<InputFormat> format, Optional<LocalDate> defaultPublished, String defaultSource,
                          long maxArticleBytes, long maxHtmlBytes, boolean markDebris) {

    /**
     * 5 MiB: about 800,000 words, far beyond any news article (a long feature is ~10,000 words), yet
     * small enough that one record never threatens the heap of a multi-threaded run.
     */
    public static final long DEFAULT_MAX_ARTICLE_BYTES = 5L * 1024 * 1024;

    /** 20 MiB: four times the text limit, room for heavy markup around a long article. */
    public static final long DEFAULT_MAX_HTML_BYTES = 4 * DEFAULT_MAX_ARTICLE_BYTES;

    /** Largest limit accepted: a Java string (and a byte array) cannot be much larger. */
    public static final long MAX_LIMIT = Integer.MAX_VALUE - 64;

    public ReadOptions {
        format = format == null ? Optional.empty() : format;
        defaultPublished = defaultPublished == null ? Optional.empty() : defaultPublished;
        defaultSource = defaultSource == null ? "" : defaultSource.strip();
        if (maxArticleBytes <= 0 || maxArticleBytes > MAX_LIMIT) {
            throw new IllegalArgumentException("maxArticleBytes must be in 1.." + MAX_LIMIT + ": " + maxArticleBytes);
        }
        if (maxHtmlBytes <= 0 || maxHtmlBytes > MAX_LIMIT) {
            throw new IllegalArgumentException("maxHtmlBytes must be in 1.." + MAX_LIMIT + ": " + maxHtmlBytes);
        }
    }

    /** Detect formats, no default date or source, default limits, debris marked. */
    public static ReadOptions defaults() {
        return new ReadOptions(Optional.empty(), Optional.empty(), "", DEFAULT_MAX_ARTICLE_BYTES,
                DEFAULT_MAX_HTML_BYTES, true);
    }

    public ReadOptions withFormat(InputFormat forced) {
        return new ReadOptions(Optional.of(Objects.requireNonNull(forced)), defaultPublished, defaultSource,
                maxArticleBytes, maxHtmlBytes, markDebris);
    }

    public ReadOptions withDefaultPublished(LocalDate date) {
        return new ReadOptions(format, Optional.ofNullable(date), defaultSource, maxArticleBytes, maxHtmlBytes,
                markDebris);
    }

    public ReadOptions withDefaultSource(String source) {
        return new ReadOptions(format, defaultPublished, source, maxArticleBytes, maxHtmlBytes, markDebris);
    }

    /** Sets the text limit, and the HTML limit to four times it. */
    public ReadOptions withMaxArticleBytes(long limit) {
        long html = Math.min(MAX_LIMIT, Math.max(limit, 4 * limit));
        return new ReadOptions(format, defaultPublished, defaultSource, limit, html, markDebris);
    }

    public ReadOptions withMarkDebris(boolean mark) {
        return new ReadOptions(format, defaultPublished, defaultSource, maxArticleBytes, maxHtmlBytes, mark);
    }
}
