package org.khaldun.dedup;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Event coreference across articles, as GDELT's Events and Mentions tables do it: every coded event is a
 * <em>mention</em>; mentions with the same {@link CorefKey} whose dates can refer to the same day form one
 * <em>cluster</em>, the real-world event.
 *
 * <p>Incremental and deterministic: a new mention joins the best existing cluster of its key, or founds a new
 * one whose id is a hash of the key and the founding mention's date span. Ingesting the same articles in the same
 * order therefore always gives the same cluster ids, and ingesting more articles later never renames a cluster.
 *
 * <p>Best cluster: among the candidates whose date span the mention's span (widened by the day tolerance) reaches,
 * the one of the same precision
 * first, then the nearest anchor date, then the lowest id. Pure logic, immutable and thread-safe.
 */
public final class Coreference {

    /** Days of slack around a day-precision date: reports a day apart often name the same night's attack. */
    public static final int DEFAULT_DAY_TOLERANCE = 1;

    private final int dayTolerance;

    public Coreference(int dayTolerance) {
        if (dayTolerance < 0) {
            throw new IllegalArgumentException("day tolerance must be >= 0: " + dayTolerance);
        }
        this.dayTolerance = dayTolerance;
    }

    public static Coreference standard() {
        return new Coreference(DEFAULT_DAY_TOLERANCE);
    }

    public int dayTolerance() {
        return dayTolerance;
    }

    /** The cluster among {@code candidates} (all of the mention's key) that the mention joins, if any. */
    public Optional<ClusterAnchor> match(DateSpan mention, List<ClusterAnchor> candidates) {
        return candidates.stream()
                .filter(c -> mention.reaches(c.anchor(), dayTolerance))
                .min(Comparator.<ClusterAnchor>comparingInt(c -> c.anchor().coarseness() == mention.coarseness() ? 0 : 1)
                        .thenComparingLong(c -> Math.abs(ChronoUnit.DAYS.between(c.anchor().date(), mention.date())))
                        .thenComparingLong(ClusterAnchor::id));
    }

    /**
     * The cluster the mention joins, or a new one founded by it ({@link Assignment#founded()} true; the caller adds
     * it to the candidates of later mentions of the same key).
     */
    public Assignment assign(CorefKey key, DateSpan mention, List<ClusterAnchor> candidates) {
        Optional<ClusterAnchor> existing = match(mention, candidates);
        if (existing.isPresent()) {
            return new Assignment(existing.get(), false);
        }
        return new Assignment(new ClusterAnchor(clusterId(key, mention), mention), true);
    }

    /** What {@link #assign} decided. */
    public record Assignment(ClusterAnchor cluster, boolean founded) {
    }

    /**
     * A positive 63-bit id from the key and the founding span: SHA-256 of both, first 8 bytes. Integer ids fit
     * GDELT's GLOBALEVENTID column; at a billion clusters the chance of any collision is about 1 in 20.
     */
    public static long clusterId(CorefKey key, DateSpan founding) {
        String s = key.value() + '#' + founding.date() + '/' + founding.precision();
        byte[] h;
        try {
            h = MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
        long v = 0;
        for (int i = 0; i < 8; i++) {
            v = (v << 8) | (h[i] & 0xff);
        }
        v &= Long.MAX_VALUE;
        return v == 0 ? 1 : v;
    }
}
