package org.khaldun.nlp;

import static org.assertj.core.api.Assertions.assertThat;

import edu.stanford.nlp.ling.CoreAnnotations;
import edu.stanford.nlp.ling.CoreLabel;
import edu.stanford.nlp.parser.nndep.DependencyParser;
import edu.stanford.nlp.pipeline.Annotation;
import edu.stanford.nlp.ling.IndexedWord;
import edu.stanford.nlp.semgraph.SemanticGraph;
import edu.stanford.nlp.semgraph.SemanticGraphEdge;
import edu.stanford.nlp.semgraph.SemanticGraphFactory;
import edu.stanford.nlp.trees.GrammaticalStructure;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import org.khaldun.article.Article;
import org.khaldun.bench.BenchCorpus;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Khaldun runs CoreNLP's English dependency model with its own loops instead of CoreNLP's parser class, for speed.
 * Analysts must get the same trees, so these tests hold it to CoreNLP's parser, tree for tree.
 */
class NeuralDependencyParserTest {

    private static final CoreNlpEngine nlp = CoreNlpEngine.shared();
    /** CoreNLP's parser of the same model: loaded once for this class, garbage after it (about 1 GB of heap). */
    private static DependencyParser reference;

    @BeforeAll
    static void loadReference() {
        Properties p = new Properties();
        p.setProperty("numCached", "20000");
        reference = DependencyParser.loadFromModelFile("edu/stanford/nlp/models/parser/nndep/english_UD.gz", p);
    }

    @Test
    void sentencesOfEveryShapeGetCoreNlpsTree() {
        List<String> texts = List.of(
                "The Iraqi parliament received the Iranian judiciary chief on Wednesday.",
                "Acting Speaker of the Iraqi Parliament, Mohsen Al-Mandalawi, demanded that US forces leave the country.",
                "\"We will not accept any violation of our sovereignty,\" he told reporters in Baghdad.",
                "The airstrikes, which were condemned by Iraq and Iran, killed at least 17 people near the Syrian border.",
                "Protesters were dispersed by police using tear gas and rubber bullets.",
                "Neither the ministry nor the army commented on the report, which could not be independently verified.",
                "Talks between Russia and Ukraine, mediated by Turkey, broke down after three hours.",
                "According to sources familiar with the matter, the two sides agreed to meet again in late January.",
                "Rebels said they had seized the town, but the government denied it.",
                "Who ordered the attack remains unclear.",
                "Israel's prime minister vowed to continue the offensive until all hostages are freed.",
                "The UN Security Council will vote on a draft resolution calling for an immediate ceasefire.",
                "Kenya, Uganda and Tanzania signed a trade agreement on Monday.",
                "Peace.",
                // one token: every move is forced (shift, then the root arc), so the network never runs
                "Ceasefire",
                "Ministers from 27 EU member states, meeting in Brussels for a second day, failed to agree on sanctions "
                        + "against the regime, officials told Reuters on condition of anonymity.");
        List<Sentence> sentences = new ArrayList<>();
        for (String t : texts) {
            sentences.addAll(nlp.split(t));
        }
        Agreement a = compare(nlp.tag(sentences));
        assertThat(a.differingSentences).as("sentences whose tree differs from CoreNLP's: %s", a.firstDifference)
                .isZero();
    }

    @Test
    void newsArticlesGetCoreNlpsTrees() throws IOException {
        Path corpora = Path.of(System.getProperty("khaldun.shared", "../shared"), "data", "corpora");
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isDirectory(corpora), "shared corpora not available");
        List<Sentence> sentences = new ArrayList<>();
        for (Article article : BenchCorpus.load(corpora, 25)) {
            for (Sentence s : nlp.split(article.text())) {
                if (s.tokens().size() <= CoreNlpEngine.DEFAULT_MAX_PARSE_TOKENS) {
                    sentences.add(s);
                }
            }
        }
        Agreement a = compare(nlp.tag(sentences));
        System.out.printf("enhanced++ graphs identical to CoreNLP's: %d of %d sentences, %d of %d arcs%n",
                a.sentences - a.differingSentences, a.sentences, a.arcs - a.differingArcs, a.arcs);
        assertThat(a.sentences).isGreaterThan(300);
        assertThat(a.differingSentences).as("first difference: %s", a.firstDifference).isZero();
    }

    private static final class Agreement {
        int sentences;
        int differingSentences;
        int arcs;
        int differingArcs;
        String firstDifference = "none";
    }

    /** Compares the enhanced++ graphs Khaldun's coder reads: the engine's against one made from CoreNLP's parse. */
    private static Agreement compare(List<Sentence> tagged) {
        Agreement a = new Agreement();
        List<Sentence> parsed = nlp.parse(tagged);
        for (int k = 0; k < tagged.size(); k++) {
            Sentence s = tagged.get(k);
            List<CoreLabel> labels = new ArrayList<>();
            for (Token t : s.tokens()) {
                CoreLabel l = new CoreLabel();
                l.setWord(t.word());
                l.setValue(t.word());
                l.setTag(t.pos());
                l.setLemma(t.lemma());
                l.setIndex(t.index() + 1);
                l.setSentIndex(s.index());
                labels.add(l);
            }
            Annotation map = new Annotation(s.text());
            map.set(CoreAnnotations.TokensAnnotation.class, labels);
            SemanticGraph graph = SemanticGraphFactory.makeFromTree(reference.predict(map),
                    SemanticGraphFactory.Mode.ENHANCED_PLUS_PLUS, GrammaticalStructure.Extras.MAXIMAL, null);
            Set<String> expected = new TreeSet<>();
            for (IndexedWord root : graph.getRoots()) {
                expected.add("root(-1, " + (root.index() - 1) + ")");
            }
            for (SemanticGraphEdge e : graph.edgeIterable()) {
                expected.add(e.getRelation() + "(" + (e.getGovernor().index() - 1) + ", " + (e.getDependent().index() - 1) + ")");
            }
            Set<String> actual = new TreeSet<>();
            for (Dependency d : parsed.get(k).dependencies()) {
                actual.add(d.relation() + "(" + d.governor() + ", " + d.dependent() + ")");
            }
            Set<String> missing = new TreeSet<>(expected);
            missing.removeAll(actual);
            Set<String> extra = new TreeSet<>(actual);
            extra.removeAll(expected);
            a.sentences++;
            a.arcs += expected.size();
            a.differingArcs += missing.size();
            if (!missing.isEmpty() || !extra.isEmpty()) {
                if (a.differingSentences == 0) {
                    a.firstDifference = s.text() + " | CoreNLP only " + missing + ", ours only " + extra;
                }
                a.differingSentences++;
            }
        }
        return a;
    }
}
