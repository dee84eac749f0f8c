package org.khaldun.serve;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.khaldun.json.Json;
import org.khaldun.store.AggregateRow;
import org.khaldun.store.EventCluster;
import org.khaldun.store.Location;
import org.khaldun.store.NetworkEdge;
import org.khaldun.store.SeriesPoint;
import org.khaldun.store.StoredArticle;
import org.khaldun.store.StoredEvent;

/** The JSON shapes of the API (documented in docs/serve.md and the OpenAPI document), built from store records. */
final class Views {

    private Views() {
    }

    /**
     * The API's id of a stored event: its article's seq and its own seq, both store numbers that are never reused,
     * so the id is stable and names the article to read it from.
     */
    static String eventId(StoredEvent e) {
        return e.articleSeq() + "-" + e.seq();
    }

    static Map<String, Object> event(StoredEvent e, boolean withCoded) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", eventId(e));
        m.put("seq", e.seq());
        m.put("event_id", e.id());
        m.put("article_seq", e.articleSeq());
        m.put("article_id", e.articleId());
        m.put("cluster_id", Long.toString(e.clusterId()));
        m.put("date", e.date() == null ? null : e.date().toString());
        m.put("date_precision", e.datePrecision());
        m.put("date_from_publication", e.dateFromPublication());
        m.put("published", e.published().map(Object::toString).orElse(null));
        m.put("actor", party(e.actorCode(), e.actorCountry(), e.actorSector(), e.actorText(), e.actorCodes()));
        m.put("recipient", party(e.recipientCode(), e.recipientCountry(), e.recipientSector(), e.recipientText(),
                e.recipientCodes()));
        m.put("event_type", e.eventType());
        m.put("mode", e.mode());
        m.put("cameo", e.cameoCode());
        m.put("quad_class", e.quadClass());
        m.put("goldstein", e.goldstein());
        m.put("fact", e.isFact());
        m.put("negated", e.negated());
        m.put("hypothetical", e.hypothetical());
        m.put("future", e.future());
        m.put("sentence_index", e.sentenceIndex());
        m.put("trigger", e.trigger());
        m.put("source_kind", EventFilter.sourceKindOf(e));
        m.put("location", location(e.location()));
        m.put("codebook", e.codebook());
        if (withCoded) {
            // the event exactly as the coder wrote it (docs/output-schema.md): spans, explanation, source
            m.put("coded", Json.parse(e.json()));
        }
        return m;
    }

    private static Map<String, Object> party(String code, String country, String sector, String text, String codes) {
        if (code.isEmpty() && text.isEmpty()) {
            return null;
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("code", code);
        m.put("country", country);
        m.put("sector", sector);
        m.put("text", text);
        m.put("codes", codes.isEmpty() ? List.of() : List.of(codes.split(";")));
        return m;
    }

    static Map<String, Object> location(Optional<Location> loc) {
        if (loc.isEmpty()) {
            return null;
        }
        Location l = loc.get();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", l.name());
        m.put("country", l.countryCode());
        m.put("admin1", l.admin1());
        m.put("lat", Double.isNaN(l.lat()) ? null : l.lat());
        m.put("lon", Double.isNaN(l.lon()) ? null : l.lon());
        m.put("geonames_id", l.geonamesId());
        return m;
    }

    static Map<String, Object> cluster(EventCluster c) {
        Map<String, Object> m = new LinkedHashMap<>();
        // ids are 64-bit hashes: a string, because JavaScript numbers lose digits past 2^53
        m.put("id", Long.toString(c.id()));
        m.put("date", c.date().toString());
        m.put("date_precision", c.datePrecision());
        m.put("actor", party(c.actorCode(), c.actorCountry(), c.actorSector(), c.actorText(), c.actorCode()));
        m.put("recipient", party(c.recipientCode(), c.recipientCountry(), c.recipientSector(), c.recipientText(),
                c.recipientCode()));
        m.put("event_type", c.eventType());
        m.put("mode", c.mode());
        m.put("cameo", c.cameoCode());
        m.put("quad_class", c.quadClass());
        m.put("goldstein", c.goldstein());
        m.put("fact", c.fact());
        m.put("location", location(c.location()));
        m.put("num_mentions", c.numMentions());
        m.put("num_sources", c.numSources());
        m.put("num_articles", c.numArticles());
        m.put("first_seen", c.firstSeen().toString());
        m.put("first_published", c.firstPublished().map(Object::toString).orElse(null));
        m.put("representative_event", c.representativeArticle() + "-" + c.representative());
        m.put("representative_article_seq", c.representativeArticle());
        m.put("representative_sentence", c.representativeSentence());
        m.put("source_url", c.sourceUrl());
        m.put("codebook", c.codebook());
        return m;
    }

    static Map<String, Object> articleSummary(StoredArticle a) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("seq", a.seq());
        m.put("id", a.id());
        m.put("url", a.url());
        m.put("title", a.title());
        m.put("published", a.published().map(Object::toString).orElse(null));
        m.put("source", a.source());
        m.put("codebook", a.codebook());
        m.put("record", a.record());
        m.put("ingested_at", a.ingestedAt().toString());
        m.put("num_events", a.numEvents());
        return m;
    }

    static Map<String, Object> series(SeriesPoint p) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("period", p.period().toString());
        m.put("count", p.count());
        m.put("goldstein_sum", round(p.goldsteinSum()));
        m.put("goldstein_mean", round(p.goldsteinMean()));
        List<Long> quads = new ArrayList<>(4);
        for (long q : p.quadCounts()) {
            quads.add(q);
        }
        m.put("quad_counts", quads);
        return m;
    }

    /**
     * The aggregate answer, {@code {"rows":[{"actor":…,"recipient":…,"period":…,"group":…,"count":…,
     * "goldstein_sum":…,"goldstein_mean":…},…],"truncated":…}}, written straight from the rows: a year of dyad-months
     * is ~9,000 rows, and one map per row to serialise afterwards was most of the answer's cost.
     */
    static String aggregateJson(List<AggregateRow> rows, int limit) {
        int n = Math.min(limit, rows.size());
        StringBuilder out = new StringBuilder(32 + n * 110);
        out.append("{\"rows\":[");
        for (int i = 0; i < n; i++) {
            AggregateRow r = rows.get(i);
            if (i > 0) {
                out.append(',');
            }
            out.append("{\"actor\":");
            Json.write(r.actor(), out);
            out.append(",\"recipient\":");
            Json.write(r.recipient(), out);
            out.append(",\"period\":\"").append(r.period()).append("\",\"group\":");
            Json.write(r.group(), out);
            out.append(",\"count\":").append(r.count());
            out.append(",\"goldstein_sum\":").append(round(r.goldsteinSum()));
            out.append(",\"goldstein_mean\":").append(round(r.goldsteinMean())).append('}');
        }
        return out.append("],\"truncated\":").append(rows.size() > limit).append('}').toString();
    }

    static Map<String, Object> edge(NetworkEdge e) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("actor", e.actor());
        m.put("recipient", e.recipient());
        m.put("count", e.count());
        m.put("goldstein_sum", round(e.goldsteinSum()));
        m.put("goldstein_mean", round(e.goldsteinMean()));
        return m;
    }

    static double round(double v) {
        return Double.isFinite(v) ? Math.round(v * 1000) / 1000.0 : 0;
    }

    static Map<String, Object> map(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }
}
