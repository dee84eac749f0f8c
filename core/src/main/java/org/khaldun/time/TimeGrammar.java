package org.khaldun.time;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.khaldun.nlp.Sentence;
import org.khaldun.nlp.Token;
import org.khaldun.time.Spec.Kind;
import org.khaldun.time.Spec.Unit;

/**
 * Finds time expressions in a sentence by scanning its tokens. Each position whose word can open a time
 * expression (a hash-set test) is tried against a small hand-written grammar; the longest match wins and
 * scanning resumes after it. Spans follow TimeML: determiners, "ago", "earlier this" and modifiers such as
 * "late" or "nearly" are inside, prepositions ("on", "in") are not.
 *
 * <p>Stateless and thread-safe. Works on tokens only; POS tags, when present, only veto readings (the modal
 * "may" is not a month).
 */
final class TimeGrammar {

    /** One recognised expression, before anchoring. */
    record Mention(int first, int last, String type, Spec spec, String mod) {
    }

    // ---- lexicon: small tables written for Khaldun -------------------------------------------------------

    private static final Map<String, Integer> MONTHS = new HashMap<>();
    private static final Map<String, Integer> WEEKDAYS = new HashMap<>();
    private static final Map<String, Integer> NUMBERS = new HashMap<>();
    private static final Map<String, Integer> ORDINALS = new HashMap<>();
    private static final Map<String, Unit> UNITS = new HashMap<>();
    private static final Map<String, Integer> SEASONS = new HashMap<>();
    private static final Map<String, String> PARTS_OF_DAY = Map.of(
            "morning", "TMO", "afternoon", "TAF", "evening", "TEV", "night", "TNI", "overnight", "TNI");
    private static final Set<String> MODALS = Set.of("will", "would", "could", "may", "might", "'ll", "shall", "can");
    private static final Map<String, String> MID_PARTS_OF_DAY = Map.of(
            "mid-morning", "TMO", "midmorning", "TMO", "mid-afternoon", "TAF", "midafternoon", "TAF",
            "mid-evening", "TEV");
    private static final Map<String, Integer> DECADE_WORDS = Map.of(
            "twenties", 2, "thirties", 3, "forties", 4, "fifties", 5, "sixties", 6, "seventies", 7,
            "eighties", 8, "nineties", 9);
    private static final Set<String> TIME_ZONES = Set.of(
            "est", "edt", "cst", "cdt", "mst", "mdt", "pst", "pdt", "gmt", "utc", "et", "bst", "cet", "cest");
    /** Words before a bare month name that make "May" or "March" a month rather than a verb. */
    private static final Set<String> MONTH_CUES = Set.of(
            "in", "since", "until", "till", "by", "of", "during", "early", "late", "mid", "last", "next", "this",
            "through", "before", "after", "from", "to", "between", "and", "or", "end", "beginning", "middle", "each",
            "every", "throughout", "that", "the", "later", "earlier");
    private static final Set<String> NOT_YEAR_AFTER = Set.of(
            "%", "percent", "million", "billion", "trillion", "people", "troops", "soldiers", "members", "dollars",
            "shares", "barrels", "tons", "tonnes", "votes", "km", "miles", "meters", "feet", "cars", "units", "jobs",
            "workers", "employees", "students", "acres", "points", "cases", "deaths", "seats", "pounds", "kilometers");
    private static final Set<String> UNIT_ADJECTIVES = Set.of(
            "trading", "business", "working", "calendar", "straight", "consecutive", "more", "long", "full",
            "additional", "successive", "further", "extra", "fiscal");
    private static final Pattern ISO_DATE = Pattern.compile("(\\d{4})-(\\d{2})-(\\d{2})");
    private static final Pattern SLASH_DATE = Pattern.compile("(\\d{1,2})/(\\d{1,2})/(\\d{2}|\\d{4})");
    private static final Pattern CLOCK = Pattern.compile("(\\d{1,2})[:.](\\d{2})");
    private static final Pattern DECADE = Pattern.compile("(\\d{3})0'?s");
    private static final Pattern SHORT_DECADE = Pattern.compile("'(\\d)0s");
    private static final Pattern ORDINAL_DIGITS = Pattern.compile("(\\d{1,2})(st|nd|rd|th)");
    private static final Pattern SMALL_NUMBER = Pattern.compile("\\d{1,2}");
    private static final Pattern DAY_NUMBER = Pattern.compile("\\d+(st|nd|rd|th)?");
    private static final Pattern FOUR_DIGITS = Pattern.compile("\\d{4}");
    private static final Pattern LOWER_WORD = Pattern.compile("[a-z]+");
    private static final Pattern DIGITS = Pattern.compile("\\d{1,3}(,\\d{3})*");
    /** One token "2 1/2", as CoreNLP keeps mixed fractions. */
    private static final Pattern MIXED_HALF = Pattern.compile("(\\d{1,3})\\s1/2");

    static {
        String[] months = {"january", "february", "march", "april", "may", "june", "july", "august", "september",
            "october", "november", "december"};
        for (int i = 0; i < 12; i++) {
            MONTHS.put(months[i], i + 1);
            MONTHS.put(months[i].substring(0, 3), i + 1);
        }
        MONTHS.put("sept", 9);
        String[] days = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"};
        for (int i = 0; i < 7; i++) {
            WEEKDAYS.put(days[i], i + 1);
            WEEKDAYS.put(days[i].substring(0, 3), i + 1);
        }
        WEEKDAYS.put("tues", 2);
        WEEKDAYS.put("wed", 3);
        WEEKDAYS.put("thur", 4);
        WEEKDAYS.put("thurs", 4);
        WEEKDAYS.remove("sat"); // "sat" is mostly the verb
        WEEKDAYS.remove("sun");
        WEEKDAYS.remove("mon");
        WEEKDAYS.remove("wed");
        String[] ones = {"zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
            "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"};
        for (int i = 0; i < ones.length; i++) {
            NUMBERS.put(ones[i], i);
        }
        String[] tens = {"twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"};
        for (int i = 0; i < tens.length; i++) {
            NUMBERS.put(tens[i], 20 + 10 * i);
        }
        NUMBERS.put("dozen", 12);
        String[] ords = {"first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth",
            "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth", "seventeenth", "eighteenth",
            "nineteenth", "twentieth"};
        for (int i = 0; i < ords.length; i++) {
            ORDINALS.put(ords[i], i + 1);
        }
        ORDINALS.put("twenty-first", 21);
        Object[][] units = {
            {"second", Unit.SECOND}, {"seconds", Unit.SECOND}, {"minute", Unit.MINUTE}, {"minutes", Unit.MINUTE},
            {"hour", Unit.HOUR}, {"hours", Unit.HOUR}, {"day", Unit.DAY}, {"days", Unit.DAY},
            {"week", Unit.WEEK}, {"weeks", Unit.WEEK}, {"weekend", Unit.WEEKEND}, {"weekends", Unit.WEEKEND},
            {"fortnight", Unit.WEEK}, {"month", Unit.MONTH}, {"months", Unit.MONTH},
            {"quarter", Unit.QUARTER}, {"quarters", Unit.QUARTER}, {"year", Unit.YEAR}, {"years", Unit.YEAR},
            {"decade", Unit.DECADE}, {"decades", Unit.DECADE}, {"century", Unit.CENTURY},
            {"centuries", Unit.CENTURY}, {"millennium", Unit.MILLENNIUM}, {"millennia", Unit.MILLENNIUM}};
        for (Object[] u : units) {
            UNITS.put((String) u[0], (Unit) u[1]);
        }
        SEASONS.put("spring", 0);
        SEASONS.put("summer", 1);
        SEASONS.put("fall", 2);
        SEASONS.put("autumn", 2);
        SEASONS.put("winter", 3);
    }

    /** Words that can open an expression (besides digits, month and weekday names, units). */
    private static final Set<String> OPENERS = Set.of(
            "the", "a", "an", "this", "that", "last", "next", "past", "previous", "coming", "upcoming", "following",
            "current", "early", "late", "mid", "earlier", "later", "today", "yesterday", "tomorrow", "tonight",
            "now", "currently", "nowadays", "recently", "recent", "lately", "previously", "formerly", "soon",
            "shortly", "future", "about", "around", "nearly", "almost", "approximately", "roughly", "some", "over",
            "more", "less", "at", "up", "no", "within", "every", "each", "daily", "weekly", "monthly", "yearly",
            "annually", "hourly", "quarterly", "several", "few", "many", "fiscal", "noon", "midnight", "overnight",
            "same", "year", "present", "half", "mid-", "couple", "first", "second", "third", "fourth", "latest",
            "those", "these", "end", "beginning", "start", "middle", "year-earlier", "year-ago",
            "christmas", "thanksgiving", "new", "midday", "midmorning", "midafternoon", "someday", "as");

    /** Every word that can open an expression, in one hash set: the only test most tokens meet. */
    private static final Set<String> OPENING_WORDS = new java.util.HashSet<>();

