package org.khaldun.store;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;

/** What exports need of an event's article, without its text. */
public record ArticleRef(long seq, String id, String url, String source, Optional<LocalDate> published, int textLength,
                         Instant ingestedAt) {
}
