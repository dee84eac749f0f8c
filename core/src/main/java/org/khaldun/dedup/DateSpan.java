package org.khaldun.dedup;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.Objects;

/**
 * An event date with what it really covers. A report dated "on Tuesday" names a day; "in January" a whole month;
 * a report whose text gives no date at all (the publication day stands in) covers the days just before
 * publication, since news reports what already happened.
 *
 * @param date            the day, or the first day of the week/month/season/year
 * @param precision       {@code day}, {@code week}, {@code month}, {@code season}, {@code year}; anything else is
 *                        treated as a day
 * @param fromPublication the text gave no date and the publication day stands in
 */
public record DateSpan(LocalDate date, String precision, boolean fromPublication) {

    /** Days before publication that an undated report may refer to. */
    public static final int PUBLICATION_LOOKBACK_DAYS = 2;

    public DateSpan {
        Objects.requireNonNull(date);
        precision = precision == null ? "day" : precision;
    }

    /** First day the report may refer to, with {@code dayTolerance} days of slack around a single day. */
    public LocalDate first(int dayTolerance) {
        return switch (precision) {
            case "week" -> date.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
            case "month" -> date.withDayOfMonth(1);
            case "season" -> date;
            case "year" -> date.withDayOfYear(1);
            default -> date.minusDays(dayTolerance + (fromPublication ? PUBLICATION_LOOKBACK_DAYS : 0));
        };
    }

    /** Last day the report may refer to (inclusive). */
    public LocalDate last(int dayTolerance) {
        return switch (precision) {
            case "week" -> first(dayTolerance).plusDays(6);
            case "month" -> date.with(TemporalAdjusters.lastDayOfMonth());
            case "season" -> date.plusMonths(3).minusDays(1);
            case "year" -> date.with(TemporalAdjusters.lastDayOfYear());
            default -> date.plusDays(dayTolerance);
        };
    }

    /** Rank of precision, finest first: day 0, week 1, month 2, season 3, year 4. */
    public int coarseness() {
        return switch (precision) {
            case "week" -> 1;
            case "month" -> 2;
            case "season" -> 3;
            case "year" -> 4;
            default -> 0;
        };
    }

    /**
     * Whether this span, widened by {@code dayTolerance} days, can refer to a day of {@code other} as it stands: two
     * day-precision reports match when at most {@code dayTolerance} days apart.
     */
    public boolean reaches(DateSpan other, int dayTolerance) {
        return !first(dayTolerance).isAfter(other.last(0)) && !other.first(0).isAfter(last(dayTolerance));
    }
}
