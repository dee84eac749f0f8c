package org.khaldun.store;

import java.time.LocalDate;
import java.util.Locale;
import java.util.Optional;

/**
 * Which events a query wants. Every criterion is optional (empty string, 0 or empty); those given must all hold.
 * Build from {@link #ALL} with the {@code with…} methods: {@code EventQuery.ALL.withActor("IRQ").withCameo("19")}.
 *
 * @param actor      actor code prefix: {@code IRQ} matches IRQ, IRQGOV, IRQMIL…; any of a compound actor counts
 * @param recipient  recipient code prefix
 * @param country    ISO-3 country of the actor, the recipient or the event location
 * @param sector     sector of the actor or the recipient ({@code GOV}, {@code MIL}, …)
 * @param cameo      CAMEO code prefix, as a string: {@code 19}, {@code 043}
 * @param eventType  PLOVER event type ({@code ASSAULT})
 * @param quadClass  1..4, or 0 for any
 * @param from       first event date (inclusive)
 * @param to         last event date (inclusive)
 * @param text       full-text query on the event's sentence (words, "phrases", AND/OR/NOT, prefix*)
 * @param sourceKind what the claim rests on, the event's {@code source.kind}: {@code article} (the reporter's own
 *                   voice), {@code named}, {@code anonymous}, {@code media} or {@code document}; case-insensitive
 * @param codebook   codebook version
 * @param factsOnly  drop negated, hypothetical and future events
 * @param oneADay    at most one event per actor, recipient, CAMEO code and day (the first stored), as in the
 *                   "one-a-day" filtering of event data sets; off by default
 */
public record EventQuery(String actor, String recipient, String country, String sector, String cameo, String eventType,
                         int quadClass, Optional<LocalDate> from, Optional<LocalDate> to, String text, String sourceKind,
                         String codebook, boolean factsOnly, boolean oneADay) {

    public static final EventQuery ALL = new EventQuery("", "", "", "", "", "", 0, Optional.empty(), Optional.empty(),
            "", "", "", false, false);

    public EventQuery {
        actor = upper(actor);
        recipient = upper(recipient);
        country = upper(country);
        sector = upper(sector);
        cameo = cameo == null ? "" : cameo.strip();
        eventType = upper(eventType);
        if (quadClass < 0 || quadClass > 4) {
            throw new IllegalArgumentException("quad class must be 1..4 (or 0 for any): " + quadClass);
        }
        from = from == null ? Optional.empty() : from;
        to = to == null ? Optional.empty() : to;
        text = text == null ? "" : text.strip();
        sourceKind = sourceKind == null ? "" : sourceKind.strip().toLowerCase(Locale.ROOT);
        codebook = codebook == null ? "" : codebook.strip();
        if (!cameo.isEmpty() && !cameo.chars().allMatch(Character::isLetterOrDigit)) {
            throw new IllegalArgumentException("CAMEO code must be digits (as a string, e.g. \"043\"): " + cameo);
        }
    }

    private static String upper(String s) {
        return s == null ? "" : s.strip().toUpperCase(Locale.ROOT);
    }

    public EventQuery withActor(String v) {
        return new EventQuery(v, recipient, country, sector, cameo, eventType, quadClass, from, to, text, sourceKind, codebook, factsOnly, oneADay);
    }

    public EventQuery withRecipient(String v) {
        return new EventQuery(actor, v, country, sector, cameo, eventType, quadClass, from, to, text, sourceKind, codebook, factsOnly, oneADay);
    }

    public EventQuery withCountry(String v) {
        return new EventQuery(actor, recipient, v, sector, cameo, eventType, quadClass, from, to, text, sourceKind, codebook, factsOnly, oneADay);
    }

    public EventQuery withSector(String v) {
        return new EventQuery(actor, recipient, country, v, cameo, eventType, quadClass, from, to, text, sourceKind, codebook, factsOnly, oneADay);
    }

    public EventQuery withCameo(String v) {
        return new EventQuery(actor, recipient, country, sector, v, eventType, quadClass, from, to, text, sourceKind, codebook, factsOnly, oneADay);
    }

    public EventQuery withEventType(String v) {
        return new EventQuery(actor, recipient, country, sector, cameo, v, quadClass, from, to, text, sourceKind, codebook, factsOnly, oneADay);
    }

    public EventQuery withQuadClass(int v) {
        return new EventQuery(actor, recipient, country, sector, cameo, eventType, v, from, to, text, sourceKind, codebook, factsOnly, oneADay);
    }

    public EventQuery withDates(LocalDate first, LocalDate last) {
        return new EventQuery(actor, recipient, country, sector, cameo, eventType, quadClass, Optional.ofNullable(first),
                Optional.ofNullable(last), text, sourceKind, codebook, factsOnly, oneADay);
    }

    public EventQuery withText(String v) {
        return new EventQuery(actor, recipient, country, sector, cameo, eventType, quadClass, from, to, v, sourceKind, codebook, factsOnly, oneADay);
    }

    public EventQuery withSourceKind(String v) {
        return new EventQuery(actor, recipient, country, sector, cameo, eventType, quadClass, from, to, text, v, codebook, factsOnly, oneADay);
    }

    public EventQuery withCodebook(String v) {
        return new EventQuery(actor, recipient, country, sector, cameo, eventType, quadClass, from, to, text, sourceKind, v, factsOnly, oneADay);
    }

    public EventQuery withFactsOnly(boolean v) {
        return new EventQuery(actor, recipient, country, sector, cameo, eventType, quadClass, from, to, text, sourceKind, codebook, v, oneADay);
    }

    public EventQuery withOneADay(boolean v) {
        return new EventQuery(actor, recipient, country, sector, cameo, eventType, quadClass, from, to, text, sourceKind, codebook, factsOnly, v);
    }
}
