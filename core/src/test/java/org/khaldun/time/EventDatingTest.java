package org.khaldun.time;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** Which date an event takes: its own words, its sentence's, a reported occasion's, or the publication's. */
class EventDatingTest {

    /** A Thursday. */
    private static final LocalDate THURSDAY = LocalDate.of(2024, 2, 8);

    private static Resolved resolve(String text) {
        return Resolved.of(text, THURSDAY);
    }

    @Test
    void aMeetingNamedInTheNextSentenceKeepsTheDateOfTheSentenceThatReportedIt() {
        Resolved r = resolve("On Wednesday, the speaker received the judiciary chief.\n"
                + "In the meeting, the speaker declared that foreign forces must leave.");
        EventDate d = r.dateOf("declared");
        assertThat(d.value()).isEqualTo("2024-02-07");
        assertThat(d.fromPublication()).isFalse();
        // without a definite reference to the occasion, nothing is carried over
        Resolved other = resolve("On Wednesday, the speaker received the judiciary chief.\n"
                + "Separately, the army declared a curfew.");
        assertThat(other.dateOf("declared").fromPublication()).isTrue();
    }

    @Test
    void aHeadlineAndLedeSummingUpAnOccasionTakeTheDateTheStoryGivesItBelow() {
        Resolved r = resolve("Iraq, Iran discuss withdrawal of US forces\n\n"
                + "In a meeting between Iraqi and Iranian officials, Iraq stated its position.\n"
                + "On Wednesday, the speaker received the judiciary chief and his delegation.");
        assertThat(r.dateOf("discuss").value()).isEqualTo("2024-02-07");
        assertThat(r.dateOf("meeting").value()).isEqualTo("2024-02-07");
        assertThat(r.dateOf("meeting").fromPublication()).isFalse();
        // the first date below is about something else: the lede keeps the publication date
        Resolved other = resolve("Iraq, Iran discuss withdrawal of US forces\n\n"
                + "On Monday, rockets hit a base near the airport.\n"
                + "On Wednesday, the speaker received the judiciary chief.");
        assertThat(other.dateOf("discuss").fromPublication()).isTrue();
        // only the opening sentences sum up the story
        Resolved later = resolve("The speaker spoke to reporters.\nHe praised the army.\n"
                + "Officials will discuss the withdrawal.\nOn Wednesday, the speaker received the judiciary chief.");
        assertThat(later.dateOf("discuss").fromPublication()).isTrue();
    }

    @Test
    void aLedeDatedInsideItsReportingFrameStillDatesTheHeadline() {
        Resolved r = resolve("Gunmen attack police station in Kano\n\n"
                + "Gunmen attacked a police station in Kano on Tuesday, killing three officers, local sources told reporters.");
        assertThat(r.dateOf("attack").value()).isEqualTo("2024-02-06");
        assertThat(r.dateOf("attack").fromPublication()).isFalse();
        // reacting to the attack is not done when it happened; hosting the talks is
        Resolved reaction = resolve("Gunmen attack police station in Kano\n\n"
                + "Gunmen attacked a police station in Kano on Tuesday, killing three officers, local sources told reporters.\n"
                + "The governor condemned the attack.");
        assertThat(reaction.dateOf("condemned").fromPublication()).isTrue();
        Resolved host = resolve("On Tuesday, Armenian and Azerbaijani ministers met in Geneva.\n"
                + "Swiss diplomats hosted the talks.");
        assertThat(host.dateOf("hosted").value()).isEqualTo("2024-02-06");
    }

    @Test
    void aHeadlineTakesTheDateOfTheSentenceBelowThatTellsTheSameActWithTheSameWord() {
        Resolved r = resolve("EU imposes new sanctions on Russia\n\n"
                + "The European Union imposed new sanctions on Russia on Monday, targeting banks.");
        assertThat(r.dateOf("imposes").value()).isEqualTo("2024-02-05");
        // the first dated sentence below tells another act: the headline keeps the publication date
        Resolved other = resolve("EU imposes new sanctions on Russia\n\n"
                + "Russian forces shelled Kharkiv on Monday.\nThe European Union imposed new sanctions on Russia on Tuesday.");
        assertThat(other.dateOf("imposes").fromPublication()).isTrue();
        // statements are too common to be matched by their verb
        Resolved said = resolve("Iran says US forces must leave\n\nA Qatari official said on Monday that the deal stalled.");
        assertThat(said.dateOf("says").fromPublication()).isTrue();
    }

