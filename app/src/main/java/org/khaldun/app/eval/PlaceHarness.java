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
        List<Sentence> cached = cached(article, parseAll, parse);
        if (cached != null && cached.size() == split.size()) {
            long t0 = System.nanoTime();
            ArticlePlaces found = places.recognize(article, cached, actorIndex);
            return new Result(cached, actorIndex, found, System.nanoTime() - t0);
        }
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
        if (CACHE != null && parse) {
            try {
                java.nio.file.Files.createDirectories(CACHE);
                ParseCache.write(CACHE, cacheId(article, parseAll), article.text(), sentences);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
        long t0 = System.nanoTime();
        ArticlePlaces found = places.recognize(article, sentences, actorIndex);
        return new Result(sentences, actorIndex, found, System.nanoTime() - t0);
    }

    /**
     * {@code -Dkhaldun.place.cache=DIR} keeps the parses on disk so place rules can be re-scored in seconds
     * (development only: a cached parse is what the pipeline would parse for the same text and flags).
     */
    private static final java.nio.file.Path CACHE = System.getProperty("khaldun.place.cache") == null ? null
            : java.nio.file.Path.of(System.getProperty("khaldun.place.cache"));

    private static String cacheId(Article article, boolean parseAll) {
        return article.id().replaceAll("[^A-Za-z0-9_.-]", "_") + (parseAll ? "-all" : "-events");
    }

    private static List<Sentence> cached(Article article, boolean parseAll, boolean parse) {
        if (CACHE == null || !parse) {
            return null;
        }
        try {
            return ParseCache.read(CACHE, cacheId(article, parseAll), article.text());
        } catch (java.io.IOException e) {
            return null;
        }
    }
}
