package org.khaldun.app.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.khaldun.app.eval.TestEvents.fact;
import static org.khaldun.app.eval.TestEvents.future;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.khaldun.article.Article;
import org.khaldun.event.Event;

class PloverSyntheticEvaluationTest {

    private static final List<String> HEADER = List.of("disclaimer", "text", "title", "source", "prompt", "label",
            "mode");

    private static PloverSyntheticEvaluation.Story story(String label, String mode) {
        return new PloverSyntheticEvaluation.Story("s", "Headline", "Body.", "Reuters", label, mode);
    }

    @Test
    void aStoryIsItsFilledHeadlineThenItsBody() throws Exception {
        List<PloverSyntheticEvaluation.Story> s = PloverSyntheticEvaluation.stories(List.of(HEADER,
                List.of("synthetic", "Police fired tear gas.", "{country_1} police clash",
                        "AFP", "Kenya police clash\n\n(AFP) --", "assault", "CROWD-CONTROL")), "test.csv");
        Article a = s.get(0).article();
        assertThat(a.title()).isEqualTo("Kenya police clash");
        assertThat(a.text()).isEqualTo("Kenya police clash\n\nPolice fired tear gas.");
        assertThat(s.get(0).label()).isEqualTo("ASSAULT");
        assertThat(s.get(0).mode()).isEqualTo("crowd-control");
    }

    @Test
    void misspelledGoldModesAreReadAsTheCodebookModes() {
        assertThat(PloverSyntheticEvaluation.normaliseMode("PRIMATIVE")).isEqualTo("primitive");
        assertThat(PloverSyntheticEvaluation.normaliseMode("SIEZE")).isEqualTo("seize");
        assertThat(PloverSyntheticEvaluation.normaliseMode("MARTIAL-LAW")).isEqualTo("curfew");
        assertThat(PloverSyntheticEvaluation.normaliseMode("")).isEmpty();
    }

    @Test
    void aFlaggedEventCountsForAllEventsButNotForFacts() {
        List<PloverSyntheticEvaluation.Story> stories = List.of(story("CONSULT", ""), story("ASSAULT", ""));
        List<List<Event>> events = List.of(List.of(future("CONSULT", "036", 5)), List.of(fact("ASSAULT", "190", 3)));
        ClassScores all = PloverSyntheticEvaluation.score(stories, events, false);
        ClassScores facts = PloverSyntheticEvaluation.score(stories, events, true);
        assertThat(all.recall("CONSULT")).isEqualTo(1.0);
        assertThat(facts.recall("CONSULT")).isZero();
        assertThat(facts.empty()).isEqualTo(1);
        assertThat(facts.recall("ASSAULT")).isEqualTo(1.0);
    }

    @Test
    void aStatementWithoutPloverTypeIsNoPrediction() {
        List<List<Event>> events = List.of(List.of(TestEvents.event("", "", "010", 1, 2, null)));
        ClassScores s = PloverSyntheticEvaluation.score(List.of(story("SUPPORT", "")), events, false);
        assertThat(s.empty()).isEqualTo(1);
        assertThat(s.confusion().get("SUPPORT")).isEqualTo(Map.of(ClassScores.NONE, 1));
    }

    @Test
    void theFirstEventInTextOrderIsTheTopOnePrediction() {
        List<List<Event>> events = List.of(List.of(fact("ACCUSE", "112", 40), fact("ASSAULT", "190", 10)));
        ClassScores s = PloverSyntheticEvaluation.score(List.of(story("ACCUSE", "")), events, false);
        assertThat(s.recall("ACCUSE")).isEqualTo(1.0);
        assertThat(s.precision("ASSAULT")).isZero();
        assertThat(s.top1Accuracy()).isZero();
        assertThat(s.confusion().get("ACCUSE")).isEqualTo(Map.of("ASSAULT", 1));
    }

    @Test
    void modesAreScoredOnStoriesWhoseTypeWasFound() {
        List<PloverSyntheticEvaluation.Story> stories = List.of(story("ASSAULT", "aerial"), story("ASSAULT", "drone"),
                story("PROTEST", "riot"));
        List<List<Event>> events = List.of(
                List.of(TestEvents.event("ASSAULT", "aerial", "195", 4, 1, null)),
                List.of(TestEvents.event("ASSAULT", "aerial", "195", 4, 1, null)),
                List.of());
        assertThat(PloverSyntheticEvaluation.modes(stories, events))
                .contains("stories with a gold mode: 3; gold type found in 2; of those, an event of the gold type "
                        + "carries the gold mode in 1 (50.0 %)");
    }

    @Test
    void theReportHasBothReadingsAndTheModes() throws Exception {
        Function<Article, List<Event>> coder = a -> a.text().contains("bomb")
                ? List.of(fact("ASSAULT", "183", a.text().indexOf("bomb"))) : List.of();
        PloverSyntheticEvaluation e = new PloverSyntheticEvaluation(() -> coder);
        List<PloverSyntheticEvaluation.Story> stories = List.of(
                new PloverSyntheticEvaluation.Story("1", "Bomb kills five", "A bomb went off.", "", "ASSAULT", ""),
                new PloverSyntheticEvaluation.Story("2", "Talks held", "Leaders met.", "", "CONSULT", ""));
        List<List<Event>> events = CodingRun.code(stories.stream().map(PloverSyntheticEvaluation.Story::article)
                .toList(), coder, System.err);
        String report = PloverSyntheticEvaluation.report(stories, events);
        assertThat(report).contains("## All events").contains("## Events told as facts only").contains("## Modes")
                .contains("no event predicted: 1 (50.0 %)").contains("| ASSAULT | 1 | 1.000 | 1.000 | 1.000 |");
        assertThat(e.name()).isEqualTo("plover-synthetic");
    }

    @Test
    void theSharedZipHoldsTheDocumentedStories() throws Exception {
        Path dir = Path.of(System.getProperty("khaldun.shared", "../shared"), "data", "plover-synthetic");
        assumeTrue(Files.isDirectory(dir), "shared data not present");
        List<PloverSyntheticEvaluation.Story> stories = PloverSyntheticEvaluation.read(
                PloverSyntheticEvaluation.findZip(dir));
        assertThat(stories).hasSize(4500);
        Map<String, Long> byLabel = stories.stream().collect(Collectors.groupingBy(
                PloverSyntheticEvaluation.Story::label, Collectors.counting()));
        assertThat(byLabel).hasSize(16).containsEntry("CONCEDE", 780L).containsEntry("AID", 84L);
        assertThat(stories).allSatisfy(s -> assertThat(s.headline()).isNotBlank().doesNotContain("{"));
    }
}
