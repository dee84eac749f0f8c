package org.khaldun.app;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Callable;
import org.khaldun.app.eval.ClassifierTrainingData;
import org.khaldun.classifier.ClassifierTraining;
import org.khaldun.classifier.ClassifierWeights;
import org.khaldun.classifier.EmbeddingCache;
import org.khaldun.classifier.EventClasses;
import org.khaldun.classifier.HeadTrainer;
import org.khaldun.classifier.HeldOutSplit;
import org.khaldun.classifier.SentenceEmbedder;
import org.khaldun.classifier.TrainingSentence;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "train-classifier", mixinStandardHelpOptions = true,
        description = {"Train the PLOVER sentence classifier's heads from the shared data (training split only) and "
                + "write the weights file.",
                "Same data, settings and seed give byte-identical weights. Embeddings are cached under --cache."})
final class TrainClassifierCommand implements Callable<Integer> {

    static final String VERSION = "2026.11.3";
    static final int DEFAULT_HIDDEN = 0;
    static final int DEFAULT_EPOCHS = 30;
    static final double DEFAULT_L2 = 1e-4;
    static final double DEFAULT_BALANCE = 0.5;
    static final Path COMMITTED = Path.of("classifier/src/main/resources" + ClassifierWeights.RESOURCE);

    @Option(names = "--out", paramLabel = "FILE",
            description = "Weights file to write (default: the committed resource when run from the repository root, "
                    + "else ./plover-head.bin).")
    Path out;

    @Option(names = "--data", paramLabel = "DIR", description = "The shared data folder (default: shared/data).")
    Path data;

    @Option(names = "--cache", paramLabel = "FILE", defaultValue = "target/classifier-embeddings.bin",
            description = "Embedding cache (default: ${DEFAULT-VALUE}).")
    Path cache;

    @Option(names = "--limit", paramLabel = "N", defaultValue = "0",
            description = "Use only N plover-synthetic training stories (evenly spaced); 0 = all.")
    int limit;

    @Option(names = "--no-negatives", description = "Do not read BBC sport/entertainment sentences as 'no event'.")
    boolean noNegatives;

    @Option(names = "--holdout-dev", description = "Also leave out the dev part of the training side (for tuning "
            + "the combination rule on opinions the head has not fitted).")
    boolean holdoutDev;

    @Option(names = "--cross-fit", paramLabel = "DIR",
            description = {"Instead of one head, train one head per fold of the training side, each without its fold "
                    + "(DIR/fold-0.bin …), and print each head's out-of-fold figures: the opinions on which the "
                    + "combination rule is tuned (evaluate classifier with -Dkhaldun.eval.split=train).",
                    "Test items are never read."})
    Path crossFit;

    @Option(names = "--hidden", paramLabel = "N", defaultValue = "" + DEFAULT_HIDDEN,
            description = "Hidden ReLU units (0 = multinomial logistic regression). Default: ${DEFAULT-VALUE}.")
    int hidden;

    @Option(names = "--epochs", paramLabel = "N", defaultValue = "" + DEFAULT_EPOCHS) int epochs;

    @Option(names = "--l2", paramLabel = "X", defaultValue = "" + DEFAULT_L2, description = "L2 penalty on the "
            + "weights. Default: ${DEFAULT-VALUE}.")
    double l2;

