package org.khaldun.classifier;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * The trained heads with what they were trained on, as one small binary file (a Java {@code DataOutputStream}:
 * format tag, version, embedding model id, class names, mode names, training note, then the type head and the mode
 * head). Its SHA-256 identifies a model: same data and seed give the same bytes, so the same hash.
 *
 * @param version   human-readable version, e.g. {@code 2026.11.1}
 * @param embedder  the embedding model the heads expect ({@link SentenceEmbedder#MODEL_ID})
 * @param classes   class names, in output order (must match {@link EventClasses#ALL})
 * @param modes     mode names of the mode head, in output order ("" first)
 * @param training  one line on data, split and settings
 * @param typeHead  embedding → {@link EventClasses}
 * @param modeHead  embedding → modes
 */
public record ClassifierWeights(String version, String embedder, List<String> classes, List<String> modes,
                                String training, SoftmaxHead typeHead, SoftmaxHead modeHead) {

    static final String FORMAT = "khaldun-classifier/1";
    public static final String RESOURCE = "/org/khaldun/classifier/plover-head.bin";

    public ClassifierWeights {
        classes = List.copyOf(classes);
        modes = List.copyOf(modes);
        if (typeHead.outputs() != classes.size() || modeHead.outputs() != modes.size()) {
            throw new IllegalArgumentException("head outputs do not match the class or mode lists");
        }
    }

    /** The weights committed with Khaldun, loaded once per JVM. */
    public static ClassifierWeights builtin() {
        return Builtin.INSTANCE;
    }

    private static final class Builtin {
        static final ClassifierWeights INSTANCE = loadBuiltin();
    }

    private static ClassifierWeights loadBuiltin() {
        try (InputStream in = ClassifierWeights.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("classifier weights missing from the class path: " + RESOURCE
                        + " (run ./khaldun train-classifier)");
            }
            return read(in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE + ": " + e.getMessage(), e);
        }
    }

    public byte[] toBytes() {
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            DataOutputStream out = new DataOutputStream(bytes);
            out.writeUTF(FORMAT);
            out.writeUTF(version);
            out.writeUTF(embedder);
            writeList(out, classes);
            writeList(out, modes);
            out.writeUTF(training);
            typeHead.write(out);
            modeHead.write(out);
            out.flush();
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static ClassifierWeights read(byte[] bytes) throws IOException {
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes));
        String format = in.readUTF();
        if (!format.equals(FORMAT)) {
            throw new IOException("not a Khaldun classifier file (format '" + format + "', expected " + FORMAT + ")");
        }
        String version = in.readUTF();
        String embedder = in.readUTF();
        List<String> classes = readList(in);
        List<String> modes = readList(in);
        String training = in.readUTF();
        SoftmaxHead type = SoftmaxHead.read(in);
        SoftmaxHead mode = SoftmaxHead.read(in);
        if (in.read() != -1) {
            throw new IOException("trailing bytes after the mode head");
        }
        return new ClassifierWeights(version, embedder, classes, modes, training, type, mode);
    }

    /** First 12 hex digits of the SHA-256 of the file's bytes. */
    public String hash() {
        try {
            byte[] h = MessageDigest.getInstance("SHA-256").digest(toBytes());
            return HexFormat.of().formatHex(h, 0, 6);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Version and hash, as written in event explanations: {@code 2026.11.1+3fa2c0d1e9b7}. */
    public String id() {
        return version + "+" + hash();
    }

    private static void writeList(DataOutputStream out, List<String> items) throws IOException {
        out.writeInt(items.size());
        for (String s : items) {
            out.writeUTF(s);
        }
    }

    private static List<String> readList(DataInputStream in) throws IOException {
        int n = in.readInt();
        if (n < 0 || n > 10_000) {
            throw new IOException("implausible list size " + n);
        }
        List<String> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add(in.readUTF());
        }
        return out;
    }

    static String utf8(byte[] b) {
        return new String(b, StandardCharsets.UTF_8);
    }
}
