package org.khaldun.place;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** What an analyst sees as the places of a story: which names are places, and which places they are. */
class PlaceRecognitionTest {

    @Test
    void aCapitalUsedAsTheSubjectOfAStatementVerbIsAnActorNotAPlace() {
        Located l = Located.of("Washington said on Monday that the talks would resume. Officials met in Baghdad.", false);
        assertThat(l.places()).extracting(Place::text).containsExactly("Baghdad");
        assertThat(l.place("Washington").use()).isEqualTo(PlaceUse.METONYMIC);
    }

    @Test
    void homsSyriaResolvesToTheSyrianCity() {
        Place homs = Located.of("Shelling continued in Homs, Syria, on Tuesday.", false).place("Homs");
        assertThat(homs.level()).isEqualTo(Level.CITY);
        assertThat(homs.countryCode()).isEqualTo("SYR");
        assertThat(homs.geonameId()).isEqualTo(169577L);
        assertThat(homs.rule()).contains("qualifier(Syria)");
    }

    @Test
    void aQualifierPicksTheSmallerNamesake() {
        Place paris = Located.of("The storm hit Paris, Texas, overnight.", false).place("Paris");
        assertThat(paris.countryCode()).isEqualTo("USA");
        assertThat(paris.admin1()).isEqualTo("Texas");
    }

    @Test
    void withoutAQualifierTheLargestPlaceOfTheNameWins() {
        Place paris = Located.of("Protesters gathered in Paris on Saturday.", false).place("Paris");
        assertThat(paris.countryCode()).isEqualTo("FRA");
        assertThat(paris.lat()).isBetween(48.0, 49.5);
    }

    @Test
    void theCountriesOfTheStoryDecideBetweenNamesakes() {
        Place georgia = Located.of("Atlanta police said the shooting in Georgia left two dead. Florida and Alabama sent help.",
                false).place("Georgia");
        assertThat(georgia.level()).isEqualTo(Level.ADMIN1);
        assertThat(georgia.countryCode()).isEqualTo("USA");
    }

    @Test
    void countryNamesAndDemonymsResolveToCountriesWithActorCodes() {
        Located l = Located.of("Iraqi forces entered the town after talks in the U.S. and Britain.", false);
        assertThat(l.place("U.S.").countryCode()).isEqualTo("USA");
        assertThat(l.place("Britain").countryCode()).isEqualTo("GBR");
        Place iraqi = l.place("Iraqi");
        assertThat(iraqi.countryCode()).isEqualTo("IRQ");
        assertThat(iraqi.use()).isEqualTo(PlaceUse.ADJECTIVAL);
        assertThat(l.places()).extracting(Place::text).containsExactly("U.S.", "Britain");
    }

    @Test
    void commonWordsAndPersonNamesAreNotPlaces() {
        Located l = Located.of("Police said Reading was his hobby. Mobile phones were seized. Paris Hilton arrived.", false);
        assertThat(l.places()).isEmpty();
    }

    @Test
    void aCommonWordIsAPlaceAfterALocativePreposition() {
        Place reading = Located.of("A man was arrested in Reading, England.", false).place("Reading");
        assertThat(reading.countryCode()).isEqualTo("GBR");
    }

    @Test
    void aSmallTownNeedsEvidence() {
        Located l = Located.of("Marion Cotillard and Chester Bennington spoke. Troops moved into Marion, Ohio.", false);
        assertThat(l.places()).extracting(Place::text).containsExactly("Marion", "Ohio");
    }

    @Test
    void aVillageIsFoundWhereTheStoryPlacesIt() {
        Place lewisburg = Located.of("Storms swept across West Virginia on Friday. Roads were closed in Lewisburg.", false)
                .place("Lewisburg");
        assertThat(lewisburg.admin1()).isEqualTo("West Virginia");
        assertThat(lewisburg.geonameId()).isEqualTo(4812015L);
    }