    @Test
    void aClauseToldAlongsideTheLedesOccasionSharesItsDateButAConditionDoesNot() {
        Resolved r = resolve("Iraq, Iran discuss withdrawal of US forces\n\n"
                + "In a meeting between Iraqi and Iranian officials, Iraq stated its position, while Iran commended the law.\n"
                + "On Wednesday, the speaker received the judiciary chief and his delegation.");
        assertThat(r.dateOf("commended").value()).isEqualTo("2024-02-07");
        Resolved infinitive = resolve("Iraq, Iran discuss withdrawal of US forces\n\n"
                + "In a meeting between Iraqi and Iranian officials, Iraq has stated its determination to rid the country of "
                + "foreign forces, while Iran commended its recent legislation.\n"
                + "On Wednesday, the speaker received the judiciary chief and his delegation.");
        assertThat(infinitive.dateOf("commended").value()).isEqualTo("2024-02-07");
        Resolved condition = resolve("Iraq, Iran discuss withdrawal of US forces\n\n"
                + "In a meeting between Iraqi and Iranian officials, Iraq stated its position, because Iran criticised the law.\n"
                + "On Wednesday, the speaker received the judiciary chief and his delegation.");
        assertThat(condition.dateOf("criticised").fromPublication()).isTrue();
    }

    @Test
    void statementsThatGoOnReportingAMeetingTakeItsDate() {
        String meeting = "On Wednesday, the speaker Al-Mandalawi received the judiciary chief Ejei.\n"
                + "In the meeting, Al-Mandalawi declared that foreign forces must leave.\n";
        Resolved r = resolve(meeting + "He said that the strikes violate international law.\n"
                + "Ejei affirmed that relations are strong.\n"
                + "Moreover, he reiterated his support.");
        assertThat(r.dateOf("said").value()).isEqualTo("2024-02-07");
        assertThat(r.dateOf("affirmed").value()).isEqualTo("2024-02-07");
        assertThat(r.dateOf("reiterated").value()).isEqualTo("2024-02-07");
        assertThat(r.dateOf("violate").fromPublication()).as("what is said is not dated by the saying").isTrue();
        // what someone tells the reporter now, an unnamed speaker, or a sentence about something else end the meeting
        assertThat(resolve(meeting + "He says the strikes violate international law.").dateOf("says").fromPublication())
                .isTrue();
        assertThat(resolve(meeting + "Analysts said the strikes violate international law.").dateOf("said").fromPublication())
                .isTrue();
        assertThat(resolve(meeting + "Rockets hit a base near the airport.\nHe said the strikes violate the law.")
                .dateOf("said").fromPublication()).isTrue();
    }

    @Test
    void anOccasionIsNotDatedBySentencesThatReportSomethingElse() {
        // the dated sentence is about a rocket strike, not a meeting
        Resolved r = resolve("On Wednesday, rockets hit the base near the airport.\n"
                + "In the meeting, the minister declared that foreign forces must leave.");
        assertThat(r.dateOf("declared").fromPublication()).isTrue();
        // the meeting was reported without a date: an older date is not reached for
        Resolved undated = resolve("On Monday, protesters blocked the road.\n"
                + "The speaker met the judiciary chief.\n"
                + "In the meeting, the speaker declared that foreign forces must leave.");
        assertThat(undated.dateOf("declared").fromPublication()).isTrue();
    }

    @Test
    void talksThatWillTakePlaceDoNotTakeThePastDateOfTheirAnnouncement() {
        Resolved r = resolve("In late January, sources indicated that the two countries would soon hold talks.\n"
                + "The talks will center on the next phase of the coalition.");
        assertThat(r.dateOf("center").fromPublication()).isTrue();
        assertThat(r.dateOf("indicated").value()).isEqualTo("2024-01");
    }

    @Test
    void aDateBetweenTheSubjectAndItsVerbDatesTheVerbNotTheAllegedAct() {
        // the parser hangs "on Tuesday" on the ministry and "last week" on "accused": last week is when the
        // alleged firing happened, Tuesday when the accusation was made
        Resolved r = resolve("Azerbaijan's Defence Ministry on Tuesday accused Armenian forces of firing at its "
                + "positions near the border last week.");
        assertThat(r.dateOf("accused").value()).isEqualTo("2024-02-06");
        assertThat(resolve("Police Monday arrested three protesters in the capital.").dateOf("arrested").value())
                .isEqualTo("2024-02-05");
        // a date that only describes the subject keeps to it
        assertThat(resolve("The agreement of 2019 collapsed on Tuesday.").dateOf("collapsed").value())
                .isEqualTo("2024-02-06");
    }

