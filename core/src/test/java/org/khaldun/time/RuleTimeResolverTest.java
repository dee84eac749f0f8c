package org.khaldun.time;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class RuleTimeResolverTest {

    /** A Thursday. */
    private static final LocalDate THURSDAY = LocalDate.of(2024, 2, 8);

    private static Resolved resolve(String text, LocalDate published) {
        return Resolved.of(text, published);
    }

    private String value(String text, String expression) {
        return resolve(text, THURSDAY).expression(expression).value();
    }

    @Test
    void anEventOnWednesdayInAStoryPublishedOnAThursdayHappenedTheDayBefore() {
        EventDate d = resolve("On Wednesday, the speaker received the delegation.", THURSDAY).dateOf("received");
        assertThat(d.value()).isEqualTo("2024-02-07");
        assertThat(d.date()).isEqualTo(LocalDate.of(2024, 2, 7));
        assertThat(d.precision()).isEqualTo("day");
        assertThat(d.text()).isEqualTo("On Wednesday");
        assertThat(d.fromPublication()).isFalse();
    }

    @Test
    void aMeetingThatWillTakePlaceOnWednesdayIsTheNextWednesdayAndFuture() {
        Resolved r = resolve("The ministers will meet on Wednesday in Baghdad.", THURSDAY);
        assertThat(r.dateOf("meet").value()).isEqualTo("2024-02-14");
        assertThat(r.isFuture("meet")).isTrue();
    }

    @Test
    void theWeekdayOfPublicationIsThePublicationDayWhateverTheTense() {
        assertThat(resolve("Troops withdrew on Thursday.", THURSDAY).dateOf("withdrew").value()).isEqualTo("2024-02-08");
        assertThat(resolve("Troops will withdraw on Thursday.", THURSDAY).dateOf("withdraw").value()).isEqualTo("2024-02-08");
        assertThat(resolve("Troops withdrew last Thursday.", THURSDAY).dateOf("withdrew").value()).isEqualTo("2024-02-01");
    }

    @Test
    void aTenDigitAmountBesideATimeWordIsNoDurationAndDoesNotStopTheDating() {
        Resolved r = resolve("On Wednesday, the fund received 7,510,890,000 days of pledges and 12,000 years of debt.",
                THURSDAY);
        assertThat(r.dateOf("received").value()).isEqualTo("2024-02-07");
    }

    @Test
    void aSentenceWithNoTimeExpressionFallsBackOnThePublicationDateAndSaysSo() {
        EventDate d = resolve("The parliament condemned the strikes.", THURSDAY).dateOf("condemned");
        assertThat(d.fromPublication()).isTrue();
        assertThat(d.value()).isEqualTo("2024-02-08");
        assertThat(d.text()).isEmpty();
    }

    @Test
    void withoutAPublicationDateRelativeExpressionsStayUnderspecified() {
        Resolved r = resolve("On Wednesday, the speaker received the delegation. Yesterday, talks resumed.", null);
        assertThat(r.expression("Wednesday").value()).isEqualTo("XXXX-WXX-3");
        assertThat(r.expression("Yesterday").value()).isEqualTo("XXXX-XX-XX");
        assertThat(r.dateOf("received").date()).isNull();
    }

    @Test
    void theUpcomingWeeksIsAFutureReference() {
        Resolved r = resolve("Officials said the upcoming weeks will witness new laws.", THURSDAY);
        assertThat(r.expression("the upcoming weeks").value()).isEqualTo("FUTURE_REF");
        assertThat(r.dateOf("witness").value()).isEqualTo("FUTURE_REF");
        assertThat(r.dateOf("witness").precision()).isEqualTo("week");
        assertThat(r.isFuture("witness")).isTrue();
        assertThat(value("Talks will resume soon.", "soon")).isEqualTo("FUTURE_REF");
        assertThat(value("Talks will resume in the coming days.", "the coming days")).isEqualTo("FUTURE_REF");
    }

    @Test
    void absoluteDatesAreNormalisedToTimeMlValues() {
        assertThat(value("The deal was signed on February 7, 2024.", "February 7, 2024")).isEqualTo("2024-02-07");
        assertThat(value("The deal was signed on 7 Feb 2024.", "7 Feb 2024")).isEqualTo("2024-02-07");
        assertThat(value("The deal was signed on 2024-02-07.", "2024-02-07")).isEqualTo("2024-02-07");
        assertThat(value("The war began in January 1997.", "January 1997")).isEqualTo("1997-01");
        assertThat(value("The war began in 1997.", "1997")).isEqualTo("1997");
        assertThat(value("Violence rose in the 1990s.", "the 1990s")).isEqualTo("199");
    }

    @Test
    void aMonthAndDayWithoutYearTakeTheNearestYearTheTenseAllows() {
        assertThat(value("The deal was signed on Feb. 7.", "Feb. 7")).isEqualTo("2024-02-07");
        assertThat(value("Rebels attacked the town on Dec. 28.", "Dec. 28")).isEqualTo("2023-12-28");
        assertThat(value("Elections will be held on March 10.", "March 10")).isEqualTo("2024-03-10");
    }

    @Test
    void relativeDaysAndPeriodsCountFromThePublicationDate() {
        assertThat(value("Gunmen attacked a convoy yesterday.", "yesterday")).isEqualTo("2024-02-07");
        assertThat(value("The talks resume tomorrow.", "tomorrow")).isEqualTo("2024-02-09");
        assertThat(value("Shelling continued last night.", "last night")).isEqualTo("2024-02-07TNI");
        assertThat(value("Protesters gathered this morning.", "this morning")).isEqualTo("2024-02-08TMO");
        assertThat(value("The army withdrew last week.", "last week")).isEqualTo("2024-W05");
        assertThat(value("The army withdrew last month.", "last month")).isEqualTo("2024-01");
        assertThat(value("The army withdrew last year.", "last year")).isEqualTo("2023");
        assertThat(value("Elections are due next month.", "next month")).isEqualTo("2024-03");
        assertThat(value("Elections are due this year.", "this year")).isEqualTo("2024");
        assertThat(value("The army withdrew two days ago.", "two days ago")).isEqualTo("2024-02-06");
        assertThat(value("The army withdrew three weeks ago.", "three weeks ago")).isEqualTo("2024-W03");
    }

    @Test
    void partsOfPeriodsCarryAModifier() {
        Resolved r = resolve("In late January, sources indicated that talks would start.", THURSDAY);
        TimeExpression late = r.expression("late January");
        assertThat(late.value()).isEqualTo("2024-01");
        assertThat(late.modifier()).isEqualTo("LATE");
        EventDate d = r.dateOf("indicated");
        assertThat(d.precision()).isEqualTo("month");
        assertThat(d.modifier()).isEqualTo("LATE");
        assertThat(resolve("Prices rose earlier this month.", THURSDAY).expression("earlier this month").modifier())
                .isEqualTo("EARLY");
        assertThat(value("The offensive began in early 2023.", "early 2023")).isEqualTo("2023");
        TimeExpression mid = resolve("Talks stalled in mid-March.", THURSDAY).expression("mid-March");
        assertThat(mid.modifier()).isEqualTo("MID");
    }

    @Test
    void seasonsQuartersAndDecadesHaveTheirOwnValues() {
        Resolved r = resolve("The commission formed last summer met again.", THURSDAY);
        assertThat(r.expression("last summer").value()).isEqualTo("2023-SU");
        assertThat(r.dateOf("formed").precision()).isEqualTo("season");
        assertThat(value("Profits fell in the third quarter of 2023.", "the third quarter of 2023")).isEqualTo("2023-Q3");
    }

    @Test
    void durationsSetsAndReferencesAreTypedAndNeverDateAnEvent() {
        TimeExpression dur = resolve("The siege lasted three months.", THURSDAY).expression("three months");
        assertThat(dur.type()).isEqualTo("DURATION");
        assertThat(dur.value()).isEqualTo("P3M");
        TimeExpression set = resolve("The envoys meet every week.", THURSDAY).expression("every week");
        assertThat(set.type()).isEqualTo("SET");
        assertThat(set.value()).isEqualTo("P1W");
        assertThat(value("The rebels recently seized the town.", "recently")).isEqualTo("PAST_REF");
        assertThat(value("The rebels currently hold the town.", "currently")).isEqualTo("PRESENT_REF");
        assertThat(resolve("The siege lasted three months.", THURSDAY).dateOf("lasted").fromPublication()).isTrue();
    }

    @Test
    void clockTimesAreTimesOfTheDayTheyNameOrOfPublication() {
        TimeExpression t = resolve("The blast happened at 10 a.m. on Wednesday.", THURSDAY)
                .expression("10 a.m. on Wednesday");
        assertThat(t.type()).isEqualTo("TIME");
        assertThat(t.value()).isEqualTo("2024-02-07T10:00");
        assertThat(value("The blast happened at 10 a.m.", "10 a.m.")).isEqualTo("2024-02-08T10:00");
        assertThat(value("The curfew starts at 10 p.m. Wednesday.", "10 p.m. Wednesday")).isEqualTo("2024-02-07T22:00");
    }

    @Test
    void aDateInsideARelativeClauseDoesNotDateTheMainEvent() {
        Resolved r = resolve("The talks, facilitated by a commission formed last summer, will center on the next phase.",
                THURSDAY);
        assertThat(r.dateOf("formed").value()).isEqualTo("2023-SU");
        assertThat(r.dateOf("center").fromPublication()).isTrue();
    }

    @Test
    void eachEventTakesTheDateAttachedToItsOwnVerb() {
        Resolved r = resolve("The minister arrived on Monday and the talks ended on Wednesday.", THURSDAY);
        assertThat(r.dateOf("arrived").value()).isEqualTo("2024-02-05");
        assertThat(r.dateOf("ended").value()).isEqualTo("2024-02-07");
    }

    @Test
    void namedDaysAreDatedByTheirRule() {
        LocalDate jan2000 = LocalDate.of(2000, 1, 7);
        assertThat(Resolved.of("Elian was found on Thanksgiving Day clinging to an inner tube.", jan2000)
                .expression("Thanksgiving Day").value()).isEqualTo("1999-11-25");
        assertThat(Resolved.of("He was rescued last Thanksgiving.", jan2000).expression("last Thanksgiving").value())
                .isEqualTo("1999-11-25");
        assertThat(Resolved.of("The campaign runs from now to Election Day.", LocalDate.of(1998, 10, 26))
                .expression("Election Day").value()).isEqualTo("1998-11-03");
        assertThat(value("The offensive began on Easter 2023.", "Easter 2023")).isEqualTo("2023-04-09");
        assertThat(value("The ceasefire will hold until Christmas.", "Christmas")).isEqualTo("2024-12-25");
        assertThat(value("Fighting resumed on Good Friday.", "Good Friday")).isEqualTo("2023-04-07");
    }

    @Test
    void aWeekdayFollowedByItsDateIsThatDate() {
        assertThat(Resolved.of("The Times said in an editorial on Monday, Oct. 26: the murder is depraved.",
                LocalDate.of(1998, 10, 25)).expression("Monday, Oct. 26").value()).isEqualTo("1998-10-26");
    }

    @Test
    void theTenseOrAPhraseDecidesWhichWeekdayIsMeant() {
        assertThat(value("The father could arrive as early as Tuesday.", "Tuesday")).isEqualTo("2024-02-13");
        assertThat(value("The group might come as soon as Tuesday.", "Tuesday")).isEqualTo("2024-02-13");
        assertThat(value("The ministers would have met on Friday had the talks not collapsed.", "Friday"))
                .isEqualTo("2024-02-02");
        // a descriptive infinitive is no plan: "the first countries to join NATO on Friday" joined last Friday
        assertThat(value("Poland and Hungary were among the first countries to join the alliance on Friday.", "Friday"))
                .isEqualTo("2024-02-02");
    }

    @Test
    void withNoTenseAMonthAheadMustBeClearlyNearerThanTheOneBehind() {
        LocalDate oct30 = LocalDate.of(2023, 10, 30);
        assertThat(Resolved.of("Shares hit a high of $42 in June from $29.75 in March.", oct30).expression("March").value())
                .isEqualTo("2023-03");
    }

    @Test
    void halvesAndPartsOfTheDayAreKept() {
        assertThat(value("They lived in the camps for 2 1/2 years.", "2 1/2 years")).isEqualTo("P2Y6M");
        assertThat(value("The pilot called a minute and a half later.", "a minute and a half")).isEqualTo("PT1M30S");
        assertThat(value("The siege paused for half an hour.", "half an hour")).isEqualTo("PT30M");
        assertThat(value("Shares fell at mid-afternoon yesterday.", "mid-afternoon yesterday")).isEqualTo("2024-02-07TAF");
        assertThat(value("He will appear before a judge at midday.", "midday")).isEqualTo("2024-02-08T12:00");
        assertThat(Resolved.of("He was arrested on Feb. 3. He appeared in court the next morning.", THURSDAY)
                .expression("the next morning").value()).isEqualTo("2024-02-04TMO");
        assertThat(value("Then, a week or so ago, the general picked the date.", "a week or so ago")).isEqualTo("2024-W05");
    }

    @Test
    void vagueFutureExpressionsAreFutureReferences() {
        assertThat(value("The company will face challenges in the near term.", "the near term")).isEqualTo("FUTURE_REF");
        assertThat(value("The bonds will be sold at a later date.", "a later date")).isEqualTo("FUTURE_REF");
        assertThat(value("It will act as soon as possible.", "as soon as possible")).isEqualTo("FUTURE_REF");
        assertThat(value("Islam will one day be the second religion.", "one day")).isEqualTo("FUTURE_REF");
        assertThat(value("The strike lasted one day.", "one day")).isEqualTo("P1D");
    }

    @Test
    void weeksOfADaySpokenYearsAndThisPastSeason() {
        assertThat(value("The case may be resolved in a hearing the week of March 6.", "the week of March 6"))
                .isEqualTo("2024-W10");
        assertThat(value("A bomb hit a clinic in January nineteen ninety-seven.", "January nineteen ninety-seven"))
                .isEqualTo("1997-01");
        assertThat(value("Prices fell as low as in the winter of nineteen ninety-four.",
                "the winter of nineteen ninety-four")).isEqualTo("1994-WI");
        assertThat(Resolved.of("The company scrapped the unit this past spring.", LocalDate.of(2023, 10, 30))
                .expression("this past spring").value()).isEqualTo("2023-SP");
    }
}
