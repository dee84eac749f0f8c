package org.khaldun.app.eval;

import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.Predicate;
import org.khaldun.actor.Actor;
import org.khaldun.app.eval.ConflibertEvaluation.Span;
import org.khaldun.article.Article;
import org.khaldun.classifier.ClassifierGuidedCoder;
import org.khaldun.classifier.ClassifierWeights;
import org.khaldun.classifier.CoderChoice;
import org.khaldun.classifier.CombinationRule;
import org.khaldun.classifier.Opinion;
import org.khaldun.classifier.PloverClassifier;
import org.khaldun.classifier.SentenceEmbedder;
import org.khaldun.codebook.TableCodebook;
import org.khaldun.event.Event;
import org.khaldun.pipeline.CodedArticle;
import org.khaldun.pipeline.Pipeline;
import org.khaldun.pipeline.PipelineOptions;
import org.khaldun.pipeline.Pipelines;

/**
 * The learned classifier against the pattern coder ({@code classifier}): the held-apart TEST side of plover-synthetic
 * and ConfliBERT ({@link org.khaldun.classifier.HeldOutSplit}), each item coded once by the pattern pipeline and then
 * decided three ways from the same parse: pattern alone, classifier alone, combined. Scoring is that of the
 * {@code plover-synthetic} and {@code conflibert} evaluations; ConfliBERT's actor-span sentences that also carry a
 * class add a full type + actor + recipient recall. Also the classifier's CPU cost per classified sentence.
 *
 * <p>System properties: {@code khaldun.eval.limit} (sample), {@code khaldun.eval.split} = {@code test} (default),
 * {@code dev} (the dev fold of the training side) or {@code train} (the whole training side): on those two the rule's
 * thresholds are also searched, which is sound only with opinions the heads did not fit, i.e. with
 * {@code khaldun.classifier.weights} pointing at a head trained with {@code --holdout-dev} (dev) or at a folder of
 * cross-fitted heads ({@code train-classifier --cross-fit}); ';' separates head sets to compare on the same parse.
 * {@code khaldun.classifier.rule} =
 * four or five comma-separated numbers (pattern weight, silence weight, keepOther, emit, readFirst) to try instead of
 * {@link CombinationRule#DEFAULT}. {@code khaldun.eval.grid=false} skips the rule search on a tuning split (the table
 * of dyad sources, each {@link ClassifierGuidedCoder.DyadSource} on the same opinions, is always printed).
 */
public final class ClassifierEvaluation implements Evaluation {

    /**
     * The other reading also reported: every parsed sentence when the rule reads fewer, else only the first (on dev,
     * reading the first parsed sentence lost nothing; docs/classifier.md).
     */
    static int otherReading(CombinationRule rule) {
        return rule.readFirst() == 0 ? 1 : 0;
    }

    private static final List<CoderChoice> CODERS = List.of(CoderChoice.PATTERN, CoderChoice.CLASSIFIER,
            CoderChoice.COMBINED);

    @Override
    public String name() {
        return "classifier";
    }

    @Override
    public String description() {
        return "pattern vs classifier vs combined coder on the held-apart test splits of plover-synthetic and ConfliBERT";
    }

    @Override
    public String defaultDataFolder() {
        return "";
    }

    /**
     * The heads that give opinions: one head for every item, or cross-fitted heads (one per fold of the training
     * side, {@code fold-k.bin}), where an item's opinion comes from the head trained without its fold.
     */
    record Heads(String name, List<PloverClassifier> byFold) {
        PloverClassifier of(int fold) {
            if (byFold.size() == 1) {
                return byFold.get(0);
            }
            if (fold < 0) {
                throw new IllegalStateException("cross-fitted heads give no opinion on a test item");
            }
            return byFold.get(fold);
        }

        String id() {
            return byFold.size() == 1 ? byFold.get(0).id() : "cross-fitted " + byFold.stream()
                    .map(PloverClassifier::id).toList();
        }
    }

    /**
     * One item coded once: the parse, its embeddings and the opinions of its classified sentences (by text), and its
     * cross-fitting fold (-1 for test items).
     */
    record Coded(Article article, CodedArticle coded, Map<String, Opinion> opinions, long classifierCpu,
                 long pipelineCpu, List<Long> cpuBySentence, Map<String, float[]> embeddings, int fold) {

        /** The same item with the opinions of other heads (from the same embeddings). */
        Coded with(Heads heads) {
            Map<String, Opinion> ops = new HashMap<>();
            embeddings.forEach((t, x) -> ops.put(t, heads.of(fold).classify(x)));
            return new Coded(article, coded, ops, classifierCpu, pipelineCpu, cpuBySentence, embeddings, fold);
        }

        /** CPU of classifying the first {@code n} classifiable sentences (0 = all). */
        long classifierCpu(int n) {
            long t = 0;
            for (int i = 0; i < cpuBySentence.size() && (n <= 0 || i < n); i++) {
                t += cpuBySentence.get(i);
            }
            return t;
        }
    }

