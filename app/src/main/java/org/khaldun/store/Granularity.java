package org.khaldun.store;

/** Time buckets of series and aggregates; weeks start on Monday (ISO). */
public enum Granularity {
    DAY, WEEK, MONTH, YEAR;

    String sqlUnit() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
