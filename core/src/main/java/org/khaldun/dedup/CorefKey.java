package org.khaldun.dedup;

import java.util.List;
import java.util.Objects;
import java.util.TreeSet;

/**
 * What two reports must share to be the same real-world event, apart from its date: who acted, on whom, what
 * kind of action, where, and whether it is told as a fact.
 *
 * <p>Actor lists are compared as sets (the order of "Iraq and Iran" does not matter). The action is the PLOVER
 * event type when there is one, else the CAMEO root, so that one report's "fired rockets at" (CAMEO 190) and
 * another's "attacked" (CAMEO 180s) still meet as ASSAULT. A negated, hypothetical or future report never merges
 * with a factual one: "Iran denied attacking" is not a report of the attack.
 *
 * @param actors     actor codes, sorted and distinct
 * @param recipients recipient codes, sorted and distinct; empty when the event has no recipient
 * @param action     {@code PLOVER:ASSAULT} or {@code CAMEO:19}
 * @param location   the place as coreference compares it (the store uses the first-order region: country and
 *                   admin-1) when the event has a location, else empty: an event without a location matches only
 *                   others without one
 * @param factual    whether the report tells it as a fact
 */
public record CorefKey(List<String> actors, List<String> recipients, String action, String location, boolean factual) {

    public CorefKey {
        actors = List.copyOf(new TreeSet<>(actors));
        recipients = List.copyOf(new TreeSet<>(recipients));
        Objects.requireNonNull(action);
        location = location == null ? "" : location;
    }

    /**
     * The key of an event: PLOVER type when non-empty, else the CAMEO root (the first two characters of the
     * code, leading zero kept).
     */
    public static CorefKey of(List<String> actorCodes, List<String> recipientCodes, String ploverType, String cameoCode,
                              String location, boolean factual) {
        String action;
        if (ploverType != null && !ploverType.isBlank()) {
            action = "PLOVER:" + ploverType.strip();
        } else {
            String code = cameoCode == null ? "" : cameoCode.strip();
            action = "CAMEO:" + (code.length() >= 2 ? code.substring(0, 2) : code);
        }
        return new CorefKey(actorCodes, recipientCodes, action, location, factual);
    }

    /** One string that is equal for equal keys: {@code IRN;IRQ|USA|PLOVER:ASSAULT||F}. */
    public String value() {
        return String.join(";", actors) + '|' + String.join(";", recipients) + '|' + action + '|' + location + '|'
                + (factual ? 'F' : 'N');
    }
}