    @Override
    public String run(Path data, PrintStream progress) throws Exception {
        String split = System.getProperty("khaldun.eval.split", "test");
        if (!split.equals("test") && !split.equals("dev") && !split.equals("train")) {
            throw new IllegalArgumentException("-Dkhaldun.eval.split must be test, dev or train");
        }
        boolean test = split.equals("test");
        boolean tuning = !test; // the rule grid is printed
        Predicate<String> onSplit = key -> switch (split) {
            case "test" -> org.khaldun.classifier.HeldOutSplit.isTest(key);
            case "dev" -> org.khaldun.classifier.HeldOutSplit.isDev(key);
            default -> !org.khaldun.classifier.HeldOutSplit.isTest(key);
        };
        List<Heads> headSets = heads();
        if (test && headSets.stream().anyMatch(h -> h.byFold().size() > 1)) {
            throw new IllegalArgumentException("cross-fitted heads are for tuning splits (dev, train), not test");
        }
        Heads primary = headSets.get(0);
        PloverClassifier classifier = primary.byFold().get(0);
        CombinationRule rule = rule();
        int limit = EvalSample.limit();

        List<PloverSyntheticEvaluation.Story> allStories = PloverSyntheticEvaluation.read(
                PloverSyntheticEvaluation.findZip(data.resolve("plover-synthetic")));
        List<PloverSyntheticEvaluation.Story> stories = EvalSample.sample(allStories.stream()
                .filter(st -> onSplit.test(org.khaldun.classifier.HeldOutSplit.templateKey(st.template())))
                .toList(), limit);
        Path conflibert = data.resolve("conflibert-train");
        List<ConflibertEvaluation.Sentence> allSentences = ConflibertEvaluation.readClasses(
                conflibert.resolve("cameo_class").resolve("train.tsv"));
        List<ConflibertEvaluation.Sentence> sentences = EvalSample.sample(allSentences.stream()
                .filter(x -> onSplit.test(org.khaldun.classifier.HeldOutSplit.sentenceKey(x.text()))).toList(),
                limit);
        Map<String, String> labelOf = new HashMap<>();
        allSentences.forEach(s -> labelOf.put(org.khaldun.classifier.HeldOutSplit.sentenceKey(s.text()), s.label()));
        Path nerFile = conflibert.resolve("cameo_ner").resolve("train.txt");
        List<ConflibertEvaluation.Tagged> tagged = Files.exists(nerFile) ? EvalSample.sample(
                ConflibertEvaluation.readTagged(nerFile).stream()
                        .filter(x -> onSplit.test(org.khaldun.classifier.HeldOutSplit.sentenceKey(x.text())))
                        .filter(t -> labelOf.containsKey(org.khaldun.classifier.HeldOutSplit.sentenceKey(t.text())))
                        .toList(), taggedLimit(limit)) : List.of();

        Pipeline pipeline = Pipelines.create(PipelineOptions.DEFAULTS);
        ClassifierGuidedCoder guided = new ClassifierGuidedCoder(
                org.khaldun.event.DependencyEventCoder.withBuiltinLexicon(TableCodebook.builtin()), classifier,
                TableCodebook.builtin(), CoderChoice.COMBINED, rule);
        classifier.classify("Warm-up: the embedder loads its model on first use.");

        double load0 = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        progress.printf("classifier (%s split): coding %d stories, %d sentences, %d tagged sentences%n", split,
                stories.size(), sentences.size(), tagged.size());
        long t0 = System.nanoTime();
        List<Coded> storyRuns = code(stories.stream().map(PloverSyntheticEvaluation.Story::article).toList(),
                stories.stream().map(st -> org.khaldun.classifier.HeldOutSplit.fold(
                        org.khaldun.classifier.HeldOutSplit.templateKey(st.template()))).toList(), pipeline, primary,
                progress);
        List<Coded> sentenceRuns = code(sentences.stream().map(ConflibertEvaluation.Sentence::article).toList(),
                sentences.stream().map(x -> org.khaldun.classifier.HeldOutSplit.fold(
                        org.khaldun.classifier.HeldOutSplit.sentenceKey(x.text()))).toList(), pipeline, primary,
                progress);
        List<Coded> taggedRuns = code(tagged.stream().map(ConflibertEvaluation.Tagged::article).toList(),
                tagged.stream().map(x -> org.khaldun.classifier.HeldOutSplit.fold(
                        org.khaldun.classifier.HeldOutSplit.sentenceKey(x.text()))).toList(), pipeline, primary,
                progress);
        double seconds = (System.nanoTime() - t0) / 1e9;
        double load1 = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();

        StringBuilder sb = new StringBuilder("# Pattern coder, classifier and their combination\n\n");
        sb.append("- classifier: `").append(primary.id()).append("` — ").append(classifier.weights().training())
                .append('\n');
        sb.append("- rule: ").append(rule).append('\n');
        sb.append("- split: ").append(split).append(" side of `HeldOutSplit` (plover-synthetic by headline template, ")
                .append("ConfliBERT by sentence); ").append(EvalSample.describe(stories.size(), stories.size()))
                .append(" stories, ").append(sentences.size()).append(" class sentences, ").append(tagged.size())
                .append(" actor-span sentences with a class\n");
        sb.append(String.format(Locale.ROOT, "- coding time %.0f s; load average %.1f at start, %.1f at end (2 cores)"
                + "%n%n", seconds, load0, load1));

        sb.append(summary(stories, storyRuns, sentences, sentenceRuns, tagged, taggedRuns, labelOf, guided, rule));
        sb.append(dyads(stories, storyRuns, sentences, sentenceRuns, tagged, taggedRuns, labelOf, guided, rule));
        String dump = System.getProperty("khaldun.eval.dyadDump");
        if (dump != null && !dump.isBlank()) {
            if (test) {
                throw new IllegalArgumentException("-Dkhaldun.eval.dyadDump is for tuning splits (dev, train): test "
                        + "items are not read");
            }
            Files.writeString(Path.of(dump), dyadDump(tagged, taggedRuns, labelOf, guided, rule));
        }
        sb.append(speed(storyRuns, sentenceRuns, rule));
        if (tuning && !"false".equals(System.getProperty("khaldun.eval.grid"))) {
            sb.append(grid(stories, storyRuns, sentences, sentenceRuns, tagged, taggedRuns, labelOf, guided, rule));
        }
        // other heads on the same parse and embeddings: their summary (and grid), for choosing a head
        for (Heads h : headSets.subList(1, headSets.size())) {
            List<Coded> st = storyRuns.stream().map(c -> c.with(h)).toList();
            List<Coded> se = sentenceRuns.stream().map(c -> c.with(h)).toList();
            List<Coded> ta = taggedRuns.stream().map(c -> c.with(h)).toList();
            sb.append("# Other heads: ").append(h.name()).append(" (`").append(h.id()).append("`)\n\n")
                    .append(summary(stories, st, sentences, se, tagged, ta, labelOf, guided, rule));
            if (tuning) {
                sb.append(grid(stories, st, sentences, se, tagged, ta, labelOf, guided, rule));
            }
        }
        for (CoderChoice c : CODERS) {
            List<List<Event>> se = decided(storyRuns, guided, rule, c);
            List<List<Event>> ce = decided(sentenceRuns, guided, rule, c);
            sb.append("## ").append(name(c)).append("\n\n### plover-synthetic (all events)\n\n")
                    .append(PloverSyntheticEvaluation.score(stories, se, false).markdown()).append('\n')
                    .append(PloverSyntheticEvaluation.modes(stories, se)).append('\n')
                    .append("### ConfliBERT classes (all events)\n\n")
                    .append(ConflibertEvaluation.classReport(sentences, ce).split("## Classes, events told")[0]
                            .replaceFirst("## Classes, all events\n\n", ""))
                    .append('\n');
        }
        return sb.toString();
    }

