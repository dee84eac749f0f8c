package org.khaldun.actor;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.khaldun.article.Article;
import org.khaldun.article.Debris;
import org.khaldun.nlp.CoreNlpEngine;
import org.khaldun.nlp.Sentence;

/** General recognition rules on hand-written sentences. */
class ActorRecognitionRulesTest {

    private static final LocalDate FEB_2024 = LocalDate.of(2024, 2, 7);

    @Test
    void aCapitalAsSubjectIsItsCountrysGovernment() {
        Recognized r = Recognized.of("Tehran rejected the proposal. Moscow and Kyiv traded accusations.", FEB_2024);
        assertThat(r.first("Tehran").actor().code()).isEqualTo("IRNGOV");
        assertThat(r.first("Moscow").actor().code()).isEqualTo("RUSGOV");
        assertThat(r.first("Kyiv").actor().code()).isEqualTo("UKRGOV");
    }

    @Test
    void unionLeadersAreLabourNotTheGovernment() {
        Recognized r = Recognized.of("Chilean dock workers walked out. The minister will meet union leaders on Monday.",
                FEB_2024);
        assertThat(r.first("union leaders").actor().code()).endsWith("LAB");
    }

    @Test
    void aCapitalAfterALocativePrepositionIsAPlace() {
        Recognized r = Recognized.of("The minister flew to Tehran and met officials in Baghdad, near Damascus.", FEB_2024);
        assertThat(r.all()).extracting(m -> m.actor().text()).doesNotContain("Tehran", "Baghdad", "Damascus");
    }

    @Test
    void aCapitalBeforeAPlaceWordIsAPlace() {
        Recognized r = Recognized.of("A drone hit Baghdad airport on Friday.", FEB_2024);
        assertThat(r.all()).isEmpty();
    }

    @Test
    void seatsOfGovernmentStandForTheirInstitutions() {
        Recognized r = Recognized.of("The Kremlin denied it, the White House said, and the Pentagon spokesman agreed.", FEB_2024);
        assertThat(r.first("The Kremlin").actor().code()).isEqualTo("RUSGOV");
        assertThat(r.first("the White House").actor().code()).isEqualTo("USAGOV");
        assertThat(r.first("the Pentagon spokesman").actor().code()).isEqualTo("USAMIL");
    }

    @Test
    void itAfterAReportingVerbIsTheReporter() {
        Recognized r = Recognized.of("The Pentagon on Tuesday said it struck two depots. Iran claimed that it had "
                + "shot down a drone.", FEB_2024);
        assertThat(r.first("it").actor().code()).isEqualTo("USAMIL");
        assertThat(r.all()).extracting(m -> m.actor().text() + "=" + m.actor().code()).contains("it=IRN");
        assertThat(Recognized.of("Turkey said on Friday it had expelled three diplomats.", FEB_2024).all())
                .extracting(m -> m.actor().text() + "=" + m.actor().code()).contains("it=TUR");
        // what is denied, and a thing elsewhere, stay things
        assertThat(Recognized.of("The Kremlin denied it, and Iran said it was unclear whether talks would resume.", FEB_2024).all())
                .extracting(m -> m.actor().text()).doesNotContain("it").contains("The Kremlin");
    }

    @Test
    void countryNamesAfterInAreNotActorsButAfterBetweenAre() {
        Recognized r = Recognized.of("Talks between Iran and Iraq were held in Oman.", FEB_2024);
        assertThat(r.all()).extracting(m -> m.actor().text()).containsExactly("Iran", "Iraq");
    }

    @Test
    void conjoinedCountriesAreSeparateMentions() {
        Recognized r = Recognized.of("Iraq and Iran signed a security agreement.", FEB_2024);
        assertThat(r.all()).extracting(m -> m.actor().code()).containsExactly("IRQ", "IRN");
    }

    @Test
    void capitalisedAcronymsAreCaseSensitive() {
        Recognized r = Recognized.of("He told us the US would help. The WHO warned who was at risk.", FEB_2024);
        assertThat(r.all()).extracting(m -> m.actor().text()).contains("the US", "The WHO").doesNotContain("us", "who");
    }

