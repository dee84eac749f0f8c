package org.khaldun.pipeline;

/**
 * An article exceeded one of the {@link CodingLimits} and was not coded. The message is the user-facing
 * reason, naming the limit and its value ("article took longer than the time budget of 60 s (stopped
 * after parse)"); the caller adds the record. Only this article is affected: the pipeline stays usable.
 */
public final class ArticleLimitException extends RuntimeException {

    /** Which limit was exceeded. */
    public enum Limit { ARTICLE_CHARS, SENTENCES, TIME_BUDGET }

    private final Limit limit;

    public ArticleLimitException(Limit limit, String reason) {
        super(reason, null, false, false);
        this.limit = limit;
    }

    public Limit limit() {
        return limit;
    }

    public String reason() {
        return getMessage();
    }
}
