package org.khaldun.pipeline;

/**
 * Nanoseconds spent in each stage for one article, so benchmarks can say where the time goes.
 */
public record StageTimes(long split, long actors, long parse, long times, long events, long places, int sentences,
                         int parsedSentences, int tokens) {

    public long total() {
        return split + actors + parse + times + events + places;
    }

    public StageTimes plus(StageTimes o) {
        return new StageTimes(split + o.split, actors + o.actors, parse + o.parse, times + o.times,
                events + o.events, places + o.places, sentences + o.sentences, parsedSentences + o.parsedSentences,
                tokens + o.tokens);
    }

    public static final StageTimes ZERO = new StageTimes(0, 0, 0, 0, 0, 0, 0, 0, 0);
}
