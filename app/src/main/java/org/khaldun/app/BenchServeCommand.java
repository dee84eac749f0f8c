package org.khaldun.app;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.khaldun.pipeline.Pipelines;
import org.khaldun.serve.RequestTimings;
import org.khaldun.serve.Workbench;
import org.khaldun.store.EventStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * HTTP latency of the workbench API under many concurrent clients, on loopback, against an existing store (build
 * one of ~1M events with {@code bench-store --db FILE}). Bounded in requests and in time; never a timed test.
 */
@Command(name = "bench-serve", mixinStandardHelpOptions = true,
        description = "Measure the workbench API: p50/p99 latency per query under concurrent HTTP clients on loopback.")
final class BenchServeCommand implements Callable<Integer> {

    @Option(names = "--db", paramLabel = "FILE", description = "An existing store (see bench-store --db); not with"
            + " --role client.")
    Path db;

    enum Role { BOTH, SERVER, CLIENT }

    @Option(names = "--role", defaultValue = "both", paramLabel = "both|server|client", converter = RoleConverter.class,
            description = "both (default): server and clients in this process; server: only serve --db on --port,"
            + " reading 'reset' (forget the server-side timings), 'report' (print them) or 'quit' from standard input;"
            + " client: only the clients, against --url (run server and clients in two processes, e.g. each pinned to"
            + " its own core with taskset).")
    Role role;

    @Option(names = "--url", paramLabel = "URL", description = "The server the clients ask (--role client), e.g."
            + " http://127.0.0.1:18080.")
    String url;

    @Option(names = "--port", defaultValue = "0", description = "Port of --role server (default: any free port).")
    int port;

    @Option(names = "--workers", paramLabel = "N", description = "Requests the server works on at once, the rest"
            + " queue first come first served (default 0, as serve: Jetty's pool of up to 250"
            + " threads); e.g. the cores + 2 for a bounded pool.")
    Integer workers;

    @Option(names = "--client", defaultValue = "socket", paramLabel = "socket|jdk", description = "How the clients"
            + " talk HTTP: socket (default): each client thread one kept-alive HTTP/1.1 connection on a plain socket,"
            + " a few microseconds of CPU per request; jdk: java.net.http.HttpClient shared by all clients (the"
            + " client before 2026-11-27 night, ~2.5 ms of CPU and a lot of garbage per request).")
    String client;

    static final class RoleConverter implements picocli.CommandLine.ITypeConverter<Role> {
        @Override
        public Role convert(String v) {
            return Role.valueOf(v.strip().toUpperCase(Locale.ROOT));
        }
    }

    @Option(names = "--clients", defaultValue = "200", description = "Concurrent HTTP clients (default: ${DEFAULT-VALUE}).")
    int clients;

    @Option(names = "--per-client", defaultValue = "20", description = "Requests per client (default: ${DEFAULT-VALUE}).")
    int perClient;

    @Option(names = "--max-seconds", defaultValue = "600", description = "Stop sending after this long (default: ${DEFAULT-VALUE}).")
    int maxSeconds;

    @Option(names = "--warmup", defaultValue = "200", description = "Requests before measuring (default: ${DEFAULT-VALUE}).")
    int warmup;

    @Option(names = "--think-ms", defaultValue = "0", description = "Mean pause of each client between its requests,"
            + " exponentially distributed, as an analyst reading the answer; 0: closed loop, the next request as soon"
            + " as the answer arrives (default: ${DEFAULT-VALUE}).")
    double thinkMs;

    @Option(names = "--kinds", split = ",", paramLabel = "KIND", description = "Only these kinds of request"
            + " (events_by_actor, …, event; default: all twelve).")
    List<String> kinds;

    @Option(names = "--trace", paramLabel = "FILE", description = "Also write every measured request as a line of"
            + " tab-separated values: its start (ms after the clock started), kind, latency (ms) and status; to see"
            + " whether slow answers come together (a stall) or spread out (queueing).")
    Path trace;

