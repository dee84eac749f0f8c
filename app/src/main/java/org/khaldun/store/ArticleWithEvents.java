package org.khaldun.store;

import java.util.List;

/** An article with its sentences and every event coded in it, in store order. */
public record ArticleWithEvents(StoredArticle article, List<StoredSentence> sentences, List<StoredEvent> events) {
    public ArticleWithEvents {
        sentences = List.copyOf(sentences);
        events = List.copyOf(events);
    }
}
