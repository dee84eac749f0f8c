package org.khaldun.event;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.khaldun.actor.Actor;
import org.khaldun.article.Article;
import org.khaldun.article.ArticleSources;
import org.khaldun.article.Debris;
import org.khaldun.article.ReadOptions;
import org.khaldun.article.ReadResult;
import org.khaldun.pipeline.CodedArticle;
import org.khaldun.pipeline.Pipelines;

/**
 * The canonical example article (published 2024-02-08) through the real pipeline: what an analyst expects
 * to find, and what must not be there.
 */
class ExampleArticleEventsTest {

    private static Article article;
    private static List<Event> events;

    @BeforeAll
    static void code() {
        Path file = org.khaldun.TestData.exampleArticle();
        ReadOptions options = ReadOptions.defaults().withDefaultPublished(LocalDate.of(2024, 2, 8));
        try (Stream<ReadResult> read = ArticleSources.read(List.of(file.toString()), options)) {
            article = ((ReadResult.Ok) read.findFirst().orElseThrow()).article();
        }
        CodedArticle coded = Pipelines.defaultPipeline().code(article);
        events = coded.events();
    }

    private static Predicate<Event> from(String country) {
        return e -> e.actor().stream().anyMatch(a -> a.code().startsWith(country));
    }

    private static Predicate<Event> to(String country) {
        return e -> e.recipient().stream().anyMatch(a -> a.code().startsWith(country));
    }

    private static Predicate<Event> root(String... roots) {
        return e -> Stream.of(roots).anyMatch(r -> e.cameo().code().startsWith(r));
    }

    @Test
    void theIraqiSpeakerHostsIransJudiciaryChiefOnWednesday() {
        assertThat(events).filteredOn(root("04").and(e -> e.actor().stream().anyMatch(a -> a.code().equals("IRQLEG")))
                        .and(e -> e.recipient().stream().anyMatch(a -> a.code().equals("IRNJUD"))))
                .anySatisfy(e -> {
                    assertThat(e.eventType()).isEqualTo("CONSULT");
                    assertThat(e.date().value()).isEqualTo("2024-02-07");
                    assertThat(e.modality().isFact()).isTrue();
                });
        assertThat(events).anyMatch(root("042").and(from("IRN")).and(to("IRQ")));
    }

    @Test
    void iraqDemandsThatForeignForcesLeave() {
        assertThat(events).filteredOn(root("10").and(from("IRQ")))
                .isNotEmpty()
                .allSatisfy(e -> assertThat(e.eventType()).isEqualTo("REQUEST"));
        assertThat(events).anyMatch(root("10").and(from("IRQ")).and(to("USA")));
    }

    @Test
    void iraqAccusesTheUsOfViolatingInternationalLaw() {
        assertThat(events).filteredOn(root("11").and(from("IRQ")).and(to("USA")))
                .singleElement()
                .satisfies(e -> {
                    assertThat(e.explanation()).contains("stance-of=violate");
                    assertThat(e.date().value()).as("said at Wednesday's meeting").isEqualTo("2024-02-07");
                });
    }

    @Test
    void iranPraisesIraq() {
        assertThat(events).anyMatch(root("05").and(from("IRN")).and(to("IRQ")));
    }

    @Test
    void iranCommendsIraqsLegislationNotItsOwn() {
        assertThat(events).filteredOn(e -> e.textInfo().trigger().equals("commended"))
                .singleElement()
                .satisfies(e -> {
                    assertThat(e.actor()).extracting(Actor::code).containsExactly("IRN");
                    assertThat(e.recipient()).extracting(Actor::code).containsExactly("IRQ");
                    assertThat(e.recipient().get(0).text()).isEqualTo("its");
                    assertThat(e.date().value()).as("in the lede's meeting").isEqualTo("2024-02-07");
                });
    }

    @Test
    void theLedesMeetingIsBetweenIraqiAndIranianOfficials() {
        assertThat(events).filteredOn(e -> e.textInfo().trigger().equals("meeting"))
                .singleElement()
                .satisfies(e -> {
                    assertThat(e.actor()).extracting(Actor::code).containsExactly("IRQGOV");
                    assertThat(e.recipient()).extracting(Actor::code).containsExactly("IRNGOV");
                });
    }

