package org.khaldun.event;

/**
 * Whether an event is told as a fact. Flagged events are still emitted, so analysts can decide.
 *
 * @param negated      "did not attack", "denied meeting"
 * @param hypothetical "could attack", "if … attacks", "threatened to"
 * @param future       "will meet", "the upcoming weeks will witness"
 */
public record Modality(boolean negated, boolean hypothetical, boolean future) {
    public static final Modality FACT = new Modality(false, false, false);

    public boolean isFact() {
        return !negated && !hypothetical && !future;
    }
}
