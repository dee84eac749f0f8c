package org.khaldun.time;

import java.time.LocalDate;
import java.util.Objects;

/**
 * When an event happened, as far as the text says.
 *
 * @param date        a calendar day standing for the period: the day itself, or the first day of the month,
 *                    season or year (so that sorting and bucketing work); see {@code precision}
 * @param value       TimeML-style normalised value: {@code 2024-02-07}, {@code 2024-01}, {@code 2023-SU},
 *                    {@code 2024}, {@code FUTURE_REF}
 * @param precision   {@code day}, {@code week}, {@code month}, {@code season}, {@code year}
 * @param modifier    TimeML modifier such as {@code LATE}, {@code EARLY}, {@code MID}, or empty
 * @param text        the words the date came from ("On Wednesday"), empty when it fell back on publication
 * @param fromPublication true when the text said nothing and the publication date stands in
 */
public record EventDate(LocalDate date, String value, String precision, String modifier, String text,
                        boolean fromPublication) {
    public EventDate {
        Objects.requireNonNull(value);
        Objects.requireNonNull(precision);
        modifier = modifier == null ? "" : modifier;
        text = text == null ? "" : text;
    }

    /** The fallback: the text says nothing, the publication day stands in. */
    public static EventDate ofPublication(LocalDate published) {
        return new EventDate(published, published == null ? "" : published.toString(), "day", "", "", true);
    }
}
