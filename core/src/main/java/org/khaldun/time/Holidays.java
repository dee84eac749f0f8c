package org.khaldun.time;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Named days whose date a rule gives: fixed ("Christmas", "Halloween"), the n-th weekday of a month
 * ("Thanksgiving" is the fourth Thursday of November) or counted from Easter ("Good Friday"). Written for
 * Khaldun; only names whose date is the same wherever the story is written, or that are unmistakably US
 * ("Thanksgiving", "Labor Day", "Election Day"), are listed: "Independence Day" or "Labour Day" differ by
 * country and are left out. Lunar holidays (Ramadan, Eid) are left out too: their Gregorian date needs
 * tables, not a rule.
 */
final class Holidays {

    /** How a holiday's date follows from the year. */
    record Rule(String name, int month, int day, int weekday, int nth, int easterOffset) {

        LocalDate in(int year) {
            if (easterOffset != NO_EASTER) {
                return easter(year).plusDays(easterOffset);
            }
            if (weekday == 0) {
                return LocalDate.of(year, month, day);
            }
            LocalDate first = LocalDate.of(year, month, 1);
            DayOfWeek dow = DayOfWeek.of(weekday);
            LocalDate d = nth > 0 ? first.with(TemporalAdjusters.dayOfWeekInMonth(nth, dow))
                    : first.with(TemporalAdjusters.lastInMonth(dow));
            return d.plusDays(day); // "day" holds an offset here: Election Day is the day after the first Monday
        }
    }

    static final int NO_EASTER = Integer.MIN_VALUE;

    /** Lower-case token sequences of a name, longest first per first word. */
    private static final Map<String, List<String[]>> BY_FIRST = new HashMap<>();
    private static final List<Rule> RULES = new ArrayList<>();
    private static final Map<String, Integer> INDEX = new HashMap<>();

    static {
        fixed("christmas|christmas day", 12, 25);
        fixed("christmas eve", 12, 24);
        fixed("boxing day", 12, 26);
        fixed("new year 's day|new year 's|new years day", 1, 1);
        fixed("new year 's eve|new years eve", 12, 31);
        fixed("halloween", 10, 31);
        fixed("valentine 's day|valentines day", 2, 14);
        fixed("st patrick 's day|saint patrick 's day", 3, 17);
        fixed("fourth of july", 7, 4);
        fixed("bastille day", 7, 14);
        fixed("armistice day|veterans day|veterans ' day|remembrance day", 11, 11);
        fixed("may day", 5, 1);
        nth("thanksgiving|thanksgiving day", 11, 4, 4, 0);
        nth("labor day", 9, 1, 1, 0);
        nth("memorial day", 5, 1, -1, 0);
        nth("martin luther king day|martin luther king jr day", 1, 1, 3, 0);
        nth("presidents day|presidents ' day|president 's day", 2, 1, 3, 0);
        nth("columbus day", 10, 1, 2, 0);
        nth("mother 's day|mothers day", 5, 7, 2, 0);
        nth("father 's day|fathers day", 6, 7, 3, 0);
        nth("election day", 11, 1, 1, 1); // the Tuesday after the first Monday of November (US)
        easter("easter|easter sunday", 0);
        easter("good friday", -2);
        easter("easter monday", 1);
        easter("palm sunday", -7);
        easter("ash wednesday", -46);
        easter("pentecost|whit sunday", 49);
    }

    private Holidays() {
    }

    private static void fixed(String names, int month, int day) {
        add(names, new Rule(names, month, day, 0, 0, NO_EASTER));
    }

    private static void nth(String names, int month, int weekday, int nth, int offset) {
        add(names, new Rule(names, month, offset, weekday, nth, NO_EASTER));
    }

    private static void easter(String names, int offset) {
        add(names, new Rule(names, 0, 0, 0, 0, offset));
    }

    private static void add(String names, Rule r) {
        int id = RULES.size();
        RULES.add(r);
        for (String n : names.split("\\|")) {
            String[] words = n.split(" ");
            BY_FIRST.computeIfAbsent(words[0], k -> new ArrayList<>()).add(words);
            INDEX.put(n, id);
            BY_FIRST.get(words[0]).sort((a, b) -> b.length - a.length);
        }
    }

    static boolean mayOpen(String word) {
        return BY_FIRST.containsKey(word);
    }

    static java.util.Set<String> firstWords() {
        return BY_FIRST.keySet();
    }

    /** The holiday whose name starts at token {@code j} of {@code w}: {rule id, last token}, or null. */
    static int[] match(String[] w, int j) {
        List<String[]> names = BY_FIRST.get(w[j]);
        if (names == null) {
            return null;
        }
        for (String[] n : names) {
            if (j + n.length > w.length) {
                continue;
            }
            boolean ok = true;
            for (int k = 1; k < n.length && ok; k++) {
                ok = w[j + k].equals(n[k]);
            }
            if (ok) {
                return new int[] {INDEX.get(String.join(" ", n)), j + n.length - 1};
            }
        }
        return null;
    }

    static Rule rule(int id) {
        return RULES.get(id);
    }

    /** Easter Sunday (Gregorian), by the anonymous Gregorian algorithm. */
    static LocalDate easter(int y) {
        int a = y % 19;
        int b = y / 100;
        int c = y % 100;
        int d = b / 4;
        int e = b % 4;
        int f = (b + 8) / 25;
        int g = (b - f + 1) / 3;
        int h = (19 * a + b - d - g + 15) % 30;
        int i = c / 4;
        int k = c % 4;
        int l = (32 + 2 * e + 2 * i - h - k) % 7;
        int m = (a + 11 * h + 22 * l) / 451;
        int month = (h + l - 7 * m + 114) / 31;
        int day = (h + l - 7 * m + 114) % 31 + 1;
        return LocalDate.of(y, month, day);
    }
}
