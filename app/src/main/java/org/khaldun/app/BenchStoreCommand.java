package org.khaldun.app;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.khaldun.actor.Actor;
import org.khaldun.bench.BenchCorpus;
import org.khaldun.article.Article;
import org.khaldun.article.ReadResult;
import org.khaldun.event.Event;
import org.khaldun.pipeline.CodedArticle;
import org.khaldun.pipeline.Pipelines;
import org.khaldun.store.AggregateRequest;
import org.khaldun.store.EventQuery;
import org.khaldun.store.EventStore;
import org.khaldun.store.Granularity;
import org.khaldun.store.IngestItem;
import org.khaldun.store.PageRequest;
import org.khaldun.time.EventDate;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Store benchmark: ingest rate with the store on, bulk write rate, and query latency on a store of about a million
 * events, single-threaded and with many concurrent in-process clients.
 *
 * <p>The million events are synthetic but realistic: real articles are coded by the real pipeline, then replayed
 * many times with every date shifted by a random number of days (over five years) and the country part of every
 * actor code permuted (a random rotation of 60 countries per replay), under new article ids and URLs. Text,
 * sentences, event types, CAMEO codes and their mix are the coder's own.
 */
@Command(name = "bench-store", mixinStandardHelpOptions = true,
        description = "Measure the event store: ingest rate, bulk write rate, query latency p50/p99 on ~1M events.")
final class BenchStoreCommand implements Callable<Integer> {

    @Option(names = "--db", paramLabel = "FILE", description = "Store to build (default: a temporary file, deleted after).")
    Path db;

    @Option(names = "--corpora", paramLabel = "DIR", description = "Corpora folder (default: ../shared/data/corpora).")
    Path corpora;

    @Option(names = "--articles", defaultValue = "100", description = "Real articles to code (default: ${DEFAULT-VALUE}).")
    int articles;

    @Option(names = "--events", defaultValue = "1000000", description = "Events in the store (default: ${DEFAULT-VALUE}).")
    long events;

    @Option(names = "--queries", defaultValue = "50", description = "Queries per type, single-threaded (default: ${DEFAULT-VALUE}).")
    int queries;

    @Option(names = "--clients", defaultValue = "200", description = "Concurrent client threads (default: ${DEFAULT-VALUE}).")
    int clients;

    @Option(names = "--per-client", defaultValue = "10", description = "Queries per client (default: ${DEFAULT-VALUE}).")
    int perClient;

    @Option(names = "--threads", description = "Coding threads (default: all cores).")
    Integer threads;

    enum Q { EVENTS_BY_ACTOR, EVENTS_BY_CAMEO_AND_DATES, EVENTS_BY_COUNTRY_AND_QUAD, EVENTS_BY_TEXT, CLUSTERS_BY_ACTOR,
        DYAD_SERIES, AGGREGATE_YEAR, ARTICLE_WITH_EVENTS, COUNT_ACTOR_CAMEO }

    private static final List<String> COUNTRIES = List.of("USA", "RUS", "CHN", "IRN", "IRQ", "SYR", "ISR", "PSE", "LBN",
            "TUR", "SAU", "EGY", "JOR", "YEM", "AFG", "PAK", "IND", "GBR", "FRA", "DEU", "UKR", "BLR", "POL", "JPN",
            "PRK", "KOR", "TWN", "VNM", "PHL", "IDN", "MMR", "THA", "NGA", "ETH", "SDN", "SSD", "SOM", "KEN", "COD",
            "MLI", "LBY", "TUN", "DZA", "MAR", "VEN", "COL", "MEX", "BRA", "ARG", "CUB", "HTI", "SRB", "BIH", "ARM",
            "AZE", "GEO", "KAZ", "QAT", "ARE", "KWT");
    private static final List<String> WORDS = List.of("attack", "talks", "minister", "police", "election", "protest",
            "killed", "agreement", "troops", "president", "sanctions", "ceasefire", "\"prime minister\"", "oil",
            "court");

