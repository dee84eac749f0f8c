package org.khaldun.app.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.khaldun.app.eval.TestEvents.actor;
import static org.khaldun.app.eval.TestEvents.fact;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.khaldun.event.Cameo;
import org.khaldun.event.Event;
import org.khaldun.event.Modality;

class ConflibertEvaluationTest {

    private static String label(String code) {
        return ConflibertEvaluation.label(new Cameo(code, 0, TestEvents.quadOf(code)));
    }

    @Test
    void statementsAndAppealsAreLabelZeroAndTheRestFollowTheRootGroups() {
        assertThat(label("010")).isEqualTo("0");
        assertThat(label("0231")).isEqualTo("0");
        assertThat(label("036")).isEqualTo("1");
        assertThat(label("057")).isEqualTo("1");
        assertThat(label("0874")).isEqualTo("2");
        assertThat(label("094")).isEqualTo("3");
        assertThat(label("1385")).isEqualTo("3");
        assertThat(label("141")).isEqualTo("4");
        assertThat(label("2042")).isEqualTo("4");
    }

    @Test
    void taggedTokensBecomeCharacterSpansOfTheRebuiltSentence() throws Exception {
        List<ConflibertEvaluation.Tagged> t = ConflibertEvaluation.parseTagged(List.of(
                "A O", "Swiss B-S", "court I-S", "rejected O", "the O", "Croatian B-T", "request I-T", ". O", "",
                "Erdogan B-R", "met O", "Putin B-R"), "test");
        assertThat(t).hasSize(2);
        assertThat(t.get(0).text()).isEqualTo("A Swiss court rejected the Croatian request .");
        assertThat(t.get(0).spans()).containsExactly(new ConflibertEvaluation.Span("S", 2, 13),
                new ConflibertEvaluation.Span("T", 27, 43));
        assertThat(t.get(1).spans()).extracting(ConflibertEvaluation.Span::role).containsExactly("R", "R");
    }

    @Test
    void aSourceFoundAsTheActorCountsAndOneFoundAsRecipientIsARoleSwap() throws Exception {
        List<ConflibertEvaluation.Tagged> t = ConflibertEvaluation.parseTagged(List.of(
                "A O", "Swiss B-S", "court I-S", "rejected O", "the O", "Croatian B-T", "request I-T", ". O"), "test");
        Event right = TestEvents.event("REJECT", "", "120", 3, 14, Modality.FACT,
                List.of(actor("Swiss court", 2, 13)), List.of(actor("Croatian", 27, 35)));
        assertThat(ConflibertEvaluation.spanReport(t, List.of(List.of(right))))
                .contains("| S source | 1 | 100.0 % | 100.0 % | 0.0 % |")
                .contains("| T target | 1 | 100.0 % | 0.0 % | 0.0 % |");
        Event swapped = TestEvents.event("REJECT", "", "120", 3, 14, Modality.FACT,
                List.of(actor("Croatian", 27, 35)), List.of(actor("Swiss court", 2, 13)));
        assertThat(ConflibertEvaluation.spanReport(t, List.of(List.of(swapped))))
                .contains("| S source | 1 | 0.0 % | 0.0 % | 100.0 % |")
                .contains("precision of predicted sources (actors overlapping a gold S or R span, in sentences that "
                        + "have one): 0/1");
    }

    @Test
    void aSentenceWithoutEventsIsAMissAndNotAGuess() {
        List<ConflibertEvaluation.Sentence> s = List.of(new ConflibertEvaluation.Sentence("1", "x", "4"),
                new ConflibertEvaluation.Sentence("2", "y", "3"));
        String report = ConflibertEvaluation.classReport(s, List.of(List.of(fact("ASSAULT", "190", 0)), List.of()));
        assertThat(report).contains("no event predicted: 1 (50.0 %)").contains("| 4 | 1 | 1.000 | 1.000 | 1.000 |")
                .contains("| 3 | 1 | – | 0.000 | 0.000 |");
    }

    @Test
    void theSharedFilesHoldTheDocumentedSentences() throws Exception {
        Path dir = Path.of(System.getProperty("khaldun.shared", "../shared"), "data", "conflibert-train");
        assumeTrue(Files.isDirectory(dir), "shared data not present");
        assertThat(ConflibertEvaluation.readClasses(dir.resolve("cameo_class/train.tsv"))).hasSize(1348);
        List<ConflibertEvaluation.Tagged> tagged = ConflibertEvaluation.readTagged(dir.resolve("cameo_ner/train.txt"));
        assertThat(tagged).hasSize(1153);
        assertThat(tagged).allSatisfy(t -> t.spans().forEach(sp ->
                assertThat(t.text().substring(sp.start(), sp.end())).isNotBlank()));
    }
}
