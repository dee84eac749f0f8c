package org.khaldun.pipeline;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.function.LongSupplier;
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
 *       mention, since an event always needs a coded actor, and sentences the attribution finder wants parsed
 *       ({@link AttributionFinder#wantsParse}: a quotation mark and a reporting verb); candidates are tagged first
 *       ({@link NlpEngine#tag}) and asked again with their parts of speech</li>
 *   <li>times: time expressions normalised against the publication date ({@link TimeResolver})</li>
 *   <li>attribution: quotes and reported speech with their speakers ({@link AttributionFinder})</li>
 *   <li>places: place names geocoded, and the dependency links from events to them ({@link PlaceRecognizer})</li>
 *   <li>events: triggers, arguments, codes, modality ({@link EventCoder}); each event then takes as its
 *       source the attribution its trigger stands inside, and as its location the place linked to its trigger</li>
 * </ol>
 *
 * Limits ({@link CodingLimits}): {@link #code(Article, CodingLimits)} refuses an article over the size or
 * sentence limit and stops one that overruns its time budget, checking the clock between stages and between
 * batches of parsed sentences; the article then fails alone with an {@link ArticleLimitException}.
 *
 * <p>Immutable and thread-safe: one pipeline serves every worker thread.
 */
public final class Pipeline {

    private final NlpEngine nlp;
    private final ActorRecognizer actors;
    private final TimeResolver times;
    private final AttributionFinder attribution;
    private final PlaceRecognizer places;
    private final EventCoder events;
    private final LongSupplier clock;
    private final boolean parseEverySentence;

    /**
     * Sentences worth parsing are parsed in batches of this many, with a look at the time budget between batches:
     * small enough that a budget is overrun by a fraction of a second, large enough to cost nothing.
     */
    static final int PARSE_BATCH = 32;

    public Pipeline(NlpEngine nlp, ActorRecognizer actors, TimeResolver times, AttributionFinder attribution,
                    PlaceRecognizer places, EventCoder events) {
        this(nlp, actors, times, attribution, places, events, System::nanoTime, false);
    }

    private Pipeline(NlpEngine nlp, ActorRecognizer actors, TimeResolver times, AttributionFinder attribution,
                     PlaceRecognizer places, EventCoder events, LongSupplier clock, boolean parseEverySentence) {
        this.nlp = Objects.requireNonNull(nlp);
        this.actors = Objects.requireNonNull(actors);
        this.times = Objects.requireNonNull(times);
        this.attribution = Objects.requireNonNull(attribution);
        this.places = Objects.requireNonNull(places);
        this.events = Objects.requireNonNull(events);
        this.clock = Objects.requireNonNull(clock);
        this.parseEverySentence = parseEverySentence;
    }

    /**
     * The same stages without the parse filter: every sentence outside debris is parsed. Slow; it exists to measure
     * what the filter costs in events (the benchmark reports it), never to code a corpus.
     */
    public Pipeline parsingEverySentence() {
        return new Pipeline(nlp, actors, times, attribution, places, events, clock, true);
    }

    /**
     * The same pipeline reading time from {@code nanoTime} (a {@link System#nanoTime}-like source) for stage
     * times and time budgets, so tests can show a budget overrun without waiting for one.
     */
    public Pipeline withClock(LongSupplier nanoTime) {
        return new Pipeline(nlp, actors, times, attribution, places, events, nanoTime, parseEverySentence);
    }

    /** Codes the article with no limits at all (see {@link #code(Article, CodingLimits)}). */
    public CodedArticle code(Article article) {
        return code(article, CodingLimits.NONE);
    }

    /**
     * Codes the article within {@code limits}.
     *
     * @throws ArticleLimitException when the article is over a limit; the reason names the limit
     */
    public CodedArticle code(Article article, CodingLimits limits) {
        int chars = article.text().length();
        if (chars > limits.maxArticleChars()) {
            throw new ArticleLimitException(ArticleLimitException.Limit.ARTICLE_CHARS, String.format(Locale.ROOT,
                    "article text is %,d characters, over the limit of %,d characters per article", chars,
                    limits.maxArticleChars()));
        }
        Budget budget = new Budget(limits, clock);
        long t0 = clock.getAsLong();
        List<Sentence> split = nlp.split(article.text());
        if (split.size() > limits.maxSentences()) {
            throw new ArticleLimitException(ArticleLimitException.Limit.SENTENCES, String.format(Locale.ROOT,
                    "article has %,d sentences, over the limit of %,d sentences per article", split.size(),
                    limits.maxSentences()));
        }
        budget.check("split");
        long t1 = clock.getAsLong();
        ActorIndex actorIndex = actors.recognize(article, split);
        budget.check("actors");
        long t2 = clock.getAsLong();

        List<Sentence> candidates = new ArrayList<>();
        for (Sentence s : split) {
            List<ActorMention> mentions = actorIndex.mentions(s.index());
            // the attribution finder asks for quoted speech too: its speakers are read from the parse
            if (parseEverySentence ? !article.inDebris(s.start(), s.end())
                    : !article.inDebris(s.start(), s.end()) && (!mentions.isEmpty() && events.mayHoldEvent(s, mentions)
                            || attribution.wantsParse(s))) {
                candidates.add(s);
            }
        }
        // Tagging is cheap next to parsing: the coder looks again with parts of speech ("back" as an adverb, "free"
        // as an adjective hold no event) before a sentence pays for its parse.
        List<Sentence> tagged = nlp.tag(candidates);
        List<Sentence> sentences = new ArrayList<>(split);
        List<Sentence> worthParsing = new ArrayList<>();
        for (Sentence t : tagged) {
            sentences.set(t.index(), t);
            List<ActorMention> mentions = actorIndex.mentions(t.index());
            if (parseEverySentence || !mentions.isEmpty() && events.mayHoldEvent(t, mentions) || attribution.wantsParse(t)) {
                worthParsing.add(t);
            }
        }
        int parsedCount = 0;
        for (int from = 0; from < worthParsing.size(); from += PARSE_BATCH) {
            List<Sentence> batch = worthParsing.subList(from, Math.min(worthParsing.size(), from + PARSE_BATCH));
            for (Sentence p : nlp.parse(batch)) {
                sentences.set(p.index(), p);
                parsedCount++;
            }
            budget.check("parse", from + batch.size(), worthParsing.size());
        }
        long t3 = clock.getAsLong();
        ArticleTimes articleTimes = times.resolve(article, sentences);
        budget.check("times");
        long t4 = clock.getAsLong();
        ArticleAttributions attributions = attribution.attribute(article, sentences, actorIndex);
        budget.check("attribution");
        long t5 = clock.getAsLong();
        ArticlePlaces articlePlaces = places.recognize(article, sentences, actorIndex);
        budget.check("places");
        long t6 = clock.getAsLong();
        List<Event> coded = events.code(article, sentences, actorIndex, articleTimes);
        budget.check("events");
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
        long t7 = clock.getAsLong();

        int tokens = 0;
        for (Sentence s : split) {
            tokens += s.tokens().size();
        }
        StageTimes st = new StageTimes(t1 - t0, t2 - t1, t3 - t2, t4 - t3, t5 - t4, t6 - t5, t7 - t6, split.size(),
                parsedCount, tokens);
        return new CodedArticle(article, sentences, actorIndex, articleTimes, attributions, articlePlaces, enriched, st);
    }

    /** The time budget of one article, checked cooperatively between steps. */
    private static final class Budget {
        private final CodingLimits limits;
        private final LongSupplier clock;
        private final long start;

        Budget(CodingLimits limits, LongSupplier clock) {
            this.limits = limits;
            this.clock = clock;
            this.start = limits.hasTimeBudget() ? clock.getAsLong() : 0;
        }

        void check(String stage) {
            check(stage, -1, -1);
        }

        /** Throws when the budget is spent; {@code done}/{@code of} say how far a batched stage got. */
        void check(String stage, int done, int of) {
            if (!limits.hasTimeBudget()) {
                return;
            }
            long elapsed = clock.getAsLong() - start;
            if (elapsed > limits.timeBudget().toNanos()) {
                String where = done < 0 ? "after " + stage
                        : String.format(Locale.ROOT, "in %s, %,d of %,d sentences done", stage, done, of);
                throw new ArticleLimitException(ArticleLimitException.Limit.TIME_BUDGET, String.format(Locale.ROOT,
                        "article took longer than the time budget of %s per article (stopped %s, %.1f s spent)",
                        CodingLimits.show(limits.timeBudget()), where, elapsed / 1e9));
            }
        }
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
