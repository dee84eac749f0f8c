package org.khaldun.time;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import org.khaldun.time.Spec.Kind;
import org.khaldun.time.Spec.Unit;

/**
 * Turns a {@link Spec} into a TimeML value, given the publication date ({@code dct}, may be null), the last
 * calendar date the text mentioned ({@code ref}, for "a year earlier", "the next day") and the tense.
 */
final class Normalizer {

    /** A calendar period: its first day and its granularity. */
    record Period(LocalDate date, Unit unit) {
        String value() {
            return format(date, unit);
        }
    }

    /** The outcome: TimeML value, and the period when the value is a calendar one. */
    record Result(String value, Period period, String precision) {
    }

    private Normalizer() {
    }

    static Result normalize(Spec sp, LocalDate dct, Period ref, Tense tense) {
        String tod = sp.timeOfDay();
        switch (sp.kind()) {
            case ABSOLUTE -> {
                if (sp.value().isEmpty()) {
                    // "the nineties", "the '90s": the century comes from the publication date
                    int decade = sp.a();
                    int century = dct == null ? 19 : dct.getYear() / 100;
                    if (dct != null && decade * 10 > dct.getYear() % 100) {
                        century--;
                    }
                    return period(new Period(LocalDate.of(century * 100 + decade * 10, 1, 1), Unit.DECADE), "");
                }
                Period p = parse(sp.value(), sp.unit());
                if (p == null) {
                    return new Result(sp.value(), null, sp.unit().precision());
                }
                return period(p, tod);
            }
            case MONTH -> {
                int mo = sp.a();
                if (dct == null) {
                    return new Result(String.format("XXXX-%02d", mo), null, "month");
                }
                int y;
                int cur = dct.getMonthValue();
                switch (sp.c()) {
                    case 1 -> y = dct.getYear() + sp.b();
                    case 2 -> {
                        // "last April": the latest April before this month; said in March, "last February"
                        // is last year's (this year's would be "last month")
                        y = mo < cur ? dct.getYear() : dct.getYear() - 1;
                        if (cur - mo == 1 || cur == 1 && mo == 12) {
                            y--;
                        }
                    }
                    case 3 -> y = mo > cur ? dct.getYear() : dct.getYear() + 1;
                    default -> y = yearFor(dct, mo, 0, tense);
                }
                return period(new Period(LocalDate.of(y, mo, 1), Unit.MONTH), "");
            }
            case MONTH_DAY -> {
                int mo = sp.a();
                int d = sp.b();
                if (dct == null) {
                    return new Result(String.format("XXXX-%02d-%02d", mo, d), null, "day");
                }
                int y = yearFor(dct, mo, d, tense);
                LocalDate date = safeDate(y, mo, d);
                if (date == null) {
                    return new Result(String.format("%04d-%02d-%02d", y, mo, d), null, "day");
                }
                if (sp.unit() == Unit.WEEK) {
                    return period(new Period(start(date, Unit.WEEK), Unit.WEEK), ""); // "the week of March 6"
                }
                return period(new Period(date, Unit.DAY), tod);
            }
            case WEEKDAY -> {
                if (Math.abs(sp.b()) == 3) {
                    // "the previous Friday": counted from the day under discussion
                    LocalDate base = ref != null && ref.unit() == Unit.DAY ? ref.date() : dct;
                    if (base == null) {
                        return new Result("XXXX-WXX-" + sp.a(), null, "day");
                    }
                    return period(new Period(weekday(base, sp.a(), sp.b() / 3, tense), Unit.DAY), tod);
                }
                if (dct == null) {
                    return new Result("XXXX-WXX-" + sp.a() + tod, null, "day");
                }
                return period(new Period(weekday(dct, sp.a(), sp.b(), tense), Unit.DAY), tod);
            }
            case DEICTIC -> {
                if (dct == null) {
                    return new Result(underspecified(sp.unit()) + tod, null, sp.unit().precision());
                }
                if (sp.unit() == Unit.WEEKEND) {
                    return period(weekend(dct, sp.n(), tense), "");
                }
                Unit u = sp.unit();
                return period(new Period(start(shift(dct, u, sp.n()), u), u), tod);
            }
            case ANAPHORIC -> {
                Period base = ref != null ? ref : dct == null ? null : new Period(dct, Unit.DAY);
                if (base == null) {
                    return new Result(underspecified(sp.unit()), null, sp.unit().precision());
                }
                if (tod.startsWith("Q")) {
                    // "the year-ago quarter": the same quarter a year before the one being discussed
                    Period q = base.unit() == Unit.QUARTER ? base : latestQuarter(dct != null ? dct : base.date());
                    if (tod.length() > 1) {
                        int n = tod.charAt(1) - '0';
                        q = new Period(LocalDate.of(q.date().getYear(), (n - 1) * 3 + 1, 1), Unit.QUARTER);
                    }
                    return period(new Period(q.date().minusYears(1), Unit.QUARTER), "");
                }
                Unit u = sp.c() == 1 ? sp.unit() : finer(base.unit(), sp.unit());
                if (base.unit() == Unit.DECADE || base.unit() == Unit.CENTURY || base.unit() == Unit.SEASON
                        || base.unit() == Unit.HALF) {
                    u = sp.unit();
                }
                if (u == Unit.WEEKEND) {
                    u = Unit.WEEK;
                }
                LocalDate d = shift(base.date(), sp.unit() == Unit.WEEKEND ? Unit.WEEK : sp.unit(), sp.n());
                return period(new Period(start(d, u), u), u == Unit.DAY ? tod : "");
            }
            case QUARTER, HALF -> {
                boolean half = sp.kind() == Kind.HALF;
                Unit u = half ? Unit.HALF : Unit.QUARTER;
                int q = sp.a();
                if (q == 0 && sp.c() == 1 && sp.b() > 0) {
                    // "the 1988 period": that year's counterpart of the quarter under discussion, else the year
                    if (ref != null && ref.unit() == Unit.QUARTER) {
                        return period(new Period(LocalDate.of(sp.b(), ref.date().getMonthValue(), 1), Unit.QUARTER), "");
                    }
                    return period(new Period(LocalDate.of(sp.b(), 1, 1), Unit.YEAR), "");
                }
                if (q == 0) {
                    if (ref != null && ref.unit() == Unit.QUARTER) {
                        return period(ref, "");
                    }
                    if (dct == null) {
                        return new Result("XXXX-QX", null, "quarter");
                    }
                    return period(latestQuarter(dct), "");
                }
                if (dct == null && sp.b() == 0) {
                    return new Result("XXXX-" + (half ? "H" : "Q") + q, null, u.precision());
                }
                int y;
                if (sp.b() > 0) {
                    y = sp.b();
                } else if (sp.n() == 1) {
                    y = dct.getYear() + sp.c();
                } else {
                    y = dct.getYear();
                    int curQ = half ? (dct.getMonthValue() + 5) / 6 : (dct.getMonthValue() + 2) / 3;
                    if (q > curQ && tense == Tense.PAST) {
                        y--;
                    }
                }
                int month = half ? (q - 1) * 6 + 1 : (q - 1) * 3 + 1;
                return period(new Period(LocalDate.of(y, month, 1), u), "");
            }
            case SEASON -> {
                int season = sp.a();
                if (sp.c() > 0) {
                    return period(new Period(LocalDate.of(sp.c(), seasonStartMonth(season), 1), Unit.SEASON), "");
                }
                if (dct == null) {
                    return new Result("XXXX-" + SEASON_CODES[season], null, "season");
                }
                return period(new Period(season(dct, season, sp.b(), tense), Unit.SEASON), "");
            }
            case REF -> {
                String precision = switch (sp.value()) {
                    case "FUTURE_REF", "PAST_REF" -> tod.isEmpty() ? "day" : Unit.valueOf(tod).precision();
                    default -> "day";
                };
                return new Result(sp.value(), null, precision);
            }
            case DURATION, SET -> {
                return new Result(sp.value(), null, "");
            }
            case HOLIDAY -> {
                Holidays.Rule rule = Holidays.rule(sp.a());
                if (sp.c() > 0) {
                    return period(new Period(rule.in(sp.c()), Unit.DAY), tod);
                }
                if (dct == null) {
                    return new Result(rule.weekday() == 0 && rule.easterOffset() == Holidays.NO_EASTER
                            ? String.format("XXXX-%02d-%02d", rule.month(), rule.day()) : "XXXX-XX-XX", null, "day");
                }
                return period(new Period(holiday(rule, dct, sp.b(), tense), Unit.DAY), tod);
            }
            case TIME_ONLY -> {
                LocalDate day = ref != null && ref.unit() == Unit.DAY ? ref.date() : dct;
                if (day == null) {
                    return new Result("XXXX-XX-XX" + tod, null, "day");
                }
                return period(new Period(day, Unit.DAY), tod);
            }
            default -> throw new IllegalStateException(sp.kind().toString());
        }
    }

