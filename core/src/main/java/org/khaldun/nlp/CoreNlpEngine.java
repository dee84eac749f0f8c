package org.khaldun.nlp;

import edu.stanford.nlp.international.Language;
import edu.stanford.nlp.ling.CoreAnnotations;
import edu.stanford.nlp.ling.CoreLabel;
import edu.stanford.nlp.ling.IndexedWord;
import edu.stanford.nlp.ling.Word;
import edu.stanford.nlp.pipeline.Annotation;
import edu.stanford.nlp.pipeline.Annotator;
import edu.stanford.nlp.pipeline.MorphaAnnotator;
import edu.stanford.nlp.pipeline.POSTaggerAnnotator;
import edu.stanford.nlp.pipeline.TokenizerAnnotator;
import edu.stanford.nlp.pipeline.WordsToSentencesAnnotator;
import edu.stanford.nlp.semgraph.SemanticGraph;
import edu.stanford.nlp.semgraph.SemanticGraphCoreAnnotations;
import edu.stanford.nlp.semgraph.SemanticGraphEdge;
import edu.stanford.nlp.semgraph.SemanticGraphFactory;
import edu.stanford.nlp.trees.GrammaticalRelation;
import edu.stanford.nlp.trees.GrammaticalStructure;
import edu.stanford.nlp.trees.TreeGraphNode;
import edu.stanford.nlp.trees.TypedDependency;
import edu.stanford.nlp.trees.UniversalEnglishGrammaticalRelations;
import edu.stanford.nlp.trees.UniversalEnglishGrammaticalStructure;
import edu.stanford.nlp.util.CoreMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/**
 * Stanford CoreNLP behind {@link NlpEngine}. CoreNLP types never leave this class.
 *
 * <p>Annotators are chosen for speed: tokenizer, sentence splitter, the left-3-words POS tagger,
 * Morpha lemmas and the neural dependency parser. No NER, constituency parser or coreference: actors
 * come from dictionaries and in-article resolution, which are faster and explain themselves.
 */
public final class CoreNlpEngine implements NlpEngine {

    /** Sentences longer than this are tagged but not parsed: parse cost grows fast and such "sentences" are mostly lists. */
    public static final int DEFAULT_MAX_PARSE_TOKENS = 80;

    /**
     * Hidden-layer vectors the dependency parser keeps for words outside its precomputed set (4 KB each). The system
     * property {@code khaldun.parser.cache} changes it: smaller saves heap, 0 turns the cache off (measured with Khaldun's
     * parser loop: a third more parse CPU, an eighth more for the whole pipeline, 160 MB less peak heap; BENCHMARKS.md).
     */
    static final int PARSER_CACHE_VECTORS = Integer.getInteger("khaldun.parser.cache", 100_000);

    private static volatile CoreNlpEngine shared;

    private final Annotator tokenizer;
    private final Annotator splitter;
    /** For texts whose every line is a paragraph (scraped pages): each line end closes a sentence. */
    private final Annotator lineTokenizer;
    private final Annotator lineSplitter;
    private final Annotator tagger;
    private final Annotator lemmatizer;
    /**
     * Our run of CoreNLP's neural dependency parser model (see {@link NeuralDependencyParser} for why it is not
     * CoreNLP's own class). Only its tree comes from us: the enhanced++ graph is made from it by CoreNLP, exactly
     * as CoreNLP's depparse annotator makes it, without the four other graphs the annotator makes beside it.
     */
    private final NeuralDependencyParser parser;
    private final GrammaticalStructure.Extras extraDependencies;
    private final int maxParseTokens;

    private CoreNlpEngine(int maxParseTokens) {
        Properties p = new Properties();
        p.setProperty("tokenize.language", "en");
        p.setProperty("tokenize.options", "invertible=true,ptb3Escaping=false,splitHyphenated=true");
        p.setProperty("ssplit.newlineIsSentenceBreak", "two");
        p.setProperty("pos.model", "edu/stanford/nlp/models/pos-tagger/english-left3words-distsim.tagger");
        p.setProperty("depparse.model", "edu/stanford/nlp/models/parser/nndep/english_UD.gz");
        p.setProperty("depparse.extradependencies", "MAXIMAL");
        this.tokenizer = new TokenizerAnnotator(false, p);
        this.splitter = new WordsToSentencesAnnotator(p);
        Properties lines = (Properties) p.clone();
        lines.setProperty("ssplit.newlineIsSentenceBreak", "always");
        this.lineTokenizer = new TokenizerAnnotator(false, lines);
        this.lineSplitter = new WordsToSentencesAnnotator(lines);
        this.tagger = new POSTaggerAnnotator("pos", p);
        this.lemmatizer = new MorphaAnnotator(false);
        this.parser = NeuralDependencyParser.load(p.getProperty("depparse.model"), PARSER_CACHE_VECTORS);
        this.extraDependencies = GrammaticalStructure.Extras.valueOf(p.getProperty("depparse.extradependencies"));
        this.maxParseTokens = maxParseTokens;
    }

