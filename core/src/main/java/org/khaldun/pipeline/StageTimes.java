package org.khaldun.pipeline;

/**
 * Nanoseconds spent in each stage for one article, so benchmarks can say where the time goes.
 */
public record StageTimes(long split, long actors, long parse, long times, long attribution, long places, long events,
                         int sentences, int parsedSentences, int tokens) {

    public static final StageTimes ZERO = new StageTimes(0, 0, 0, 0, 0, 0, 0, 0, 0, 0);

    public long total() {
        return split + actors + parse + times + attribution + places + events;
    }

    public StageTimes plus(StageTimes o) {
        return new StageTimes(split + o.split, actors + o.actors, parse + o.parse, times + o.times,
                attribution + o.attribution, places + o.places, events + o.events, sentences + o.sentences,
                parsedSentences + o.parsedSentences, tokens + o.tokens);
    }
}
