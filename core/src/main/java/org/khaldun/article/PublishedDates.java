package org.khaldun.article;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.time.temporal.ChronoField;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Publication dates as inputs write them. The date is kept as written, in the publisher's own time zone:
 * {@code 2024-02-07T23:30:00-05:00} is 7 February, not 8 February in UTC, because that is the day the
 * article's "today" and "on Wednesday" refer to.
 */
final class PublishedDates {

    private static final Pattern ISO_DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final Pattern ISO_DATE_TIME_START = Pattern.compile("(\\d{4}-\\d{2}-\\d{2})[T ]\\d{2}:\\d{2}.*");

    /** ISO date-time with optional seconds/fraction and an optional offset written +HH:MM, +HHMM, +HH or Z. */
    private static final DateTimeFormatter ISO_DATE_TIME = new DateTimeFormatterBuilder()
            .append(DateTimeFormatter.ISO_LOCAL_DATE)
            .appendLiteral('T')
            .appendValue(ChronoField.HOUR_OF_DAY, 2).appendLiteral(':')
            .appendValue(ChronoField.MINUTE_OF_HOUR, 2)
            .optionalStart().appendLiteral(':').appendValue(ChronoField.SECOND_OF_MINUTE, 2)
            .optionalStart().appendFraction(ChronoField.NANO_OF_SECOND, 1, 9, true).optionalEnd()
            .optionalEnd()
            .optionalStart().appendOffset("+HH:MM", "Z").optionalEnd()
            .optionalStart().appendOffset("+HHMM", "Z").optionalEnd()
            .optionalStart().appendOffset("+HH", "Z").optionalEnd()
            .optionalStart().appendLiteral('[').appendZoneRegionId().appendLiteral(']').optionalEnd()
            .toFormatter(Locale.ROOT).withResolverStyle(ResolverStyle.STRICT)
            .withChronology(java.time.chrono.IsoChronology.INSTANCE);

    private static final Pattern RFC_1123_START = Pattern.compile("(?:[A-Za-z]{3},\\s*)?\\d{1,2}\\s[A-Za-z]{3}\\s\\d{4}\\s");
    private static final Pattern SLASHED = Pattern.compile("(\\d{4})/(\\d{1,2})/(\\d{1,2})\\b.*");
    private static final Pattern DAY_MONTH_YEAR = Pattern.compile(
            "(?:[A-Za-z]+,?\\s+)?(\\d{1,2})(?:st|nd|rd|th)?\\s+([A-Za-z]+)\\.?,?\\s+(\\d{4})\\b.*");
    private static final Pattern MONTH_DAY_YEAR = Pattern.compile(
            "(?:[A-Za-z]+,?\\s+)?([A-Za-z]+)\\.?\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})\\b.*");
    private static final String[] MONTHS = {"jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct",
        "nov", "dec"};

    private PublishedDates() {
    }

    /**
     * {@code YYYY-MM-DD} or an ISO date-time ({@code 2024-02-07T10:15:00Z}, {@code …+03:00}, a space for
     * the {@code T}); empty for anything else, including impossible dates like 2024-02-30.
     */
    static Optional<LocalDate> strict(String s) {
        String t = s.strip();
        try {
            if (ISO_DATE.matcher(t).matches()) {
                return Optional.of(LocalDate.parse(t));
            }
            if (ISO_DATE_TIME_START.matcher(t).matches()) {
                String normalised = t.charAt(10) == ' ' ? t.substring(0, 10) + 'T' + t.substring(11) : t;
                return Optional.of(LocalDate.from(ISO_DATE_TIME.parse(normalised)));
            }
        } catch (DateTimeException e) {
            return Optional.empty();
        }
        return Optional.empty();
    }

    /**
     * What web pages write in their metadata: everything {@link #strict} accepts, a leading ISO date with
     * any tail, {@code 2024/02/07}, RFC 1123 ({@code Wed, 07 Feb 2024 10:00:00 GMT}),
     * {@code 7 February 2024}, {@code February 7, 2024}.
     */
    static Optional<LocalDate> lenient(String s) {
        String t = s.strip();
        if (t.length() < 8) {
            return Optional.empty();
        }
        Optional<LocalDate> d = strict(t);
        if (d.isPresent()) {
            return d;
        }
        try {
            if (t.length() >= 10 && ISO_DATE.matcher(t.substring(0, 10)).matches()) {
                return Optional.of(LocalDate.parse(t.substring(0, 10)));
            }
            Matcher m = SLASHED.matcher(t);
            if (m.matches()) {
                return Optional.of(LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                        Integer.parseInt(m.group(3))));
            }
            if (RFC_1123_START.matcher(t).lookingAt()) {
                try {
                    return Optional.of(LocalDate.from(DateTimeFormatter.RFC_1123_DATE_TIME.parse(t)));
                } catch (DateTimeParseException ignored) {
                    // try the written-out forms below
                }
            }
            m = DAY_MONTH_YEAR.matcher(t);
            if (m.matches() && month(m.group(2)) > 0) {
                return Optional.of(LocalDate.of(Integer.parseInt(m.group(3)), month(m.group(2)),
                        Integer.parseInt(m.group(1))));
            }
            m = MONTH_DAY_YEAR.matcher(t);
            if (m.matches() && month(m.group(1)) > 0) {
                return Optional.of(LocalDate.of(Integer.parseInt(m.group(3)), month(m.group(1)),
                        Integer.parseInt(m.group(2))));
            }
        } catch (DateTimeException | NumberFormatException e) {
            return Optional.empty();
        }
        return Optional.empty();
    }

    private static int month(String word) {
        String w = word.toLowerCase(Locale.ROOT);
        if (w.length() < 3) {
            return -1;
        }
        for (int i = 0; i < MONTHS.length; i++) {
            String full = java.time.Month.of(i + 1).name().toLowerCase(Locale.ROOT);
            if (w.equals(full) || w.equals(MONTHS[i]) || (w.equals("sept") && i == 8)) {
                return i + 1;
            }
        }
        return -1;
    }
}
