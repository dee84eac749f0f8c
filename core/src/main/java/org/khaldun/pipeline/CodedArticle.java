package org.khaldun.pipeline;

import java.util.List;
import java.util.Optional;
import org.khaldun.actor.ActorIndex;
import org.khaldun.article.Article;
import org.khaldun.event.Event;
import org.khaldun.nlp.Sentence;
import org.khaldun.nlp.Token;
import org.khaldun.place.ArticlePlaces;
import org.khaldun.place.Place;
import org.khaldun.time.ArticleTimes;

/** An article with everything the pipeline found in it. */
public record CodedArticle(Article article, List<Sentence> sentences, ActorIndex actors, ArticleTimes times,
                           List<Event> events, ArticlePlaces places, StageTimes stageTimes) {
    public CodedArticle {
        sentences = List.copyOf(sentences);
        events = List.copyOf(events);
    }

    /** Where an event happened (see {@link ArticlePlaces#locationOf}), found from its trigger's first character. */
    public Optional<Place> locationOf(Event e) {
        int si = e.textInfo().sentenceIndex();
        if (si < 0 || si >= sentences.size()) {
            return Optional.empty();
        }
        for (Token t : sentences.get(si).tokens()) {
            if (e.textInfo().triggerStart() >= t.start() && e.textInfo().triggerStart() < t.end()) {
                return places.locationOf(si, t.index());
            }
        }
        return Optional.empty();
    }
}
