package org.khaldun.app.eval;

import java.util.ArrayList;
import java.util.List;
import org.khaldun.actor.ActorIndex;
import org.khaldun.actor.DictionaryActorRecognizer;
import org.khaldun.article.Article;
import org.khaldun.codebook.TableCodebook;
import org.khaldun.event.DependencyEventCoder;
import org.khaldun.event.EventCoder;
import org.khaldun.nlp.CoreNlpEngine;
import org.khaldun.nlp.NlpEngine;
import org.khaldun.nlp.Sentence;
import org.khaldun.place.ArticlePlaces;
import org.khaldun.place.GazetteerPlaceRecognizer;
import org.khaldun.place.PlaceRecognizer;

/**
 * The pipeline's stages up to places, as the pipeline runs them: split, actors, parse of the sentences that may
 * hold an event (or of every sentence, for evaluations that ask about a given verb), places.
 */
final class PlaceHarness {

    /** What the stages found in one article. */
    record Result(List<Sentence> sentences, ActorIndex actors, ArticlePlaces places, long placeNanos) {
    }

    private final NlpEngine nlp = CoreNlpEngine.shared();
    private final DictionaryActorRecognizer actors = DictionaryActorRecognizer.builtin();
    private final EventCoder events = DependencyEventCoder.withBuiltinLexicon(TableCodebook.builtin());
    private final PlaceRecognizer places = GazetteerPlaceRecognizer.builtin();

    Result run(Article article, boolean parseAll) {
        return run(article, parseAll, true);
    }

    Result run(Article article, boolean parseAll, boolean parse) {
        List<Sentence> split = nlp.split(article.text());
        ActorIndex actorIndex = actors.recognize(article, split);
        List<Sentence> candidates = new ArrayList<>();
        for (Sentence s : split) {
            if (parse && parseAll || parse && (!article.inDebris(s.start(), s.end()) && events.mayHoldEvent(s, actorIndex.mentions(s.index())))) {
                candidates.add(s);
            }
        }
        List<Sentence> sentences = new ArrayList<>(split);
        for (Sentence p : nlp.parse(candidates)) {
            sentences.set(p.index(), p);
        }
        long t0 = System.nanoTime();
        ArticlePlaces found = places.recognize(article, sentences, actorIndex);
        return new Result(sentences, actorIndex, found, System.nanoTime() - t0);
    }
}
