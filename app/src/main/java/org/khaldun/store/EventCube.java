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
        try (PreparedStatement ps = c.prepareStatement(FACT_SELECT + FACT_GROUP)) {
            exact = readFacts(ps, 1, facts);
        }
        EventCube cube = new EventCube();
        cube.apply(facts, exact);
        cube.fold();
        return cube;
    }

    /** Whether this table answers the query exactly as SQL would (text and one-a-day need the events). */
    boolean answers(EventQuery q) {
        return current.exact() && q.text().isEmpty() && !q.oneADay();
    }

    /** Adds facts (negative counts take events away) and publishes the result to readers. */
    void apply(List<Fact> facts, boolean exact) {
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
        if (deltaRows >= MAX_DELTA) {
            fold();
        }
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
        Filter f = new Filter(q, s.dict(), s.dictSize());
        // the base is sorted by date first: a date range reads only its days
        int lo = f.from == Integer.MIN_VALUE ? 0 : firstRowOnOrAfter(s, f.from);
        int hi = f.to == Integer.MAX_VALUE ? s.baseRows() : firstRowOnOrAfter(s, f.to + 1);
        int[] base = s.base();
        for (int i = lo; i < hi; i++) {
            int o = i * W;
            if (f.accepts(base, o)) {
                sink.row(base, o, s.baseN()[i], s.baseG()[i]);
            }
        }
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
        private final Map<Integer, Integer> memo = new HashMap<>();

        Periods(Granularity g) {
            this.g = g;
        }

        int of(int epochDay) {
            if (g == Granularity.DAY) {
                return epochDay;
            }
            return memo.computeIfAbsent(epochDay, d -> {
                LocalDate date = LocalDate.ofEpochDay(d);
                LocalDate p = switch (g) {
                    case DAY -> date;
                    case WEEK -> date.minusDays(date.getDayOfWeek().getValue() - DayOfWeek.MONDAY.getValue());
                    case MONTH -> date.withDayOfMonth(1);
                    case YEAR -> date.withDayOfYear(1);
                };
                return (int) p.toEpochDay();
            });
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
        Map<Integer, long[]> cells = new HashMap<>();
        scan(s, q, (r, o, n, g) -> {
            long[] c = cells.computeIfAbsent(periods.of(r[o + DATE]), k -> new long[6]);
            c[0] += n;
            c[1] += g;
            int quad = r[o + QUAD];
            if (quad >= 1 && quad <= 4) {
                c[1 + quad] += n;
            }
        });
        List<SeriesPoint> out = new ArrayList<>();
        cells.entrySet().stream().filter(e -> e.getValue()[0] != 0).sorted(Map.Entry.comparingByKey()).forEach(e -> {
            long[] c = e.getValue();
            out.add(new SeriesPoint(LocalDate.ofEpochDay(e.getKey()), c[0], sum(c[1]), sum(c[1]) / c[0],
                    new long[] {c[2], c[3], c[4], c[5]}));
        });
        return out;
    }

    private record AggKey(int actor, int recipient, int period, String group) {
    }

    /** {@link EventStore#aggregate} of mentions over the table. */
    List<AggregateRow> aggregate(AggregateRequest req) {
        Snapshot s = current;
        Periods periods = new Periods(req.granularity());
        boolean byCountry = req.dyad() == AggregateRequest.Dyad.COUNTRY;
        String[] dict = s.dict();
        Map<AggKey, long[]> cells = new HashMap<>();
        scan(s, req.filter(), (r, o, n, g) -> {
            String group = switch (req.groupBy()) {
                case CAMEO_ROOT -> dict[r[o + ROOT]];
                case QUAD_CLASS -> Integer.toString(r[o + QUAD]);
                case PLOVER_TYPE -> dict[r[o + TYPE]];
            };
            AggKey k = new AggKey(r[o + (byCountry ? A_COUNTRY : A_CODE)], r[o + (byCountry ? R_COUNTRY : R_CODE)],
                    periods.of(r[o + DATE]), group);
            long[] c = cells.computeIfAbsent(k, x -> new long[2]);
            c[0] += n;
            c[1] += g;
        });
        List<AggregateRow> out = new ArrayList<>(cells.size());
        cells.forEach((k, c) -> {
            if (c[0] != 0) {
                out.add(new AggregateRow(dict[k.actor()], dict[k.recipient()], LocalDate.ofEpochDay(k.period()),
                        k.group(), c[0], sum(c[1]), sum(c[1]) / c[0]));
            }
        });
        out.sort(Comparator.comparing(AggregateRow::actor, SQL_ORDER).thenComparing(AggregateRow::recipient, SQL_ORDER)
                .thenComparing(AggregateRow::period).thenComparing(AggregateRow::group, SQL_ORDER));
        return out;
    }

    /** {@link EventStore#actorNetwork} of mentions over the table. */
    List<NetworkEdge> network(EventQuery q, boolean byCountry) {
        Snapshot s = current;
        String[] dict = s.dict();
        Map<Long, long[]> cells = new HashMap<>();
        scan(s, q, (r, o, n, g) -> {
            int a = r[o + (byCountry ? A_COUNTRY : A_CODE)];
            int t = r[o + (byCountry ? R_COUNTRY : R_CODE)];
            long[] c = cells.computeIfAbsent(((long) a << 32) | t, x -> new long[2]);
            c[0] += n;
            c[1] += g;
        });
        List<NetworkEdge> out = new ArrayList<>();
        cells.forEach((k, c) -> {
            String a = dict[(int) (k >>> 32)];
            String t = dict[(int) (long) k];
            // as the SQL's "a <> '' AND r <> ''" (NULL fails it too)
            if (c[0] != 0 && a != null && t != null && !a.isEmpty() && !t.isEmpty()) {
                out.add(new NetworkEdge(a, t, c[0], sum(c[1]), sum(c[1]) / c[0]));
            }
        });
        out.sort(Comparator.comparing(NetworkEdge::actor).thenComparing(NetworkEdge::recipient));
        return out;
    }

    /** DuckDB's default order of VARCHAR: by bytes (codes are ASCII: as String order), NULL last. */
    private static final Comparator<String> SQL_ORDER = Comparator.nullsLast(Comparator.naturalOrder());
}
