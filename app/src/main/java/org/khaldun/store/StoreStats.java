package org.khaldun.store;

import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;

/** What the store holds. {@code eventsByCodebook}: mentions per codebook version (several after a partial recode). */
public record StoreStats(long articles, long sentences, long events, long clusters, Optional<LocalDate> firstDate,
                         Optional<LocalDate> lastDate, Map<String, Long> eventsByCodebook) {
}
