package org.khaldun.app.bench;

import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import org.khaldun.article.Article;
import org.khaldun.event.Event;
import org.khaldun.nlp.NlpEngine;
import org.khaldun.nlp.Sentence;
import org.khaldun.pipeline.CodedArticle;
import org.khaldun.pipeline.CompilerDirectives;
import org.khaldun.pipeline.Pipeline;
import org.khaldun.pipeline.StageTimes;

/**
 * Throughput of the default pipeline against the cost of tokenize + POS + dependency parse of every sentence (what a
 * parse-everything coder pays before coding anything), on the same articles and threads, with peak heap.
 */
public final class Bench {

    /** Result of one measured run. */
    public record Run(String name, int articles, long tokens, long sentences, long parsedSentences, long events,
                      double seconds, double cpuSeconds, StageTimes stages, Overhead overhead) {
        double articlesPerSecond() {
            return articles / seconds;
        }

        double tokensPerSecond() {
            return tokens / seconds;
        }

        /** Articles per second the same work would reach on {@code cores} otherwise idle cores, from CPU time. */
        double cpuBoundArticlesPerSecond(int cores) {
            return articles / cpuSeconds * cores;
        }
    }

    /**
     * What the whole JVM spent during a run besides the coding threads: on a machine with as many cores as coding
     * threads, CPU spent by the JIT compiler and the garbage collector is taken from the coders, so the wall-clock rate
     * falls below the CPU-bound one by about {@code processCpuSeconds / cpuSeconds}.
     *
     * @param processCpuSeconds CPU time of every thread of the JVM during the run, or -1 where the OS does not tell
     * @param jitSeconds time the JIT compiler threads spent compiling during the run, or -1 where unknown
     */
    public record Overhead(double processCpuSeconds, double jitSeconds) {
        static final Overhead UNKNOWN = new Overhead(-1, -1);
    }

    private final Pipeline pipeline;
    private final NlpEngine nlp;
    private final int threads;

    public Bench(Pipeline pipeline, NlpEngine nlp, int threads) {
        this.pipeline = pipeline;
        this.nlp = nlp;
        this.threads = threads;
    }

    /**
     * What the parse filter costs in events: the events of a pipeline that parses every sentence, and how many of
     * them the default pipeline also codes (same id: same article, sentence, trigger, code and actors).
     */
    public record FilterCheck(long everySentenceEvents, long keptByDefault, long onlyInDefault) {
        double keptShare() {
            return everySentenceEvents == 0 ? 1 : (double) keptByDefault / everySentenceEvents;
        }
    }

    private volatile Set<String> lastEventIds = Set.of();

    public Run pipeline(List<Article> articles) throws Exception {
        List<CodedArticle> coded = runParallel(articles, pipeline::code);
        Set<String> ids = new HashSet<>();
        for (CodedArticle c : coded) {
            for (Event e : c.events()) {
                ids.add(e.id());
            }
        }
        lastEventIds = ids;
        StageTimes total = StageTimes.ZERO;
        long events = 0;
        for (CodedArticle c : coded) {
            total = total.plus(c.stageTimes());
            events += c.events().size();
        }
        return new Run("default pipeline", articles.size(), total.tokens(), total.sentences(), total.parsedSentences(),
                events, lastSeconds, lastCpuSeconds, total, lastOverhead);
    }

    /** Codes the articles again parsing every sentence and compares with the last {@link #pipeline} run's events. */
    public FilterCheck filterCheck(List<Article> articles) throws Exception {
        Set<String> filtered = lastEventIds;
        Pipeline everySentence = pipeline.parsingEverySentence();
        Set<String> all = new HashSet<>();
        for (CodedArticle c : runParallel(articles, everySentence::code)) {
            for (Event e : c.events()) {
                all.add(e.id());
            }
        }
        long kept = 0;
        for (String id : all) {
            if (filtered.contains(id)) {
                kept++;
            }
        }
        return new FilterCheck(all.size(), kept, filtered.size() - kept);
    }