    static {
        OPENING_WORDS.addAll(OPENERS);
        OPENING_WORDS.addAll(MONTHS.keySet());
        OPENING_WORDS.addAll(WEEKDAYS.keySet());
        OPENING_WORDS.addAll(UNITS.keySet());
        OPENING_WORDS.addAll(NUMBERS.keySet());
        OPENING_WORDS.addAll(SEASONS.keySet());
        OPENING_WORDS.addAll(ORDINALS.keySet());
        OPENING_WORDS.addAll(DECADE_WORDS.keySet());
        OPENING_WORDS.addAll(Holidays.firstWords());
        OPENING_WORDS.addAll(List.of("hundreds", "thousands", "dozens", "couple", "right", "nineteen", "eighteen"));
    }

    // ---- scanning ------------------------------------------------------------------------------------------

    List<Mention> find(Sentence s) {
        Scan sc = new Scan(s);
        List<Mention> out = new ArrayList<>();
        int i = 0;
        int n = sc.size;
        while (i < n) {
            if (!sc.mayOpen(i)) {
                i++;
                continue;
            }
            Mention m = sc.matchAt(i);
            if (m == null) {
                i++;
            } else {
                out.add(m);
                i = m.last() + 1;
            }
        }
        return out;
    }

    /** Per-sentence matching state: lower-cased words, with the final dot of abbreviations removed. */
    private static final class Scan {
        final Sentence s;
        final int size;
        final String[] w;

        Scan(Sentence s) {
            this.s = s;
            this.size = s.tokens().size();
            this.w = new String[size];
            for (int i = 0; i < size; i++) {
                String x = s.token(i).word().toLowerCase(Locale.ROOT);
                if (x.length() > 2 && x.endsWith(".") && !x.equals("a.m.") && !x.equals("p.m.")) {
                    x = x.substring(0, x.length() - 1);
                }
                w[i] = x;
            }
        }

        String w(int i) {
            return i >= 0 && i < size ? w[i] : "";
        }

        boolean mayOpen(int i) {
            String x = w[i];
            if (x.isEmpty()) {
                return false;
            }
            char c = x.charAt(0);
            return Character.isDigit(c) || c == '\'' || OPENING_WORDS.contains(x) || x.startsWith("mid-")
                    || weekdayPlural(x) > 0;
        }

        // ---- top level: [modifiers] [the] core [post] ----------------------------------------------------

        Mention matchAt(int i) {
            String mod = "";
            String approx = "";
            int j = i;
            // quantity modifiers, for durations and "ago" expressions
            String[] q = quantityModifier(j);
            if (q != null) {
                approx = q[0];
                j = Integer.parseInt(q[1]);
            }
            // position modifiers
            String pm = null;
            int k = j;
            if (w(k).equals("the") && (w(k + 1).equals("end") || w(k + 1).equals("beginning") || w(k + 1).equals("start")
                    || w(k + 1).equals("middle")) && w(k + 2).equals("of")) {
                pm = w(k + 1).equals("end") ? "LATE" : w(k + 1).equals("middle") ? "MID" : "EARLY";
                k += 3;
            } else if (w(k).equals("early") || w(k).equals("late") || w(k).equals("mid")
                    || w(k).equals("the") && (w(k + 1).equals("early") || w(k + 1).equals("late") || w(k + 1).equals("mid"))) {
                if (w(k).equals("the")) {
                    k++;
                }
                pm = w(k).equals("early") ? "EARLY" : w(k).equals("late") ? "LATE" : "MID";
                k++;
                if (w(k).equals("-")) {
                    k++;
                }
            } else if ((w(k).equals("earlier") || w(k).equals("later"))
                    && (w(k + 1).equals("this") || w(k + 1).equals("that") || w(k + 1).equals("today")
                    || w(k + 1).equals("yesterday") || WEEKDAYS.containsKey(w(k + 1))
                    || (w(k + 1).equals("in") && w(k + 2).equals("the") && UNITS.containsKey(w(k + 3))))) {
                pm = w(k).equals("earlier") ? "EARLY" : "LATE";
                k++;
                if (w(k).equals("in")) {
                    k++;
                }
            }
            if (pm != null) {
                Mention core = core(k);
                if (core != null && !core.type().equals("DURATION") && !core.type().equals("SET")) {
                    return new Mention(i, core.last(), core.type(), core.spec(), pm);
                }
                if (w(j).equals("the") || w(j).equals("earlier") || w(j).equals("later")) {
                    // "the end of the talks", "earlier this" with nothing usable: no expression here
                    return q != null ? null : coreOnly(i);
                }
            }
            Mention core = core(j);
            if (core == null) {
                return null;
            }
            core = post(core);
            if (!approx.isEmpty()) {
                if (core.type().equals("DURATION") || core.spec().kind() == Kind.DEICTIC
                        || core.spec().kind() == Kind.ANAPHORIC) {
                    return new Mention(i, core.last(), core.type(), core.spec(), approx);
                }
                return core;
            }
            return core;
        }

        /** "or so" after an expression; "the" dropped before a prenominal one ("the third-quarter results"). */
        Mention post(Mention core) {
            int e = core.last();
            String mod = core.mod();
            if (w(e + 1).equals("or") && w(e + 2).equals("so")) {
                e += 2;
                mod = "APPROX";
            }
            int f = core.first();
            if (w(f).equals("the") && e == core.last() && f < e && prenominal(e)) {
                f++;
            }
            return new Mention(f, e, core.type(), core.spec(), mod);
        }

        /** True when the token after {@code e} is a noun the expression modifies. */
        boolean prenominal(int e) {
            if (e + 1 >= size) {
                return false;
            }
            boolean hyphenated = false;
            for (int k = e; k > 0 && k >= e - 2; k--) {
                if (w(k).equals("-") || w(k).contains("-")) {
                    hyphenated = true;
                }
            }
            if (!hyphenated && !w(e).startsWith("year-")) {
                return false;
            }
            Token next = s.token(e + 1);
            if (!next.pos().isEmpty()) {
                return next.pos().startsWith("NN") || next.pos().startsWith("JJ") || next.pos().equals("CD")
                        || next.pos().equals("$");
            }
            String x = w(e + 1);
            return !x.isEmpty() && Character.isLetter(x.charAt(0)) && !x.equals("and") && !x.equals("or")
                    && !x.equals("of") && !x.equals("to") && !x.equals("in") && !x.equals("ended") && !x.equals("ending");
        }

        private Mention coreOnly(int i) {
            return core(i);
        }

        /** "about", "nearly", "more than", "at least", "up to", "no more than" before a quantity. */
        String[] quantityModifier(int j) {
            String x = w(j);
            String mod = null;
            int len = 1;
            switch (x) {
                case "about", "around", "approximately", "roughly", "some" -> mod = "APPROX";
                case "nearly", "almost" -> mod = "LESS_THAN";
                case "more", "less" -> {
                    if (w(j + 1).equals("than")) {
                        mod = x.equals("more") ? "MORE_THAN" : "LESS_THAN";
                        len = 2;
                    }
                }
                case "at" -> {
                    if (w(j + 1).equals("least") || w(j + 1).equals("most")) {
                        mod = w(j + 1).equals("least") ? "EQUAL_OR_MORE" : "EQUAL_OR_LESS";
                        len = 2;
                    }
                }
                case "up" -> {
                    if (w(j + 1).equals("to")) {
                        mod = "EQUAL_OR_LESS";
                        len = 2;
                    }
                }
                case "no" -> {
                    if (w(j + 1).equals("more") && w(j + 2).equals("than")) {
                        mod = "EQUAL_OR_LESS";
                        len = 3;
                    }
                }
                default -> {
                }
            }
            if (mod == null) {
                return null;
            }
            int k = j + len;
            // only before a number or "a"/"an" + unit: "some time", "over the weekend" are not quantities
            if (number(k) == null && !(w(k).equals("the") && (w(k + 1).equals("past") || w(k + 1).equals("last")))) {
                return null;
            }
            return new String[] {mod, Integer.toString(k)};
        }

        // ---- cores -----------------------------------------------------------------------------------------

        Mention core(int j) {
            Mention best = null;
            best = longer(best, dateToken(j));
            best = longer(best, monthFirst(j));
            best = longer(best, dayFirst(j));
            best = longer(best, yearOrDecade(j));
            best = longer(best, weekday(j));
            best = longer(best, dayWord(j));
            best = longer(best, deictic(j));
            best = longer(best, quantity(j));
            best = longer(best, quarter(j));
            best = longer(best, season(j, 0));
            best = longer(best, reference(j));
            best = longer(best, clock(j));
            best = longer(best, set(j));
            best = longer(best, holiday(j));
            best = longer(best, weekOf(j));
            best = longer(best, yearNoun(j));
            best = longer(best, spokenYear(j));
            return best;
        }

        private static Mention longer(Mention a, Mention b) {
            if (b == null) {
                return a;
            }
            if (a == null || b.last() > a.last()) {
                return b;
            }
            return a;
        }

