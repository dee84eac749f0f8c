package org.khaldun.app;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.khaldun.app.bench.Bench;
import org.khaldun.bench.BenchCorpus;
import org.khaldun.article.Article;
import org.khaldun.nlp.CoreNlpEngine;
import org.khaldun.pipeline.Pipeline;
import org.khaldun.classifier.ClassifierPipelines;
import org.khaldun.pipeline.PipelineOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Measure throughput (articles/s, tokens/s), peak heap and cost per stage on the shared corpora.")
final class BenchCommand implements Callable<Integer> {

    @Option(names = "--corpora", paramLabel = "DIR", description = "Corpora folder (default: ../shared/data/corpora).")
    Path corpora;

    @Option(names = "--articles", defaultValue = "1000", description = "Articles to measure (default: ${DEFAULT-VALUE}).")
    int articles;

    @Option(names = "--warmup", defaultValue = "100", description = "Articles coded first and not measured: those"
            + " that follow the measured ones in the mix, so a longer warm-up never changes which articles are measured"
            + " (default: ${DEFAULT-VALUE}).")
    int warmup;

    @Option(names = "--threads", description = "Coding threads (default: all cores).")
    Integer threads;

    // picocli: a negatable option that is on by default is declared by its negative name
    @Option(names = "--no-filter-check", negatable = true, defaultValue = "true",
            description = "Also code the measured articles with every sentence parsed and report how many of those"
                    + " events the default pipeline keeps (default: on; --no-filter-check skips it).")
    boolean filterCheck;

    @Option(names = "--jit-settle", paramLabel = "PERCENT", defaultValue = "10", description = "Code the warm-up "
            + "articles again (at most " + MAX_WARMUP_ROUNDS + " rounds) until the JIT compiler was busy less "
            + "than PERCENT of a round's wall time, so that the measured runs show steady-state coding rather than "
            + "the JIT's first compilations of large methods; 0 = one round (default: ${DEFAULT-VALUE}).")
    int jitSettlePercent;

    /** Rounds of warm-up at most (named in the option's description). */
    static final int MAX_WARMUP_ROUNDS = 5;

    @Mixin
    CoderOptions coding = new CoderOptions();

    @Option(names = "--report", paramLabel = "FILE", description = "Also write the Markdown report to FILE.")
    Path report;

    @Override
    public Integer call() throws Exception {
        int t = threads != null ? threads : Runtime.getRuntime().availableProcessors();
        Path dir = corpora != null ? corpora : SharedData.data("corpora");
        System.err.println("khaldun bench: loading models and " + (warmup + articles) + " articles...");
        List<Article> all = BenchCorpus.load(dir, warmup + articles);
        // The measured articles are the first of the mix whatever the warm-up, so runs with different warm-ups
        // measure the same articles (the mix is not uniform: BBC sections come in order).
        List<Article> measured = all.subList(0, Math.min(articles, all.size()));
        List<Article> warm = all.subList(measured.size(), all.size());
        Pipeline pipeline = ClassifierPipelines.create(PipelineOptions.DEFAULTS, coding.coder, coding.rule());
        Bench bench = new Bench(pipeline, CoreNlpEngine.shared(), t);
        int rounds = 0;
        double jitShare;
        do {
            System.err.println("khaldun bench: warm-up round " + (rounds + 1) + " on " + warm.size() + " articles...");
            Bench.Run w = bench.pipeline(warm);
            Bench.Run p = bench.parseEverything(warm);
            rounds++;
            double jit = w.overhead().jitSeconds() + p.overhead().jitSeconds();
            jitShare = w.overhead().jitSeconds() < 0 ? -1 : jit / (w.seconds() + p.seconds());
        } while (jitSettlePercent > 0 && jitShare * 100 > jitSettlePercent && rounds < MAX_WARMUP_ROUNDS);
        Bench.Run coded;
        Bench.Run baseline;
        long peak;
        String loadBefore = loadAverage();
        try (var sampler = new org.khaldun.app.bench.HeapSampler()) {
            System.err.println("khaldun bench: default pipeline on " + measured.size() + " articles...");
            coded = bench.pipeline(measured);
            System.err.println("khaldun bench: tokenize+POS+depparse on the same articles...");
            baseline = bench.parseEverything(measured);
            peak = sampler.peakBytes();
        }
        Bench.FilterCheck check = null;
        if (filterCheck) {
            System.err.println("khaldun bench: the same articles with every sentence parsed (filter check)...");
            check = bench.filterCheck(measured);
        }
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(buf, true, StandardCharsets.UTF_8);
        out.println("Command: `./khaldun bench --articles " + articles + " --warmup " + warmup + " --jit-settle "
                + jitSettlePercent + " --threads " + t + coding.asTyped() + "`");
        out.println();
        out.printf("Warm-up: %d articles coded %d time(s) (default pipeline and parse-everything)%s.%n", warm.size(),
                rounds, jitShare < 0 ? "" : String.format("; the JIT compiler was busy %.0f %% of the last round's wall "
                        + "time", jitShare * 100));
        out.println();
        Bench.report(out, coded, baseline, check, peak, t, warm.size(), loadBefore + " / " + loadAverage());
        String text = buf.toString(StandardCharsets.UTF_8);
        System.out.print(text);
        if (report != null) {
            Files.writeString(report, text);
        }
        return Main.EXIT_OK;
    }

    /** The 1-minute load average, where the OS tells it. */
    private static String loadAverage() {
        double l = java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        return l < 0 ? "unknown" : String.format("%.1f", l);
    }
}
