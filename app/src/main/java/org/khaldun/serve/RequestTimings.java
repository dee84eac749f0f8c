package org.khaldun.serve;

import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.jetty.server.HttpChannel;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * Where the server's time per request goes, for benchmarks: how long the job that read the request waited in the
 * worker pool's queue, how long the request took from its first byte parsed to its answer written (split into the
 * handler, cache look-up and JSON included, and the rest: routing, headers and writing the body), so a client-side
 * latency can be told apart into server queueing, server work and what lies outside the server (client threads,
 * the OS scheduler, loopback).
 *
 * <p>Off unless the server was started with it ({@link Workbench#withTimings}); it keeps the first
 * {@code capacity} requests after each {@link #reset()}. Thread-safe.
 */
public final class RequestTimings implements HttpChannel.Listener {

    private static final String BEGIN = "khaldun.timing.begin";
    private static final String QUEUED = "khaldun.timing.queued";
    static final String HANDLER = "khaldun.timing.handler";
    static final String ALLOCATED = "khaldun.timing.allocated";
    static final String KIND = "khaldun.timing.kind";

    private static final com.sun.management.ThreadMXBean THREADS =
            java.lang.management.ManagementFactory.getThreadMXBean() instanceof com.sun.management.ThreadMXBean t
                    && t.isThreadAllocatedMemorySupported() ? t : null;

    /** Set on a worker thread while it runs a job: how long that job waited in the pool's queue. */
    private static final ThreadLocal<long[]> JOB_WAIT = ThreadLocal.withInitial(() -> new long[1]);

    private final long[] queued;
    private final long[] handler;
    private final long[] total;
    private final long[] startedMs;
    private final long[] allocated;
    private final String[] kind;
    private final AtomicInteger next = new AtomicInteger();

    public RequestTimings(int capacity) {
        queued = new long[capacity];
        handler = new long[capacity];
        total = new long[capacity];
        startedMs = new long[capacity];
        allocated = new long[capacity];
        kind = new String[capacity];
    }

    /** Bytes the current thread allocated so far (-1 when the JVM cannot tell). */
    static long allocatedBytes() {
        return THREADS == null ? -1 : THREADS.getCurrentThreadAllocatedBytes();
    }

    /** Forgets what was recorded (after a warm-up). */
    public void reset() {
        next.set(0);
    }

    @Override
    public void onRequestBegin(Request request) {
        request.setAttribute(BEGIN, System.nanoTime());
        request.setAttribute(QUEUED, JOB_WAIT.get()[0]);
    }

    @Override
    public void onComplete(Request request) {
        Object begin = request.getAttribute(BEGIN);
        Object h = request.getAttribute(HANDLER);
        if (!(begin instanceof Long b) || !(h instanceof Long hn)) {
            return; // not an API request, or the connection failed before the request was parsed
        }
        int i = next.getAndIncrement();
        if (i < total.length) {
            total[i] = System.nanoTime() - b;
            startedMs[i] = System.currentTimeMillis() - total[i] / 1_000_000;
            handler[i] = hn;
            queued[i] = request.getAttribute(QUEUED) instanceof Long q ? q : 0;
            allocated[i] = request.getAttribute(ALLOCATED) instanceof Long a ? a : -1;
            kind[i] = request.getAttribute(KIND) instanceof String k ? k : "?";
        }
    }

    /** Percentiles of what was recorded since the last reset, one line per measure, in milliseconds. */
    public String summary() {
        return summary(Long.MIN_VALUE);
    }

    /** As {@link #summary()}, of the requests that began at or after {@code sinceEpochMs} only. */
    public String summary(long sinceEpochMs) {
        int all = Math.min(next.get(), total.length);
        long[] q = new long[all];
        long[] h = new long[all];
        long[] t = new long[all];
        long[] rest = new long[all];
        java.util.Map<String, java.util.List<long[]>> byKind = new java.util.TreeMap<>();
        int n = 0;
        for (int i = 0; i < all; i++) {
            if (startedMs[i] >= sinceEpochMs) {
                byKind.computeIfAbsent(kind[i], k -> new java.util.ArrayList<>()).add(new long[] {handler[i],
                        allocated[i]});
                q[n] = queued[i];
                h[n] = handler[i];
                t[n] = total[i];
                rest[n++] = total[i] - handler[i];
            }
        }
        return String.format(Locale.ROOT, "server side, %d requests (ms):%n"
                        + "| measure | p50 | p90 | p99 | max |%n|---|---|---|---|---|%n%s%s%s%s", n,
                line("queued for a worker", Arrays.copyOf(q, n)), line("handler", Arrays.copyOf(h, n)),
                line("routing, headers, writing", Arrays.copyOf(rest, n)), line("first byte parsed to answer written",
                        Arrays.copyOf(t, n))) + perKind(byKind);
    }

    private static String perKind(java.util.Map<String, java.util.List<long[]>> byKind) {
        StringBuilder out = new StringBuilder(String.format(Locale.ROOT, "%nhandler by route (ms; KB allocated by the"
                + " handler's thread, mean):%n| route | requests | p50 | p99 | KB allocated |%n|---|---|---|---|---|%n"));
        byKind.forEach((k, rows) -> {
            long[] h = rows.stream().mapToLong(r -> r[0]).sorted().toArray();
            double kb = rows.stream().mapToLong(r -> r[1]).average().orElse(Double.NaN) / 1024;
            out.append(String.format(Locale.ROOT, "| %s | %d | %.2f | %.2f | %.0f |%n", k, h.length, pct(h, 50),
                    pct(h, 99), kb));
        });
        return out.toString();
    }

    private static String line(String what, long[] v) {
        Arrays.sort(v);
        return String.format(Locale.ROOT, "| %s | %.2f | %.2f | %.2f | %.2f |%n", what, pct(v, 50), pct(v, 90),
                pct(v, 99), v.length == 0 ? Double.NaN : v[v.length - 1] / 1e6);
    }

    static double pct(long[] sorted, int p) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int i = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, i))] / 1e6;
    }

    /**
     * Jetty's pool with a FIFO queue, each job stamped when queued so the request it reads knows how long it waited.
     * No reserved threads: every job goes through the queue, so a request's wait is measured, and the pool's size is
     * the number of requests worked on at once.
     */
    static QueuedThreadPool pool(int maxThreads, boolean stamped) {
        QueuedThreadPool p = new QueuedThreadPool(maxThreads, Math.min(8, maxThreads), 60_000) {
            @Override
            public void execute(Runnable job) {
                if (!stamped) {
                    super.execute(job);
                    return;
                }
                long at = System.nanoTime();
                super.execute(() -> {
                    long[] wait = JOB_WAIT.get();
                    wait[0] = System.nanoTime() - at;
                    try {
                        job.run();
                    } finally {
                        wait[0] = 0;
                    }
                });
            }
        };
        p.setReservedThreads(0);
        p.setName("khaldun-http");
        return p;
    }
}
