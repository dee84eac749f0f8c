package org.khaldun.store;

import java.util.Objects;

/**
 * Counts of events by dyad, period and group.
 *
 * @param filter      which events count
 * @param granularity period size
 * @param groupBy     what splits a dyad-period cell
 * @param dyad        whether dyads are full actor codes ({@code IRQGOV}) or countries ({@code IRQ})
 * @param clustered   count real-world events (clusters) instead of mentions
 */
public record AggregateRequest(EventQuery filter, Granularity granularity, GroupBy groupBy, Dyad dyad, boolean clustered) {

    public enum GroupBy { CAMEO_ROOT, QUAD_CLASS, PLOVER_TYPE }

    public enum Dyad { CODE, COUNTRY }

    public AggregateRequest {
        filter = filter == null ? EventQuery.ALL : filter;
        Objects.requireNonNull(granularity);
        Objects.requireNonNull(groupBy);
        dyad = dyad == null ? Dyad.CODE : dyad;
    }
}