    /** The JVM-wide engine; models load once, on first use (several seconds). */
    public static CoreNlpEngine shared() {
        CoreNlpEngine e = shared;
        if (e == null) {
            synchronized (CoreNlpEngine.class) {
                e = shared;
                if (e == null) {
                    e = new CoreNlpEngine(DEFAULT_MAX_PARSE_TOKENS);
                    shared = e;
                }
            }
        }
        return e;
    }


    /**
     * Longest run of non-whitespace characters handed to CoreNLP's tokenizer. Its lexer backtracks within such a
     * run, so its cost grows with the square of the run's length: 40,000 characters of {@code &amp;&amp;…},
     * {@code Iraq-Iran-…} or emoji took a minute or more to tokenise. A longer run is not a word of news text
     * (a URL is shorter); it becomes one token as it stands.
     */
    public static final int MAX_WORD_CHARS = 100;

    /**
     * Longest sentence handed to the later stages; a longer one is cut into pieces of this many tokens (the last
     * piece up to twice as many). Such
     * "sentences" are lists, tables or text without full stops, and are never parsed (over
     * {@link #DEFAULT_MAX_PARSE_TOKENS}); left whole, rules that look across a sentence (speakers, places)
     * cost its length squared: 30,000 tokens without a full stop took 20 s in attribution alone.
     */
    public static final int MAX_SENTENCE_TOKENS = 500;

    @Override
    public List<Sentence> split(String text) {
        Annotation doc = new Annotation(text);
        boolean paragraphLines = linesAreParagraphs(text);
        tokenize(doc, text, paragraphLines ? lineTokenizer : tokenizer);
        (paragraphLines ? lineSplitter : splitter).annotate(doc);
        List<Sentence> out = new ArrayList<>();
        List<CoreMap> sentences = doc.get(CoreAnnotations.SentencesAnnotation.class);
        for (CoreMap s : sentences) {
            List<CoreLabel> labels = s.get(CoreAnnotations.TokensAnnotation.class);
            if (labels.size() > MAX_SENTENCE_TOKENS) {
                // a run-on "sentence" (a list, a table, text without full stops) is cut into pieces; the last one
                // takes the remainder, so every piece stays over the parse limit and none yields an event the
                // whole sentence would not have
                int pieces = labels.size() / MAX_SENTENCE_TOKENS;
                for (int k = 0; k < pieces; k++) {
                    int from = k * MAX_SENTENCE_TOKENS;
                    List<CoreLabel> piece = labels.subList(from, k == pieces - 1 ? labels.size() : from + MAX_SENTENCE_TOKENS);
                    int start = piece.get(0).beginPosition();
                    int end = piece.get(piece.size() - 1).endPosition();
                    out.add(new Sentence(out.size(), start, end, text.substring(start, end), tokens(piece), List.of(),
                            false));
                }
                continue;
            }
            int start = s.get(CoreAnnotations.CharacterOffsetBeginAnnotation.class);
            int end = s.get(CoreAnnotations.CharacterOffsetEndAnnotation.class);
            out.add(new Sentence(out.size(), start, end, text.substring(start, end), tokens(labels), List.of(), false));
        }
        return out;
    }

    private static List<Token> tokens(List<CoreLabel> labels) {
        List<Token> tokens = new ArrayList<>(labels.size());
        for (int i = 0; i < labels.size(); i++) {
            CoreLabel l = labels.get(i);
            tokens.add(new Token(i, l.word(), l.word().toLowerCase(java.util.Locale.ROOT), "",
                    l.beginPosition(), l.endPosition()));
        }
        return tokens;
    }

    /** Tokens of {@code text} in {@code doc}; runs longer than {@link #MAX_WORD_CHARS} bypass the lexer. */
    private void tokenize(Annotation doc, String text, Annotator tokenizer) {
        List<int[]> longRuns = longRuns(text);
        if (longRuns.isEmpty()) {
            tokenizer.annotate(doc);
            return;
        }
        List<CoreLabel> tokens = new ArrayList<>();
        int from = 0;
        for (int[] run : longRuns) {
            tokenizeSegment(tokenizer, text, from, run[0], tokens);
            String word = text.substring(run[0], run[1]);
            CoreLabel l = new CoreLabel();
            l.setWord(word);
            l.setValue(word);
            l.setOriginalText(word);
            l.setBeginPosition(run[0]);
            l.setEndPosition(run[1]);
            l.set(CoreAnnotations.BeforeAnnotation.class, "");
            l.set(CoreAnnotations.AfterAnnotation.class, "");
            l.setIsNewline(false);
            tokens.add(l);
            from = run[1];
        }
        tokenizeSegment(tokenizer, text, from, text.length(), tokens);
        doc.set(CoreAnnotations.TokensAnnotation.class, tokens);
    }

