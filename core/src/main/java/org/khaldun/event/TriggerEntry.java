package org.khaldun.event;

import java.util.List;
import java.util.Objects;

/**
 * One lexicon entry: a verb or noun lemma, its default CAMEO code and the rules that refine it.
 *
 * @param kind    {@link Kind#VERB} or {@link Kind#NOUN}
 * @param lemma   dictionary form, lower case
 * @param code    default CAMEO code, or empty when the word codes an event only through a rule (or never:
 *                light verbs, intention words)
 * @param options how the word behaves (speech cue, host verb, family, stance, argument roles…)
 * @param rules   refinements, tried in order; the first whose conditions hold gives the code
 * @param line    line of the lexicon file, for explanations and error messages
 */
public record TriggerEntry(Kind kind, String lemma, String code, EntryOptions options, List<Rule> rules, int line) {

    public enum Kind { VERB, NOUN }

    public TriggerEntry {
        Objects.requireNonNull(kind);
        Objects.requireNonNull(lemma);
        code = code == null ? "" : code;
        Objects.requireNonNull(options);
        rules = List.copyOf(rules);
    }

    /** Whether this word can name an event by itself (it has a code or a rule that gives one). */
    public boolean codesEvents() {
        if (!code.isEmpty() || options.family() != null) {
            return true;
        }
        for (Rule r : rules) {
            if (!r.code().isEmpty()) {
                return true;
            }
        }
        return false;
    }

    /**
     * A refinement: when every condition holds, the event takes {@code code} (and {@code options} replace
     * the entry's where they say something).
     */
    public record Rule(List<Condition> conditions, String code, EntryOptions options, String source, int line) {
        public Rule {
            conditions = List.copyOf(conditions);
            code = code == null ? "" : code;
        }
    }
}
