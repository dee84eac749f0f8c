package org.khaldun.serve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ResponseCacheTest {

    private static ResponseCache.Answer ok(String body) {
        return new ResponseCache.Answer(200, "application/json", body.getBytes(StandardCharsets.UTF_8));
    }

    private static String body(ResponseCache.Answer a) {
        return new String(a.body(), StandardCharsets.UTF_8);
    }

    @Test
    void manyAnalystsAskingTheSameQueryTogetherCostOneExecution() throws Exception {
        ResponseCache cache = new ResponseCache(1 << 20);
        AtomicInteger runs = new AtomicInteger();
        CountDownLatch release = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<ResponseCache.Answer>> answers = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                answers.add(pool.submit(() -> cache.get(1, "/api/events?limit=50", () -> {
                    runs.incrementAndGet();
                    release.await(10, TimeUnit.SECONDS); // the first one is slow: the others arrive meanwhile
                    return ok("page");
                })));
            }
            Thread.sleep(200);
            release.countDown();
            for (Future<ResponseCache.Answer> f : answers) {
                assertThat(body(f.get(10, TimeUnit.SECONDS))).isEqualTo("page");
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(runs.get()).isEqualTo(1);
    }

    @Test
    void aWriteToTheStoreMakesEveryAnswerBeComputedAgain() throws Exception {
        ResponseCache cache = new ResponseCache(1 << 20);
        assertThat(body(cache.get(1, "q", () -> ok("before")))).isEqualTo("before");
        assertThat(body(cache.get(1, "q", () -> ok("not asked")))).isEqualTo("before");
        assertThat(body(cache.get(2, "q", () -> ok("after")))).isEqualTo("after");
        // a request that read the generation before the write does not bring the old answer back
        assertThat(body(cache.get(1, "q", () -> ok("late")))).isEqualTo("late");
        assertThat(body(cache.get(2, "q", () -> ok("not asked")))).isEqualTo("after");
    }

    @Test
    void errorsAreNotKeptAndTheCacheStaysWithinItsBytes() throws Exception {
        ResponseCache cache = new ResponseCache(10_000);
        assertThat(cache.get(1, "bad", () -> new ResponseCache.Answer(400, "application/json", new byte[1])).status())
                .isEqualTo(400);
        assertThat(body(cache.get(1, "bad", () -> ok("fixed")))).isEqualTo("fixed");
        assertThatThrownBy(() -> cache.get(1, "boom", () -> {
            throw new IllegalStateException("store failed");
        })).hasMessage("store failed");
        assertThat(body(cache.get(1, "boom", () -> ok("recovered")))).isEqualTo("recovered");
        for (int i = 0; i < 100; i++) {
            String big = "x".repeat(1000) + i;
            cache.get(1, "k" + i, () -> ok(big));
        }
        // the oldest answers were dropped to stay within 10,000 bytes; the newest is still there
        AtomicInteger recomputed = new AtomicInteger();
        cache.get(1, "k0", () -> {
            recomputed.incrementAndGet();
            return ok("again");
        });
        cache.get(1, "k99", () -> {
            recomputed.incrementAndGet();
            return ok("again");
        });
        assertThat(recomputed.get()).isEqualTo(1);
    }
}
