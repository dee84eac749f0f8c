package org.khaldun.store;

import java.time.LocalDate;

/**
 * One cell of an aggregate: a dyad in a period, for one value of the grouping.
 *
 * @param actor     actor code or country (per {@link AggregateRequest.Dyad}); empty for none
 * @param recipient recipient code or country; empty for none
 * @param period    first day of the period
 * @param group     CAMEO root ("19"), quad class ("4") or PLOVER type ("ASSAULT")
 */
public record AggregateRow(String actor, String recipient, LocalDate period, String group, long count,
                           double goldsteinSum, double goldsteinMean) {
}
