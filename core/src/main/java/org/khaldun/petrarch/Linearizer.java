package org.khaldun.petrarch;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * Turns a parse tree into PETRARCH's linear form: a token list where a phrase is {@code (TAG ... ~TAG}, verb phrases
 * and complex noun phrases carry an index ({@code (VP3 ... ~VP3}), and simple noun phrases become named-entity
 * slots {@code (NE --- words ~NE} whose {@code ---} is later replaced by the actor code. Compound noun phrases
 * ({@code A and B}) become {@code (NECn (NE ...) (NE ...) ~NECn}. This is the shallow representation the
 * TABARI-era dictionaries were written for.
 */
final class Linearizer {

    private final List<String> out = new ArrayList<>();
    private final PennTree.Node root;
    private int vpIndex = 1;
    private int npIndex = 1;
    private int necIndex = 1;

    private Linearizer(PennTree.Node root) {
        this.root = root;
    }

    static List<String> linearize(PennTree tree) {
        Linearizer l = new Linearizer(tree.root());
        l.markCompounds();
        l.emit(tree.root());
        return l.out;
    }

    // ---------------------------------------------------------------- compounds

    /**
     * Marks each coordinating conjunction: in a clause or verb phrase, or among several conjunctions, it stays a
     * plain conjunction ({@code CCP}); joining nouns directly, its noun phrase becomes a compound ({@code NEC}).
     */
    private void markCompounds() {
        List<PennTree.Node> ccs = new ArrayList<>();
        for (PennTree.Node n : root.preorder()) {
            if (n.label.equals("CC")) {
                ccs.add(n);
            }
        }
        for (PennTree.Node cc : ccs) {
            PennTree.Node p = cc.parent;
            if (p == null) {
                continue;
            }
            if (any(p, l -> l.startsWith("VP") || l.startsWith("S"), true)) {
                cc.label = "CCP";
            } else if (count(p, l -> l.startsWith("CC")) > 1) {
                cc.label = "CCP";
            } else if (p.label.startsWith("NP") && count(p, l -> l.startsWith("N")) >= 3) {
                p.label = "NEC" + p.label.substring(2);
            }
        }
    }

    private static boolean any(PennTree.Node n, Predicate<String> label, boolean includeSelf) {
        if (includeSelf && label.test(n.label)) {
            return true;
        }
        for (PennTree.Node c : n.children) {
            if (any(c, label, true)) {
                return true;
            }
        }
        return false;
    }

    private static int count(PennTree.Node n, Predicate<String> label) {
        int k = label.test(n.label) ? 1 : 0;
        for (PennTree.Node c : n.children) {
            k += count(c, label);
        }
        return k;
    }

    // ---------------------------------------------------------------- emission

    private void emit(PennTree.Node n) {
        if (n.foldedWords != null) {
            emitFolded(n, out);
        } else if (n.label.equals("NP")) {
            nounPhrase(n);
        } else if (n.label.equals("NEC")) {
            compound(n);
        } else if (n.label.equals("VP")) {
            int i = vpIndex++;
            out.add("(VP" + i);
            for (PennTree.Node c : n.children) {
                emit(c);
            }
            out.add("~VP" + i);
        } else if (n.preterminal()) {
            out.add("(" + n.label);
            out.add(n.word);
            out.add("~" + n.label);
        } else {
            out.add("(" + n.label);
            for (PennTree.Node c : n.children) {
                emit(c);
            }
            out.add("~" + n.label);
        }
    }

    private static void emitFolded(PennTree.Node n, List<String> into) {
        into.add("(" + n.label);
        into.addAll(n.foldedWords);
        into.add("~" + n.label);
    }

    /** Verbatim markup, used for a compound kept inside a named-entity slot. */
    private static void emitRaw(PennTree.Node n, List<String> into) {
        if (n.foldedWords != null) {
            emitFolded(n, into);
            return;
        }
        into.add("(" + n.label);
        if (n.preterminal()) {
            into.add(n.word);
        }
        for (PennTree.Node c : n.children) {
            emitRaw(c, into);
        }
        into.add("~" + n.label);
    }

    private void nounPhrase(PennTree.Node np) {
        foldClauses(np);
        List<List<String>> items = null;
        if (any(np, l -> l.startsWith("POS"), false)) {
            items = possessive(np);
        } else if (any(np, l -> l.startsWith("PP"), false)) {
            items = prepositional(np);
        } else if (!any(np, l -> l.startsWith("NP") || l.startsWith("NEC"), false)) {
            items = content(np);
        }
        if (items != null && !items.isEmpty()) {
            namedEntity(items);
            return;
        }
        int i = npIndex++;
        out.add("(NP" + i);
        for (PennTree.Node c : np.children) {
            emit(c);
        }
        out.add("~NP" + i);
    }

    private void namedEntity(List<List<String>> items) {
        out.add("(NE");
        out.add(DatedCode.NULL_CODE);
        for (List<String> item : items) {
            out.addAll(item);
        }
        out.add("~NE");
    }

    /** A relative clause inside a noun phrase is kept only as its words ({@code (SBR ...)}). */
    private static void foldClauses(PennTree.Node np) {
        for (PennTree.Node c : np.children) {
            if (c.label.equals("SBAR") && c.foldedWords == null) {
                List<String> words = new ArrayList<>();
                c.words(words);
                c.label = "SBR";
                c.foldedWords = words;
                c.children.clear();
                c.word = null;
            } else {
                foldClauses(c);
            }
        }
    }

    /**
     * The items of a named-entity slot: each word on its own, except that a compound keeps its markup so that it can
     * be expanded into one slot per member.
     */
    private static List<List<String>> content(PennTree.Node n) {
        List<List<String>> items = new ArrayList<>();
        for (PennTree.Node c : n.children) {
            contentOf(c, items);
        }
        if (n.preterminal()) {
            items.add(List.of(n.word));
        }
        return items;
    }

    private static void contentOf(PennTree.Node n, List<List<String>> items) {
        if (n.label.equals("NEC")) {
            List<String> raw = new ArrayList<>();
            emitRaw(n, raw);
            items.add(raw);
        } else if (n.preterminal()) {
            items.add(List.of(n.word));
        } else if (n.foldedWords != null) {
            for (String w : n.foldedWords) {
                items.add(List.of(w));
            }
        } else {
            for (PennTree.Node c : n.children) {
                contentOf(c, items);
            }
        }
    }

    private static void flatWords(PennTree.Node n, List<List<String>> items) {
        List<String> words = new ArrayList<>();
        n.words(words);
        for (String w : words) {
            items.add(List.of(w));
        }
    }

    /** {@code Gondor 's government}: every word but the possessive marker. */
    private static List<List<String>> possessive(PennTree.Node np) {
        PennTree.Node pos = null;
        for (PennTree.Node n : np.preorder()) {
            if (n != np && n.label.startsWith("POS")) {
                pos = n;
                break;
            }
        }
        List<List<String>> items = new ArrayList<>();
        for (int i = 0; i < np.children.size(); i++) {
            PennTree.Node c = np.children.get(i);
            if (i == 0 && c.label.equals("NEC")) {
                flatWords(c, items); // PETRARCH loses the markup of a compound opening a possessive phrase
            } else {
                contentOf(c, items);
            }
        }
        if (pos != null && pos.word != null) {
            for (int i = 0; i < items.size(); i++) {
                if (items.get(i).size() == 1 && items.get(i).get(0) == pos.word) {
                    items.remove(i);
                    break;
                }
            }
        }
        return items;
    }

    /**
     * {@code (NP (NP head) (PP (IN of) (NP object)))}: head words, the preposition, the object words (and the words of a
     * following relative clause). Null when the phrase is not of that simple shape.
     */
    private List<List<String>> prepositional(PennTree.Node np) {
        PennTree.Node pp = null;
        for (PennTree.Node n : np.preorder()) {
            if (n != np && n.label.startsWith("PP")) {
                pp = n;
                break;
            }
        }
        PennTree.Node p = pp.parent;
        if (p == null || !p.label.equals("NP") || p.children.isEmpty()) {
            return null;
        }
        PennTree.Node first = p.children.get(0);
        List<List<String>> items = new ArrayList<>();
        if (first.label.startsWith("NP")) {
            items.addAll(content(first));
        } else if (first.label.startsWith("NEC")) {
            List<String> raw = new ArrayList<>();
            emitRaw(first, raw);
            items.add(raw);
        } else {
            return null;
        }
        List<PennTree.Node> order = root.preorder();
        int firstEnd = order.indexOf(first) + first.preorder().size();
        List<PennTree.Node> inP = p.preorder();
        PennTree.Node in = null;
        for (int i = firstEnd; i < order.size(); i++) {
            PennTree.Node n = order.get(i);
            if (n.preterminal() && n.label.equals("IN")) {
                in = n;
                break;
            }
        }
        if (in == null || !inP.contains(in)) {
            return null;
        }
        PennTree.Node object = null;
        int inAt = order.indexOf(in);
        for (int i = inAt + 1; i < order.size(); i++) {
            PennTree.Node n = order.get(i);
            if (!inP.contains(n)) {
                break;
            }
            if (n.label.equals("NP") || n.label.equals("NEC")) {
                object = n;
                break;
            }
        }
        if (object == null || any(object, l -> l.startsWith("PP"), false)) {
            return null;
        }
        items.add(List.of(in.word));
        if (object.label.equals("NEC")) {
            List<String> raw = new ArrayList<>();
            emitRaw(object, raw);
            items.add(raw);
        } else {
            items.addAll(content(object));
        }
        int objectEnd = order.indexOf(object) + object.preorder().size();
        for (int i = objectEnd; i < order.size(); i++) {
            if (order.get(i).foldedWords != null) {
                for (String w : order.get(i).foldedWords) {
                    items.add(List.of(w));
                }
                break;
            }
        }
        return items;
    }

    /**
     * A compound met on its own: one named-entity slot per member noun phrase (or bare noun, which also takes the
     * adjectives that open the compound: "old foes Gondor and Osgiliath").
     */
    private void compound(PennTree.Node nec) {
        int i = necIndex++;
        out.add("(NEC" + i);
        List<String> adjectives = new ArrayList<>();
        List<PennTree.Node> order = nec.preorder();
        for (PennTree.Node n : order) {
            if (n == nec) {
                continue;
            }
            if (n.label.startsWith("NP") || n.label.startsWith("NN")) {
                break;
            }
            if (n.label.startsWith("JJ") && n.preterminal()) {
                adjectives.add("(" + n.label);
                adjectives.add(n.word);
                adjectives.add("~" + n.label);
            }
        }
        members(nec, adjectives);
        out.add("~NEC" + i);
    }

    private void members(PennTree.Node n, List<String> adjectives) {
        for (PennTree.Node c : n.children) {
            if (c.label.startsWith("NN")) {
                List<List<String>> items = new ArrayList<>();
                if (!adjectives.isEmpty()) {
                    items.add(adjectives);
                }
                List<String> words = new ArrayList<>();
                c.words(words);
                if (!words.isEmpty()) {
                    items.add(List.of(words.get(0)));
                }
                namedEntity(items);
            } else if (c.label.startsWith("NP")) {
                namedEntity(content(c));
            } else {
                members(c, adjectives);
            }
        }
    }
}
