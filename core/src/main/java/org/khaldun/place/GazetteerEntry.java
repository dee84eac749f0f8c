package org.khaldun.place;

/**
 * One place of the gazetteer.
 *
 * @param id          position in the gazetteer, stable for one build
 * @param geonameId   GeoNames id, or 0 where the source packages carry none (countries, admin-1 regions)
 * @param name        preferred name
 * @param level       continent, country, admin-1 region or city
 * @param country2    ISO 3166-1 alpha-2 code of the country, empty for continents
 * @param country3    ISO 3166-1 alpha-3 code (CAMEO spelling where it differs, as actor codes use it)
 * @param admin1Code  GeoNames admin-1 code within the country, or empty
 * @param admin1      name of the admin-1 region, or empty
 * @param lat         latitude in degrees
 * @param lon         longitude in degrees
 * @param population  inhabitants (for countries and regions: the sum over their listed cities)
 * @param featureCode GeoNames feature code (PPLC capital, PPLA admin seat, PPL, ADM1, PCLI, CONT)
 */
public record GazetteerEntry(int id, long geonameId, String name, Level level, String country2, String country3,
                             String admin1Code, String admin1, double lat, double lon, long population,
                             String featureCode) {

    /**
     * Towns smaller than this (other than capitals and admin-1 seats) are minor: the gazetteer lists them so that
     * local news finds its towns, but a minor town is read only where the article places it (a qualifier, or its
     * admin-1 region or a nearby place named in the same article), never just because its name occurs.
     */
    public static final long MINOR_BELOW = 15_000;

    /** A town below {@link #MINOR_BELOW} that is neither a capital nor an admin-1 seat. */
    public boolean minor() {
        return level == Level.CITY && population < MINOR_BELOW && !"PPLC".equals(featureCode) && !"PPLA".equals(featureCode);
    }

    public boolean isCapital() {
        return "PPLC".equals(featureCode);
    }

    /** Great-circle distance in kilometres. */
    public double distanceKm(double lat2, double lon2) {
        return Geo.distanceKm(lat, lon, lat2, lon2);
    }
}
