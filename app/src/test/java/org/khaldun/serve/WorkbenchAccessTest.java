package org.khaldun.serve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.khaldun.json.Json;
import org.khaldun.store.StoreFixtures;

/** Who may change and read the store through the API, and how much a request may carry. */
class WorkbenchAccessTest {

    static final String ARTICLE = Json.write(Map.of("id", "posted-acc", "published", "2024-02-08",
            "text", "Turkish troops shelled Kurdish positions in northern Syria on Monday."));

    @Test
    void withoutAConfiguredTokenTheServerIsReadOnlyAndSaysWhy() throws IOException {
        try (var w = new WorkbenchFixture(List.of(StoreFixtures.TALKS), Access.READ_ONLY)) {
            assertThat(w.get("/api/events").status()).isEqualTo(200);
            var r = w.post("/api/articles", "application/json", ARTICLE);
            assertThat(r.status()).isEqualTo(403);
            assertThat(r.contentType()).startsWith("application/json");
            assertThat(r.errorCode()).isEqualTo("writes_disabled");
            // a guessed token does not open it either: there is no default token
            w.token = "0123456789abcdef0123";
            assertThat(w.post("/api/articles", "application/json", ARTICLE).status()).isEqualTo(403);
            assertThat(w.store.stats().articles()).isEqualTo(1);
        }
    }

    @Test
    void writesNeedTheExactTokenAsABearerHeader() throws IOException {
        String token = Access.randomToken();
        try (var w = new WorkbenchFixture(List.of(StoreFixtures.TALKS), Access.withToken(token, false))) {
            var none = w.post("/api/articles", "application/json", ARTICLE);
            assertThat(none.status()).isEqualTo(401);
            assertThat(none.errorCode()).isEqualTo("unauthorized");
            assertThat(none.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(v -> assertThat(v).startsWith("Bearer"));
            for (String wrong : List.of(token.substring(1), token + "0", token.toUpperCase(), "", "Bearer")) {
                w.token = wrong;
                assertThat(w.post("/api/articles", "application/json", ARTICLE).status()).as(wrong).isEqualTo(401);
            }
            assertThat(w.store.stats().articles()).isEqualTo(1);
            // reads stay open
            assertThat(w.get("/api/stats").status()).isEqualTo(200);
            w.token = token;
            var ok = w.post("/api/articles", "application/json", ARTICLE);
            assertThat(ok.status()).as(ok.body()).isEqualTo(201);
            assertThat(w.store.stats().articles()).isEqualTo(2);
        }
    }

    @Test
    void closedReadsNeedTheTokenButTheApiDescriptionAndTheUiFilesStayOpen() throws IOException {
        String token = Access.randomToken();
        try (var w = new WorkbenchFixture(List.of(StoreFixtures.TALKS), Access.withToken(token, true))) {
            for (String path : List.of("/api/stats", "/api/events", "/api/articles/1", "/api/geo/events")) {
                var r = w.get(path);
                assertThat(r.status()).as(path).isEqualTo(401);
                assertThat(r.errorCode()).isEqualTo("unauthorized");
                assertThat(r.body()).doesNotContain("Baghdad");
            }
            var authorized = w.send(HttpRequest.newBuilder(URI.create(w.base() + "/api/events"))
                    .header("Authorization", "Bearer " + token).GET().build());
            assertThat(authorized.status()).isEqualTo(200);
            assertThat(authorized.items()).isNotEmpty();
            assertThat(w.get("/api/openapi.json").status()).isEqualTo(200);
            assertThat(w.get("/").status()).isEqualTo(200);
        }
    }

    @Test
    void aChunkedBodyWithoutLengthIsCutOffAtTheLimitWith413() throws IOException {
        try (var w = new WorkbenchFixture(List.of(StoreFixtures.TALKS))) {
            byte[] big = Json.write(Map.of("text", "word ".repeat(40_000))).getBytes(StandardCharsets.UTF_8);
            // an input-stream publisher sends no Content-Length: the body arrives chunked
            var r = w.send(HttpRequest.newBuilder(URI.create(w.base() + "/api/articles"))
                    .header("Content-Type", "application/json")
                    .header("Authorization", "Bearer " + WorkbenchFixture.TOKEN)
                    .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(big))).build());
            assertThat(r.status()).isEqualTo(413);
            assertThat(r.errorCode()).isEqualTo("body_too_large");
            assertThat(w.store.stats().articles()).isEqualTo(1);
        }
    }

    @Test
    void tokensTooShortToResistGuessingAreRefused() {
        assertThatThrownBy(() -> Access.withToken("secret", false)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("16");
        assertThatThrownBy(() -> new Access(java.util.Optional.empty(), true))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(Access.randomToken()).hasSize(64).isNotEqualTo(Access.randomToken());
    }

    @Test
    @SuppressWarnings("unchecked")
    void theOpenApiDocumentSaysWhichOperationsNeedTheToken() throws IOException {
        try (var w = new WorkbenchFixture(List.of(StoreFixtures.TALKS))) {
            Map<String, Object> doc = w.get("/api/openapi.json").json();
            Map<String, Object> post = (Map<String, Object>) ((Map<String, Object>) ((Map<String, Object>)
                    doc.get("paths")).get("/api/articles")).get("post");
            assertThat(post.get("security")).isEqualTo(List.of(Map.of("bearer", List.of())));
            assertThat((Map<String, Object>) post.get("responses")).containsKeys("401", "403", "413");
            assertThat((Map<String, Object>) ((Map<String, Object>) doc.get("components")).get("securitySchemes"))
                    .containsKey("bearer");
        }
    }
}