    @Test
    void countryNamesThatAreCommonWordsNeedTheirCapital() {
        Recognized r = Recognized.of("They ate turkey in Ankara. Turkey condemned the strike.", FEB_2024);
        assertThat(r.all()).extracting(m -> m.actor().text()).containsExactly("Turkey");
    }

    @Test
    void countryNamesThatAreAlsoGivenNamesAreNotCountriesInsideAPersonsName() {
        Recognized r = Recognized.of("Chad Johnson scored twice. Michael Jordan retired. Jordan closed its airspace.", FEB_2024);
        assertThat(r.all()).extracting(m -> m.actor().text()).contains("Jordan").doesNotContain("Chad");
        assertThat(r.withText("Jordan")).hasSize(1);
        assertThat(r.first("Jordan").sentenceIndex()).isEqualTo(2);
    }

    @Test
    void leadersCodesDependOnThePublicationDate() {
        String text = "Joe Biden spoke with Vladimir Putin.";
        assertThat(Recognized.of(text, LocalDate.of(2023, 5, 1)).first("Joe Biden").actor().code()).isEqualTo("USAGOV");
        assertThat(Recognized.of(text, LocalDate.of(2025, 3, 1)).first("Joe Biden").actor().code()).isEqualTo("USAELI");
        assertThat(Recognized.of(text, LocalDate.of(2025, 3, 1)).first("Vladimir Putin").actor().code()).isEqualTo("RUSGOV");
    }

    @Test
    void aLeaderWhoLeftOfficeKeepsHisLastCode() {
        String text = "Iranian President Ebrahim Raisi visited the site.";
        assertThat(Recognized.of(text, LocalDate.of(2024, 5, 1)).first("Iranian President Ebrahim Raisi").actor().code())
                .isEqualTo("IRNGOV");
        assertThat(Recognized.of("Ebrahim Raisi was then judiciary chief.", LocalDate.of(2020, 1, 1))
                .first("Ebrahim Raisi").actor().code()).isEqualTo("IRNJUD");
    }

    @Test
    void aTitleBeforeAKnownLeaderTakesTheLeadersCode() {
        Recognized r = Recognized.of("President Joe Biden said he would act.", FEB_2024);
        ActorMention m = r.first("President Joe Biden");
        assertThat(m.actor().code()).isEqualTo("USAGOV");
        assertThat(r.headWord(m)).isEqualTo("Biden");
        assertThat(r.first("he").actor().code()).isEqualTo("USAGOV");
    }

    @Test
    void unknownCapitalisedNamesWithoutATitleAreNotActors() {
        Recognized r = Recognized.of("Ahmed Karimi and Sara Lind attended the ceremony.", FEB_2024);
        assertThat(r.all()).isEmpty();
    }

    @Test
    void aNameIntroducedWithATitleKeepsItsCodeWhenRepeated() {
        Recognized r = Recognized.of("Iraqi Defense Minister Thabet al-Abbasi met reporters. Later, Abbasi said the "
                + "army was ready.", FEB_2024);
        assertThat(r.first("Iraqi Defense Minister Thabet al-Abbasi").actor().code()).isEqualTo("IRQMIL");
        ActorMention later = r.first("Abbasi");
        assertThat(later.actor().code()).isEqualTo("IRQMIL");
        assertThat(later.rule()).contains("Thabet al-Abbasi");
    }

    @Test
    void aNameFollowedByItsTitleInAppositionIsOneMention() {
        Recognized r = Recognized.of("Fatima Haddad, the Lebanese health minister, warned of shortages.", FEB_2024);
        ActorMention m = r.first("Fatima Haddad, the Lebanese health minister");
        assertThat(m.actor().code()).isEqualTo("LBNHLH");
        assertThat(r.headWord(m)).isEqualTo("Haddad");
    }

    @Test
    void anAgentInAListTakesTheCountryBeforeItButOneOpeningAClauseTakesTheArticlesMainCountry() {
        Recognized list = Recognized.of("Malian police, the army and militias clashed in Gao.", FEB_2024);
        assertThat(list.first("the army").actor().code()).isEqualTo("MLIMIL");

        Recognized tag = Recognized.of("Burkina Faso's government met in Ouagadougou. Burkinabe troops launched airstrikes "
                + "near the border with Mali, the army said.", FEB_2024);
        ActorMention army = tag.first("the army");
        assertThat(army.actor().code()).isEqualTo("BFAMIL");
        assertThat(army.rule()).contains("article-country(BFA)").doesNotContain("conj-country");
    }

