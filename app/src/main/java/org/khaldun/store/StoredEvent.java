package org.khaldun.store;

import java.time.LocalDate;
import java.util.Optional;

/**
 * One coded event as stored: a <em>mention</em> of a real-world event in one sentence of one article. The typed
 * fields are what queries filter and sort on; {@code json} is the full canonical event (docs/output-schema.md), so
 * fields added to the schema later are kept even before they get a column.
 *
 * @param seq                 store order: ingest order of the article, then order in the article
 * @param actorCode           the first actor's code (the one GDELT's Actor1 would be); {@code actorCodes} lists all,
 *                            joined by {@code ;}
 * @param sourceKind          what the claim rests on: {@code article} (the reporter's own voice), {@code named},
 *                            {@code anonymous}, {@code media} or {@code document}
 * @param clusterId           the real-world event this mention belongs to (see {@link EventCluster})
 */
public record StoredEvent(long seq, String id, long articleSeq, String articleId, LocalDate date, String datePrecision,
                          boolean dateFromPublication, Optional<LocalDate> published,
                          String actorCode, String actorCountry, String actorSector, String actorText, String actorCodes,
                          String recipientCode, String recipientCountry, String recipientSector, String recipientText,
                          String recipientCodes, String eventType, String mode, String cameoCode, int quadClass,
                          double goldstein, boolean negated, boolean hypothetical, boolean future, int sentenceIndex,
                          String trigger, String sourceKind, Optional<Location> location, long clusterId,
                          String codebook, String json) {

    /** Two-digit CAMEO root, leading zero kept ("04"). */
    public String cameoRoot() {
        return cameoCode.length() >= 2 ? cameoCode.substring(0, 2) : cameoCode;
    }

    public boolean isFact() {
        return !negated && !hypothetical && !future;
    }
}