    @Option(names = "--no-cache", description = "Turn the server's read cache off: every request runs its query.")
    boolean noCache;

    enum Q { EVENTS_BY_ACTOR, EVENTS_BY_CAMEO_AND_DATES, EVENTS_BY_COUNTRY_AND_QUAD, EVENTS_BY_TEXT, EVENTS_PAGE_2,
        CLUSTERS_BY_ACTOR, DYAD_SERIES, AGGREGATE_YEAR, NETWORK_MONTH, GEO_BY_COUNTRY, ARTICLE, EVENT }

    private static final List<String> COUNTRIES = List.of("USA", "RUS", "CHN", "IRN", "IRQ", "SYR", "ISR", "PSE",
            "LBN", "TUR", "SAU", "EGY", "UKR", "GBR", "FRA", "AFG", "PAK", "IND", "NGA", "SDN");
    private static final List<String> WORDS = List.of("attack", "talks", "minister", "police", "election", "protest",
            "killed", "agreement", "troops", "president");

    @Override
    public Integer call() throws Exception {
        if (role == Role.CLIENT) {
            if (url == null) {
                System.err.println("khaldun: --role client needs --url");
                return Main.EXIT_USAGE;
            }
            System.out.print(clients(url.replaceAll("/+$", ""), null, null));
            return Main.EXIT_OK;
        }
        if (db == null || !Files.exists(db)) {
            System.err.println("khaldun: no store at " + db + " (build one with bench-store --db FILE)");
            return Main.EXIT_USAGE;
        }
        RequestTimings timings = new RequestTimings(1 << 20);
        try (EventStore store = EventStore.open(db);
             Workbench wb = new Workbench(store, Pipelines::defaultPipeline, Workbench.DEFAULT_MAX_BODY)
                     .withCacheBytes(noCache ? 0 : Workbench.DEFAULT_CACHE_BYTES).withTimings(timings)
                     .withWorkers(workers == null ? Workbench.DEFAULT_WORKERS : workers)
                     .start("127.0.0.1", role == Role.SERVER ? port : 0)) {
            if (role == Role.SERVER) {
                System.out.println("listening on http://127.0.0.1:" + wb.port());
                System.out.flush();
                java.io.BufferedReader in = new java.io.BufferedReader(new java.io.InputStreamReader(System.in,
                        java.nio.charset.StandardCharsets.UTF_8));
                long[] gc0 = gc();
                long cpu0 = processCpuNanos();
                for (String line; (line = in.readLine()) != null && !line.strip().equals("quit"); ) {
                    String[] cmd = line.strip().split("\\s+");
                    switch (cmd[0]) {
                        case "reset" -> {
                            timings.reset();
                            gc0 = gc();
                            cpu0 = processCpuNanos();
                        }
                        case "report" -> {
                            long[] gc1 = gc();
                            System.out.print(cmd.length > 1 ? timings.summary(Long.parseLong(cmd[1]))
                                    : timings.summary());
                            System.out.printf(Locale.ROOT, "server process CPU %.1f s; GC %d collections, %d ms%n",
                                    (processCpuNanos() - cpu0) / 1e9, gc1[0] - gc0[0], gc1[1] - gc0[1]);
                            System.out.flush();
                        }
                        default -> { }
                    }
                }
                return Main.EXIT_OK;
            }
            System.out.print(clients("http://127.0.0.1:" + wb.port(), wb, timings));
        }
        return Main.EXIT_OK;
    }