        private Mention m(int first, int last, String type, Spec spec) {
            return new Mention(first, last, type, spec, "");
        }

        /** "2024-02-07", "02/07/2024". */
        Mention dateToken(int j) {
            String x = w(j);
            if (x.length() < 6 || !Character.isDigit(x.charAt(0))) {
                return null;
            }
            var iso = ISO_DATE.matcher(x);
            if (iso.matches()) {
                int mo = Integer.parseInt(iso.group(2));
                int d = Integer.parseInt(iso.group(3));
                if (mo >= 1 && mo <= 12 && d >= 1 && d <= 31) {
                    return withClock(j, j, Spec.absolute(x, Unit.DAY));
                }
            }
            var sl = SLASH_DATE.matcher(x);
            if (sl.matches()) {
                int mo = Integer.parseInt(sl.group(1));
                int d = Integer.parseInt(sl.group(2));
                int y = Integer.parseInt(sl.group(3));
                if (y < 100) {
                    y += y < 50 ? 2000 : 1900;
                }
                if (mo >= 1 && mo <= 12 && d >= 1 && d <= 31) {
                    return m(j, j, "DATE", Spec.absolute(String.format("%04d-%02d-%02d", y, mo, d), Unit.DAY));
                }
            }
            return null;
        }

        int month(int j) {
            String x = w(j);
            Integer mo = MONTHS.get(x);
            if (mo == null) {
                return 0;
            }
            Token t = s.token(j);
            if (!t.isCapitalized()) {
                return 0;
            }
            if (t.pos().equals("MD") || t.pos().startsWith("VB")) {
                return 0;
            }
            return mo;
        }

        /** A day of month: "7", "7th", "seventh". */
        int day(int j) {
            String x = w(j);
            if (SMALL_NUMBER.matcher(x).matches()) {
                int d = Integer.parseInt(x);
                return d >= 1 && d <= 31 ? d : 0;
            }
            var o = ORDINAL_DIGITS.matcher(x);
            if (o.matches()) {
                int d = Integer.parseInt(o.group(1));
                return d >= 1 && d <= 31 ? d : 0;
            }
            Integer ord = ORDINALS.get(x);
            return ord != null ? ord : 0;
        }

        int year(int j) {
            String x = w(j);
            if (x.length() == 4 && Character.isDigit(x.charAt(0)) && x.chars().allMatch(Character::isDigit)) {
                int y = Integer.parseInt(x);
                if (y >= 1000 && y <= 2999) {
                    return y;
                }
            }
            return 0;
        }

        /** "February 7, 2024", "Feb. 7", "January 1997", "January of 1997", "January this year", "May". */
        Mention monthFirst(int j) {
            int mo = month(j);
            if (mo == 0) {
                return null;
            }
            int k = j + 1;
            int d = day(k);
            // "March 10: 30" is a score or a verse; "Monday, Oct. 26:" before a quotation is a date
            boolean colonNumber = w(k + 1).equals(":") && !w(k + 2).isEmpty() && Character.isDigit(w(k + 2).charAt(0));
            if (d > 0 && !colonNumber && !UNITS.containsKey(w(k + 1))) {
                int e = k;
                int y = 0;
                if (w(e + 1).equals(",") && year(e + 2) > 0) {
                    y = year(e + 2);
                    e += 2;
                } else if (year(e + 1) > 0) {
                    y = year(e + 1);
                    e += 1;
                }
                if (y > 0) {
                    return withClock(j, e, Spec.absolute(String.format("%04d-%02d-%02d", y, mo, d), Unit.DAY));
                }
                return withClock(j, e, Spec.of(Kind.MONTH_DAY, mo, d, 0));
            }
            int y = year(k);
            if (y == 0 && (w(k).equals("of") || w(k).equals(",")) && year(k + 1) > 0) {
                y = year(k + 1);
                k++;
            }
            if (y > 0) {
                return m(j, k, "DATE", Spec.absolute(String.format("%04d-%02d", y, mo), Unit.MONTH));
            }
            Mention spoken = w(k).equals("nineteen") || w(k).equals("eighteen") ? spokenYear(k) : null;
            if (spoken != null) {
                // "January nineteen ninety-seven"
                return m(j, spoken.last(), "DATE", Spec.absolute(spoken.spec().value() + String.format("-%02d", mo), Unit.MONTH));
            }
            int rel = relYear(k);
            if (rel != Integer.MIN_VALUE) {
                return m(j, k + 1, "DATE", Spec.of(Kind.MONTH, mo, rel, 1));
            }
            // a bare month name: guard the words that are also verbs or names
            boolean ambiguous = mo == 5 || mo == 3 || w(j).length() == 3;
            String prev = w(j - 1);
            if (ambiguous && !MONTH_CUES.contains(prev) && !prev.equals("-")) {
                return null;
            }
            if (j == 0 && ambiguous) {
                return null;
            }
            return m(j, j, "DATE", Spec.of(Kind.MONTH, mo, 0, 0));
        }

        /** "this year" / "last year" / "next year" after a month name: year shift, else MIN_VALUE. */
        int relYear(int k) {
            if (!w(k + 1).equals("year")) {
                return Integer.MIN_VALUE;
            }
            return switch (w(k)) {
                case "this" -> 0;
                case "last" -> -1;
                case "next" -> 1;
                default -> Integer.MIN_VALUE;
            };
        }

        /** "7 Feb 2024", "7 February", "the 7th of February". */
        Mention dayFirst(int j) {
            int k = j;
            boolean the = false;
            if (w(k).equals("the")) {
                the = true;
                k++;
            }
            int d = day(k);
            if (d == 0) {
                return null;
            }
            int mk = k + 1;
            if (w(mk).equals("of")) {
                mk++;
            } else if (the) {
                return null;
            }
            int mo = month(mk);
            if (mo == 0 || !DAY_NUMBER.matcher(w(k)).matches() && !the) {
                return null;
            }
            int y = year(mk + 1);
            if (y == 0 && w(mk + 1).equals(",") && year(mk + 2) > 0) {
                y = year(mk + 2);
                mk++;
            }
            if (y > 0) {
                return m(j, mk + 1, "DATE", Spec.absolute(String.format("%04d-%02d-%02d", y, mo, d), Unit.DAY));
            }
            return m(j, mk, "DATE", Spec.of(Kind.MONTH_DAY, mo, d, 0));
        }

        /** "1997", "fiscal 1997", "the 1990s", "the '90s", "the nineties", "the 20th century", "mid-1990s". */
        Mention yearOrDecade(int j) {
            int k = j;
            if (w(k).equals("the") || w(k).equals("fiscal")) {
                k++;
                if (w(k).equals("year") && year(k + 1) > 0) {
                    k++;
                }
            } else if (w(k).equals("year") && year(k + 1) > 0) {
                k++;
            }
            String x = w(k);
            if (x.isEmpty() || !(Character.isDigit(x.charAt(0)) || x.charAt(0) == '\'' || x.startsWith("mid-")
                    || DECADE_WORDS.containsKey(x) || ORDINALS.containsKey(x))) {
                return null;
            }
            int y = year(k);
            if (y > 0) {
                if (!yearContext(k)) {
                    return null;
                }
                if (w(j).equals("the") && !w(j + 1).equals("year")) {
                    // "the 1990 budget": the year without its article
                    return m(k, k, "DATE", Spec.absolute(Integer.toString(y), Unit.YEAR));
                }
                return m(j, k, "DATE", Spec.absolute(Integer.toString(y), Unit.YEAR));
            }
            var dm = DECADE.matcher(x);
            if (dm.matches()) {
                return m(j, k, "DATE", Spec.absolute(dm.group(1), Unit.DECADE));
            }
            var sd = SHORT_DECADE.matcher(x);
            if (sd.matches()) {
                return m(j, k, "DATE", Spec.of(Kind.ABSOLUTE, Integer.parseInt(sd.group(1)), -1, 0));
            }
            Integer dw = DECADE_WORDS.get(x);
            if (dw != null && w(j).equals("the")) {
                return m(j, k, "DATE", Spec.of(Kind.ABSOLUTE, dw, -1, 0));
            }
            if (x.startsWith("mid-")) {
                // tokens like "mid-March", "mid-1990s", "mid-1996" stay whole
                String rest = x.substring(4);
                Integer mo = MONTHS.get(rest);
                if (mo != null) {
                    int yy = year(k + 1);
                    Spec sp = yy > 0 ? Spec.absolute(String.format("%04d-%02d", yy, mo), Unit.MONTH)
                            : Spec.of(Kind.MONTH, mo, 0, 0);
                    return new Mention(j, yy > 0 ? k + 1 : k, "DATE", sp, "MID");
                }
                var d2 = DECADE.matcher(rest);
                if (d2.matches()) {
                    return new Mention(j, k, "DATE", Spec.absolute(d2.group(1), Unit.DECADE), "MID");
                }
                if (FOUR_DIGITS.matcher(rest).matches()) {
                    return new Mention(j, k, "DATE", Spec.absolute(rest, Unit.YEAR), "MID");
                }
                Integer se = SEASONS.get(rest);
                if (se != null) {
                    return new Mention(j, k, "DATE", Spec.of(Kind.SEASON, se, 0, 0), "MID");
                }
            }
            // centuries
            int c = 0;
            var od = ORDINAL_DIGITS.matcher(x);
            if (od.matches()) {
                c = Integer.parseInt(od.group(1));
            } else if (ORDINALS.containsKey(x)) {
                c = ORDINALS.get(x);
            }
            if (c > 0 && (w(k + 1).equals("century") || (w(k + 1).equals("-") && w(k + 2).equals("century")))) {
                int e = w(k + 1).equals("-") ? k + 2 : k + 1;
                return m(j, e, "DATE", Spec.absolute(String.format("%02d", c - 1), Unit.CENTURY));
            }
            return null;
        }

