package org.khaldun.spark.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.spark.sql.SparkSession;
import org.khaldun.article.Article;
import org.khaldun.bench.BenchCorpus;
import org.khaldun.spark.CodeJob;
import org.khaldun.spark.JobOptions;
import org.khaldun.spark.JobReport;

/**
 * Speed of the Spark job on this machine: the same articles coded with {@code local[1]} and {@code local[2]},
 * after a warm-up job that loads the models and lets the JIT settle. Not a test: run it with
 * {@code spark/bench.sh}. Reports wall time, the CPU time the coding threads used (less sensitive to a
 * loaded machine than wall time), the speed-up, and articles per day per executor core.
 *
 * <p>Options: {@code --articles N} (2000), {@code --warmup N} (100), {@code --corpora DIR}
 * ({@code <khaldun.shared>/data/corpora}), {@code --partitions N} (8, the same for both runs),
 * {@code --work DIR} (a temporary folder), {@code --cores 1,2} (the {@code local[n]} runs, in order).
 */
public final class SparkBench {

    private SparkBench() {
    }

    public static void main(String[] args) throws IOException {
        int articles = 2000;
        int warmup = 100;
        int partitions = 8;
        Path corpora = Path.of(System.getProperty("khaldun.shared", "../shared"), "data", "corpora");
        Path work = null;
        List<Integer> cores = List.of(1, 2);
        for (int i = 0; i < args.length; i += 2) {
            String v = args[i + 1];
            switch (args[i]) {
                case "--articles" -> articles = Integer.parseInt(v);
                case "--warmup" -> warmup = Integer.parseInt(v);
                case "--partitions" -> partitions = Integer.parseInt(v);
                case "--corpora" -> corpora = Path.of(v);
                case "--work" -> work = Path.of(v);
                case "--cores" -> cores = java.util.Arrays.stream(v.split(",")).map(Integer::parseInt).toList();
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        if (work == null) {
            work = Files.createTempDirectory("khaldun-spark-bench");
        }
        Files.createDirectories(work);
        List<Article> all = BenchCorpus.load(corpora, warmup + articles);
        if (all.size() < warmup + articles) {
            throw new IllegalArgumentException("only " + all.size() + " articles in " + corpora);
        }
        Path warmFile = work.resolve("warmup.jsonl");
        Path benchFile = work.resolve("bench.jsonl");
        BenchCorpus.writeJsonLines(all.subList(0, warmup), warmFile);
        BenchCorpus.writeJsonLines(all.subList(warmup, warmup + articles), benchFile);
        log("corpus: %d warm-up + %d measured articles in %s", warmup, articles, work);

        double[] loadBefore = loadAverage();
        run("local[2]", warmFile, work.resolve("out-warmup"), 2);
        List<String> rows = new ArrayList<>();
        JobReport first = null;
        double firstWall = 0;
        double speedup = 0;
        for (int n : cores) {
            double[] load = loadAverage();
            JobReport r = run("local[" + n + "]", benchFile, work.resolve("out-local" + n), partitions);
            double[] loadAfter = loadAverage();
            rows.add(String.format(Locale.ROOT, "| local[%d] | %d | %d | %.1f | %.2f | %.1f | %.1f | %.0f | %.2f → %.2f |",
                    n, r.articlesCoded(), r.eventsWritten(), r.wallSeconds(), r.articlesCoded() / r.wallSeconds(),
                    r.codingCpuSeconds(), r.cpuMillisPerArticle(), 86_400_000 / r.cpuMillisPerArticle(), load[0], loadAfter[0]));
            if (first == null) {
                first = r;
                firstWall = r.wallSeconds();
            } else {
                speedup = firstWall / r.wallSeconds();
            }
        }
        double[] loadEnd = loadAverage();

        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "Command: `spark/bench.sh --articles %d --warmup %d --partitions %d`%n%n",
                articles, warmup, partitions));
        out.append("Machine: ").append(machine()).append('\n');
        out.append(String.format(Locale.ROOT, "Load average (1/5/15 min): before %.2f/%.2f/%.2f, after %.2f/%.2f/%.2f%n%n",
                loadBefore[0], loadBefore[1], loadBefore[2], loadEnd[0], loadEnd[1], loadEnd[2]));
        out.append("| master | articles | events | wall s | articles/s | coding CPU s | CPU ms/article | articles/day per core (CPU) | load 1-min |\n");
        out.append("|---|---|---|---|---|---|---|---|---|\n");
        for (String r : rows) {
            out.append(r).append('\n');
        }
        if (cores.size() == 2) {
            out.append(String.format(Locale.ROOT, "%nSpeed-up local[%d] → local[%d] (wall): %.2f×%n", cores.get(0),
                    cores.get(1), speedup));
        }
        System.out.print(out);
        Files.writeString(work.resolve("bench.md"), out.toString());
        log("report written to %s", work.resolve("bench.md"));
    }

    private static JobReport run(String master, Path input, Path output, int partitions) {
        SparkSession spark = SparkSession.builder()
                .master(master)
                .appName("khaldun-bench")
                .config("spark.ui.enabled", "false")
                .config("spark.driver.host", "127.0.0.1")
                .config("spark.driver.bindAddress", "127.0.0.1")
                .getOrCreate();
        try {
            log("%s: coding %s ...", master, input.getFileName());
            JobReport r = CodeJob.run(spark, JobOptions.parse("--input", input.toString(), "--output", output.toString(),
                    "--partitions", Integer.toString(partitions), "--overwrite"));
            log("%s: %s", master, r.toJson());
            return r;
        } finally {
            spark.stop();
        }
    }

    private static double[] loadAverage() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return new double[] {Double.parseDouble(f[0]), Double.parseDouble(f[1]), Double.parseDouble(f[2])};
        } catch (IOException | RuntimeException e) {
            double l = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
            return new double[] {l, l, l};
        }
    }

    private static String machine() {
        String cpu = "unknown CPU";
        try {
            for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
                if (line.startsWith("model name")) {
                    cpu = line.substring(line.indexOf(':') + 1).strip();
                    break;
                }
            }
        } catch (IOException ignored) {
            // not Linux: the CPU stays unnamed
        }
        return String.format(Locale.ROOT, "%d cores (%s), Java %s, max heap %d MiB",
                Runtime.getRuntime().availableProcessors(), cpu, System.getProperty("java.version"),
                Runtime.getRuntime().maxMemory() >> 20);
    }

    private static void log(String format, Object... args) {
        System.err.println("spark-bench: " + String.format(Locale.ROOT, format, args));
    }
}
