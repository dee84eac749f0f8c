package org.khaldun.nlp;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import java.util.zip.GZIPInputStream;

/**
 * Chen and Manning's arc-standard neural dependency parser, run on the weights of a CoreNLP {@code nndep} model file
 * (the text format CoreNLP writes: dictionaries with embeddings, W1, b1, W2, the precomputed feature list).
 *
 * <p>Why not CoreNLP's own {@code DependencyParser}: profiling the coder showed two thirds of all CPU inside its
 * network — dot products of double hidden vectors with float rows that the JIT does not vectorise, a column-wise
 * product for every feature outside the precomputed set, boxed feature lists, hash lookups of words at every
 * transition and a synchronised cache. This class makes the same transitions from the same features and weights
 * with flat arrays laid out so that every inner loop is an element-wise multiply-add over contiguous memory (which
 * C2 turns into SIMD instructions), word ids looked up once per sentence, and a lock-free cache.
 *
 * <p>The arithmetic is CoreNLP's, operation for operation: float products summed in double in the same order, the
 * output layer's sums over hidden units in the same order (an axpy per unit instead of a dot product per transition
 * changes the loop nesting, not the order of additions). Java's floating point is strict, so the scores — and the
 * trees — are bit for bit those of CoreNLP's parser; {@code NeuralDependencyParserTest} holds it to that.
 *
 * <p>Instances are immutable after loading (but for the cache, whose races are benign) and shared by all threads.
 */
final class NeuralDependencyParser {

    /** A dependency tree: {@code heads[i]} is the 1-based head of token {@code i} (0 = root), {@code labels[i]} its label. */
    record Parse(int[] heads, String[] labels) {
    }

    private static final String UNKNOWN = "-UNKNOWN-";
    private static final String NULL = "-NULL-";
    private static final String ROOT = "-ROOT-";
    private static final int NONE = -1;
    private static final int FEATURES = 48;

    private final Map<String, Integer> wordIds;
    private final Map<String, Integer> posIds;
    private final int unknownWord;
    private final int nullWord;
    private final int rootWord;
    private final int unknownPos;
    private final int nullPos;
    private final int rootPos;
    /** Global id of the NULL label; label {@code l} of {@link #arcLabels} has id {@code nullLabel + 1 + l}. */
    private final int nullLabel;
    /** Arc labels in transition order; the first is the root label. */
    private final String[] arcLabels;

    private final int embeddingSize;
    private final int hiddenSize;
    private final int transitions;
    /** Embeddings, one row of {@link #embeddingSize} per global id. */
    private final float[] embeddings;
    /** W1 transposed: row {@code position * embeddingSize + k} holds the hidden layer's weights of that input. */
    private final float[] w1t;
    private final float[] b1;
    /**
     * W2 transposed: row {@code h} holds hidden unit {@code h}'s weight towards every transition. Kept in float (332 KB,
     * it stays in a core's L2 cache where doubles would not); widened at use, as CoreNLP does.
     */
    private final float[] w2t;
    /** Feature id ({@code globalId * 48 + position}) → row of {@link #precomputed}, or -1. */
    private final int[] precomputedRow;
    /** The hidden-layer contribution of each precomputed feature, {@link #hiddenSize} floats per row. */
    private final double[] precomputed;
    private final HiddenCache cache;

    private NeuralDependencyParser(Model m, int cacheSlots) {
        this.wordIds = m.wordIds;
        this.posIds = m.posIds;
        this.unknownWord = wordIds.get(UNKNOWN);
        this.nullWord = wordIds.get(NULL);
        this.rootWord = wordIds.get(ROOT);
        this.unknownPos = posIds.get(UNKNOWN);
        this.nullPos = posIds.get(NULL);
        this.rootPos = posIds.get(ROOT);
        if (!m.labels.get(0).equals(NULL)) {
            throw new IllegalArgumentException("parser model: the first label must be " + NULL);
        }
        this.nullLabel = m.labelOffset;
        this.arcLabels = m.labels.subList(1, m.labels.size()).toArray(String[]::new);
        this.embeddingSize = m.embeddingSize;
        this.hiddenSize = m.hiddenSize;
        this.transitions = 2 * arcLabels.length + 1;
        if (m.w2t.length != transitions * hiddenSize) {
            throw new IllegalArgumentException("parser model: W2 has " + m.w2t.length / hiddenSize
                    + " transitions, the labels make " + transitions);
        }
        this.embeddings = m.embeddings;
        this.w1t = m.w1t;
        this.b1 = m.b1;
        this.w2t = m.w2t;
        int ids = embeddings.length / embeddingSize;
        this.precomputedRow = new int[ids * FEATURES];
        java.util.Arrays.fill(precomputedRow, -1);
        for (int r = 0; r < m.precomputedFeatures.length; r++) {
            precomputedRow[m.precomputedFeatures[r]] = r;
        }
        this.precomputed = new double[m.precomputedFeatures.length * hiddenSize];
        int[] features = m.precomputedFeatures;
        // 100k rows × 50k multiply-adds, spread over the cores
        IntStream.range(0, features.length).parallel().forEach(r -> {
            int feature = features[r];
            hiddenContribution(feature / FEATURES, feature % FEATURES, precomputed, r * hiddenSize);
        });
        this.cache = new HiddenCache(cacheSlots);
    }

