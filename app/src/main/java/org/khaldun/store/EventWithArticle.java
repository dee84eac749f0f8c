package org.khaldun.store;

/**
 * An event (mention) with its article's reference and when its cluster (real-world event) was first seen.
 */
public record EventWithArticle(StoredEvent event, ArticleRef article, java.time.Instant clusterFirstSeen) {
}