    private static Result period(Period p, String tod) {
        String v = p.value();
        if (p.unit() == Unit.DAY && tod != null && !tod.isEmpty() && !tod.equals("Q")) {
            v = v + tod;
        }
        return new Result(v, p, p.unit().precision());
    }

    static final String[] SEASON_CODES = {"SP", "SU", "FA", "WI"};

    static int seasonStartMonth(int season) {
        return 3 + 3 * season;
    }

    /**
     * The year that puts a month ({@code d} = 0) or a month and day nearest the publication date on the side
     * the tense points to; the publication month itself is this year's.
     */
    static int yearFor(LocalDate dct, int mo, int d, Tense tense) {
        int penalty = d == 0 ? MONTH_PENALTY_DAYS : TENSE_PENALTY_DAYS;
        int y = dct.getYear();
        if (mo == dct.getMonthValue() && (d == 0 || d == dct.getDayOfMonth())) {
            return y;
        }
        // News writes the year out for dates more than a few months away, so the nearest occurrence is the
        // best guess; tense only tips the balance (a past-tense date is pushed back, a future one forward).
        int best = y;
        long bestCost = Long.MAX_VALUE;
        for (int cy = y - 1; cy <= y + 1; cy++) {
            LocalDate c = safeDate(cy, mo, d == 0 ? 15 : d);
            if (c == null) {
                c = LocalDate.of(cy, mo, 28);
            }
            long days = java.time.temporal.ChronoUnit.DAYS.between(dct, c);
            if (d == 0 && mo == dct.getMonthValue()) {
                days = 0;
            }
            long cost = Math.abs(days);
            if (tense == Tense.PAST && days > 0 || tense == Tense.FUTURE && days < 0) {
                cost += penalty;
            } else if (tense == Tense.UNKNOWN && days > 0) {
                cost += UNKNOWN_FUTURE_PENALTY_DAYS;
            }
            if (cost < bestCost) {
                bestCost = cost;
                best = cy;
            }
        }
        return best;
    }