    /**
     * Loads a model file in CoreNLP's nndep text format from the class path (gzipped when its name ends in .gz).
     *
     * @param cacheVectors hidden vectors kept for features outside the model's precomputed set (4 KB each; 0 turns
     *                     the cache off)
     */
    static NeuralDependencyParser load(String resource, int cacheVectors) {
        InputStream in = NeuralDependencyParser.class.getClassLoader().getResourceAsStream(resource);
        if (in == null) {
            throw new IllegalStateException("parser model not on the class path: " + resource);
        }
        try (InputStream raw = in;
             BufferedReader r = new BufferedReader(new InputStreamReader(
                     resource.endsWith(".gz") ? new GZIPInputStream(raw, 1 << 16) : raw, StandardCharsets.UTF_8),
                     1 << 16)) {
            return new NeuralDependencyParser(Model.read(r), cacheVectors);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read parser model " + resource, e);
        }
    }

    /**
     * Parses one tagged sentence. Interruptible between transitions (the time budget per article interrupts
     * coding threads), as CoreNLP's parser is.
     */
    Parse parse(List<String> words, List<String> tags) {
        int n = words.size();
        int[] wordId = new int[n + 1];
        int[] posId = new int[n + 1];
        wordId[0] = rootWord;
        posId[0] = rootPos;
        for (int i = 0; i < n; i++) {
            wordId[i + 1] = wordIds.getOrDefault(words.get(i), unknownWord);
            posId[i + 1] = posIds.getOrDefault(tags.get(i), unknownPos);
        }
        int[] head = new int[n + 1];
        int[] label = new int[n + 1];
        java.util.Arrays.fill(head, NONE);
        java.util.Arrays.fill(label, NONE);
        int[] stack = new int[n + 1];
        int stackSize = 1; // the root, index 0
        int next = 1;      // the buffer is always tokens next..n
        int[] feature = new int[FEATURES];
        double[] hidden = new double[hiddenSize];
        double[] scores = new double[transitions];
        int labelCount = arcLabels.length;
        while (!(stackSize == 1 && next > n)) {
            if (Thread.interrupted()) {
                throw new edu.stanford.nlp.util.RuntimeInterruptedException();
            }
            int best = forced(labelCount, stackSize, next, n);
            if (best < 0) {
                features(stack, stackSize, next, n, head, label, wordId, posId, feature);
                scores(feature, hidden, scores);
                double bestScore = Double.NEGATIVE_INFINITY;
                for (int t = 0; t < transitions; t++) {
                    if (scores[t] > bestScore && canApply(t, labelCount, stack, stackSize, next, n)) {
                        bestScore = scores[t];
                        best = t;
                    }
                }
                if (best < 0) {
                    throw new IllegalStateException("parser: no transition applies (scores not finite)");
                }
            }
            if (best < labelCount) {           // left arc: second on the stack depends on the top
                int dependent = stack[stackSize - 2];
                head[dependent] = stack[stackSize - 1];
                label[dependent] = best;
                stack[stackSize - 2] = stack[stackSize - 1];
                stackSize--;
            } else if (best < 2 * labelCount) { // right arc: the top depends on the second
                int dependent = stack[stackSize - 1];
                head[dependent] = stack[stackSize - 2];
                label[dependent] = best - labelCount;
                stackSize--;
            } else {                            // shift
                stack[stackSize++] = next++;
            }
        }
        int[] heads = new int[n];
        String[] labels = new String[n];
        for (int i = 1; i <= n; i++) {
            heads[i - 1] = head[i];
            labels[i - 1] = arcLabels[label[i]];
        }
        return new Parse(heads, labels);
    }

