package org.khaldun.app.eval;

import java.util.ArrayList;
import java.util.List;

/**
 * Deterministic sub-sampling of an evaluation set, controlled by the system property {@code khaldun.eval.limit}
 * (e.g. {@code -Dkhaldun.eval.limit=50}; unset, empty or 0 means every item). The sample takes evenly spaced items
 * (indices {@code i * size / limit}) rather than the first N, so that data sets stored grouped by label keep
 * roughly their label mix, and the same limit always picks the same items.
 */
public final class EvalSample {

    public static final String PROPERTY = "khaldun.eval.limit";

    private EvalSample() {
    }

    /** The limit from {@value #PROPERTY}, or 0 for "all". */
    public static int limit() {
        String p = System.getProperty(PROPERTY);
        if (p == null || p.isBlank()) {
            return 0;
        }
        try {
            int n = Integer.parseInt(p.strip());
            if (n < 0) {
                throw new NumberFormatException();
            }
            return n;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("-D" + PROPERTY + " must be a whole number >= 0, not '" + p + "'");
        }
    }

    /** Evenly spaced {@code limit} items of {@code items} in their order; all of them when limit is 0 or too big. */
    public static <T> List<T> sample(List<T> items, int limit) {
        if (limit <= 0 || limit >= items.size()) {
            return List.copyOf(items);
        }
        List<T> out = new ArrayList<>(limit);
        for (int i = 0; i < limit; i++) {
            out.add(items.get((int) ((long) i * items.size() / limit)));
        }
        return out;
    }

    /** A line for reports: what was scored. */
    public static String describe(int used, int available) {
        return used == available ? "all " + available + " items"
                : used + " of " + available + " items (evenly spaced sample, -D" + PROPERTY + "=" + used + ")";
    }
}
