package org.khaldun.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Map;

/**
 * What "clusters with a mention matching the query" needs beyond the event index, in memory beside the store: the
 * cluster of every event (by event seq) and the date of every cluster, so that the clusters of a query are the
 * distinct clusters of the events the event index matches, ordered by the cluster's date then id, and only the page's
 * rows are read, from the cluster row index.
 *
 * <p>Why: the SQL ({@code clusters WHERE cluster_id IN (SELECT cluster_id FROM events WHERE …)}, a top-N over the
 * semi-join) costs ~0.1 s of CPU at a million events, the last list query DuckDB answered. Here a query is one pass
 * over the matching events' seq doc values and a bit per cluster.
 *
 * <p>Like {@link EventCube}: built from the database when the store opens (two narrow scans), then told of every
 * committed ingest and recode before the event index publishes it; nothing is on disk, so it cannot go stale across
 * a crash. An event's cluster never changes once stored (a recode gives the article's new events new seqs), so the
 * seq column only grows; a cluster's date changes when it gains or loses mentions. Cluster ids are 63-bit hashes, so
 * each gets a dense slot number; a cluster that loses its last mention keeps its slot, marked gone.
 *
 * <p>One writer at a time (the store's write lock). Readers take {@link #state()} after acquiring the event index's
 * searcher, so every event that searcher can match has its slot in the arrays they read. A cluster's date written
 * while a query ranks may order that one answer by the old or the new date, as a query running across a write sees.
 */
final class ClusterTable {

    static final int GONE = Integer.MIN_VALUE;
    private static final int NO_SLOT = -1;

    /** The arrays readers use; only their first {@code slots} (clusters) and {@code seqs} (events) entries are set. */
    record State(int[] seqSlot, long[] slotId, int[] slotDate, int slots) {

        int slotOfSeq(long seq) {
            return seq >= 0 && seq < seqSlot.length ? seqSlot[(int) seq] : NO_SLOT;
        }
    }

    // writer side: cluster id -> slot, open addressing (ids are positive, 0 marks a free cell)
    private long[] ids = new long[1 << 10];
    private int[] slotOf = new int[1 << 10];
    private int used;
    private volatile State state = new State(filled(new int[1024]), new long[1024], new int[1024], 0);

    State state() {
        return state;
    }

