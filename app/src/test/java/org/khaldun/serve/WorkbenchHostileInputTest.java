package org.khaldun.serve;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.khaldun.json.Json;

/**
 * Hostile article bodies posted to a running workbench: each is refused with a 4xx that says why, or is answered
 * record by record (each record stored, a duplicate, or failed with its reason and its name); none gets a 500 or
 * hangs, the server keeps answering, and a good article posted after them all is stored. Every case is drawn from
 * its own seed, which a failure names.
 */
class WorkbenchHostileInputTest {

    static final int CASES = 160;
    static final long BASE_SEED = 6_600_000;
    /** The fixture's body limit ({@link WorkbenchFixture} starts the server with 64 KiB). */
    static final int MAX_BODY = 64 * 1024;

    static WorkbenchFixture w;

    @BeforeAll
    static void start() throws IOException {
        w = new WorkbenchFixture(List.of());
    }

    @AfterAll
    static void stop() throws IOException {
        w.close();
    }

    static final List<String> FIELDS = List.of("id", "url", "title", "text", "published", "source");

    static Map<String, Object> goodArticle(SplittableRandom r) {
        Map<String, Object> a = new LinkedHashMap<>();
        a.put("id", "hostile-" + r.nextInt(1_000_000));
        a.put("title", "Protest in the capital");
        a.put("published", "2024-05-0" + r.nextInt(1, 10));
        a.put("text", "Protesters marched on the parliament in Kampala on Tuesday, police said.");
        return a;
    }

    /** Any JSON value that is not what a field expects, or something close to it. */
    static Object oddValue(SplittableRandom r, int depth) {
        return switch (r.nextInt(depth > 3 ? 6 : 8)) {
            case 0 -> null;
            case 1 -> r.nextBoolean();
            case 2 -> r.nextLong();
            case 3 -> r.nextDouble() * 1e300;
            case 4 -> "";
            case 5 -> randomString(r, 40);
            case 6 -> java.util.Arrays.asList(oddValue(r, depth + 1), oddValue(r, depth + 1));
            default -> java.util.Collections.singletonMap("text", oddValue(r, depth + 1));
        };
    }

    /** Any UTF-16 units, lone surrogates and controls included. */
    static String randomString(SplittableRandom r, int max) {
        StringBuilder sb = new StringBuilder();
        for (int i = r.nextInt(max + 1); i > 0; i--) {
            sb.append(r.nextBoolean() ? (char) r.nextInt(0x20, 0x7f) : (char) r.nextInt(0, 0x10000));
        }
        return sb.toString();
    }

    static final byte[][] INVALID_UTF8 = {{(byte) 0xC3, 0x28}, {(byte) 0xFF}, {(byte) 0xC0, (byte) 0xAF},
            {(byte) 0xED, (byte) 0xA0, (byte) 0x80}, {(byte) 0xE2, (byte) 0x82}};

    record Case(String kind, String contentType, byte[] body) {
    }

    static Case draw(long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        Map<String, Object> a = goodArticle(r);
        String json = "application/json";
        switch (r.nextInt(9)) {
            case 0 -> {
                byte[] b = new byte[r.nextInt(1, 3000)];
                r.nextBytes(b);
                return new Case("random bytes", r.nextBoolean() ? json : "application/x-ndjson", b);
            }
            case 1 -> {
                byte[] good = Json.write(a).getBytes(StandardCharsets.UTF_8);
                int at = good.length - 3 - r.nextInt(20); // inside the text string
                byte[] bad = INVALID_UTF8[r.nextInt(INVALID_UTF8.length)];
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                out.write(good, 0, at);
                out.write(bad, 0, bad.length);
                out.write(good, at, good.length - at);
                return new Case("invalid UTF-8", json, out.toByteArray());
            }
            case 2 -> {
                a.put(FIELDS.get(r.nextInt(FIELDS.size())), oddValue(r, 0));
                return new Case("wrong type", json, bytes(Json.write(a)));
            }
            case 3 -> {
                a.remove(r.nextBoolean() ? "text" : FIELDS.get(r.nextInt(FIELDS.size())));
                String body = r.nextInt(4) == 0 ? r.nextBoolean() ? "{}" : "[]" : Json.write(a);
                return new Case("missing field", json, bytes(body));
            }
            case 4 -> {
                int n = r.nextInt(100, 20_000);
                String nest = "[".repeat(n) + "]".repeat(n);
                return new Case("deep nesting", json, bytes(r.nextBoolean() ? nest
                        : "{\"text\": " + nest + ", \"id\": \"deep\"}"));
            }
            case 5 -> {
                // a huge string in a field that costs no coding time: within the body limit, or just over it
                int size = r.nextBoolean() ? r.nextInt(1000, MAX_BODY - 500) : r.nextInt(MAX_BODY, 3 * MAX_BODY);
                a.put(r.nextBoolean() ? "id" : "source", "x".repeat(size));
                return new Case("huge string", json, bytes(Json.write(a)));
            }
            case 6 -> {
                String good = Json.write(a);
                return new Case("truncated JSON", json, bytes(good.substring(0, r.nextInt(good.length()))));
            }
            case 7 -> {
                // JSON lines mixing broken, mistyped and good records
                StringBuilder lines = new StringBuilder();
                for (int i = r.nextInt(1, 6); i > 0; i--) {
                    Map<String, Object> line = goodArticle(r);
                    switch (r.nextInt(3)) {
                        case 0 -> line.put(FIELDS.get(r.nextInt(FIELDS.size())), oddValue(r, 0));
                        case 1 -> line.put("text", randomString(r, 30));
                        default -> { }
                    }
                    String l = Json.write(line);
                    lines.append(r.nextInt(4) == 0 ? l.substring(0, l.length() / 2) : l).append('\n');
                }
                return new Case("mixed JSON lines", "application/x-ndjson", bytes(lines.toString()));
            }
            default -> {
                String t = randomString(r, 300);
                return new Case("random text", r.nextBoolean() ? json : "application/x-ndjson", bytes(t));
            }
        }
    }

