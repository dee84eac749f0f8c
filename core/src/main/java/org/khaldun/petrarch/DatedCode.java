package org.khaldun.petrarch;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * An actor code valid over a span of dates, as in {@code [USAGOV >20090120]}, {@code [HOB <950601]} or
 * {@code [HOBGOV 19950601-19990815]}. Both ends are inclusive (PETRARCH reads every restriction as "or equal").
 *
 * @param code     the actor code, e.g. {@code USAGOV}
 * @param notBefore first day the code applies, or null for "since always"
 * @param notAfter  last day the code applies, or null for "until now"
 */
public record DatedCode(String code, LocalDate notBefore, LocalDate notAfter) {

    public DatedCode {
        Objects.requireNonNull(code);
        if (notBefore != null && notAfter != null && notAfter.isBefore(notBefore)) {
            throw new IllegalArgumentException("date range ends before it starts: " + notBefore + "-" + notAfter);
        }
    }

    public static DatedCode always(String code) {
        return new DatedCode(code, null, null);
    }

    public boolean unrestricted() {
        return notBefore == null && notAfter == null;
    }

    public boolean appliesOn(LocalDate date) {
        return (notBefore == null || !date.isBefore(notBefore)) && (notAfter == null || !date.isAfter(notAfter));
    }

    /**
     * PETRARCH's resolution: the first date-restricted code (in dictionary order) whose span contains {@code date};
     * failing that the unrestricted default; failing that the null code {@code ---}.
     */
    public static String resolve(List<DatedCode> codes, LocalDate date) {
        for (DatedCode c : codes) {
            if (!c.unrestricted() && date != null && c.appliesOn(date)) {
                return c.code();
            }
        }
        for (DatedCode c : codes) {
            if (c.unrestricted()) {
                return c.code();
            }
        }
        return NULL_CODE;
    }

    /** PETRARCH's null actor code. */
    public static final String NULL_CODE = "---";

    @Override
    public String toString() {
        if (unrestricted()) {
            return "[" + code + "]";
        }
        if (notBefore == null) {
            return "[" + code + " <" + notAfter + "]";
        }
        if (notAfter == null) {
            return "[" + code + " >" + notBefore + "]";
        }
        return "[" + code + " " + notBefore + "-" + notAfter + "]";
    }
}
