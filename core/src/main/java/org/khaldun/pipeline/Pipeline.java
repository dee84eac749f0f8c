package org.khaldun.pipeline;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.khaldun.actor.ActorIndex;
import org.khaldun.actor.ActorMention;
import org.khaldun.actor.ActorRecognizer;
import org.khaldun.article.Article;
import org.khaldun.attribution.ArticleAttributions;
import org.khaldun.attribution.Attribution;
import org.khaldun.attribution.AttributionFinder;
import org.khaldun.event.Event;
import org.khaldun.event.EventCoder;
import org.khaldun.event.EventSource;
import org.khaldun.nlp.NlpEngine;
import org.khaldun.nlp.Sentence;
import org.khaldun.nlp.Token;
import org.khaldun.place.ArticlePlaces;
import org.khaldun.place.Place;
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
 *   <li>parse: POS, lemmas and dependencies of candidate sentences only ({@link NlpEngine#parse}): sentences
 *       outside debris that hold a possible trigger ({@link EventCoder#mayHoldEvent}) and at least one actor
 *       mention, since an event always needs a coded actor</li>
 *   <li>times: time expressions normalised against the publication date ({@link TimeResolver})</li>
 *   <li>attribution: quotes and reported speech with their speakers ({@link AttributionFinder})</li>
 *   <li>places: place names geocoded, and the dependency links from events to them ({@link PlaceRecognizer})</li>
 *   <li>events: triggers, arguments, codes, modality ({@link EventCoder}); each event then takes as its
 *       source the attribution its trigger stands inside, and as its location the place linked to its trigger</li>
 * </ol>
 *
 * Immutable and thread-safe: one pipeline serves every worker thread.
 */
public final class Pipeline {

    private final NlpEngine nlp;
    private final ActorRecognizer actors;
    private final TimeResolver times;
    private final AttributionFinder attribution;
    private final PlaceRecognizer places;
    private final EventCoder events;

    public Pipeline(NlpEngine nlp, ActorRecognizer actors, TimeResolver times, AttributionFinder attribution,
                    PlaceRecognizer places, EventCoder events) {
        this.nlp = Objects.requireNonNull(nlp);
        this.actors = Objects.requireNonNull(actors);
        this.times = Objects.requireNonNull(times);
        this.attribution = Objects.requireNonNull(attribution);
        this.places = Objects.requireNonNull(places);
        this.events = Objects.requireNonNull(events);
    }

    public CodedArticle code(Article article) {
        long t0 = System.nanoTime();
        List<Sentence> split = nlp.split(article.text());
        long t1 = System.nanoTime();
        ActorIndex actorIndex = actors.recognize(article, split);
        long t2 = System.nanoTime();

        List<Sentence> candidates = new ArrayList<>();
        for (Sentence s : split) {
            List<ActorMention> mentions = actorIndex.mentions(s.index());
            if (!mentions.isEmpty() && !article.inDebris(s.start(), s.end()) && events.mayHoldEvent(s, mentions)) {
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
        ArticleAttributions attributions = attribution.attribute(article, sentences, actorIndex);
        long t5 = System.nanoTime();
        ArticlePlaces articlePlaces = places.recognize(article, sentences, actorIndex);
        long t6 = System.nanoTime();
        List<Event> coded = events.code(article, sentences, actorIndex, articleTimes);
        List<Event> enriched = new ArrayList<>(coded.size());
        for (Event e : coded) {
            Optional<Attribution> a = attributions.sourceOf(e.textInfo().triggerStart());
            if (a.isPresent()) {
                e = e.withSource(EventSource.of(a.get()));
            }
            Optional<Place> where = locationOf(e, sentences, articlePlaces);
            if (where.isPresent()) {
                e = e.withLocation(where);
            }
            enriched.add(e);
        }
        long t7 = System.nanoTime();

        int tokens = 0;
        for (Sentence s : split) {
            tokens += s.tokens().size();
        }
        StageTimes st = new StageTimes(t1 - t0, t2 - t1, t3 - t2, t4 - t3, t5 - t4, t6 - t5, t7 - t6, split.size(),
                parsed.size(), tokens);
        return new CodedArticle(article, sentences, actorIndex, articleTimes, attributions, articlePlaces, enriched, st);
    }

    /** The place linked to the event's trigger token. */
    private static Optional<Place> locationOf(Event e, List<Sentence> sentences, ArticlePlaces places) {
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