    @Override
    public Integer call() throws Exception {
        int t = threads != null ? threads : Runtime.getRuntime().availableProcessors();
        Path file = db != null ? db : Files.createTempDirectory("khaldun-bench-store").resolve("bench.duckdb");
        Files.deleteIfExists(file);
        Path dir = corpora != null ? corpora : SharedData.data("corpora");
        System.err.println("khaldun bench-store: loading models and " + articles + " articles...");
        List<Article> seed = BenchCorpus.load(dir, articles);
        var pipeline = Pipelines.defaultPipeline();
        pipeline.code(seed.get(0)); // models load outside the measurement

        StringBuilder report = new StringBuilder();
        try (EventStore store = EventStore.open(file)) {
            // 1. real ingest: read articles, code them on all threads, store in batches of 64
            List<CodedArticle> coded = new ArrayList<>();
            long t0 = System.nanoTime();
            List<IngestItem> pending = new ArrayList<>();
            Iterator<ReadResult> in = seed.stream().<ReadResult>map(a -> new ReadResult.Ok(a.id(), a)).iterator();
            long[] storeNanos = {0};
            new ParallelCoder(pipeline, t).run(in, o -> {
                if (o instanceof ParallelCoder.Coded c) {
                    coded.add(c.article());
                    pending.add(new IngestItem(c.record(), c.article()));
                    if (pending.size() >= 64) {
                        long s0 = System.nanoTime();
                        store.ingest(pending);
                        storeNanos[0] += System.nanoTime() - s0;
                        pending.clear();
                    }
                }
            });
            long s0 = System.nanoTime();
            store.ingest(pending);
            storeNanos[0] += System.nanoTime() - s0;
            double realSecs = (System.nanoTime() - t0) / 1e9;
            long realEvents = coded.stream().mapToLong(c -> c.events().size()).sum();
            report.append(String.format(Locale.ROOT, "Ingest (read + code on %d threads + store, batches of 64): %d"
                    + " articles, %d events in %.1f s = %.1f articles/s; store share %.1f%% (%.1f ms per batch"
                    + " of 64)%n", t, seed.size(), realEvents, realSecs, seed.size() / realSecs,
                    100.0 * storeNanos[0] / 1e9 / realSecs, storeNanos[0] / 1e6 / Math.max(1, (seed.size() + 63) / 64)));
            System.err.print(report);

            // 2. bulk: replay the coded articles until the store holds the requested number of events
            List<CodedArticle> withEvents = coded.stream().filter(c -> !c.events().isEmpty()).toList();
            if (withEvents.isEmpty()) {
                System.err.println("khaldun bench-store: the seed articles hold no events");
                return Main.EXIT_FAILURE;
            }
            Random rnd = new Random(42);
            long have = store.stats().events();
            long w0 = System.nanoTime();
            long written = 0;
            long writtenArticles = 0;
            int replica = 0;
            List<IngestItem> batch = new ArrayList<>();
            while (have + written < events) {
                replica++;
                int shift = rnd.nextInt(5 * 365) - 4 * 365;
                int rotate = rnd.nextInt(COUNTRIES.size());
                for (CodedArticle c : withEvents) {
                    CodedArticle r = replay(c, replica, shift, rotate);
                    batch.add(new IngestItem("bench:" + replica + ":" + c.article().id(), r));
                    written += r.events().size();
                    writtenArticles++;
                    if (batch.size() >= 2000) {
                        store.ingest(batch);
                        batch.clear();
                        System.err.printf("\rkhaldun bench-store: %d events stored ", have + written);
                    }
                    if (have + written >= events) {
                        break;
                    }
                }
            }
            store.ingest(batch);
            store.checkpoint();
            double bulkSecs = (System.nanoTime() - w0) / 1e9;
            System.err.println();
            var stats = store.stats();
            report.append(String.format(Locale.ROOT, "Bulk store (replayed coded articles, batches of 2000): %d"
                    + " articles, %d events in %.1f s = %.0f events/s, %.0f articles/s%n", writtenArticles, written,
                    bulkSecs, written / bulkSecs, writtenArticles / bulkSecs));
            report.append(String.format(Locale.ROOT, "Store: %d articles, %d sentences, %d events, %d clusters;"
                    + " file %.0f MB, text index %.0f MB%n", stats.articles(), stats.sentences(), stats.events(),
                    stats.clusters(), Files.size(file) / 1e6, dirSize(EventStore.textIndexPath(file)) / 1e6));
            System.err.print(report);

            // 3. queries
            LocalDate first = stats.firstDate().orElse(LocalDate.of(2020, 1, 1));
            LocalDate last = stats.lastDate().orElse(LocalDate.of(2025, 1, 1));
            for (int i = 0; i < 20; i++) { // warm-up
                run(store, Q.values()[i % Q.values().length], new Random(i), first, last, stats.articles());
            }
            Map<Q, long[]> single = new EnumMap<>(Q.class);
            Random qr = new Random(7);
            for (Q q : Q.values()) {
                long[] lat = new long[queries];
                for (int i = 0; i < queries; i++) {
                    long q0 = System.nanoTime();
                    run(store, q, qr, first, last, stats.articles());
                    lat[i] = System.nanoTime() - q0;
                }
                single.put(q, lat);
            }
            Map<Q, List<Long>> conc = new EnumMap<>(Q.class);
            for (Q q : Q.values()) {
                conc.put(q, Collections.synchronizedList(new ArrayList<>()));
            }
            ExecutorService pool = Executors.newFixedThreadPool(clients);
            long c0 = System.nanoTime();
            List<Future<?>> fs = new ArrayList<>();
            List<Random> streams = BenchClients.randomStreams(clients, 1000);
            for (int c = 0; c < clients; c++) {
                Random r = streams.get(c);
                fs.add(pool.submit(() -> {
                    for (int i = 0; i < perClient; i++) {
                        Q q = Q.values()[r.nextInt(Q.values().length)];
                        long q0 = System.nanoTime();
                        run(store, q, r, first, last, stats.articles());
                        conc.get(q).add(System.nanoTime() - q0);
                    }
                    return null;
                }));
            }
            for (Future<?> f : fs) {
                f.get();
            }
            double concSecs = (System.nanoTime() - c0) / 1e9;
            pool.shutdown();

            report.append("\n| query | single p50 ms | single p99 ms | ").append(clients)
                    .append(" clients p50 ms | ").append(clients).append(" clients p99 ms |\n|---|---|---|---|---|\n");
            List<Long> allConc = new ArrayList<>();
            List<Long> allSingle = new ArrayList<>();
            for (Q q : Q.values()) {
                long[] s = single.get(q).clone();
                Arrays.sort(s);
                long[] c = conc.get(q).stream().mapToLong(Long::longValue).sorted().toArray();
                for (long v : s) {
                    allSingle.add(v);
                }
                for (long v : c) {
                    allConc.add(v);
                }
                report.append(String.format(Locale.ROOT, "| %s | %.1f | %.1f | %.1f | %.1f |%n",
                        q.name().toLowerCase(Locale.ROOT), pct(s, 50), pct(s, 99), pct(c, 50), pct(c, 99)));
            }
            long[] as = allSingle.stream().mapToLong(Long::longValue).sorted().toArray();
            long[] ac = allConc.stream().mapToLong(Long::longValue).sorted().toArray();
            report.append(String.format(Locale.ROOT, "| **all** | %.1f | %.1f | %.1f | %.1f |%n", pct(as, 50),
                    pct(as, 99), pct(ac, 50), pct(ac, 99)));
            report.append(String.format(Locale.ROOT, "%nConcurrent: %d clients x %d queries in %.1f s = %.0f"
                    + " queries/s%n", clients, perClient, concSecs, clients * perClient / concSecs));
        } finally {
            if (db == null) {
                deleteTree(file.getParent());
            }
        }
        System.out.print(report);
        return Main.EXIT_OK;
    }

