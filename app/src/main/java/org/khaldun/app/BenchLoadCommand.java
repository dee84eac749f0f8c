package org.khaldun.app;

import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.khaldun.json.Json;
import org.khaldun.pipeline.Pipelines;
import org.khaldun.serve.Access;
import org.khaldun.serve.Workbench;
import org.khaldun.store.EventStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * A load test of the workbench on loopback: many concurrent clients mixing queries and article posts against a
 * server in this process (own store, token made for the run), bounded in time and in requests. It reports errors,
 * latency percentiles and the server's heap before and after. Never a unit test: its figures go to BENCHMARKS.md.
 */
@Command(name = "bench-load", mixinStandardHelpOptions = true,
        description = {"Load-test the workbench on loopback: N concurrent clients mixing queries and POSTed articles,"
                + " bounded by --seconds and --max-requests; prints errors, p50/p99 per kind and heap before/after."})
final class BenchLoadCommand implements Callable<Integer> {

    @Option(names = "--db", paramLabel = "FILE",
            description = "Store to serve (created if missing; posted articles are added to it). Default: a new"
                    + " temporary store, deleted afterwards.")
    Path db;

    @Option(names = "--clients", defaultValue = "200", description = "Concurrent clients. Default: ${DEFAULT-VALUE}.")
    int clients;

    @Option(names = "--seconds", defaultValue = "120", description = "Stop sending after this long. Default: ${DEFAULT-VALUE}.")
    int seconds;

    @Option(names = "--max-requests", defaultValue = "50000",
            description = "Stop after this many requests in all. Default: ${DEFAULT-VALUE}.")
    int maxRequests;

    @Option(names = "--post-percent", defaultValue = "5",
            description = "Share of requests that POST a new article (coded on the server). Default: ${DEFAULT-VALUE}.")
    int postPercent;

    @Option(names = "--workers", paramLabel = "N", description = "Requests the server works on at once, the rest"
            + " queue first come first served (default 0, as serve: Jetty's pool of up to 250 threads).")
    int workers;

    private static final List<String> ACTORS = List.of("ARM", "AZE", "USA", "RUS", "IRN", "IRQ", "ISR", "UKR", "FRA", "CHE");
    private static final List<String> WORDS = List.of("talks", "border", "attack", "minister", "police", "treaty");

