package org.khaldun.store;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;

/**
 * An article as stored.
 *
 * @param seq         the store's own number for it: ingest order, never reused
 * @param id          the article id given by the input (see docs/input-formats.md)
 * @param url         where it came from, or empty
 * @param published   publication date when known
 * @param contentHash SHA-256 of the article text, hex
 * @param codebook    codebook version it was last coded with
 * @param record      the input record it was read from ({@code path}, {@code path:line}, {@code path#item3})
 * @param ingestedAt  when it was (first) stored
 * @param numEvents   how many events (mentions) it holds
 */
public record StoredArticle(long seq, String id, String url, String title, Optional<LocalDate> published, String source,
                            String text, String contentHash, String codebook, String record, Instant ingestedAt,
                            int numEvents) {
}
