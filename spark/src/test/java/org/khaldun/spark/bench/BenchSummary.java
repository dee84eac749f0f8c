package org.khaldun.spark.bench;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.stream.IntStream;

/** The benchmark's combined report: one row per master, the speed-up, and the scaling estimate. */
final class BenchSummary {

    private BenchSummary() {
    }

    static String markdown(List<Map<String, Object>> reports, String command, double[] loadBefore, double[] loadEnd) {
        return header(reports, command, loadBefore, loadEnd) + body(reports);
    }

    /** The command, the machine and the load average around the whole benchmark. */
    static String header(List<Map<String, Object>> reports, String command, double[] loadBefore, double[] loadEnd) {
        StringBuilder out = new StringBuilder();
        f(out, "Command: `%s`%n%n", command);
        // the master that could use the most CPUs describes the machine (a pinned local[1] sees one)
        Map<String, Object> widest = reports.stream().max(Comparator.comparingLong(BenchSummary::cpus)).orElseThrow();
        f(out, "Machine: %s%n", widest.get("jvm"));
        f(out, "Load average (1/5/15 min): before %.2f/%.2f/%.2f, after %.2f/%.2f/%.2f%n%n", loadBefore[0], loadBefore[1],
                loadBefore[2], loadEnd[0], loadEnd[1], loadEnd[2]);
        return out.toString();
    }