    @Override
    public Integer call() throws Exception {
        if (clients < 1 || seconds < 1 || maxRequests < 1 || postPercent < 0 || postPercent > 100 || workers < 0) {
            System.err.println("khaldun: --clients, --seconds, --max-requests must be positive, --post-percent 0..100,"
                    + " --workers >= 0");
            return Main.EXIT_USAGE;
        }
        Path tmp = null;
        Path file = db;
        if (file == null) {
            tmp = Files.createTempDirectory("khaldun-bench-load");
            file = tmp.resolve("load.duckdb");
        }
        List<Map<String, Object>> templates = new ArrayList<>();
        try (InputStream in = DemoCommand.class.getResourceAsStream(DemoCommand.ARTICLES)) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (!line.isBlank()) {
                    templates.add(Json.parseObject(line));
                }
            }
        }
        String token = Access.randomToken();
        StringBuilder report = new StringBuilder();
        try (EventStore store = EventStore.open(file);
             Workbench wb = new Workbench(store, Pipelines::defaultPipeline, Workbench.DEFAULT_MAX_BODY,
                     Access.withToken(token, false)).withWorkers(workers).start("127.0.0.1", 0)) {
            String base = "http://127.0.0.1:" + wb.port();
            ExecutorService io = Executors.newFixedThreadPool(8);
            HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(Duration.ofSeconds(10)).executor(io).build();
            AtomicLong postSeq = new AtomicLong(System.currentTimeMillis());
            // warm-up: the models load, some articles exist to query
            List<Long> seqs = new ArrayList<>();
            for (int i = 0; i < templates.size(); i++) {
                HttpResponse<String> r = send(http, post(base, token, article(templates.get(i), postSeq.incrementAndGet())));
                if (r != null && r.statusCode() / 100 == 2) {
                    for (Object o : (List<?>) Json.parseObject(r.body()).get("results")) {
                        seqs.add(((Number) ((Map<?, ?>) o).get("article_seq")).longValue());
                    }
                }
            }
            if (seqs.isEmpty()) {
                System.err.println("khaldun: the warm-up posts stored nothing; is the store writable?");
                return Main.EXIT_FAILURE;
            }
            articleSeqs = List.copyOf(seqs);
            for (Kind k : Kind.values()) {
                if (k != Kind.POST) {
                    send(http, get(base, path(k, new Random(k.ordinal()))));
                }
            }
            long heapBefore = usedHeapAfterGc();
            long articlesBefore = store.stats().articles();
            double loadBefore = loadAverage();
            Map<Kind, List<Long>> lat = new LinkedHashMap<>();
            Map<Kind, AtomicInteger> errors = new LinkedHashMap<>();
            for (Kind k : Kind.values()) {
                lat.put(k, Collections.synchronizedList(new ArrayList<>()));
                errors.put(k, new AtomicInteger());
            }
            List<String> errorSamples = Collections.synchronizedList(new ArrayList<>());
            AtomicInteger sent = new AtomicInteger();
            AtomicInteger busy = new AtomicInteger();
            AtomicLong peakHeap = new AtomicLong(heapBefore);
            long t0 = System.nanoTime();
            long deadline = t0 + TimeUnit.SECONDS.toNanos(seconds);
            Thread sampler = new Thread(() -> {
                while (!Thread.currentThread().isInterrupted()) {
                    Runtime rt = Runtime.getRuntime();
                    peakHeap.accumulateAndGet(rt.totalMemory() - rt.freeMemory(), Math::max);
                    try {
                        Thread.sleep(250);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }, "khaldun-heap-sampler");
            sampler.setDaemon(true);
            sampler.start();
            ExecutorService pool = Executors.newFixedThreadPool(clients);
            List<Future<?>> fs = new ArrayList<>();
            for (int c = 0; c < clients; c++) {
                int seed = c;
                fs.add(pool.submit(() -> {
                    Random r = new Random(7919L * seed);
                    while (System.nanoTime() < deadline && sent.incrementAndGet() <= maxRequests) {
                        Kind k = r.nextInt(100) < postPercent ? Kind.POST
                                : Kind.values()[1 + r.nextInt(Kind.values().length - 1)];
                        HttpRequest req = k == Kind.POST
                                ? post(base, token, article(templates.get(r.nextInt(templates.size())),
                                postSeq.incrementAndGet()))
                                : get(base, path(k, r));
                        long q0 = System.nanoTime();
                        HttpResponse<String> res = send(http, req);
                        long took = System.nanoTime() - q0;
                        int status = res == null ? -1 : res.statusCode();
                        if (status == 200 || status == 201) {
                            lat.get(k).add(took);
                        } else {
                            errors.get(k).incrementAndGet();
                            if (status == 503) {
                                busy.incrementAndGet();
                            }
                            if (errorSamples.size() < 5) {
                                errorSamples.add(k + " " + status + " " + (res == null ? "no answer" : res.body()));
                            }
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
            sampler.interrupt();
            double loadAfter = loadAverage();
            long heapAfter = usedHeapAfterGc();
            long stored = store.stats().articles() - articlesBefore;
            report.append(String.format(Locale.ROOT, "bench-load: %d clients for %.1f s (bound %d s, %d requests),"
                    + " %d%% posts, %d cores, load average %.1f before, %.1f after%n", clients, secs, seconds,
                    maxRequests, postPercent, Runtime.getRuntime().availableProcessors(), loadBefore, loadAfter));
            report.append("\n| request | ok | errors | p50 ms | p99 ms | max ms |\n|---|---|---|---|---|---|\n");
            long total = 0;
            long totalErrors = 0;
            List<Long> all = new ArrayList<>();
            for (Kind k : Kind.values()) {
                long[] s = lat.get(k).stream().mapToLong(Long::longValue).sorted().toArray();
                total += s.length;
                totalErrors += errors.get(k).get();
                if (k != Kind.POST) {
                    for (long v : s) {
                        all.add(v);
                    }
                }
                report.append(row(k.name().toLowerCase(Locale.ROOT), s, errors.get(k).get()));
            }
            long[] q = all.stream().mapToLong(Long::longValue).sorted().toArray();
            report.append(row("**all queries**", q, totalErrors - errors.get(Kind.POST).get()));
            report.append(String.format(Locale.ROOT, "%n%d answers in %.1f s = %.0f requests/s; %d errors (%d of them"
                    + " 503 busy: posts told to retry); %d articles stored by POST during the run%n", total + totalErrors,
                    secs, (total + totalErrors) / secs, totalErrors, busy.get(), stored));
            report.append(String.format(Locale.ROOT, "heap used after GC: %.0f MB before, %.0f MB after (peak sampled"
                    + " %.0f MB, max %.0f MB)%n", heapBefore / 1e6, heapAfter / 1e6, peakHeap.get() / 1e6,
                    Runtime.getRuntime().maxMemory() / 1e6));
            errorSamples.forEach(e -> report.append("error sample: ").append(e, 0, Math.min(300, e.length())).append('\n'));
            io.shutdown();
        } finally {
            if (tmp != null) {
                try (var s = Files.walk(tmp)) {
                    s.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
                }
            }
        }
        System.out.print(report);
        return Main.EXIT_OK;
    }

    enum Kind { POST, EVENTS_BY_ACTOR, EVENTS_BY_TEXT, CLUSTERS, SERIES, AGGREGATE, NETWORK, STATS, ARTICLE_SEARCH,
        ARTICLE }

    /** Articles the warm-up stored, for the article view requests. */
    private List<Long> articleSeqs = List.of();

    private String path(Kind k, Random r) {
        String a = ACTORS.get(r.nextInt(ACTORS.size()));
        String b = ACTORS.get(r.nextInt(ACTORS.size()));
        return switch (k) {
            case EVENTS_BY_ACTOR -> "/api/events?limit=50&actor=" + a;
            case EVENTS_BY_TEXT -> "/api/events?limit=50&q=" + WORDS.get(r.nextInt(WORDS.size()));
            case CLUSTERS -> "/api/clusters?limit=50&country=" + a;
            case SERIES -> "/api/series?granularity=week&actor=" + a + "&recipient=" + b;
            case AGGREGATE -> "/api/aggregate?granularity=month&group_by=quad_class";
            case NETWORK -> "/api/network?limit=150";
            case STATS -> "/api/stats";
            case ARTICLE_SEARCH -> "/api/articles?limit=20&q=" + WORDS.get(r.nextInt(WORDS.size()));
            case ARTICLE -> "/api/articles/" + articleSeqs.get(r.nextInt(articleSeqs.size())) + "?annotations=false";
            case POST -> throw new IllegalArgumentException();
        };
    }

    /** A demo article under a new id and URL, so every post is stored (and coded) as a new article. */
    private static String article(Map<String, Object> template, long n) {
        Map<String, Object> a = new LinkedHashMap<>(template);
        a.put("id", "load-" + n);
        a.put("url", "https://load.example/" + n);
        return Json.write(a);
    }

    private static HttpRequest get(String base, String path) {
        return HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(120)).GET().build();
    }

    private static HttpRequest post(String base, String token, String body) {
        return HttpRequest.newBuilder(URI.create(base + "/api/articles")).timeout(Duration.ofSeconds(120))
                .header("Content-Type", "application/json").header("Authorization", "Bearer " + token)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }

    private static HttpResponse<String> send(HttpClient http, HttpRequest req) {
        try {
            return http.send(req, HttpResponse.BodyHandlers.ofString());
        } catch (java.io.IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    private static String row(String name, long[] s, long errors) {
        return String.format(Locale.ROOT, "| %s | %d | %d | %.1f | %.1f | %.1f |%n", name, s.length, errors,
                pct(s, 50), pct(s, 99), s.length == 0 ? Double.NaN : s[s.length - 1] / 1e6);
    }

    private static double pct(long[] sorted, int p) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int i = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, i))] / 1e6;
    }

    private static long usedHeapAfterGc() {
        Runtime rt = Runtime.getRuntime();
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return rt.totalMemory() - rt.freeMemory();
    }

    private static double loadAverage() {
        try {
            return Double.parseDouble(Files.readString(Path.of("/proc/loadavg")).split("\\s+")[0]);
        } catch (java.io.IOException | RuntimeException e) {
            return Double.NaN;
        }
    }
}
