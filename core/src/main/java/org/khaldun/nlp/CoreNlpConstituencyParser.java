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

    /** Longer sentences get no tree: a 60-token sentence already takes seconds and hundreds of megabytes. */
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
    public Optional<String> pennTree(Sentence sentence) {
        List<Token> tokens = sentence.tokens();
        if (tokens.isEmpty() || tokens.size() > maxTokens) {
            return Optional.empty();
        }
        List<CoreLabel> words = new ArrayList<>(tokens.size());
        for (Token t : tokens) {
            String w = escape(t.word());
            CoreLabel l = new CoreLabel();
            l.setWord(w);
            l.setValue(w);
            if (!t.pos().isEmpty()) {
                l.setTag(t.pos());
            }
            words.add(l);
        }
        ParserQuery q = parser.parserQuery(); // one query per call: the parser itself is shared read-only
        if (!q.parse(words)) {
            return Optional.empty();
        }
        Tree tree = q.getBestParse();
        if (tree == null || tree.getLeaves().size() != tokens.size()) {
            return Optional.empty();
        }
        return Optional.of(tree.toString());
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