    @Option(names = "--balance", paramLabel = "P", defaultValue = "" + DEFAULT_BALANCE, description = "Class weights "
            + "(mean count / class count)^P: 0 none, 1 fully balanced. Default: ${DEFAULT-VALUE}.")
    double balance;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "20261127") long seed;

    @Option(names = "--threads", paramLabel = "N", description = "Embedding threads (default: all cores).")
    Integer threads;

    @Override
    public Integer call() throws Exception {
        Path shared = data != null ? data : SharedData.root().resolve("data");
        Path target = out != null ? out : Files.isDirectory(COMMITTED.getParent()) ? COMMITTED : Path.of("plover-head.bin");
        ClassifierTrainingData.Gathered all = new ClassifierTrainingData().gather(shared, limit, !noNegatives,
                System.err);
        HeadTrainer.Settings s = new HeadTrainer.Settings(hidden, epochs, 32, 0.01, l2, seed, balance);
        int cores = threads != null ? threads : Runtime.getRuntime().availableProcessors();
        if (crossFit != null) {
            return crossFit(all, s, cores);
        }
        ClassifierTrainingData.Gathered g = holdoutDev ? all.without(HeldOutSplit.DEV_FOLD) : all;
        float[][] x = embed(g);
        long t0 = System.nanoTime();
        ClassifierWeights w = ClassifierTraining.train(g.sentences(), x, s, VERSION, g.note() + "; settings " + s);
        System.err.printf("trained in %.1f s%n", (System.nanoTime() - t0) / 1e9);
        write(target, w);
        return Main.EXIT_OK;
    }

    private float[][] embed(ClassifierTrainingData.Gathered g) throws IOException {
        List<String> texts = g.sentences().stream().map(TrainingSentence::text).toList();
        return EmbeddingCache.open(cache).embed(texts, SentenceEmbedder.shared(),
                threads != null ? threads : Runtime.getRuntime().availableProcessors(), System.err);
    }

    private static void write(Path target, ClassifierWeights w) throws IOException {
        if (target.getParent() != null) {
            Files.createDirectories(target.getParent());
        }
        Files.write(target, w.toBytes());
        System.out.println("wrote " + target + ": classifier " + w.id() + " (" + Files.size(target) + " bytes)");
    }

    /** One head per fold, trained in parallel (each alone is single-threaded and deterministic). */
    private int crossFit(ClassifierTrainingData.Gathered all, HeadTrainer.Settings s, int cores) throws Exception {
        float[][] x = embed(all);
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Math.min(cores, HeldOutSplit.FOLDS)));
        try {
            List<Future<ClassifierWeights>> heads = new ArrayList<>();
            for (int f = 0; f < HeldOutSplit.FOLDS; f++) {
                int fold = f;
                heads.add(pool.submit(() -> {
                    ClassifierTrainingData.Gathered g = all.without(fold);
                    List<float[]> xs = new ArrayList<>();
                    for (int i = 0; i < x.length; i++) {
                        if (all.folds().get(i) != fold) {
                            xs.add(x[i]);
                        }
                    }
                    return ClassifierTraining.train(g.sentences(), xs.toArray(new float[0][]), s, VERSION,
                            g.note() + "; settings " + s);
                }));
            }
            OutOfFold oof = new OutOfFold();
            for (int f = 0; f < HeldOutSplit.FOLDS; f++) {
                ClassifierWeights w = heads.get(f).get();
                write(crossFit.resolve("fold-" + f + ".bin"), w);
                for (int i = 0; i < x.length; i++) {
                    if (all.folds().get(i) == f) {
                        oof.add(all.sentences().get(i), w.typeHead().probabilities(x[i]));
                    }
                }
            }
            System.out.println("settings " + s);
            System.out.print(oof.markdown());
        } finally {
            pool.shutdownNow();
        }
        return Main.EXIT_OK;
    }

    /**
     * Out-of-fold figures of the type head on the training sentences themselves, by kind of label (no parse, so a
     * quick comparison of heads): the share whose most probable class is among the allowed ones, and the mean
     * superset log-loss {@code -log Σ_{k∈S} p_k}.
     */
    static final class OutOfFold {
        private final Map<String, double[]> byKind = new TreeMap<>();

        void add(TrainingSentence s, double[] p) {
            boolean[] a = s.allowed();
            int best = 0;
            for (int k = 1; k < p.length; k++) {
                if (p[k] > p[best]) {
                    best = k;
                }
            }
            double mass = 0;
            for (int k = 0; k < p.length; k++) {
                mass += a[k] ? p[k] : 0;
            }
            for (String kind : List.of(kind(a), "all")) {
                double[] t = byKind.computeIfAbsent(kind, k -> new double[3]);
                t[0]++;
                t[1] += a[best] ? 1 : 0;
                t[2] += -Math.log(Math.max(mass, 1e-12));
            }
        }

        /** Told apart by the shape of the label: exact type, ConfliBERT group, story body, no event. */
        static String kind(boolean[] a) {
            Set<String> types = new TreeSet<>();
            for (int k = 0; k < a.length; k++) {
                if (a[k]) {
                    types.add(EventClasses.get(k).isEvent() ? EventClasses.get(k).ploverType() : "-");
                }
            }
            if (types.equals(Set.of("-"))) {
                return "no event (BBC sport/entertainment)";
            }
            if (types.contains("-")) {
                return "story body (its type, a statement or none)";
            }
            return types.size() == 1 ? "headline/lede (exact type)" : "ConfliBERT (CAMEO root group)";
        }

        String markdown() {
            StringBuilder sb = new StringBuilder("| sentences (out of fold) | n | best class allowed | "
                    + "superset log-loss |\n|---|---:|---:|---:|\n");
            byKind.forEach((k, t) -> sb.append(String.format(Locale.ROOT, "| %s | %d | %.3f | %.3f |%n", k, (int) t[0],
                    t[1] / t[0], t[2] / t[0])));
            return sb.toString();
        }
    }
}
