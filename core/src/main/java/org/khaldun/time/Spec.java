package org.khaldun.time;

/**
 * What a recognised time expression means before it is anchored: the grammar's output, the normaliser's
 * input. Package-private; the public face is {@link TimeExpression}.
 *
 * <p>Fields are read according to {@code kind}:
 * <ul>
 *   <li>{@code ABSOLUTE}: {@code value} is final (e.g. {@code 2024-02-07}, {@code 199}), {@code unit} its precision</li>
 *   <li>{@code MONTH}: month {@code a}; {@code b} = year shift relative to the anchor's year when {@code c} = 1
 *       ("January this year", "last November"), else year inferred from tense; {@code c} = 2 strictly past,
 *       3 strictly future</li>
 *   <li>{@code MONTH_DAY}: month {@code a}, day {@code b}, year inferred from tense</li>
 *   <li>{@code WEEKDAY}: ISO day {@code a} (1 = Monday), {@code b} = -1 last, +1 next, 2 this, 0 bare</li>
 *   <li>{@code DEICTIC}: {@code n} units from the publication date ("yesterday", "last week", "two days ago")</li>
 *   <li>{@code ANAPHORIC}: {@code n} units from the last date the text mentioned ("a year earlier", "the next day");
 *       {@code n} = 0 is "that day", "the same quarter"</li>
 *   <li>{@code QUARTER}: quarter {@code a} (0 = the latest completed one), year {@code b} or 0</li>
 *   <li>{@code HALF}: half {@code a} of year {@code b} or 0</li>
 *   <li>{@code SEASON}: season {@code a} (0 spring … 3 winter), {@code b} = shift as for weekdays, year {@code c} or 0</li>
 *   <li>{@code REF}: {@code value} is PAST_REF, PRESENT_REF or FUTURE_REF</li>
 *   <li>{@code DURATION}, {@code SET}: {@code value} is final (P3M, P1W, XXXX-WXX-3)</li>
 *   <li>{@code TIME_ONLY}: a clock time with no day ("at 10 a.m."): the day comes from context</li>
 *   <li>{@code HOLIDAY}: {@link Holidays} rule {@code a}, {@code b} = shift as for weekdays, year {@code c} or 0</li>
 * </ul>
 * {@code timeOfDay} ("T10:00", "TMO", "TNI") is appended to day-precise values.
 */
record Spec(Kind kind, int a, int b, int c, int n, Unit unit, String value, String timeOfDay) {

    enum Kind { ABSOLUTE, MONTH, MONTH_DAY, WEEKDAY, DEICTIC, ANAPHORIC, QUARTER, HALF, SEASON, REF, DURATION, SET, TIME_ONLY, HOLIDAY }

    /** Calendar units, finest first; also the precision of a value. */
    enum Unit {
        SECOND("S"), MINUTE("M"), HOUR("H"), DAY("D"), WEEK("W"), WEEKEND("WE"), MONTH("M"), QUARTER("Q"),
        HALF("H"), SEASON("S"), YEAR("Y"), DECADE("E"), CENTURY("C"), MILLENNIUM("L");

        final String durationLetter;

        Unit(String letter) {
            this.durationLetter = letter;
        }

        boolean clock() {
            return this == SECOND || this == MINUTE || this == HOUR;
        }

        String precision() {
            return switch (this) {
                case SECOND, MINUTE, HOUR, DAY -> "day";
                case WEEK, WEEKEND -> "week";
                case MONTH -> "month";
                case QUARTER -> "quarter";
                case HALF -> "half";
                case SEASON -> "season";
                case YEAR -> "year";
                case DECADE -> "decade";
                case CENTURY, MILLENNIUM -> "century";
            };
        }
    }

    static Spec absolute(String value, Unit precision) {
        return new Spec(Kind.ABSOLUTE, 0, 0, 0, 0, precision, value, "");
    }

    static Spec of(Kind kind, int a, int b, int c) {
        return new Spec(kind, a, b, c, 0, null, "", "");
    }

    static Spec shift(Kind kind, Unit unit, int n) {
        return new Spec(kind, 0, 0, 0, n, unit, "", "");
    }

    static Spec value(Kind kind, String value) {
        return new Spec(kind, 0, 0, 0, 0, null, value, "");
    }

    Spec withTime(String t) {
        return new Spec(kind, a, b, c, n, unit, value, t);
    }
}
