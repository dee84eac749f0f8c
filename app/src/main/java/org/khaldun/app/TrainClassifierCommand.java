package org.khaldun.app;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.khaldun.app.eval.ClassifierTrainingData;
import org.khaldun.classifier.ClassifierTraining;
import org.khaldun.classifier.ClassifierWeights;
import org.khaldun.classifier.EmbeddingCache;
import org.khaldun.classifier.HeadTrainer;
import org.khaldun.classifier.SentenceEmbedder;
import org.khaldun.classifier.TrainingSentence;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "train-classifier", mixinStandardHelpOptions = true,
        description = {"Train the PLOVER sentence classifier's heads from the shared data (training split only) and "
                + "write the weights file.",
                "Same data, settings and seed give byte-identical weights. Embeddings are cached under --cache."})
final class TrainClassifierCommand implements Callable<Integer> {

    static final String VERSION = "2026.11.2";
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

    @Option(names = "--hidden", paramLabel = "N", defaultValue = "0",
            description = "Hidden units (0 = multinomial logistic regression). Default: ${DEFAULT-VALUE}.")
    int hidden;

    @Option(names = "--epochs", paramLabel = "N", defaultValue = "30") int epochs;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "20261127") long seed;

    @Option(names = "--threads", paramLabel = "N", description = "Embedding threads (default: all cores).")
    Integer threads;

    @Override
    public Integer call() throws Exception {
        Path shared = data != null ? data : SharedData.root().resolve("data");
        Path target = out != null ? out : Files.isDirectory(COMMITTED.getParent()) ? COMMITTED : Path.of("plover-head.bin");
        ClassifierTrainingData.Gathered g = new ClassifierTrainingData().gather(shared, limit, !noNegatives,
                holdoutDev, System.err);
        List<String> texts = g.sentences().stream().map(TrainingSentence::text).toList();
        EmbeddingCache c = EmbeddingCache.open(cache);
        float[][] x = c.embed(texts, SentenceEmbedder.shared(),
                threads != null ? threads : Runtime.getRuntime().availableProcessors(), System.err);
        HeadTrainer.Settings s = new HeadTrainer.Settings(hidden, epochs, 32, 0.01, 1e-4, seed);
        long t0 = System.nanoTime();
        ClassifierWeights w = ClassifierTraining.train(g.sentences(), x, s, VERSION, g.note() + "; settings " + s);
        System.err.printf("trained in %.1f s%n", (System.nanoTime() - t0) / 1e9);
        if (target.getParent() != null) {
            Files.createDirectories(target.getParent());
        }
        Files.write(target, w.toBytes());
        System.out.println("wrote " + target + ": classifier " + w.id() + " (" + Files.size(target) + " bytes)");
        return Main.EXIT_OK;
    }
}