    @Test
    void theSpeakerDeclaresThatUsPresenceMustEndInTheWeeksAhead() {
        assertThat(events).filteredOn(root("1056").and(from("IRQLEG")).and(to("USA"))
                        .and(e -> e.textInfo().trigger().equals("end")))
                .singleElement()
                .satisfies(e -> {
                    assertThat(e.modality().future()).as("'the upcoming weeks will witness …'").isTrue();
                    assertThat(e.modality().isFact()).isFalse();
                    assertThat(e.source().kind()).isEqualTo("named");
                    assertThat(e.source().speaker()).map(Actor::code).contains("IRQLEG");
                    assertThat(e.source().cue()).isEqualTo("declared");
                });
    }

    @Test
    void anonymousSourcesSayTheUsAndIraqAreAboutToHoldTalksInLateJanuary() {
        // talks between the two are told each way: the United States with Iraq, Iraq with the United States
        assertThat(events).filteredOn(root("04").and(e -> e.textInfo().trigger().equals("discussions")))
                .extracting(e -> e.actor().get(0).code() + "->" + e.recipient().get(0).code())
                .containsExactlyInAnyOrder("USA->IRQ", "IRQ->USA");
        assertThat(events).filteredOn(root("04").and(e -> e.textInfo().trigger().equals("discussions")))
                .allSatisfy(e -> {
                    List<String> parties = Stream.concat(e.actor().stream(), e.recipient().stream()).map(Actor::code).toList();
                    assertThat(parties).contains("USA", "IRQ");
                    assertThat(e.eventType()).isEqualTo("CONSULT");
                    assertThat(e.modality().future() || e.modality().hypothetical()).as("talks not yet begun").isTrue();
                    assertThat(e.date().value()).startsWith("2024-01");
                    assertThat(e.date().fromPublication()).isFalse();
                    assertThat(e.source().kind()).isEqualTo("anonymous");
                    assertThat(e.source().anonymous()).isTrue();
                });
    }

    @Test
    void reportedEventsNameWhoReportedThem() {
        assertThat(events).filteredOn(root("11").and(from("IRQ")).and(to("USA")))
                .allSatisfy(e -> {
                    assertThat(e.source().speaker()).map(Actor::code).contains("IRQLEG");
                    assertThat(e.source().cue()).isEqualTo("said");
                });
        assertThat(events).filteredOn(e -> e.textInfo().trigger().equals("airstrikes"))
                .singleElement()
                .satisfies(e -> {
                    assertThat(e.source().kind()).isEqualTo("media");
                    assertThat(e.source().speaker()).map(Actor::code).contains("USAMED");
                });
        assertThat(events).filteredOn(e -> e.textInfo().trigger().equals("attacked"))
                .allSatisfy(e -> assertThat(e.source().isArticle()).isTrue());
    }

    @Test
    void usAirstrikesHitIraqiResistanceGroupsAndTheResistanceAttacksUsForces() {
        assertThat(events).anyMatch(root("19").and(from("USA")).and(to("IRQREB")));
        assertThat(events).anyMatch(root("18", "19").and(from("IRQREB")).and(to("USA")));
        assertThat(events).filteredOn(root("18", "19", "20")).allMatch(e -> e.eventType().equals("ASSAULT"));
    }

    @Test
    void theHeadlineAndLedeTellTheWednesdayMeetingNotThePublicationDay() {
        assertThat(events).filteredOn(e -> e.textInfo().sentenceIndex() <= 1 && root("04").test(e))
                .extracting(Event::textInfo).extracting(TextInfo::trigger).contains("discuss", "meeting");
        assertThat(events).filteredOn(e -> e.textInfo().sentenceIndex() <= 1 && root("04").test(e))
                .allSatisfy(e -> {
                    assertThat(e.date().value()).isEqualTo("2024-02-07");
                    assertThat(e.date().fromPublication()).isFalse();
                });
    }

