package org.khaldun.petrarch;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A PETRARCH verbs dictionary: synonym sets ({@code &CURRENCY}), verb blocks ({@code --- ABANDON [345] ---}) with
 * their verbs and patterns ({@code - * DIPLOMATIC TIES [901]}), and PETRARCH-2 transformations ({@code ~ a (a b Q) SAY
 * = a b Q}, kept as text).
 */
public record PetrarchVerbs(Map<String, Synset> synsets, List<Block> blocks, List<Transformation> transformations) {

    public PetrarchVerbs {
        synsets = Map.copyOf(synsets);
        blocks = List.copyOf(blocks);
        transformations = List.copyOf(transformations);
    }

    /**
     * A synonym set: {@code &NAME} then {@code +member} lines. Plurals of the members are added unless the set name or
     * the member ends in {@code _}. A member may itself be a set ({@code +&TIETYPES}).
     */
    public record Synset(String name, List<Phrase> members, SourceLine source) {
        public Synset {
            members = List.copyOf(members);
        }
    }

    /**
     * A verb block.
     *
     * @param name     the text between the dashes, e.g. {@code ABANDON}
     * @param code     the block's code, {@code ---} when the verb alone makes no event
     * @param verbs    the verbs of the block, the first one heading it
     * @param patterns the patterns in file order (PETRARCH tries them in this order)
     * @param source   the header line
     */
    public record Block(String name, String code, List<Verb> verbs, List<Pattern> patterns, SourceLine source) {
        public Block {
            verbs = List.copyOf(verbs);
            patterns = List.copyOf(patterns);
        }
    }

    /**
     * A verb with all its surface forms.
     *
     * @param text   the verb as written, e.g. {@code BREAK}, {@code WIRE_+TAP} or {@code +CORDON_OFF}
     * @param code   its own code, or the block's when it has none
     * @param forms  every inflected form, e.g. BREAK, BROKE, BROKEN
     * @param source the dictionary line
     */
    public record Verb(String text, String code, List<Form> forms, SourceLine source) {
        public Verb {
            forms = List.copyOf(forms);
        }

        /** The lemma: the verb word of the first form, e.g. {@code TAP} for {@code WIRE_+TAP}. */
        public String lemma() {
            return forms.get(0).verb();
        }

        public boolean multiWord() {
            return !forms.get(0).before().isEmpty() || !forms.get(0).after().isEmpty();
        }
    }

    /**
     * One surface form: the word the parser tags as a verb, with the words that must precede or follow it in a
     * multi-word verb ({@code CORDONED OFF}: verb CORDONED, after [OFF]).
     */
    public record Form(List<String> before, String verb, List<String> after) {
        public Form {
            before = List.copyOf(before);
            after = List.copyOf(after);
            Objects.requireNonNull(verb);
        }

        public String text() {
            StringBuilder b = new StringBuilder();
            for (String w : before) {
                b.append(w).append(' ');
            }
            b.append(verb);
            for (String w : after) {
                b.append(' ').append(w);
            }
            return b.toString();
        }
    }

    /**
     * A pattern: what must come before ({@code upper}) and after ({@code lower}) the verb, and the code it yields.
     *
     * @param upper  elements before the verb, in text order
     * @param lower  elements after the verb, in text order
     * @param code   the event code, e.g. {@code 064}, {@code 032:033} (symmetric) or {@code ---}
     * @param text   the pattern as written, without its code and comment
     * @param source the dictionary line
     */
    public record Pattern(List<Element> upper, List<Element> lower, String code, String text, SourceLine source) {
        public Pattern {
            upper = List.copyOf(upper);
            lower = List.copyOf(lower);
        }
    }

    /** What a pattern element matches. */
    public enum Kind {
        /** a literal word */
        WORD,
        /** any member of a synonym set ({@code &NAME}) */
        SYNSET,
        /** the source actor ({@code $}) */
        SOURCE,
        /** the target actor ({@code +}) */
        TARGET,
        /** a compound actor that is both source and target ({@code %}) */
        COMPOUND,
        /** an actor phrase to skip over ({@code ^}) */
        SKIP
    }

    /**
     * One element of a pattern.
     *
     * @param kind  what it matches
     * @param text  the word, or the synset name with its {@code &}, or the symbol
     * @param tight true when the element must directly touch its neighbour on the verb side (an {@code _} connector)
     * @param group PETRARCH-2 grouping: {@code '('} inside a prepositional phrase group, {@code '{'} inside a noun
     *              phrase group, {@code ' '} otherwise
     */
    public record Element(Kind kind, String text, boolean tight, char group) {
        @Override
        public String toString() {
            return text;
        }
    }

    /** A PETRARCH-2 transformation rule, kept verbatim: Khaldun does not apply them. */
    public record Transformation(String text, SourceLine source) {
    }

    /** The block headed by {@code verb}, if any. */
    public java.util.Optional<Block> block(String name) {
        return blocks.stream().filter(b -> b.name().equals(name)).findFirst();
    }
}
