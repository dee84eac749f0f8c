package org.khaldun.store;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;

/**
 * One real-world event: every mention of it across articles and sentences (GDELT's Events row; its mentions are
 * GDELT's Mentions rows). Descriptive fields come from the representative mention: the first stored mention whose
 * date the text gave (not the publication date standing in), else the first mention.
 *
 * @param id                 deterministic: hash of the coreference key and the founding mention's date
 * @param key                the coreference key ({@link org.khaldun.dedup.CorefKey#value()})
 * @param numMentions        events (sentences) that report it
 * @param numSources         distinct outlets among them (an article without outlet counts as its own source)
 * @param numArticles        distinct articles among them
 * @param firstSeen          when the first of its articles was stored
 * @param firstPublished     the earliest publication date among its articles, when known
 * @param representative     seq of the representative mention
 * @param representativeSentence its sentence index (0 is the headline)
 * @param sourceUrl          the representative mention's article URL, or empty
 */
public record EventCluster(long id, String key, LocalDate date, String datePrecision, String actorCode,
                           String actorCountry, String actorSector, String actorText, String recipientCode,
                           String recipientCountry, String recipientSector, String recipientText, String eventType,
                           String mode, String cameoCode, int quadClass, double goldstein, boolean fact,
                           Optional<Location> location, int numMentions, int numSources, int numArticles,
                           Instant firstSeen, Optional<LocalDate> firstPublished, long representative,
                           long representativeArticle, int representativeSentence, String sourceUrl,
                           String codebook) {

    public String cameoRoot() {
        return cameoCode.length() >= 2 ? cameoCode.substring(0, 2) : cameoCode;
    }
}
