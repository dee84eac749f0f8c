package org.khaldun.spark.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
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
 * {@code --heap 4g} (each master's {@code -Xmx}), {@code --jvm "FLAGS"} (the masters' JVM flags; default
 * {@code -XX:+UseParallelGC}, as recommended for executors; {@code --jvm ""} for the JVM's default collector),
 * {@code --corpora DIR} ({@code <khaldun.shared>/data/corpora}), {@code --work DIR} (a temporary folder),
 * {@code --repeat N} (1: every master N times, the 2nd, 4th, … in reverse order; the summary gives each
 * repeat's speed-up, their median and spread, then the median repeat in full, because single pairs on a 2-vCPU
 * machine spread ±10 %), {@code --pin} (run each {@code local[n]} JVM under {@code taskset} on n CPUs, so that
 * {@code local[1]}'s JIT, GC and Spark threads cannot borrow an idle core; see {@link CpuPinning}).
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
        // the executor flags docs/spark.md recommends: the throughput collector codes 12 % faster than G1 in both
        // masters (BENCHMARKS.md, 2026-11-28 03:55 against 04:18); --jvm replaces them
        List<String> jvm = List.of("-XX:+UseParallelGC");
        Path corpora = Path.of(System.getProperty("khaldun.shared", "../shared"), "data", "corpora");
        Path work = null;
        List<Integer> cores = List.of(1, 2);
        int repeat = 1;
        boolean pin = false;
        for (int i = 0; i < args.length; i++) {
            String option = args[i];
            if (option.equals("--pin")) {
                pin = true;
                continue;
            }
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException(option + " needs a value");
            }
            String v = args[++i];
            switch (option) {
                case "--articles" -> articles = Integer.parseInt(v);
                case "--warmup" -> warmup = Integer.parseInt(v);
                case "--warmup-round" -> round = Integer.parseInt(v);
                case "--partitions" -> partitions = Integer.parseInt(v);
                case "--heap" -> heap = v;
                case "--jvm" -> jvm = Arrays.stream(v.trim().split("\\s+")).filter(s -> !s.isEmpty()).toList();
                case "--corpora" -> corpora = Path.of(v);
                case "--work" -> work = Path.of(v);
                case "--repeat" -> repeat = Integer.parseInt(v);
                case "--cores" -> cores = Arrays.stream(v.split(",")).map(String::strip).map(Integer::parseInt).toList();
                default -> throw new IllegalArgumentException("unknown option " + option);
            }
        }
        if (repeat < 1) {
            throw new IllegalArgumentException("--repeat must be at least 1, not " + repeat);
        }
        if (work == null) {
            work = Files.createTempDirectory("khaldun-spark-bench");
        }
        work = work.toAbsolutePath();
        Files.createDirectories(work);
        List<Integer> allowed = pin ? CpuPinning.allowedCpus() : List.of();
        if (pin) {
            for (int n : cores) {
                CpuPinning.prefix(allowed, n); // fails before the corpus is read when a master cannot be pinned
            }
        }
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
        // runs[k] holds repeat k's reports in the order of --cores, whichever master ran first
        List<List<Map<String, Object>>> runs = new ArrayList<>();
        for (int k = 0; k < repeat; k++) {
            // the 2nd, 4th, … repeats run the masters in reverse order: an hour's drift of the machine falls on both
            List<Integer> order = new ArrayList<>(cores);
            if (k % 2 == 1) {
                Collections.reverse(order);
            }
            Map<Integer, Map<String, Object>> byCores = new HashMap<>();
            for (int n : order) {
                String name = repeat == 1 ? "report-local" + n + ".json" : "report-local" + n + "-r" + (k + 1) + ".json";
                List<String> prefix = pin ? CpuPinning.prefix(allowed, n) : List.of();
                byCores.put(n, runMaster(n, prefix, work.resolve(name), heap, jvm, warmDir, benchFile, work, partitions));
            }
            runs.add(cores.stream().map(byCores::get).toList());
            if (repeat > 1) {
                log("repeat %d/%d: speed-up %.2fx", k + 1, repeat, BenchSummary.speedUp(runs.get(k)));
            }
        }
        double[] loadEnd = loadAverage();

        String command = String.format(Locale.ROOT,
                "spark/bench.sh --articles %d --warmup %d --warmup-round %d --partitions %d --cores %s --heap %s%s%s%s",
                articles, warmup, round, partitions, String.join(",", cores.stream().map(String::valueOf).toList()), heap,
                jvm.isEmpty() ? "" : " --jvm '" + String.join(" ", jvm) + "'", repeat == 1 ? "" : " --repeat " + repeat,
                pin ? " --pin" : "");
        String summary;
        if (repeat == 1) {
            summary = BenchSummary.markdown(runs.get(0), command, loadBefore, loadEnd);
        } else {
            int median = BenchSummary.medianRepeat(runs);
            summary = BenchSummary.header(runs.get(0), command, loadBefore, loadEnd) + BenchSummary.repeats(runs)
                    + "\nThe repeat with the median speed-up (" + (median + 1) + "), in full:\n\n"
                    + BenchSummary.body(runs.get(median));
        }
        System.out.print(summary);
        Files.writeString(work.resolve("summary.md"), summary);
        log("reports: %s/report-local*.json, summary: %s", work, work.resolve("summary.md"));
    }

    /** Runs one master in a fresh JVM, behind {@code prefix} ({@code taskset …} or nothing), and returns its report. */
    private static Map<String, Object> runMaster(int n, List<String> prefix, Path report, String heap, List<String> jvm, Path warmDir,
                                                 Path benchFile, Path work, int partitions)
            throws IOException, InterruptedException {
        Files.deleteIfExists(report);
        List<String> cmd = new ArrayList<>(prefix);
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
        log("local[%d]: a fresh JVM (-Xmx%s%s)%s", n, heap, jvm.isEmpty() ? "" : " " + String.join(" ", jvm),
                prefix.isEmpty() ? "" : " under " + String.join(" ", prefix));
        Process process;
        try {
            process = new ProcessBuilder(cmd).inheritIO().start();
        } catch (IOException e) {
            throw new IllegalStateException(prefix.isEmpty() ? "cannot start local[" + n + "]: " + e.getMessage()
                    : "--pin needs taskset (Debian package util-linux): " + e.getMessage(), e);
        }
        int exit = process.waitFor();
        if (exit != 0) {
            throw new IllegalStateException("local[" + n + "] failed (exit " + exit + ")");
        }
        return Json.parseObject(Files.readString(report));
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
