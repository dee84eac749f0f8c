package org.khaldun.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The series, aggregate and network answers' table: event counts and Goldstein sums pre-aggregated by day and by
 * every column an {@link EventQuery} filters on (actor and recipient codes, countries and sectors, location country,
 * CAMEO code and root, PLOVER type, quad class, source kind, codebook, fact flag), kept in memory beside the store.
 *
 * <p>Why: a dyad series, a year's aggregate or a month's network is a GROUP BY over the events table; at a million
 * events DuckDB needs ~0.1–0.3 s of CPU for each, seconds under concurrency. This table has one row per distinct
 * combination (478,309 rows for the 1 M-event benchmark store, whose synthetic dates spread dyads thinly; real
 * corpora collapse more), dictionary-encoded in int arrays sorted by date, so a query is a scan of a few
 * milliseconds (a date range only looks at its days) with the SQL's filters evaluated one for one.
 *
 * <p>The database is the truth: the table is built from the events table when the store opens (one GROUP BY over
 * narrow columns, seconds at a million events) and then follows every committed ingest and recode (a recode adds
 * its old events with negative counts). Nothing is written to disk, so it cannot go stale across a crash.
 *
 * <p>Goldstein sums are kept exactly, in tenths (the Goldstein scale has one decimal); a store holding a value that
 * is not a whole tenth is answered by SQL ({@link #answers}). Readers see immutable snapshots; one writer at a time
 * (the store's write lock) appends.
 */
final class EventCube {

    // the fields of a row, in the int array
    private static final int DATE = 0;
    private static final int A_CODE = 1;
    private static final int A_CODES = 2;
    private static final int A_MULTI = 3;
    private static final int R_CODE = 4;
    private static final int R_CODES = 5;
    private static final int R_MULTI = 6;
    private static final int A_COUNTRY = 7;
    private static final int R_COUNTRY = 8;
    private static final int L_COUNTRY = 9;
    private static final int A_SECTOR = 10;
    private static final int R_SECTOR = 11;
    private static final int CAMEO = 12;
    private static final int ROOT = 13;
    private static final int TYPE = 14;
    private static final int QUAD = 15;
    private static final int KIND = 16;
    private static final int CODEBOOK = 17;
    private static final int FACT = 18;
    private static final int W = 19;

    /** The delta is folded into the date-sorted base once it holds this many rows. */
    private static final int MAX_DELTA = 100_000;

    /** One event's (or one group of events') row: the filter columns, how many events, their Goldstein sum. */
    record Fact(LocalDate date, String actorCode, String actorCodes, boolean actorMulti, String recipientCode,
                String recipientCodes, boolean recipientMulti, String actorCountry, String recipientCountry,
                String locCountry, String actorSector, String recipientSector, String cameoCode, String cameoRoot,
                String eventType, int quadClass, String sourceKind, String codebook, boolean fact, long count,
                long goldsteinTenths) {

        static Fact of(StoredEvent e, int actorN, int recipientN, String cameoRoot, boolean fact, int sign) {
            return new Fact(e.date(), e.actorCode(), e.actorCodes(), actorN > 1, e.recipientCode(), e.recipientCodes(),
                    recipientN > 1, e.actorCountry(), e.recipientCountry(),
                    e.location().map(Location::countryCode).orElse(null), e.actorSector(), e.recipientSector(),
                    e.cameoCode(), cameoRoot, e.eventType(), e.quadClass(), e.sourceKind(), e.codebook(), fact, sign,
                    sign * tenths(e.goldstein()));
        }
    }

    /** The SQL grouping of the events table into facts (followed by FROM and a WHERE of the caller's). */
    static final String FACT_SELECT = "SELECT date, actor_code, actor_codes, actor_n > 1, recipient_code,"
            + " recipient_codes, recipient_n > 1, actor_country, recipient_country, loc_country, actor_sector,"
            + " recipient_sector, cameo_code, cameo_root, event_type, quad_class, source_kind, codebook, fact,"
            + " count(*), sum(CAST(round(goldstein * 10) AS BIGINT)),"
            + " bool_and(abs(goldstein * 10 - round(goldstein * 10)) < 1e-6) FROM events";
    static final String FACT_GROUP = " GROUP BY ALL";

    /** Reads facts from a statement whose columns are {@link #FACT_SELECT}'s; false when a value is no tenth. */
    static boolean readFacts(PreparedStatement ps, int sign, List<Fact> out) throws SQLException {
        boolean exact = true;
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(new Fact(rs.getObject(1, LocalDate.class), rs.getString(2), rs.getString(3), rs.getBoolean(4),
                        rs.getString(5), rs.getString(6), rs.getBoolean(7), rs.getString(8), rs.getString(9),
                        rs.getString(10), rs.getString(11), rs.getString(12), rs.getString(13), rs.getString(14),
                        rs.getString(15), rs.getInt(16), rs.getString(17), rs.getString(18), rs.getBoolean(19),
                        sign * rs.getLong(20), sign * rs.getLong(21)));
                exact &= rs.getBoolean(22);
            }
        }
        return exact;
    }

    static long tenths(double goldstein) {
        return Math.round(goldstein * 10);
    }

    static boolean isTenth(double goldstein) {
        return Math.abs(goldstein * 10 - Math.rint(goldstein * 10)) < 1e-6;
    }

    /** An immutable view: the dictionary, the date-sorted base and the delta up to the lengths it was taken at. */
    private record Snapshot(String[] dict, int dictSize, int[] base, long[] baseN, long[] baseG, int baseRows,
                            int[] delta, long[] deltaN, long[] deltaG, int deltaRows, boolean exact) {
    }

    private volatile Snapshot current;
    // the writer's state (under the store's write lock)
    private final Map<String, Integer> ids = new HashMap<>();
    private String[] dict = new String[256];
    private int dictSize;
    private int[] delta = new int[W * 1024];
    private long[] deltaN = new long[1024];
    private long[] deltaG = new long[1024];
    private int deltaRows;

    EventCube() {
        dict[0] = null; // id 0 is SQL NULL (an event without location country)
        dictSize = 1;
        current = new Snapshot(dict, dictSize, new int[0], new long[0], new long[0], 0, delta, deltaN, deltaG, 0, true);
    }

    /** Builds the table from the events table. */
    static EventCube load(Connection c) throws SQLException {
        List<Fact> facts = new ArrayList<>();
        boolean exact;
        try (PreparedStatement ps = c.prepareStatement(FACT_SELECT + FACT_GROUP + " ORDER BY date")) {
            exact = readFacts(ps, 1, facts);
        }
        EventCube cube = new EventCube();
        cube.append(facts, exact);
        // grouped and sorted by date already: the delta becomes the base as it is
        Snapshot d = cube.current;
        cube.current = new Snapshot(d.dict(), d.dictSize(), cube.delta, cube.deltaN, cube.deltaG, cube.deltaRows,
                new int[W * 1024], new long[1024], new long[1024], 0, d.exact());
        cube.delta = new int[W * 1024];
        cube.deltaN = new long[1024];
        cube.deltaG = new long[1024];
        cube.deltaRows = 0;
        return cube;
    }

    /** Whether this table answers the query exactly as SQL would (text and one-a-day need the events). */
    boolean answers(EventQuery q) {
        return current.exact() && q.text().isEmpty() && !q.oneADay();
    }

    /** Adds facts (negative counts take events away) and publishes the result to readers. */
    void apply(List<Fact> facts, boolean exact) {
        append(facts, exact);
        if (deltaRows >= MAX_DELTA) {
            fold();
        }
    }

    private void append(List<Fact> facts, boolean exact) {
        for (Fact f : facts) {
            if (deltaRows == deltaN.length) {
                int cap = deltaRows * 2;
                delta = Arrays.copyOf(delta, cap * W);
                deltaN = Arrays.copyOf(deltaN, cap);
                deltaG = Arrays.copyOf(deltaG, cap);
            }
            int o = deltaRows * W;
            delta[o + DATE] = (int) f.date().toEpochDay();
            delta[o + A_CODE] = id(f.actorCode());
            delta[o + A_CODES] = id(f.actorCodes());
            delta[o + A_MULTI] = f.actorMulti() ? 1 : 0;
            delta[o + R_CODE] = id(f.recipientCode());
            delta[o + R_CODES] = id(f.recipientCodes());
            delta[o + R_MULTI] = f.recipientMulti() ? 1 : 0;
            delta[o + A_COUNTRY] = id(f.actorCountry());
            delta[o + R_COUNTRY] = id(f.recipientCountry());
            delta[o + L_COUNTRY] = id(f.locCountry());
            delta[o + A_SECTOR] = id(f.actorSector());
            delta[o + R_SECTOR] = id(f.recipientSector());
            delta[o + CAMEO] = id(f.cameoCode());
            delta[o + ROOT] = id(f.cameoRoot());
            delta[o + TYPE] = id(f.eventType());
            delta[o + QUAD] = f.quadClass();
            delta[o + KIND] = id(f.sourceKind());
            delta[o + CODEBOOK] = id(f.codebook());
            delta[o + FACT] = f.fact() ? 1 : 0;
            deltaN[deltaRows] = f.count();
            deltaG[deltaRows] = f.goldsteinTenths();
            deltaRows++;
        }
        Snapshot s = current;
        current = new Snapshot(dict, dictSize, s.base(), s.baseN(), s.baseG(), s.baseRows(), delta, deltaN, deltaG,
                deltaRows, s.exact() && exact);
    }

    private int id(String s) {
        if (s == null) {
            return 0;
        }
        Integer id = ids.get(s);
        if (id != null) {
            return id;
        }
        if (dictSize == dict.length) {
            dict = Arrays.copyOf(dict, dictSize * 2);
        }
        dict[dictSize] = s;
        ids.put(s, dictSize);
        return dictSize++;
    }

    /** Folds the delta into a new date-sorted base, merging rows of equal columns and dropping empty ones. */
    private void fold() {
        Snapshot s = current;
        int total = s.baseRows() + deltaRows;
        int[] all = new int[total * W];
        long[] n = new long[total];
        long[] g = new long[total];
        System.arraycopy(s.base(), 0, all, 0, s.baseRows() * W);
        System.arraycopy(s.baseN(), 0, n, 0, s.baseRows());
        System.arraycopy(s.baseG(), 0, g, 0, s.baseRows());
        System.arraycopy(delta, 0, all, s.baseRows() * W, deltaRows * W);
        System.arraycopy(deltaN, 0, n, s.baseRows(), deltaRows);
        System.arraycopy(deltaG, 0, g, s.baseRows(), deltaRows);
        Integer[] order = new Integer[total];
        for (int i = 0; i < total; i++) {
            order[i] = i;
        }
        Comparator<Integer> byColumns = (x, y) -> Arrays.compare(all, x * W, x * W + W, all, y * W, y * W + W);
        Arrays.sort(order, byColumns);
        int[] base = new int[total * W];
        long[] baseN = new long[total];
        long[] baseG = new long[total];
        int rows = 0;
        for (int k = 0; k < total; ) {
            int first = order[k];
            long sumN = 0;
            long sumG = 0;
            int j = k;
            while (j < total && byColumns.compare(first, order[j]) == 0) {
                sumN += n[order[j]];
                sumG += g[order[j]];
                j++;
            }
            if (sumN != 0) {
                System.arraycopy(all, first * W, base, rows * W, W);
                baseN[rows] = sumN;
                baseG[rows] = sumG;
                rows++;
            }
            k = j;
        }
        delta = new int[W * 1024];
        deltaN = new long[1024];
        deltaG = new long[1024];
        deltaRows = 0;
        current = new Snapshot(dict, dictSize, base, baseN, baseG, rows, delta, deltaN, deltaG, 0, s.exact());
    }

    /** Folds the delta into the base now (tests: the fold must not change an answer). */
    void foldNow() {
        fold();
    }

    int rows() {
        Snapshot s = current;
        return s.baseRows() + s.deltaRows();
    }

    // ------------------------------------------------------------------------------------------------ queries

    /** What a scan hands each matching row to: the snapshot, its columns at {@code o}, count and Goldstein tenths. */
    @FunctionalInterface
    private interface Sink {
        void row(int[] cols, int o, long n, long g);
    }

    /** The SQL's WHERE of {@link EventStore}, one for one, on dictionary ids. */
    private static final class Filter {
        final boolean[] actorStart;
        final boolean[] actorMember;
        final boolean[] recipientStart;
        final boolean[] recipientMember;
        final boolean[] country;
        final boolean[] sector;
        final boolean[] cameo;
        final boolean[] type;
        final boolean[] kind;
        final boolean[] codebook;
        final int quad;
        final boolean factsOnly;
        final int from;
        final int to;

        Filter(EventQuery q, String[] dict, int size) {
            actorStart = q.actor().isEmpty() ? null : match(dict, size, s -> s.startsWith(q.actor()));
            actorMember = q.actor().isEmpty() ? null : match(dict, size, s -> s.contains(";" + q.actor()));
            recipientStart = q.recipient().isEmpty() ? null : match(dict, size, s -> s.startsWith(q.recipient()));
            recipientMember = q.recipient().isEmpty() ? null : match(dict, size, s -> s.contains(";" + q.recipient()));
            country = q.country().isEmpty() ? null : match(dict, size, q.country()::equals);
            sector = q.sector().isEmpty() ? null : match(dict, size, q.sector()::equals);
            cameo = q.cameo().isEmpty() ? null : match(dict, size, s -> s.startsWith(q.cameo()));
            type = q.eventType().isEmpty() ? null : match(dict, size, q.eventType()::equals);
            kind = q.sourceKind().isEmpty() ? null : match(dict, size, q.sourceKind()::equals);
            codebook = q.codebook().isEmpty() ? null : match(dict, size, q.codebook()::equals);
            quad = q.quadClass();
            factsOnly = q.factsOnly();
            from = q.from().map(d -> (int) d.toEpochDay()).orElse(Integer.MIN_VALUE);
            to = q.to().map(d -> (int) d.toEpochDay()).orElse(Integer.MAX_VALUE);
        }

        /** Per dictionary id, whether the string satisfies the test (SQL NULL never does). */
        private static boolean[] match(String[] dict, int size, java.util.function.Predicate<String> test) {
            boolean[] out = new boolean[size];
            for (int i = 1; i < size; i++) {
                out[i] = test.test(dict[i]);
            }
            return out;
        }

        boolean accepts(int[] r, int o) {
            if (actorStart != null && !(actorStart[r[o + A_CODE]]
                    || (r[o + A_MULTI] == 1 && actorMember[r[o + A_CODES]]))) {
                return false;
            }
            if (recipientStart != null && !(recipientStart[r[o + R_CODE]]
                    || (r[o + R_MULTI] == 1 && recipientMember[r[o + R_CODES]]))) {
                return false;
            }
            if (country != null && !(country[r[o + A_COUNTRY]] || country[r[o + R_COUNTRY]]
                    || country[r[o + L_COUNTRY]])) {
                return false;
            }
            if (sector != null && !(sector[r[o + A_SECTOR]] || sector[r[o + R_SECTOR]])) {
                return false;
            }
            return (cameo == null || cameo[r[o + CAMEO]])
                    && (type == null || type[r[o + TYPE]])
                    && (quad == 0 || r[o + QUAD] == quad)
                    && (kind == null || kind[r[o + KIND]])
                    && (codebook == null || codebook[r[o + CODEBOOK]])
                    && (!factsOnly || r[o + FACT] == 1);
        }
    }

    private static void scan(Snapshot s, EventQuery q, Sink sink) {
        scan(s, new Filter(q, s.dict(), s.dictSize()), sink);
    }

    private static void scan(Snapshot s, Filter f, Sink sink) {
        scanBase(s, f, f.from, f.to, sink);
        scanDelta(s, f, sink);
    }

    /** The base's rows from day {@code first} to day {@code last} (inclusive) that pass the filter's other tests. */
    private static void scanBase(Snapshot s, Filter f, int first, int last, Sink sink) {
        if (first > last) {
            return;
        }
        // the base is sorted by date first: a date range reads only its days
        int lo = first == Integer.MIN_VALUE ? 0 : firstRowOnOrAfter(s, first);
        int hi = last == Integer.MAX_VALUE ? s.baseRows() : firstRowOnOrAfter(s, last + 1);
        int[] base = s.base();
        for (int i = lo; i < hi; i++) {
            int o = i * W;
            if (f.accepts(base, o)) {
                sink.row(base, o, s.baseN()[i], s.baseG()[i]);
            }
        }
    }

    private static void scanDelta(Snapshot s, Filter f, Sink sink) {
        int[] delta = s.delta();
        for (int i = 0; i < s.deltaRows(); i++) {
            int o = i * W;
            int d = delta[o + DATE];
            if (d >= f.from && d <= f.to && f.accepts(delta, o)) {
                sink.row(delta, o, s.deltaN()[i], s.deltaG()[i]);
            }
        }
    }

    private static int firstRowOnOrAfter(Snapshot s, int day) {
        int lo = 0;
        int hi = s.baseRows();
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (s.base()[mid * W + DATE] < day) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /** First day of the period holding {@code epochDay}, as DuckDB's {@code date_trunc} (weeks from Monday). */
    private static final class Periods {
        private final Granularity g;
        // a direct-mapped cache: a scan meets the same few thousand days over and over
        private final int[] days = new int[4096];
        private final int[] periods = new int[4096];

        Periods(Granularity g) {
            this.g = g;
            Arrays.fill(days, Integer.MIN_VALUE);
        }

        int of(int epochDay) {
            if (g == Granularity.DAY) {
                return epochDay;
            }
            int slot = epochDay & (days.length - 1);
            if (days[slot] != epochDay) {
                LocalDate date = LocalDate.ofEpochDay(epochDay);
                LocalDate p = switch (g) {
                    case DAY -> date;
                    case WEEK -> date.minusDays(date.getDayOfWeek().getValue() - DayOfWeek.MONDAY.getValue());
                    case MONTH -> date.withDayOfMonth(1);
                    case YEAR -> date.withDayOfYear(1);
                };
                days[slot] = epochDay;
                periods[slot] = (int) p.toEpochDay();
            }
            return periods[slot];
        }
    }

    /**
     * Sums per group of an int key of fixed width (open addressing over parallel arrays): a year's aggregate meets
     * ~100,000 rows, and a boxed key per row made it as slow as the SQL.
     */
    private static final class Groups {
        final int width;
        final int nsums;
        int[] keys;
        long[] sums;
        int size;
        private int[] slots; // group + 1; 0 is empty

        Groups(int width, int nsums) {
            this(width, nsums, 32);
        }

        /** Room for {@code expected} groups before the first rehash. */
        Groups(int width, int nsums, int expected) {
            this.width = width;
            this.nsums = nsums;
            int cap = Math.max(32, expected);
            keys = new int[cap * width];
            sums = new long[cap * nsums];
            slots = new int[Integer.highestOneBit(Math.max(32, expected) * 2 - 1) * 2];
        }

        /** The group of key {@code k} (its first {@code width} ints), added when new; its sums start at g * nsums. */
        int group(int[] k) {
            int mask = slots.length - 1;
            for (int s = hash(k, 0) & mask; ; s = (s + 1) & mask) {
                int g = slots[s] - 1;
                if (g < 0) {
                    if (size * width == keys.length) {
                        keys = Arrays.copyOf(keys, keys.length * 2);
                        sums = Arrays.copyOf(sums, sums.length * 2);
                    }
                    System.arraycopy(k, 0, keys, size * width, width);
                    slots[s] = ++size;
                    if (size * 2 > slots.length) {
                        rehash();
                    }
                    return size - 1;
                }
                if (Arrays.equals(keys, g * width, g * width + width, k, 0, width)) {
                    return g;
                }
            }
        }

        private int hash(int[] k, int at) {
            int h = 1;
            for (int i = 0; i < width; i++) {
                h = 31 * h + k[at + i];
            }
            return h ^ (h >>> 16);
        }

        private void rehash() {
            slots = new int[slots.length * 2];
            int mask = slots.length - 1;
            for (int g = 0; g < size; g++) {
                int s = hash(keys, g * width) & mask;
                while (slots[s] != 0) {
                    s = (s + 1) & mask;
                }
                slots[s] = g + 1;
            }
        }

        int key(int g, int i) {
            return keys[g * width + i];
        }

        long sum(int g, int i) {
            return sums[g * nsums + i];
        }

        void add(int g, int i, long v) {
            sums[g * nsums + i] += v;
        }
    }

    private static double sum(long tenths) {
        return tenths / 10.0;
    }

    /** {@link EventStore#dyadSeries} over the table. */
    List<SeriesPoint> series(EventQuery q, Granularity granularity) {
        Snapshot s = current;
        Periods periods = new Periods(granularity);
        // per period: count, Goldstein tenths, counts of quad classes 1..4
        Groups cells = new Groups(1, 6);
        int[] key = new int[1];
        scan(s, q, (r, o, n, g) -> {
            key[0] = periods.of(r[o + DATE]);
            int c = cells.group(key);
            cells.add(c, 0, n);
            cells.add(c, 1, g);
            int quad = r[o + QUAD];
            if (quad >= 1 && quad <= 4) {
                cells.add(c, 1 + quad, n);
            }
        });
        List<SeriesPoint> out = new ArrayList<>();
        for (int c = 0; c < cells.size; c++) {
            long count = cells.sum(c, 0);
            if (count != 0) {
                double gs = sum(cells.sum(c, 1));
                out.add(new SeriesPoint(LocalDate.ofEpochDay(cells.key(c, 0)), count, gs, gs / count,
                        new long[] {cells.sum(c, 2), cells.sum(c, 3), cells.sum(c, 4), cells.sum(c, 5)}));
            }
        }
        out.sort(Comparator.comparing(SeriesPoint::period));
        return out;
    }

    /** {@link EventStore#aggregate} of mentions over the table. */
    List<AggregateRow> aggregate(AggregateRequest req) {
        Snapshot s = current;
        Periods periods = new Periods(req.granularity());
        boolean byCountry = req.dyad() == AggregateRequest.Dyad.COUNTRY;
        String[] dict = s.dict();
        int groupField = switch (req.groupBy()) {
            case CAMEO_ROOT -> ROOT;
            case QUAD_CLASS -> QUAD;
            case PLOVER_TYPE -> TYPE;
        };
        Filter f = new Filter(req.filter(), dict, s.dictSize());
        boolean monthly = req.granularity() == Granularity.MONTH || req.granularity() == Granularity.YEAR;
        int firstFull = f.from == Integer.MIN_VALUE ? Integer.MIN_VALUE : firstMonthOnOrAfter(f.from);
        // whole months m of [from, to]: m >= from and the day after m's last, nextMonth(m), <= to + 1
        int afterLastFull = f.to == Integer.MAX_VALUE ? Integer.MAX_VALUE : firstOfMonth(f.to + 1);
        // whole calendar months of the base come from the month cache; the days before and after them and the delta
        // are scanned: a year's aggregate adds up twelve months' cells instead of reading every row again
        boolean byMonths = monthly && s.baseRows() > 0 && f.from != Integer.MIN_VALUE && f.to != Integer.MAX_VALUE
                && firstFull < afterLastFull;
        List<MonthCells> months = new ArrayList<>();
        int held = 0;
        if (byMonths) {
            MonthKeyShape shape = new MonthKeyShape(req.filter().withDates(null, null), groupField, byCountry);
            for (int m = firstFull; m < afterLastFull; m = nextMonth(m)) {
                MonthCells mc = monthCells(s, f, shape, m);
                months.add(mc);
                held += mc.size();
            }
        }
        // room for every month's cells (the usual answer) from the start: no rehash while adding them
        Groups cells = new Groups(4, 2, held + 64);
        int[] key = new int[4];
        Sink sink = (r, o, n, g) -> {
            key[0] = r[o + (byCountry ? A_COUNTRY : A_CODE)];
            key[1] = r[o + (byCountry ? R_COUNTRY : R_CODE)];
            key[2] = periods.of(r[o + DATE]);
            key[3] = r[o + groupField];
            int c = cells.group(key);
            cells.add(c, 0, n);
            cells.add(c, 1, g);
        };
        if (byMonths) {
            scanBase(s, f, f.from, firstFull - 1, sink);
            for (int j = 0, m = firstFull; j < months.size(); j++, m = nextMonth(m)) {
                MonthCells mc = months.get(j);
                int period = periods.of(m);
                for (int i = 0; i < mc.size(); i++) {
                    key[0] = mc.keys()[i * 3];
                    key[1] = mc.keys()[i * 3 + 1];
                    key[2] = period;
                    key[3] = mc.keys()[i * 3 + 2];
                    int c = cells.group(key);
                    cells.add(c, 0, mc.sums()[i * 2]);
                    cells.add(c, 1, mc.sums()[i * 2 + 1]);
                }
            }
            scanBase(s, f, afterLastFull, f.to, sink);
            scanDelta(s, f, sink);
        } else {
            scan(s, f, sink);
        }
        List<AggregateRow> out = new ArrayList<>(cells.size);
        String[] quads = {"0", "1", "2", "3", "4"};
        for (int c = 0; c < cells.size; c++) {
            long count = cells.sum(c, 0);
            if (count != 0) {
                double gs = sum(cells.sum(c, 1));
                // quad_class::VARCHAR in the SQL
                int g = cells.key(c, 3);
                String group = groupField == QUAD ? (g >= 0 && g <= 4 ? quads[g] : Integer.toString(g)) : dict[g];
                out.add(new AggregateRow(dict[cells.key(c, 0)], dict[cells.key(c, 1)],
                        LocalDate.ofEpochDay(cells.key(c, 2)), group, count, gs, gs / count));
            }
        }
        out.sort(Comparator.comparing(AggregateRow::actor, SQL_ORDER).thenComparing(AggregateRow::recipient, SQL_ORDER)
                .thenComparing(AggregateRow::period).thenComparing(AggregateRow::group, SQL_ORDER));
        return out;
    }

    /** What a month's cells depend on besides the month: the filter without its dates, the grouping, the dyad kind. */
    private record MonthKeyShape(EventQuery filter, int groupField, boolean byCountry) {
    }

    /** A month's aggregate cells over one base: (actor, recipient, group) ids by 3, (count, Goldstein tenths) by 2. */
    private record MonthCells(int[] keys, long[] sums, int size) {
    }

    /** The month cache is for one base (bases are immutable; a fold makes a new one): keyed by shape and month. */
    private record MonthCache(int[] base, ConcurrentHashMap<MonthCacheKey, MonthCells> cells, AtomicLong held) {
    }

    private record MonthCacheKey(MonthKeyShape shape, int month) {
    }

    // cells held (28 bytes each: ~56 MB), enough for a dashboard's filters over decades of months; beyond it the cache
    // starts again
    private static final long MONTH_CACHE_CELLS = 2_000_000;
    private volatile MonthCache monthCache = new MonthCache(new int[0], new ConcurrentHashMap<>(), new AtomicLong());

    private MonthCells monthCells(Snapshot s, Filter f, MonthKeyShape shape, int month) {
        MonthCache cache = monthCache;
        if (cache.base() != s.base()) {
            cache = new MonthCache(s.base(), new ConcurrentHashMap<>(), new AtomicLong());
            monthCache = cache;
        }
        MonthCacheKey k = new MonthCacheKey(shape, month);
        MonthCells mc = cache.cells().get(k);
        if (mc == null) {
            Groups g = new Groups(3, 2);
            int[] key = new int[3];
            scanBase(s, f, month, nextMonth(month) - 1, (r, o, n, gs) -> {
                key[0] = r[o + (shape.byCountry() ? A_COUNTRY : A_CODE)];
                key[1] = r[o + (shape.byCountry() ? R_COUNTRY : R_CODE)];
                key[2] = r[o + shape.groupField()];
                int c = g.group(key);
                g.add(c, 0, n);
                g.add(c, 1, gs);
            });
            mc = new MonthCells(Arrays.copyOf(g.keys, g.size * 3), Arrays.copyOf(g.sums, g.size * 2), g.size);
            if (cache.held().addAndGet(mc.size() + 1) > MONTH_CACHE_CELLS) {
                cache.cells().clear();
                cache.held().set(mc.size() + 1);
            }
            cache.cells().put(k, mc);
        }
        return mc;
    }

    /** The epoch day of the first day of the first month that starts on or after {@code epochDay}. */
    private static int firstMonthOnOrAfter(int epochDay) {
        LocalDate d = LocalDate.ofEpochDay(epochDay);
        return (int) (d.getDayOfMonth() == 1 ? d : d.withDayOfMonth(1).plusMonths(1)).toEpochDay();
    }

    private static int firstOfMonth(int epochDay) {
        return (int) LocalDate.ofEpochDay(epochDay).withDayOfMonth(1).toEpochDay();
    }

    private static int nextMonth(int firstOfMonth) {
        return (int) LocalDate.ofEpochDay(firstOfMonth).plusMonths(1).toEpochDay();
    }

    /** {@link EventStore#actorNetwork} of mentions over the table. */
    List<NetworkEdge> network(EventQuery q, boolean byCountry) {
        Snapshot s = current;
        String[] dict = s.dict();
        Groups cells = new Groups(2, 2);
        int[] key = new int[2];
        scan(s, q, (r, o, n, g) -> {
            key[0] = r[o + (byCountry ? A_COUNTRY : A_CODE)];
            key[1] = r[o + (byCountry ? R_COUNTRY : R_CODE)];
            int c = cells.group(key);
            cells.add(c, 0, n);
            cells.add(c, 1, g);
        });
        List<NetworkEdge> out = new ArrayList<>();
        for (int c = 0; c < cells.size; c++) {
            String a = dict[cells.key(c, 0)];
            String t = dict[cells.key(c, 1)];
            long count = cells.sum(c, 0);
            // as the SQL's "a <> '' AND r <> ''" (NULL fails it too)
            if (count != 0 && a != null && t != null && !a.isEmpty() && !t.isEmpty()) {
                double gs = sum(cells.sum(c, 1));
                out.add(new NetworkEdge(a, t, count, gs, gs / count));
            }
        }
        out.sort(Comparator.comparing(NetworkEdge::actor).thenComparing(NetworkEdge::recipient));
        return out;
    }

    /** DuckDB's default order of VARCHAR: by bytes (codes are ASCII: as String order), NULL last. */
    private static final Comparator<String> SQL_ORDER = Comparator.nullsLast(Comparator.naturalOrder());
}