    @Test
    void anAgentAloneTakesTheArticlesMainCountryOrNone() {
        Recognized iraq = Recognized.of("Iraq held elections. Iraqi voters queued in Basra. Iraq counted votes. "
                + "The government said turnout was high.", FEB_2024);
        ActorMention gov = iraq.first("The government");
        assertThat(gov.actor().code()).isEqualTo("IRQGOV");
        assertThat(gov.rule()).contains("article-country(IRQ)");

        Recognized none = Recognized.of("The government said turnout was high.", FEB_2024);
        ActorMention bare = none.first("The government");
        assertThat(bare.actor().code()).isEqualTo("GOV");
        assertThat(bare.actor().country()).isEmpty();
        assertThat(bare.rule()).contains("no-country");
    }

    @Test
    void foreignForcesDoNotTakeTheArticlesCountry() {
        Recognized r = Recognized.of("Iraq wants Iraq free. Iraq said foreign forces must leave.", FEB_2024);
        assertThat(r.first("foreign forces").actor().code()).isEqualTo("MIL");
    }

    @Test
    void governmentForcesAreMilitary() {
        Recognized r = Recognized.of("Syrian government forces shelled the town.", FEB_2024);
        assertThat(r.first("Syrian government forces").actor().code()).isEqualTo("SYRMIL");
    }

    @Test
    void aTitleOfAnOrganisationIsTheOrganisation() {
        Recognized r = Recognized.of("The Secretary-General of the United Nations called for a ceasefire.", FEB_2024);
        assertThat(r.first("The Secretary-General of the United Nations").actor().code()).isEqualTo("IGOUNO");
    }

    @Test
    void armedGroupsAndTheirFightersKeepTheGroupCode() {
        Recognized r = Recognized.of("Hezbollah fighters fired rockets while the Houthis seized a ship.", FEB_2024);
        assertThat(r.first("Hezbollah fighters").actor().code()).isEqualTo("LBNREB");
        assertThat(r.first("the Houthis").actor().code()).isEqualTo("YEMREB");
    }

    @Test
    void theyResolvesToTheLastGroupOrCountry() {
        Recognized r = Recognized.of("Hamas fighters attacked the base. They withdrew at dawn.", FEB_2024);
        ActorMention they = r.first("They");
        assertThat(they.actor().code()).isEqualTo("PSEREB");
        assertThat(they.rule()).isEqualTo("pronoun->Hamas fighters");
    }

    @Test
    void theTwoCountriesAreTheLastTwoCountriesMentioned() {
        Recognized r = Recognized.of("Egypt hosted Qatari mediators. The two countries agreed to continue.", FEB_2024);
        assertThat(r.in(1)).extracting(m -> m.actor().code()).containsExactly("EGY", "QAT");
    }

    @Test
    void mentionsInsideScrapingDebrisAreSkipped() {
        String text = "Iraq protested. Read more: Iran sanctions widen";
        int from = text.indexOf("Read more");
        Article article = Article.of("t", "", "", text, FEB_2024, "")
                .withDebris(List.of(new Debris(from, text.length(), "read-more")));
        List<Sentence> sentences = CoreNlpEngine.shared().split(text);
        ActorIndex index = DictionaryActorRecognizer.builtin().recognize(article, sentences);
        int total = 0;
        for (Sentence s : sentences) {
            for (ActorMention m : index.mentions(s.index())) {
                assertThat(m.actor().text()).isNotEqualTo("Iran");
                total++;
            }
        }
        assertThat(total).isEqualTo(1);
    }

    @Test
    void stanceAdjectivesAreNotActors() {
        Recognized r = Recognized.of("Protesters chanted anti-American slogans at the anti-Israel rally.", FEB_2024);
        assertThat(r.all()).extracting(m -> m.actor().text()).doesNotContain("Israel");
    }
}