    /**
     * A holiday's date: "last Thanksgiving" the latest before publication, "next Easter" the first after,
     * "this Christmas" this year's, a bare name the nearest occurrence on the side the tense points to (the
     * nearest of all when the tense is unknown).
     */
    static LocalDate holiday(Holidays.Rule rule, LocalDate dct, int rel, Tense tense) {
        int y = dct.getYear();
        switch (rel) {
            case -1 -> {
                LocalDate d = rule.in(y);
                return d.isBefore(dct) ? d : rule.in(y - 1);
            }
            case 1 -> {
                LocalDate d = rule.in(y);
                return d.isAfter(dct) ? d : rule.in(y + 1);
            }
            case 2 -> {
                return rule.in(y);
            }
            default -> {
                LocalDate best = null;
                long bestCost = Long.MAX_VALUE;
                for (int cy = y - 1; cy <= y + 1; cy++) {
                    LocalDate c = rule.in(cy);
                    long days = java.time.temporal.ChronoUnit.DAYS.between(dct, c);
                    long cost = Math.abs(days);
                    if (tense == Tense.PAST && days > 0 || tense == Tense.FUTURE && days < 0) {
                        cost += MONTH_PENALTY_DAYS; // a holiday comes every year: the tense decides
                    }
                    if (cost < bestCost) {
                        bestCost = cost;
                        best = c;
                    }
                }
                return best;
            }
        }
    }