    static String name(CoderChoice c) {
        return switch (c) {
            case PATTERN -> "Pattern coder alone";
            case CLASSIFIER -> "Classifier alone";
            case COMBINED -> "Combined";
        };
    }

    /**
     * {@code khaldun.classifier.weights}: ';'-separated head sets, each a weights file or a folder of cross-fitted
     * heads ({@code fold-0.bin} … written by {@code train-classifier --cross-fit}); the first is evaluated in full,
     * the others summarised beside it. Default: the committed head.
     */
    private static List<Heads> heads() throws IOException {
        String w = System.getProperty("khaldun.classifier.weights");
        if (w == null || w.isBlank()) {
            return List.of(new Heads("committed", List.of(PloverClassifier.builtin())));
        }
        List<Heads> out = new ArrayList<>();
        for (String part : w.split(";")) {
            Path p = Path.of(part.strip());
            List<PloverClassifier> byFold = new ArrayList<>();
            if (Files.isDirectory(p)) {
                for (int f = 0; f < org.khaldun.classifier.HeldOutSplit.FOLDS; f++) {
                    byFold.add(load(p.resolve("fold-" + f + ".bin")));
                }
            } else {
                byFold.add(load(p));
            }
            out.add(new Heads(p.toString(), byFold));
        }
        return out;
    }

