package org.khaldun.pipeline;

import java.time.Duration;
import java.util.Locale;
import java.util.Objects;

/**
 * How much one article may cost the coder. An article over a limit is not coded: {@link Pipeline#code(
 * org.khaldun.article.Article, CodingLimits)} throws {@link ArticleLimitException} naming the limit, and the
 * caller reports it as a per-record error while the other articles are still coded. Documented in
 * {@code docs/limits.md}.
 *
 * @param maxArticleChars largest article text, in characters ({@code Article.text().length()}); checked before
 *                        any work, so an oversized article costs nothing
 * @param maxSentences    most sentences per article; checked right after sentence splitting, before the
 *                        costly stages
 * @param timeBudget      wall-clock time one article may take. Checked cooperatively between stages and between
 *                        batches of parsed sentences (threads are never killed), so an article can overrun the
 *                        budget by at most one stage step before it is stopped; {@link Duration#ZERO} means no
 *                        budget
 */
public record CodingLimits(int maxArticleChars, int maxSentences, Duration timeBudget) {

    /**
     * 1,000,000 characters: about 160,000 words, fifteen times a long feature story. Splitting holds a few
     * hundred bytes per token, so an article at this limit needs well under 200 MB while it is coded.
     */
    public static final int DEFAULT_MAX_ARTICLE_CHARS = 1_000_000;

    /** 20,000 sentences: a long feature has a few hundred; more is a list, a dump or a crafted input. */
    public static final int DEFAULT_MAX_SENTENCES = 20_000;

    /**
     * 60 seconds: an ordinary article is coded in well under a second on one core, an article at the size
     * limit in tens of seconds; a minute leaves room for a loaded machine and stops pathological input.
     */
    public static final Duration DEFAULT_TIME_BUDGET = Duration.ofSeconds(60);

    /** The defaults above. */
    public static final CodingLimits DEFAULTS = new CodingLimits(DEFAULT_MAX_ARTICLE_CHARS, DEFAULT_MAX_SENTENCES,
            DEFAULT_TIME_BUDGET);

    /** No limit at all: what {@link Pipeline#code(org.khaldun.article.Article)} applies. */
    public static final CodingLimits NONE = new CodingLimits(Integer.MAX_VALUE, Integer.MAX_VALUE, Duration.ZERO);

    public CodingLimits {
        Objects.requireNonNull(timeBudget, "timeBudget");
        if (maxArticleChars <= 0) {
            throw new IllegalArgumentException("maxArticleChars must be positive: " + maxArticleChars);
        }
        if (maxSentences <= 0) {
            throw new IllegalArgumentException("maxSentences must be positive: " + maxSentences);
        }
        if (timeBudget.isNegative()) {
            throw new IllegalArgumentException("timeBudget must not be negative: " + timeBudget);
        }
    }

    public CodingLimits withMaxArticleChars(int chars) {
        return new CodingLimits(chars, maxSentences, timeBudget);
    }

    public CodingLimits withMaxSentences(int sentences) {
        return new CodingLimits(maxArticleChars, sentences, timeBudget);
    }

    public CodingLimits withTimeBudget(Duration budget) {
        return new CodingLimits(maxArticleChars, maxSentences, budget);
    }

    /** True when the article has a time budget. */
    public boolean hasTimeBudget() {
        return !timeBudget.isZero();
    }

    /** "60 s", "1.5 s", "250 ms", "1 ns" */
    static String show(Duration d) {
        if (d.toNanos() < 1_000_000) {
            return d.toNanos() + " ns";
        }
        long ms = d.toMillis();
        if (ms < 1000) {
            return ms + " ms";
        }
        return ms % 1000 == 0 ? ms / 1000 + " s" : String.format(Locale.ROOT, "%.1f s", ms / 1000.0);
    }
}