    /** One pair of masters' tables, speed-up and scaling estimate. */
    static String body(List<Map<String, Object>> reports) {
        StringBuilder out = new StringBuilder();
        out.append("Each master in its own JVM, after the same warm-up. Measured job:\n\n");
        perMaster(out, reports, "| master | CPUs the JVM may use | articles | failed | events | wall s | coding stage wall s "
                + "| articles/s | coding CPU ms/article | JVM CPU ms/article | core occupancy | partition balance | load 1-min |",
                "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|",
                (r, m) -> String.format(Locale.ROOT,
                        "| %s | %s | %d | %d | %,d | %.1f | %.1f | %.2f | %.1f | %.1f | %.2f | %.2f | %.1f → %.1f |",
                        r.get("master"), cpus(r) > 0 ? Long.toString(cpus(r)) : "?", l(m, "articles_coded"),
                        l(m, "articles_failed"), l(m, "events_written"),
                        d(m, "wall_seconds"), d(m, "coding_stage_wall_s"), d(m, "articles_coded") / d(m, "wall_seconds"),
                        d(m, "cpu_ms_per_article"), d(m, "process_cpu_ms_per_article"), d(m, "coding_core_occupancy"),
                        d(m, "partition_balance_fifo"), first(m, "load_before"), first(m, "load_after")));
        out.append("\nWhere the JVM's CPU went during the measured job (CPU seconds by kind of thread):\n\n");
        perMaster(out, reports, "| master | whole JVM | task threads | of which coding | JIT compilers (C2) | GC + VM thread "
                + "| Spark's other threads | ended threads | GC pauses s (count) | JIT in the last warm-up round, ms/article |",
                "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
                (r, m) -> String.format(Locale.ROOT, "| %s | %.1f | %.1f | %.1f | %.1f (%.1f) | %.1f | %.1f | %.1f | %.1f (%d) | %s |",
                        r.get("master"), d(m, "process_cpu_s"), d(m, "tasks_threads_cpu_s"), d(m, "coding_cpu_seconds"),
                        d(m, "jit_threads_cpu_s"), d(m, "c2_threads_cpu_s"), d(m, "gc_threads_cpu_s"),
                        d(m, "other_threads_cpu_s"), d(m, "ended_threads_cpu_s"), d(m, "gc_pause_s"), l(m, "gc_count"),
                        lastRoundJit(r)));

        out.append("\nWarm-up, round by round (coding CPU ms per article / JIT compiler CPU ms per article):\n\n");
        out.append("| round | articles so far |");
        reports.forEach(r -> out.append(' ').append(r.get("master")).append(" |"));
        out.append("\n|---:|---:|");
        reports.forEach(r -> out.append("---:|"));
        out.append('\n');
        int rounds = reports.stream().mapToInt(r -> ((List<?>) r.get("warmup_rounds")).size()).max().orElse(0);
        for (int i = 0; i < rounds; i++) {
            Object so = null;
            StringBuilder cells = new StringBuilder();
            for (Map<String, Object> r : reports) {
                List<?> w = (List<?>) r.get("warmup_rounds");
                if (i < w.size()) {
                    Map<String, Object> m = map(w.get(i));
                    so = m.get("articles_so_far");
                    f(cells, " %.1f / %.1f |", d(m, "coding_cpu_ms_per_article"), d(m, "jit_cpu_ms_per_article"));
                } else {
                    cells.append(" |");
                }
            }
            f(out, "| %d | %s |%s%n", i + 1, so, cells);
        }
        out.append("| measured | |");
        for (Map<String, Object> r : reports) {
            Map<String, Object> m = measured(r);
            f(out, " %.1f / %.1f |", d(m, "cpu_ms_per_article"), d(m, "jit_threads_cpu_s") * 1000 / d(m, "articles_coded"));
        }
        out.append("\n\n");

        if (reports.size() >= 2) {
            Map<String, Object> a = measured(reports.get(0));
            Map<String, Object> b = measured(reports.get(reports.size() - 1));
            String pair = reports.get(0).get("master") + " → " + reports.get(reports.size() - 1).get("master");
            f(out, "- Speed-up %s: **%.2f×** by the job's wall time, %.2f× by the coding stage's wall time.%n", pair,
                    speedUp(reports), d(a, "coding_stage_wall_s") / d(b, "coding_stage_wall_s"));
            int machine = Runtime.getRuntime().availableProcessors();
            f(out, "- CPU-time forecast of that speed-up on a quiet %d-core machine: %.2f× (each master's wall time taken "
                    + "as the larger of its task threads' CPU spread over its cores at the measured partition balance, "
                    + "and its whole JVM's CPU spread over the CPUs it may use).%n", machine,
                    forecast(reports.get(0), machine) / forecast(reports.get(reports.size() - 1), machine));
            boolean same = reports.stream().map(r -> measured(r).get("events_written")).distinct().count() == 1;
            f(out, "- Events written: %s.%n", same ? "the same number for every master (" + String.format(Locale.ROOT, "%,d",
                    l(a, "events_written")) + ")" : "**different** between masters — a bug");
        }
        Map<String, Object> last = measured(reports.get(reports.size() - 1));
        f(out, "- Articles per day per executor core, by CPU time (%s): **%,.0f** counting the coding threads only, "
                + "%,.0f counting the whole JVM (Spark, JIT, GC).%n", reports.get(reports.size() - 1).get("master"),
                86_400_000 / d(last, "cpu_ms_per_article"), 86_400_000 / d(last, "process_cpu_ms_per_article"));
        return out.toString();
    }

    /** The first master's measured wall time over the last one's: the speed-up of one repeat. */
    static double speedUp(List<Map<String, Object>> reports) {
        return d(measured(reports.get(0)), "wall_seconds") / d(measured(reports.get(reports.size() - 1)), "wall_seconds");
    }

    /** The repeat whose speed-up is the median (the lower of the two middle ones when the count is even). */
    static int medianRepeat(List<List<Map<String, Object>>> runs) {
        List<Integer> byRatio = IntStream.range(0, runs.size()).boxed()
                .sorted(Comparator.comparingDouble(k -> speedUp(runs.get(k)))).toList();
        return byRatio.get((runs.size() - 1) / 2);
    }

