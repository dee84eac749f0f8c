package org.khaldun.store;

import java.time.LocalDate;

/**
 * One period of a dyad time series.
 *
 * @param period        first day of the period
 * @param count         events in it
 * @param goldsteinSum  sum of their Goldstein values
 * @param goldsteinMean mean Goldstein value
 * @param quadCounts    counts by quad class: index 0 verbal cooperation … index 3 material conflict
 */
public record SeriesPoint(LocalDate period, long count, double goldsteinSum, double goldsteinMean, long[] quadCounts) {
}
