package org.khaldun.place;

import java.util.ArrayList;
import java.util.List;
import org.khaldun.actor.ActorIndex;
import org.khaldun.actor.DictionaryActorRecognizer;
import org.khaldun.article.Article;
import org.khaldun.nlp.CoreNlpEngine;
import org.khaldun.nlp.Sentence;

/** Test helper: an article split (and parsed, when asked), its actors and places, with look-ups by text. */
final class Located {

    final Article article;
    final List<Sentence> sentences;
    final ArticlePlaces places;

    private Located(Article article, List<Sentence> sentences, ArticlePlaces places) {
        this.article = article;
        this.sentences = sentences;
        this.places = places;
    }

    static Located of(String text, boolean parse) {
        Article article = Article.of("test", "", "", text, null, "");
        CoreNlpEngine nlp = CoreNlpEngine.shared();
        List<Sentence> sentences = nlp.split(text);
        ActorIndex actors = DictionaryActorRecognizer.builtin().recognize(article, sentences);
        if (parse) {
            sentences = nlp.parse(sentences);
        }
        return new Located(article, sentences, GazetteerPlaceRecognizer.builtin().recognize(article, sentences, actors));
    }

    /** Places named as places, in text order. */
    List<Place> places() {
        List<Place> out = new ArrayList<>();
        for (Sentence s : sentences) {
            out.addAll(places.places(s.index()));
        }
        return out;
    }

    Place place(String text) {
        for (Place p : places.allMentions()) {
            if (p.text().equals(text)) {
                return p;
            }
        }
        throw new AssertionError("no place '" + text + "' among " + places.allMentions());
    }

    /** The token of the first occurrence of a word, as {sentence, token}. */
    int[] token(String word) {
        for (Sentence s : sentences) {
            for (var t : s.tokens()) {
                if (t.word().equals(word)) {
                    return new int[] {s.index(), t.index()};
                }
            }
        }
        throw new AssertionError("no token '" + word + "'");
    }

    /** Where the event named by the first occurrence of {@code trigger} happened, with how it was found. */
    java.util.Optional<Place> location(String trigger) {
        int[] at = token(trigger);
        return places.locationOf(at[0], at[1]);
    }

    /** Where the event named by the first occurrence of {@code trigger} happened: the place's text, or "". */
    String locationOf(String trigger) {
        int[] at = token(trigger);
        return places.locationOf(at[0], at[1]).map(Place::text).orElse("");
    }
}