    private static void run(EventStore store, Q q, Random r, LocalDate first, LocalDate last, long articles) {
        String c1 = COUNTRIES.get(r.nextInt(COUNTRIES.size()));
        String c2 = COUNTRIES.get(r.nextInt(COUNTRIES.size()));
        long span = Math.max(1, last.toEpochDay() - first.toEpochDay());
        LocalDate from = first.plusDays((long) (r.nextDouble() * span));
        PageRequest page = PageRequest.first(50);
        switch (q) {
            case EVENTS_BY_ACTOR -> store.events(EventQuery.ALL.withActor(c1), page);
            case EVENTS_BY_CAMEO_AND_DATES -> store.events(EventQuery.ALL.withCameo(String.format("%02d", 1 + r.nextInt(20)))
                    .withDates(from, from.plusDays(90)), page);
            case EVENTS_BY_COUNTRY_AND_QUAD -> store.events(EventQuery.ALL.withCountry(c1).withQuadClass(1 + r.nextInt(4)),
                    page);
            case EVENTS_BY_TEXT -> store.events(EventQuery.ALL.withText(WORDS.get(r.nextInt(WORDS.size()))), page);
            case CLUSTERS_BY_ACTOR -> store.clusters(EventQuery.ALL.withActor(c1), page);
            case DYAD_SERIES -> store.dyadSeries(c1, c2, Granularity.MONTH, EventQuery.ALL);
            case AGGREGATE_YEAR -> store.aggregate(new AggregateRequest(EventQuery.ALL.withDates(from, from.plusDays(365)),
                    Granularity.MONTH, AggregateRequest.GroupBy.QUAD_CLASS, AggregateRequest.Dyad.COUNTRY, false));
            case ARTICLE_WITH_EVENTS -> store.article((long) (r.nextDouble() * articles));
            case COUNT_ACTOR_CAMEO -> store.countEvents(EventQuery.ALL.withActor(c1)
                    .withCameo(String.format("%02d", 1 + r.nextInt(20))));
        }
    }