    @Test
    void alMandalawisTwoStatementsNameHimAsSpeakerAlsoWhereTheTextSaysHe() {
        Event declared = events.stream().filter(e -> e.textInfo().trigger().equals("end")).findFirst().orElseThrow();
        assertThat(declared.source().cue()).isEqualTo("declared");
        assertThat(declared.source().speakerName()).isEqualTo("Mohsen Al-Mandalawi");
        assertThat(declared.source().speaker()).map(Actor::code).hasValue("IRQLEG");
        assertThat(declared.date().value()).isEqualTo("2024-02-07");
        // "the upcoming weeks will witness the legislation of laws that would end US presence": said on Wednesday,
        // still to happen
        assertThat(declared.modality().future()).isTrue();
        assertThat(declared.modality().isFact()).isFalse();

        Event accusation = events.stream().filter(root("11").and(from("IRQ")).and(to("USA"))).findFirst().orElseThrow();
        assertThat(accusation.source().cue()).isEqualTo("said");
        assertThat(accusation.source().speaker()).map(Actor::text).hasValue("He");
        assertThat(accusation.source().speakerName()).isEqualTo("Mohsen Al-Mandalawi");
        assertThat(accusation.source().anonymous()).isFalse();
    }

    @Test
    void iransJudiciaryChiefIsNamedAsTheSpeakerOfHisPraise() {
        assertThat(events).filteredOn(root("05").and(from("IRN")).and(to("IRQ")).and(e -> !e.source().isArticle()))
                .isNotEmpty()
                .allSatisfy(e -> {
                    assertThat(e.source().speaker()).map(Actor::text).hasValue("Iran's Judiciary Chief");
                    assertThat(e.source().speakerName()).isEqualTo("Gholamhossein Mohseni Ejei");
                });
    }

    @Test
    void theLateJanuaryTalksRestOnAnonymousSourcesAndLieAhead() {
        assertThat(events).filteredOn(e -> e.source().cue().equals("indicated"))
                .isNotEmpty()
                .allSatisfy(e -> {
                    assertThat(e.source().anonymous()).isTrue();
                    assertThat(e.source().kind()).isEqualTo("anonymous");
                    assertThat(e.source().speaker()).map(Actor::text).hasValue("sources");
                    assertThat(e.source().speakerName()).isEmpty();
                    assertThat(e.date().value()).isEqualTo("2024-01");
                    assertThat(e.date().modifier()).isEqualTo("LATE");
                })
                .anySatisfy(e -> {
                    assertThat(root("04").test(e)).isTrue();
                    assertThat(e.modality().future()).isTrue();
                });
    }

    @Test
    void eventsToldByMediaOrTheReporterNameNoPerson() {
        assertThat(events).filteredOn(e -> e.source().isArticle() || e.source().kind().equals("media")
                        || e.source().anonymous())
                .isNotEmpty()
                .allSatisfy(e -> assertThat(e.source().speakerName()).isEmpty());
        assertThat(events).anySatisfy(e -> {
            assertThat(e.source().kind()).isEqualTo("media");
            assertThat(e.source().speaker()).map(Actor::text).hasValue("CNN");
        });
    }

    @Test
    void theReadMoreTeaserCodesNothing() {
        List<Debris> debris = article.debris();
        assertThat(debris).isNotEmpty();
        assertThat(events).noneMatch(e -> article.inDebris(e.textInfo().triggerStart(), e.textInfo().triggerEnd()));
        assertThat(events).noneMatch(e -> e.textInfo().trigger().equals("declares"));
    }

    @Test
    void everyActorOfAnEventStandsInTheEventsOwnSentence() {
        for (Event e : events) {
            for (Actor a : Stream.concat(e.actor().stream(), e.recipient().stream()).toList()) {
                assertThat(a.start()).as("%s in %s", a, e.explanation()).isBetween(e.textInfo().start(), e.textInfo().end());
            }
        }
    }

    @Test
    void flaggedEventsAreNotFactsAndEveryEventExplainsItself() {
        assertThat(events).allSatisfy(e -> {
            assertThat(e.explanation()).startsWith("lexicon:");
            assertThat(e.codebook()).isNotBlank();
            assertThat(e.id()).hasSize(16);
        });
        assertThat(events).extracting(Event::id).doesNotHaveDuplicates();
    }
}