    /** Reads every event's cluster and every cluster's date. */
    static ClusterTable load(Connection c) throws SQLException {
        ClusterTable t = new ClusterTable();
        try (PreparedStatement ps = c.prepareStatement("SELECT cluster_id, date FROM clusters");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                t.setDate(rs.getLong(1), (int) rs.getObject(2, LocalDate.class).toEpochDay());
            }
        }
        try (PreparedStatement ps = c.prepareStatement("SELECT seq, cluster_id FROM events");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                t.setEvent(rs.getLong(1), rs.getLong(2));
            }
        }
        return t;
    }

    /**
     * After a committed write: the new events' clusters ({@code seqs[i]} belongs to {@code clusters[i]}), the new
     * dates of the clusters the write touched, and the touched clusters left without mentions.
     */
    void apply(long[] seqs, long[] clusters, Map<Long, LocalDate> dates, Iterable<Long> gone) {
        for (Map.Entry<Long, LocalDate> d : dates.entrySet()) {
            setDate(d.getKey(), (int) d.getValue().toEpochDay());
        }
        for (long id : gone) {
            int slot = find(id);
            if (slot != NO_SLOT) {
                state.slotDate()[slot] = GONE;
            }
        }
        for (int i = 0; i < seqs.length; i++) {
            setEvent(seqs[i], clusters[i]);
        }
    }

    private void setDate(long id, int epochDay) {
        int slot = slotFor(id);
        state.slotDate()[slot] = epochDay;
    }

    private void setEvent(long seq, long clusterId) {
        if (seq > Integer.MAX_VALUE - 16) {
            throw new StoreException("event seq " + seq + " beyond what the in-memory cluster table holds", null);
        }
        int slot = slotFor(clusterId);
        State s = state;
        if (seq >= s.seqSlot().length) {
            int n = s.seqSlot().length;
            while (n <= seq) {
                n = n < (1 << 29) ? n * 2 : Integer.MAX_VALUE - 8;
            }
            int[] grown = Arrays.copyOf(s.seqSlot(), n);
            Arrays.fill(grown, s.seqSlot().length, n, NO_SLOT);
            s = new State(grown, s.slotId(), s.slotDate(), s.slots());
            state = s;
        }
        s.seqSlot()[(int) seq] = slot;
    }

    /** The slot of a cluster, given one (date GONE) when it has none yet. */
    private int slotFor(long id) {
        int slot = find(id);
        if (slot != NO_SLOT) {
            return slot;
        }
        State s = state;
        slot = s.slots();
        long[] slotId = s.slotId();
        int[] slotDate = s.slotDate();
        if (slot == slotId.length) {
            slotId = Arrays.copyOf(slotId, slot * 2);
            slotDate = Arrays.copyOf(slotDate, slot * 2);
        }
        slotId[slot] = id;
        slotDate[slot] = GONE;
        if ((used + 1) * 2 > ids.length) {
            rehash(ids.length * 2);
        }
        int i = cell(id, ids.length);
        while (ids[i] != 0) {
            i = (i + 1) & (ids.length - 1);
        }
        ids[i] = id;
        slotOf[i] = slot;
        used++;
        // the new slot is set before readers can see the count that includes it
        state = new State(s.seqSlot(), slotId, slotDate, slot + 1);
        return slot;
    }

    private int find(long id) {
        int i = cell(id, ids.length);
        while (ids[i] != 0) {
            if (ids[i] == id) {
                return slotOf[i];
            }
            i = (i + 1) & (ids.length - 1);
        }
        return NO_SLOT;
    }

    private void rehash(int capacity) {
        long[] oldIds = ids;
        int[] oldSlots = slotOf;
        ids = new long[capacity];
        slotOf = new int[capacity];
        for (int j = 0; j < oldIds.length; j++) {
            if (oldIds[j] != 0) {
                int i = cell(oldIds[j], capacity);
                while (ids[i] != 0) {
                    i = (i + 1) & (capacity - 1);
                }
                ids[i] = oldIds[j];
                slotOf[i] = oldSlots[j];
            }
        }
    }

    private static int cell(long id, int capacity) {
        long h = id * 0x9E3779B97F4A7C15L;
        return (int) (h >>> 32) & (capacity - 1);
    }

    private static int[] filled(int[] a) {
        Arrays.fill(a, NO_SLOT);
        return a;
    }

    // ------------------------------------------------------------------------------------------------ answers

    /** The distinct clusters of a query's events, collected one event seq at a time. */
    static final class Matches {
        private final State state;
        private final long[] bits;

        Matches(State state) {
            this.state = state;
            this.bits = new long[(state.slots() + 63) >>> 6];
        }

        void addSeq(long seq) {
            int slot = state.slotOfSeq(seq);
            if (slot >= 0 && slot < state.slots()) {
                bits[slot >>> 6] |= 1L << slot;
            }
        }

        /** Every cluster that has mentions (the answer to the query that filters nothing). */
        void addAllLive() {
            int[] dates = state.slotDate();
            for (int slot = 0; slot < state.slots(); slot++) {
                if (dates[slot] != GONE) {
                    bits[slot >>> 6] |= 1L << slot;
                }
            }
        }

        long count() {
            long n = 0;
            int[] dates = state.slotDate();
            for (int w = 0; w < bits.length; w++) {
                for (long b = bits[w]; b != 0; b &= b - 1) {
                    if (dates[(w << 6) + Long.numberOfTrailingZeros(b)] != GONE) {
                        n++;
                    }
                }
            }
            return n;
        }

        /**
         * Ids of the first {@code want} clusters in the order (date, id), newest first unless {@code oldestFirst}:
         * the SQL's {@code ORDER BY c.date DESC, c.cluster_id DESC} (or ascending).
         */
        long[] top(int want, boolean oldestFirst) {
            // a bounded heap whose root is the worst of the best so far
            int[] heap = new int[Math.max(1, want)];
            int n = 0;
            int[] dates = state.slotDate();
            long[] slotIds = state.slotId();
            for (int w = 0; w < bits.length; w++) {
                for (long b = bits[w]; b != 0; b &= b - 1) {
                    int slot = (w << 6) + Long.numberOfTrailingZeros(b);
                    if (dates[slot] == GONE) {
                        continue;
                    }
                    if (n < want) {
                        heap[n] = slot;
                        up(heap, n++, dates, slotIds, oldestFirst);
                    } else if (want > 0 && before(slot, heap[0], dates, slotIds, oldestFirst)) {
                        heap[0] = slot;
                        down(heap, n, dates, slotIds, oldestFirst);
                    }
                }
            }
            long[] out = new long[n];
            for (int i = n - 1; i >= 0; i--) {
                out[i] = slotIds[heap[0]];
                heap[0] = heap[i];
                down(heap, i, dates, slotIds, oldestFirst);
            }
            return out;
        }

        /** Whether slot a comes before slot b in the answer's order. */
        private static boolean before(int a, int b, int[] dates, long[] ids, boolean oldestFirst) {
            int c = dates[a] != dates[b] ? Integer.compare(dates[a], dates[b]) : Long.compare(ids[a], ids[b]);
            return oldestFirst ? c < 0 : c > 0;
        }

        private static void up(int[] heap, int i, int[] dates, long[] ids, boolean oldestFirst) {
            while (i > 0) {
                int parent = (i - 1) >>> 1;
                // the root holds the slot that comes last
                if (!before(heap[parent], heap[i], dates, ids, oldestFirst)) {
                    return;
                }
                swap(heap, i, parent);
                i = parent;
            }
        }

        private static void down(int[] heap, int n, int[] dates, long[] ids, boolean oldestFirst) {
            int i = 0;
            while (true) {
                int l = 2 * i + 1;
                if (l >= n) {
                    return;
                }
                int worst = l + 1 < n && before(heap[l], heap[l + 1], dates, ids, oldestFirst) ? l + 1 : l;
                if (!before(heap[i], heap[worst], dates, ids, oldestFirst)) {
                    return;
                }
                swap(heap, i, worst);
                i = worst;
            }
        }

        private static void swap(int[] heap, int i, int j) {
            int t = heap[i];
            heap[i] = heap[j];
            heap[j] = t;
        }
    }
}