    private static PloverClassifier load(Path file) throws IOException {
        return new PloverClassifier(SentenceEmbedder.shared(), ClassifierWeights.read(Files.readAllBytes(file)));
    }

    private static CombinationRule rule() {
        String r = System.getProperty("khaldun.classifier.rule");
        if (r == null || r.isBlank()) {
            return CombinationRule.DEFAULT;
        }
        String[] p = r.split(",");
        if (p.length != 4 && p.length != 5) {
            throw new IllegalArgumentException("-Dkhaldun.classifier.rule needs four or five numbers");
        }
        return new CombinationRule(Double.parseDouble(p[0]), Double.parseDouble(p[1]), Double.parseDouble(p[2]),
                Double.parseDouble(p[3]), p.length == 5 ? Integer.parseInt(p[4].trim()) : 0);
    }

    /** Codes every article with the pattern pipeline and classifies its parsed sentences, on all cores. */
    static List<Coded> code(List<Article> articles, List<Integer> folds, Pipeline pipeline, Heads heads,
                            PrintStream progress) throws InterruptedException, ExecutionException {
        SentenceEmbedder embedder = SentenceEmbedder.shared();
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        int threads = Math.max(1, Runtime.getRuntime().availableProcessors());
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        AtomicInteger done = new AtomicInteger();
        int step = Math.max(1, articles.size() / 10);
        try {
            List<Future<Coded>> fs = new ArrayList<>();
            for (int i = 0; i < articles.size(); i++) {
                Article a = articles.get(i);
                int fold = folds.get(i);
                PloverClassifier classifier = heads.of(fold);
                fs.add(pool.submit(() -> {
                    long c0 = mx.getCurrentThreadCpuTime();
                    CodedArticle ca = pipeline.code(a);
                    long c1 = mx.getCurrentThreadCpuTime();
                    Map<String, Opinion> ops = new HashMap<>();
                    Map<String, float[]> xs = new HashMap<>();
                    List<Long> cpu = new ArrayList<>();
                    for (org.khaldun.nlp.Sentence s : ca.sentences()) {
                        if (s.parsed() && !s.dependencies().isEmpty()
                                && !org.khaldun.event.EventCoder.whollyDebris(a, s)) {
                            long t = mx.getCurrentThreadCpuTime();
                            float[] x = embedder.embed(s.text());
                            ops.put(s.text(), classifier.classify(x));
                            cpu.add(mx.getCurrentThreadCpuTime() - t);
                            xs.put(s.text(), x);
                        }
                    }
                    long c2 = mx.getCurrentThreadCpuTime();
                    int n = done.incrementAndGet();
                    if (n % step == 0 || n == articles.size()) {
                        progress.printf("coded %d/%d%n", n, articles.size());
                    }
                    return new Coded(a, ca, ops, c2 - c1, c1 - c0, cpu, xs, fold);
                }));
            }
            List<Coded> out = new ArrayList<>();
            for (Future<Coded> f : fs) {
                out.add(f.get());
            }
            return out;
        } finally {
            pool.shutdownNow();
        }
    }

    static List<List<Event>> decided(List<Coded> runs, ClassifierGuidedCoder guided, CombinationRule rule,
                                     CoderChoice choice) {
        List<List<Event>> out = new ArrayList<>();
        for (Coded c : runs) {
            CodedArticle ca = c.coded();
            if (choice == CoderChoice.PATTERN) {
                out.add(ca.events());
                continue;
            }
            Function<String, Opinion> ops = t -> {
                Opinion o = c.opinions().get(t);
                if (o == null) {
                    throw new IllegalStateException("no opinion for a parsed sentence");
                }
                return o;
            };
            out.add(guided.decide(ca.article(), ca.sentences(), ca.actors(), ca.times(), ca.events(), ops, rule,
                    choice == CoderChoice.CLASSIFIER).of(choice));
        }
        return out;
    }

