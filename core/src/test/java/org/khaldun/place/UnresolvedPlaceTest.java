package org.khaldun.place;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * Places the gazetteer lacks: villages, districts and landmarks named in a locative phrase are still where an event
 * happened, without coordinates; people, dates and places of saying are not.
 */
class UnresolvedPlaceTest {

    @Test
    void anAttackInAVillageTheGazetteerLacksIsLocatedAtThatVillageWithoutCoordinates() {
        Located l = Located.of("Gunmen attacked a police post in the village of Umm Tarsha on Sunday, killing two officers.", true);
        Place p = l.location("attacked").orElseThrow();
        assertThat(p.text()).isEqualTo("Umm Tarsha");
        assertThat(p.countryCode()).isEmpty();
        assertThat(p.level()).isEqualTo(Level.UNRESOLVED);
        assertThat(p.geocoded()).isFalse();
        assertThat(p.lat()).isNaN();
        assertThat(p.lon()).isNaN();
        assertThat(p.rule()).startsWith("unresolved+locative(in)+village-of").contains("-> event:attached:");
        // a name the gazetteer lacks is not a toponym of the recogniser
        assertThat(l.places.allMentions()).extracting(Place::text).doesNotContain("Umm Tarsha");
    }

    @Test
    void aDistrictNamedBeforeItsNounIsTheLocationRatherThanTheCityItLiesIn() {
        Located l = Located.of("A car bomb killed six people in the Dawoudiya district of Baghdad on Thursday.", true);
        Place p = l.location("killed").orElseThrow();
        assertThat(p.text()).isEqualTo("Dawoudiya");
        assertThat(p.level()).isEqualTo(Level.UNRESOLVED);
        // the phrase says which city the district lies in: the country is known, the coordinates are not
        assertThat(p.countryCode()).isEqualTo("IRQ");
        assertThat(p.rule()).contains("+in(Baghdad)");
        assertThat(p.geocoded()).isFalse();
    }

    @Test
    void aGazetteerPlaceAttachedToTheTriggerIsStillPreferredAndGeocoded() {
        Located l = Located.of("Three soldiers were killed in the northern city of Kirkuk.", true);
        Place p = l.location("killed").orElseThrow();
        assertThat(p.text()).isEqualTo("Kirkuk");
        assertThat(p.geocoded()).isTrue();
    }

    @Test
    void officialsInAPlaceWhoSaySomethingStillGiveNoLocation() {
        assertThat(Located.of("Rebels shelled the base, officials in Washington said.", true).locationOf("shelled")).isEmpty();
        assertThat(Located.of("Rebels shelled the base, officials in Tel Shaqra said.", true).locationOf("shelled")).isEmpty();
    }

    @Test
    void aPersonAfterNearIsNotAPlace() {
        Located l = Located.of("A grenade exploded near Mr. Farouk Haddad as he left the mosque.", true);
        assertThat(l.locationOf("exploded")).isEmpty();
        assertThat(l.places.unresolved(0)).isEmpty();
    }

    @Test
    void aPersonTheArticleNamedEarlierIsNotAPlaceWhenLaterMentionedAfterNear() {
        String named = "Karim Haddad said the talks had failed. ";
        String later = "On Monday a grenade exploded near Haddad as he left the mosque.";
        Located withPerson = Located.of(named + later, true);
        assertThat(withPerson.locationOf("exploded")).isEmpty();
        assertThat(withPerson.places.unresolved(1)).isEmpty();
        Located titled = Located.of("Minister Qasim Sheikhly visited the border. A grenade exploded near Sheikhly.", true);
        assertThat(titled.locationOf("exploded")).isEmpty();
        // the same words without the person: a place the gazetteer lacks
        assertThat(Located.of("A grenade exploded near Haddad junction on Monday.", true).locationOf("exploded"))
                .isEqualTo("Haddad");
    }

    @Test
    void theTargetOfAnAttackIsNotItsPlaceButWhereShellsFellIs() {
        assertThat(Located.of("The attack on Karim Haddad was condemned by the council.", true).locationOf("attack")).isEmpty();
        Located fell = Located.of("Mortar rounds fell on Kafr Dahna, wounding three children.", true);
        assertThat(fell.locationOf("fell")).isEqualTo("Kafr Dahna");
    }

    @Test
    void aDayOrMonthAfterOnOrInIsNotAPlace() {
        assertThat(Located.of("Militants attacked the convoy on Thursday.", true).locationOf("attacked")).isEmpty();
        assertThat(Located.of("Militants attacked the convoy in January.", true).locationOf("attacked")).isEmpty();
    }

    @Test
    void aCapitalisedCommonNounAfterAnIndefiniteArticleIsNotAPlaceName() {
        Located l = Located.of("An attacker detonated a bomb in a Bazaar, killing three tourists.", true);
        assertThat(l.locationOf("detonated")).isEmpty();
    }
}
