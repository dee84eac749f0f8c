package org.khaldun.store;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.khaldun.actor.Actor;
import org.khaldun.article.Article;
import org.khaldun.dedup.CorefKey;
import org.khaldun.dedup.DateSpan;
import org.khaldun.event.Event;
import org.khaldun.output.EventJson;
import org.khaldun.place.Place;

/**
 * The typed columns of one event, taken from the {@link Event} record: who, what, when, where ({@link Event#location()})
 * and who said so ({@link Event#source()}), plus the canonical JSON ({@link EventJson}) kept whole so that a field
 * the coder adds later is stored before it has a column.
 */
record EventRow(Event event, String json, String actorCodes, String recipientCodes, String sourceKind,
                Optional<Location> location, CorefKey corefKey, DateSpan dateSpan) {

    static EventRow of(Event e, Article article) {
        String json = EventJson.toJson(e, article);
        // "article" when the reporter tells it in their own voice, else named/anonymous/media/document
        String sourceKind = e.source().kind().strip().toLowerCase(Locale.ROOT);
        Optional<Location> location = e.location().map(EventRow::location);
        List<String> actors = e.actor().stream().map(Actor::code).toList();
        List<String> recipients = e.recipient().stream().map(Actor::code).toList();
        CorefKey key = CorefKey.of(actors, recipients, e.eventType(), e.cameo().code(),
                location.map(Location::corefKey).orElse(""), e.modality().isFact());
        DateSpan span = new DateSpan(e.date().date() == null ? article.published().orElse(java.time.LocalDate.EPOCH)
                : e.date().date(), e.date().precision(), e.date().fromPublication());
        return new EventRow(e, json, String.join(";", actors), String.join(";", recipients), sourceKind, location, key,
                span);
    }

    private static Location location(Place p) {
        return new Location(p.name(), p.countryCode(), p.admin1(), p.lat(), p.lon(), p.geonameId());
    }

    Actor firstActor() {
        return event.actor().isEmpty() ? null : event.actor().get(0);
    }

    Actor firstRecipient() {
        return event.recipient().isEmpty() ? null : event.recipient().get(0);
    }
}
