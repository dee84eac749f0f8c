package org.khaldun.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.khaldun.article.Article;

/**
 * Articles posted to the workbench at the same time are stored in one transaction (one commit, one new generation of
 * the read cache) while each post still gets exactly its own outcomes, as if it had been stored alone.
 */
class GroupedIngestTest {

    @TempDir
    Path dir;

    private final SlowFirstStore store = new SlowFirstStore();
    private final GroupedIngest g = new GroupedIngest(store);
    private final ExecutorService pool = Executors.newFixedThreadPool(6);

    @AfterEach
    void stopThePosters() {
        pool.shutdownNow();
    }

    private static IngestItem item(String record, String url) {
        Article a = StoreFixtures.article(record, url, "Agency A", StoreFixtures.TALKS.text(), StoreFixtures.PUBLISHED);
        return new IngestItem(record, StoreFixtures.coded(a));
    }

    /** A store that records each batch it is given and, on its first call, waits until told to go on. */
    private static final class SlowFirstStore implements java.util.function.Function<List<IngestItem>,
            List<IngestOutcome>> {
        final List<List<String>> batches = Collections.synchronizedList(new ArrayList<>());
        final CountDownLatch firstEntered = new CountDownLatch(1);
        final CountDownLatch goOn = new CountDownLatch(1);
        final AtomicLong seq = new AtomicLong();

        @Override
        public List<IngestOutcome> apply(List<IngestItem> items) {
            batches.add(items.stream().map(IngestItem::record).toList());
            if (batches.size() == 1) {
                firstEntered.countDown();
                try {
                    goOn.await(30, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            return items.stream().map(i -> (IngestOutcome) new IngestOutcome.Stored(i.record(), seq.incrementAndGet(),
                    1)).toList();
        }
    }

    private static void awaitWaiting(GroupedIngest g, int n) throws InterruptedException {
        for (int i = 0; i < 3000 && g.waiting() < n; i++) {
            Thread.sleep(10);
        }
        assertThat(g.waiting()).isEqualTo(n);
    }

    /** Posts "a1" and returns once the store is writing it (and holds it until {@code store.goOn}). */
    private Future<List<IngestOutcome>> aPostBeingWritten() throws InterruptedException {
        Future<List<IngestOutcome>> first = pool.submit(() -> g.ingest(List.of(item("a1", "https://a.example/1"))));
        assertThat(store.firstEntered.await(30, TimeUnit.SECONDS)).isTrue();
        return first;
    }

    @Test
    void postsArrivingWhileAnotherIsStoredAreStoredTogetherAndEachGetsItsOwnOutcomesInOrder() throws Exception {
        Future<List<IngestOutcome>> first = aPostBeingWritten();
        List<Future<List<IngestOutcome>>> later = new ArrayList<>();
        for (String p : List.of("b", "c", "d")) {
            later.add(pool.submit(() -> g.ingest(List.of(item(p + "1", "https://a.example/" + p + "1"),
                    item(p + "2", "https://a.example/" + p + "2")))));
        }
        awaitWaiting(g, 3);
        store.goOn.countDown();
        assertThat(first.get(30, TimeUnit.SECONDS)).extracting(IngestOutcome::record).containsExactly("a1");
        for (int k = 0; k < 3; k++) {
            String p = List.of("b", "c", "d").get(k);
            assertThat(later.get(k).get(30, TimeUnit.SECONDS)).extracting(IngestOutcome::record)
                    .containsExactly(p + "1", p + "2");
        }
        assertThat(store.batches).hasSize(2);
        assertThat(store.batches.get(1)).containsExactlyInAnyOrder("b1", "b2", "c1", "c2", "d1", "d2");
    }

    @Test
    void twoWaitingPostsOfTheSameArticleAreNeverInOneBatch() throws Exception {
        Future<?> first = aPostBeingWritten();
        Future<?> x = pool.submit(() -> g.ingest(List.of(item("x", "https://a.example/same"))));
        awaitWaiting(g, 1);
        Future<?> y = pool.submit(() -> g.ingest(List.of(item("y", "https://a.example/same "))));
        awaitWaiting(g, 2);
        Future<?> z = pool.submit(() -> g.ingest(List.of(item("z", "https://a.example/other"))));
        awaitWaiting(g, 3);
        store.goOn.countDown();
        for (Future<?> f : List.of(first, x, y, z)) {
            f.get(30, TimeUnit.SECONDS);
        }
        // x and z together, y after them (it would be a duplicate of x within one transaction)
        assertThat(store.batches).containsExactly(List.of("a1"), List.of("x", "z"), List.of("y"));
    }

    @Test
    void whenTheStoreCannotWriteEveryPostOfTheBatchIsToldAndTheNextPostsAreStored() {
        AtomicLong calls = new AtomicLong();
        GroupedIngest failingOnce = new GroupedIngest(items -> {
            if (calls.incrementAndGet() == 1) {
                throw new StoreException("the disk is full", null);
            }
            return items.stream().map(i -> (IngestOutcome) new IngestOutcome.Stored(i.record(), 7, 1)).toList();
        });
        assertThatThrownBy(() -> failingOnce.ingest(List.of(item("a1", "https://a.example/1"))))
                .hasMessageContaining("the disk is full");
        assertThat(failingOnce.waiting()).isZero();
        assertThat(failingOnce.ingest(List.of(item("a2", "https://a.example/2"))))
                .containsExactly(new IngestOutcome.Stored("a2", 7, 1));
    }

    @Test
    void concurrentPostsToARealStoreAreAllStoredOnceAndTheSameArticleTwiceIsADuplicateOfTheStoredOne()
            throws Exception {
        try (EventStore s = EventStore.open(dir.resolve("k.duckdb"))) {
            GroupedIngest real = new GroupedIngest(s);
            List<Future<List<IngestOutcome>>> fs = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                String url = i < 4 ? "https://a.example/" + i : "https://a.example/twice";
                String record = "post" + i;
                fs.add(pool.submit(() -> real.ingest(List.of(item(record, url)))));
            }
            List<IngestOutcome> all = new ArrayList<>();
            for (Future<List<IngestOutcome>> f : fs) {
                List<IngestOutcome> o = f.get(120, TimeUnit.SECONDS);
                assertThat(o).hasSize(1);
                all.add(o.get(0));
            }
            assertThat(all.subList(0, 4)).allMatch(o -> o instanceof IngestOutcome.Stored);
            List<IngestOutcome> twice = all.subList(4, 6);
            IngestOutcome.Stored stored = (IngestOutcome.Stored) twice.stream()
                    .filter(o -> o instanceof IngestOutcome.Stored).findFirst().orElseThrow();
            IngestOutcome.Duplicate dup = (IngestOutcome.Duplicate) twice.stream()
                    .filter(o -> o instanceof IngestOutcome.Duplicate).findFirst().orElseThrow();
            assertThat(dup.existingSeq()).isEqualTo(stored.seq());
            assertThat(dup.why()).isEqualTo("same URL as stored article " + stored.seq());
            assertThat(s.stats().articles()).isEqualTo(5);
        }
    }
}
