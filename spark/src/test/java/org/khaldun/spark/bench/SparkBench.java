package org.khaldun.spark.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.khaldun.article.Article;
import org.khaldun.bench.BenchCorpus;
import org.khaldun.json.Json;
import org.khaldun.pipeline.CompilerDirectives;

/**
 * Speed of the Spark job on this machine, each master measured the same way: for every {@code local[n]} a fresh
 * JVM ({@link MasterRun}) loads the models, codes the warm-up articles in rounds (articles that are not measured,
 * in the same master, so the JIT compiles what that master runs), then codes the measured articles. Every master
 * starts equally cold and is equally warm when measured, so the order of the runs no longer matters. Not a test:
 * run it with {@code spark/bench.sh}.
 *
 * <p>Writes {@code report-local<n>.json} per master and {@code summary.md} (also printed) under the work folder:
 * wall time and speed-up, CPU per article, CPU by kind of thread (coding tasks, JIT compiler, GC, Spark's other
 * threads), how evenly the coding partitions filled the cores, events written and failures.
 *
 * <p>Options: {@code --articles N} (2000), {@code --warmup N} (2000 articles before the measured ones),
 * {@code --warmup-round N} (250 articles per warm-up job), {@code --partitions N} (32), {@code --cores 1,2},
 * {@code --heap 4g} (each master's {@code -Xmx}), {@code --jvm "FLAGS"} (more flags for the masters' JVMs),
 * {@code --corpora DIR} ({@code <khaldun.shared>/data/corpora}), {@code --work DIR} (a temporary folder).
 */
public final class SparkBench {

    private SparkBench() {
    }

    public static void main(String[] args) throws IOException, InterruptedException {
        int articles = 2000;
        int warmup = 2000;
        // eight warm-up jobs rather than four: Spark's and Parquet's write path runs once per job, and with four it was
        // still being compiled by C2 during the measured job (BENCHMARKS.md, 2026-11-28)
        int round = 250;
        int partitions = 32;
        String heap = "4g";
        List<String> jvm = List.of();
        Path corpora = Path.of(System.getProperty("khaldun.shared", "../shared"), "data", "corpora");
        Path work = null;
        List<Integer> cores = List.of(1, 2);
        for (int i = 0; i < args.length; i += 2) {
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException(args[i] + " needs a value");
            }
            String v = args[i + 1];
            switch (args[i]) {
                case "--articles" -> articles = Integer.parseInt(v);
                case "--warmup" -> warmup = Integer.parseInt(v);
                case "--warmup-round" -> round = Integer.parseInt(v);
                case "--partitions" -> partitions = Integer.parseInt(v);
                case "--heap" -> heap = v;
                case "--jvm" -> jvm = Arrays.stream(v.trim().split("\\s+")).filter(s -> !s.isEmpty()).toList();
                case "--corpora" -> corpora = Path.of(v);
                case "--work" -> work = Path.of(v);
                case "--cores" -> cores = Arrays.stream(v.split(",")).map(String::strip).map(Integer::parseInt).toList();
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        if (work == null) {
            work = Files.createTempDirectory("khaldun-spark-bench");
        }
        work = work.toAbsolutePath();
        Files.createDirectories(work);
        List<Article> all = BenchCorpus.load(corpora, warmup + articles);
        if (all.size() < warmup + articles) {
            throw new IllegalArgumentException("only " + all.size() + " articles in " + corpora + ", not "
                    + (warmup + articles));
        }
        // the warm-up articles come first in the mix, the measured ones after: never the same articles
        Path warmDir = work.resolve("warmup");
        Files.createDirectories(warmDir);
        try (var old = Files.list(warmDir)) {
            for (Path p : old.toList()) {
                Files.delete(p);
            }
        }
        for (int from = 0, k = 1; from < warmup; from += round, k++) {
            BenchCorpus.writeJsonLines(all.subList(from, Math.min(warmup, from + round)),
                    warmDir.resolve(String.format(Locale.ROOT, "round-%03d.jsonl", k)));
        }
        Path benchFile = work.resolve("bench.jsonl");
        BenchCorpus.writeJsonLines(all.subList(warmup, warmup + articles), benchFile);
        log("corpus: %d warm-up articles (rounds of %d) + %d measured articles in %s", warmup, round, articles, work);

        double[] loadBefore = loadAverage();
        List<Map<String, Object>> reports = new ArrayList<>();
        for (int n : cores) {
            Path report = work.resolve("report-local" + n + ".json");
            Files.deleteIfExists(report);
            List<String> cmd = new ArrayList<>();
            cmd.add(ProcessHandle.current().info().command().orElse("java"));
            for (String a : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
                if (!a.startsWith("-Xmx") && !a.startsWith("-Xms")) {
                    cmd.add(a);
                }
            }
            cmd.add("-Xmx" + heap);
            cmd.addAll(jvm);
            cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), MasterRun.class.getName(),
                    "--cores", Integer.toString(n), "--warmup", warmDir.toString(), "--input", benchFile.toString(),
                    "--work", work.toString(), "--partitions", Integer.toString(partitions),
                    "--report", report.toString()));
            log("local[%d]: a fresh JVM (-Xmx%s%s)", n, heap, jvm.isEmpty() ? "" : " " + String.join(" ", jvm));
            int exit = new ProcessBuilder(cmd).inheritIO().start().waitFor();
            if (exit != 0) {
                throw new IllegalStateException("local[" + n + "] failed (exit " + exit + ")");
            }
            reports.add(Json.parseObject(Files.readString(report)));
        }
        double[] loadEnd = loadAverage();

        String summary = BenchSummary.markdown(reports, String.format(Locale.ROOT,
                "spark/bench.sh --articles %d --warmup %d --warmup-round %d --partitions %d --cores %s --heap %s%s",
                articles, warmup, round, partitions, String.join(",", cores.stream().map(String::valueOf).toList()), heap,
                jvm.isEmpty() ? "" : " --jvm '" + String.join(" ", jvm) + "'"), loadBefore, loadEnd);
        System.out.print(summary);
        Files.writeString(work.resolve("summary.md"), summary);
        log("reports: %s/report-local*.json, summary: %s", work, work.resolve("summary.md"));
    }

    static double[] loadAverage() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return new double[] {Double.parseDouble(f[0]), Double.parseDouble(f[1]), Double.parseDouble(f[2])};
        } catch (IOException | RuntimeException e) {
            double l = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
            return new double[] {l, l, l};
        }
    }

    /** Cores, CPU model, Java version and heap of this JVM. */
    static String jvmDescription() {
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
        return String.format(Locale.ROOT, "%d cores (%s), Java %s, max heap %d MiB, C1-only stages: %s",
                Runtime.getRuntime().availableProcessors(), cpu, System.getProperty("java.version"),
                Runtime.getRuntime().maxMemory() >> 20, CompilerDirectives.install().detail());
    }

    static void log(String format, Object... args) {
        System.err.println("spark-bench: " + String.format(Locale.ROOT, format, args));
    }
}