    /** How far (in days) a date may lie on the wrong side of publication for its tense and still be chosen. */
    private static final int TENSE_PENALTY_DAYS = 120;
    /**
     * With no tense to go by, news is mostly about what has happened: a date ahead of publication must be this
     * much nearer than the one behind it to win ("from $29.75 in March", written in October, is last March).
     */
    private static final int UNKNOWN_FUTURE_PENALTY_DAYS = 100;
    /** Bare month names follow the tense strictly: "will vote in November" is next November. */
    private static final int MONTH_PENALTY_DAYS = 400;

    /**
     * A weekday: with "last" the one before publication, "next" the one after, bare and "this" by tense
     * (future: on or after publication, otherwise on or before). The publication weekday itself is the
     * publication day unless "last" or "next" says otherwise.
     */
    static LocalDate weekday(LocalDate dct, int dow, int rel, Tense tense) {
        DayOfWeek d = DayOfWeek.of(dow);
        return switch (rel) {
            case -1 -> dct.with(TemporalAdjusters.previous(d));
            case 1 -> dct.with(TemporalAdjusters.next(d));
            default -> tense == Tense.FUTURE ? dct.with(TemporalAdjusters.nextOrSame(d))
                    : dct.with(TemporalAdjusters.previousOrSame(d));
        };
    }

    static Period weekend(LocalDate dct, int n, Tense tense) {
        LocalDate monday = dct.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        boolean inWeekend = dct.getDayOfWeek().getValue() >= 6;
        int shift = n;
        if (n == 0 && !inWeekend && tense != Tense.FUTURE) {
            shift = -1; // "the weekend" in a past-tense story written on a weekday: the one just gone
        } else if (n == -1 && inWeekend) {
            shift = -1;
        }
        return new Period(monday.plusWeeks(shift), Unit.WEEKEND);
    }

    static LocalDate season(LocalDate dct, int season, int rel, Tense tense) {
        int sm = seasonStartMonth(season);
        LocalDate thisYears = LocalDate.of(dct.getYear(), sm, 1);
        // the occurrence containing or most recently before the publication date
        LocalDate past = thisYears.isAfter(dct) ? thisYears.minusYears(1) : thisYears;
        boolean current = !dct.isBefore(past) && dct.isBefore(past.plusMonths(3));
        LocalDate next = past.plusYears(1);
        return switch (rel) {
            case -2 -> past;
            case -1 -> current || past.getYear() == dct.getYear() ? past.minusYears(1) : past;
            case 1 -> current ? next : (thisYears.isAfter(dct) ? thisYears : next);
            case 2 -> current ? past : (tense == Tense.PAST ? past : thisYears.isAfter(dct) ? thisYears : past);
            default -> current ? past : tense == Tense.FUTURE ? (thisYears.isAfter(dct) ? thisYears : next) : past;
        };
    }

    static Period latestQuarter(LocalDate dct) {
        LocalDate q = start(dct, Unit.QUARTER).minusMonths(3);
        return new Period(q, Unit.QUARTER);
    }

    static Unit finer(Unit a, Unit b) {
        return a.ordinal() <= b.ordinal() ? a : b;
    }

    static LocalDate shift(LocalDate d, Unit u, int n) {
        return switch (u) {
            case SECOND, MINUTE, HOUR, DAY -> d.plusDays(u == Unit.DAY ? n : 0);
            case WEEK, WEEKEND -> d.plusWeeks(n);
            case MONTH -> d.plusMonths(n);
            case QUARTER -> d.plusMonths(3L * n);
            case HALF -> d.plusMonths(6L * n);
            case SEASON -> d.plusYears(n);
            case YEAR -> d.plusYears(n);
            case DECADE -> d.plusYears(10L * n);
            case CENTURY -> d.plusYears(100L * n);
            case MILLENNIUM -> d.plusYears(1000L * n);
        };
    }

    /** First day of the period of unit {@code u} containing {@code d}. */
    static LocalDate start(LocalDate d, Unit u) {
        return switch (u) {
            case SECOND, MINUTE, HOUR, DAY, SEASON -> d;
            case WEEK, WEEKEND -> d.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
            case MONTH -> d.withDayOfMonth(1);
            case QUARTER -> LocalDate.of(d.getYear(), ((d.getMonthValue() - 1) / 3) * 3 + 1, 1);
            case HALF -> LocalDate.of(d.getYear(), d.getMonthValue() <= 6 ? 1 : 7, 1);
            case YEAR -> LocalDate.of(d.getYear(), 1, 1);
            case DECADE -> LocalDate.of(d.getYear() / 10 * 10, 1, 1);
            case CENTURY, MILLENNIUM -> LocalDate.of(d.getYear() / 100 * 100, 1, 1);
        };
    }

