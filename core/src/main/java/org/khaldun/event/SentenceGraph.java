package org.khaldun.event;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.khaldun.nlp.Dependency;
import org.khaldun.nlp.Sentence;
import org.khaldun.nlp.Token;

/**
 * Adjacency of one parsed sentence, built once so that rules walk arcs by index instead of scanning the
 * dependency list for every question ({@link Sentence#children} is linear per call).
 *
 * <p>The enhanced++ graph gives a token several parents ("Iraq" is {@code nsubj} of both conjoined verbs).
 * The {@linkplain #parent primary parent} is the one a basic tree would have: arcs added by enhancement
 * ({@code conj}, {@code nsubj:xsubj}, {@code ref}, propagated subjects) are passed over when another exists,
 * so upward walks follow the clause structure.
 */
final class SentenceGraph {

    final Sentence sentence;
    final int size;
    private final int[][] childTok;
    private final String[][] childRel;
    private final int[][] parentTok;
    private final String[][] parentRel;
    private final int[] primaryParent;
    private final String[] primaryRel;
    private final boolean[] quoted;

    SentenceGraph(Sentence s) {
        this.sentence = s;
        this.size = s.tokens().size();
        List<List<Dependency>> down = new ArrayList<>(size);
        List<List<Dependency>> up = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            down.add(new ArrayList<>(4));
            up.add(new ArrayList<>(2));
        }
        for (Dependency d : s.dependencies()) {
            if (d.dependent() < 0 || d.dependent() >= size) {
                continue;
            }
            up.get(d.dependent()).add(d);
            if (d.governor() >= 0 && d.governor() < size) {
                down.get(d.governor()).add(d);
            }
        }
        childTok = new int[size][];
        childRel = new String[size][];
        parentTok = new int[size][];
        parentRel = new String[size][];
        primaryParent = new int[size];
        primaryRel = new String[size];
        for (int i = 0; i < size; i++) {
            List<Dependency> c = down.get(i);
            childTok[i] = new int[c.size()];
            childRel[i] = new String[c.size()];
            for (int k = 0; k < c.size(); k++) {
                childTok[i][k] = c.get(k).dependent();
                childRel[i][k] = c.get(k).relation();
            }
            List<Dependency> p = up.get(i);
            parentTok[i] = new int[p.size()];
            parentRel[i] = new String[p.size()];
            int best = -1;
            int bestRank = Integer.MAX_VALUE;
            for (int k = 0; k < p.size(); k++) {
                parentTok[i][k] = p.get(k).governor();
                parentRel[i][k] = p.get(k).relation();
                int rank = enhancementRank(p.get(k).relation());
                if (rank < bestRank) {
                    bestRank = rank;
                    best = k;
                }
            }
            primaryParent[i] = best < 0 ? -1 : parentTok[i][best];
            primaryRel[i] = best < 0 ? "" : parentRel[i][best];
        }
        quoted = quotedTokens(s.tokens());
    }

    /** Lower is more likely to be the basic-tree arc. */
    private static int enhancementRank(String rel) {
        if (rel.startsWith("conj")) {
            return 3;
        }
        if (rel.equals("nsubj:xsubj") || rel.equals("ref")) {
            return 4;
        }
        if (rel.startsWith("nsubj")) {
            return 2; // a subject is often propagated; a clause-level arc for the same token wins
        }
        return 1;
    }

    /** Straight quotes toggle; curly and guillemets open/close; PTB `` and '' are open/close too. */
    private static boolean[] quotedTokens(List<Token> tokens) {
        boolean[] q = new boolean[tokens.size()];
        boolean in = false;
        for (int i = 0; i < tokens.size(); i++) {
            String w = tokens.get(i).word();
            switch (w) {
                case "\"" -> { in = !in; continue; }
                case "“", "«", "``" -> { in = true; continue; }
                case "”", "»", "''" -> { in = false; continue; }
                default -> { }
            }
            q[i] = in;
        }
        // an unbalanced quote (paragraph-spanning quotations) must not mark the rest of the sentence
        boolean anyClose = false;
        for (Token t : tokens) {
            String w = t.word();
            if (w.equals("”") || w.equals("»") || w.equals("''")) {
                anyClose = true;
            }
        }
        if (in && !anyClose) {
            int opens = 0;
            for (Token t : tokens) {
                if (t.word().equals("\"")) {
                    opens++;
                }
            }
            if (opens % 2 == 1) {
                Arrays.fill(q, false);
            }
        }
        return q;
    }

    Token token(int i) {
        return sentence.tokens().get(i);
    }

    String lemma(int i) {
        return sentence.tokens().get(i).lemma();
    }

    int[] childTokens(int i) {
        return childTok[i];
    }

    String[] childRelations(int i) {
        return childRel[i];
    }

    int[] parentTokens(int i) {
        return parentTok[i];
    }

    String[] parentRelations(int i) {
        return parentRel[i];
    }

    int parent(int i) {
        return primaryParent[i];
    }

    String parentRelation(int i) {
        return primaryRel[i];
    }

    boolean quoted(int i) {
        return quoted[i];
    }

    /** First child with exactly this relation, or -1. */
    int child(int i, String rel) {
        String[] r = childRel[i];
        for (int k = 0; k < r.length; k++) {
            if (r[k].equals(rel)) {
                return childTok[i][k];
            }
        }
        return -1;
    }

    /** Whether a relation name matches a pattern: exact, or on the base name when the pattern has no subtype. */
    static boolean relMatches(String rel, String pattern) {
        if (pattern.equals("*")) {
            return true;
        }
        if (rel.equals(pattern)) {
            return true;
        }
        if (pattern.indexOf(':') < 0) {
            int colon = rel.indexOf(':');
            return colon > 0 && rel.regionMatches(0, pattern, 0, pattern.length()) && colon == pattern.length();
        }
        return false;
    }

    boolean hasChild(int i, String relPattern) {
        for (String r : childRel[i]) {
            if (relMatches(r, relPattern)) {
                return true;
            }
        }
        return false;
    }

    /** Passive clause: an {@code aux:pass} or {@code nsubj:pass} child. */
    boolean isPassive(int i) {
        for (String r : childRel[i]) {
            if (r.equals("aux:pass") || r.equals("nsubj:pass") || r.equals("csubj:pass")) {
                return true;
            }
        }
        return false;
    }

    /** The particle of a phrasal verb ("on" in "called on"), or empty. */
    String particle(int i) {
        int p = child(i, "compound:prt");
        return p < 0 ? "" : lemma(p);
    }
}
