package org.khaldun.time;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.khaldun.article.Article;
import org.khaldun.nlp.CoreNlpEngine;
import org.khaldun.nlp.NlpEngine;
import org.khaldun.nlp.Sentence;
import org.khaldun.nlp.Token;

class RuleTimeResolverTest {

    private static final NlpEngine NLP = CoreNlpEngine.shared();
    /** A Thursday. */
    private static final LocalDate THURSDAY = LocalDate.of(2024, 2, 8);

    private final TimeResolver resolver = new RuleTimeResolver();

    private record Resolved(List<Sentence> sentences, ArticleTimes times) {
        EventDate dateOf(String trigger) {
            for (Sentence s : sentences) {
                for (Token t : s.tokens()) {
                    if (t.word().equals(trigger)) {
                        return times.dateOf(s.index(), t.index());
                    }
                }
            }
            throw new AssertionError(trigger + " not found");
        }

        boolean isFuture(String trigger) {
            for (Sentence s : sentences) {
                for (Token t : s.tokens()) {
                    if (t.word().equals(trigger)) {
                        return times.isFuture(s.index(), t.index());
                    }
                }
            }
            throw new AssertionError(trigger + " not found");
        }

        TimeExpression expression(String text) {
            return times.expressions().stream().filter(e -> e.text().equals(text)).findFirst()
                    .orElseThrow(() -> new AssertionError("no expression '" + text + "' in " + times.expressions()));
        }
    }

    private Resolved resolve(String text, LocalDate published) {
        List<Sentence> sentences = NLP.parse(NLP.split(text));
        return new Resolved(sentences, resolver.resolve(Article.of("t", "", "", text, published, ""), sentences));
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
    void aMeetingNamedInTheNextSentenceKeepsTheDateOfTheSentenceThatReportedIt() {
        Resolved r = resolve("On Wednesday, the speaker received the judiciary chief.\n"
                + "In the meeting, the speaker declared that foreign forces must leave.", THURSDAY);
        EventDate d = r.dateOf("declared");
        assertThat(d.value()).isEqualTo("2024-02-07");
        assertThat(d.fromPublication()).isFalse();
        // without a definite reference to the occasion, nothing is carried over
        Resolved other = resolve("On Wednesday, the speaker received the judiciary chief.\n"
                + "Separately, the army declared a curfew.", THURSDAY);
        assertThat(other.dateOf("declared").fromPublication()).isTrue();
    }

    @Test
    void theExampleArticleDatesItsEventsFromTheText() throws IOException {
        Path file = Path.of(System.getProperty("khaldun.shared", "../../shared"), "data", "examples",
                "iraq-iran-us-forces.txt");
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.exists(file), "example article not available");
        String text = Files.readString(file);
        Resolved r = resolve(text, THURSDAY);
        EventDate received = r.dateOf("received");
        assertThat(received.value()).isEqualTo("2024-02-07");
        assertThat(received.precision()).isEqualTo("day");
        EventDate indicated = r.dateOf("indicated");
        assertThat(indicated.value()).isEqualTo("2024-01");
        assertThat(indicated.modifier()).isEqualTo("LATE");
        assertThat(indicated.precision()).isEqualTo("month");
        assertThat(r.dateOf("formed").value()).isEqualTo("2023-SU");
        assertThat(r.expression("the upcoming weeks").value()).isEqualTo("FUTURE_REF");
        assertThat(r.isFuture("witness")).isTrue();
        assertThat(r.dateOf("declared").value()).isEqualTo("2024-02-07");
    }
}
