package org.khaldun.output;

import java.util.List;
import org.khaldun.actor.Actor;
import org.khaldun.article.Article;
import org.khaldun.event.Event;
import org.khaldun.event.EventSource;
import org.khaldun.place.Place;

/**
 * Khaldun's canonical output: one PLOVER-style JSON object per event, one per line. The schema is documented in
 * {@code docs/output-schema.md}; field names are a contract, so change them only by adding.
 */
public final class EventJson {

    private EventJson() {
    }

    /** The event as one line of JSON (no trailing newline). */
    public static String toJson(Event e, Article article) {
        StringBuilder b = new StringBuilder(1024);
        JsonWriter w = new JsonWriter(b);
        w.beginObject();
        w.field("id", e.id());
        w.field("article_id", e.articleId());
        w.field("date", e.date().date() == null ? null : e.date().date().toString());
        w.field("date_value", e.date().value());
        w.field("date_precision", e.date().precision());
        if (!e.date().modifier().isEmpty()) {
            w.field("date_modifier", e.date().modifier());
        }
        w.field("date_text", e.date().text());
        w.field("date_from_publication", e.date().fromPublication());
        w.field("published", article.published().map(Object::toString).orElse(null));
        actors(w, "actor", e.actor());
        actors(w, "recipient", e.recipient());
        w.field("event", e.eventType());
        w.field("mode", e.mode());
        w.name("context").beginArray();
        for (String c : e.context()) {
            w.value(c);
        }
        w.endArray();
        w.name("cameo").beginObject()
                .field("code", e.cameo().code())
                .field("goldstein", e.cameo().goldstein())
                .field("quad_class", e.cameo().quadClass())
                .endObject();
        w.name("text_info").beginObject()
                .field("sentence_index", e.textInfo().sentenceIndex())
                .field("start", e.textInfo().start())
                .field("end", e.textInfo().end())
                .field("trigger", e.textInfo().trigger())
                .field("trigger_start", e.textInfo().triggerStart())
                .field("trigger_end", e.textInfo().triggerEnd())
                .field("sentence", e.textInfo().sentence())
                .endObject();
        w.name("modality").beginObject()
                .field("negated", e.modality().negated())
                .field("hypothetical", e.modality().hypothetical())
                .field("future", e.modality().future())
                .endObject();
        source(w, e.source());
        w.name("event_loc");
        if (e.location().isPresent()) {
            Place p = e.location().get();
            w.beginObject()
                    .field("text", p.text())
                    .field("start", p.start())
                    .field("end", p.end())
                    .field("name", p.name())
                    .field("geonames_id", p.geonameId())
                    .field("country", p.countryCode())
                    .field("admin1", p.admin1())
                    .field("lat", p.lat())
                    .field("lon", p.lon())
                    .field("level", p.level().name().toLowerCase(java.util.Locale.ROOT))
                    .endObject();
        } else {
            w.value((String) null);
        }
        w.field("explanation", e.explanation());
        w.field("codebook", e.codebook());
        if (!article.url().isEmpty()) {
            w.field("url", article.url());
        }
        if (!article.source().isEmpty()) {
            w.field("publisher", article.source());
        }
        w.endObject();
        return b.toString();
    }

    private static void source(JsonWriter w, EventSource s) {
        w.name("source").beginObject().field("kind", s.kind());
        w.name("speaker");
        if (s.speaker().isPresent()) {
            actor(w, s.speaker().get());
        } else {
            w.value((String) null);
        }
        w.field("speaker_name", s.speakerName().isEmpty() ? null : s.speakerName());
        w.field("cue", s.cue()).field("channel", s.channel()).field("anonymous", s.anonymous())
                .field("attribution_id", s.attributionId()).endObject();
    }

    private static void actor(JsonWriter w, Actor a) {
        w.beginObject()
                .field("text", a.text())
                .field("code", a.code())
                .field("country", a.country())
                .field("sector", a.sector())
                .field("start", a.start())
                .field("end", a.end())
                .endObject();
    }

    private static void actors(JsonWriter w, String name, List<Actor> actors) {
        w.name(name).beginArray();
        for (Actor a : actors) {
            actor(w, a);
        }
        w.endArray();
    }
}