    /** Every repeat's wall times and speed-up, then their median, mean and range (the header is {@link #header}'s). */
    static String repeats(List<List<Map<String, Object>>> runs) {
        StringBuilder out = new StringBuilder();
        List<Map<String, Object>> first = runs.get(0);
        f(out, "%d repeats, each master in a fresh JVM every time; odd repeats ran the masters in the order given, even "
                + "ones in reverse.%n%n", runs.size());
        out.append("| repeat | first |");
        first.forEach(r -> f(out, " %s wall s | %s coding CPU ms/article |", r.get("master"), r.get("master")));
        out.append(" speed-up |\n|---:|---|");
        first.forEach(r -> out.append("---:|---:|"));
        out.append("---:|\n");
        double[] ratios = new double[runs.size()];
        for (int k = 0; k < runs.size(); k++) {
            List<Map<String, Object>> run = runs.get(k);
            ratios[k] = speedUp(run);
            f(out, "| %d | %s |", k + 1, run.get(k % 2 == 0 ? 0 : run.size() - 1).get("master"));
            for (Map<String, Object> r : run) {
                f(out, " %.1f | %.1f |", d(measured(r), "wall_seconds"), d(measured(r), "cpu_ms_per_article"));
            }
            f(out, " %.2f× |%n", ratios[k]);
        }
        double[] sorted = ratios.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        double median = n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
        f(out, "%n- Speed-up %s → %s over %d repeats: median **%.2f×**, mean %.2f×, range %.2f–%.2f×.%n",
                first.get(0).get("master"), first.get(first.size() - 1).get("master"), n, median,
                Arrays.stream(ratios).average().orElse(0), sorted[0], sorted[n - 1]);
        return out.toString();
    }

    /** A table with a row per master, each row made from the master's report and its measured job. */
    private static void perMaster(StringBuilder out, List<Map<String, Object>> reports, String header, String align,
                                  BiFunction<Map<String, Object>, Map<String, Object>, String> row) {
        out.append(header).append('\n').append(align).append('\n');
        for (Map<String, Object> r : reports) {
            out.append(row.apply(r, measured(r))).append('\n');
        }
    }

    /** Forecast wall seconds of one master's coding on a quiet machine (see the summary's wording). */
    static double forecast(Map<String, Object> r, int machineCores) {
        Map<String, Object> m = measured(r);
        int cores = (int) l(r, "cores");
        double balance = d(m, "partition_balance_fifo") > 0 ? d(m, "partition_balance_fifo") : 1;
        // Spark retires idle task threads, whose CPU then counts as ended: never take less than the coding itself
        double tasks = Math.max(d(m, "tasks_threads_cpu_s"), d(m, "coding_cpu_seconds"));
        int usable = cpus(r) > 0 ? (int) Math.min(cpus(r), machineCores) : machineCores;
        return Math.max(tasks / (cores * balance), d(m, "process_cpu_s") / usable);
    }

    /** The CPUs the master's JVM could use, 0 in reports written before the benchmark recorded them. */
    private static long cpus(Map<String, Object> r) {
        return r.get("cpus") instanceof Number n ? n.longValue() : 0;
    }

    private static String lastRoundJit(Map<String, Object> r) {
        List<?> w = (List<?>) r.get("warmup_rounds");
        return w.isEmpty() ? "—" : String.format(Locale.ROOT, "%.1f", d(map(w.get(w.size() - 1)), "jit_cpu_ms_per_article"));
    }

    private static Map<String, Object> measured(Map<String, Object> r) {
        return map(r.get("measured"));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object o) {
        return (Map<String, Object>) o;
    }

    private static double d(Map<String, Object> m, String k) {
        Object v = m.get(k);
        return v instanceof Number n ? n.doubleValue() : 0;
    }

    private static long l(Map<String, Object> m, String k) {
        Object v = m.get(k);
        return v instanceof Number n ? n.longValue() : 0;
    }

    private static double first(Map<String, Object> m, String k) {
        Object v = m.get(k);
        return v instanceof List<?> list && !list.isEmpty() && list.get(0) instanceof Number n ? n.doubleValue() : 0;
    }

    private static void f(StringBuilder out, String format, Object... args) {
        out.append(String.format(Locale.ROOT, format, args));
    }
}
