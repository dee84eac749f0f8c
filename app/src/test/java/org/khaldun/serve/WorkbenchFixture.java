package org.khaldun.serve;

import java.io.IOException;
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
import org.khaldun.article.Article;
import org.khaldun.json.Json;
import org.khaldun.pipeline.Pipelines;
import org.khaldun.store.EventStore;
import org.khaldun.store.IngestItem;
import org.khaldun.store.StoreFixtures;

/**
 * A real store in a temporary folder holding hand-written articles coded by the real (shared) pipeline, served by a
 * real workbench on a loopback port.
 */
final class WorkbenchFixture implements AutoCloseable {

    final Path dir;
    final EventStore store;
    final Workbench server;
    final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    record Response(int status, String contentType, String body, java.net.http.HttpHeaders headers) {
        @SuppressWarnings("unchecked")
        Map<String, Object> json() {
            return Json.parseObject(body);
        }

        @SuppressWarnings("unchecked")
        List<Map<String, Object>> items() {
            return (List<Map<String, Object>>) json().get("items");
        }

        String errorCode() {
            return String.valueOf(((Map<?, ?>) json().get("error")).get("code"));
        }
    }

    WorkbenchFixture(List<Article> articles) throws IOException {
        dir = Files.createTempDirectory("khaldun-workbench");
        store = EventStore.open(dir.resolve("k.duckdb"));
        List<IngestItem> items = new ArrayList<>();
        for (Article a : articles) {
            items.add(new IngestItem(a.id() + ".txt", StoreFixtures.coded(a)));
        }
        store.ingest(items);
        server = new Workbench(store, Pipelines::defaultPipeline, 64 * 1024).start("127.0.0.1", 0);
    }

    String base() {
        return "http://127.0.0.1:" + server.port();
    }

    Response get(String pathAndQuery) {
        return send(HttpRequest.newBuilder(URI.create(base() + pathAndQuery)).GET().build());
    }

    Response post(String path, String contentType, String body) {
        return send(HttpRequest.newBuilder(URI.create(base() + path)).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    Response send(HttpRequest req) {
        try {
            HttpResponse<String> r = http.send(req, HttpResponse.BodyHandlers.ofString());
            return new Response(r.statusCode(), r.headers().firstValue("Content-Type").orElse(""), r.body(), r.headers());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
        store.close();
        try (var s = Files.walk(dir)) {
            s.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
