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

    /** What coreference compares: the GeoNames id when there is one, else country/region/name. */
    public String corefKey() {
        return geonamesId != 0 ? "gn:" + geonamesId : countryCode + "/" + admin1 + "/" + name;
    }
}
