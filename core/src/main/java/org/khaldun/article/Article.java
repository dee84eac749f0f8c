package org.khaldun.article;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One news article as Khaldun codes it.
 *
 * <p>{@code text} is the exact character sequence every offset in Khaldun's output refers to: the headline
 * (when there is one) as its first paragraph, then the body. Nothing is removed from it after reading;
 * scraping debris ("Read more: …", share prompts, bylines) is kept in place and listed in {@code debris},
 * so offsets stay true to what the reader saw and no event is ever coded inside a debris span.
 *
 * @param id        stable identifier: given by the input (JSON lines {@code id}) or derived from the path
 *                  or a hash of the content
 * @param url       where the article came from, or empty
 * @param title     the headline, or empty
 * @param text      headline paragraph followed by the body
 * @param published publication date when known; the anchor for relative dates ("On Wednesday")
 * @param source    the outlet (e.g. "CNN"), or empty
 * @param debris    spans of {@code text} that are not news and must not produce events
 */
public record Article(String id, String url, String title, String text, Optional<LocalDate> published,
                      String source, List<Debris> debris) {

    public Article {
        Objects.requireNonNull(id, "id");
        url = url == null ? "" : url;
        title = title == null ? "" : title;
        Objects.requireNonNull(text, "text");
        published = published == null ? Optional.empty() : published;
        source = source == null ? "" : source;
        debris = debris == null ? List.of() : List.copyOf(debris);
    }

    /** An article with no debris marked yet, as readers first build it. */
    public static Article of(String id, String url, String title, String text, LocalDate published, String source) {
        return new Article(id, url, title, text, Optional.ofNullable(published), source, List.of());
    }

    public Article withDebris(List<Debris> marked) {
        return new Article(id, url, title, text, published, source, marked);
    }

    /** True when the character range [start, end) overlaps a debris span. */
    public boolean inDebris(int start, int end) {
        for (Debris d : debris) {
            if (start < d.end() && d.start() < end) {
                return true;
            }
        }
        return false;
    }
}
