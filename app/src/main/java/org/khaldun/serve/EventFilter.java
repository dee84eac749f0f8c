package org.khaldun.serve;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.khaldun.json.Json;
import org.khaldun.store.EventCluster;
import org.khaldun.store.EventQuery;
import org.khaldun.store.Location;
import org.khaldun.store.StoredEvent;

/**
 * The event filters of the API's query string, split in two: what the store's {@link EventQuery} answers in SQL,
 * and the rest, which the store cannot ask for and the server checks row by row on pages the store returns.
 *
 * <p>The row-by-row ("residual") filters are the event location's place name and country (the store's
 * {@code country} matches actor, recipient <em>or</em> location). The kind of source a claim rests on
 * ({@code source_kind}: the coded event's {@code source.kind}, {@code article} when the reporter speaks) is a store
 * column and filters in SQL like the others.
 *
 * @param store      what the store filters
 * @param place      case-insensitive substring of the event location's name or admin-1 region, or empty
 * @param locCountry ISO-3 country of the event location, or empty
 */
public record EventFilter(EventQuery store, String place, String locCountry) {

    /** Query parameters that select events, as documented in the OpenAPI document. */
    public static final List<String> PARAMS = List.of("actor", "recipient", "country", "sector", "cameo", "plover",
            "quad_class", "from", "to", "q", "source_kind", "place", "loc_country", "facts_only", "one_a_day",
            "codebook");

    static final Set<String> SOURCE_KINDS = Set.of("article", "named", "anonymous", "media", "document");

    public EventFilter {
        place = place == null ? "" : place.strip().toLowerCase(Locale.ROOT);
        locCountry = locCountry == null ? "" : locCountry.strip().toUpperCase(Locale.ROOT);
    }

    public boolean hasResidual() {
        return !place.isEmpty() || !locCountry.isEmpty();
    }

    /** Parses the query string; every malformed value is a 400 naming its parameter. */
    static EventFilter parse(Map<String, List<String>> params) {
        EventQuery q = EventQuery.ALL
                .withActor(code(params, "actor"))
                .withRecipient(code(params, "recipient"))
                .withCountry(country(params, "country"))
                .withSector(code(params, "sector"))
                .withEventType(code(params, "plover"))
                .withText(one(params, "q"))
                .withCodebook(one(params, "codebook"))
                .withFactsOnly(bool(params, "facts_only"))
                .withOneADay(bool(params, "one_a_day"));
        String cameo = one(params, "cameo");
        if (!cameo.isEmpty() && !cameo.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw ApiException.badRequest("cameo must be a CAMEO code prefix of digits, as a string (\"04\", \"043\"): "
                    + cameo);
        }
        q = q.withCameo(cameo);
        String quad = one(params, "quad_class");
        if (!quad.isEmpty()) {
            if (!quad.matches("[1-4]")) {
                throw ApiException.badRequest("quad_class must be 1, 2, 3 or 4: " + quad);
            }
            q = q.withQuadClass(Integer.parseInt(quad));
        }
        LocalDate from = date(params, "from");
        LocalDate to = date(params, "to");
        if (from != null && to != null && to.isBefore(from)) {
            throw ApiException.badRequest("to (" + to + ") is before from (" + from + ")");
        }
        q = q.withDates(from, to);
        String kind = one(params, "source_kind").toLowerCase(Locale.ROOT);
        if (!kind.isEmpty() && !SOURCE_KINDS.contains(kind)) {
            throw ApiException.badRequest("source_kind must be one of article, named, anonymous, media, document: "
                    + kind);
        }
        return new EventFilter(q.withSourceKind(kind), one(params, "place"), country(params, "loc_country"));
    }

    /** Whether a stored event passes the residual filters (the store has applied the others). */
    boolean accepts(StoredEvent e) {
        return acceptsLocation(e.location());
    }

    boolean accepts(EventCluster c) {
        return acceptsLocation(c.location());
    }

    private boolean acceptsLocation(Optional<Location> loc) {
        if (place.isEmpty() && locCountry.isEmpty()) {
            return true;
        }
        if (loc.isEmpty()) {
            return false;
        }
        Location l = loc.get();
        if (!locCountry.isEmpty() && !locCountry.equals(l.countryCode())) {
            return false;
        }
        return place.isEmpty() || l.name().toLowerCase(Locale.ROOT).contains(place)
                || l.admin1().toLowerCase(Locale.ROOT).contains(place);
    }

    /** The source kind of a stored event: its {@code source.kind}, "article" when the reporter speaks. */
    static String sourceKindOf(StoredEvent e) {
        return e.sourceKind().isEmpty() ? "article" : e.sourceKind();
    }

    private static String one(Map<String, List<String>> params, String name) {
        List<String> v = params.get(name);
        if (v == null || v.isEmpty()) {
            return "";
        }
        if (v.size() > 1) {
            throw ApiException.badRequest(name + " is given " + v.size() + " times; give it once");
        }
        return v.get(0).strip();
    }

    private static String code(Map<String, List<String>> params, String name) {
        String v = one(params, name);
        if (!v.isEmpty() && !v.chars().allMatch(c -> Character.isLetterOrDigit(c) || c == '_')) {
            throw ApiException.badRequest(name + " must be a code of letters and digits: " + v);
        }
        return v;
    }

    private static String country(Map<String, List<String>> params, String name) {
        String v = one(params, name);
        if (!v.isEmpty() && !v.matches("[A-Za-z]{3}")) {
            throw ApiException.badRequest(name + " must be an ISO-3 country code (IRQ, SYR): " + v);
        }
        return v;
    }

    static boolean bool(Map<String, List<String>> params, String name) {
        String v = one(params, name).toLowerCase(Locale.ROOT);
        return switch (v) {
            case "", "false", "0", "no" -> false;
            case "true", "1", "yes" -> true;
            default -> throw ApiException.badRequest(name + " must be true or false: " + v);
        };
    }

    private static LocalDate date(Map<String, List<String>> params, String name) {
        String v = one(params, name);
        if (v.isEmpty()) {
            return null;
        }
        try {
            return LocalDate.parse(v);
        } catch (DateTimeParseException e) {
            throw ApiException.badRequest(name + " must be a date as YYYY-MM-DD: " + v);
        }
    }
}