    private static String summary(List<PloverSyntheticEvaluation.Story> stories, List<Coded> storyRuns,
                                  List<ConflibertEvaluation.Sentence> sentences, List<Coded> sentenceRuns,
                                  List<ConflibertEvaluation.Tagged> tagged, List<Coded> taggedRuns,
                                  Map<String, String> labelOf, ClassifierGuidedCoder guided, CombinationRule rule) {
        StringBuilder sb = new StringBuilder("## Summary (all events; weighted F1 weights types by gold count)\n\n"
                + "| coder | plover-synthetic weighted F1 | macro F1 | top-1 | no event | ConfliBERT weighted F1 | "
                + "macro F1 | top-1 | no event | type+actor+recipient recall | type+actor recall |\n"
                + "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        record Variant(String name, CoderChoice coder, CombinationRule rule) {
        }
        List<Variant> variants = new ArrayList<>();
        CODERS.forEach(c -> variants.add(new Variant(name(c), c, rule)));
        int other = otherReading(rule);
        variants.add(new Variant("Combined, classifier reads " + (other == 0 ? "every parsed sentence"
                : "each article's first " + other + " parsed sentence(s)") + " (`--classifier-reads " + other + "`)",
                CoderChoice.COMBINED, rule.readingFirst(other)));
        for (Variant v : variants) {
            CoderChoice c = v.coder();
            ClassScores p = PloverSyntheticEvaluation.score(stories, decided(storyRuns, guided, v.rule(), c), false);
            ClassScores k = conflibertScores(sentences, decided(sentenceRuns, guided, v.rule(), c));
            int[] full = fullRecall(tagged, decided(taggedRuns, guided, v.rule(), c), labelOf);
            sb.append("| ").append(v.name()).append(" | ").append(ClassScores.f3(p.weightedF1())).append(" | ")
                    .append(ClassScores.f3(p.macroF1())).append(" | ").append(ClassScores.f3(p.top1Accuracy()))
                    .append(" | ").append(ClassScores.pct(p.empty(), p.items())).append(" | ")
                    .append(ClassScores.f3(k.weightedF1())).append(" | ").append(ClassScores.f3(k.macroF1()))
                    .append(" | ").append(ClassScores.f3(k.top1Accuracy())).append(" | ")
                    .append(ClassScores.pct(k.empty(), k.items())).append(" | ")
                    .append(ClassScores.pct(full[1], full[0])).append(" | ").append(ClassScores.pct(full[2], full[0]))
                    .append(" |\n");
        }
        sb.append("\n- type+actor+recipient recall: of the ConfliBERT actor-span sentences that also carry a class, "
                + "the share with an event of the gold class whose actor overlaps a gold source (S or R) span, and whose"
                + " recipient overlaps a gold target (T or R) span when the sentence has one; type+actor drops the "
                + "recipient condition\n\n");
        return sb.toString();
    }

    /** The same opinions and rule with each source of proposed and retyped events' actors (the rest is equal). */
    private static String dyads(List<PloverSyntheticEvaluation.Story> stories, List<Coded> storyRuns,
                                List<ConflibertEvaluation.Sentence> sentences, List<Coded> sentenceRuns,
                                List<ConflibertEvaluation.Tagged> tagged, List<Coded> taggedRuns,
                                Map<String, String> labelOf, ClassifierGuidedCoder guided, CombinationRule rule) {
        StringBuilder sb = new StringBuilder("## Dyads of proposed and retyped events (default `"
                + ClassifierGuidedCoder.DEFAULT_DYADS + "`)\n\n| coder | actors from | plover-synthetic weighted F1 | "
                + "ConfliBERT weighted F1 | type+actor+recipient recall | type+actor recall |\n"
                + "|---|---|---:|---:|---:|---:|\n");
        for (CoderChoice c : List.of(CoderChoice.CLASSIFIER, CoderChoice.COMBINED)) {
            for (ClassifierGuidedCoder.DyadSource d : ClassifierGuidedCoder.DyadSource.values()) {
                ClassifierGuidedCoder g = guided.withDyads(d);
                ClassScores p = PloverSyntheticEvaluation.score(stories, decided(storyRuns, g, rule, c), false);
                ClassScores k = conflibertScores(sentences, decided(sentenceRuns, g, rule, c));
                int[] full = fullRecall(tagged, decided(taggedRuns, g, rule, c), labelOf);
                sb.append("| ").append(name(c)).append(" | `").append(d).append("` | ")
                        .append(ClassScores.f3(p.weightedF1())).append(" | ").append(ClassScores.f3(k.weightedF1()))
                        .append(" | ").append(ClassScores.pct(full[1], full[0])).append(" | ")
                        .append(ClassScores.pct(full[2], full[0])).append(" |\n");
            }
        }
        return sb.append('\n').toString();
    }