        /** A four-digit number is a year unless it counts something. */
        boolean yearContext(int k) {
            String prev = w(k - 1);
            String next = w(k + 1);
            if (prev.equals("$") || prev.equals("#") || prev.equals("no") || prev.equals("no.") || prev.equals("number")) {
                return false;
            }
            if (NOT_YEAR_AFTER.contains(next) || next.equals("-") && NOT_YEAR_AFTER.contains(w(k + 2))) {
                return false;
            }
            if (next.equals(":")) {
                return false;
            }
            if (prev.equals("to") && NUMBERS.containsKey(w(k - 2))) {
                return false;
            }
            return true;
        }

        /** "Wednesday", "Wednesday night", "10 p.m. Wednesday", "Friday's". */
        Mention weekday(int j) {
            Integer d = WEEKDAYS.get(w(j));
            if (d == null) {
                int p = weekdayPlural(w(j));
                if (p > 0 && s.token(j).isCapitalized()) {
                    String tod = PARTS_OF_DAY.get(w(j + 1));
                    int e = tod != null ? j + 1 : j;
                    return m(j, e, "SET", Spec.value(Kind.SET, "XXXX-WXX-" + p + (tod != null ? tod : "")));
                }
                if (p == 0 && (w(j).endsWith("s") && PARTS_OF_DAY.containsKey(w(j + 1)))) {
                    return null;
                }
                return null;
            }
            if (!s.token(j).isCapitalized()) {
                return null;
            }
            int k = w(j + 1).equals(",") ? j + 2 : j + 1;
            if (month(k) > 0) {
                Mention md = monthFirst(k);
                if (md != null && (md.spec().kind() == Kind.MONTH_DAY || md.spec().unit() == Unit.DAY)) {
                    return m(j, md.last(), md.type(), md.spec());
                }
            }
            Spec sp = Spec.of(Kind.WEEKDAY, d, 0, 0);
            return dayWithTime(j, j, sp);
        }

        /** A day expression may carry a part of day or a clock time after it. */
        Mention dayWithTime(int first, int last, Spec sp) {
            String tod = PARTS_OF_DAY.get(w(last + 1));
            if (tod != null && !w(last + 1).equals("overnight")) {
                return m(first, last + 1, "TIME", sp.withTime(tod));
            }
            if (w(last + 1).equals("at") || w(last + 1).equals(",")) {
                Mention c = clockOnly(last + 2);
                if (c != null && w(last + 1).equals("at")) {
                    return m(first, c.last(), "TIME", sp.withTime(c.spec().timeOfDay()));
                }
            }
            return m(first, last, "DATE", sp);
        }

        static int weekdayPlural(String x) {
            if (x.length() > 6 && x.endsWith("days")) {
                Integer d = WEEKDAYS.get(x.substring(0, x.length() - 1));
                return d == null ? 0 : d;
            }
            return 0;
        }

        /** "today", "yesterday", "tomorrow", "tonight", "the day before yesterday", "overnight". */
        Mention dayWord(int j) {
            String x = w(j);
            int n;
            switch (x) {
                case "today" -> n = 0;
                case "yesterday" -> n = -1;
                case "tomorrow" -> n = 1;
                case "tonight" -> {
                    return m(j, j, "TIME", Spec.shift(Kind.DEICTIC, Unit.DAY, 0).withTime("TNI"));
                }
                case "the" -> {
                    if (w(j + 1).equals("day") && (w(j + 2).equals("before") || w(j + 2).equals("after"))
                            && (w(j + 3).equals("yesterday") || w(j + 3).equals("tomorrow"))) {
                        return m(j, j + 3, "DATE", Spec.shift(Kind.DEICTIC, Unit.DAY, w(j + 3).equals("yesterday") ? -2 : 2));
                    }
                    return null;
                }
                default -> {
                    return null;
                }
            }
            if (w(j + 1).equals("'s") && x.equals("today")) {
                return m(j, j, "DATE", Spec.shift(Kind.DEICTIC, Unit.DAY, 0));
            }
            return dayWithTime(j, j, Spec.shift(Kind.DEICTIC, Unit.DAY, n));
        }

        /**
         * "last week", "this year", "next month", "last summer", "last Friday", "last November", "this morning",
         * "last night", "the past three months", "the coming days", "the next day", "that year".
         */
        Mention deictic(int j) {
            int k = j;
            boolean the = false;
            if (w(k).equals("the")) {
                the = true;
                k++;
            }
            boolean thisPast = false;
            if (w(k).equals("this") && (w(k + 1).equals("past") || w(k + 1).equals("coming"))) {
                thisPast = w(k + 1).equals("past");
                k++;
            } else if (w(k).equals("right") && w(k + 1).equals("now")) {
                return m(j, k + 1, "DATE", Spec.value(Kind.REF, "PRESENT_REF"));
            }
            String r = w(k);
            if (the && (r.equals("first") || r.equals("latest") || r.equals("final") || r.equals("remaining")
                    || r.equals("initial") || r.equals("early") || r.equals("same"))) {
                Num num = number(k + 1);
                if (num != null && UNITS.containsKey(w(num.end))) {
                    return m(j, num.end, "DURATION", Spec.value(Kind.DURATION, duration(num.n, UNITS.get(w(num.end)))));
                }
                if (r.equals("early") && UNITS.containsKey(w(k + 1)) && w(k + 1).endsWith("s")) {
                    return m(j, k + 1, "DURATION", Spec.value(Kind.DURATION, duration(-1, UNITS.get(w(k + 1)))));
                }
            }
            int rel;
            switch (r) {
                case "last", "past", "previous" -> rel = -1;
                case "this", "current", "present" -> rel = 0;
                case "next", "coming", "following", "upcoming" -> rel = 1;
                case "that", "same" -> rel = 9;
                default -> {
                    return null;
                }
            }
            int u = k + 1;
            if (rel == 9 && r.equals("that") && w(u).equals("same")) {
                u++;
            }
            String x = w(u);
            boolean anaphoric = rel == 9 || r.equals("following") || r.equals("previous")
                    || (the && r.equals("next"));
            if (rel == 9) {
                rel = 0;
            }
            // durations: "the past three months", "the next two weeks", "the last 24 hours"
            Num num = number(u);
            if (num != null && rel != 0 && !(num.n == -1 && (r.equals("coming") || r.equals("upcoming")))) {
                Unit unit = UNITS.get(w(num.end));
                if (unit != null) {
                    return m(j, num.end, "DURATION", Spec.value(Kind.DURATION, duration(num.n, unit)));
                }
            }
            if (r.equals("coming") || r.equals("upcoming") || ((r.equals("next") || r.equals("past") || r.equals("last"))
                    && w(u).equals("few"))) {
                int e = w(u).equals("few") ? u + 1 : u;
                Unit unit = UNITS.get(w(e));
                if (unit != null && w(e).endsWith("s") && unit != Unit.WEEKEND) {
                    if (rel > 0) {
                        return m(j, e, "DATE", Spec.value(Kind.REF, "FUTURE_REF").withTime(unit.name()));
                    }
                    return m(j, e, "DURATION", Spec.value(Kind.DURATION, duration(-1, unit)));
                }
            }
            if (r.equals("past") && the && !UNITS.containsKey(x) && num == null) {
                return m(j, k, "DATE", Spec.value(Kind.REF, "PAST_REF"));
            }
            if (r.equals("present") && the && !UNITS.containsKey(x)) {
                return m(j, k, "DATE", Spec.value(Kind.REF, "PRESENT_REF"));
            }
            if (r.equals("past") && !the && UNITS.containsKey(x) && x.endsWith("s")) {
                return m(j, u, "DATE", Spec.value(Kind.REF, "PAST_REF"));
            }
            // weekday, month, season after the relative word
            Integer d = WEEKDAYS.get(x);
            if (d != null && the && (r.equals("previous") || r.equals("following")) && s.token(u).isCapitalized()) {
                return m(j, u, "DATE", Spec.of(Kind.WEEKDAY, d, r.equals("previous") ? -3 : 3, 0));
            }
            if (d != null && !the && !anaphoric) {
                return dayWithTime(j, u, Spec.of(Kind.WEEKDAY, d, rel == 0 ? 2 : rel, 0));
            }
            Integer mo = MONTHS.get(x);
            if (mo != null && !the && !anaphoric && s.token(u).isCapitalized()) {
                return m(j, u, "DATE", Spec.of(Kind.MONTH, mo, 0, rel < 0 ? 2 : rel > 0 ? 3 : 1));
            }
            Integer se = SEASONS.get(x);
            if (se != null && !anaphoric) {
                int e = u;
                // "this past spring": the latest spring, this year's if it has begun
                return m(j, e, "DATE", Spec.of(Kind.SEASON, se, thisPast ? -2 : rel == 0 ? 2 : rel, 0));
            }
            String tod = PARTS_OF_DAY.get(x);
            if (tod != null && the && anaphoric && !x.equals("overnight") && rel != 0) {
                // "the next morning", "the previous evening": a part of the day after or before the one in view
                return m(j, u, "TIME", Spec.shift(Kind.ANAPHORIC, Unit.DAY, rel).withTime(tod));
            }
            if (tod != null && !the) {
                int shift = r.equals("last") && x.equals("night") ? -1 : rel == 0 ? 0 : Integer.MIN_VALUE;
                if (shift != Integer.MIN_VALUE) {
                    return m(j, u, "TIME", Spec.shift(anaphoric ? Kind.ANAPHORIC : Kind.DEICTIC, Unit.DAY, shift).withTime(tod));
                }
                return null;
            }
            Unit unit = UNITS.get(x);
            if (unit == null || x.endsWith("s") && unit != Unit.WEEKEND) {
                // "this year's third quarter" is handled by quarter(); "the past few years" above
                if (w(u).equals("fiscal") && UNITS.get(w(u + 1)) == Unit.YEAR) {
                    return m(j, u + 1, "DATE", Spec.shift(Kind.DEICTIC, Unit.YEAR, rel));
                }
                return null;
            }
            if (unit.clock()) {
                return null;
            }
            if (w(u + 1).equals("'s") && UNITS.get(w(u + 3)) == Unit.QUARTER) {
                return null; // "last year's fourth quarter": quarter() reads it
            }
            if (anaphoric && the) {
                // "the following year", "the previous day": one step from the period under discussion, at its unit
                return m(j, u, "DATE", new Spec(Kind.ANAPHORIC, 0, 0, 1, rel, unit, "", ""));
            }
            if (the && r.equals("coming")) {
                return m(j, u, "DATE", Spec.shift(Kind.DEICTIC, unit, 1));
            }
            return m(j, u, "DATE", Spec.shift(anaphoric ? Kind.ANAPHORIC : Kind.DEICTIC, unit, rel));
        }

