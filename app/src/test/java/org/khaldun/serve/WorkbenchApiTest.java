package org.khaldun.serve;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.khaldun.json.Json;
import org.khaldun.store.StoreFixtures;

/** The workbench's JSON API, spoken to over HTTP like any client would, on a store of hand-written articles. */
class WorkbenchApiTest {

    static WorkbenchFixture w;

    @BeforeAll
    static void start() throws IOException {
        w = new WorkbenchFixture(List.of(StoreFixtures.GAZA_A, StoreFixtures.GAZA_B, StoreFixtures.GAZA_NEXT_WEEK,
                StoreFixtures.KHARKIV, StoreFixtures.TALKS, StoreFixtures.ACCUSATION));
    }

    @AfterAll
    static void stop() throws IOException {
        w.close();
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> obj(Object o) {
        return (Map<String, Object>) o;
    }

    static String actorCode(Map<String, Object> event) {
        return event.get("actor") == null ? "" : (String) obj(event.get("actor")).get("code");
    }

    @Test
    void pagingThroughEventsWithCursorsGivesEveryEventOnceInTheSameOrderAsOneBigPage() {
        var all = w.get("/api/events?limit=500&count=true");
        assertThat(all.status()).isEqualTo(200);
        List<String> ids = all.items().stream().map(e -> (String) e.get("id")).toList();
        assertThat(ids).hasSizeGreaterThanOrEqualTo(4).doesNotHaveDuplicates();
        assertThat(((Number) all.json().get("total")).intValue()).isEqualTo(ids.size());
        assertThat(all.json().get("next_cursor")).isNull();

        List<String> paged = new ArrayList<>();
        String cursor = null;
        do {
            var page = w.get("/api/events?limit=2" + (cursor == null ? "" : "&cursor=" + cursor));
            assertThat(page.items()).hasSizeLessThanOrEqualTo(2);
            page.items().forEach(e -> paged.add((String) e.get("id")));
            cursor = (String) page.json().get("next_cursor");
        } while (cursor != null);
        assertThat(paged).isEqualTo(ids);
        // newest first
        List<String> dates = all.items().stream().map(e -> (String) e.get("date")).toList();
        assertThat(dates).isSortedAccordingTo(java.util.Comparator.reverseOrder());
    }

    @Test
    void filtersByActorPrefixCameoPrefixQuadClassAndDates() {
        var isr = w.get("/api/events?actor=isr");
        assertThat(isr.items()).isNotEmpty().allSatisfy(e -> assertThat(actorCode(e)).startsWith("ISR"));
        var attacks = w.get("/api/events?cameo=19&quad_class=4");
        assertThat(attacks.items()).isNotEmpty().allSatisfy(e -> {
            assertThat((String) e.get("cameo")).startsWith("19");
            assertThat(e.get("quad_class")).isEqualTo(4L);
        });
        var week = w.get("/api/events?from=" + StoreFixtures.PUBLISHED.plusDays(3) + "&to="
                + StoreFixtures.PUBLISHED.plusDays(10));
        assertThat(week.items()).isNotEmpty().allSatisfy(e ->
                assertThat((String) e.get("article_id")).isEqualTo("gaza-c"));
    }

    @Test
    void theEventLocationFiltersKeepOnlyEventsThatHappenedThere() {
        var gaza = w.get("/api/events?place=gaza");
        assertThat(gaza.status()).isEqualTo(200);
        assertThat(gaza.items()).isNotEmpty().allSatisfy(e ->
                assertThat(((String) obj(e.get("location")).get("name")).toLowerCase()).contains("gaza"));
        var ukr = w.get("/api/events?loc_country=UKR");
        assertThat(ukr.items()).isNotEmpty().allSatisfy(e ->
                assertThat(obj(e.get("location")).get("country")).isEqualTo("UKR"));
        assertThat(w.get("/api/events?place=atlantis").items()).isEmpty();
    }

    @Test
    void theSourceKindFilterSeparatesWhatAnAgencyWasToldFromWhatTheArticleStates() {
        var all = w.get("/api/events?limit=500").items();
        Set<Object> kinds = new HashSet<>();
        all.forEach(e -> kinds.add(e.get("source_kind")));
        for (Object kind : kinds) {
            var only = w.get("/api/events?limit=500&source_kind=" + kind).items();
            assertThat(only).isNotEmpty().allSatisfy(e -> assertThat(e.get("source_kind")).isEqualTo(kind));
        }
        // "the Israeli military said": a named source
        assertThat(kinds).contains("named", "article");
        // the store filters it, so it counts and pages like the other filters
        var named = w.get("/api/events?limit=500&count=true&source_kind=named");
        assertThat(((Number) named.json().get("total")).intValue()).isEqualTo(named.items().size())
                .isLessThan(all.size());
        // a real-world event is found by any of its mentions
        var clusters = w.get("/api/clusters?limit=500&source_kind=named").items();
        assertThat(clusters).isNotEmpty().allSatisfy(c -> assertThat(
                (List<?>) w.get("/api/clusters/" + c.get("id")).json().get("mentions"))
                .anySatisfy(m -> assertThat(obj(m).get("source_kind")).isEqualTo("named")));
        assertThat(w.get("/api/events?source_kind=rumour").status()).isEqualTo(400);
    }

    @Test
    void badParametersAreJsonErrorsThatNameTheParameter() {
        var r = w.get("/api/events?quad_class=7");
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.contentType()).startsWith("application/json");
        assertThat(r.errorCode()).isEqualTo("bad_request");
        assertThat((String) obj(r.json().get("error")).get("message")).contains("quad_class");
        assertThat(w.get("/api/events?from=last-tuesday").status()).isEqualTo(400);
        assertThat(w.get("/api/events?cursor=bogus!").status()).isEqualTo(400);
        assertThat(w.get("/api/events?limit=100000").status()).isEqualTo(400);
        assertThat(w.get("/api/events?cameo=1a").status()).isEqualTo(400);
    }