    @Test
    void aDateInsideAQuotationDatesOnlyWhatIsQuoted() {
        Resolved r = resolve("The speaker declared that \"the upcoming weeks will witness laws that would end the "
                + "US presence\", adding that the country is strong.");
        assertThat(r.dateOf("end").value()).isEqualTo("FUTURE_REF");
        assertThat(r.isFuture("end")).isTrue();
        assertThat(r.isFuture("adding")).isFalse();
        assertThat(r.dateOf("adding").fromPublication()).isTrue();
    }

    @Test
    void theFutureAsATopicIsNotTheTimeOfTheEvent() {
        Resolved r = resolve("Iraqi and Iranian officials discussed the future on Wednesday.");
        assertThat(r.dateOf("discussed").value()).isEqualTo("2024-02-07");
        assertThat(r.isFuture("discussed")).isFalse();
        assertThat(resolve("Officials discussed the future.").isFuture("discussed")).isFalse();
        assertThat(resolve("The militia will disarm in the future.").isFuture("disarm")).isTrue();
    }

    @Test
    void coordinatedAndParticipleClausesShareTheOccasionOfTheirMainClause() {
        Resolved r = resolve("On Wednesday, the speaker received the judiciary chief.\n"
                + "In the meeting, the speaker condemned the strikes and called for a withdrawal, "
                + "stressing that the country is strong.");
        assertThat(r.dateOf("condemned").value()).isEqualTo("2024-02-07");
        assertThat(r.dateOf("called").value()).isEqualTo("2024-02-07");
        assertThat(r.dateOf("stressing").value()).isEqualTo("2024-02-07");
    }

    /**
     * The example article (published Thursday 2024-02-08): "On Wednesday … received …", then "In the meeting,
     * Al-Mandalawi declared that "the upcoming weeks will witness the legislation of laws that would end US
     * presence in Iraq", adding …".
     */
    @Test
    void theExampleArticleDatesItsEventsFromTheText() throws IOException {
        Path file = org.khaldun.TestData.exampleArticle();
        Resolved r = resolve(Files.readString(file));
        EventDate received = r.dateOf("received");
        assertThat(received.value()).isEqualTo("2024-02-07");
        assertThat(received.precision()).isEqualTo("day");
        EventDate indicated = r.dateOf("indicated");
        assertThat(indicated.value()).isEqualTo("2024-01");
        assertThat(indicated.modifier()).isEqualTo("LATE");
        assertThat(indicated.precision()).isEqualTo("month");
        assertThat(r.dateOf("formed").value()).isEqualTo("2023-SU");
        assertThat(r.expression("the upcoming weeks").value()).isEqualTo("FUTURE_REF");

        // the meeting's declaration takes the date of the sentence that reported the meeting …
        EventDate declared = r.dateOf("In the meeting", "declared");
        assertThat(declared.value()).isEqualTo("2024-02-07");
        assertThat(r.isFuture("declared")).isFalse();
        // … what it declares will happen in the upcoming weeks …
        assertThat(r.dateOf("In the meeting", "end").value()).isEqualTo("FUTURE_REF");
        assertThat(r.isFuture("end")).isTrue();
        assertThat(r.isFuture("witness")).isTrue();
        // … and the speaker's addition after the quotation was made at the meeting, not in the future
        assertThat(r.dateOf("In the meeting", "adding").value()).isEqualTo("2024-02-07");
        assertThat(r.isFuture("adding")).isFalse();

        // "The talks, facilitated by a commission formed last summer, will center on …": the summer dates the
        // commission only, and the future talks do not take late January from the sentence before
        assertThat(r.dateOf("The talks", "center").fromPublication()).isTrue();
        // "As the United States violated Iraq's sovereignty …, calls … have increased": no date of its own, no
        // occasion named; nothing from earlier sentences (last summer, late January) reaches it
        EventDate violated = r.dateOf("As the United States", "violated");
        assertThat(violated.fromPublication()).isTrue();
        assertThat(violated.value()).isEqualTo("2024-02-08");
        assertThat(r.dateOf("As the United States", "increased").fromPublication()).isTrue();
        // the speaker's statements that go on from the meeting's declaration were made at the meeting, and so
        // were his guest's; what they say happened is not dated by the saying
        assertThat(r.dateOf("He said that", "said").value()).isEqualTo("2024-02-07");
        assertThat(r.dateOf("He also affirmed", "affirmed").value()).isEqualTo("2024-02-07");
        assertThat(r.dateOf("On his part", "affirmed").value()).isEqualTo("2024-02-07");
        assertThat(r.dateOf("Moreover, he reiterated", "reiterated").value()).isEqualTo("2024-02-07");
        assertThat(r.dateOf("He said that", "violate").fromPublication()).isTrue();
    }
}
