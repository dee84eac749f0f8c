package org.khaldun.app.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.khaldun.app.eval.TestEvents.actor;
import static org.khaldun.app.eval.TestEvents.event;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.khaldun.app.eval.ConflibertEvaluation.Span;
import org.khaldun.app.eval.ConflibertEvaluation.Tagged;
import org.khaldun.classifier.CombinationRule;
import org.khaldun.classifier.HeldOutSplit;
import org.khaldun.event.Event;
import org.khaldun.event.Modality;

/** How the classifier evaluation scores a full event: type, actor and recipient against ConfliBERT's spans. */
class ClassifierEvaluationTest {

    private static final String TEXT = "Israel bombed Gaza on Monday.";
    private static final Tagged TAGGED = new Tagged("t1", TEXT, List.of(new Span("S", 0, 6), new Span("T", 14, 18)));
    private static final Map<String, String> LABELS = Map.of(HeldOutSplit.sentenceKey(TEXT), "4");

    private static Event assault(int actorStart, int actorEnd, int recipientStart, int recipientEnd) {
        return event("ASSAULT", "", "190", 4, 7, Modality.FACT, List.of(actor("a", actorStart, actorEnd)),
                List.of(actor("r", recipientStart, recipientEnd)));
    }

    @Test
    void anEventOfTheGoldClassWithTheGoldActorAndRecipientIsAFullMatch() {
        int[] k = ClassifierEvaluation.fullRecall(List.of(TAGGED), List.of(List.of(assault(0, 6, 14, 18))), LABELS);
        assertThat(k).containsExactly(1, 1, 1);
    }

    @Test
    void theWrongRecipientStillCountsForTypeAndActorOnly() {
        int[] k = ClassifierEvaluation.fullRecall(List.of(TAGGED), List.of(List.of(assault(0, 6, 22, 28))), LABELS);
        assertThat(k).containsExactly(1, 0, 1);
    }

    @Test
    void anEventOfAnotherClassMatchesNothingWhateverItsActors() {
        Event accuse = event("ACCUSE", "", "112", 3, 7, Modality.FACT, List.of(actor("a", 0, 6)),
                List.of(actor("r", 14, 18)));
        int[] k = ClassifierEvaluation.fullRecall(List.of(TAGGED), List.of(List.of(accuse)), LABELS);
        assertThat(k).containsExactly(1, 0, 0);
    }

    @Test
    void theReportShowsTheOtherReadingOfTheRuleBesideTheEvaluatedOne() {
        assertThat(ClassifierEvaluation.otherReading(CombinationRule.DEFAULT.readingFirst(0))).isEqualTo(1);
        assertThat(ClassifierEvaluation.otherReading(CombinationRule.DEFAULT.readingFirst(3))).isZero();
    }
}
