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
     */
    public record Event(String source, String target, String code, String verb, SourceLine rule, String pattern,
            boolean passive) {
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
