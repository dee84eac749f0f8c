package org.khaldun.nlp;

import edu.stanford.nlp.ling.CoreLabel;
import edu.stanford.nlp.parser.common.ParserQuery;
import edu.stanford.nlp.parser.lexparser.LexicalizedParser;
import edu.stanford.nlp.trees.Tree;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@link ConstituencyParser} with CoreNLP's English PCFG ({@code englishPCFG.ser.gz}, the only constituency model in
 * the models jar). CoreNLP types never leave this class.
 *
 * <p>When the sentence was already tagged by {@link NlpEngine#parse} its tags are passed to the parser, which then
 * only builds the tree over them: several times faster than letting the PCFG tag, and the tree agrees with the tags
 * the rest of Khaldun saw. Cost still grows with the cube of the sentence length, hence {@link #DEFAULT_MAX_TOKENS}.
 */
public final class CoreNlpConstituencyParser implements ConstituencyParser {

    /** Longer sentences (in leaves) get no tree: a 60-word sentence already takes seconds and hundreds of megabytes. */
    public static final int DEFAULT_MAX_TOKENS = 60;

    static final String MODEL = "edu/stanford/nlp/models/lexparser/englishPCFG.ser.gz";

    private static volatile CoreNlpConstituencyParser shared;

    private final LexicalizedParser parser;
    private final int maxTokens;

    private CoreNlpConstituencyParser(int maxTokens) {
        this.parser = LexicalizedParser.loadModel(MODEL, "-maxLength", String.valueOf(maxTokens));
        this.maxTokens = maxTokens;
    }

    /** The JVM-wide parser; the model loads once, on first use (about 10 s). */
    public static CoreNlpConstituencyParser shared() {
        CoreNlpConstituencyParser p = shared;
        if (p == null) {
            synchronized (CoreNlpConstituencyParser.class) {
                p = shared;
                if (p == null) {
                    p = new CoreNlpConstituencyParser(DEFAULT_MAX_TOKENS);
                    shared = p;
                }
            }
        }
        return p;
    }

    @Override
    public Optional<ConstituencyParse> parse(Sentence sentence) {
        List<ConstituencyParse.Leaf> leaves = leaves(sentence);
        if (leaves.isEmpty() || leaves.size() > maxTokens) {
            return Optional.empty();
        }
        List<CoreLabel> words = new ArrayList<>(leaves.size());
        for (ConstituencyParse.Leaf leaf : leaves) {
            Token first = sentence.token(leaf.first());
            Token last = sentence.token(leaf.last());
            String w = escape(leaf.first() == leaf.last() ? first.word()
                    : sentence.text().substring(first.start() - sentence.start(), last.end() - sentence.start()));
            CoreLabel l = new CoreLabel();
            l.setWord(w);
            l.setValue(w);
            if (leaf.first() == leaf.last() && !first.pos().isEmpty()) {
                l.setTag(first.pos()); // a joined word has no tag of its own: the PCFG chooses one
            }
            words.add(l);
        }
        ParserQuery q = parser.parserQuery(); // one query per call: the parser itself is shared read-only
        if (!q.parse(words)) {
            return Optional.empty();
        }
        Tree tree = q.getBestParse();
        if (tree == null || tree.getLeaves().size() != leaves.size()) {
            return Optional.empty();
        }
        return Optional.of(new ConstituencyParse(tree.toString(), leaves));
    }

    /**
     * One leaf per token, except that a word the tokenizer split at hyphens ("Al-Qaeda", "U.S.-led", "Barad-dur")
     * is one leaf again: dictionaries written for PETRARCH name such words whole.
     */
    static List<ConstituencyParse.Leaf> leaves(Sentence s) {
        List<Token> t = s.tokens();
        List<ConstituencyParse.Leaf> out = new ArrayList<>(t.size());
        int i = 0;
        while (i < t.size()) {
            int last = i;
            while (last + 2 < t.size() && t.get(last + 1).word().equals("-")
                    && t.get(last).end() == t.get(last + 1).start() && t.get(last + 1).end() == t.get(last + 2).start()
                    && !t.get(last).word().equals("-") && !t.get(last + 2).word().equals("-")) {
                last += 2;
            }
            out.add(new ConstituencyParse.Leaf(i, last));
            i = last + 1;
        }
        return out;
    }

    /** The Treebank spelling of brackets (the PCFG was trained on it); blanks would split a leaf in the bracketing. */
    static String escape(String word) {
        String w = switch (word) {
            case "(" -> "-LRB-";
            case ")" -> "-RRB-";
            case "[" -> "-LSB-";
            case "]" -> "-RSB-";
            case "{" -> "-LCB-";
            case "}" -> "-RCB-";
            default -> word;
        };
        if (w.indexOf('(') >= 0 || w.indexOf(')') >= 0) {
            w = w.replace("(", "-LRB-").replace(")", "-RRB-");
        }
        return w.replaceAll("\\s", "_");
    }
}