    /**
     * {@code khaldun.eval.taggedLimit}: how many actor-span sentences to sample (0 = all), when the dyad figures need
     * more items than the type figures; default the evaluation's limit.
     */
    private static int taggedLimit(int limit) {
        String p = System.getProperty("khaldun.eval.taggedLimit");
        return p == null || p.isBlank() ? limit : Integer.parseInt(p.strip());
    }

    /**
     * Tuning splits only: each actor-span sentence on which the dyad sources disagree for the classifier alone, or
     * where it has the gold class and no source gets the dyad, with the gold spans and each source's events of the
     * gold class, for reading why one source wins.
     */
    private static String dyadDump(List<ConflibertEvaluation.Tagged> tagged, List<Coded> taggedRuns,
                                   Map<String, String> labelOf, ClassifierGuidedCoder guided, CombinationRule rule) {
        StringBuilder sb = new StringBuilder();
        ClassifierGuidedCoder.DyadSource[] sources = ClassifierGuidedCoder.DyadSource.values();
        List<List<List<Event>>> bySource = new ArrayList<>();
        for (ClassifierGuidedCoder.DyadSource d : sources) {
            bySource.add(decided(taggedRuns, guided.withDyads(d), rule, CoderChoice.CLASSIFIER));
        }
        for (int i = 0; i < tagged.size(); i++) {
            ConflibertEvaluation.Tagged t = tagged.get(i);
            String gold = labelOf.get(org.khaldun.classifier.HeldOutSplit.sentenceKey(t.text()));
            StringBuilder item = new StringBuilder();
            Set<String> verdicts = new LinkedHashSet<>();
            boolean typed = false;
            for (int k = 0; k < sources.length; k++) {
                int[] f = fullRecall(List.of(t), List.of(bySource.get(k).get(i)), labelOf);
                verdicts.add(f[1] + "" + f[2]);
                item.append("  ").append(sources[k]).append(": full=").append(f[1]).append(" actor=").append(f[2]);
                for (Event e : bySource.get(k).get(i)) {
                    if (ConflibertEvaluation.label(e.cameo()).equals(gold)) {
                        typed = true;
                        item.append("\n    ").append(e.eventType()).append(" '").append(e.textInfo().trigger())
                                .append("' actor=").append(e.actor().stream().map(Actor::text).toList())
                                .append(" recipient=").append(e.recipient().stream().map(Actor::text).toList())
                                .append(" :: ").append(e.explanation().replaceAll(".*decided by: ", ""));
                    }
                }
                item.append('\n');
            }
            if (verdicts.size() > 1 || typed && !verdicts.contains("11")) {
                sb.append("## ").append(t.text()).append("\n  gold ").append(gold);
                for (Span g : t.spans()) {
                    sb.append(" ").append(g.role()).append("='").append(t.text(), g.start(), g.end()).append("'");
                }
                sb.append('\n').append(item).append('\n');
            }
        }
        return sb.toString();
    }

    static ClassScores conflibertScores(List<ConflibertEvaluation.Sentence> sentences, List<List<Event>> events) {
        ClassScores s = new ClassScores(ConflibertEvaluation.LABELS);
        for (int i = 0; i < sentences.size(); i++) {
            List<Event> ordered = CodingRun.inTextOrder(events.get(i), false);
            Set<String> labels = new LinkedHashSet<>();
            ordered.forEach(e -> labels.add(ConflibertEvaluation.label(e.cameo())));
            s.add(sentences.get(i).label(), labels, ordered.isEmpty() ? null
                    : ConflibertEvaluation.label(ordered.get(0).cameo()));
        }
        return s;
    }