        /** A count; {@code half} adds one half ("2 1/2", "two and a half"). */
        record Num(int n, int end, boolean half) {
            Num(int n, int end) {
                this(n, end, false);
            }
        }

        /** A count and the index after it: "3", "three", "twenty-four", "a", "a few" (-1), "several" (-1). */
        Num number(int j) {
            String x = w(j);
            if (x.equals("a") || x.equals("an") || x.equals("one")) {
                if (w(j + 1).equals("couple") && w(j + 2).equals("of")) {
                    return new Num(2, j + 3);
                }
                if (w(j + 1).equals("few")) {
                    return new Num(-1, j + 2);
                }
                if (w(j + 1).equals("dozen")) {
                    return new Num(12, j + 2);
                }
                if (w(j + 1).equals("hundred")) {
                    return new Num(100, j + 2);
                }
                if (w(j + 1).equals("half") && UNITS.containsKey(w(j + 2))) {
                    return new Num(0, j + 2, true); // "a half hour"
                }
                return new Num(1, j + 1);
            }
            if ((x.equals("hundreds") || x.equals("thousands") || x.equals("dozens")) && w(j + 1).equals("of")) {
                return new Num(-1, j + 2);
            }
            if (x.equals("couple") && w(j + 1).equals("of")) {
                return new Num(2, j + 2);
            }
            if (x.equals("several") || x.equals("few") || x.equals("many") || x.equals("some")) {
                return new Num(-1, j + 1);
            }
            if (x.equals("half") && (w(j + 1).equals("a") || w(j + 1).equals("an")) && UNITS.containsKey(w(j + 2))) {
                return new Num(0, j + 2, true); // "half an hour"
            }
            var mixed = MIXED_HALF.matcher(x);
            if (mixed.matches()) {
                return new Num(Integer.parseInt(mixed.group(1)), j + 1, true); // "2 1/2"
            }
            if (DIGITS.matcher(x).matches()) {
                String digits = x.replace(",", "");
                if (digits.length() > 9) {
                    return null; // "7,510,890,000" is an amount, never a count of days or years (nor an int)
                }
                int v = Integer.parseInt(digits);
                int e = j + 1;
                if (w(e).equals("-") && UNITS.containsKey(w(e + 1))) {
                    e++;
                }
                return andAHalf(v, e);
            }
            Integer v = NUMBERS.get(x);
            if (v == null) {
                return null;
            }
            int e = j + 1;
            if (v >= 20 && v % 10 == 0) {
                int sk = w(e).equals("-") ? e + 1 : e;
                Integer o = NUMBERS.get(w(sk));
                if (o != null && o > 0 && o < 10) {
                    v += o;
                    e = sk + 1;
                }
            }
            if (w(e).equals("hundred")) {
                v *= 100;
                e++;
            } else if (w(e).equals("thousand")) {
                v *= 1000;
                e++;
            }
            if (w(e).equals("-") && UNITS.containsKey(w(e + 1))) {
                e++;
            }
            return andAHalf(v, e);
        }

        /** "two and a half (years)": the count with its half, when a unit follows. */
        private Num andAHalf(int v, int e) {
            if (w(e).equals("and") && w(e + 1).equals("a") && w(e + 2).equals("half") && UNITS.containsKey(w(e + 3))) {
                return new Num(v, e + 3, true);
            }
            return new Num(v, e);
        }

        /** "three months" (DURATION), "two days ago", "a year earlier", "five-year", "several years", "years". */
        Mention quantity(int j) {
            int k = j;
            boolean article = false;
            if (w(k).equals("the") || w(k).equals("a") && number(k + 1) != null && !UNITS.containsKey(w(k + 1))) {
                article = true;
                k++;
            }
            Num num = number(k);
            int u;
            int n;
            if (num == null) {
                if (article || !UNITS.containsKey(w(k)) || !w(k).endsWith("s") || UNITS.get(w(k)) == Unit.QUARTER) {
                    return null;
                }
                if (k > 0 && (s.token(k - 1).pos().equals("CD") || DIGITS.matcher(w(k - 1)).matches()
                        || NUMBERS.containsKey(w(k - 1)))) {
                    return null; // "52 years old": the count was already refused
                }
                // bare plural: "for years", "weeks"
                u = k;
                n = -1;
            } else {
                u = num.end;
                n = num.n;
                if (n == 0 && !num.half()) {
                    return null;
                }
            }
            if (num != null && (w(u).equals("to") || w(u).equals("or")) && number(u + 1) != null
                    && UNITS.containsKey(w(number(u + 1).end))) {
                u = number(u + 1).end; // a range: the lower bound stands
            }
            while (UNIT_ADJECTIVES.contains(w(u)) && UNITS.containsKey(w(u + 1))) {
                u++;
            }
            Unit unit = UNITS.get(w(u));
            if (unit == null || unit == Unit.WEEKEND) {
                return null;
            }
            if (unit == Unit.QUARTER && w(u + 1).equals("of")) {
                return null; // "three-quarters of its food"
            }
            if (n == -2) {
                n = -1;
            }
            int e = u;
            boolean half = num != null && num.half();
            if (w(e + 1).equals("and") && w(e + 2).equals("a") && w(e + 3).equals("half")) {
                half = true; // "a minute and a half"
                e += 3;
            }
            boolean roughly = false;
            if (w(e + 1).equals("or") && w(e + 2).equals("so")
                    && (w(e + 3).equals("ago") || w(e + 3).equals("earlier") || w(e + 3).equals("later"))) {
                roughly = true; // "a week or so ago"
                e += 2;
            }
            String post = w(e + 1);
            if (post.equals("ago") || post.equals("earlier") || post.equals("later") || post.equals("before")
                    || post.equals("after") || post.equals("hence") || post.equals("from") && w(e + 2).equals("now")) {
                boolean closes = !(post.equals("before") || post.equals("after")) || endsPhrase(e + 2);
                if (closes && !article && n != 0 && !half) {
                    int shift = post.equals("ago") || post.equals("earlier") || post.equals("before") ? -n : n;
                    boolean deictic = post.equals("ago") || post.equals("from") || post.equals("hence");
                    int end = post.equals("from") ? e + 2 : e + 1;
                    if (n < 0) {
                        boolean back = post.equals("ago") || post.equals("earlier") || post.equals("before");
                        String ref = back ? "PAST_REF" : "FUTURE_REF";
                        return m(j, end, "DATE", Spec.value(Kind.REF, ref));
                    }
                    Spec sp = Spec.shift(deictic ? Kind.DEICTIC : Kind.ANAPHORIC, unit, shift);
                    if (unit == Unit.YEAR && shift == -1) {
                        sp = new Spec(sp.kind(), 0, 0, 0, -1, unit, "CMP", "");
                    }
                    return new Mention(j, end, "DATE", sp, roughly ? "APPROX" : "");
                }
            }
            if (article && !w(j).equals("the")) {
                return null;
            }
            if (w(j).equals("a") || w(j).equals("an") || w(j).equals("per")) {
                String before = w(j - 1);
                String pos = j > 0 ? s.token(j - 1).pos() : "";
                if (pos.equals("NNS") || pos.equals("CD")) {
                    return null; // "four flights a week": a rate
                }
                if (before.equals("once") || before.equals("twice") || before.equals("times") || before.equals("%")
                        || before.equals("percent") || before.equals("million") || before.equals("billion")
                        || before.equals("cents") || before.equals("dollars") || DIGITS.matcher(before).matches()) {
                    return null;
                }
            }
            if (num == null && w(k - 1).equals("the")) {
                return null;
            }
            // "a three-year period"
            if ((w(e + 1).equals("period") || w(e + 1).equals("span") || w(e + 1).equals("stretch"))
                    && w(j).equals("a")) {
                e++;
            }
            if (w(e + 1).equals("or") && w(e + 2).equals("so")) {
                e += 2;
            }
            if (w(e + 1).equals("old") && num != null) {
                return null; // ages are not times
            }
            if (n == 1 && e == u && unit == Unit.DAY && (w(j).equals("one") || w(j).equals("some"))
                    && (MODALS.contains(w(j - 1)) || MODALS.contains(w(j - 2)) && s.token(j - 1).pos().startsWith("RB"))) {
                return m(j, e, "DATE", Spec.value(Kind.REF, "FUTURE_REF")); // "Islam will one day be …"
            }
            return m(j, e, "DURATION", Spec.value(Kind.DURATION, half ? durationAndAHalf(n, unit) : duration(n, unit)));
        }

