package org.khaldun.store;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.khaldun.actor.Actor;
import org.khaldun.article.Article;
import org.khaldun.dedup.CorefKey;
import org.khaldun.dedup.DateSpan;
import org.khaldun.event.Event;
import org.khaldun.json.Json;
import org.khaldun.output.EventJson;

/**
 * The typed columns of one event, taken from the {@link Event} record for the fields it has today and from the
 * canonical JSON ({@link EventJson}) for fields that other stages add to the schema: {@code event_loc} (where)
 * and {@code attribution} (who said so). Reading those from the JSON means the store picks them up as soon as
 * the coder emits them, with no change here; their expected shape is documented in docs/store.md.
 */
record EventRow(Event event, String json, String actorCodes, String recipientCodes, String sourceKind,
                Optional<Location> location, CorefKey corefKey, DateSpan dateSpan) {

    static EventRow of(Event e, Article article) {
        String json = EventJson.toJson(e, article);
        String sourceKind = "";
        Optional<Location> location = Optional.empty();
        if (json.contains("\"event_loc\"") || json.contains("\"attribution\"") || json.contains("\"source_kind\"")) {
            Map<String, Object> obj = Json.parseObject(json);
            location = location(obj.get("event_loc"));
            sourceKind = sourceKind(obj);
        }
        List<String> actors = e.actor().stream().map(Actor::code).toList();
        List<String> recipients = e.recipient().stream().map(Actor::code).toList();
        CorefKey key = CorefKey.of(actors, recipients, e.eventType(), e.cameo().code(),
                location.map(Location::corefKey).orElse(""), e.modality().isFact());
        DateSpan span = new DateSpan(e.date().date() == null ? article.published().orElse(java.time.LocalDate.EPOCH)
                : e.date().date(), e.date().precision(), e.date().fromPublication());
        return new EventRow(e, json, String.join(";", actors), String.join(";", recipients), sourceKind, location, key,
                span);
    }

    private static String sourceKind(Map<String, Object> obj) {
        if (obj.get("source_kind") instanceof String s) {
            return s.toUpperCase(java.util.Locale.ROOT);
        }
        if (obj.get("attribution") instanceof Map<?, ?> a) {
            for (String k : List.of("source_kind", "kind")) {
                if (a.get(k) instanceof String s) {
                    return s.toUpperCase(java.util.Locale.ROOT);
                }
            }
        }
        return "";
    }

    private static Optional<Location> location(Object raw) {
        if (!(raw instanceof Map<?, ?> m)) {
            return Optional.empty();
        }
        Double lat = number(m, "lat", "latitude");
        Double lon = number(m, "lon", "lng", "longitude");
        String name = string(m, "name", "place", "text");
        String country = string(m, "country_code", "country", "iso3");
        String admin1 = string(m, "admin1", "adm1");
        Double gn = number(m, "geonames_id", "geoname_id", "geonameid", "geonameId");
        if (lat == null || lon == null) {
            if (name.isEmpty() && country.isEmpty()) {
                return Optional.empty();
            }
            lat = Double.NaN;
            lon = Double.NaN;
        }
        return Optional.of(new Location(name, country, admin1, lat, lon, gn == null ? 0 : gn.longValue()));
    }

    private static Double number(Map<?, ?> m, String... keys) {
        for (String k : keys) {
            if (m.get(k) instanceof Number n) {
                return n.doubleValue();
            }
        }
        return null;
    }

    private static String string(Map<?, ?> m, String... keys) {
        for (String k : keys) {
            if (m.get(k) instanceof String s && !s.isBlank()) {
                return s;
            }
        }
        return "";
    }

    Actor firstActor() {
        return event.actor().isEmpty() ? null : event.actor().get(0);
    }

    Actor firstRecipient() {
        return event.recipient().isEmpty() ? null : event.recipient().get(0);
    }
}
