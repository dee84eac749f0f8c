package org.khaldun.classifier;

import java.util.List;
import java.util.Random;

/**
 * Trains a {@link SoftmaxHead} with Adam on mini-batches, single-threaded and from a fixed seed, so the same
 * examples in the same order always give the same weights, bit for bit.
 *
 * <p>Targets may be sets of classes: an example says "one of these", and the loss is
 * {@code -log Σ_{k∈S} p_k} (superset / partial-label learning). That is how one head learns from data sets that
 * name different things: plover-synthetic names the PLOVER type of a story's headline, ConfliBERT only the CAMEO
 * root group of a sentence, a story's other sentences are "its type, a statement or no event".
 */
public final class HeadTrainer {

    /** One training example: an embedding, the classes it may belong to, and a weight. */
    public record Example(float[] x, boolean[] allowed, double weight) {
    }

    /**
     * How to train. {@code hidden = 0} is multinomial logistic regression. {@code balance} &gt; 0 weights each example
     * by its classes' rarity: a class seen {@code n_c} times (fractionally, for partial labels) weighs
     * {@code (mean n / n_c)^balance}, an example the mean weight of its allowed classes (0 = no class weights, 0.5 =
     * square-root balancing, 1 = fully balanced).
     */
    public record Settings(int hidden, int epochs, int batch, double learningRate, double l2, long seed,
                           double balance) {
        public static final Settings DEFAULT = new Settings(0, 30, 32, 0.01, 1e-4, 20261127L, 0);

        public Settings(int hidden, int epochs, int batch, double learningRate, double l2, long seed) {
            this(hidden, epochs, batch, learningRate, l2, seed, 0);
        }
    }

    private HeadTrainer() {
    }

    public static SoftmaxHead train(List<Example> examples, int outputs, Settings s) {
        if (examples.isEmpty()) {
            throw new IllegalArgumentException("no training examples");
        }
        if (s.balance() > 0) {
            examples = balanced(examples, outputs, s.balance());
        }
        int d = examples.get(0).x().length;
        int hidden = s.hidden();
        int width = hidden > 0 ? hidden : d;
        Random rnd = new Random(s.seed());
        float[] w1 = new float[hidden * d];
        float[] b1 = new float[hidden];
        float[] w2 = new float[outputs * width];
        float[] b2 = new float[outputs];
        if (hidden > 0) {
            double scale = Math.sqrt(2.0 / d);
            for (int i = 0; i < w1.length; i++) {
                w1[i] = (float) (rnd.nextGaussian() * scale);
            }
            double scale2 = Math.sqrt(1.0 / hidden);
            for (int i = 0; i < w2.length; i++) {
                w2[i] = (float) (rnd.nextGaussian() * scale2);
            }
        }
        double[][] params = {toDouble(w1), toDouble(b1), toDouble(w2), toDouble(b2)};
        double[][] m = new double[4][];
        double[][] v = new double[4][];
        double[][] grad = new double[4][];
        for (int p = 0; p < 4; p++) {
            m[p] = new double[params[p].length];
            v[p] = new double[params[p].length];
            grad[p] = new double[params[p].length];
        }
        int n = examples.size();
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        double beta1 = 0.9;
        double beta2 = 0.999;
        long step = 0;
        double[] h = new double[Math.max(hidden, 1)];
        for (int epoch = 0; epoch < s.epochs(); epoch++) {
            shuffle(order, rnd);
            for (int from = 0; from < n; from += s.batch()) {
                int to = Math.min(n, from + s.batch());
                for (double[] g : grad) {
                    java.util.Arrays.fill(g, 0);
                }
                SoftmaxHead cur = snapshot(d, hidden, outputs, params);
                double batchWeight = 0;
                for (int b = from; b < to; b++) {
                    Example ex = examples.get(order[b]);
                    batchWeight += ex.weight();
                    double[] z = cur.logits(ex.x(), hidden > 0 ? h : null);
                    SoftmaxHead.softmax(z, null);
                    double mass = 0;
                    for (int k = 0; k < outputs; k++) {
                        if (ex.allowed()[k]) {
                            mass += z[k];
                        }
                    }
                    // d(-log Σ_S p)/d z_k = p_k - q_k, q = p restricted to S and renormalised
                    double[] dz = new double[outputs];
                    for (int k = 0; k < outputs; k++) {
                        double q = ex.allowed()[k] && mass > 0 ? z[k] / mass : 0;
                        dz[k] = (z[k] - q) * ex.weight();
                    }
                    double[] in = hidden > 0 ? h : toDouble(ex.x());
                    double[] dh = hidden > 0 ? new double[hidden] : null;
                    for (int k = 0; k < outputs; k++) {
                        if (dz[k] == 0) {
                            continue;
                        }
                        int off = k * width;
                        for (int j = 0; j < width; j++) {
                            grad[2][off + j] += dz[k] * in[j];
                            if (dh != null) {
                                dh[j] += dz[k] * params[2][off + j];
                            }
                        }
                        grad[3][k] += dz[k];
                    }
                    if (dh != null) {
                        for (int j = 0; j < hidden; j++) {
                            if (h[j] <= 0) {
                                continue;
                            }
                            int off = j * d;
                            for (int i = 0; i < d; i++) {
                                grad[0][off + i] += dh[j] * ex.x()[i];
                            }
                            grad[1][j] += dh[j];
                        }
                    }
                }
                step++;
                double lr = s.learningRate();
                double c1 = 1 - Math.pow(beta1, step);
                double c2 = 1 - Math.pow(beta2, step);
                for (int p = 0; p < 4; p++) {
                    boolean decay = p == 0 || p == 2;
                    double[] w = params[p];
                    double[] g = grad[p];
                    for (int i = 0; i < w.length; i++) {
                        double gi = g[i] / Math.max(batchWeight, 1e-9) + (decay ? s.l2() * w[i] : 0);
                        m[p][i] = beta1 * m[p][i] + (1 - beta1) * gi;
                        v[p][i] = beta2 * v[p][i] + (1 - beta2) * gi * gi;
                        double mh = m[p][i] / c1;
                        double vh = v[p][i] / c2;
                        w[i] -= lr * mh / (Math.sqrt(vh) + 1e-8);
                    }
                }
            }
        }
        return snapshot(d, hidden, outputs, params);
    }