    /**
     * The one transition {@link #canApply} allows, when there is only one, else -1: a shift while the stack holds
     * the root and at most one word (the first moves of every sentence), the root arc when only the root and one
     * word are left (its last). The network's argmax over a single legal move is that move, so it is not run: the tree is
     * the one CoreNLP's parser makes, which scores every state.
     */
    private static int forced(int labelCount, int stackSize, int next, int n) {
        boolean bufferEmpty = next > n;
        if (stackSize <= 2 && !bufferEmpty) {
            return 2 * labelCount;
        }
        if (stackSize == 2) {
            return labelCount; // right arc with the root label (label 0)
        }
        return -1;
    }

    /**
     * CoreNLP 4.5's ArcStandard.canApply with a single root, on transition numbers instead of strings: the root label
     * is for the artificial root's arc and no other.
     */
    private static boolean canApply(int t, int labelCount, int[] stack, int stackSize, int next, int n) {
        boolean bufferEmpty = next > n;
        if (t == 2 * labelCount) {
            return !bufferEmpty;
        }
        boolean left = t < labelCount;
        int arcLabel = left ? t : t - labelCount;
        int h = left ? stackAt(stack, stackSize, 0) : stackAt(stack, stackSize, 1);
        if (h < 0 || (h == 0) != (arcLabel == 0)) {
            return false;
        }
        return left ? stackSize > 2 : stackSize > 2 || (stackSize == 2 && bufferEmpty);
    }

    private static int stackAt(int[] stack, int stackSize, int k) {
        return k < stackSize ? stack[stackSize - 1 - k] : NONE;
    }

    /** The 48 features of Chen and Manning (2014) in CoreNLP's order: 18 words, 18 tags, 12 arc labels. */
    private void features(int[] stack, int stackSize, int next, int n, int[] head, int[] label, int[] wordId,
                          int[] posId, int[] f) {
        for (int j = 2; j >= 0; j--) {
            int index = stackAt(stack, stackSize, j);
            f[2 - j] = word(index, n, wordId);
            f[18 + 2 - j] = pos(index, n, posId);
        }
        for (int j = 0; j <= 2; j++) {
            int index = next + j <= n ? next + j : NONE;
            f[3 + j] = word(index, n, wordId);
            f[18 + 3 + j] = pos(index, n, posId);
        }
        for (int j = 0; j <= 1; j++) {
            int k = stackAt(stack, stackSize, j);
            int lc1 = leftChild(k, 1, n, head);
            int rc1 = rightChild(k, 1, n, head);
            for (int m = 0; m < 6; m++) {
                int index = switch (m) { // CoreNLP's order: lc1, rc1, lc2, rc2, lc1 of lc1, rc1 of rc1
                    case 0 -> lc1;
                    case 1 -> rc1;
                    case 2 -> leftChild(k, 2, n, head);
                    case 3 -> rightChild(k, 2, n, head);
                    case 4 -> leftChild(lc1, 1, n, head);
                    default -> rightChild(rc1, 1, n, head);
                };
                f[6 + j * 6 + m] = word(index, n, wordId);
                f[18 + 6 + j * 6 + m] = pos(index, n, posId);
                f[36 + j * 6 + m] = index <= 0 || index > n ? nullLabel : nullLabel + 1 + label[index];
            }
        }
    }

    private int word(int index, int n, int[] wordId) {
        return index < 0 || index > n ? nullWord : wordId[index];
    }

    private int pos(int index, int n, int[] posId) {
        return index < 0 || index > n ? nullPos : posId[index];
    }

    private static int leftChild(int k, int count, int n, int[] head) {
        if (k < 0 || k > n) {
            return NONE;
        }
        int c = 0;
        for (int i = 1; i < k; i++) {
            if (head[i] == k && ++c == count) {
                return i;
            }
        }
        return NONE;
    }

    private static int rightChild(int k, int count, int n, int[] head) {
        if (k < 0 || k > n) {
            return NONE;
        }
        int c = 0;
        for (int i = n; i > k; i--) {
            if (head[i] == k && ++c == count) {
                return i;
            }
        }
        return NONE;
    }

