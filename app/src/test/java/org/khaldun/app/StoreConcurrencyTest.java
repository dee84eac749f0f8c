package org.khaldun.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.khaldun.pipeline.CodedArticle;
import org.khaldun.store.EventQuery;
import org.khaldun.store.EventStore;
import org.khaldun.store.IngestItem;
import org.khaldun.store.IngestOutcome;
import org.khaldun.store.PageRequest;
import org.khaldun.store.StoreFixtures;

/** Two ingests and a crowd of analysts' queries on one store at once: every answer sane, nothing lost. */
class StoreConcurrencyTest {

    @TempDir
    Path dir;

    @Test
    void concurrentIngestsAndQueriesNeitherCorruptNorBlockEachOther() throws Exception {
        List<CodedArticle> base = StoreFixtures.ALL.stream().map(StoreFixtures::coded).toList();
        int batchesPerWriter = 8;
        int perBatch = base.size() * 2;
        try (EventStore store = EventStore.open(dir.resolve("k.duckdb"))) {
            AtomicBoolean writing = new AtomicBoolean(true);
            AtomicLong storedEvents = new AtomicLong();
            AtomicInteger storedArticles = new AtomicInteger();
            AtomicInteger queriesDuringWrites = new AtomicInteger();
            ConcurrentLinkedQueue<Throwable> failures = new ConcurrentLinkedQueue<>();
            ExecutorService pool = Executors.newFixedThreadPool(8);
            CountDownLatch go = new CountDownLatch(1);
            List<Future<?>> writers = new ArrayList<>();
            for (int w = 0; w < 2; w++) {
                int writer = w;
                writers.add(pool.submit(() -> {
                    go.await();
                    for (int b = 0; b < batchesPerWriter; b++) {
                        List<IngestItem> items = new ArrayList<>();
                        for (int k = 0; k < perBatch; k++) {
                            int replica = (writer * batchesPerWriter + b) * perBatch + k;
                            CodedArticle c = BenchStoreCommand.replay(base.get(k % base.size()), replica, b, replica % 60);
                            items.add(new IngestItem("w" + writer + "-" + replica, c));
                        }
                        for (IngestOutcome o : store.ingest(items)) {
                            assertThat(o).isInstanceOf(IngestOutcome.Stored.class);
                            storedArticles.incrementAndGet();
                            storedEvents.addAndGet(((IngestOutcome.Stored) o).events());
                        }
                    }
                    return null;
                }));
            }
            List<Future<?>> readers = new ArrayList<>();
            for (int r = 0; r < 6; r++) {
                int reader = r;
                readers.add(pool.submit(() -> {
                    go.await();
                    long lastCount = 0;
                    long lastArticles = 0;
                    while (writing.get()) {
                        try {
                            // what one reader sees only grows: a commit is seen whole or not at all
                            long count = store.countEvents(EventQuery.ALL);
                            assertThat(count).isGreaterThanOrEqualTo(lastCount);
                            lastCount = count;
                            long articles = store.stats().articles();
                            assertThat(articles).isGreaterThanOrEqualTo(lastArticles);
                            lastArticles = articles;
                            switch (reader % 3) {
                                case 0 -> store.events(EventQuery.ALL.withActor("ISR"), PageRequest.first(50)).items()
                                        .forEach(e -> assertThat(e.actorCode()).startsWith("ISR"));
                                case 1 -> store.clusters(EventQuery.ALL, PageRequest.first(50)).items()
                                        .forEach(c -> assertThat(c.numMentions()).isPositive());
                                default -> store.searchArticles("Gaza", PageRequest.first(20)).items()
                                        .forEach(a -> store.article(a.seq()).ifPresent(x ->
                                                assertThat(x.events()).hasSize(x.article().numEvents())));
                            }
                            if (writing.get()) {
                                queriesDuringWrites.incrementAndGet();
                            }
                        } catch (Throwable t) {
                            failures.add(t);
                            return null;
                        }
                    }
                    return null;
                }));
            }
            go.countDown();
            for (Future<?> f : writers) {
                f.get(10, TimeUnit.MINUTES);
            }
            writing.set(false);
            for (Future<?> f : readers) {
                f.get(1, TimeUnit.MINUTES);
            }
            pool.shutdown();

            assertThat(failures).isEmpty();
            assertThat(queriesDuringWrites.get()).as("queries answered while ingests ran").isGreaterThan(6);
            assertThat(storedArticles.get()).isEqualTo(2 * batchesPerWriter * perBatch);
            assertThat(store.stats().articles()).isEqualTo(storedArticles.get());
            assertThat(store.countEvents(EventQuery.ALL)).isEqualTo(storedEvents.get());
            long seen = 0;
            for (long seq = 0; seq <= storedArticles.get() + 5; seq++) {
                var a = store.article(seq);
                if (a.isPresent()) {
                    seen++;
                    assertThat(a.get().events()).hasSize(a.get().article().numEvents());
                }
            }
            assertThat(seen).isEqualTo(storedArticles.get());
        }
    }
}