    /** The examples reweighted by their classes' rarity ({@link Settings#balance}). */
    static List<Example> balanced(List<Example> examples, int outputs, double power) {
        double[] count = new double[outputs];
        for (Example ex : examples) {
            int allowed = 0;
            for (boolean a : ex.allowed()) {
                allowed += a ? 1 : 0;
            }
            for (int k = 0; k < outputs; k++) {
                if (ex.allowed()[k]) {
                    count[k] += ex.weight() / allowed;
                }
            }
        }
        double total = 0;
        int seen = 0;
        for (double c : count) {
            if (c > 0) {
                total += c;
                seen++;
            }
        }
        double mean = total / Math.max(1, seen);
        double[] w = new double[outputs];
        for (int k = 0; k < outputs; k++) {
            w[k] = count[k] > 0 ? Math.pow(mean / count[k], power) : 0;
        }
        List<Example> out = new java.util.ArrayList<>(examples.size());
        for (Example ex : examples) {
            double sum = 0;
            int allowed = 0;
            for (int k = 0; k < outputs; k++) {
                if (ex.allowed()[k]) {
                    sum += w[k];
                    allowed++;
                }
            }
            out.add(new Example(ex.x(), ex.allowed(), ex.weight() * sum / Math.max(1, allowed)));
        }
        return out;
    }

    private static SoftmaxHead snapshot(int d, int hidden, int outputs, double[][] p) {
        return new SoftmaxHead(d, hidden, outputs, toFloat(p[0]), toFloat(p[1]), toFloat(p[2]), toFloat(p[3]));
    }

    private static void shuffle(int[] a, Random rnd) {
        for (int i = a.length - 1; i > 0; i--) {
            int j = rnd.nextInt(i + 1);
            int t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
    }

    private static double[] toDouble(float[] a) {
        double[] out = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            out[i] = a[i];
        }
        return out;
    }

    private static float[] toFloat(double[] a) {
        float[] out = new float[a.length];
        for (int i = 0; i < a.length; i++) {
            out[i] = (float) a[i];
        }
        return out;
    }
}