    @Test
    void unknownRoutesAndMethodsAreJsonErrorsToo() {
        var missing = w.get("/api/nothing-here");
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.errorCode()).isEqualTo("not_found");
        var wrongMethod = w.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(w.base() + "/api/stats"))
                .DELETE().build());
        assertThat(wrongMethod.status()).isEqualTo(405);
        assertThat(wrongMethod.errorCode()).isEqualTo("method_not_allowed");
        assertThat(w.get("/api/events/999-999").status()).isEqualTo(404);
        assertThat(w.get("/api/events/not-an-id").status()).isEqualTo(400);
        assertThat(w.get("/api/articles/999999").errorCode()).isEqualTo("not_found");
    }

    @Test
    void oneEventCarriesTheCodersExplanationSpansAndItsRealWorldEvent() {
        var list = w.get("/api/events?actor=RUS").items();
        assertThat(list).isNotEmpty();
        var one = w.get("/api/events/" + list.get(0).get("id"));
        assertThat(one.status()).isEqualTo(200);
        Map<String, Object> coded = obj(one.json().get("coded"));
        assertThat((String) coded.get("explanation")).isNotBlank();
        Map<String, Object> info = obj(coded.get("text_info"));
        String text = StoreFixtures.KHARKIV.text();
        assertThat(text.substring(((Number) info.get("trigger_start")).intValue(),
                ((Number) info.get("trigger_end")).intValue())).isEqualTo(info.get("trigger"));
        assertThat(obj(one.json().get("cluster")).get("id")).isEqualTo(one.json().get("cluster_id"));
    }

    @Test
    void aClusterListsEveryMentionOfTheRealWorldEventItStandsFor() {
        var clusters = w.get("/api/clusters?limit=50&count=true");
        assertThat(clusters.items()).isNotEmpty();
        assertThat(((Number) clusters.json().get("total")).intValue()).isEqualTo(clusters.items().size());
        long mentions = 0;
        for (var c : clusters.items()) {
            var full = w.get("/api/clusters/" + c.get("id"));
            assertThat(full.status()).isEqualTo(200);
            List<?> ms = (List<?>) full.json().get("mentions");
            assertThat(ms).hasSize(((Number) c.get("num_mentions")).intValue())
                    .allSatisfy(m -> assertThat(obj(m).get("cluster_id")).isEqualTo(c.get("id")));
            mentions += ms.size();
        }
        // every raw event belongs to exactly one cluster
        assertThat(mentions).isEqualTo(w.get("/api/events?limit=500").items().size());
        assertThat(w.get("/api/clusters/12345").status()).isEqualTo(404);
    }

    @Test
    @SuppressWarnings("unchecked")
    void anArticleComesWithItsEventsAndTheAnnotationsTheCoderFoundRecomputed() {
        var ev = w.get("/api/events?actor=RUS").items().get(0);
        var a = w.get("/api/articles/" + ev.get("article_seq"));
        assertThat(a.status()).isEqualTo(200);
        Map<String, Object> art = a.json();
        assertThat(art.get("text")).isEqualTo(StoreFixtures.KHARKIV.text());
        assertThat((List<Object>) art.get("events")).isNotEmpty();
        Map<String, Object> ann = obj(art.get("annotations"));
        assertThat(ann.get("recomputed")).isEqualTo(true);
        String text = (String) art.get("text");
        List<String> places = new ArrayList<>();
        ((List<Object>) ann.get("places")).forEach(p -> places.add(span(text, obj(p))));
        assertThat(places).contains("Kharkiv");
        List<String> times = new ArrayList<>();
        ((List<Object>) ann.get("time_expressions")).forEach(t -> times.add(span(text, obj(t))));
        assertThat(times).anySatisfy(t -> assertThat(t).contains("Monday"));
        List<String> actors = new ArrayList<>();
        ((List<Object>) ann.get("actors")).forEach(m -> actors.add(span(text, obj(m))));
        assertThat(actors).anySatisfy(t -> assertThat(t).contains("Russian"));

        var gaza = w.get("/api/articles/by-id/gaza-a").json();
        List<Object> attributions = (List<Object>) obj(gaza.get("annotations")).get("attributions");
        assertThat(attributions).anySatisfy(at -> {
            Map<String, Object> speaker = obj(obj(at).get("speaker"));
            assertThat((String) speaker.get("text")).contains("military");
        });
    }

    private static String span(String text, Map<String, Object> m) {
        return text.substring(((Number) m.get("start")).intValue(), ((Number) m.get("end")).intValue());
    }

    @Test
    void postedArticlesAreCodedStoredAndFoundOnceEvenWhenPostedTwice() {
        String article = Json.write(Map.of("id", "posted-1", "url", "https://wire.example/posted-1",
                "title", "Turkish troops shell Kurdish positions", "published", "2024-03-05",
                "text", "Turkish troops shelled Kurdish militia positions near Kobani on Sunday, the Turkish defence"
                        + " ministry said."));
        // asked before the post: the answer is cached, and the post must make it be computed again
        assertThat(w.get("/api/events?actor=TUR").items()).isEmpty();
        var first = w.post("/api/articles", "application/json", article);
        assertThat(first.status()).as(first.body()).isEqualTo(201);
        Map<String, Object> result = obj(((List<?>) first.json().get("results")).get(0));
        assertThat(result.get("status")).isEqualTo("stored");
        assertThat(((Number) result.get("events")).intValue()).isPositive();
        assertThat(w.get("/api/events?actor=TUR").items()).isNotEmpty()
                .allSatisfy(e -> assertThat(e.get("article_id")).isEqualTo("posted-1"));

        var again = w.post("/api/articles", "application/json", "[" + article + "]");
        assertThat(again.status()).isEqualTo(200);
        assertThat(obj(((List<?>) again.json().get("results")).get(0)).get("status")).isEqualTo("duplicate");
    }

    @Test
    void brokenOversizedOrMistypedBodiesAreRefusedWithTheRightStatus() {
        assertThat(w.post("/api/articles", "application/json", "{\"text\": ").status()).isEqualTo(400);
        assertThat(w.post("/api/articles", "application/json", "{\"title\": \"no text\"}").errorCode())
                .isEqualTo("bad_request");
        assertThat(w.post("/api/articles", "application/json", "").status()).isEqualTo(400);
        var tooBig = w.post("/api/articles", "application/json",
                Json.write(Map.of("text", "word ".repeat(20_000))));
        assertThat(tooBig.status()).isEqualTo(413);
        assertThat(tooBig.errorCode()).isEqualTo("body_too_large");
        assertThat(w.post("/api/articles", "text/html", "<p>hi</p>").status()).isEqualTo(415);
    }

    @Test
    @SuppressWarnings("unchecked")
    void dyadSeriesAggregatesNetworkAndGeoJsonAnswerFromTheSameEvents() {
        var series = w.get("/api/series?actor=ISR&granularity=week").json();
        List<Object> points = (List<Object>) series.get("points");
        long count = points.stream().mapToLong(p -> ((Number) obj(p).get("count")).longValue()).sum();
        assertThat(count).isEqualTo(w.get("/api/events?actor=ISR&limit=500").items().size());
        assertThat(points).allSatisfy(p -> assertThat(((List<Object>) obj(p).get("quad_counts"))).hasSize(4));

        var agg = w.get("/api/aggregate?group_by=quad_class&granularity=year").json();
        long aggCount = ((List<Object>) agg.get("rows")).stream()
                .mapToLong(r -> ((Number) obj(r).get("count")).longValue()).sum();
        assertThat(aggCount).isEqualTo(w.get("/api/events?limit=500").items().size());
        assertThat(w.get("/api/aggregate?group_by=colour").status()).isEqualTo(400);

        var net = w.get("/api/network").json();
        java.util.Map<String, Long> expected = new java.util.TreeMap<>();
        for (var e : w.get("/api/events?limit=500").items()) {
            if (e.get("actor") != null && e.get("recipient") != null
                    && !"".equals(obj(e.get("actor")).get("country"))
                    && !"".equals(obj(e.get("recipient")).get("country"))) {
                expected.merge(obj(e.get("actor")).get("country") + ">" + obj(e.get("recipient")).get("country"), 1L,
                        Long::sum);
            }
        }
        java.util.Map<String, Long> edges = new java.util.TreeMap<>();
        ((List<Object>) net.get("edges")).forEach(e -> edges.put(obj(e).get("actor") + ">" + obj(e).get("recipient"),
                ((Number) obj(e).get("count")).longValue()));
        assertThat(edges).isNotEmpty().isEqualTo(expected);

        var geo = w.get("/api/geo/events");
        assertThat(geo.contentType()).startsWith("application/geo+json");
        List<Object> features = (List<Object>) geo.json().get("features");
        assertThat(features).isNotEmpty().allSatisfy(f -> {
            Map<String, Object> g = obj(obj(f).get("geometry"));
            assertThat(g.get("type")).isEqualTo("Point");
            assertThat((List<Object>) g.get("coordinates")).hasSize(2);
        });
        assertThat(features).anySatisfy(f -> assertThat(obj(obj(f).get("properties")).get("place"))
                .isEqualTo("Kharkiv"));
    }

    @Test
    void articleSearchFindsStoredArticlesByTheirWords() {
        var r = w.get("/api/articles?q=Kharkiv");
        assertThat(r.items()).extracting(a -> a.get("id")).contains("kharkiv");
        assertThat(w.get("/api/articles").status()).isEqualTo(400);
    }

    @Test
    @SuppressWarnings("unchecked")
    void theOpenApiDocumentDescribesExactlyTheRoutesTheServerHas() {
        Map<String, Object> doc = w.get("/api/openapi.json").json();
        assertThat(doc.get("openapi")).isEqualTo("3.0.3");
        Map<String, Object> paths = obj(doc.get("paths"));
        Set<String> documented = new HashSet<>();
        paths.forEach((path, ops) -> obj(ops).keySet().forEach(m -> documented.add(m.toUpperCase() + " " + path)));
        Set<String> served = new HashSet<>();
        w.server.routeTable().forEach(r -> served.add(r.method() + " " + r.path()));
        assertThat(documented).isEqualTo(served);
        // every parameter reference resolves
        Map<String, Object> params = obj(obj(doc.get("components")).get("parameters"));
        paths.values().forEach(ops -> obj(ops).values().forEach(op -> {
            List<Object> ps = (List<Object>) obj(op).getOrDefault("parameters", List.of());
            ps.forEach(p -> {
                Object ref = obj(p).get("$ref");
                if (ref != null) {
                    assertThat(params).containsKey(((String) ref).substring("#/components/parameters/".length()));
                }
            });
        }));
    }

    @Test
    void theUiIsServedWithAPolicyThatRunsOnlyItsOwnScripts() {
        var page = w.get("/");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("Khaldun workbench").contains("vendor/d3.min.js");
        var d3 = w.get("/vendor/d3.min.js");
        assertThat(d3.status()).isEqualTo(200);
        assertThat(w.get("/vendor/countries-110m.json").status()).isEqualTo(200);
        for (var r : List.of(page, d3, w.get("/api/stats"))) {
            assertThat(r.headers().firstValue("Content-Security-Policy")).hasValue(Workbench.CSP);
            assertThat(r.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        }
        assertThat(Workbench.CSP).contains("script-src 'self'").doesNotContain("unsafe");
    }
}
