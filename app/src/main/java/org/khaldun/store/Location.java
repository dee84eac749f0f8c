package org.khaldun.store;

/**
 * Where an event happened, as the coder resolved it (the {@code event_loc} of the event JSON).
 *
 * @param name        the gazetteer name ("Homs")
 * @param countryCode ISO-3 code as actor codes spell it ("SYR"), or empty
 * @param admin1      first-order region, or empty
 * @param lat         latitude in degrees
 * @param lon         longitude in degrees
 * @param geonamesId  GeoNames id, or 0 when the gazetteer has none
 */
public record Location(String name, String countryCode, String admin1, double lat, double lon, long geonamesId) {
    public Location {
        name = name == null ? "" : name;
        countryCode = countryCode == null ? "" : countryCode;
        admin1 = admin1 == null ? "" : admin1;
    }

    /**
     * What coreference compares: the first-order region the place lies in or is (country and admin-1), or, for a
     * country or a place whose region the gazetteer does not know, country and name.
     *
     * <p>Reports of one strike name its place at different precision ("in Gaza", "in the Gaza Strip", "in northern
     * Gaza"), so comparing exact places would split one real-world event into several. Within a region, the
     * rest of the key (actors, recipients, action, factuality) and the day keep distinct events apart; what is
     * lost is two same-day attacks by the same actor on the same target in two towns of one region, which become
     * one event whose mentions keep their own places.
     */
    public String corefKey() {
        return admin1.isEmpty() ? countryCode + "//" + name : countryCode + "/" + admin1;
    }
}
