package org.khaldun.place;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Where an event happened: the place attached to its trigger, not any place of the story. */
class EventLocationTest {

    @Test
    void thePlaceOfAnAirstrikeIsThePlaceAttachedToItNotTheCapitalInTheNextClause() {
        Located l = Located.of("US aircraft carried out airstrikes in Fallujah on Friday, while officials in Baghdad "
                + "condemned the attack.", true);
        assertThat(l.locationOf("airstrikes")).isEqualTo("Fallujah");
        assertThat(l.locationOf("condemned")).isEqualTo("Baghdad");
    }

    @Test
    void aNominalTriggerTakesThePlaceOfItsPrepositionalModifier() {
        Located l = Located.of("The attacks on militia leaders in Baghdad drew a sharp response.", true);
        assertThat(l.locationOf("attacks")).isEqualTo("Baghdad");
    }

    @Test
    void aPlaceNamedThroughACityOfPhraseIsReached() {
        Located l = Located.of("Three soldiers were killed in the northern city of Kirkuk.", true);
        assertThat(l.locationOf("killed")).isEqualTo("Kirkuk");
    }

    @Test
    void aCapitalThatIsAnActorIsNeverTheLocation() {
        Located l = Located.of("Tehran condemned the bombing.", true);
        assertThat(l.locationOf("bombing")).isEmpty();
        assertThat(l.locationOf("condemned")).isEmpty();
    }

    @Test
    void wherePlaceIsOnlySaidTheSentencesOnlyPlaceIsTheLocation() {
        Located l = Located.of("Clashes broke out in Aden on Sunday.", true);
        assertThat(l.locationOf("Clashes")).isEqualTo("Aden");
    }

    @Test
    void thePlaceWhereSomethingWasSaidIsNotWhereTheEventHappened() {
        Located l = Located.of("Rebels shelled the base, officials in Washington said.", true);
        assertThat(l.locationOf("shelled")).isEmpty();
    }

    @Test
    void withoutAPlaceInTheSentenceTheDatelineIsTheLocation() {
        Located l = Located.of("MOSUL, Iraq, March 3 (Reuters) - Gunmen attacked a checkpoint on Tuesday.\n\n"
                + "The gunmen fled after the attack.", true);
        assertThat(l.locationOf("attacked")).isEqualTo("MOSUL");
    }

    @Test
    void aCountryNamedInsideAnAntiOrProModifierIsWhatTheThingIsAboutNotWhereTheEventHappened() {
        Located l = Located.of("Iran commended its recent anti-\"Israel\" legislation.", true);
        assertThat(l.place("Israel").use()).isEqualTo(PlaceUse.ADJECTIVAL);
        assertThat(l.locationOf("commended")).isEmpty();
        Located militias = Located.of("Pro-Iran militias attacked the base on Sunday.", true);
        assertThat(militias.locationOf("attacked")).isEmpty();
        Located rally = Located.of("Anti-\"Israel\" protesters rallied in Amman on Friday.", true);
        assertThat(rally.locationOf("rallied")).isEqualTo("Amman");
    }

    @Test
    void aCountryLeadingOrBackingAnActorIsNotTheLocationOfItsAttack() {
        Located l = Located.of("A US-led coalition bombed targets near Mosul overnight.", true);
        assertThat(l.locationOf("bombed")).isEqualTo("Mosul");
        Located backed = Located.of("Saudi-backed forces shelled the port on Monday.", true);
        assertThat(backed.locationOf("shelled")).isEmpty();
    }
}
