package org.khaldun.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.khaldun.app.eval.ClassifierTrainingData;
import org.khaldun.classifier.EventClasses;
import org.khaldun.classifier.HeldOutSplit;
import org.khaldun.classifier.TrainingSentence;

/** Cross-fitting: a fold head never sees its fold, and out-of-fold figures are told apart by kind of label. */
class CrossFitTest {

    private static TrainingSentence sentence(String text, List<Integer> classes) {
        return new TrainingSentence(text, TrainingSentence.classes(classes), 1.0, null);
    }

    @Test
    void aHeadForAFoldIsTrainedOnEveryOtherFoldOnly() {
        ClassifierTrainingData.Gathered all = new ClassifierTrainingData.Gathered(List.of(
                sentence("a", EventClasses.ofType("ASSAULT")), sentence("b", EventClasses.ofType("PROTEST")),
                sentence("c", List.of(EventClasses.NONE))), List.of(0, HeldOutSplit.DEV_FOLD, 2), "note");
        ClassifierTrainingData.Gathered withoutDev = all.without(HeldOutSplit.DEV_FOLD);
        assertThat(withoutDev.sentences()).extracting(TrainingSentence::text).containsExactly("a", "c");
        assertThat(withoutDev.folds()).containsExactly(0, 2);
        assertThat(withoutDev.note()).contains("fold 3 of 4 held out (the dev part)");
    }

    @Test
    void outOfFoldFiguresAreToldApartByTheShapeOfTheLabel() {
        List<Integer> body = new java.util.ArrayList<>(EventClasses.ofType("ASSAULT"));
        body.add(EventClasses.NONE);
        body.add(EventClasses.STATEMENT);
        assertThat(TrainClassifierCommand.OutOfFold.kind(TrainingSentence.classes(EventClasses.ofType("REQUEST"))))
                .startsWith("headline/lede");
        assertThat(TrainClassifierCommand.OutOfFold.kind(TrainingSentence.classes(EventClasses.ofGroup(4))))
                .startsWith("ConfliBERT");
        assertThat(TrainClassifierCommand.OutOfFold.kind(TrainingSentence.classes(body))).startsWith("story body");
        assertThat(TrainClassifierCommand.OutOfFold.kind(TrainingSentence.classes(List.of(EventClasses.NONE))))
                .startsWith("no event");
    }

    @Test
    void aSentenceCountsAsRightWhenItsMostProbableClassIsAllowed() {
        TrainClassifierCommand.OutOfFold oof = new TrainClassifierCommand.OutOfFold();
        double[] p = new double[EventClasses.SIZE];
        p[EventClasses.ofType("PROTEST").get(0)] = 0.6;
        p[EventClasses.NONE] = 0.4;
        oof.add(sentence("x", EventClasses.ofType("PROTEST")), p);
        oof.add(sentence("y", List.of(EventClasses.NONE)), p);
        assertThat(oof.markdown()).contains("| all | 2 | 0.500 |");
    }
}