    private static void tokenizeSegment(Annotator tokenizer, String text, int from, int to, List<CoreLabel> out) {
        if (from >= to) {
            return;
        }
        Annotation segment = new Annotation(text.substring(from, to));
        tokenizer.annotate(segment);
        for (CoreLabel l : segment.get(CoreAnnotations.TokensAnnotation.class)) {
            l.setBeginPosition(l.beginPosition() + from);
            l.setEndPosition(l.endPosition() + from);
            out.add(l);
        }
    }

    /** [start, end) of every run of non-whitespace characters longer than {@link #MAX_WORD_CHARS}. */
    static List<int[]> longRuns(String text) {
        List<int[]> runs = new ArrayList<>();
        int start = -1;
        int n = text.length();
        for (int i = 0; i <= n; i++) {
            boolean space = i == n || Character.isWhitespace(text.charAt(i)) || Character.isSpaceChar(text.charAt(i));
            if (!space && start < 0) {
                start = i;
            } else if (space && start >= 0) {
                if (i - start > MAX_WORD_CHARS) {
                    runs.add(new int[] {start, i});
                }
                start = -1;
            }
        }
        return runs;
    }

    /**
     * Whether the text puts one paragraph on each line (as scraped pages do) rather than wrapping lines inside
     * paragraphs: then a single line break ends a sentence, so that headings and "Read more" teasers do not run
     * into the next paragraph's first sentence. Wrapped text never has many lines longer than a wrap width.
     */
    static boolean linesAreParagraphs(String text) {
        int lines = 0;
        int longLines = 0;
        int start = 0;
        int n = text.length();
        while (start <= n) {
            int eol = text.indexOf('\n', start);
            int end = eol < 0 ? n : eol;
            int len = end - start;
            if (!text.substring(start, end).isBlank()) {
                lines++;
                if (len > 120) {
                    longLines++;
                }
            }
            if (eol < 0) {
                break;
            }
            start = eol + 1;
        }
        return lines >= 3 && longLines * 2 >= lines;
    }

    @Override
    public List<Sentence> tag(List<Sentence> sentences) {
        return annotate(sentences, false);
    }

    @Override
    public List<Sentence> parse(List<Sentence> sentences) {
        return annotate(sentences, true);
    }

    private List<Sentence> annotate(List<Sentence> sentences, boolean parse) {
        if (sentences.isEmpty()) {
            return List.of();
        }
        List<CoreMap> maps = new ArrayList<>(sentences.size());
        List<CoreLabel> untagged = new ArrayList<>();
        List<CoreMap> untaggedMaps = new ArrayList<>();
        for (Sentence s : sentences) {
            boolean tagged = isTagged(s);
            List<CoreLabel> labels = new ArrayList<>(s.tokens().size());
            for (Token t : s.tokens()) {
                CoreLabel l = new CoreLabel();
                l.setWord(t.word());
                l.setValue(t.word());
                l.setOriginalText(t.word());
                l.setBeginPosition(t.start());
                l.setEndPosition(t.end());
                l.setIndex(t.index() + 1);
                l.setSentIndex(s.index());
                if (tagged) {
                    l.setTag(t.pos());
                    l.setLemma(t.lemma());
                }
                labels.add(l);
            }
            Annotation map = new Annotation(s.text());
            map.set(CoreAnnotations.TokensAnnotation.class, labels);
            map.set(CoreAnnotations.SentenceIndexAnnotation.class, s.index());
            maps.add(map);
            if (!tagged) {
                untagged.addAll(labels);
                untaggedMaps.add(map);
            }
        }
        if (!untaggedMaps.isEmpty()) {
            Annotation doc = new Annotation("");
            doc.set(CoreAnnotations.TokensAnnotation.class, untagged);
            doc.set(CoreAnnotations.SentencesAnnotation.class, untaggedMaps);
            tagger.annotate(doc);
            lemmatizer.annotate(doc);
        }

        if (parse) {
            List<CoreMap> parseable = new ArrayList<>();
            for (CoreMap m : maps) {
                if (m.get(CoreAnnotations.TokensAnnotation.class).size() <= maxParseTokens) {
                    parseable.add(m);
                }
            }
            for (CoreMap m : parseable) {
                if (Thread.interrupted()) {
                    // as CoreNLP's sentence annotators do between sentences
                    throw new edu.stanford.nlp.util.RuntimeInterruptedException();
                }
                parse(m);
            }
        }

        List<Sentence> out = new ArrayList<>(sentences.size());
        for (int k = 0; k < sentences.size(); k++) {
            Sentence s = sentences.get(k);
            CoreMap m = maps.get(k);
            List<Token> tokens = s.tokens();
            if (!isTagged(s)) {
                List<CoreLabel> labels = m.get(CoreAnnotations.TokensAnnotation.class);
                tokens = new ArrayList<>(labels.size());
                for (int i = 0; i < labels.size(); i++) {
                    CoreLabel l = labels.get(i);
                    Token t = s.tokens().get(i);
                    String lemma = l.lemma() == null ? t.lemma() : l.lemma();
                    if (!l.tag().startsWith("NNP")) {
                        lemma = lemma.toLowerCase(java.util.Locale.ROOT);
                    }
                    tokens.add(new Token(i, t.word(), lemma, l.tag(), t.start(), t.end()));
                }
            }
            SemanticGraph graph = parse
                    ? m.get(SemanticGraphCoreAnnotations.EnhancedPlusPlusDependenciesAnnotation.class) : null;
            List<Dependency> deps = new ArrayList<>();
            if (graph != null) {
                for (IndexedWord root : graph.getRoots()) {
                    deps.add(new Dependency(-1, root.index() - 1, "root"));
                }
                for (SemanticGraphEdge e : graph.edgeIterable()) {
                    deps.add(new Dependency(e.getGovernor().index() - 1, e.getDependent().index() - 1,
                            e.getRelation().toString()));
                }
            }
            out.add(new Sentence(s.index(), s.start(), s.end(), s.text(), tokens, deps, graph != null));
        }
        return out;
    }