    @Test
    void aVillageTheStoryDoesNotPlaceIsNoPlace() {
        assertThat(Located.of("He moved to Lewisburg last year.", false).places()).isEmpty();
    }

    @Test
    void theNamesakeInTheRegionTheStoryNamesWins() {
        Place plymouth = Located.of("Tourists gathered in Plymouth on Thursday. Massachusetts officials said the harbour "
                + "would reopen.", false).place("Plymouth");
        assertThat(plymouth.admin1()).isEqualTo("Massachusetts");
    }

    @Test
    void aVillageNeverReplacesARegionOrABigCityOfTheStory() {
        Located l = Located.of("Letters were sent to reporters in New York City and Florida.", false);
        assertThat(l.place("Florida").level()).isEqualTo(Level.ADMIN1);
        assertThat(l.place("Florida").admin1()).isEqualTo("Florida");
    }

    @Test
    void anAbbreviationThatIsAlsoATitleNamesAStateOnlyAsAQualifier() {
        Located tupelo = Located.of("A tornado struck Tupelo, Miss., on Monday.", false);
        assertThat(tupelo.place("Tupelo").admin1()).isEqualTo("Mississippi");
        assertThat(tupelo.place("Miss.").level()).isEqualTo(Level.ADMIN1);
        assertThat(Located.of("Miss. Universe contestants arrived in Paris.", false).places())
                .extracting(Place::text).containsExactly("Paris");
    }

    @Test
    void theDatelineNamesThePlaceOfTheStory() {
        Located l = Located.of("BAGHDAD, Feb 8 (Reuters) - Gunmen killed three people on Thursday.", false);
        Place dateline = l.places.dateline().orElseThrow();
        assertThat(dateline.name()).isEqualTo("Baghdad");
        assertThat(dateline.countryCode()).isEqualTo("IRQ");
        assertThat(dateline.rule()).contains("dateline");
    }

    @Test
    void aRegionWordMakesTheNameTheRegion() {
        Place idlib = Located.of("Airstrikes hit villages in Idlib province.", false).place("Idlib");
        assertThat(idlib.level()).isEqualTo(Level.ADMIN1);
        assertThat(idlib.countryCode()).isEqualTo("SYR");
    }

    @Test
    void commonEnglishSpellingsResolve() {
        Located l = Located.of("Fighting spread from Raqqa to Kiev and Basra.", false);
        assertThat(l.place("Raqqa").countryCode()).isEqualTo("SYR");
        assertThat(l.place("Kiev").name()).isEqualTo("Kyiv");
        assertThat(l.place("Basra").countryCode()).isEqualTo("IRQ");
    }

    @Test
    void placesInsideOrganisationNamesAreNotLiteralPlaces() {
        Located l = Located.of("The European Union and the New York Times reported it.", false);
        assertThat(l.places()).isEmpty();
    }

    @Test
    void washingtonAloneIsTheCapitalAndTheStateOfWashingtonIsTheState() {
        Place capital = Located.of("Thousands of protesters marched in Washington on Saturday.", false).place("Washington");
        assertThat(capital.level()).isEqualTo(Level.CITY);
        assertThat(capital.countryCode()).isEqualTo("USA");
        Place state = Located.of("Wildfires burned across the state of Washington on Saturday.", false).place("Washington");
        assertThat(state.level()).isEqualTo(Level.ADMIN1);
    }

    @Test
    void aProvinceNamedLikeItsMuchSmallerSeatIsTheProvince() {
        Place quebec = Located.of("Hospitals in Quebec are full, officials in Canada said.", false).place("Quebec");
        assertThat(quebec.level()).isEqualTo(Level.ADMIN1);
        Place mecca = Located.of("Pilgrims arrived in Mecca, Saudi officials said.", false).place("Mecca");
        assertThat(mecca.level()).as("a city that is a large part of its region stands for itself").isEqualTo(Level.CITY);
    }
}
