package org.khaldun.classifier;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Locale;

/**
 * The deterministic train/test split shared by training and the evaluations: an item is in the test split when the
 * SHA-256 of its key falls in the last fifth. Training never reads a test item; evaluations report on test items.
 *
 * <p>Keys are chosen so near-duplicates fall on the same side: a plover-synthetic story's key is its headline
 * <em>template</em> (each template was filled about twelve times with different countries, so a split by story would
 * test on paraphrases of training headlines); a ConfliBERT sentence's key is its text folded to letters and digits
 * (so the same sentence in the class file and the actor-span file is on the same side).
 */
public final class HeldOutSplit {

    public static final int TEST_PERCENT = 20;

    private HeldOutSplit() {
    }

    public static boolean isTest(String key) {
        return bucket(key) >= 100 - TEST_PERCENT;
    }

    /**
     * The tuning part of the TRAIN side (the fifth just below the test fifth): a head trained without it
     * ({@code train-classifier --holdout-dev}) lets the combination rule be tuned on opinions it has not fitted.
     */
    public static boolean isDev(String key) {
        int b = bucket(key);
        return b >= 100 - 2 * TEST_PERCENT && b < 100 - TEST_PERCENT;
    }

    /** Folds of the TRAIN side for cross-fitting: four fifths of the buckets, one fold per fifth. */
    public static final int FOLDS = 4;

    /** The fold that is the dev part ({@link #isDev}). */
    public static final int DEV_FOLD = FOLDS - 1;

    /**
     * The cross-fitting fold of a TRAIN-side key (0 to {@link #FOLDS} − 1; the dev part is {@link #DEV_FOLD}), or -1
     * for a test key. A head trained without fold f gives out-of-fold opinions on fold f's items, on which the
     * combination rule can be tuned over the whole training side instead of the dev fifth alone.
     */
    public static int fold(String key) {
        int b = bucket(key);
        return b >= 100 - TEST_PERCENT ? -1 : b / TEST_PERCENT;
    }

    /** 0–99 from the key's hash. */
    static int bucket(String key) {
        try {
            byte[] h = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
            int v = ((h[0] & 0xff) << 24) | ((h[1] & 0xff) << 16) | ((h[2] & 0xff) << 8) | (h[3] & 0xff);
            return Integer.remainderUnsigned(v, 100);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A sentence folded for keys: lower case, letters and digits only ("Kiev ," and "Kiev," agree). */
    public static String sentenceKey(String text) {
        StringBuilder sb = new StringBuilder(text.length());
        text.toLowerCase(Locale.ROOT).codePoints().filter(Character::isLetterOrDigit).forEach(sb::appendCodePoint);
        return "sentence:" + sb;
    }

    /** A plover-synthetic story's key: its headline template (with {country_1} slots), not the filled headline. */
    public static String templateKey(String template) {
        return "template:" + template.strip().toLowerCase(Locale.ROOT);
    }
}