    /**
     * Transition scores: W2 · (W1 · x + b1)³, with W1 · x summed from precomputed or cached contributions. Loops take
     * four rows at a time to read and write the accumulators a quarter as often; each sum still adds its terms one
     * by one in CoreNLP's order ({@code a + b + c + d} is {@code ((a + b) + c) + d} in Java), so the scores are its.
     */
    private void scores(int[] feature, double[] hidden, double[] scores) {
        java.util.Arrays.fill(hidden, 0d);
        int h = hiddenSize;
        double[] pre = precomputed;
        int p = 0;
        while (p < FEATURES) {
            if (p + 4 <= FEATURES) {
                int r0 = precomputedRow[feature[p] * FEATURES + p];
                int r1 = precomputedRow[feature[p + 1] * FEATURES + p + 1];
                int r2 = precomputedRow[feature[p + 2] * FEATURES + p + 2];
                int r3 = precomputedRow[feature[p + 3] * FEATURES + p + 3];
                if ((r0 | r1 | r2 | r3) >= 0) {
                    int o0 = r0 * h;
                    int o1 = r1 * h;
                    int o2 = r2 * h;
                    int o3 = r3 * h;
                    for (int i = 0; i < h; i++) {
                        hidden[i] = hidden[i] + pre[o0 + i] + pre[o1 + i] + pre[o2 + i] + pre[o3 + i];
                    }
                    p += 4;
                    continue;
                }
            }
            int id = feature[p];
            int row = precomputedRow[id * FEATURES + p];
            if (row >= 0) {
                int offset = row * h;
                for (int i = 0; i < h; i++) {
                    hidden[i] += pre[offset + i];
                }
            } else {
                float[] cached = cache.get(id * FEATURES + p, id, p);
                for (int i = 0; i < h; i++) {
                    hidden[i] += cached[i];
                }
            }
            p++;
        }
        for (int i = 0; i < h; i++) {
            double x = hidden[i] + b1[i];
            hidden[i] = x * x * x;
        }
        int t = transitions;
        float[] w = w2t;
        java.util.Arrays.fill(scores, 0d);
        int i = 0;
        for (; i + 4 <= h; i += 4) {
            double x0 = hidden[i];
            double x1 = hidden[i + 1];
            double x2 = hidden[i + 2];
            double x3 = hidden[i + 3];
            int b0 = i * t;
            int b1 = b0 + t;
            int b2 = b1 + t;
            int b3 = b2 + t;
            for (int k = 0; k < t; k++) {
                scores[k] = scores[k] + x0 * w[b0 + k] + x1 * w[b1 + k] + x2 * w[b2 + k] + x3 * w[b3 + k];
            }
        }
        for (; i < h; i++) {
            double x = hidden[i];
            int base = i * t;
            for (int k = 0; k < t; k++) {
                scores[k] += x * w[base + k];
            }
        }
    }

    /**
     * Adds the hidden-layer contribution of global id {@code id} at feature position {@code position} to {@code out}:
     * float products summed in double, over the embedding in order, as CoreNLP computes it.
     */
    private void hiddenContribution(int id, int position, double[] out, int outOffset) {
        int h = hiddenSize;
        int e = id * embeddingSize;
        for (int k = 0; k < embeddingSize; k++) {
            float x = embeddings[e + k];
            int base = (position * embeddingSize + k) * h;
            for (int i = 0; i < h; i++) {
                out[outOffset + i] += (double) (x * w1t[base + i]);
            }
        }
    }

    /**
     * Hidden contributions of features outside the precomputed set, direct-mapped by feature id. Entries are
     * immutable and published through a final field, so a racing reader sees a whole entry or another one; two
     * threads computing the same vector is harmless.
     */
    private final class HiddenCache {
        private record Entry(int feature, float[] vector) {
        }

        private final Entry[] slots;

        HiddenCache(int vectors) {
            slots = new Entry[Math.max(0, vectors)];
        }

        float[] get(int feature, int id, int position) {
            if (slots.length == 0) {
                return compute(id, position);
            }
            int slot = Integer.remainderUnsigned(feature * 0x9E3779B9, slots.length);
            Entry e = slots[slot];
            if (e != null && e.feature == feature) {
                return e.vector;
            }
            float[] v = compute(id, position);
            slots[slot] = new Entry(feature, v);
            return v;
        }

