package org.khaldun.spark.bench;

import java.io.IOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Where this JVM's CPU went, by kind of thread: the JIT compilers (C1 and C2 apart), the garbage collector (and the VM thread that
 * runs its pauses), Spark's task threads, and everything else (driver, scheduler, RPC, block manager). Read from
 * {@code /proc/self/task/<tid>/stat} because HotSpot hides its compiler and GC threads from {@code ThreadMXBean};
 * where there is no {@code /proc}, only the totals the MXBeans give are known.
 *
 * <p>A thread that ends between two snapshots takes its CPU with it; {@link Delta#unattributedSeconds()} (process
 * CPU minus the threads seen) says how much that was.
 */
record JvmCpu(long processNanos, long compileMillis, long gcMillis, long gcCount, Map<Integer, ThreadTicks> threads,
              long codeCacheBytes) {

    /** Linux's USER_HZ: /proc reports thread CPU in these ticks on every architecture Java runs on. */
    private static final double TICK_SECONDS = 0.01;

    record ThreadTicks(String kind, long ticks) {
    }

    static JvmCpu now() {
        var os = ManagementFactory.getOperatingSystemMXBean();
        long process = os instanceof com.sun.management.OperatingSystemMXBean sun ? sun.getProcessCpuTime() : -1;
        var jit = ManagementFactory.getCompilationMXBean();
        long compile = jit != null && jit.isCompilationTimeMonitoringSupported() ? jit.getTotalCompilationTime() : -1;
        long gc = 0;
        long gcs = 0;
        for (GarbageCollectorMXBean b : ManagementFactory.getGarbageCollectorMXBeans()) {
            gc += Math.max(0, b.getCollectionTime());
            gcs += Math.max(0, b.getCollectionCount());
        }
        long code = 0;
        for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
            if (p.getType() == MemoryType.NON_HEAP && p.getName().startsWith("CodeHeap")) {
                code += p.getUsage().getUsed();
            }
        }
        return new JvmCpu(process, compile, gc, gcs, readThreads(), code);
    }

    /** The kind of a thread from the name Linux keeps for it (its first 15 characters). */
    static String kind(String comm) {
        if (comm.startsWith("C1 CompilerThre")) {
            return "c1";
        }
        if (comm.startsWith("C2 CompilerThre")) {
            return "c2";
        }
        if (comm.startsWith("GC Thread") || comm.startsWith("G1 ") || comm.equals("VM Thread")) {
            return "gc";
        }
        if (comm.startsWith("Executor task l")) {
            return "tasks";
        }
        return "other";
    }

    private static Map<Integer, ThreadTicks> readThreads() {
        Map<Integer, ThreadTicks> out = new HashMap<>();
        try (DirectoryStream<Path> tasks = Files.newDirectoryStream(Path.of("/proc/self/task"))) {
            for (Path t : tasks) {
                try {
                    String stat = Files.readString(t.resolve("stat"));
                    // "tid (comm) state ..."; comm may hold spaces and parentheses, so split after the last ')'
                    int open = stat.indexOf('(');
                    int close = stat.lastIndexOf(')');
                    String[] f = stat.substring(close + 2).split(" ");
                    // fields 14 and 15 of the line (utime, stime) are 11 and 12 after "state"
                    long ticks = Long.parseLong(f[11]) + Long.parseLong(f[12]);
                    out.put(Integer.parseInt(t.getFileName().toString()),
                            new ThreadTicks(kind(stat.substring(open + 1, close)), ticks));
                } catch (IOException | RuntimeException ended) {
                    // the thread ended while we looked
                }
            }
        } catch (IOException | RuntimeException noProc) {
            return Map.of();
        }
        return out;
    }

    /** CPU seconds by kind of thread between two snapshots, plus the MXBeans' own figures. */
    record Delta(double processSeconds, Map<String, Double> byKind, double compileSeconds, double gcPauseSeconds,
                 long gcCount, long codeCacheBytes) {

        /** CPU seconds of one kind of thread; {@code "jit"} is both compilers. */
        double kind(String k) {
            return k.equals("jit") ? kind("c1") + kind("c2") : byKind.getOrDefault(k, 0.0);
        }

        double unattributedSeconds() {
            return byKind.isEmpty() ? 0 : processSeconds - byKind.values().stream().mapToDouble(Double::doubleValue).sum();
        }

        Map<String, Object> json() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("process_cpu_s", r(processSeconds));
            for (String k : new String[] {"tasks", "jit", "c2", "gc", "other"}) {
                m.put(k + "_threads_cpu_s", r(kind(k)));
            }
            m.put("ended_threads_cpu_s", r(unattributedSeconds()));
            m.put("jit_compile_time_s", r(compileSeconds));
            m.put("gc_pause_s", r(gcPauseSeconds));
            m.put("gc_count", gcCount);
            m.put("code_cache_mib", codeCacheBytes >> 20);
            return m;
        }
    }

    Delta since(JvmCpu start) {
        Map<String, Double> byKind = new LinkedHashMap<>();
        if (!threads.isEmpty()) {
            for (String k : new String[] {"tasks", "c1", "c2", "gc", "other"}) {
                byKind.put(k, 0.0);
            }
            threads.forEach((tid, t) -> {
                ThreadTicks before = start.threads.get(tid);
                long ticks = t.ticks - (before == null ? 0 : before.ticks);
                byKind.merge(t.kind, ticks * TICK_SECONDS, Double::sum);
            });
        }
        return new Delta((processNanos - start.processNanos) / 1e9, byKind, (compileMillis - start.compileMillis) / 1e3,
                (gcMillis - start.gcMillis) / 1e3, gcCount - start.gcCount, codeCacheBytes);
    }

    static double r(double d) {
        return Math.round(d * 1000) / 1000.0;
    }
}
