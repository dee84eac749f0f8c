package org.khaldun.attribution;

import java.util.List;
import java.util.Optional;

/**
 * Every attribution of one article, and the question events ask of them: who is the source of the words at
 * this character?
 */
public record ArticleAttributions(List<Attribution> all) {

    public ArticleAttributions {
        all = List.copyOf(all);
    }

    public static final ArticleAttributions NONE = new ArticleAttributions(List.of());

    /**
     * The innermost attribution whose content holds the character (an event trigger, say): in "He said that
     * sources told him the strike happened", "happened" is sourced to "sources", not to "He". Empty when the
     * article itself stands behind the words.
     */
    public Optional<Attribution> sourceOf(int charOffset) {
        Attribution best = null;
        for (Attribution a : all) {
            if (a.contentContains(charOffset) && (best == null || a.contentLength() < best.contentLength())) {
                best = a;
            }
        }
        return Optional.ofNullable(best);
    }
}