        boolean endsPhrase(int k) {
            String x = w(k);
            return x.isEmpty() || x.equals(",") || x.equals(".") || x.equals(";") || x.equals("and") || x.equals("''")
                    || x.equals("\"") || x.equals(")") || x.equals("--") || x.equals("when") || x.equals("that");
        }

        /** "third quarter", "the third-quarter", "the quarter", "the latest quarter", "the year-ago quarter". */
        Mention quarter(int j) {
            int k = j;
            boolean the = false;
            if (w(k).equals("the")) {
                the = true;
                k++;
            }
            int yearShift = Integer.MIN_VALUE;
            if ((w(k).equals("this") || w(k).equals("last") || w(k).equals("next")) && w(k + 1).equals("year")
                    && w(k + 2).equals("'s")) {
                yearShift = w(k).equals("this") ? 0 : w(k).equals("last") ? -1 : 1;
                k += 3;
            }
            if (w(k).equals("fiscal")) {
                k++;
            }
            int year = year(k);
            if (year > 0 && !w(k + 1).equals("-")) {
                k++;
            } else {
                year = 0;
            }
            if (w(k).equals("fiscal")) {
                k++;
            }
            String x = w(k);
            int q = 0;
            boolean half = false;
            int e;
            if (the && (x.equals("comparable") || x.equals("corresponding") || x.equals("same") || x.equals("like"))) {
                k++;
                x = w(k);
                if ((x.equals("period") || x.equals("quarter")) && (relYear(k + 1) == -1 || w(k + 1).equals("a")
                        && w(k + 2).equals("year") && (w(k + 3).equals("ago") || w(k + 3).equals("earlier")))) {
                    int end = relYear(k + 1) == -1 ? k + 2 : k + 3;
                    return m(j, end, "DATE", Spec.shift(Kind.ANAPHORIC, Unit.YEAR, -1).withTime("Q"));
                }
            }
            if (x.equals("year-ago") || x.equals("year-earlier") || x.equals("year") && w(k + 1).equals("-")
                    && (w(k + 2).equals("ago") || w(k + 2).equals("earlier"))) {
                int after = x.equals("year") ? k + 3 : k + 1;
                String head = w(after);
                Spec ago = Spec.shift(Kind.ANAPHORIC, Unit.YEAR, -1).withTime("Q");
                if (head.equals("quarter") || head.equals("period")) {
                    return m(j, after, "DATE", ago);
                }
                Integer o = ORDINALS.get(head);
                if (o != null && o <= 4 && (w(after + 1).equals("quarter")
                        || w(after + 1).equals("-") && w(after + 2).equals("quarter"))) {
                    int end = w(after + 1).equals("-") ? after + 2 : after + 1;
                    return m(j, end, "DATE", Spec.shift(Kind.ANAPHORIC, Unit.YEAR, -1).withTime("Q" + o));
                }
                Num num = number(after);
                if (num != null && num.n > 0 && UNITS.get(w(num.end)) == Unit.MONTH) {
                    return m(j, num.end, "DURATION", Spec.value(Kind.DURATION, duration(num.n, Unit.MONTH)));
                }
                return m(j, after - 1, "DATE", ago);
            }
            Integer ord = ORDINALS.get(x);
            if (x.equals("last") && (w(k + 1).equals("half") || w(k + 1).equals("-") && w(k + 2).equals("half"))) {
                ord = 2;
            }
            if (ord == null) {
                var od = ORDINAL_DIGITS.matcher(x);
                if (od.matches()) {
                    ord = Integer.parseInt(od.group(1));
                }
            }
            if (ord != null) {
                e = k + 1;
                if (w(e).equals("-")) {
                    e++;
                }
                if (w(e).equals("quarter") && ord <= 4) {
                    q = ord;
                } else if (w(e).equals("half") && ord <= 2) {
                    q = ord;
                    half = true;
                } else {
                    return null;
                }
            } else if (x.equals("quarter") && the) {
                e = k;
            } else if ((x.equals("latest") || x.equals("current") || x.equals("same") || x.equals("recent"))
                    && (w(k + 1).equals("quarter") || x.equals("latest") && w(k + 1).equals("period"))) {
                e = k + 1;
            } else {
                return null;
            }
            if (year == 0 && w(e + 1).equals("of") && year(e + 2) > 0) {
                year = year(e + 2);
                e += 2;
            } else if (year == 0 && year(e + 1) > 0 && !w(e + 2).equals("-")) {
                year = year(e + 1);
                e += 1;
            }
            if (q == 0 && w(e + 1).equals("a") && w(e + 2).equals("year")
                    && (w(e + 3).equals("ago") || w(e + 3).equals("earlier"))) {
                return m(j, e + 3, "DATE", Spec.shift(Kind.ANAPHORIC, Unit.YEAR, -1).withTime("Q"));
            }
            if (yearShift != Integer.MIN_VALUE) {
                Spec sp = new Spec(half ? Kind.HALF : Kind.QUARTER, q, 0, yearShift, 1, null, "", "");
                return m(j, e, "DATE", sp);
            }
            if (year > 0 && q > 0) {
                return m(j, e, "DATE", Spec.absolute(year + (half ? "-H" : "-Q") + q, half ? Unit.HALF : Unit.QUARTER));
            }
            return m(j, e, "DATE", Spec.of(half ? Kind.HALF : Kind.QUARTER, q, year, 0));
        }

        /** "summer", "the summer of 1990", "summer 2023". Relative forms ("last summer") are in deictic(). */
        Mention season(int j, int unused) {
            int k = j;
            if (w(k).equals("the")) {
                k++;
            }
            Integer se = SEASONS.get(w(k));
            if (se == null) {
                return null;
            }
            if (w(k).equals("fall") && !(w(k - 1).equals("the") || w(k - 1).equals("this") || w(k - 1).equals("last")
                    || w(k - 1).equals("next") || year(k + 1) > 0 || MONTH_CUES.contains(w(j - 1)) && !w(j - 1).equals("to"))) {
                return null; // "fall" is mostly the verb
            }
            int y = year(k + 1);
            int e = k;
            if (y > 0) {
                e = k + 1;
            } else if (w(k + 1).equals("of") && year(k + 2) > 0) {
                y = year(k + 2);
                e = k + 2;
            } else if (w(k + 1).equals("of") && (w(k + 2).equals("nineteen") || w(k + 2).equals("eighteen"))
                    && spokenYear(k + 2) != null) {
                Mention spoken = spokenYear(k + 2); // "the winter of nineteen ninety-four"
                y = Integer.parseInt(spoken.spec().value());
                e = spoken.last();
            }
            String[] code = {"SP", "SU", "FA", "WI"};
            if (y > 0) {
                return m(j, e, "DATE", Spec.absolute(y + "-" + code[se], Unit.SEASON));
            }
            return m(j, e, "DATE", Spec.of(Kind.SEASON, se, 0, 0));
        }