    static String format(LocalDate d, Unit u) {
        return switch (u) {
            case SECOND, MINUTE, HOUR, DAY -> d.toString();
            case WEEK -> String.format("%04d-W%02d", d.get(IsoFields.WEEK_BASED_YEAR), d.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
            case WEEKEND -> String.format("%04d-W%02d-WE", d.get(IsoFields.WEEK_BASED_YEAR), d.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
            case MONTH -> String.format("%04d-%02d", d.getYear(), d.getMonthValue());
            case QUARTER -> String.format("%04d-Q%d", d.getYear(), (d.getMonthValue() - 1) / 3 + 1);
            case HALF -> String.format("%04d-H%d", d.getYear(), d.getMonthValue() <= 6 ? 1 : 2);
            case SEASON -> String.format("%04d-%s", d.getYear(), SEASON_CODES[Math.floorMod(d.getMonthValue() - 3, 12) / 3]);
            case YEAR -> String.format("%04d", d.getYear());
            case DECADE -> String.format("%03d", d.getYear() / 10);
            case CENTURY, MILLENNIUM -> String.format("%02d", d.getYear() / 100);
        };
    }

    static String underspecified(Unit u) {
        return switch (u) {
            case SECOND, MINUTE, HOUR, DAY -> "XXXX-XX-XX";
            case WEEK -> "XXXX-WXX";
            case WEEKEND -> "XXXX-WXX-WE";
            case MONTH -> "XXXX-XX";
            case QUARTER -> "XXXX-QX";
            case HALF -> "XXXX-HX";
            case SEASON -> "XXXX-XX";
            case YEAR -> "XXXX";
            case DECADE -> "XXX";
            case CENTURY, MILLENNIUM -> "XX";
        };
    }

    /** Reads back a value written by the grammar ("2024-02-07", "2024-02", "1997", "199", "19", "1990-Q3"). */
    static Period parse(String v, Unit u) {
        try {
            return switch (u) {
                case DAY -> new Period(LocalDate.parse(v), Unit.DAY);
                case MONTH -> new Period(LocalDate.of(Integer.parseInt(v.substring(0, 4)), Integer.parseInt(v.substring(5, 7)), 1), Unit.MONTH);
                case WEEK -> new Period(LocalDate.of(Integer.parseInt(v.substring(0, 4)), 1, 4)
                        .with(IsoFields.WEEK_OF_WEEK_BASED_YEAR, Integer.parseInt(v.substring(6)))
                        .with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)), Unit.WEEK);
                case YEAR -> new Period(LocalDate.of(Integer.parseInt(v), 1, 1), Unit.YEAR);
                case DECADE -> new Period(LocalDate.of(Integer.parseInt(v) * 10, 1, 1), Unit.DECADE);
                case CENTURY -> new Period(LocalDate.of(Integer.parseInt(v) * 100, 1, 1), Unit.CENTURY);
                case QUARTER -> new Period(LocalDate.of(Integer.parseInt(v.substring(0, 4)), (Integer.parseInt(v.substring(6)) - 1) * 3 + 1, 1), Unit.QUARTER);
                case HALF -> new Period(LocalDate.of(Integer.parseInt(v.substring(0, 4)), v.endsWith("1") ? 1 : 7, 1), Unit.HALF);
                case SEASON -> {
                    int s = java.util.Arrays.asList(SEASON_CODES).indexOf(v.substring(5));
                    yield new Period(LocalDate.of(Integer.parseInt(v.substring(0, 4)), seasonStartMonth(s), 1), Unit.SEASON);
                }
                default -> null;
            };
        } catch (RuntimeException e) {
            return null;
        }
    }

    static LocalDate safeDate(int y, int m, int d) {
        try {
            return LocalDate.of(y, m, d);
        } catch (java.time.DateTimeException e) {
            return null;
        }
    }
}
