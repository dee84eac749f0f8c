package org.khaldun.classifier;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Training on a tiny hand-written sample: reproducible to the byte, and it learns what it is shown. */
class ClassifierTrainingTest {

    private static final String[][] SAMPLE = {
            {"ASSAULT", "Government troops shelled rebel positions outside the city, killing twelve fighters."},
            {"ASSAULT", "A suicide bomber blew himself up at a police checkpoint in the capital."},
            {"ASSAULT", "Warplanes struck militant camps in the north overnight."},
            {"PROTEST", "Thousands of teachers marched on parliament demanding higher pay."},
            {"PROTEST", "Dock workers went on strike across the country's ports."},
            {"PROTEST", "Students rallied outside the ministry to denounce the new tuition fees."},
            {"CONSULT", "The foreign ministers of both countries met in Geneva for talks."},
            {"CONSULT", "The president received the visiting prime minister at the palace."},
            {"CONSULT", "The two leaders spoke by telephone about the border dispute."},
            {"none", "The striker scored twice as the home side won the cup final."},
            {"none", "The film topped the box office for a third weekend."},
            {"none", "The band announced a world tour starting in the spring."},
    };

    private static List<TrainingSentence> sentences;
    private static float[][] embeddings;

    @BeforeAll
    static void embed() {
        sentences = new ArrayList<>();
        List<String> texts = new ArrayList<>();
        for (String[] row : SAMPLE) {
            List<Integer> classes = row[0].equals("none") ? List.of(EventClasses.NONE) : EventClasses.ofType(row[0]);
            sentences.add(new TrainingSentence(row[1], TrainingSentence.classes(classes), 1.0, ""));
            texts.add(row[1]);
        }
        embeddings = SentenceEmbedder.shared().embedAll(texts);
    }

    private static ClassifierWeights train(long seed) {
        return ClassifierTraining.train(sentences, embeddings, new HeadTrainer.Settings(0, 40, 4, 0.05, 1e-4, seed),
                "test", "tiny sample");
    }

    @Test
    void trainingTwiceOnTheSameSampleGivesIdenticalWeights() {
        ClassifierWeights a = train(7);
        ClassifierWeights b = train(7);
        assertThat(a.toBytes()).isEqualTo(b.toBytes());
        assertThat(a.hash()).isEqualTo(b.hash());
    }

    @Test
    void anotherSeedGivesOtherWeights() {
        assertThat(train(7).hash()).isNotEqualTo(train(8).hash());
    }

    @Test
    void aHiddenLayerIsAsReproducible() {
        HeadTrainer.Settings s = new HeadTrainer.Settings(16, 20, 4, 0.01, 1e-4, 3);
        assertThat(ClassifierTraining.train(sentences, embeddings, s, "t", "").toBytes())
                .isEqualTo(ClassifierTraining.train(sentences, embeddings, s, "t", "").toBytes());
    }

    @Test
    void theTrainedHeadNamesTheTypesOfItsOwnSentences() {
        PloverClassifier c = new PloverClassifier(SentenceEmbedder.shared(), train(7));
        for (int i = 0; i < SAMPLE.length; i++) {
            Opinion o = c.classify(embeddings[i]);
            String expected = SAMPLE[i][0].equals("none") ? "" : SAMPLE[i][0];
            assertThat(o.bestClass().ploverType()).as(SAMPLE[i][1]).isEqualTo(expected);
        }
    }

    @Test
    void aPartialLabelKeepsProbabilityInsideItsSet() {
        List<TrainingSentence> partial = new ArrayList<>();
        List<Integer> conflict = EventClasses.ofGroup(4);
        for (int i = 0; i < 3; i++) {
            partial.add(new TrainingSentence(SAMPLE[i][1], TrainingSentence.classes(conflict), 1.0, null));
        }
        float[][] x = {embeddings[0], embeddings[1], embeddings[2]};
        ClassifierWeights w = ClassifierTraining.train(partial, x, new HeadTrainer.Settings(0, 60, 3, 0.05, 0, 1),
                "t", "");
        Opinion o = new PloverClassifier(SentenceEmbedder.shared(), w).classify(embeddings[0]);
        assertThat(o.ofGroup(4)).isGreaterThan(0.9);
    }

    @Test
    void weightsSurviveWritingAndReading() throws Exception {
        ClassifierWeights a = train(7);
        ClassifierWeights b = ClassifierWeights.read(a.toBytes());
        assertThat(b.toBytes()).isEqualTo(a.toBytes());
        assertThat(b.id()).isEqualTo(a.id()).startsWith("test+");
    }
}
