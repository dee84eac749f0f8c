package org.khaldun.event;

import java.util.Locale;
import java.util.Set;
import java.util.function.IntPredicate;

/**
 * One test of a lexicon rule, compiled once. Syntax (see {@code docs/event-lexicon.md}):
 * <pre>
 *   [!] step(&gt;step)* [=lemma,lemma | @CLASS | ~actor]
 *   step: relation (to a child: obj, obl:for, compound:prt, xcomp …) or ^relation (to the governor)
 *   pos=NNS,NNPS      the trigger's own tag
 * </pre>
 * A step without a subtype matches every subtype ({@code obl} matches {@code obl:for}); {@code *} matches any
 * relation. The test holds when some token reached by the path passes it.
 */
public final class Condition {

    private enum Test { EXISTS, LEMMA, CLASS, ACTOR }

    private final boolean negated;
    private final String[] steps;
    private final boolean[] up;
    private final Test test;
    private final Set<String> lemmas;
    private final String className;
    private final boolean posTest;
    private final String text;

    private Condition(String text, boolean negated, String[] steps, boolean[] up, Test test, Set<String> lemmas,
                      String className, boolean posTest) {
        this.text = text;
        this.negated = negated;
        this.steps = steps;
        this.up = up;
        this.test = test;
        this.lemmas = lemmas;
        this.className = className;
        this.posTest = posTest;
    }

    static Condition parse(String raw) {
        String s = raw;
        boolean neg = s.startsWith("!");
        if (neg) {
            s = s.substring(1);
        }
        if (s.startsWith("pos=")) {
            return new Condition(raw, neg, new String[0], new boolean[0], Test.LEMMA,
                    Set.of(s.substring(4).toLowerCase(Locale.ROOT).split(",")), null, true);
        }
        if (s.startsWith("prt=")) {
            s = "compound:prt=" + s.substring(4);
        }
        Test test = Test.EXISTS;
        Set<String> lemmas = Set.of();
        String cls = null;
        int eq = s.indexOf('=');
        int at = s.indexOf('@');
        int tilde = s.indexOf('~');
        String path = s;
        if (eq >= 0) {
            test = Test.LEMMA;
            lemmas = Set.of(s.substring(eq + 1).toLowerCase(Locale.ROOT).split(","));
            path = s.substring(0, eq);
        } else if (at >= 0) {
            test = Test.CLASS;
            cls = s.substring(at + 1);
            path = s.substring(0, at);
        } else if (tilde >= 0) {
            if (!s.substring(tilde + 1).equals("actor")) {
                throw new IllegalArgumentException("unknown test in condition " + raw);
            }
            test = Test.ACTOR;
            path = s.substring(0, tilde);
        }
        if (path.isEmpty()) {
            throw new IllegalArgumentException("condition without a relation: " + raw);
        }
        String[] parts = path.split(">");
        boolean[] upward = new boolean[parts.length];
        for (int i = 0; i < parts.length; i++) {
            if (parts[i].startsWith("^")) {
                upward[i] = true;
                parts[i] = parts[i].substring(1);
            }
            if (parts[i].isEmpty()) {
                throw new IllegalArgumentException("empty step in condition " + raw);
            }
        }
        return new Condition(raw, neg, parts, upward, test, lemmas, cls, false);
    }

    /** Relation subtypes that name no word of the sentence ("nmod:poss", "obl:tmod"), unlike prepositions. */
    private static final Set<String> NON_WORD_SUBTYPES = Set.of("poss", "agent", "tmod", "npmod", "pass", "xsubj",
            "relcl", "prt", "unmarked", "'s");

    /**
     * Lemmas of which at least one must stand in a sentence for this condition to hold there, or null when the
     * condition needs no particular word: the tested lemmas ({@code obj=presence}, {@code obj@FORCES}) or a
     * preposition its path runs through ({@code obl:for}). The pre-parse filter uses it to skip words whose every
     * coding rule lacks its word.
     */
    Set<String> requiredLemmas(EventLexicon lex) {
        if (negated || posTest) {
            return null;
        }
        Set<String> best = null;
        if (test == Test.LEMMA) {
            best = lemmas;
        } else if (test == Test.CLASS) {
            best = lex.classWords(className);
        }
        for (String step : steps) {
            int colon = step.indexOf(':');
            if (colon < 0 || !(step.startsWith("obl:") || step.startsWith("nmod:"))) {
                continue;
            }
            String sub = step.substring(colon + 1);
            int us = sub.indexOf('_');
            String word = us < 0 ? sub : sub.substring(0, us);
            if (!NON_WORD_SUBTYPES.contains(sub) && !word.isEmpty() && (best == null || best.size() > 1)) {
                best = Set.of(word);
            }
        }
        return best;
    }

    /** The class this condition names, so the loader can check it exists. */
    String className() {
        return className;
    }

    boolean holds(SentenceGraph g, int token, EventLexicon lex, IntPredicate isActor) {
        boolean r;
        if (posTest) {
            r = lemmas.contains(g.token(token).pos().toLowerCase(Locale.ROOT));
        } else {
            r = walk(g, token, 0, lex, isActor);
        }
        return r != negated;
    }

    private boolean walk(SentenceGraph g, int at, int step, EventLexicon lex, IntPredicate isActor) {
        if (step == steps.length) {
            return passes(g, at, lex, isActor);
        }
        int[] toks = up[step] ? g.parentTokens(at) : g.childTokens(at);
        String[] rels = up[step] ? g.parentRelations(at) : g.childRelations(at);
        for (int k = 0; k < toks.length; k++) {
            if (toks[k] >= 0 && (SentenceGraph.relMatches(rels[k], steps[step]) || passiveObject(rels[k], step))
                    && walk(g, toks[k], step + 1, lex, isActor)) {
                return true;
            }
        }
        return false;
    }

    /** The object of an active verb is the subject of the passive one: "sanctions were imposed" as "imposed sanctions". */
    private boolean passiveObject(String rel, int step) {
        return step == 0 && !up[0] && steps[0].equals("obj") && rel.equals("nsubj:pass");
    }

    private boolean passes(SentenceGraph g, int t, EventLexicon lex, IntPredicate isActor) {
        return switch (test) {
            case EXISTS -> true;
            case LEMMA -> lemmas.contains(g.lemma(t).toLowerCase(Locale.ROOT));
            case CLASS -> lex.inClass(className, g.lemma(t).toLowerCase(Locale.ROOT));
            case ACTOR -> isActor.test(t);
        };
    }

    @Override
    public String toString() {
        return text;
    }
}
