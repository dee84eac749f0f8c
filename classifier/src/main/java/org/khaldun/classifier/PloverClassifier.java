package org.khaldun.classifier;

import java.util.List;
import java.util.Objects;
import org.khaldun.codebook.PloverTypes;

/**
 * The learned sentence classifier: MiniLM embedding, then the trained type head (PLOVER type within a CAMEO root
 * group, a statement, or no event) and mode head. Immutable and thread-safe.
 */
public final class PloverClassifier {

    /** Below this the mode head's answer is not worth writing on an event. */
    static final double MIN_MODE_CONFIDENCE = 0.5;

    private final SentenceEmbedder embedder;
    private final ClassifierWeights weights;
    private final String id;

    public PloverClassifier(SentenceEmbedder embedder, ClassifierWeights weights) {
        this.embedder = Objects.requireNonNull(embedder);
        this.weights = Objects.requireNonNull(weights);
        List<String> names = EventClasses.ALL.stream().map(EventClass::name).toList();
        if (!weights.classes().equals(names)) {
            throw new IllegalArgumentException("weights " + weights.version() + " were trained for classes "
                    + weights.classes() + ", this Khaldun has " + names);
        }
        if (!weights.embedder().equals(SentenceEmbedder.MODEL_ID)) {
            throw new IllegalArgumentException("weights expect embeddings of " + weights.embedder() + ", not "
                    + SentenceEmbedder.MODEL_ID);
        }
        this.id = weights.id();
    }

    /** The classifier with the committed weights. */
    public static PloverClassifier builtin() {
        return Holder.INSTANCE;
    }

    private static final class Holder {
        static final PloverClassifier INSTANCE = new PloverClassifier(SentenceEmbedder.shared(),
                ClassifierWeights.builtin());
    }

    /** Version and hash of the weights, e.g. {@code 2026.11.1+3fa2c0d1e9b7}. */
    public String id() {
        return id;
    }

    public ClassifierWeights weights() {
        return weights;
    }

    public Opinion classify(String sentence) {
        return classify(embedder.embed(sentence));
    }

    public Opinion classify(float[] embedding) {
        double[] p = weights.typeHead().probabilities(embedding);
        int best = 0;
        for (int k = 1; k < p.length; k++) {
            if (p[k] > p[best]) {
                best = k;
            }
        }
        String type = EventClasses.get(best).ploverType();
        String mode = "";
        double modeConfidence = 0;
        if (PloverTypes.isType(type) && !PloverTypes.modes(type).isEmpty()) {
            List<String> modes = weights.modes();
            boolean[] allowed = new boolean[modes.size()];
            for (int m = 0; m < allowed.length; m++) {
                allowed[m] = modes.get(m).isEmpty() || PloverTypes.modes(type).contains(modes.get(m));
            }
            double[] q = weights.modeHead().probabilities(embedding, allowed);
            int bm = 0;
            for (int m = 1; m < q.length; m++) {
                if (q[m] > q[bm]) {
                    bm = m;
                }
            }
            if (q[bm] >= MIN_MODE_CONFIDENCE) {
                mode = modes.get(bm);
                modeConfidence = q[bm];
            }
        }
        return new Opinion(p, best, mode, modeConfidence);
    }
}