        /** Rounded to float once summed, as CoreNLP caches it. */
        private float[] compute(int id, int position) {
            double[] sum = new double[hiddenSize];
            hiddenContribution(id, position, sum, 0);
            float[] v = new float[hiddenSize];
            for (int i = 0; i < v.length; i++) {
                v[i] = (float) sum[i];
            }
            return v;
        }
    }

    /** The model file's contents, in the layouts the parser computes with. */
    private static final class Model {
        Map<String, Integer> wordIds;
        Map<String, Integer> posIds;
        List<String> labels;
        int labelOffset;
        int embeddingSize;
        int hiddenSize;
        float[] embeddings;
        float[] w1t;
        float[] b1;
        float[] w2t;
        int[] precomputedFeatures;

        static Model read(BufferedReader r) throws IOException {
            Model m = new Model();
            String first = line(r);
            if (first.startsWith("language=")) { // newer files name their language and treebank pack first
                line(r);
                first = line(r);
            }
            int words = header(first, "dict");
            int tags = header(line(r), "pos");
            int labels = header(line(r), "label");
            m.embeddingSize = header(line(r), "embeddingSize");
            m.hiddenSize = header(line(r), "hiddenSize");
            int tokens = header(line(r), "numTokens");
            int precomputedCount = header(line(r), "preComputed");
            if (tokens != FEATURES) {
                throw new IOException("parser model has " + tokens + " features per configuration, expected " + FEATURES);
            }
            int ids = words + tags + labels;
            m.embeddings = new float[ids * m.embeddingSize];
            m.wordIds = new HashMap<>(words * 2);
            m.posIds = new HashMap<>(tags * 2);
            m.labels = new ArrayList<>(labels);
            for (int id = 0; id < ids; id++) {
                String[] parts = line(r).split(" ");
                if (parts.length != m.embeddingSize + 1) {
                    throw new IOException("parser model: embedding " + id + " has " + (parts.length - 1) + " values");
                }
                if (id < words) {
                    m.wordIds.put(parts[0], id);
                } else if (id < words + tags) {
                    m.posIds.put(parts[0], id);
                } else {
                    m.labels.add(parts[0]);
                }
                for (int k = 0; k < m.embeddingSize; k++) {
                    m.embeddings[id * m.embeddingSize + k] = Float.parseFloat(parts[k + 1]);
                }
            }
            m.labelOffset = words + tags;
            // the file stores W1 and W2 column by column: each line is one row of the transposed matrix
            m.w1t = floats(r, m.embeddingSize * tokens, m.hiddenSize, "W1");
            m.b1 = floats(r, 1, m.hiddenSize, "b1");
            m.w2t = floats(r, m.hiddenSize, 2 * labels - 1, "W2");
            m.precomputedFeatures = new int[precomputedCount];
            int filled = 0;
            while (filled < precomputedCount) {
                for (String s : line(r).split(" ")) {
                    if (filled < precomputedCount) {
                        m.precomputedFeatures[filled++] = Integer.parseInt(s);
                    }
                }
            }
            return m;
        }

        private static float[] floats(BufferedReader r, int lines, int perLine, String what) throws IOException {
            float[] out = new float[lines * perLine];
            for (int j = 0; j < lines; j++) {
                String s = line(r);
                int at = 0;
                for (int i = 0; i < perLine; i++) {
                    int end = s.indexOf(' ', at);
                    if (end < 0) {
                        end = s.length();
                    }
                    if (at >= end) {
                        throw new IOException("parser model: " + what + " line " + j + " has " + i + " values, expected " + perLine);
                    }
                    out[j * perLine + i] = Float.parseFloat(s.substring(at, end));
                    at = end + 1;
                }
            }
            return out;
        }

        private static int header(String line, String name) throws IOException {
            if (!line.startsWith(name + "=")) {
                throw new IOException("parser model: expected " + name + "=…, found " + line);
            }
            return Integer.parseInt(line.substring(name.length() + 1).trim());
        }

        private static String line(BufferedReader r) throws IOException {
            String s = r.readLine();
            if (s == null) {
                throw new IOException("parser model ends early");
            }
            return s;
        }
    }
}
