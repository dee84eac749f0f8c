package org.khaldun.classifier;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.khaldun.article.Article;
import org.khaldun.event.Event;
import org.khaldun.pipeline.PipelineOptions;

/** End to end through the real pipeline (CoreNLP, dictionaries, MiniLM, committed weights) on hand-written text. */
class ClassifierGuidedCoderTest {

    private static List<Event> code(CoderChoice choice, String text) {
        return ClassifierPipelines.create(PipelineOptions.DEFAULTS, choice)
                .code(Article.of("t", "", "", text, null, "")).events();
    }

    @Test
    void anAirStrikeIsAnAssaultWithTheAttackerAsActorAndBothOpinionsAndAConfidenceInTheExplanation() {
        List<Event> events = code(CoderChoice.COMBINED,
                "Israeli warplanes bombed Hamas positions in the Gaza Strip on Monday, killing three fighters.");
        assertThat(events).anySatisfy(e -> {
            assertThat(e.eventType()).isEqualTo("ASSAULT");
            assertThat(e.actor()).extracting(a -> a.country()).contains("ISR");
            assertThat(e.explanation()).contains("classifier " + PloverClassifier.builtin().id())
                    .containsPattern("confidence [01]\\.\\d\\d").contains("decided by:");
        });
    }

    @Test
    void everyChoiceCodesFromTheSameParseAndTheClassifierAloneNamesItsDecision() {
        String text = "Thousands of Iranian students protested outside the British embassy in Tehran on Sunday.";
        List<Event> alone = code(CoderChoice.CLASSIFIER, text);
        assertThat(alone).isNotEmpty().allSatisfy(e -> assertThat(e.explanation()).contains("decided by: classifier"));
        assertThat(alone).anySatisfy(e -> assertThat(e.eventType()).isEqualTo("PROTEST"));
        assertThat(code(CoderChoice.PATTERN, text)).allSatisfy(e ->
                assertThat(e.explanation()).doesNotContain("classifier"));
    }

    @Test
    void readingOnlyTheFirstParsedSentenceLeavesLaterSentencesToThePatternCoder() {
        String text = "Israeli warplanes bombed Hamas positions in the Gaza Strip on Monday, killing three fighters. "
                + "Thousands of Iranian students protested outside the British embassy in Tehran on Sunday.";
        List<Event> events = ClassifierPipelines.create(PipelineOptions.DEFAULTS, CoderChoice.COMBINED,
                CombinationRule.DEFAULT.readingFirst(1)).code(Article.of("t", "", "", text, null, "")).events();
        assertThat(events).anySatisfy(e -> {
            assertThat(e.textInfo().sentenceIndex()).isEqualTo(0);
            assertThat(e.explanation()).contains("decided by:");
        });
        assertThat(events).filteredOn(e -> e.textInfo().sentenceIndex() == 1).isNotEmpty()
                .allSatisfy(e -> assertThat(e.explanation()).doesNotContain("classifier"));
    }
}
