package org.khaldun.classifier;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;

/**
 * A small classifier over fixed sentence embeddings: multinomial logistic regression, or with {@code hidden > 0} one
 * hidden ReLU layer before the softmax. Weights are floats; arithmetic is in doubles. Immutable once trained, so one
 * head serves every thread.
 */
public final class SoftmaxHead {

    final int inputs;
    final int hidden;
    final int outputs;
    /** hidden layer: hidden × inputs, then hidden biases (empty when hidden == 0). */
    final float[] w1;
    final float[] b1;
    /** output layer: outputs × (hidden or inputs), then output biases. */
    final float[] w2;
    final float[] b2;

    SoftmaxHead(int inputs, int hidden, int outputs, float[] w1, float[] b1, float[] w2, float[] b2) {
        this.inputs = inputs;
        this.hidden = hidden;
        this.outputs = outputs;
        this.w1 = w1;
        this.b1 = b1;
        this.w2 = w2;
        this.b2 = b2;
        int width = hidden > 0 ? hidden : inputs;
        if (w1.length != hidden * inputs || b1.length != hidden || w2.length != outputs * width || b2.length != outputs) {
            throw new IllegalArgumentException("weights do not fit a " + inputs + "→" + hidden + "→" + outputs + " head");
        }
    }

    public int outputs() {
        return outputs;
    }

    /** Class probabilities of one embedding. */
    public double[] probabilities(float[] x) {
        double[] z = logits(x, null);
        softmax(z, null);
        return z;
    }

    /**
     * Probabilities restricted to {@code allowed} classes (the others get 0), renormalised: how the mode head answers
     * "which of this type's modes?".
     */
    public double[] probabilities(float[] x, boolean[] allowed) {
        double[] z = logits(x, null);
        softmax(z, allowed);
        return z;
    }

    /** Output logits; when {@code hiddenOut} is given it receives the hidden activations (for training). */
    double[] logits(float[] x, double[] hiddenOut) {
        if (x.length != inputs) {
            throw new IllegalArgumentException("embedding has " + x.length + " dimensions, the head expects " + inputs);
        }
        double[] h;
        if (hidden > 0) {
            h = hiddenOut != null ? hiddenOut : new double[hidden];
            for (int j = 0; j < hidden; j++) {
                double s = b1[j];
                int off = j * inputs;
                for (int i = 0; i < inputs; i++) {
                    s += w1[off + i] * x[i];
                }
                h[j] = s > 0 ? s : 0;
            }
        } else {
            h = new double[inputs];
            for (int i = 0; i < inputs; i++) {
                h[i] = x[i];
            }
        }
        int width = h.length;
        double[] z = new double[outputs];
        for (int k = 0; k < outputs; k++) {
            double s = b2[k];
            int off = k * width;
            for (int j = 0; j < width; j++) {
                s += w2[off + j] * h[j];
            }
            z[k] = s;
        }
        return z;
    }

    static void softmax(double[] z, boolean[] allowed) {
        double max = Double.NEGATIVE_INFINITY;
        for (int k = 0; k < z.length; k++) {
            if (allowed == null || allowed[k]) {
                max = Math.max(max, z[k]);
            }
        }
        double sum = 0;
        for (int k = 0; k < z.length; k++) {
            z[k] = allowed == null || allowed[k] ? Math.exp(z[k] - max) : 0;
            sum += z[k];
        }
        for (int k = 0; k < z.length; k++) {
            z[k] = sum > 0 ? z[k] / sum : 0;
        }
    }

    void write(DataOutputStream out) throws IOException {
        out.writeInt(inputs);
        out.writeInt(hidden);
        out.writeInt(outputs);
        for (float[] a : new float[][] {w1, b1, w2, b2}) {
            for (float f : a) {
                out.writeFloat(f);
            }
        }
    }

    static SoftmaxHead read(DataInputStream in) throws IOException {
        int inputs = in.readInt();
        int hidden = in.readInt();
        int outputs = in.readInt();
        if (inputs <= 0 || hidden < 0 || outputs <= 0 || inputs > 100_000 || hidden > 100_000 || outputs > 10_000) {
            throw new IOException("implausible head shape " + inputs + "→" + hidden + "→" + outputs);
        }
        int width = hidden > 0 ? hidden : inputs;
        float[] w1 = floats(in, hidden * inputs);
        float[] b1 = floats(in, hidden);
        float[] w2 = floats(in, outputs * width);
        float[] b2 = floats(in, outputs);
        return new SoftmaxHead(inputs, hidden, outputs, w1, b1, w2, b2);
    }

    private static float[] floats(DataInputStream in, int n) throws IOException {
        float[] a = new float[n];
        for (int i = 0; i < n; i++) {
            a[i] = in.readFloat();
        }
        return a;
    }
}