    /**
     * Parses one tagged sentence and stores its enhanced++ graph under {@code EnhancedPlusPlusDependenciesAnnotation},
     * building the grammatical structure from the tree as CoreNLP's {@code DependencyParser.predict} does and the
     * graph as its depparse annotator does (mode ENHANCED_PLUS_PLUS, the configured extra dependencies, no filter).
     */
    private void parse(CoreMap sentence) {
        List<CoreLabel> tokens = sentence.get(CoreAnnotations.TokensAnnotation.class);
        List<String> words = new ArrayList<>(tokens.size());
        List<String> tags = new ArrayList<>(tokens.size());
        for (CoreLabel t : tokens) {
            words.add(t.word());
            tags.add(t.tag());
        }
        NeuralDependencyParser.Parse tree = parser.parse(words, tags);
        IndexedWord root = new IndexedWord(new Word("ROOT"));
        root.set(CoreAnnotations.IndexAnnotation.class, 0);
        List<TypedDependency> dependencies = new ArrayList<>(tokens.size());
        for (int i = 0; i < tokens.size(); i++) {
            int head = tree.heads()[i];
            IndexedWord dependent = new IndexedWord(tokens.get(i));
            IndexedWord governor = head == 0 ? root : new IndexedWord(tokens.get(head - 1));
            GrammaticalRelation relation = head == 0 ? GrammaticalRelation.ROOT : relation(tree.labels()[i]);
            dependencies.add(new TypedDependency(relation, governor, dependent));
        }
        GrammaticalStructure gs = new UniversalEnglishGrammaticalStructure(dependencies, new TreeGraphNode(root));
        SemanticGraph enhancedPlusPlus = SemanticGraphFactory.makeFromTree(gs,
                SemanticGraphFactory.Mode.ENHANCED_PLUS_PLUS, extraDependencies, null);
        sentence.set(SemanticGraphCoreAnnotations.EnhancedPlusPlusDependenciesAnnotation.class, enhancedPlusPlus);
    }

    /** For tests that hold the parser to CoreNLP's own. */
    NeuralDependencyParser dependencyParser() {
        return parser;
    }

    /**
     * The relation CoreNLP's parser gives an arc label. A label outside the language's table (such as "root" on an
     * arc below a word) gets a new relation each time, as there: the graph conversion treats such relations by
     * identity, so one shared instance would give other graphs.
     */
    private static GrammaticalRelation relation(String label) {
        GrammaticalRelation known = UniversalEnglishGrammaticalRelations.shortNameToGRel.get(label);
        return known != null ? known
                : new GrammaticalRelation(Language.UniversalEnglish, label, null, GrammaticalRelation.DEPENDENT);
    }


    /** Tagged by {@link #tag} (or a parse): every token has a part of speech. */
    private static boolean isTagged(Sentence s) {
        for (Token t : s.tokens()) {
            if (t.pos().isEmpty()) {
                return false;
            }
        }
        return !s.tokens().isEmpty();
    }
}