    static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    WorkbenchFixture.Response post(Case c) {
        return w.send(HttpRequest.newBuilder(URI.create(w.base() + "/api/articles"))
                .header("Content-Type", c.contentType()).header("Authorization", "Bearer " + WorkbenchFixture.TOKEN)
                .timeout(Duration.ofSeconds(90)).POST(HttpRequest.BodyPublishers.ofByteArray(c.body())).build());
    }

    @Test
    @SuppressWarnings("unchecked")
    void hostileBodiesAreRefusedWithAReasonOrAnsweredPerRecordAndAGoodArticleAfterThemIsStored() {
        List<String> failures = new ArrayList<>();
        Map<String, Integer> kinds = new LinkedHashMap<>();
        for (int i = 0; i < CASES; i++) {
            long seed = BASE_SEED + i;
            Case c = draw(seed);
            kinds.merge(c.kind(), 1, Integer::sum);
            try {
                var res = post(c);
                if (res.status() >= 400 && res.status() < 500) {
                    Map<String, Object> error = (Map<String, Object>) res.json().get("error");
                    assertThat(error.get("code")).as("error code").isNotNull();
                    assertThat((String) error.get("message")).as("error message").isNotBlank()
                            .doesNotContain("Exception");
                    if (c.kind().equals("invalid UTF-8")) {
                        assertThat((String) error.get("message")).contains("invalid UTF-8 at byte offset");
                    }
                } else {
                    assertThat(res.status()).as(res.body()).isIn(200, 201);
                    List<Map<String, Object>> results = (List<Map<String, Object>>) res.json().get("results");
                    assertThat(results).isNotEmpty();
                    for (int k = 0; k < results.size(); k++) {
                        Map<String, Object> one = results.get(k);
                        assertThat(one.get("record")).isEqualTo("api#item" + (k + 1));
                        assertThat(one.get("status")).isIn("stored", "duplicate", "failed");
                        if (one.get("status").equals("failed")) {
                            assertThat((String) one.get("reason")).isNotBlank().doesNotContain("Exception");
                        }
                    }
                    if (c.kind().equals("invalid UTF-8")) {
                        assertThat(results).as("stored with replacement characters")
                                .noneMatch(x -> x.get("status").equals("stored"));
                    }
                }
            } catch (Throwable t) {
                failures.add(c.kind() + " case #" + i + " (seed " + seed + "): " + t);
            }
        }
        System.out.printf("fuzz api hostile bodies: %d of %d cases run, %d passed (seeds %d to %d) %s%n", CASES, CASES,
                CASES - failures.size(), BASE_SEED, BASE_SEED + CASES - 1, kinds);
        assertThat(failures).isEmpty();
        assertThat(kinds).hasSize(9);

        // the server still answers, and a good article posted last is coded and stored
        assertThat(w.get("/api/events").status()).isEqualTo(200);
        var last = w.post("/api/articles", "application/json", Json.write(Map.of("id", "after-the-storm",
                "published", "2024-06-02", "text", "Kenyan police arrested opposition leaders in Nairobi on Sunday.")));
        assertThat(last.status()).as(last.body()).isEqualTo(201);
        assertThat(((Map<String, Object>) ((List<?>) last.json().get("results")).get(0)).get("status"))
                .isEqualTo("stored");
        assertThat(w.get("/api/articles/by-id/after-the-storm").status()).isEqualTo(200);
    }

    @Test
    @SuppressWarnings("unchecked")
    void inJsonLinesALineThatIsNotUtf8FailsAloneNamingItsOffsetAndTheGoodLinesAreStored() throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.write(bytes("{\"id\": \"utf8-before\", \"text\": \"Ugandan police detained two journalists in Gulu.\"}\n"));
        int badAt = body.size() + "{\"id\": \"latin1\", \"text\": \"Caf".length();
        body.write("{\"id\": \"latin1\", \"text\": \"Caf\u00e9 owners protested in Tunis.\"}\n"
                .getBytes(StandardCharsets.ISO_8859_1));
        body.write(bytes("{\"id\": \"utf8-after\", \"text\": \"Tunisian police dispersed the protest in Sfax.\"}\n"));
        var res = post(new Case("jsonl", "application/x-ndjson", body.toByteArray()));
        assertThat(res.status()).as(res.body()).isEqualTo(201);
        List<Map<String, Object>> results = (List<Map<String, Object>>) res.json().get("results");
        assertThat(results).extracting(r -> r.get("status")).containsExactly("stored", "failed", "stored");
        assertThat(results.get(1)).containsEntry("record", "api#item2")
                .containsEntry("reason", "invalid UTF-8 at byte offset " + badAt + " (byte E9)");

        var single = post(new Case("json", "application/json", java.util.Arrays.copyOfRange(body.toByteArray(),
                badAt - "{\"id\": \"latin1\", \"text\": \"Caf".length(), body.size())));
        assertThat(single.status()).isEqualTo(400);
        assertThat(single.errorCode()).isEqualTo("bad_request");
    }
}
