package org.khaldun.output;

import java.util.List;
import java.util.StringJoiner;
import java.util.stream.Collectors;
import org.khaldun.actor.Actor;
import org.khaldun.article.Article;
import org.khaldun.event.Event;
import org.khaldun.place.Place;

/**
 * A flat, spreadsheet-friendly view of the same events: one row per event, multi-valued cells joined with
 * {@code ;}. Tabs and newlines inside text are replaced by spaces so every row stays one line.
 */
public final class EventTsv {

    public static final List<String> COLUMNS = List.of(
            "id", "article_id", "date", "date_precision", "date_text", "published",
            "actor_codes", "actor_texts", "recipient_codes", "recipient_texts",
            "event", "mode", "context", "cameo_code", "goldstein", "quad_class",
            "negated", "hypothetical", "future",
            "sentence_index", "trigger", "trigger_start", "trigger_end", "sentence", "explanation", "codebook",
            "source_kind", "source_speaker_code", "source_speaker_text", "source_cue", "source_channel", "source_anonymous",
            "event_loc_name", "event_loc_country", "event_loc_admin1", "event_loc_lat", "event_loc_lon", "event_loc_level",
            "source_speaker_name");

    private EventTsv() {
    }

    public static String header() {
        return String.join("\t", COLUMNS);
    }

    public static String toRow(Event e, Article article) {
        StringJoiner j = new StringJoiner("\t");
        j.add(e.id()).add(e.articleId())
                .add(e.date().date() == null ? "" : e.date().date().toString())
                .add(e.date().precision()).add(clean(e.date().text()))
                .add(article.published().map(Object::toString).orElse(""))
                .add(codes(e.actor())).add(texts(e.actor()))
                .add(codes(e.recipient())).add(texts(e.recipient()))
                .add(e.eventType()).add(e.mode()).add(String.join(";", e.context()))
                .add(e.cameo().code())
                .add(Double.toString(e.cameo().goldstein()))
                .add(Integer.toString(e.cameo().quadClass()))
                .add(Boolean.toString(e.modality().negated()))
                .add(Boolean.toString(e.modality().hypothetical()))
                .add(Boolean.toString(e.modality().future()))
                .add(Integer.toString(e.textInfo().sentenceIndex()))
                .add(clean(e.textInfo().trigger()))
                .add(Integer.toString(e.textInfo().triggerStart()))
                .add(Integer.toString(e.textInfo().triggerEnd()))
                .add(clean(e.textInfo().sentence()))
                .add(clean(e.explanation()))
                .add(e.codebook())
                .add(e.source().kind())
                .add(e.source().speaker().map(Actor::code).orElse(""))
                .add(clean(e.source().speaker().map(Actor::text).orElse("")))
                .add(clean(e.source().cue()))
                .add(clean(e.source().channel()))
                .add(Boolean.toString(e.source().anonymous()))
                .add(e.location().map(p -> clean(p.name())).orElse(""))
                .add(e.location().map(p -> p.countryCode()).orElse(""))
                .add(e.location().map(p -> clean(p.admin1())).orElse(""))
                .add(e.location().filter(Place::geocoded).map(p -> Double.toString(p.lat())).orElse(""))
                .add(e.location().filter(Place::geocoded).map(p -> Double.toString(p.lon())).orElse(""))
                .add(e.location().map(p -> p.level().name().toLowerCase(java.util.Locale.ROOT)).orElse(""))
                .add(clean(e.source().speakerName()));
        return j.toString();
    }

    private static String codes(List<Actor> actors) {
        return actors.stream().map(Actor::code).collect(Collectors.joining(";"));
    }

    private static String texts(List<Actor> actors) {
        return actors.stream().map(a -> clean(a.text())).collect(Collectors.joining(";"));
    }

    private static String clean(String s) {
        return s.replace('\t', ' ').replace('\n', ' ').replace('\r', ' ');
    }
}
