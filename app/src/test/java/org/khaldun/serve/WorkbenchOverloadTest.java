package org.khaldun.serve;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.khaldun.json.Json;
import org.khaldun.pipeline.Pipeline;
import org.khaldun.pipeline.Pipelines;
import org.khaldun.store.EventStore;

/** Posts beyond what the cores can code are answered 503 at once instead of queueing until clients give up. */
class WorkbenchOverloadTest {

    @TempDir
    Path dir;

    @Test
    void aPostFindingEveryCoreBusyIsToldToRetryAndTheBusyOnesStillComplete() throws Exception {
        String token = Access.randomToken();
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger coding = new AtomicInteger();
        // stands for slow coding: holds its core until released
        java.util.function.Supplier<Pipeline> slow = () -> {
            coding.incrementAndGet();
            try {
                release.await(2, TimeUnit.MINUTES);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return Pipelines.defaultPipeline();
        };
        int cores = Math.max(1, Runtime.getRuntime().availableProcessors());
        try (EventStore store = EventStore.open(dir.resolve("k.duckdb"));
             Workbench wb = new Workbench(store, slow, 64 * 1024, Access.withToken(token, false))
                     .withCodingWait(Duration.ofMillis(300)).start("127.0.0.1", 0)) {
            HttpClient http = HttpClient.newHttpClient();
            List<CompletableFuture<HttpResponse<String>>> busy = new ArrayList<>();
            for (int i = 0; i < cores; i++) {
                busy.add(http.sendAsync(post(wb, token, i), HttpResponse.BodyHandlers.ofString()));
            }
            long until = System.nanoTime() + TimeUnit.MINUTES.toNanos(1);
            while (coding.get() < cores && System.nanoTime() < until) {
                Thread.sleep(10);
            }
            assertThat(coding.get()).isEqualTo(cores);

            HttpResponse<String> refused = http.send(post(wb, token, 99), HttpResponse.BodyHandlers.ofString());
            assertThat(refused.statusCode()).isEqualTo(503);
            assertThat(refused.headers().firstValue("Retry-After")).isPresent();
            assertThat(((Map<?, ?>) Json.parseObject(refused.body()).get("error")).get("code")).isEqualTo("busy");

            release.countDown();
            for (var f : busy) {
                assertThat(f.get(2, TimeUnit.MINUTES).statusCode()).isEqualTo(201);
            }
            assertThat(store.stats().articles()).isEqualTo(cores);
        }
    }

    private static HttpRequest post(Workbench wb, String token, int n) {
        String body = Json.write(Map.of("id", "overload-" + n, "url", "https://load.example/" + n,
                "published", "2024-02-08", "text", "Russian forces shelled Ukrainian positions near Kharkiv on Monday."));
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + wb.port() + "/api/articles"))
                .header("Content-Type", "application/json").header("Authorization", "Bearer " + token)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }
}
