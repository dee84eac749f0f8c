package org.khaldun.classifier;

import java.io.BufferedOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Sentence embeddings kept on disk between training runs (embedding is the cost of training; the head itself trains
 * in seconds). Keyed by the SHA-256 of the sentence text; an entry is the embedder's exact output, so a cached run
 * trains exactly what an uncached one would. Append-only file under {@code target/}; not for the product.
 */
public final class EmbeddingCache {

    private final Path file;
    private final Map<String, float[]> vectors = new HashMap<>();

    private EmbeddingCache(Path file) {
        this.file = file;
    }

    /**
     * The cache in {@code file} (empty when the file does not exist). A run stopped while writing leaves a torn
     * record; reading skips to the next well-formed record (a 32-hex-digit key), so later appends stay usable, and
     * the file is rewritten clean when anything was skipped.
     */
    public static EmbeddingCache open(Path file) throws IOException {
        EmbeddingCache c = new EmbeddingCache(file);
        if (!Files.exists(file)) {
            return c;
        }
        byte[] b = Files.readAllBytes(file);
        int record = 2 + KEY_LENGTH + 4 * SentenceEmbedder.DIMENSIONS;
        int pos = 0;
        boolean skipped = false;
        while (pos + record <= b.length) {
            if (!wellFormedKey(b, pos)) {
                pos++;
                skipped = true;
                continue;
            }
            String key = new String(b, pos + 2, KEY_LENGTH, StandardCharsets.US_ASCII);
            java.nio.ByteBuffer buf = java.nio.ByteBuffer.wrap(b, pos + 2 + KEY_LENGTH, 4 * SentenceEmbedder.DIMENSIONS);
            float[] v = new float[SentenceEmbedder.DIMENSIONS];
            for (int i = 0; i < v.length; i++) {
                v[i] = buf.getFloat();
            }
            c.vectors.put(key, v);
            pos += record;
        }
        if (skipped || pos != b.length) {
            c.rewrite();
        }
        return c;
    }

    private static final int KEY_LENGTH = 32;

    private static boolean wellFormedKey(byte[] b, int pos) {
        if (b[pos] != 0 || b[pos + 1] != KEY_LENGTH) {
            return false;
        }
        for (int i = 0; i < KEY_LENGTH; i++) {
            byte x = b[pos + 2 + i];
            if (!(x >= '0' && x <= '9' || x >= 'a' && x <= 'f')) {
                return false;
            }
        }
        return true;
    }

    private void rewrite() throws IOException {
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(tmp)))) {
            for (Map.Entry<String, float[]> e : new java.util.TreeMap<>(vectors).entrySet()) {
                out.writeUTF(e.getKey());
                for (float f : e.getValue()) {
                    out.writeFloat(f);
                }
            }
        }
        Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }

    public int size() {
        return vectors.size();
    }

    /** Embeddings of {@code texts} in order, computing (on {@code threads} threads) and storing the missing ones. */
    public float[][] embed(List<String> texts, SentenceEmbedder embedder, int threads, PrintStream progress)
            throws IOException {
        List<String> missing = new ArrayList<>();
        Map<String, String> keys = new HashMap<>();
        for (String t : texts) {
            String k = key(t);
            if (keys.put(t, k) == null && !vectors.containsKey(k)) {
                missing.add(t);
            }
        }
        if (!missing.isEmpty()) {
            progress.printf("embedding %d new sentences (%d cached)%n", missing.size(), texts.size() - missing.size());
            if (file.getParent() != null) {
                Files.createDirectories(file.getParent());
            }
            ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, threads));
            long t0 = System.nanoTime();
            try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(file,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND)))) {
                int chunk = 256;
                for (int from = 0; from < missing.size(); from += chunk) {
                    List<String> part = missing.subList(from, Math.min(missing.size(), from + chunk));
                    List<Future<float[]>> fs = new ArrayList<>();
                    for (String t : part) {
                        fs.add(pool.submit(() -> embedder.embed(t)));
                    }
                    for (int i = 0; i < part.size(); i++) {
                        float[] v = fs.get(i).get();
                        String k = keys.get(part.get(i));
                        vectors.put(k, v);
                        out.writeUTF(k);
                        for (float f : v) {
                            out.writeFloat(f);
                        }
                    }
                    out.flush();
                    int done = Math.min(missing.size(), from + chunk);
                    progress.printf("embedded %d/%d (%.0f/s)%n", done, missing.size(),
                            done / ((System.nanoTime() - t0) / 1e9));
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted", e);
            } catch (ExecutionException e) {
                throw new IOException("embedding failed: " + e.getCause(), e.getCause());
            } finally {
                pool.shutdownNow();
            }
        }
        float[][] out = new float[texts.size()][];
        for (int i = 0; i < out.length; i++) {
            out[i] = vectors.get(keys.get(texts.get(i)));
        }
        return out;
    }

    static String key(String text) {
        try {
            byte[] h = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return java.util.HexFormat.of().formatHex(h, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
