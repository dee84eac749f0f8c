package org.khaldun.pipeline;

import java.util.List;
import org.khaldun.actor.ActorIndex;
import org.khaldun.article.Article;
import org.khaldun.attribution.ArticleAttributions;
import org.khaldun.event.Event;
import org.khaldun.nlp.Sentence;
import org.khaldun.place.ArticlePlaces;
import org.khaldun.time.ArticleTimes;

/** An article with everything the pipeline found in it. */
public record CodedArticle(Article article, List<Sentence> sentences, ActorIndex actors, ArticleTimes times,
                           ArticleAttributions attributions, ArticlePlaces places, List<Event> events,
                           StageTimes stageTimes) {
    public CodedArticle {
        sentences = List.copyOf(sentences);
        events = List.copyOf(events);
    }
}