    private static double pct(long[] sorted, int p) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int i = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, i))] / 1e6;
    }

    /** The article again, as if another outlet had reported other countries on other days. */
    static CodedArticle replay(CodedArticle c, int replica, int shiftDays, int rotate) {
        Article a = c.article();
        Article na = new Article("syn" + replica + "-" + a.id(), "https://bench.example/" + replica + "/" + a.id(),
                a.title(), a.text(), a.published().map(d -> d.plusDays(shiftDays)), "bench-" + (replica % 50),
                a.debris());
        List<Event> events = new ArrayList<>(c.events().size());
        for (Event e : c.events()) {
            EventDate d = e.date();
            LocalDate nd = d.date() == null ? null : d.date().plusDays(shiftDays);
            EventDate date = new EventDate(nd, nd == null ? d.value() : nd.toString(), d.precision(), d.modifier(),
                    d.text(), d.fromPublication());
            events.add(new Event(e.id() + "-" + replica, na.id(), date, rotate(e.actor(), rotate),
                    rotate(e.recipient(), rotate), e.eventType(), e.mode(), e.context(), e.cameo(), e.textInfo(),
                    e.modality(), e.explanation(), e.codebook()));
        }
        return new CodedArticle(na, c.sentences(), c.actors(), c.times(), c.attributions(), c.places(), events,
                c.stageTimes());
    }

    private static List<Actor> rotate(List<Actor> actors, int rotate) {
        List<Actor> out = new ArrayList<>(actors.size());
        for (Actor a : actors) {
            int i = COUNTRIES.indexOf(a.country());
            if (i < 0 || a.country().isEmpty()) {
                out.add(a);
                continue;
            }
            String nc = COUNTRIES.get((i + rotate) % COUNTRIES.size());
            out.add(new Actor(a.text(), nc + a.code().substring(a.country().length()), nc, a.sector(), a.start(), a.end()));
        }
        return out;
    }

    private static long dirSize(Path p) throws java.io.IOException {
        if (!Files.exists(p)) {
            return 0;
        }
        try (var s = Files.walk(p)) {
            return s.filter(Files::isRegularFile).mapToLong(f -> f.toFile().length()).sum();
        }
    }

    private static void deleteTree(Path p) throws java.io.IOException {
        if (p == null || !Files.exists(p)) {
            return;
        }
        try (var s = Files.walk(p)) {
            s.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        }
    }
}
