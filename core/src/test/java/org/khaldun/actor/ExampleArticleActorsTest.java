package org.khaldun.actor;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The canonical demo article (Iraq/Iran/US forces, early February 2024), as an analyst reads its actors. */
class ExampleArticleActorsTest {

    private static Recognized r;

    @BeforeAll
    static void read() throws IOException {
        Path file = org.khaldun.TestData.exampleArticle();
        r = Recognized.of(Files.readString(file), LocalDate.of(2024, 2, 7));
    }

    @Test
    void theActingSpeakerInAppositionIsOneIraqiLegislatureMention() {
        ActorMention m = r.first("the Acting Speaker of the Iraqi Parliament, Mohsen Al-Mandalawi");
        assertThat(m.actor().code()).isEqualTo("IRQLEG");
        assertThat(m.actor().country()).isEqualTo("IRQ");
        assertThat(m.actor().sector()).isEqualTo("LEG");
        assertThat(r.headWord(m)).isEqualTo("Speaker");
        assertThat(r.article.text().substring(m.actor().start(), m.actor().end())).isEqualTo(m.actor().text());
    }

    @Test
    void theIranianJudiciaryChiefWithHisNameIsIranianJudiciary() {
        ActorMention m = r.first("Iranian Judiciary Chief Gholamhossein Mohseni Ejei");
        assertThat(m.actor().code()).isEqualTo("IRNJUD");
        assertThat(r.headWord(m)).isEqualTo("Ejei");
    }

    @Test
    void heInTheFourthSentenceIsAlMandalawi() {
        ActorMention he = r.in(4).get(0); // sentence 0 is the headline
        assertThat(he.actor().text()).isEqualTo("He");
        assertThat(he.actor().code()).isEqualTo("IRQLEG");
        assertThat(he.rule()).isEqualTo("pronoun->Mohsen Al-Mandalawi");
    }

    @Test
    void aShortNameLaterInTheArticleKeepsTheFullMentionsCode() {
        ActorMention m = r.first("Al-Mandalawi");
        assertThat(m.actor().code()).isEqualTo("IRQLEG");
        assertThat(m.rule()).startsWith("name->Mohsen Al-Mandalawi");
    }

    @Test
    void iransJudiciaryChiefIsIranianJudiciary() {
        assertThat(r.first("Iran's Judiciary Chief").actor().code()).isEqualTo("IRNJUD");
    }

    @Test
    void heAfterIransJudiciaryChiefIsTheJudiciaryChief() {
        ActorMention he = r.in(8).get(0);
        assertThat(he.actor().text()).isEqualTo("he");
        assertThat(he.actor().code()).isEqualTo("IRNJUD");
    }

    @Test
    void theUnitedStatesIsTheCountry() {
        ActorMention m = r.first("the United States");
        assertThat(m.actor().code()).isEqualTo("USA");
        assertThat(r.headWord(m)).isEqualTo("States");
    }

    @Test
    void usForcesAndTroopsAreTheUsMilitary() {
        ActorMention forces = r.first("US forces");
        assertThat(forces.actor().code()).isEqualTo("USAMIL");
        assertThat(r.headWord(forces)).isEqualTo("forces");
        assertThat(r.first("US troops").actor().code()).isEqualTo("USAMIL");
    }

    @Test
    void iraqiResistancePhrasesAreIraqiRebels() {
        assertThat(r.first("The Iraqi Resistance").actor().code()).isEqualTo("IRQREB");
        ActorMention bare = r.first("the Resistance");
        assertThat(bare.actor().code()).isEqualTo("IRQREB");
        assertThat(bare.rule()).contains("article-country(IRQ)");
    }

    @Test
    void cnnIsAmericanMedia() {
        assertThat(r.first("CNN").actor().code()).isEqualTo("USAMED");
    }

    @Test
    void modifiedAgentsTakeTheirModifiersCountry() {
        assertThat(r.first("Iranian officials").actor().code()).isEqualTo("IRNGOV");
        assertThat(r.first("the Iraqi government").actor().code()).isEqualTo("IRQGOV");
        assertThat(r.first("a US official").actor().code()).isEqualTo("USAGOV");
        assertThat(r.first("the Israeli occupation").actor().code()).isEqualTo("ISRMIL");
        assertThat(r.first("the Iraqi people").actor().code()).isEqualTo("IRQCVL");
    }

    @Test
    void conjoinedNationalityAdjectivesShareTheAgent() {
        assertThat(r.first("Iraqi").actor().code()).isEqualTo("IRQGOV");
        assertThat(r.first("Arab").actor().code()).isEqualTo("ARBLEG");
        assertThat(r.first("Islamic parliaments").actor().code()).isEqualTo("MOSLEG");
    }

    @Test
    void theCountryIsTheLastCountryMentionedEvenAsAPlace() {
        // "...end US presence in Iraq", adding that the country is strong
        ActorMention m = r.in(3).stream().filter(x -> x.actor().text().equals("the country")).findFirst().orElseThrow();
        assertThat(m.actor().code()).isEqualTo("IRQ");
    }

    @Test
    void placesAfterInAreNotActors() {
        // "US presence in Iraq": Iraq is where, not who
        assertThat(r.in(3)).extracting(m -> m.actor().text()).doesNotContain("Iraq");
        // "attacked US forces in Syria and Iraq"
        assertThat(r.in(14)).extracting(m -> m.actor().text()).doesNotContain("Syria", "Iraq");
    }

    @Test
    void aLedCoalitionIsTheLeadingCountrysMilitary() {
        assertThat(r.first("the US-led international coalition").actor().code()).isEqualTo("USAMIL");
    }

    @Test
    void anAgentAfterAPossessivePronounTakesThePossessorsCountry() {
        assertThat(r.first("delegation").actor().code()).isEqualTo("IRNGOV");
    }

    @Test
    void mentionsAreInTokenOrderAndDoNotOverlap() {
        for (int s = 0; s < r.sentences.size(); s++) {
            int last = -1;
            for (ActorMention m : r.in(s)) {
                assertThat(m.firstToken()).isGreaterThan(last);
                last = m.lastToken();
            }
        }
    }
}