        /** "now", "currently", "recently", "soon", "the future", "in the coming days" (the latter in deictic). */
        Mention reference(int j) {
            String x = w(j);
            switch (x) {
                case "now", "currently", "nowadays" -> {
                    return m(j, j, "DATE", Spec.value(Kind.REF, "PRESENT_REF"));
                }
                case "current" -> {
                    if (UNITS.containsKey(w(j + 1)) || w(j + 1).equals("fiscal")) {
                        return null; // "the current year": deictic()
                    }
                    Token t = s.token(j);
                    if (!t.pos().isEmpty() && !t.pos().equals("JJ")) {
                        return null;
                    }
                    if (w(j + 1).equals("account") || w(j + 1).equals("accounts") || w(j + 1).equals("events")
                            || w(j + 1).equals("affairs") || w(j + 1).equals("assets") || w(j + 1).equals("liabilities")) {
                        return null;
                    }
                    return m(j, j, "DATE", Spec.value(Kind.REF, "PRESENT_REF"));
                }
                case "recently", "lately" -> {
                    int first = j;
                    if (w(j - 1).equals("more") || w(j - 1).equals("most") || w(j - 1).equals("very")
                            || w(j - 1).equals("until") && x.equals("recently")) {
                        first = w(j - 1).equals("until") ? j : j - 1;
                    }
                    return m(first, j, "DATE", Spec.value(Kind.REF, "PAST_REF"));
                }
                case "recent" -> {
                    Unit u = UNITS.get(w(j + 1));
                    if (u != null && w(j + 1).endsWith("s")) {
                        if (u == Unit.YEAR) {
                            return m(j, j + 1, "DATE", Spec.value(Kind.REF, "PAST_REF"));
                        }
                        return m(j, j + 1, "DURATION", Spec.value(Kind.DURATION, duration(-1, u)));
                    }
                    return m(j, j, "DATE", Spec.value(Kind.REF, "PAST_REF"));
                }
                case "soon", "shortly" -> {
                    if (w(j + 1).equals("after") || w(j + 1).equals("before") || w(j + 1).equals("as")) {
                        return null;
                    }
                    return m(j, j, "DATE", Spec.value(Kind.REF, "FUTURE_REF"));
                }
                case "the" -> {
                    int k = j + 1;
                    if (w(k).equals("near") || w(k).equals("foreseeable") || w(k).equals("distant")) {
                        k++;
                    }
                    if (w(k).equals("future") && !w(k + 1).equals("of")) {
                        // "the future of the US forces" is a topic, not a time
                        return m(j, k, "DATE", Spec.value(Kind.REF, "FUTURE_REF"));
                    }
                    if ((w(k).equals("days") || w(k).equals("weeks") || w(k).equals("months") || w(k).equals("years"))
                            && w(k + 1).equals("ahead")) {
                        Unit u = UNITS.get(w(k));
                        return m(j, k + 1, "DATE", Spec.value(Kind.REF, "FUTURE_REF").withTime(u.name()));
                    }
                    if ((w(j + 1).equals("near") || w(j + 1).equals("short") || w(j + 1).equals("long"))
                            && w(j + 2).equals("term") && endsPhrase(j + 3)) {
                        return m(j, j + 2, "DATE", Spec.value(Kind.REF, "FUTURE_REF")); // "in the near term"
                    }
                    return null;
                }
                case "a" -> {
                    if ((w(j + 1).equals("later") || w(j + 1).equals("future")) && w(j + 2).equals("date")) {
                        return m(j, j + 2, "DATE", Spec.value(Kind.REF, "FUTURE_REF")); // "at a later date"
                    }
                    return null;
                }
                case "as" -> {
                    if (w(j + 1).equals("soon") && w(j + 2).equals("as") && w(j + 3).equals("possible")) {
                        return m(j, j + 3, "DATE", Spec.value(Kind.REF, "FUTURE_REF"));
                    }
                    return null;
                }
                case "someday" -> {
                    return m(j, j, "DATE", Spec.value(Kind.REF, "FUTURE_REF"));
                }
                case "future" -> {
                    Unit u = UNITS.get(w(j + 1));
                    if (u != null) {
                        return m(j, j + 1, "DATE", Spec.value(Kind.REF, "FUTURE_REF").withTime(u.name()));
                    }
                    Token t = s.token(j);
                    boolean adjective = t.pos().isEmpty() ? LOWER_WORD.matcher(w(j + 1)).matches() && !w(j + 1).equals("of")
                            : t.pos().equals("JJ");
                    if (w(j - 1).equals("in") || adjective && !w(j - 1).equals("the")) {
                        return m(j, j, "DATE", Spec.value(Kind.REF, "FUTURE_REF"));
                    }
                    return null;
                }
                case "present" -> {
                    if (w(j - 1).equals("at") && endsPhrase(j + 1)) {
                        return m(j, j, "DATE", Spec.value(Kind.REF, "PRESENT_REF"));
                    }
                    return null;
                }
                case "earlier" -> {
                    if (j == 0 && w(j + 1).equals(",")) {
                        return m(j, j, "DATE", Spec.value(Kind.REF, "PAST_REF"));
                    }
                    return null;
                }
                default -> {
                    return null;
                }
            }
        }

        /** "10 a.m.", "10:30 p.m. EST", "noon", "midnight", optionally followed by a day: "10 p.m. Wednesday". */
        Mention clock(int j) {
            Mention c = clockOnly(j);
            if (c == null) {
                return null;
            }
            int e = c.last();
            if (TIME_ZONES.contains(w(e + 1))) {
                e++;
            } else if (w(e + 1).equals("local") && w(e + 2).equals("time")) {
                e += 2;
            }
            int k = e + 1;
            if (w(k).equals(",") || w(k).equals("on")) {
                k++;
            }
            Mention day = null;
            Integer d = WEEKDAYS.get(w(k));
            if (d != null && s.token(k).isCapitalized()) {
                day = m(k, k, "DATE", Spec.of(Kind.WEEKDAY, d, 0, 0));
            } else if (w(k).equals("today") || w(k).equals("yesterday") || w(k).equals("tomorrow")) {
                day = dayWord(k);
            } else if (month(k) > 0) {
                day = monthFirst(k);
                if (day != null && day.spec().kind() != Kind.MONTH_DAY && day.spec().unit() != Unit.DAY) {
                    day = null;
                }
            }
            if (day != null && day.type().equals("DATE")) {
                return m(j, day.last(), "TIME", day.spec().withTime(c.spec().timeOfDay()));
            }
            return m(j, e, "TIME", c.spec());
        }

        Mention clockOnly(int j) {
            String x = w(j);
            if (x.equals("noon") || x.equals("midday")) {
                return m(j, j, "TIME", Spec.of(Kind.TIME_ONLY, 0, 0, 0).withTime("T12:00"));
            }
            String part = MID_PARTS_OF_DAY.get(x);
            if (part != null) {
                return m(j, j, "TIME", Spec.of(Kind.TIME_ONLY, 0, 0, 0).withTime(part)); // "mid-afternoon"
            }
            if (x.equals("mid") && PARTS_OF_DAY.containsKey(w(j + 1)) && !w(j + 1).equals("overnight")) {
                return m(j, j + 1, "TIME", Spec.of(Kind.TIME_ONLY, 0, 0, 0).withTime(PARTS_OF_DAY.get(w(j + 1))));
            }
            if (x.equals("midnight")) {
                return m(j, j, "TIME", Spec.of(Kind.TIME_ONLY, 0, 0, 0).withTime("T24:00"));
            }
            int h;
            int min = 0;
            var cm = CLOCK.matcher(x);
            if (cm.matches()) {
                h = Integer.parseInt(cm.group(1));
                min = Integer.parseInt(cm.group(2));
            } else if (SMALL_NUMBER.matcher(x).matches()) {
                h = Integer.parseInt(x);
            } else {
                Integer v = NUMBERS.get(x);
                if (v == null || v > 12) {
                    return null;
                }
                h = v;
            }
            if (h > 24 || min > 59) {
                return null;
            }
            String ampm = w(j + 1);
            int e = j + 1;
            if (ampm.equals("a.m.") || ampm.equals("am") || ampm.equals("a.m")) {
                if (h == 12) {
                    h = 0;
                }
            } else if (ampm.equals("p.m.") || ampm.equals("pm") || ampm.equals("p.m")) {
                if (h < 12) {
                    h += 12;
                }
            } else if (ampm.equals("o'clock")) {
                // as written
            } else if (cm.matches() && x.contains(":") && (w(j - 1).equals("at") || TIME_ZONES.contains(ampm))) {
                e = j;
            } else {
                return null;
            }
            if (e == j + 1 && (ampm.endsWith(".") || ampm.equals("am") || ampm.equals("pm"))) {
                // "p.m." can swallow the sentence's full stop: nothing to do, tokens keep their own offsets
            }
            return m(j, e, "TIME", Spec.of(Kind.TIME_ONLY, 0, 0, 0).withTime(String.format("T%02d:%02d", h, min)));
        }

