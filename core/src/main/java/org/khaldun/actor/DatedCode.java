package org.khaldun.actor;

import java.time.LocalDate;
import java.util.Objects;

/**
 * An actor code valid over a period: {@code from} inclusive, {@code to} exclusive, either open when null.
 * Joe Biden is {@code USAGOV} from 2021-01-20 to 2025-01-20 and {@code USAELI} from 2025-01-20 on, so an
 * article's publication date picks the code its readers would have understood.
 */
public record DatedCode(String code, LocalDate from, LocalDate to) {

    public DatedCode {
        Objects.requireNonNull(code, "code");
        if (from != null && to != null && !to.isAfter(from)) {
            throw new IllegalArgumentException("empty date range " + from + ".." + to + " for " + code);
        }
    }

    public static DatedCode always(String code) {
        return new DatedCode(code, null, null);
    }

    public boolean appliesOn(LocalDate date) {
        return (from == null || !date.isBefore(from)) && (to == null || date.isBefore(to));
    }

    /** Days between {@code date} and this period; 0 inside it. */
    long distanceFrom(LocalDate date) {
        if (from != null && date.isBefore(from)) {
            return date.until(from, java.time.temporal.ChronoUnit.DAYS);
        }
        if (to != null && !date.isBefore(to)) {
            return to.until(date, java.time.temporal.ChronoUnit.DAYS) + 1;
        }
        return 0;
    }

    public boolean openEnded() {
        return to == null;
    }

    @Override
    public String toString() {
        if (from == null && to == null) {
            return code;
        }
        return code + "@" + (from == null ? "" : from) + ".." + (to == null ? "" : to);
    }
}
