package org.khaldun.app.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ClassScoresTest {

    /** A found and B mistaken; B found while A also predicted; C missed entirely. */
    private static ClassScores example() {
        ClassScores s = new ClassScores(List.of("A", "B", "C"));
        s.add("A", Set.of("A"), "A");
        s.add("A", Set.of("B"), "B");
        s.add("B", Set.of("B", "A"), "B");
        s.add("C", Set.of(), null);
        return s;
    }

    @Test
    void precisionRecallAndF1CountPredictionsPerItem() {
        ClassScores s = example();
        assertThat(s.precision("A")).isEqualTo(0.5);
        assertThat(s.recall("A")).isEqualTo(0.5);
        assertThat(s.f1("A")).isEqualTo(0.5);
        assertThat(s.precision("B")).isEqualTo(0.5);
        assertThat(s.recall("B")).isEqualTo(1.0);
        assertThat(s.f1("B")).isCloseTo(2.0 / 3, within(1e-9));
        assertThat(s.precision("C")).as("never predicted").isZero();
        assertThat(s.f1("C")).isZero();
    }

    @Test
    void macroAveragesClassesAndWeightedFollowsGoldCounts() {
        ClassScores s = example();
        assertThat(s.macroF1()).isCloseTo((0.5 + 2.0 / 3 + 0) / 3, within(1e-9));
        assertThat(s.weightedF1()).isCloseTo((2 * 0.5 + 1 * 2.0 / 3) / 4, within(1e-9));
    }

    @Test
    void classesWithoutGoldItemsDoNotDragTheMacroAverage() {
        ClassScores s = new ClassScores(List.of("A", "B"));
        s.add("A", Set.of("A"), "A");
        assertThat(s.macroF1()).isEqualTo(1.0);
    }

    @Test
    void topOneAndNoPredictionRates() {
        ClassScores s = example();
        assertThat(s.items()).isEqualTo(4);
        assertThat(s.empty()).isEqualTo(1);
        assertThat(s.top1Accuracy()).isEqualTo(0.5);
        assertThat(s.anyMatch()).isEqualTo(0.5);
        assertThat(s.confusion()).containsEntry("A", Map.of("A", 1, "B", 1))
                .containsEntry("C", Map.of(ClassScores.NONE, 1));
    }

    @Test
    void reportsShowTheFiguresAndTheConfusions() {
        ClassScores s = example();
        assertThat(s.markdown()).contains("no event predicted: 1 (25.0 %)").contains("| B | 1 | 0.500 | 1.000 | 0.667 |")
                .contains("| C | 1 | – | 0.000 | 0.000 |");
        assertThat(s.topConfusions(5)).contains("| A → B | 1 |").contains("| C → (none) | 1 |")
                .doesNotContain("A → A");
        assertThat(s.confusionMatrix()).contains("| A | 1 | 1 | 0 | 0 |");
    }

    @Test
    void aGoldLabelOutsideTheLabelSpaceIsAnError() {
        assertThatThrownBy(() -> new ClassScores(List.of("A")).add("Z", Set.of(), null))
                .hasMessageContaining("'Z'");
    }
}