    /** {items, full matches, type+actor matches}. */
    static int[] fullRecall(List<ConflibertEvaluation.Tagged> tagged, List<List<Event>> events,
                            Map<String, String> labelOf) {
        int[] k = new int[3];
        for (int i = 0; i < tagged.size(); i++) {
            ConflibertEvaluation.Tagged t = tagged.get(i);
            String gold = labelOf.get(org.khaldun.classifier.HeldOutSplit.sentenceKey(t.text()));
            List<Span> src = t.spans().stream().filter(s -> !s.role().equals("T")).toList();
            List<Span> tgt = t.spans().stream().filter(s -> !s.role().equals("S")).toList();
            boolean hasTarget = t.spans().stream().anyMatch(s -> s.role().equals("T"));
            k[0]++;
            boolean full = false;
            boolean typeActor = false;
            for (Event e : events.get(i)) {
                if (!ConflibertEvaluation.label(e.cameo()).equals(gold)) {
                    continue;
                }
                boolean a = src.isEmpty() || any(e.actor(), src);
                boolean r = !hasTarget || any(e.recipient(), tgt);
                typeActor |= a;
                full |= a && r;
            }
            k[1] += full ? 1 : 0;
            k[2] += typeActor ? 1 : 0;
        }
        return k;
    }

    private static boolean any(List<Actor> actors, List<Span> spans) {
        for (Actor a : actors) {
            for (Span g : spans) {
                if (a.start() < g.end() && g.start() < a.end()) {
                    return true;
                }
            }
        }
        return false;
    }

    private static String speed(List<Coded> storyRuns, List<Coded> sentenceRuns, CombinationRule rule) {
        long cheap = 0;
        long read = 0;
        long cls = 0;
        long pipe = 0;
        int sentencesClassified = 0;
        int parsed = 0;
        int articles = 0;
        for (List<Coded> runs : List.of(storyRuns, sentenceRuns)) {
            for (Coded c : runs) {
                cls += c.classifierCpu();
                read += c.classifierCpu(rule.readFirst());
                cheap += c.classifierCpu(otherReading(rule));
                pipe += c.pipelineCpu();
                sentencesClassified += c.opinions().size();
                parsed += c.coded().stageTimes().parsedSentences();
                articles++;
            }
        }
        return String.format(Locale.ROOT, "## Cost\n\n- %d articles, %d parsed sentences (%d distinct texts "
                        + "classified)\n- pipeline (split, actors, parse, times, pattern events): %.1f ms CPU per "
                        + "article, %.1f ms per parsed sentence\n- classifier (embedding + heads): %.1f ms CPU per "
                        + "article, %.2f ms per classified sentence = %.0f %% of the pipeline's CPU (all parsed sentences: "
                        + "classifier alone)\n- combined (reads the first %s parsed sentences): %.1f ms CPU per article = "
                        + "%.0f %% of the pipeline's CPU\n- combined reading the first %s parsed sentence(s): %.1f ms CPU "
                        + "per article = %.0f %% of the pipeline's CPU\n\n", articles,
                parsed, sentencesClassified, pipe / 1e6 / Math.max(1, articles), pipe / 1e6 / Math.max(1, parsed),
                cls / 1e6 / Math.max(1, articles), cls / 1e6 / Math.max(1, sentencesClassified),
                100.0 * cls / Math.max(1, pipe), rule.readFirst() <= 0 ? "all" : "" + rule.readFirst(),
                read / 1e6 / Math.max(1, articles), 100.0 * read / Math.max(1, pipe),
                otherReading(rule) == 0 ? "all" : "" + otherReading(rule),
                cheap / 1e6 / Math.max(1, articles), 100.0 * cheap / Math.max(1, pipe));
    }