    /** Runs the warm-up and the clients against {@code base}; the server's figures too when it is in this process. */
    private String clients(String base, Workbench wb, RequestTimings timings) throws Exception {
        StringBuilder report = new StringBuilder();
        {
            HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(Duration.ofSeconds(10)).executor(Executors.newFixedThreadPool(4)).build();
            Map<String, Object> stats = org.khaldun.json.Json.parseObject(http.send(HttpRequest.newBuilder(
                    URI.create(base + "/api/stats")).build(), HttpResponse.BodyHandlers.ofString()).body());
            LocalDate first = stats.get("first_date") == null ? LocalDate.of(2020, 1, 1)
                    : LocalDate.parse((String) stats.get("first_date"));
            LocalDate last = stats.get("last_date") == null ? LocalDate.of(2025, 1, 1)
                    : LocalDate.parse((String) stats.get("last_date"));
            long articles = ((Number) stats.get("articles")).longValue();
            List<String> eventIds = new ArrayList<>();
            String page = http.send(HttpRequest.newBuilder(URI.create(base + "/api/events?limit=500")).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            for (Object o : (List<?>) org.khaldun.json.Json.parseObject(page).get("items")) {
                eventIds.add((String) ((Map<?, ?>) o).get("id"));
            }
            boolean jdk = "jdk".equals(client);
            URI origin = URI.create(base);
            Random wr = new Random(1);
            // the warm-up goes through the measured client, so its code is compiled too, not only the server's
            for (int i = 0; i < warmup; i++) {
                String url = base + path(Q.values()[i % Q.values().length], wr, first, last, articles, eventIds);
                int ignored = jdk ? get(http, url) : SocketClient.get(origin, url.substring(base.length()));
            }
            if (!jdk) {
                SocketClient.disconnect(); // the warm-up's connection is not one of the clients'
            }
            Map<Q, List<Long>> lat = new EnumMap<>(Q.class);
            for (Q q : Q.values()) {
                lat.put(q, Collections.synchronizedList(new ArrayList<>()));
            }
            AtomicLong errors = new AtomicLong();
            AtomicLong deadlineNanos = new AtomicLong(Long.MAX_VALUE);
            AtomicLong t0Nanos = new AtomicLong();
            List<String> traced = trace == null ? null : Collections.synchronizedList(new ArrayList<>());
            // 200 clients are 200 open connections: each opens its own (one request, timed on its own) before the
            // clock starts, so the measured requests are the steady state and connection set-up is reported apart
            ExecutorService pool = Executors.newFixedThreadPool(clients);
            List<Long> connecting = Collections.synchronizedList(new ArrayList<>());
            CountDownLatch connected = new CountDownLatch(clients);
            CountDownLatch start = new CountDownLatch(1);
            List<Future<?>> fs = new ArrayList<>();
            List<Random> streams = BenchClients.randomStreams(clients, 1000);
            for (int c = 0; c < clients; c++) {
                Random r = streams.get(c);
                fs.add(pool.submit(() -> {
                    try {
                        long c0 = System.nanoTime();
                        int status = jdk ? get(http, base + "/api/stats") : SocketClient.get(origin, "/api/stats");
                        if (status == 200) {
                            connecting.add(System.nanoTime() - c0);
                        } else {
                            errors.incrementAndGet();
                        }
                    } finally {
                        connected.countDown();
                    }
                    start.await();
                    List<Q> mix = kinds == null || kinds.isEmpty() ? List.of(Q.values())
                            : kinds.stream().map(k -> Q.valueOf(k.strip().toUpperCase(Locale.ROOT))).toList();
                    long deadline = deadlineNanos.get();
                    for (int i = 0; i < perClient && System.nanoTime() < deadline; i++) {
                        if (thinkMs > 0) {
                            Thread.sleep(BenchClients.thinkMillis(r, thinkMs));
                        }
                        Q q = mix.get(r.nextInt(mix.size()));
                        String url = base + path(q, r, first, last, articles, eventIds);
                        long q0 = System.nanoTime();
                        int status = jdk ? get(http, url) : SocketClient.get(origin, url.substring(base.length()));
                        long took = System.nanoTime() - q0;
                        if (traced != null) {
                            traced.add(String.format(Locale.ROOT, "%.1f\t%s\t%.2f\t%d",
                                    (q0 - t0Nanos.get()) / 1e6, q.name().toLowerCase(Locale.ROOT), took / 1e6, status));
                        }
                        if (status != 200) {
                            errors.incrementAndGet();
                        } else {
                            lat.get(q).add(took);
                        }
                    }
                    return null;
                }));
            }
            connected.await();
            double[] loadBefore = loadAverage();
            long[] cacheBefore = wb == null ? new long[2] : wb.cacheHitsAndMisses();
            if (timings != null) {
                timings.reset();
            }
            long[] gcBefore = gc();
            long cpuBefore = processCpuNanos();
            long startMs = System.currentTimeMillis();
            deadlineNanos.set(System.nanoTime() + maxSeconds * 1_000_000_000L);
            long t0 = System.nanoTime();
            t0Nanos.set(t0);
            start.countDown();
            for (Future<?> f : fs) {
                f.get();
            }
            double secs = (System.nanoTime() - t0) / 1e9;
            if (traced != null) {
                List<String> lines = new ArrayList<>(List.of("start_ms\tkind\tlatency_ms\tstatus"));
                lines.addAll(traced);
                Files.write(trace, lines);
            }
            pool.shutdown();
            double[] loadAfter = loadAverage();
            long cpu = processCpuNanos() - cpuBefore;
            long[] gcAfter = gc();
            long[] cacheAfter = wb == null ? new long[2] : wb.cacheHitsAndMisses();
            report.append(String.format(Locale.ROOT, "Store: %s articles, %s events, %s clusters (%s)%n",
                    stats.get("articles"), stats.get("events"), stats.get("clusters"), db == null ? base : db));
            report.append("\n| query | requests | p50 ms | p99 ms | max ms |\n|---|---|---|---|---|\n");
            List<Long> all = new ArrayList<>();
            for (Q q : Q.values()) {
                long[] s = lat.get(q).stream().mapToLong(Long::longValue).sorted().toArray();
                for (long v : s) {
                    all.add(v);
                }
                report.append(String.format(Locale.ROOT, "| %s | %d | %.1f | %.1f | %.1f |%n",
                        q.name().toLowerCase(Locale.ROOT), s.length, pct(s, 50), pct(s, 99),
                        s.length == 0 ? Double.NaN : s[s.length - 1] / 1e6));
            }
            long[] a = all.stream().mapToLong(Long::longValue).sorted().toArray();
            report.append(String.format(Locale.ROOT, "| **all** | %d | %.1f | %.1f | %.1f |%n", a.length, pct(a, 50),
                    pct(a, 99), a.length == 0 ? Double.NaN : a[a.length - 1] / 1e6));
            long[] conn = connecting.stream().mapToLong(Long::longValue).sorted().toArray();
            report.append(String.format(Locale.ROOT, "%nNot in the table: each client's first request (/api/stats), on"
                    + " the connection it then keeps, before the clock started: %d, p50 %.1f ms, p99 %.1f ms, max %.1f ms"
                    + " (%s)%n", conn.length, pct(conn, 50), pct(conn, 99),
                    conn.length == 0 ? Double.NaN : conn[conn.length - 1] / 1e6,
                    jdk ? "the shared java.net.http client's pool" : "a new TCP connection each"));
            report.append(String.format(Locale.ROOT, "%n%s, %d clients x up to %d requests in %.1f s = %.0f requests/s;"
                    + " %d non-200 answers; load average before %.1f, after %.1f (%d cores)%n",
                    thinkMs > 0 ? String.format(Locale.ROOT, "think time %.0f ms (exponential)", thinkMs)
                            : "closed loop", clients, perClient, secs, a.length / secs, errors.get(), loadBefore[0],
                    loadAfter[0], Runtime.getRuntime().availableProcessors()));
            long hits = cacheAfter[0] - cacheBefore[0];
            long misses = cacheAfter[1] - cacheBefore[1];
            report.append(String.format(Locale.ROOT, "process CPU %.1f s = %.2f ms per request (%s); read cache %s;"
                    + " GC in this process: %d collections, %d ms%n", cpu / 1e9,
                    a.length == 0 ? Double.NaN : cpu / 1e6 / a.length, wb == null ? "clients only" : "server and clients",
                    wb == null ? "in the server process" : noCache ? "off" : String.format(Locale.ROOT,
                            "%d hits, %d misses (%.0f%% hits)", hits, misses, 100.0 * hits / Math.max(1, hits + misses)),
                    gcAfter[0] - gcBefore[0], gcAfter[1] - gcBefore[1]));
            report.append(String.format(Locale.ROOT, "measured from epoch ms %d%n", startMs));
            if (timings != null) {
                report.append('\n').append(timings.summary());
            }
        }
        return report.toString();
    }

    /** Collections and milliseconds of GC of this process so far. */
    private static long[] gc() {
        long n = 0;
        long ms = 0;
        for (var b : java.lang.management.ManagementFactory.getGarbageCollectorMXBeans()) {
            n += Math.max(0, b.getCollectionCount());
            ms += Math.max(0, b.getCollectionTime());
        }
        return new long[] {n, ms};
    }

    private static int get(HttpClient http, String url) {
        try {
            return http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(120)).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (java.io.IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    private static String path(Q q, Random r, LocalDate first, LocalDate last, long articles, List<String> ids) {
        String c1 = COUNTRIES.get(r.nextInt(COUNTRIES.size()));
        String c2 = COUNTRIES.get(r.nextInt(COUNTRIES.size()));
        long span = Math.max(1, last.toEpochDay() - first.toEpochDay());
        LocalDate from = first.plusDays((long) (r.nextDouble() * span));
        String cameo = String.format(Locale.ROOT, "%02d", 1 + r.nextInt(20));
        return switch (q) {
            case EVENTS_BY_ACTOR -> "/api/events?limit=50&actor=" + c1;
            case EVENTS_BY_CAMEO_AND_DATES -> "/api/events?limit=50&cameo=" + cameo + "&from=" + from + "&to="
                    + from.plusDays(90);
            case EVENTS_BY_COUNTRY_AND_QUAD -> "/api/events?limit=50&country=" + c1 + "&quad_class=" + (1 + r.nextInt(4));
            case EVENTS_BY_TEXT -> "/api/events?limit=50&q=" + WORDS.get(r.nextInt(WORDS.size()));
            case EVENTS_PAGE_2 -> "/api/events?limit=50&offset=50&actor=" + c1 + "&recipient=" + c2;
            case CLUSTERS_BY_ACTOR -> "/api/clusters?limit=50&actor=" + c1;
            case DYAD_SERIES -> "/api/series?granularity=month&actor=" + c1 + "&recipient=" + c2;
            case AGGREGATE_YEAR -> "/api/aggregate?granularity=month&group_by=quad_class&from=" + from + "&to="
                    + from.plusDays(365);
            case NETWORK_MONTH -> "/api/network?limit=150&from=" + from + "&to=" + from.plusDays(30);
            case GEO_BY_COUNTRY -> "/api/geo/events?limit=500&country=" + c1 + "&from=" + from + "&to=" + from.plusDays(90);
            case ARTICLE -> "/api/articles/" + (long) (r.nextDouble() * articles) + "?annotations=false";
            case EVENT -> "/api/events/" + ids.get(r.nextInt(ids.size()));
        };
    }

    private static double pct(long[] sorted, int p) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int i = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, i))] / 1e6;
    }

    private static long processCpuNanos() {
        var os = java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        return os instanceof com.sun.management.OperatingSystemMXBean sun ? sun.getProcessCpuTime() : -1;
    }

    private static double[] loadAverage() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).split("\\s+");
            return new double[] {Double.parseDouble(f[0]), Double.parseDouble(f[1]), Double.parseDouble(f[2])};
        } catch (java.io.IOException | RuntimeException e) {
            return new double[] {Double.NaN, Double.NaN, Double.NaN};
        }
    }
}
