package org.khaldun.classifier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Class weights and folds: what the trainer does with rare classes, and where cross-fitting draws its lines. */
class HeadTrainerTest {

    private static HeadTrainer.Example example(int... classes) {
        boolean[] allowed = new boolean[3];
        for (int k : classes) {
            allowed[k] = true;
        }
        return new HeadTrainer.Example(new float[] {1f}, allowed, 1.0);
    }

    @Test
    void fullyBalancedWeightsGiveARareClassAsMuchTotalWeightAsACommonOne() {
        List<HeadTrainer.Example> xs = new ArrayList<>();
        for (int i = 0; i < 9; i++) {
            xs.add(example(0));
        }
        xs.add(example(1));
        List<HeadTrainer.Example> w = HeadTrainer.balanced(xs, 3, 1.0);
        double common = w.subList(0, 9).stream().mapToDouble(HeadTrainer.Example::weight).sum();
        assertThat(w.get(9).weight()).isCloseTo(common, within(1e-9));
    }

    @Test
    void squareRootBalancingOnlyHalvesTheGapOnALogScale() {
        List<HeadTrainer.Example> xs = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            xs.add(example(0));
        }
        xs.add(example(1));
        List<HeadTrainer.Example> w = HeadTrainer.balanced(xs, 3, 0.5);
        assertThat(w.get(4).weight() / w.get(0).weight()).isCloseTo(2.0, within(1e-9));
    }

    @Test
    void aPartialLabelWeighsTheMeanOfItsClasses() {
        List<HeadTrainer.Example> xs = List.of(example(0), example(0), example(0), example(1), example(0, 1));
        List<HeadTrainer.Example> w = HeadTrainer.balanced(xs, 3, 1.0);
        assertThat(w.get(4).weight()).isCloseTo((w.get(0).weight() + w.get(3).weight()) / 2, within(1e-9));
    }

    @Test
    void theDevPartIsOneFoldOfTheTrainingSideAndTestItemsHaveNone() {
        for (int i = 0; i < 500; i++) {
            String key = "template:headline " + i;
            int fold = HeldOutSplit.fold(key);
            assertThat(fold == -1).isEqualTo(HeldOutSplit.isTest(key));
            assertThat(fold == HeldOutSplit.DEV_FOLD).isEqualTo(HeldOutSplit.isDev(key));
            assertThat(fold).isBetween(-1, HeldOutSplit.FOLDS - 1);
        }
    }
}