    /**
     * Tuning splits only (dev, train): the summary figures for a grid of rules (opinions computed once). Rules that
     * beat both coders alone on all three figures come first, then by the sum of the two weighted F1s and the
     * type+actor+recipient recall. Then the evaluated rule reading only an article's first n parsed sentences.
     */
    private static String grid(List<PloverSyntheticEvaluation.Story> stories, List<Coded> storyRuns,
                               List<ConflibertEvaluation.Sentence> sentences, List<Coded> sentenceRuns,
                               List<ConflibertEvaluation.Tagged> tagged, List<Coded> taggedRuns,
                               Map<String, String> labelOf, ClassifierGuidedCoder guided, CombinationRule evaluated) {
        record Row(CombinationRule rule, double plover, double conflibert, double full) {
            double total() {
                return plover + conflibert + full;
            }

            boolean beats(Row o) {
                return plover > o.plover && conflibert > o.conflibert && full > o.full;
            }
        }
        List<Row> alone = new ArrayList<>();
        for (CoderChoice c : List.of(CoderChoice.PATTERN, CoderChoice.CLASSIFIER)) {
            int[] full = fullRecall(tagged, decided(taggedRuns, guided, evaluated, c), labelOf);
            alone.add(new Row(evaluated, PloverSyntheticEvaluation.score(stories, decided(storyRuns, guided, evaluated,
                    c), false).weightedF1(), conflibertScores(sentences, decided(sentenceRuns, guided, evaluated, c))
                    .weightedF1(), full[1] / (double) Math.max(1, full[0])));
        }
        Predicate<Row> beatsBoth = r -> r.beats(alone.get(0)) && r.beats(alone.get(1));
        List<Row> rows = new ArrayList<>();
        for (double pw : new double[] {1, 2, 3, 5, 10, 20, 50, 200}) {
            for (double sw : new double[] {1, 2, 3, 5}) {
                for (double keep : new double[] {0.01, 0.02, 0.05, 0.1, 0.2, 1.01}) {
                    for (double emit : new double[] {0, 0.1, 0.2, 0.3, 0.4}) {
                        CombinationRule r = new CombinationRule(pw, sw, keep, emit, 0);
                        double p = PloverSyntheticEvaluation.score(stories, decided(storyRuns, guided, r,
                                CoderChoice.COMBINED), false).weightedF1();
                        double k = conflibertScores(sentences, decided(sentenceRuns, guided, r,
                                CoderChoice.COMBINED)).weightedF1();
                        int[] full = fullRecall(tagged, decided(taggedRuns, guided, r, CoderChoice.COMBINED), labelOf);
                        rows.add(new Row(r, p, k, full[1] / (double) Math.max(1, full[0])));
                    }
                }
            }
        }
        rows.sort((a, b) -> beatsBoth.test(a) != beatsBoth.test(b) ? (beatsBoth.test(a) ? -1 : 1)
                : Double.compare(b.total(), a.total()));
        CombinationRule top = evaluated;
        List<Row> reading = new ArrayList<>();
        for (int n : new int[] {1, 2, 3, 4, 6, 8, 12, 0}) {
            CombinationRule r = top.readingFirst(n);
            double p = PloverSyntheticEvaluation.score(stories, decided(storyRuns, guided, r,
                    CoderChoice.COMBINED), false).weightedF1();
            double k = conflibertScores(sentences, decided(sentenceRuns, guided, r, CoderChoice.COMBINED)).weightedF1();
            int[] full = fullRecall(tagged, decided(taggedRuns, guided, r, CoderChoice.COMBINED), labelOf);
            reading.add(new Row(r, p, k, full[1] / (double) Math.max(1, full[0])));
        }
        StringBuilder sb = new StringBuilder("## Rule grid on the tuning split (best 25: rules that beat both coders alone "
                + "on all three figures first, then by the sum of weighted F1s and type+actor+recipient recall)\n\n"
                + "| pattern weight | silence weight | keepOther | emit | plover-synthetic | ConfliBERT | "
                + "type+actor+recipient | beats both alone |\n|---:|---:|---:|---:|---:|---:|---:|---|\n");
        for (Row r : rows.subList(0, Math.min(25, rows.size()))) {
            sb.append(String.format(Locale.ROOT, "| %.1f | %.1f | %.2f | %.2f | %.3f | %.3f | %.3f | %s |%n",
                    r.rule().patternWeight(), r.rule().silenceWeight(), r.rule().keepOther(), r.rule().emit(),
                    r.plover(), r.conflibert(), r.full(), beatsBoth.test(r) ? "yes" : "no"));
        }
        long all = 0;
        for (List<Coded> runs : List.of(storyRuns, sentenceRuns)) {
            for (Coded c : runs) {
                all += c.classifierCpu(0);
            }
        }
        sb.append("\nThe evaluated rule reading only an article's first n parsed sentences:\n\n| n | plover-synthetic | "
                + "ConfliBERT | type+actor+recipient | classifier CPU vs reading all |\n|---:|---:|---:|---:|---:|\n");
        for (Row r : reading) {
            long cpu = 0;
            for (List<Coded> runs : List.of(storyRuns, sentenceRuns)) {
                for (Coded c : runs) {
                    cpu += c.classifierCpu(r.rule().readFirst());
                }
            }
            sb.append(String.format(Locale.ROOT, "| %d | %.3f | %.3f | %.3f | %.0f %% |%n", r.rule().readFirst(),
                    r.plover(), r.conflibert(), r.full(), 100.0 * cpu / Math.max(1, all)));
        }
        return sb.append('\n').toString();
    }
}
