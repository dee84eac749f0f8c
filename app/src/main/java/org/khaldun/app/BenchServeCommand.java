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
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.khaldun.pipeline.Pipelines;
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

    @Option(names = "--db", paramLabel = "FILE", required = true, description = "An existing store (see bench-store --db).")
    Path db;

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
        if (!Files.exists(db)) {
            System.err.println("khaldun: no store at " + db + " (build one with bench-store --db " + db + ")");
            return Main.EXIT_USAGE;
        }
        StringBuilder report = new StringBuilder();
        try (EventStore store = EventStore.open(db);
             Workbench wb = new Workbench(store, Pipelines::defaultPipeline, Workbench.DEFAULT_MAX_BODY)
                     .withCacheBytes(noCache ? 0 : Workbench.DEFAULT_CACHE_BYTES).start("127.0.0.1", 0)) {
            var stats = store.stats();
            LocalDate first = stats.firstDate().orElse(LocalDate.of(2020, 1, 1));
            LocalDate last = stats.lastDate().orElse(LocalDate.of(2025, 1, 1));
            String base = "http://127.0.0.1:" + wb.port();
            List<String> eventIds = new ArrayList<>();
            HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(Duration.ofSeconds(10)).executor(Executors.newFixedThreadPool(4)).build();
            String page = http.send(HttpRequest.newBuilder(URI.create(base + "/api/events?limit=500")).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            for (Object o : (List<?>) org.khaldun.json.Json.parseObject(page).get("items")) {
                eventIds.add((String) ((Map<?, ?>) o).get("id"));
            }
            Random wr = new Random(1);
            for (int i = 0; i < warmup; i++) {
                get(http, base + path(Q.values()[i % Q.values().length], wr, first, last, stats.articles(), eventIds));
            }
            Map<Q, List<Long>> lat = new EnumMap<>(Q.class);
            for (Q q : Q.values()) {
                lat.put(q, Collections.synchronizedList(new ArrayList<>()));
            }
            AtomicLong errors = new AtomicLong();
            double[] loadBefore = loadAverage();
            long[] cacheBefore = wb.cacheHitsAndMisses();
            long cpuBefore = processCpuNanos();
            long deadline = System.nanoTime() + maxSeconds * 1_000_000_000L;
            ExecutorService pool = Executors.newFixedThreadPool(clients);
            long t0 = System.nanoTime();
            List<Future<?>> fs = new ArrayList<>();
            for (int c = 0; c < clients; c++) {
                int seed = c;
                fs.add(pool.submit(() -> {
                    Random r = new Random(1000 + seed);
                    List<Q> mix = kinds == null || kinds.isEmpty() ? List.of(Q.values())
                            : kinds.stream().map(k -> Q.valueOf(k.strip().toUpperCase(Locale.ROOT))).toList();
                    for (int i = 0; i < perClient && System.nanoTime() < deadline; i++) {
                        if (thinkMs > 0) {
                            // exponential: many short pauses, a few long ones, as analysts reading answers
                            Thread.sleep((long) (-thinkMs * Math.log(1 - r.nextDouble())));
                        }
                        Q q = mix.get(r.nextInt(mix.size()));
                        String url = base + path(q, r, first, last, stats.articles(), eventIds);
                        long q0 = System.nanoTime();
                        int status = get(http, url);
                        long took = System.nanoTime() - q0;
                        if (status != 200) {
                            errors.incrementAndGet();
                        } else {
                            lat.get(q).add(took);
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> f : fs) {
                f.get();
            }
            double secs = (System.nanoTime() - t0) / 1e9;
            pool.shutdown();
            double[] loadAfter = loadAverage();
            long cpu = processCpuNanos() - cpuBefore;
            long[] cacheAfter = wb.cacheHitsAndMisses();
            report.append(String.format(Locale.ROOT, "Store: %d articles, %d events, %d clusters (%s)%n",
                    stats.articles(), stats.events(), stats.clusters(), db));
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
            report.append(String.format(Locale.ROOT, "%n%s, %d clients x up to %d requests in %.1f s = %.0f requests/s;"
                    + " %d non-200 answers; load average before %.1f, after %.1f (%d cores)%n",
                    thinkMs > 0 ? String.format(Locale.ROOT, "think time %.0f ms (exponential)", thinkMs)
                            : "closed loop", clients, perClient, secs, a.length / secs, errors.get(), loadBefore[0],
                    loadAfter[0], Runtime.getRuntime().availableProcessors()));
            long hits = cacheAfter[0] - cacheBefore[0];
            long misses = cacheAfter[1] - cacheBefore[1];
            report.append(String.format(Locale.ROOT, "process CPU %.1f s = %.2f ms per request (server and clients);"
                    + " read cache %s%n", cpu / 1e9, a.length == 0 ? Double.NaN : cpu / 1e6 / a.length,
                    noCache ? "off" : String.format(Locale.ROOT, "%d hits, %d misses (%.0f%% hits)", hits, misses,
                            100.0 * hits / Math.max(1, hits + misses))));
        }
        System.out.print(report);
        return Main.EXIT_OK;
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
