package org.khaldun.petrarch;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A Penn Treebank constituency tree such as {@code (ROOT (S (NP (NNP Arnor)) (VP (VBD left))))}, read by a small
 * s-expression reader. Words and labels are upper-cased, as PETRARCH's dictionaries are.
 */
public final class PennTree {

    /** Thrown for input whose brackets do not balance or cannot be read as a tree. */
    public static final class MalformedTreeException extends IllegalArgumentException {
        public MalformedTreeException(String message) {
            super(message);
        }
    }

    /** A mutable node: the linearizer relabels nodes (NP to NEC, CC to CCP) and folds clauses, as PETRARCH does. */
    static final class Node {
        String label;
        String word;
        final List<Node> children = new ArrayList<>();
        Node parent;
        /** words of a folded clause (PETRARCH's {@code (SBR ...)}), or null */
        List<String> foldedWords;

        Node(String label) {
            this.label = label;
        }

        boolean preterminal() {
            return word != null;
        }

        void preorder(List<Node> out) {
            out.add(this);
            for (Node c : children) {
                c.preorder(out);
            }
        }

        List<Node> preorder() {
            List<Node> out = new ArrayList<>();
            preorder(out);
            return out;
        }

        void words(List<String> out) {
            if (word != null) {
                out.add(word);
            } else if (foldedWords != null) {
                out.addAll(foldedWords);
            }
            for (Node c : children) {
                c.words(out);
            }
        }
    }

    private final Node root;

    private PennTree(Node root) {
        this.root = root;
    }

    Node root() {
        return root;
    }

    /**
     * The position of every leaf word, by identity. Each leaf holds its own {@code String} object (the reader makes a
     * fresh one per word), and the linear form reuses those objects, so a word of the linear form can be traced back
     * to the leaf it came from even when the same word occurs twice; markup and actor codes are not leaves.
     */
    java.util.IdentityHashMap<String, Integer> leafPositions() {
        java.util.IdentityHashMap<String, Integer> out = new java.util.IdentityHashMap<>();
        for (Node n : root.preorder()) {
            if (n.word != null) {
                out.put(n.word, out.size());
            }
        }
        return out;
    }

    /** The words of the sentence, upper-cased, in order. */
    public List<String> words() {
        List<String> out = new ArrayList<>();
        root.words(out);
        return out;
    }

    /**
     * Reads a tree.
     *
     * @throws MalformedTreeException when the brackets do not balance (PETRARCH's {@code bad_input_parse})
     */
    public static PennTree parse(String text) {
        long open = text.chars().filter(c -> c == '(').count();
        long close = text.chars().filter(c -> c == ')').count();
        if (open != close || open == 0) {
            throw new MalformedTreeException("unbalanced parse tree: " + open + " '(' and " + close + " ')'");
        }
        List<String> tokens = tokenize(text);
        int[] at = {0};
        Node root = readNode(tokens, at);
        if (at[0] != tokens.size()) {
            throw new MalformedTreeException("text after the end of the parse tree");
        }
        spliceNominalModifiers(root);
        return new PennTree(root);
    }

    /**
     * Replaces every {@code NML} node by its children. Parsers trained on the Treebank as revised in 2007 (CoreNLP's
     * among them) bracket nominal modifiers inside noun phrases — {@code (NP (NML (NNP Prime) (NNP Minister)) (NNP
     * Romendacil))}, {@code (NP (NML (NNP Eriadori) (CC and) (NNP Calenardhon)) (NNS leaders))} — while PETRARCH's
     * rules, and the trees its dictionaries were tested on, have flat noun phrases.
     */
    private static void spliceNominalModifiers(Node n) {
        for (int i = 0; i < n.children.size(); i++) {
            Node c = n.children.get(i);
            spliceNominalModifiers(c);
            if (c.label.equals("NML") && !c.children.isEmpty()) {
                n.children.remove(i);
                n.children.addAll(i, c.children);
                for (Node g : c.children) {
                    g.parent = n;
                }
                i += c.children.size() - 1;
            }
        }
    }

    private static List<String> tokenize(String text) {
        List<String> out = new ArrayList<>();
        StringBuilder w = new StringBuilder();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '(' || c == ')' || Character.isWhitespace(c)) {
                if (w.length() > 0) {
                    out.add(w.toString());
                    w.setLength(0);
                }
                if (!Character.isWhitespace(c)) {
                    out.add(String.valueOf(c));
                }
            } else {
                w.append(c);
            }
        }
        if (w.length() > 0) {
            out.add(w.toString());
        }
        return out;
    }

    private static Node readNode(List<String> tokens, int[] at) {
        if (at[0] >= tokens.size() || !tokens.get(at[0]).equals("(")) {
            throw new MalformedTreeException("expected '(' in parse tree");
        }
        at[0]++;
        String label = "";
        if (at[0] < tokens.size() && !tokens.get(at[0]).equals("(") && !tokens.get(at[0]).equals(")")) {
            label = normalize(tokens.get(at[0]++));
        }
        Node node = new Node(label);
        while (at[0] < tokens.size() && !tokens.get(at[0]).equals(")")) {
            if (tokens.get(at[0]).equals("(")) {
                Node child = readNode(tokens, at);
                child.parent = node;
                node.children.add(child);
            } else {
                // a fresh object per leaf: leafPositions() finds leaves by identity
                String w = new String(normalize(tokens.get(at[0]++)));
                if (node.word != null || !node.children.isEmpty()) {
                    throw new MalformedTreeException("node " + label + " mixes words and phrases");
                }
                node.word = w;
            }
        }
        if (at[0] >= tokens.size()) {
            throw new MalformedTreeException("unclosed node " + label);
        }
        at[0]++;
        if (node.word != null && !node.children.isEmpty()) {
            throw new MalformedTreeException("node " + label + " mixes words and phrases");
        }
        return node;
    }

    /** Upper case; a tilde would collide with the closing-tag marker of the linear form, so it is spelled out. */
    private static String normalize(String s) {
        return s.toUpperCase(Locale.ROOT).replace("~", "-TILDA-");
    }
}
