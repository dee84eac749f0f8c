package org.khaldun.dedup;

import java.util.Objects;

/**
 * An existing cluster as candidates are compared to it: its id and the date span of the mention that founded it.
 * The anchor never moves when mentions join, so the cluster id stays what it was.
 */
public record ClusterAnchor(long id, DateSpan anchor) {
    public ClusterAnchor {
        Objects.requireNonNull(anchor);
    }
}