    public Run parseEverything(List<Article> articles) throws Exception {
        List<long[]> counts = runParallel(articles, a -> {
            List<Sentence> split = nlp.split(a.text());
            List<Sentence> parsed = nlp.parse(split);
            long tokens = 0;
            for (Sentence s : parsed) {
                tokens += s.tokens().size();
            }
            return new long[] {tokens, parsed.size()};
        });
        long tokens = 0;
        long sentences = 0;
        for (long[] c : counts) {
            tokens += c[0];
            sentences += c[1];
        }
        return new Run("tokenize+POS+depparse, all sentences", articles.size(), tokens, sentences, sentences, 0,
                lastSeconds, lastCpuSeconds, null, lastOverhead);
    }

    private volatile double lastSeconds;
    private volatile double lastCpuSeconds;
    private volatile Overhead lastOverhead = Overhead.UNKNOWN;

    /** CPU nanoseconds of the whole JVM so far, or -1. */
    private static long processCpuNanos() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getProcessCpuTime();
        }
        return -1;
    }

    /** Milliseconds the JIT compiler threads have spent compiling so far, or -1. */
    private static long compileMillis() {
        var jit = ManagementFactory.getCompilationMXBean();
        return jit != null && jit.isCompilationTimeMonitoringSupported() ? jit.getTotalCompilationTime() : -1;
    }

    private <T> List<T> runParallel(List<Article> articles, Function<Article, T> work) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            AtomicLong next = new AtomicLong();
            AtomicLong cpuNanos = new AtomicLong();
            ThreadMXBean mx = ManagementFactory.getThreadMXBean();
            long p0 = processCpuNanos();
            long j0 = compileMillis();
            long t0 = System.nanoTime();
            List<Future<List<T>>> parts = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                parts.add(pool.submit(() -> {
                    List<T> mine = new ArrayList<>();
                    long c0 = mx.getCurrentThreadCpuTime();
                    long i;
                    while ((i = next.getAndIncrement()) < articles.size()) {
                        mine.add(work.apply(articles.get((int) i)));
                    }
                    cpuNanos.addAndGet(mx.getCurrentThreadCpuTime() - c0);
                    return mine;
                }));
            }
            List<T> all = new ArrayList<>();
            for (Future<List<T>> f : parts) {
                all.addAll(f.get());
            }
            lastSeconds = (System.nanoTime() - t0) / 1e9;
            lastCpuSeconds = cpuNanos.get() / 1e9;
            long p1 = processCpuNanos();
            long j1 = compileMillis();
            lastOverhead = new Overhead(p0 < 0 || p1 < 0 ? -1 : (p1 - p0) / 1e9, j0 < 0 || j1 < 0 ? -1 : (j1 - j0) / 1e3);
            return all;
        } finally {
            pool.shutdownNow();
        }
    }

    /** The Markdown report. */
    public static void report(PrintStream out, Run coded, Run baseline, FilterCheck check, long peakHeap, int threads,
                              int warmup, String loadAverage) {
        Runtime rt = Runtime.getRuntime();
        out.println("## Throughput");
        out.println();
        out.printf("Machine: %d cores available to the JVM, max heap %d MiB, %s %s, Java %s.%n", rt.availableProcessors(),
                rt.maxMemory() >> 20, System.getProperty("os.name"), System.getProperty("os.arch"),
                System.getProperty("java.version"));
        out.printf("Articles: %d measured after %d warm-up articles; %d coding threads.%n", coded.articles(), warmup, threads);
        out.printf("JIT: Khaldun's per-article stages compiled by C1 only (org.khaldun.pipeline.CompilerDirectives): %s.%n",
                CompilerDirectives.install().detail());
        out.printf("Load average before/after the runs: %s (anything above the core count means other work shared the"
                + " CPUs and wall-clock figures are pessimistic; the CPU-bound column divides by CPU time instead).%n%n",
                loadAverage);
        out.println("| run | articles/s (wall) | articles/s (CPU-bound, " + threads + " cores) | tokens/s (wall) "
                + "| CPU ms per article | sentences parsed | events | seconds |");
        out.println("|---|---:|---:|---:|---:|---:|---:|---:|");
        for (Run r : List.of(coded, baseline)) {
            out.printf("| %s | %.1f | %.1f | %.0f | %.1f | %d of %d | %d | %.1f |%n", r.name(), r.articlesPerSecond(),
                    r.cpuBoundArticlesPerSecond(threads), r.tokensPerSecond(), 1000 * r.cpuSeconds() / r.articles(),
                    r.parsedSentences(), r.sentences(), r.events(), r.seconds());
        }
        out.println();
        out.printf("Default pipeline cost relative to tokenize+POS+depparse alone: %.2f× (CPU time; wall %.2f×)%n",
                coded.cpuSeconds() / baseline.cpuSeconds(), coded.seconds() / baseline.seconds());
        out.printf("Peak heap used (sampled every 5 ms over both runs): %d MiB%n%n", peakHeap >> 20);
        out.println("### What the JVM spent besides the coding threads");
        out.println();
        out.println("With as many coding threads as cores, the JIT compiler and the garbage collector take their CPU from"
                + " the coders: the wall-clock rate is below the CPU-bound one by about the ratio of JVM CPU to coding CPU.");
        out.println();
        out.println("| run | coding threads CPU s | whole JVM CPU s | JVM CPU ms per article | JIT compiler threads busy s |");
        out.println("|---|---:|---:|---:|---:|");
        for (Run r : List.of(coded, baseline)) {
            Overhead o = r.overhead();
            out.printf("| %s | %.1f | %s | %s | %s |%n", r.name(), r.cpuSeconds(),
                    o.processCpuSeconds() < 0 ? "?" : String.format("%.1f", o.processCpuSeconds()),
                    o.processCpuSeconds() < 0 ? "?" : String.format("%.1f", 1000 * o.processCpuSeconds() / r.articles()),
                    o.jitSeconds() < 0 ? "?" : String.format("%.1f", o.jitSeconds()));
        }
        out.println();
        if (check != null) {
            out.println("### What the parse filter costs in events");
            out.println();
            out.printf("The same articles coded with every sentence parsed give %d events; the default pipeline codes %d"
                    + " of them (%.1f %%) and %d that the parse-everything run does not (sentences coded from tokens"
                    + " when unparsed).%n%n", check.everySentenceEvents(), check.keptByDefault(),
                    100 * check.keptShare(), check.onlyInDefault());
        }
        StageTimes s = coded.stages();
        double total = s.total();
        out.println("### Where the default pipeline's time goes (wall time in each stage, summed over threads; shares are what matter under load)");
        out.println();
        out.println("| stage | share | ms per article |");
        out.println("|---|---:|---:|");
        row(out, "split (tokenize + sentences)", s.split(), total, coded.articles());
        row(out, "actors (dictionaries + resolution)", s.actors(), total, coded.articles());
        row(out, "parse (POS + lemma + depparse, candidate sentences)", s.parse(), total, coded.articles());
        row(out, "times (date expressions)", s.times(), total, coded.articles());
        row(out, "attribution (quotes, speakers)", s.attribution(), total, coded.articles());
        row(out, "places (gazetteer, event locations)", s.places(), total, coded.articles());
        row(out, "events (triggers, arguments, codes)", s.events(), total, coded.articles());
        out.printf("%nJVM uptime %.0f s.%n", ManagementFactory.getRuntimeMXBean().getUptime() / 1000.0);
    }

    private static void row(PrintStream out, String name, long nanos, double total, int articles) {
        out.printf("| %s | %.1f %% | %.2f |%n", name, 100.0 * nanos / total, nanos / 1e6 / articles);
    }
}
