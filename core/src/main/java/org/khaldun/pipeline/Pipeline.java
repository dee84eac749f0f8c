package org.khaldun.pipeline;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.khaldun.actor.ActorIndex;
import org.khaldun.actor.ActorRecognizer;
import org.khaldun.article.Article;
import org.khaldun.event.Event;
import org.khaldun.event.EventCoder;
import org.khaldun.nlp.NlpEngine;
import org.khaldun.nlp.Sentence;
import org.khaldun.place.ArticlePlaces;
import org.khaldun.place.GazetteerPlaceRecognizer;
import org.khaldun.place.PlaceRecognizer;
import org.khaldun.time.ArticleTimes;
import org.khaldun.time.TimeResolver;

/**
 * The coder, stage by stage. The order is the design: cheap stages first, so the costly parse runs only
 * on sentences that can hold an event and are not scraping debris.
 *
 * <ol>
 *   <li>split: sentences and tokens ({@link NlpEngine#split})</li>
 *   <li>actors: dictionary actors and in-article resolution, on tokens ({@link ActorRecognizer})</li>
 *   <li>parse: POS, lemmas and dependencies of candidate sentences only ({@link NlpEngine#parse})</li>
 *   <li>times: time expressions normalised against the publication date ({@link TimeResolver})</li>
 *   <li>events: triggers, arguments, codes, modality ({@link EventCoder})</li>
 *   <li>places: place names geocoded, and the dependency graph that links events to them ({@link PlaceRecognizer})</li>
 * </ol>
 *
 * Immutable and thread-safe: one pipeline serves every worker thread.
 */
public final class Pipeline {

    private final NlpEngine nlp;
    private final ActorRecognizer actors;
    private final TimeResolver times;
    private final EventCoder events;
    private final PlaceRecognizer places;

    /** A pipeline with the built-in gazetteer for places. */
    public Pipeline(NlpEngine nlp, ActorRecognizer actors, TimeResolver times, EventCoder events) {
        this(nlp, actors, times, events, GazetteerPlaceRecognizer.builtin());
    }

    public Pipeline(NlpEngine nlp, ActorRecognizer actors, TimeResolver times, EventCoder events, PlaceRecognizer places) {
        this.nlp = Objects.requireNonNull(nlp);
        this.actors = Objects.requireNonNull(actors);
        this.times = Objects.requireNonNull(times);
        this.events = Objects.requireNonNull(events);
        this.places = Objects.requireNonNull(places);
    }

    public CodedArticle code(Article article) {
        long t0 = System.nanoTime();
        List<Sentence> split = nlp.split(article.text());
        long t1 = System.nanoTime();
        ActorIndex actorIndex = actors.recognize(article, split);
        long t2 = System.nanoTime();

        List<Sentence> candidates = new ArrayList<>();
        for (Sentence s : split) {
            if (!article.inDebris(s.start(), s.end()) && events.mayHoldEvent(s)) {
                candidates.add(s);
            }
        }
        List<Sentence> parsed = nlp.parse(candidates);
        List<Sentence> sentences = new ArrayList<>(split);
        for (Sentence p : parsed) {
            sentences.set(p.index(), p);
        }
        long t3 = System.nanoTime();
        ArticleTimes articleTimes = times.resolve(article, sentences);
        long t4 = System.nanoTime();
        List<Event> coded = events.code(article, sentences, actorIndex, articleTimes);
        long t5 = System.nanoTime();
        ArticlePlaces articlePlaces = places.recognize(article, sentences, actorIndex);
        long t6 = System.nanoTime();

        int tokens = 0;
        for (Sentence s : split) {
            tokens += s.tokens().size();
        }
        StageTimes st = new StageTimes(t1 - t0, t2 - t1, t3 - t2, t4 - t3, t5 - t4, t6 - t5, split.size(), parsed.size(),
                tokens);
        return new CodedArticle(article, sentences, actorIndex, articleTimes, coded, articlePlaces, st);
    }
}
