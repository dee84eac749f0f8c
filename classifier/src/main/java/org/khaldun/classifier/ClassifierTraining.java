package org.khaldun.classifier;

import java.util.ArrayList;
import java.util.List;

/**
 * Trains the type and mode heads from embedded sentences. Deterministic: the same sentences (in the same order), the
 * same embeddings and the same settings give byte-identical weights.
 */
public final class ClassifierTraining {

    /** Mode head settings: small and regularised, its data are a few thousand headlines and ledes. */
    static final HeadTrainer.Settings MODE_SETTINGS = new HeadTrainer.Settings(0, 30, 32, 0.01, 1e-4, 20261128L);

    private ClassifierTraining() {
    }

    public static ClassifierWeights train(List<TrainingSentence> sentences, float[][] embeddings,
                                          HeadTrainer.Settings settings, String version, String note) {
        if (sentences.size() != embeddings.length) {
            throw new IllegalArgumentException(sentences.size() + " sentences but " + embeddings.length + " embeddings");
        }
        List<HeadTrainer.Example> typeExamples = new ArrayList<>();
        List<HeadTrainer.Example> modeExamples = new ArrayList<>();
        List<String> modes = EventClasses.modes();
        for (int i = 0; i < sentences.size(); i++) {
            TrainingSentence s = sentences.get(i);
            typeExamples.add(new HeadTrainer.Example(embeddings[i], s.allowed(), s.weight()));
            if (s.mode() != null) {
                int m = modes.indexOf(s.mode());
                if (m >= 0) {
                    boolean[] one = new boolean[modes.size()];
                    one[m] = true;
                    modeExamples.add(new HeadTrainer.Example(embeddings[i], one, 1.0));
                }
            }
        }
        SoftmaxHead type = HeadTrainer.train(typeExamples, EventClasses.SIZE, settings);
        SoftmaxHead mode = modeExamples.isEmpty()
                ? HeadTrainer.train(List.of(new HeadTrainer.Example(embeddings[0], only(modes.size(), 0), 1.0)),
                modes.size(), MODE_SETTINGS)
                : HeadTrainer.train(modeExamples, modes.size(), MODE_SETTINGS);
        return new ClassifierWeights(version, SentenceEmbedder.MODEL_ID,
                EventClasses.ALL.stream().map(EventClass::name).toList(), modes, note, type, mode);
    }

    private static boolean[] only(int n, int i) {
        boolean[] a = new boolean[n];
        a[i] = true;
        return a;
    }
}