        /** "every week", "each Thursday", "daily", "twice a year" (only "every"/"each" and the -ly words). */
        Mention set(int j) {
            String x = w(j);
            switch (x) {
                case "daily" -> {
                    return m(j, j, "SET", Spec.value(Kind.SET, "P1D"));
                }
                case "weekly" -> {
                    return m(j, j, "SET", Spec.value(Kind.SET, "P1W"));
                }
                case "monthly" -> {
                    return m(j, j, "SET", Spec.value(Kind.SET, "P1M"));
                }
                case "yearly" -> {
                    return m(j, j, "SET", Spec.value(Kind.SET, "P1Y"));
                }
                case "hourly" -> {
                    return m(j, j, "SET", Spec.value(Kind.SET, "PT1H"));
                }
                case "every", "each" -> {
                    int k = j + 1;
                    int n = 1;
                    if (w(k).equals("other")) {
                        n = 2;
                        k++;
                    }
                    Num num = number(k);
                    if (num != null && num.n > 1 && x.equals("every")) {
                        n = num.n;
                        k = num.end;
                    }
                    Unit u = UNITS.get(w(k));
                    if (u != null && !u.clock() || u != null && x.equals("every")) {
                        if (u == Unit.WEEKEND) {
                            return m(j, k, "SET", Spec.value(Kind.SET, "XXXX-WXX-WE"));
                        }
                        return m(j, k, "SET", Spec.value(Kind.SET, duration(n, u)));
                    }
                    Integer d = WEEKDAYS.get(w(k));
                    if (d != null) {
                        String tod = PARTS_OF_DAY.get(w(k + 1));
                        return m(j, tod != null ? k + 1 : k, "SET", Spec.value(Kind.SET, "XXXX-WXX-" + d + (tod != null ? tod : "")));
                    }
                    Integer mo = MONTHS.get(w(k));
                    if (mo != null && s.token(k).isCapitalized()) {
                        return m(j, k, "SET", Spec.value(Kind.SET, String.format("XXXX-%02d", mo)));
                    }
                    String tod = PARTS_OF_DAY.get(w(k));
                    if (tod != null) {
                        return m(j, k, "SET", Spec.value(Kind.SET, "XXXX-XX-XX" + tod));
                    }
                    return null;
                }
                default -> {
                    return null;
                }
            }
        }

        /**
         * "the year" (this year, or a year-long period when "ended"/"ending" follows or it is a fiscal year),
         * "the full year", "the fiscal year", "the weekend", "year-end", "the 1988 period".
         */
        Mention yearNoun(int j) {
            int k = j;
            if (w(k).equals("year-end") || w(k).equals("year") && (w(k + 1).equals("end") || w(k + 1).equals("-")
                    && w(k + 2).equals("end"))) {
                int e = w(k).equals("year-end") ? k : w(k + 1).equals("end") ? k + 1 : k + 2;
                return new Mention(j, e, "DATE", Spec.shift(Kind.DEICTIC, Unit.YEAR, 0), "LATE");
            }
            if (w(k).equals("year") && w(k + 1).equals("'s") && w(k + 2).equals("end")) {
                return new Mention(j, k + 2, "DATE", Spec.shift(Kind.DEICTIC, Unit.YEAR, 0), "LATE");
            }
            if (!w(k).equals("the")) {
                return null;
            }
            k++;
            if (year(k) > 0 && (w(k + 1).equals("period") || w(k + 1).equals("quarter"))) {
                return m(j, k + 1, "DATE", Spec.of(Kind.QUARTER, 0, year(k), 1));
            }
            boolean fiscal = false;
            if (w(k).equals("full") || w(k).equals("calendar") || w(k).equals("fiscal") || w(k).equals("entire")
                    || w(k).equals("whole")) {
                fiscal = w(k).equals("fiscal");
                k++;
                if (w(k).equals("fiscal")) {
                    fiscal = true;
                    k++;
                }
            }
            if (w(k).equals("weekend") && k == j + 1) {
                return m(j, k, "DATE", Spec.shift(Kind.DEICTIC, Unit.WEEKEND, 0));
            }
            if (!w(k).equals("year")) {
                return null;
            }
            String next = w(k + 1);
            if (next.equals("ended") || next.equals("ending") || next.equals("through") || next.equals("to")
                    || w(j - 1).equals("for") && fiscal) {
                return m(j, k, "DURATION", Spec.value(Kind.DURATION, "P1Y"));
            }
            if (next.equals("before") || next.equals("after") || next.equals("earlier") || next.equals("later")) {
                return null;
            }
            return m(j, k, "DATE", Spec.shift(Kind.DEICTIC, Unit.YEAR, 0));
        }

        /** Years read out: "nineteen ninety-six", "the year two thousand", "two thousand and one". */
        Mention spokenYear(int j) {
            int k = j;
            if (w(k).equals("the") && w(k + 1).equals("year")) {
                k += 2;
            }
            int y;
            int e;
            if (w(k).equals("nineteen") || w(k).equals("eighteen")) {
                Integer tens = NUMBERS.get(w(k + 1));
                if (tens == null || tens < 10) {
                    return null;
                }
                y = (w(k).equals("nineteen") ? 1900 : 1800) + tens;
                e = k + 1;
                int sk = w(e + 1).equals("-") ? e + 2 : e + 1;
                Integer ones = NUMBERS.get(w(sk));
                if (tens >= 20 && tens % 10 == 0 && ones != null && ones > 0 && ones < 10) {
                    y += ones;
                    e = sk;
                }
            } else if (w(k).equals("two") && w(k + 1).equals("thousand") && k > j) {
                y = 2000;
                e = k + 1;
            } else {
                return null;
            }
            return m(j, e, "DATE", Spec.absolute(Integer.toString(y), Unit.YEAR));
        }

        /** "the week of March 6": the week containing that day. */
        Mention weekOf(int j) {
            if (!(w(j).equals("the") && w(j + 1).equals("week") && w(j + 2).equals("of"))) {
                return null;
            }
            Mention day = month(j + 3) > 0 ? monthFirst(j + 3) : dayFirst(j + 3);
            if (day == null) {
                return null;
            }
            Spec sp = day.spec();
            if (sp.kind() == Kind.MONTH_DAY) {
                return m(j, day.last(), "DATE", new Spec(Kind.MONTH_DAY, sp.a(), sp.b(), sp.c(), 0, Unit.WEEK, "", ""));
            }
            if (sp.kind() == Kind.ABSOLUTE && sp.unit() == Unit.DAY) {
                java.time.LocalDate d = java.time.LocalDate.parse(sp.value());
                return m(j, day.last(), "DATE", Spec.absolute(Normalizer.format(d, Unit.WEEK), Unit.WEEK));
            }
            return null;
        }

        /** Named days ({@link Holidays}): "Christmas", "last Thanksgiving", "Easter 1998", "New Year's Eve". */
        Mention holiday(int j) {
            int k = j;
            int rel = switch (w(k)) {
                case "last" -> -1;
                case "next" -> 1;
                case "this" -> 2;
                default -> 0;
            };
            if (rel != 0) {
                k++;
            }
            if (k >= size || !s.token(k).isCapitalized()) {
                return null;
            }
            int[] h = Holidays.match(w, k);
            if (h == null) {
                return null;
            }
            int e = h[1];
            int y = 0;
            if (rel == 0 && year(e + 1) > 0) {
                y = year(++e);
            } else if (rel == 0 && (w(e + 1).equals(",") || w(e + 1).equals("of")) && year(e + 2) > 0) {
                e += 2;
                y = year(e);
            }
            return m(j, e, "DATE", new Spec(Kind.HOLIDAY, h[0], rel, y, 0, null, "", ""));
        }

        private Mention withClock(int first, int last, Spec sp) {
            return dayWithTime(first, last, sp);
        }
    }

    /** "2 1/2 years" P2Y6M, "an hour and a half" PT1H30M, "half an hour" PT30M (n = 0). */
    static String durationAndAHalf(int n, Unit u) {
        if (n < 0) {
            return duration(n, u);
        }
        String whole = n == 0 ? "" : n + u.durationLetter;
        return switch (u) {
            case YEAR -> "P" + whole + "6M";
            case MONTH -> "P" + whole + "15D";
            case WEEK -> "P" + (7 * n + 3) + "DT12H";
            case DAY -> "P" + whole + "T12H";
            case HOUR -> "PT" + whole + "30M";
            case MINUTE -> "PT" + whole + "30S";
            case DECADE -> "P" + (10 * n + 5) + "Y";
            case CENTURY -> "P" + (100 * n + 50) + "Y";
            default -> duration(n, u);
        };
    }

    /** TimeML duration value: P3M, PT2H, PXY when the count is unknown. */
    static String duration(int n, Unit u) {
        String count = n < 0 ? "X" : Integer.toString(n);
        if (u == Unit.WEEKEND) {
            return "P" + (n < 0 ? "X" : Integer.toString(2 * n)) + "D";
        }
        return (u.clock() ? "PT" : "P") + count + u.durationLetter;
    }
}
