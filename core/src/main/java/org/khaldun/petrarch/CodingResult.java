package org.khaldun.petrarch;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What the PETRARCH-compatible coder made of one sentence: its events, or why it coded nothing at all.
 *
 * @param events    the events, in the order the verbs appear
 * @param rejection why the sentence was not coded, if it was not
 * @param linear    the linear form the rules were applied to (for tracing and debugging)
 */
public record CodingResult(List<Event> events, Optional<Rejection> rejection, List<String> linear) {

    public CodingResult {
        events = List.copyOf(events);
        Objects.requireNonNull(rejection);
        linear = List.copyOf(linear);
    }

    static CodingResult rejected(String reason, String detail) {
        return new CodingResult(List.of(), Optional.of(new Rejection(reason, detail)), List.of());
    }

    /**
     * One coded event.
     *
     * @param source  source actor code (or a quoted phrase, see {@link CoderOptions#newActorLength()})
     * @param target  target actor code
     * @param code    CAMEO event code as written in the verbs dictionary
     * @param verb    the verb word of the sentence that carries the event
     * @param rule    the dictionary line that gave the code: the matching pattern, else the verb
     * @param pattern the pattern text, or empty when the verb's own code was used
     * @param passive true when source and target were swapped because the verb is passive
     * @param trace   where the verb and the actors stand among the tree's leaves, and the actor and agent lines that
     *                gave the actor codes
     */
    public record Event(String source, String target, String code, String verb, SourceLine rule, String pattern,
            boolean passive, Trace trace) {
        public Event {
            Objects.requireNonNull(trace);
        }
    }

    /**
     * Leaves {@code from..to} (inclusive, counted from 0 in the tree's word order), or {@link #NONE} when the words
     * did not come from the tree's leaves.
     */
    public record Span(int from, int to) {
        public static final Span NONE = new Span(-1, -1);

        public boolean known() {
            return from >= 0;
        }
    }

    /**
     * How an event is tied to the words of its sentence.
     *
     * @param verb         the verb (with the other words of a multi-word verb)
     * @param source       the source actor phrase: the unbroken run of its words around the actor name that gave its
     *                     code (around its last word when no name did)
     * @param target       the target actor phrase, chosen the same way
     * @param sourceLines  the actor and agent dictionary lines that made the source code
     * @param targetLines  the same for the target
     */
    public record Trace(Span verb, Span source, Span target, List<SourceLine> sourceLines,
            List<SourceLine> targetLines) {
        public static final Trace NONE = new Trace(Span.NONE, Span.NONE, Span.NONE, List.of(), List.of());

        public Trace {
            sourceLines = List.copyOf(sourceLines);
            targetLines = List.copyOf(targetLines);
        }
    }

    /**
     * Why a sentence produced nothing.
     *
     * @param reason PETRARCH's name for it: {@code storydiscard} (the whole story should be skipped),
     *               {@code sentencediscard}, {@code dateline}, {@code bad_input_parse}, {@code bad_final_parse}
     * @param detail e.g. the discard phrase that matched
     */
    public record Rejection(String reason, String detail) {
    }
}
