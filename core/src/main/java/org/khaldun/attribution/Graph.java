package org.khaldun.attribution;

import java.util.ArrayList;
import java.util.List;
import org.khaldun.nlp.Dependency;
import org.khaldun.nlp.Sentence;

/**
 * The dependency graph of one parsed sentence, with a tree recovered from the enhanced++ graph so that phrases
 * ("the Acting Speaker of the Iraqi Parliament, Mohsen Al-Mandalawi") have contiguous extents. Enhanced++ adds
 * arcs (relative-clause antecedents as subjects, propagated conjunct dependents, {@code ref}, {@code xsubj}) that
 * give a token several heads; the tree keeps the conjunct arc when there is one, else the nearest head.
 */
final class Graph {

    private final Sentence s;
    private final int[] parent;
    private final String[] parentRel;
    private final List<List<Dependency>> children;

    Graph(Sentence s) {
        this.s = s;
        int n = s.tokens().size();
        parent = new int[n];
        parentRel = new String[n];
        children = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            children.add(new ArrayList<>());
            parent[i] = -2;
        }
        List<Dependency> deps = s.dependencies();
        boolean[] relclHead = new boolean[deps.size()];
        for (Dependency d : deps) {
            if (d.governor() >= 0 && !d.relation().equals("ref") && !d.relation().endsWith(":xsubj")) {
                children.get(d.governor()).add(d);
            }
        }
        for (int i = 0; i < n; i++) {
            Dependency best = null;
            for (Dependency d : deps) {
                if (d.dependent() != i) {
                    continue;
                }
                if (d.governor() < 0) {
                    best = d;
                    break;
                }
                if (d.relation().equals("ref") || d.relation().endsWith(":xsubj") || isRelclOf(deps, d.governor(), i)) {
                    continue;
                }
                if (d.baseRelation().equals("conj")) {
                    best = d;
                    break;
                }
                if (best == null || Math.abs(d.governor() - i) < Math.abs(best.governor() - i)) {
                    best = d;
                }
            }
            parent[i] = best == null ? -1 : best.governor();
            parentRel[i] = best == null ? "" : best.relation();
        }
    }

    /** True when {@code gov} is a relative clause of {@code tok}: the arc gov→tok is an enhanced extra. */
    private static boolean isRelclOf(List<Dependency> deps, int gov, int tok) {
        for (Dependency d : deps) {
            if (d.governor() == tok && d.dependent() == gov && d.relation().startsWith("acl:relcl")) {
                return true;
            }
        }
        return false;
    }

    int parent(int i) {
        return parent[i];
    }

    String parentRel(int i) {
        return parentRel[i];
    }

    /** First child (enhanced graph, no ref/xsubj) whose relation's base is one of {@code rels}, or -1. */
    int child(int i, String... rels) {
        for (Dependency d : children.get(i)) {
            for (String r : rels) {
                if (d.relation().equals(r) || d.baseRelation().equals(r)) {
                    return d.dependent();
                }
            }
        }
        return -1;
    }

    /** Every child (enhanced graph, no ref/xsubj) whose relation is {@code rel} or has it as base. */
    List<Integer> children(int i, String rel) {
        List<Integer> out = new ArrayList<>();
        for (Dependency d : children.get(i)) {
            if (d.relation().equals(rel) || d.baseRelation().equals(rel)) {
                out.add(d.dependent());
            }
        }
        return out;
    }

    /** Tree children of {@code i} with the given relation (exact or base). */
    List<Integer> treeChildren(int i, String rel) {
        List<Integer> out = new ArrayList<>();
        for (Dependency d : children.get(i)) {
            if (parent[d.dependent()] == i && (d.relation().equals(rel) || d.baseRelation().equals(rel))) {
                out.add(d.dependent());
            }
        }
        return out;
    }

    String relationOf(int gov, int dep) {
        for (Dependency d : children.get(gov)) {
            if (d.dependent() == dep) {
                return d.relation();
            }
        }
        return "";
    }

    /**
     * First and last token of the phrase headed by {@code head} in the tree, leaving out clauses that hang off it
     * (relative clauses, parataxis, clausal complements) and trimming punctuation at the edges.
     */
    int[] extent(int head) {
        int n = parent.length;
        boolean[] in = new boolean[n];
        in[head] = true;
        // tokens join when their tree parent is in; a few passes settle any order
        boolean changed = true;
        while (changed) {
            changed = false;
            for (int i = 0; i < n; i++) {
                if (!in[i] && parent[i] >= 0 && in[parent[i]] && !clausal(parentRel[i])) {
                    in[i] = true;
                    changed = true;
                }
            }
        }
        int lo = head;
        int hi = head;
        while (lo - 1 >= 0 && in[lo - 1]) {
            lo--;
        }
        while (hi + 1 < n && in[hi + 1]) {
            hi++;
        }
        while (lo < head && !Quotes.wordLike(s.token(lo).word())) {
            lo++;
        }
        while (hi > head && !Quotes.wordLike(s.token(hi).word())) {
            hi--;
        }
        return new int[] {lo, hi};
    }

    private static boolean clausal(String rel) {
        return rel.startsWith("acl:relcl") || rel.startsWith("parataxis") || rel.startsWith("ccomp")
                || rel.startsWith("advcl") || rel.equals("dep") || rel.startsWith("discourse") || rel.startsWith("acl");
    }
}
