package org.khaldun.place;

import java.util.Objects;

/**
 * A place named in an article, resolved to the gazetteer (or, at {@link Level#UNRESOLVED}, named but not geocoded).
 *
 * @param text          the words as written ("Homs", "BAGHDAD", "Iraqi")
 * @param start         first character in the article (inclusive)
 * @param end           last character in the article (exclusive)
 * @param sentenceIndex sentence of the mention
 * @param firstToken    first token of the mention in its sentence (inclusive)
 * @param lastToken     last token (inclusive)
 * @param geonameId     GeoNames id, or 0 where the gazetteer has none (countries, admin-1 regions)
 * @param name          the gazetteer's name of the place ("Homs", "Syria")
 * @param countryCode   ISO-3 country code as actor codes spell it ("SYR"); a region code (AFR, MEA) for
 *                      continents and world regions
 * @param admin1        the admin-1 region the place lies in (or is), or empty
 * @param lat           latitude in degrees (NaN for an unresolved place)
 * @param lon           longitude in degrees (NaN for an unresolved place)
 * @param level         continent, country, admin-1 region or city; or unresolved: named, not geocoded
 * @param use           how the name is used: as the place, as an adjective, or for an actor
 * @param rule          why it was recognised and resolved so, for the analyst: e.g.
 *                      {@code name+qualifier(Syria)}, {@code name+locative(in)+context(SYR)}, {@code dateline}
 */
public record Place(String text, int start, int end, int sentenceIndex, int firstToken, int lastToken, long geonameId,
                    String name, String countryCode, String admin1, double lat, double lon, Level level, PlaceUse use,
                    String rule) {
    public Place {
        Objects.requireNonNull(text);
        Objects.requireNonNull(name);
        countryCode = countryCode == null ? "" : countryCode;
        admin1 = admin1 == null ? "" : admin1;
        Objects.requireNonNull(level);
        Objects.requireNonNull(use);
        Objects.requireNonNull(rule);
        if (firstToken > lastToken) {
            throw new IllegalArgumentException("bad place span " + firstToken + ".." + lastToken);
        }
    }

    /** Whether the place has coordinates: false for a {@link Level#UNRESOLVED} name the gazetteer lacks. */
    public boolean geocoded() {
        return level != Level.UNRESOLVED;
    }

    public boolean covers(int token) {
        return token >= firstToken && token <= lastToken;
    }

    /** Whether both name the same gazetteer place. */
    public boolean samePlace(Place o) {
        return level == o.level && name.equals(o.name) && countryCode.equals(o.countryCode)
                && Double.compare(lat, o.lat) == 0 && Double.compare(lon, o.lon) == 0;
    }
}
