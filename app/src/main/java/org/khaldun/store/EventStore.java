package org.khaldun.store;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.function.Consumer;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;
import org.khaldun.actor.Actor;
import org.khaldun.article.Article;
import org.khaldun.article.DebrisMarker;
import org.khaldun.dedup.ClusterAnchor;
import org.khaldun.dedup.Coreference;
import org.khaldun.dedup.DateSpan;
import org.khaldun.event.Event;
import org.khaldun.nlp.Sentence;
import org.khaldun.pipeline.CodedArticle;

/**
 * Khaldun's event store: articles, their sentences, every coded event (mention) and the real-world events they
 * cluster into, in one DuckDB file, with Lucene indexes derived from it beside it (full text {@code FILE.fts/}, event
 * lists {@code FILE.events/}, article and cluster rows {@code FILE.articles/}, {@code FILE.clusters/}) and an
 * in-memory pre-aggregated table for series, aggregates and networks ({@link EventCube}); see docs/store.md.
 *
 * <p>Writes ({@link #ingest}, {@link #recode}) are serialised; each call is one transaction holding whole
 * articles with all their events and the cluster updates they cause, so a crash never leaves half an article.
 * Reads run concurrently on a pool of connections and see the last committed state. Thread-safe.
 *
 * <p>Idempotent ingest: an article whose URL is already stored, or (without URL) whose text is already stored,
 * is skipped and reported as {@link IngestOutcome.Duplicate}.
 */
public final class EventStore implements AutoCloseable {

    public static final String DEFAULT_FILE = "khaldun.duckdb";

    private static final boolean TRACE = Boolean.getBoolean("khaldun.store.trace");

    /**
     * @param readConnections connections for concurrent reads (DuckDB runs each query on all cores anyway; more
     *                        connections let short queries overlap instead of queueing)
     * @param dayTolerance    coreference slack around day-precision dates ({@link Coreference})
     * @param memoryLimit     DuckDB's memory limit ({@code 4GB}); beyond it DuckDB spills to disk. DuckDB's own
     *                        default, 80% of the machine's memory, is too greedy beside a JVM on a shared machine
     */
    public record Options(int readConnections, int dayTolerance, String memoryLimit) {
        public static final Options DEFAULTS = new Options(16, Coreference.DEFAULT_DAY_TOLERANCE, "4GB");

        public Options {
            if (!memoryLimit.matches("\\d+(\\.\\d+)?\\s*[KMGT]?i?B")) {
                throw new IllegalArgumentException("memory limit like 4GB or 512MB expected: " + memoryLimit);
            }
        }
    }

    private final Path path;
    private final DuckDBConnection writer;
    private final BlockingQueue<Connection> readers;
    private final List<Connection> allReaders = new ArrayList<>();
    private final TextIndex text;
    private final EventIndex eventIndex;
    private final RowIndex<RowIndex.Article> articleIndex;
    private final RowIndex<EventCluster> clusterIndex;
    /** Series, aggregates and the network of mentions, pre-aggregated in memory ({@link EventCube}). */
    private final EventCube cube;
    private final ClusterTable clusterTable;
    /** Recodes committed so far (store_meta {@code recode_epoch}): an event index that missed one is rebuilt. */
    private long recodeEpoch;
    private final java.util.concurrent.atomic.AtomicLong generation = new java.util.concurrent.atomic.AtomicLong();
    private final Coreference coref;
    private final Object writeLock = new Object();
    private long nextArticleSeq;
    private long nextEventSeq;
    private volatile boolean closed;

    private EventStore(Path path, Options options) throws SQLException {
        this.path = path;
        Properties props = new Properties();
        props.setProperty("jdbc_stream_results", "true");
        this.writer = (DuckDBConnection) DriverManager.getConnection("jdbc:duckdb:" + path.toAbsolutePath(), props);
        try (Statement s = writer.createStatement()) {
            s.execute("SET memory_limit = '" + options.memoryLimit() + "'");
        }
        Schema.create(writer);
        writer.setAutoCommit(false);
        this.coref = new Coreference(options.dayTolerance());
        this.readers = new ArrayBlockingQueue<>(Math.max(1, options.readConnections()));
        createScratchTables(writer);
        writer.commit();
        for (int i = 0; i < Math.max(1, options.readConnections()); i++) {
            DuckDBConnection r = writer.duplicate();
            r.setAutoCommit(true);
            createScratchTables(r);
            allReaders.add(r);
            readers.add(r);
        }
        try (Statement s = writer.createStatement();
             ResultSet rs = s.executeQuery("SELECT (SELECT coalesce(max(seq), -1) FROM articles),"
                     + " (SELECT coalesce(max(seq), -1) FROM events)")) {
            rs.next();
            nextArticleSeq = rs.getLong(1) + 1;
            nextEventSeq = rs.getLong(2) + 1;
        }
        writer.commit();
        this.text = new TextIndex(textIndexPath(path));
        catchUpTextIndex();
        try (Statement s = writer.createStatement();
             ResultSet rs = s.executeQuery("SELECT value FROM store_meta WHERE key = 'recode_epoch'")) {
            recodeEpoch = rs.next() ? Long.parseLong(rs.getString(1)) : 0;
        }
        writer.commit();
        this.eventIndex = openIndex(eventIndexPath(path), EventIndex::new);
        catchUpEventIndex();
        this.articleIndex = openIndex(articleIndexPath(path), p -> new RowIndex<>(p, RowIndex.ARTICLES));
        catchUpArticleIndex();
        this.clusterIndex = openIndex(clusterIndexPath(path), p -> new RowIndex<>(p, RowIndex.CLUSTERS));
        catchUpClusterIndex();
        this.cube = EventCube.load(writer);
        this.clusterTable = ClusterTable.load(writer);
        writer.commit();
    }

    /** Opens a derived index, or starts it afresh when it cannot be opened (it is rebuilt from the database). */
    private static <T> T openIndex(Path dir, java.util.function.Function<Path, T> open) {
        try {
            return open.apply(dir);
        } catch (java.io.UncheckedIOException e) {
            try (var files = Files.walk(dir)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
            } catch (java.io.IOException io) {
                throw new StoreException("cannot reset the index " + dir + ": " + io.getMessage(), io);
            }
            return open.apply(dir);
        }
    }

    /**
     * Per-connection temporary tables for long key lists: filled with the (native, fast) appender and joined,
     * because binding a list of thousands of values as an array parameter costs a millisecond per hundred.
     */
    private static void createScratchTables(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("CREATE TEMP TABLE IF NOT EXISTS tmp_longs (v BIGINT)");
            s.execute("CREATE TEMP TABLE IF NOT EXISTS tmp_strings (v VARCHAR)");
        }
    }

    /** Replaces the content of the connection's {@code tmp_longs} with {@code values}. */
    private static void fillLongs(Connection c, long[] values) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("DELETE FROM tmp_longs");
        }
        try (DuckDBAppender ap = ((DuckDBConnection) c).createAppender("temp", "main", "tmp_longs")) {
            for (long v : values) {
                ap.beginRow();
                ap.append(v);
                ap.endRow();
            }
        }
    }

    private static void fillLongs(Connection c, java.util.Collection<Long> values) throws SQLException {
        fillLongs(c, values.stream().mapToLong(Long::longValue).toArray());
    }

    /** Replaces the content of the connection's {@code tmp_strings} with {@code values}. */
    private static void fillStrings(Connection c, java.util.Collection<String> values) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("DELETE FROM tmp_strings");
        }
        try (DuckDBAppender ap = ((DuckDBConnection) c).createAppender("temp", "main", "tmp_strings")) {
            for (String v : values) {
                ap.beginRow();
                ap.append(v);
                ap.endRow();
            }
        }
    }

    /** Opens (creating if needed) the store in {@code file}. Only one process may have a store open at a time. */
    public static EventStore open(Path file) {
        return open(file, Options.DEFAULTS);
    }

    public static EventStore open(Path file, Options options) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            return new EventStore(file, options);
        } catch (SQLException e) {
            throw new StoreException("cannot open the store " + file + ": " + e.getMessage(), e);
        } catch (java.io.IOException e) {
            throw new StoreException("cannot create the folder of " + file + ": " + e.getMessage(), e);
        }
    }

    /** Where the article rows of a store file are kept for the article view ({@link RowIndex}). */
    public static Path articleIndexPath(Path file) {
        return file.resolveSibling(file.getFileName() + ".articles");
    }

    /** Where the cluster rows of a store file are kept for the event and cluster views ({@link RowIndex}). */
    public static Path clusterIndexPath(Path file) {
        return file.resolveSibling(file.getFileName() + ".clusters");
    }

    /** Where the event-list index of a store file lives ({@link EventIndex}). */
    public static Path eventIndexPath(Path file) {
        return file.resolveSibling(file.getFileName() + ".events");
    }

    /**
     * A number that changes whenever what the store answers may change (after every ingest or recode that stored
     * something): a reader's cache keyed by it never serves an answer older than the last write it saw.
     */
    public long generation() {
        return generation.get();
    }

    /** Where the full-text index of a store file lives. */
    public static Path textIndexPath(Path file) {
        return file.resolveSibling(file.getFileName() + ".fts");
    }

    public Path path() {
        return path;
    }

    // ------------------------------------------------------------------------------------------------ writing

    /**
     * Stores coded articles: one transaction for the batch, articles already stored skipped. When the batch fails
     * as a whole, each article is tried alone, so one bad article is named and the others stored.
     */
    public List<IngestOutcome> ingest(List<IngestItem> items) {
        synchronized (writeLock) {
            ensureOpen();
            return writeOrEachAlone(items, false, "not stored: ");
        }
    }

    /**
     * Replaces the coding of stored articles (matched by {@code record} = {@link #recodeRecord(long)}) with a new
     * coding: their sentences and events are replaced and the clusters they touch recomputed, in one transaction.
     * When the batch fails, each article is tried again in a transaction of its own, as {@link #ingest} does, so one
     * bad record costs only itself: the others are recoded and the bad one is reported by name.
     */
    public List<IngestOutcome> recode(List<IngestItem> recoded) {
        synchronized (writeLock) {
            ensureOpen();
            return writeOrEachAlone(recoded, true, "not recoded: ");
        }
    }

    /** One transaction for the batch; if it fails, one per item, so that a bad item fails alone, by name. */
    private List<IngestOutcome> writeOrEachAlone(List<IngestItem> items, boolean replace, String failure) {
        try {
            return write(items, replace);
        } catch (SQLException | RuntimeException e) {
            rollbackQuietly();
            if (items.size() == 1) {
                return List.of(new IngestOutcome.Failed(items.get(0).record(), failure + reason(e)));
            }
        }
        List<IngestOutcome> out = new ArrayList<>(items.size());
        for (IngestItem item : items) {
            try {
                out.addAll(write(List.of(item), replace));
            } catch (SQLException | RuntimeException e) {
                rollbackQuietly();
                out.add(new IngestOutcome.Failed(item.record(), failure + reason(e)));
            }
        }
        return out;
    }

    /** The record name {@link #recode} expects for a stored article. */
    public static String recodeRecord(long seq) {
        return "store:" + seq;
    }

    /** Seqs of stored articles coded with another codebook version than {@code version} (all when {@code all}). */
    public List<Long> articlesToRecode(String version, boolean all) {
        return read(c -> {
            List<Long> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(all ? "SELECT seq FROM articles ORDER BY seq"
                    : "SELECT seq FROM articles WHERE codebook <> ? ORDER BY seq")) {
                if (!all) {
                    ps.setString(1, version);
                }
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(rs.getLong(1));
                    }
                }
            }
            return out;
        });
    }

    /** A stored article as the coder reads it (debris marked again), to be coded anew. */
    public Optional<Article> articleForCoding(long seq) {
        return articleRow(seq).map(a -> DebrisMarker.standard().mark(Article.of(a.id(), a.url(), a.title(), a.text(),
                a.published().orElse(null), a.source())));
    }

    private record NewArticle(IngestItem item, long seq, String hash, String dedupKey, List<EventRow> events,
                              long firstEventSeq) {
    }

    private List<IngestOutcome> write(List<IngestItem> items, boolean replace) throws SQLException {
        Instant now = Instant.now();
        List<IngestOutcome> outcomes = new ArrayList<>(items.size());
        List<NewArticle> fresh = new ArrayList<>();
        Map<Integer, IngestOutcome> early = new HashMap<>();
        long articleSeq = nextArticleSeq;
        long eventSeq = nextEventSeq;
        Set<Long> touched = new HashSet<>();
        List<EventCube.Fact> cubeFacts = new ArrayList<>();
        boolean cubeExact = true;

        if (replace) {
            List<Long> seqs = new ArrayList<>();
            for (IngestItem item : items) {
                seqs.add(seqOfRecodeRecord(item.record()));
            }
            // the first statement opens the transaction the appenders below join
            fillLongs(writer, seqs);
            try (PreparedStatement ps = writer.prepareStatement(
                    "SELECT DISTINCT cluster_id FROM events WHERE article_seq IN (SELECT v FROM tmp_longs)")) {
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        touched.add(rs.getLong(1));
                    }
                }
            }
            // the recoded articles' old events leave the pre-aggregated table (applied after the commit)
            try (PreparedStatement ps = writer.prepareStatement(EventCube.FACT_SELECT
                    + " WHERE article_seq IN (SELECT v FROM tmp_longs)" + EventCube.FACT_GROUP)) {
                cubeExact = EventCube.readFacts(ps, -1, cubeFacts);
            }
            for (String sql : List.of("DELETE FROM events WHERE article_seq IN (SELECT v FROM tmp_longs)",
                    "DELETE FROM sentences WHERE article_seq IN (SELECT v FROM tmp_longs)")) {
                try (PreparedStatement ps = writer.prepareStatement(sql)) {
                    ps.executeUpdate();
                }
            }
            for (int i = 0; i < items.size(); i++) {
                IngestItem item = items.get(i);
                List<EventRow> rows = rows(item.coded());
                fresh.add(new NewArticle(item, seqs.get(i), "", "", rows, eventSeq));
                eventSeq += rows.size();
            }
        } else {
            Map<String, Integer> firstInBatch = new HashMap<>();
            List<String> keys = new ArrayList<>();
            String[] hashes = new String[items.size()];
            String[] dedup = new String[items.size()];
            for (int i = 0; i < items.size(); i++) {
                Article a = items.get(i).coded().article();
                hashes[i] = sha256(a.text());
                dedup[i] = dedupKey(a, hashes[i]);
                keys.add(dedup[i]);
            }
            Map<String, Long> existing = new HashMap<>();
            // the first statement opens the transaction the appenders below join
            fillStrings(writer, keys);
            try (PreparedStatement ps = writer.prepareStatement(
                    "SELECT a.dedup_key, a.seq FROM articles a JOIN tmp_strings k ON a.dedup_key = k.v")) {
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        existing.put(rs.getString(1), rs.getLong(2));
                    }
                }
            }
            for (int i = 0; i < items.size(); i++) {
                IngestItem item = items.get(i);
                String why = dedup[i].startsWith("url:") ? "same URL" : "same text";
                Long old = existing.get(dedup[i]);
                if (old != null) {
                    early.put(i, new IngestOutcome.Duplicate(item.record(), old, why + " as stored article " + old));
                    continue;
                }
                Integer prev = firstInBatch.putIfAbsent(dedup[i], i);
                if (prev != null) {
                    early.put(i, new IngestOutcome.Duplicate(item.record(), -1,
                            why + " as " + items.get(prev).record() + " in this run"));
                    continue;
                }
                List<EventRow> rows = rows(item.coded());
                fresh.add(new NewArticle(item, articleSeq++, hashes[i], dedup[i], rows, eventSeq));
                eventSeq += rows.size();
            }
        }

        long tA = System.nanoTime();
        long[] clusterIds = assignClusters(fresh, touched);
        long tB = System.nanoTime();
        if (!fresh.isEmpty()) {
            appendRows(fresh, clusterIds, now, replace);
        }
        long tC = System.nanoTime();
        if (replace) {
            try (PreparedStatement ps = writer.prepareStatement(
                    "UPDATE articles SET codebook = ?, num_events = ? WHERE seq = ?")) {
                for (NewArticle n : fresh) {
                    ps.setString(1, codebookOf(n.item().coded()));
                    ps.setInt(2, n.events().size());
                    ps.setLong(3, n.seq());
                    ps.addBatch();
                }
                ps.executeBatch();
            }
        }
        refreshClusters(touched);
        Map<Long, LocalDate> clusterDates = new HashMap<>();
        if (!touched.isEmpty()) {
            fillLongs(writer, touched);
            try (PreparedStatement ps = writer.prepareStatement(
                    "SELECT cluster_id, date FROM clusters WHERE cluster_id IN (SELECT v FROM tmp_longs)");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    clusterDates.put(rs.getLong(1), rs.getObject(2, LocalDate.class));
                }
            }
        }
        if (replace) {
            try (Statement s = writer.createStatement()) {
                s.execute("UPDATE store_meta SET value = CAST(CAST(value AS BIGINT) + 1 AS VARCHAR)"
                        + " WHERE key = 'recode_epoch'");
            }
        }
        long tD = System.nanoTime();
        writer.commit();
        if (replace) {
            recodeEpoch++;
        }
        long tE = System.nanoTime();
        nextArticleSeq = articleSeq;
        nextEventSeq = eventSeq;
        // before the event index publishes the new events: a query that matches them finds their clusters
        long[] newSeqs = new long[clusterIds.length];
        int at = 0;
        for (NewArticle n : fresh) {
            for (int k = 0; k < n.events().size(); k++) {
                newSeqs[at++] = n.firstEventSeq() + k;
            }
        }
        clusterTable.apply(newSeqs, clusterIds, clusterDates,
                touched.stream().filter(id -> !clusterDates.containsKey(id)).toList());

        // the index follows the committed database; if this fails, the next open re-indexes from the database
        long maxSeq = -1;
        for (NewArticle n : fresh) {
            Article a = n.item().coded().article();
            Set<Integer> withEvents = new HashSet<>();
            for (EventRow r : n.events()) {
                withEvents.add(r.event().textInfo().sentenceIndex());
            }
            text.add(n.seq(), a.title(), a.text(), sentences(n.seq(), n.item().coded()).stream()
                    .filter(st -> withEvents.contains(st.index())).toList());
            maxSeq = Math.max(maxSeq, n.seq());
        }
        if (!fresh.isEmpty()) {
            text.publish(replace ? text.covered() : maxSeq);
            List<EventIndex.Entry> entries = new ArrayList<>();
            int ci = 0;
            for (NewArticle n : fresh) {
                Article article = n.item().coded().article();
                Map<Integer, String> sentenceText = new HashMap<>();
                for (Sentence st : n.item().coded().sentences()) {
                    sentenceText.put(st.index(), st.text());
                }
                long seq = n.firstEventSeq();
                for (EventRow r : n.events()) {
                    StoredEvent stored = storedEvent(seq++, n.seq(), article, r, clusterIds[ci++]);
                    Event e = r.event();
                    entries.add(new EventIndex.Entry(stored, e.modality().isFact(),
                            sentenceText.get(e.textInfo().sentenceIndex())));
                    cubeFacts.add(EventCube.Fact.of(stored, e.actor().size(), e.recipient().size(), e.cameo().root(),
                            e.modality().isFact(), 1));
                    cubeExact &= EventCube.isTenth(e.cameo().goldstein());
                }
            }
            eventIndex.replace(replace ? fresh.stream().map(NewArticle::seq).toList() : List.of(), entries);
            eventIndex.publish(replace ? eventIndex.covered() : maxSeq, recodeEpoch);
            cube.apply(cubeFacts, cubeExact);
            indexRows(replace ? fresh.stream().map(NewArticle::seq).toList() : List.of(), fresh.get(0).seq(),
                    maxSeq, touched);
            generation.incrementAndGet();
        }
        long tF = System.nanoTime();
        if (TRACE) {
            System.err.printf("%nstore: assign %.0f ms, append %.0f ms, clusters %.0f ms, commit %.0f ms, text %.0f ms%n",
                    (tB - tA) / 1e6, (tC - tB) / 1e6, (tD - tC) / 1e6, (tE - tD) / 1e6, (tF - tE) / 1e6);
        }

        int k = 0;
        for (int i = 0; i < items.size(); i++) {
            IngestOutcome e = early.get(i);
            if (e != null) {
                outcomes.add(e);
            } else {
                NewArticle n = fresh.get(k++);
                outcomes.add(new IngestOutcome.Stored(n.item().record(), n.seq(), n.events().size()));
            }
        }
        return outcomes;
    }

    private static long seqOfRecodeRecord(String record) {
        if (!record.startsWith("store:")) {
            throw new IllegalArgumentException("not a stored article record: " + record);
        }
        return Long.parseLong(record.substring("store:".length()));
    }

    private static List<EventRow> rows(CodedArticle c) {
        List<EventRow> rows = new ArrayList<>(c.events().size());
        for (Event e : c.events()) {
            rows.add(EventRow.of(e, c.article()));
        }
        return rows;
    }

    private static String codebookOf(CodedArticle c) {
        return c.events().isEmpty() ? org.khaldun.codebook.TableCodebook.builtin().version()
                : c.events().get(0).codebook();
    }

    /** Cluster id of every new event, in order; adds every cluster that gains a mention to {@code touched}. */
    private long[] assignClusters(List<NewArticle> fresh, Set<Long> touched) throws SQLException {
        Set<String> keys = new HashSet<>();
        int total = 0;
        for (NewArticle n : fresh) {
            for (EventRow r : n.events()) {
                keys.add(r.corefKey().value());
                total++;
            }
        }
        Map<String, List<ClusterAnchor>> candidates = new HashMap<>();
        if (!keys.isEmpty()) {
            fillStrings(writer, keys);
            try (PreparedStatement ps = writer.prepareStatement("SELECT c.cluster_key, c.cluster_id, c.anchor_date,"
                    + " c.anchor_precision, c.anchor_from_publication FROM clusters c JOIN tmp_strings k"
                    + " ON c.cluster_key = k.v ORDER BY c.cluster_id")) {
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        candidates.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(new ClusterAnchor(
                                rs.getLong(2), new DateSpan(rs.getObject(3, LocalDate.class), rs.getString(4),
                                        rs.getBoolean(5))));
                    }
                }
            }
        }
        long[] ids = new long[total];
        int i = 0;
        for (NewArticle n : fresh) {
            for (EventRow r : n.events()) {
                List<ClusterAnchor> list = candidates.computeIfAbsent(r.corefKey().value(), k -> new ArrayList<>());
                Coreference.Assignment a = coref.assign(r.corefKey(), r.dateSpan(), list);
                if (a.founded()) {
                    list.add(a.cluster());
                }
                ids[i++] = a.cluster().id();
                touched.add(a.cluster().id());
            }
        }
        return ids;
    }

    private void appendRows(List<NewArticle> fresh, long[] clusterIds, Instant now, boolean replace) throws SQLException {
        LocalDateTime ingestedAt = LocalDateTime.ofInstant(now, ZoneOffset.UTC);
        if (!replace) {
            try (DuckDBAppender ap = writer.createAppender(DuckDBConnection.DEFAULT_SCHEMA, "articles")) {
                for (NewArticle n : fresh) {
                    Article a = n.item().coded().article();
                    ap.beginRow();
                    ap.append(n.seq());
                    ap.append(a.id());
                    ap.append(a.url().strip());
                    ap.append(a.title());
                    ap.append(a.published().orElse(null));
                    ap.append(a.source());
                    ap.append(a.text());
                    ap.append(n.hash());
                    ap.append(n.dedupKey());
                    ap.append(codebookOf(n.item().coded()));
                    ap.append(n.item().record());
                    ap.append(ingestedAt);
                    ap.append(n.events().size());
                    ap.endRow();
                }
            }
        }
        try (DuckDBAppender ap = writer.createAppender(DuckDBConnection.DEFAULT_SCHEMA, "sentences")) {
            for (NewArticle n : fresh) {
                for (StoredSentence s : sentences(n.seq(), n.item().coded())) {
                    ap.beginRow();
                    ap.append(s.articleSeq());
                    ap.append(s.index());
                    ap.append(s.start());
                    ap.append(s.end());
                    ap.append(s.text());
                    ap.endRow();
                }
            }
        }
        int i = 0;
        try (DuckDBAppender ap = writer.createAppender(DuckDBConnection.DEFAULT_SCHEMA, "events")) {
            for (NewArticle n : fresh) {
                Article article = n.item().coded().article();
                long seq = n.firstEventSeq();
                for (EventRow r : n.events()) {
                    appendEvent(ap, seq++, n.seq(), article, r, clusterIds[i++]);
                }
            }
        }
    }

    /** The event as {@link #event(ResultSet)} reads it back from the row {@link #appendEvent} writes. */
    private static StoredEvent storedEvent(long seq, long articleSeq, Article article, EventRow r, long clusterId) {
        Event e = r.event();
        Actor a = r.firstActor();
        Actor t = r.firstRecipient();
        return new StoredEvent(seq, e.id(), articleSeq, e.articleId(), r.dateSpan().date(), e.date().precision(),
                e.date().fromPublication(), article.published(),
                a == null ? "" : a.code(), a == null ? "" : a.country(), a == null ? "" : a.sector(),
                a == null ? "" : a.text(), r.actorCodes(),
                t == null ? "" : t.code(), t == null ? "" : t.country(), t == null ? "" : t.sector(),
                t == null ? "" : t.text(), r.recipientCodes(),
                e.eventType() == null ? "" : e.eventType(), e.mode(), e.cameo().code(), e.cameo().quadClass(),
                e.cameo().goldstein(), e.modality().negated(), e.modality().hypothetical(), e.modality().future(),
                e.textInfo().sentenceIndex(), e.textInfo().trigger(), r.sourceKind(), r.location(), clusterId,
                e.codebook() == null ? "" : e.codebook(), r.json());
    }

    private static void appendEvent(DuckDBAppender ap, long seq, long articleSeq, Article article, EventRow r,
                                    long clusterId) throws SQLException {
        Event e = r.event();
        Actor a = r.firstActor();
        Actor t = r.firstRecipient();
        ap.beginRow();
        ap.append(seq);
        ap.append(e.id());
        ap.append(articleSeq);
        ap.append(e.articleId());
        ap.append(e.textInfo().sentenceIndex());
        ap.append(TextIndex.sentenceKey(articleSeq, e.textInfo().sentenceIndex()));
        ap.append(r.dateSpan().date());
        ap.append(e.date().precision());
        ap.append(e.date().fromPublication());
        ap.append(article.published().orElse(null));
        ap.append(a == null ? "" : a.code());
        ap.append(a == null ? "" : a.country());
        ap.append(a == null ? "" : a.sector());
        ap.append(a == null ? "" : a.text());
        ap.append(r.actorCodes());
        ap.append(e.actor().size());
        ap.append(t == null ? "" : t.code());
        ap.append(t == null ? "" : t.country());
        ap.append(t == null ? "" : t.sector());
        ap.append(t == null ? "" : t.text());
        ap.append(r.recipientCodes());
        ap.append(e.recipient().size());
        ap.append(e.eventType() == null ? "" : e.eventType());
        ap.append(e.mode());
        ap.append(e.cameo().code());
        ap.append(e.cameo().root());
        ap.append(e.cameo().quadClass());
        ap.append(e.cameo().goldstein());
        ap.append(e.modality().negated());
        ap.append(e.modality().hypothetical());
        ap.append(e.modality().future());
        ap.append(e.modality().isFact());
        ap.append(e.textInfo().trigger());
        ap.append(e.textInfo().triggerStart());
        ap.append(r.sourceKind());
        Location loc = r.location().orElse(null);
        ap.append(loc == null ? null : loc.name());
        ap.append(loc == null ? null : loc.countryCode());
        ap.append(loc == null ? null : loc.admin1());
        ap.append(loc == null || Double.isNaN(loc.lat()) ? null : (Double) loc.lat());
        ap.append(loc == null || Double.isNaN(loc.lon()) ? null : (Double) loc.lon());
        ap.append(loc == null ? null : (Long) loc.geonamesId());
        ap.append(e.codebook() == null ? "" : e.codebook());
        ap.append(clusterId);
        ap.append(r.corefKey().value());
        ap.append(r.json());
        ap.endRow();
    }

    private static List<StoredSentence> sentences(long articleSeq, CodedArticle c) {
        List<StoredSentence> out = new ArrayList<>(c.sentences().size());
        for (Sentence s : c.sentences()) {
            out.add(new StoredSentence(articleSeq, s.index(), s.start(), s.end(), s.text()));
        }
        return out;
    }

    /** Recomputes the given clusters from their mentions (a cluster without mentions disappears). */
    private void refreshClusters(Set<Long> ids) throws SQLException {
        if (ids.isEmpty()) {
            return;
        }
        fillLongs(writer, ids);
        try (PreparedStatement ps = writer.prepareStatement(
                "DELETE FROM clusters WHERE cluster_id IN (SELECT v FROM tmp_longs)")) {
            ps.executeUpdate();
        }
        try (PreparedStatement ps = writer.prepareStatement("""
                INSERT INTO clusters
                WITH m AS (
                  SELECT e.*, a.source AS a_source, a.dedup_key AS a_key, a.ingested_at AS a_ingested,
                         a.published AS a_published, a.url AS a_url
                  FROM events e JOIN articles a ON a.seq = e.article_seq
                  WHERE e.cluster_id IN (SELECT v FROM tmp_longs)),
                agg AS (
                  SELECT cluster_id, any_value(cluster_key) AS k,
                         min_by(date, seq) AS ad, min_by(date_precision, seq) AS ap,
                         min_by(date_from_publication, seq) AS af,
                         min_by(seq, {'p': date_from_publication, 's': seq}) AS rep,
                         count(*) AS nm,
                         count(DISTINCT CASE WHEN a_source <> '' THEN 's:' || a_source ELSE 'a:' || a_key END) AS ns,
                         count(DISTINCT article_seq) AS na,
                         min(a_ingested) AS fs, min(a_published) AS fp
                  FROM m GROUP BY cluster_id)
                SELECT agg.cluster_id, agg.k, agg.ad, agg.ap, agg.af, r.date, r.date_precision, r.actor_code,
                       r.actor_country, r.actor_sector, r.actor_text, r.recipient_code, r.recipient_country,
                       r.recipient_sector, r.recipient_text, r.event_type, r.mode, r.cameo_code,
                       r.cameo_root, r.quad_class, r.goldstein, r.fact, r.loc_name, r.loc_country, r.loc_admin1,
                       r.loc_lat, r.loc_lon, r.loc_geonames, agg.nm, agg.ns, agg.na, agg.fs, agg.fp, r.seq,
                       r.article_seq, r.sentence_index, r.a_url, r.codebook
                FROM agg JOIN m r ON r.seq = agg.rep""")) {
            ps.executeUpdate();
        }
    }

    /** Indexes articles the database holds beyond what the text index's last commit covers. */
    private void catchUpTextIndex() throws SQLException {
        long covered = text.covered();
        long max = nextArticleSeq - 1;
        if (covered >= max) {
            return;
        }
        if (covered < 0) {
            text.clear();
        }
        long from = covered + 1;
        while (from <= max) {
            long to = Math.min(max, from + 999);
            Map<Long, String[]> arts = new TreeMap<>();
            Map<Long, List<StoredSentence>> sents = new HashMap<>();
            try (PreparedStatement ps = writer.prepareStatement(
                    "SELECT seq, title, text FROM articles WHERE seq BETWEEN ? AND ?")) {
                ps.setLong(1, from);
                ps.setLong(2, to);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        arts.put(rs.getLong(1), new String[] {rs.getString(2), rs.getString(3)});
                    }
                }
            }
            try (PreparedStatement ps = writer.prepareStatement("SELECT s.article_seq, s.idx, s.start_char,"
                    + " s.end_char, s.text FROM sentences s WHERE s.article_seq BETWEEN ? AND ? AND EXISTS (SELECT 1"
                    + " FROM events e WHERE e.article_seq = s.article_seq AND e.sentence_index = s.idx)"
                    + " ORDER BY s.article_seq, s.idx")) {
                ps.setLong(1, from);
                ps.setLong(2, to);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        sents.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(new StoredSentence(
                                rs.getLong(1), rs.getInt(2), rs.getInt(3), rs.getInt(4), rs.getString(5)));
                    }
                }
            }
            writer.commit();
            for (Map.Entry<Long, String[]> e : arts.entrySet()) {
                text.add(e.getKey(), e.getValue()[0], e.getValue()[1], sents.getOrDefault(e.getKey(), List.of()));
            }
            text.commit(to);
            from = to + 1;
        }
    }

    /**
     * Puts the rows of just-committed articles and of the clusters they touched in the row indexes, read back from
     * the database so they are the SQL's field for field: a range of new seqs, or the seqs of recoded articles. If
     * this fails the rows are missing (or old) in the index until the next open, and the views read missing ones
     * from the database.
     */
    private void indexRows(List<Long> recoded, long from, long to, Set<Long> touched) {
        try {
            Map<Long, RowIndex.Article> rows;
            if (recoded.isEmpty()) {
                rows = articleRows(writer, "BETWEEN ? AND ?", from, to);
            } else {
                fillLongs(writer, recoded);
                rows = articleRows(writer, "IN (SELECT v FROM tmp_longs)");
            }
            fillLongs(writer, touched);
            Map<Long, EventCluster> clusters = clusterRows(writer, "c.cluster_id IN (SELECT v FROM tmp_longs)");
            writer.commit();
            articleIndex.put(rows, List.of());
            articleIndex.publish(recoded.isEmpty() ? to : articleIndex.covered(), recodeEpoch);
            clusterIndex.put(clusters, touched.stream().filter(id -> !clusters.containsKey(id)).toList());
            clusterIndex.publish(recoded.isEmpty() ? to : clusterIndex.covered(), recodeEpoch);
        } catch (SQLException | RuntimeException e) {
            rollbackQuietly();
        }
    }

    /** Clusters satisfying {@code condition} (on {@code clusters c}), by id. */
    private static Map<Long, EventCluster> clusterRows(Connection c, String condition) throws SQLException {
        Map<Long, EventCluster> out = new LinkedHashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT " + CLUSTER_COLUMNS + " FROM clusters c WHERE "
                + condition); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                EventCluster cl = cluster(rs);
                out.put(cl.id(), cl);
            }
        }
        return out;
    }

    /**
     * Puts the clusters that articles beyond what the cluster index covers touched in it (all of them when it is
     * new, of another format or missed a recode).
     */
    private void catchUpClusterIndex() throws SQLException {
        long max = nextArticleSeq - 1;
        if (clusterIndex.current(recodeEpoch) && clusterIndex.covered() >= max) {
            return;
        }
        Map<Long, EventCluster> rows;
        List<Long> gone = new ArrayList<>();
        if (!clusterIndex.current(recodeEpoch) || clusterIndex.covered() < 0) {
            clusterIndex.clear();
            rows = clusterRows(writer, "TRUE");
        } else {
            Set<Long> ids = new HashSet<>();
            try (PreparedStatement ps = writer.prepareStatement(
                    "SELECT DISTINCT cluster_id FROM events WHERE article_seq > ?")) {
                ps.setLong(1, clusterIndex.covered());
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        ids.add(rs.getLong(1));
                    }
                }
            }
            fillLongs(writer, ids);
            rows = clusterRows(writer, "c.cluster_id IN (SELECT v FROM tmp_longs)");
            ids.stream().filter(id -> !rows.containsKey(id)).forEach(gone::add);
        }
        writer.commit();
        clusterIndex.put(rows, gone);
        clusterIndex.commit(max, recodeEpoch);
    }

    /** Articles (and their sentences) whose seq satisfies {@code seqCondition}, by seq. */
    private static Map<Long, RowIndex.Article> articleRows(Connection c, String seqCondition, long... params)
            throws SQLException {
        Map<Long, StoredArticle> articles = new LinkedHashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT " + ARTICLE_COLUMNS + " FROM articles WHERE seq "
                + seqCondition + " ORDER BY seq")) {
            for (int i = 0; i < params.length; i++) {
                ps.setLong(i + 1, params[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    StoredArticle a = articleOf(rs);
                    articles.put(a.seq(), a);
                }
            }
        }
        Map<Long, List<StoredSentence>> sentences = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT article_seq, idx, start_char, end_char, text"
                + " FROM sentences WHERE article_seq " + seqCondition + " ORDER BY article_seq, idx")) {
            for (int i = 0; i < params.length; i++) {
                ps.setLong(i + 1, params[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    sentences.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(sentence(rs));
                }
            }
        }
        Map<Long, RowIndex.Article> out = new LinkedHashMap<>();
        articles.forEach((seq, a) -> out.put(seq, new RowIndex.Article(a, sentences.getOrDefault(seq, List.of()))));
        return out;
    }

    private static StoredSentence sentence(ResultSet rs) throws SQLException {
        return new StoredSentence(rs.getLong(1), rs.getInt(2), rs.getInt(3), rs.getInt(4), rs.getString(5));
    }

    /** Puts the rows of articles beyond what the article index covers in it; rebuilds it as the event index. */
    private void catchUpArticleIndex() throws SQLException {
        catchUp(articleIndex, 2000, (from, to) -> {
            Map<Long, RowIndex.Article> rows = articleRows(writer, "BETWEEN ? AND ?", from, to);
            writer.commit();
            articleIndex.put(rows, List.of());
        });
    }

    @FunctionalInterface
    private interface RangeIndexer {
        void index(long fromSeq, long toSeq) throws SQLException;
    }

    /**
     * Brings a derived index up to the database: the articles beyond what it covers, in ranges of {@code chunk}
     * seqs, or all of them when it is of another format or missed a recode (a crash between a recode's database
     * commit and the index's commit); then commits it as covering every stored article.
     */
    private void catchUp(DerivedIndex index, int chunk, RangeIndexer indexRange) throws SQLException {
        if (!index.current(recodeEpoch)) {
            index.clear();
        }
        long from = index.current(recodeEpoch) ? index.covered() + 1 : 0;
        long max = nextArticleSeq - 1;
        while (from <= max) {
            long to = Math.min(max, from + chunk - 1);
            indexRange.index(from, to);
            from = to + 1;
        }
        if (!index.current(recodeEpoch) || index.covered() < max) {
            index.commit(max, recodeEpoch);
        }
    }

    /**
     * Indexes the events of articles beyond what the event index covers; rebuilds it whole when it is of another
     * format or missed a recode (a crash between a recode's database commit and the index's commit).
     */
    private void catchUpEventIndex() throws SQLException {
        catchUp(eventIndex, 5000, (from, to) -> {
            List<EventIndex.Entry> batch = new ArrayList<>();
            // both tables are written in article order, so the article_seq ranges prune to a few row groups
            try (PreparedStatement ps = writer.prepareStatement("SELECT " + EVENT_COLUMNS + ", e.fact, s.text"
                    + " FROM events e LEFT JOIN (SELECT article_seq, idx, text FROM sentences"
                    + " WHERE article_seq BETWEEN ? AND ?) s ON s.article_seq = e.article_seq"
                    + " AND s.idx = e.sentence_index WHERE e.article_seq BETWEEN ? AND ? ORDER BY e.seq")) {
                ps.setLong(1, from);
                ps.setLong(2, to);
                ps.setLong(3, from);
                ps.setLong(4, to);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        batch.add(new EventIndex.Entry(event(rs), rs.getBoolean(EVENT_COLUMN_COUNT + 1),
                                rs.getString(EVENT_COLUMN_COUNT + 2)));
                        if (batch.size() == 2000) {
                            eventIndex.add(batch);
                            batch.clear();
                        }
                    }
                }
            }
            writer.commit();
            eventIndex.add(batch);
        });
    }

    // ------------------------------------------------------------------------------------------------ reading

    /** Deepest page end the event index answers; deeper pages (rare, and slow anyway) go to SQL. */
    static final long INDEX_MAX_WINDOW = 100_000;

    /** Raw events (mentions) matching the query, one page, in a stable order. */
    public Page<StoredEvent> events(EventQuery q, PageRequest page) {
        ensureOpen();
        if (EventIndex.answers(q) && page.offset() + page.limit() < INDEX_MAX_WINDOW) {
            return eventIndex.events(q, page);
        }
        return eventsBySql(q, page);
    }

    /** {@link #events} answered by the event index whatever the query (tests compare it with {@link #eventsBySql}). */
    Page<StoredEvent> eventsByIndex(EventQuery q, PageRequest page) {
        return eventIndex.events(q, page);
    }

    long countEventsByIndex(EventQuery q) {
        return eventIndex.count(q);
    }

    /** {@link #events} answered by SQL only (the reference the event index is tested against). */
    Page<StoredEvent> eventsBySql(EventQuery q, PageRequest page) {
        return read(c -> {
            Sql sql = source(q);
            if (sql == null) {
                return new Page<>(List.of(), page, false);
            }
            String order = page.order() == PageRequest.Order.DATE_ASC ? "e.date, e.seq" : "e.date DESC, e.seq DESC";
            // find the page's rows on the narrow columns first, then read only those rows in full: a top-N over
            // every column would drag the JSON of every matching event through the sort
            sql.sql.insert(0, "SELECT " + EVENT_COLUMNS + " FROM events e WHERE e.seq IN (SELECT e.seq FROM ");
            sql.sql.append(" ORDER BY ").append(order).append(" LIMIT ").append(page.limit() + 1)
                    .append(" OFFSET ").append(page.offset()).append(") ORDER BY ").append(order);
            List<StoredEvent> items = new ArrayList<>();
            try (PreparedStatement ps = sql.prepare(c); ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    items.add(event(rs));
                }
            }
            boolean more = items.size() > page.limit();
            return new Page<>(more ? items.subList(0, page.limit()) : items, page, more);
        });
    }

    /** How many raw events match. */
    public long countEvents(EventQuery q) {
        ensureOpen();
        if (EventIndex.answers(q)) {
            return eventIndex.count(q);
        }
        return countEventsBySql(q);
    }

    long countEventsBySql(EventQuery q) {
        return read(c -> {
            Sql sql = source(q);
            if (sql == null) {
                return 0L;
            }
            sql.sql.insert(0, "SELECT count(*) FROM ");
            try (PreparedStatement ps = sql.prepare(c); ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }

    /**
     * Real-world events (clusters) with at least one mention matching the query, one page: the distinct clusters of
     * the events the event index matches ({@link ClusterTable}), their rows from the cluster index.
     */
    public Page<EventCluster> clusters(EventQuery q, PageRequest page) {
        ensureOpen();
        if (EventIndex.answers(q) && page.offset() + page.limit() < INDEX_MAX_WINDOW) {
            Page<EventCluster> p = clustersByIndex(q, page);
            if (p != null) {
                return p;
            }
        }
        return clustersBySql(q, page);
    }

    /** {@link #clusters} from the event index and the cluster table; null when a row is not in the cluster index. */
    Page<EventCluster> clustersByIndex(EventQuery q, PageRequest page) {
        ClusterTable.Matches m = clusterMatches(q);
        long want = page.offset() + page.limit() + 1;
        long[] ids = m.top((int) Math.min(want, Integer.MAX_VALUE - 8), page.order() == PageRequest.Order.DATE_ASC);
        List<EventCluster> items = new ArrayList<>();
        for (int i = (int) Math.min(page.offset(), ids.length); i < ids.length && items.size() < page.limit(); i++) {
            Optional<EventCluster> row = clusterIndex.get(ids[i]);
            if (row.isEmpty()) {
                return null;
            }
            items.add(row.get());
        }
        return new Page<>(items, page, ids.length > page.offset() + page.limit());
    }

    private ClusterTable.Matches clusterMatches(EventQuery q) {
        if (q.equals(EventQuery.ALL)) {
            ClusterTable.Matches m = new ClusterTable.Matches(clusterTable.state());
            m.addAllLive();
            return m;
        }
        return eventIndex.clusters(q, clusterTable);
    }

    /** {@link #clusters} answered by SQL only (the reference the cluster table is tested against). */
    Page<EventCluster> clustersBySql(EventQuery q, PageRequest page) {
        return read(c -> {
            Sql sql = clusterSource(q);
            if (sql == null) {
                return new Page<>(List.of(), page, false);
            }
            String order = page.order() == PageRequest.Order.DATE_ASC ? "c.date, c.cluster_id"
                    : "c.date DESC, c.cluster_id DESC";
            sql.sql.insert(0, "SELECT " + CLUSTER_COLUMNS + " FROM clusters c WHERE c.cluster_id IN"
                    + " (SELECT c.cluster_id FROM ");
            sql.sql.append(" ORDER BY ").append(order).append(" LIMIT ").append(page.limit() + 1)
                    .append(" OFFSET ").append(page.offset()).append(") ORDER BY ").append(order);
            List<EventCluster> items = new ArrayList<>();
            try (PreparedStatement ps = sql.prepare(c); ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    items.add(cluster(rs));
                }
            }
            boolean more = items.size() > page.limit();
            return new Page<>(more ? items.subList(0, page.limit()) : items, page, more);
        });
    }

    /** How many clusters have a mention matching the query. */
    public long countClusters(EventQuery q) {
        ensureOpen();
        if (EventIndex.answers(q)) {
            return clusterMatches(q).count();
        }
        return countClustersBySql(q);
    }

    long countClustersBySql(EventQuery q) {
        return read(c -> {
            Sql sql = clusterSource(q);
            if (sql == null) {
                return 0L;
            }
            sql.sql.insert(0, "SELECT count(*) FROM ");
            try (PreparedStatement ps = sql.prepare(c); ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }

    /** One real-world event by id: from the cluster index, else (not indexed yet, or no such cluster) by SQL. */
    public Optional<EventCluster> cluster(long id) {
        ensureOpen();
        return clusterIndex.get(id).or(() -> clusterBySql(id));
    }

    Optional<EventCluster> clusterByIndex(long id) {
        return clusterIndex.get(id);
    }

    Optional<EventCluster> clusterBySql(long id) {
        return read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT " + CLUSTER_COLUMNS
                    + " FROM clusters c WHERE c.cluster_id = ?")) {
                ps.setLong(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(cluster(rs)) : Optional.<EventCluster>empty();
                }
            }
        });
    }

    /** Every mention of a cluster, in store order. */
    public List<StoredEvent> mentions(long clusterId) {
        ensureOpen();
        return eventIndex.ofCluster(clusterId);
    }

    List<StoredEvent> mentionsBySql(long clusterId) {
        return read(c -> {
            List<StoredEvent> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT " + EVENT_COLUMNS
                    + " FROM events e WHERE e.cluster_id = ? ORDER BY e.seq")) {
                ps.setLong(1, clusterId);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(event(rs));
                    }
                }
            }
            return out;
        });
    }

    /**
     * Events of a dyad over time: for each period with events, the count, Goldstein sum and mean, and counts by
     * quad class. {@code actor} and {@code recipient} are code prefixes (empty: any).
     */
    public List<SeriesPoint> dyadSeries(String actor, String recipient, Granularity granularity, EventQuery filter) {
        EventQuery q = (filter == null ? EventQuery.ALL : filter).withActor(actor).withRecipient(recipient);
        ensureOpen();
        if (cube.answers(q)) {
            return cube.series(q, granularity);
        }
        return dyadSeriesBySql(q, granularity);
    }

    /** Whether series, aggregates and networks of mentions matching the query come from the pre-aggregated table. */
    boolean aggregatesFromTable(EventQuery q) {
        return cube.answers(q);
    }

    /** Folds the pre-aggregated table's recent changes into its sorted base (as it does every 100,000 rows). */
    void foldAggregates() {
        synchronized (writeLock) {
            cube.foldNow();
        }
    }

    /** {@link #dyadSeries} by SQL over the events table (the reference the pre-aggregated table is tested against). */
    List<SeriesPoint> dyadSeriesBySql(EventQuery q, Granularity granularity) {
        return read(c -> {
            Sql sql = source(q);
            if (sql == null) {
                return List.<SeriesPoint>of();
            }
            sql.sql.insert(0, "SELECT date_trunc('" + granularity.sqlUnit() + "', e.date)::DATE AS p, count(*),"
                    + " sum(e.goldstein), avg(e.goldstein), count(*) FILTER (WHERE e.quad_class = 1),"
                    + " count(*) FILTER (WHERE e.quad_class = 2), count(*) FILTER (WHERE e.quad_class = 3),"
                    + " count(*) FILTER (WHERE e.quad_class = 4) FROM ");
            sql.sql.append(" GROUP BY p ORDER BY p");
            List<SeriesPoint> out = new ArrayList<>();
            try (PreparedStatement ps = sql.prepare(c); ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new SeriesPoint(rs.getObject(1, LocalDate.class), rs.getLong(2), rs.getDouble(3),
                            rs.getDouble(4), new long[] {rs.getLong(5), rs.getLong(6), rs.getLong(7), rs.getLong(8)}));
                }
            }
            return out;
        });
    }

    /** Counts by dyad × period × group with Goldstein sum and mean, ordered by dyad, period, group. */
    public List<AggregateRow> aggregate(AggregateRequest req) {
        ensureOpen();
        if (!req.clustered() && cube.answers(req.filter())) {
            return cube.aggregate(req);
        }
        return aggregateBySql(req);
    }

    List<AggregateRow> aggregateBySql(AggregateRequest req) {
        return read(c -> {
            Sql sql = req.clustered() ? clusterSource(req.filter()) : source(req.filter());
            if (sql == null) {
                return List.<AggregateRow>of();
            }
            String t = req.clustered() ? "c" : "e";
            String actor = req.dyad() == AggregateRequest.Dyad.COUNTRY ? t + ".actor_country" : t + ".actor_code";
            String recipient = req.dyad() == AggregateRequest.Dyad.COUNTRY ? t + ".recipient_country"
                    : t + ".recipient_code";
            String group = switch (req.groupBy()) {
                case CAMEO_ROOT -> t + ".cameo_root";
                case QUAD_CLASS -> t + ".quad_class::VARCHAR";
                case PLOVER_TYPE -> t + ".event_type";
            };
            sql.sql.insert(0, "SELECT " + actor + " AS a, " + recipient + " AS r, date_trunc('"
                    + req.granularity().sqlUnit() + "', " + t + ".date)::DATE AS p, " + group + " AS g, count(*),"
                    + " sum(" + t + ".goldstein), avg(" + t + ".goldstein) FROM ");
            sql.sql.append(" GROUP BY a, r, p, g ORDER BY a, r, p, g");
            List<AggregateRow> out = new ArrayList<>();
            try (PreparedStatement ps = sql.prepare(c); ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new AggregateRow(rs.getString(1), rs.getString(2), rs.getObject(3, LocalDate.class),
                            rs.getString(4), rs.getLong(5), rs.getDouble(6), rs.getDouble(7)));
                }
            }
            return out;
        });
    }

    /**
     * The actor network: one edge per (actor, recipient) pair with events between them, weighted by count and
     * mean Goldstein; events without recipient are left out. {@code byCountry} collapses codes to countries.
     */
    public List<NetworkEdge> actorNetwork(EventQuery q, boolean clustered, boolean byCountry) {
        ensureOpen();
        if (!clustered && cube.answers(q)) {
            return cube.network(q, byCountry);
        }
        return actorNetworkBySql(q, clustered, byCountry);
    }

    List<NetworkEdge> actorNetworkBySql(EventQuery q, boolean clustered, boolean byCountry) {
        return read(c -> {
            Sql sql = clustered ? clusterSource(q) : source(q);
            if (sql == null) {
                return List.<NetworkEdge>of();
            }
            String t = clustered ? "c" : "e";
            String a = byCountry ? t + ".actor_country" : t + ".actor_code";
            String r = byCountry ? t + ".recipient_country" : t + ".recipient_code";
            sql.sql.insert(0, "SELECT a, r, count(*), sum(g), avg(g) FROM (SELECT " + a + " AS a, " + r + " AS r, "
                    + t + ".goldstein AS g FROM ");
            sql.sql.append(") WHERE a <> '' AND r <> '' GROUP BY a, r ORDER BY a, r");
            List<NetworkEdge> out = new ArrayList<>();
            try (PreparedStatement ps = sql.prepare(c); ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new NetworkEdge(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getDouble(4),
                            rs.getDouble(5)));
                }
            }
            return out;
        });
    }

    /** What makes two articles the same one for the store: the same URL, or the same text when there is no URL. */
    static String dedupKey(Article a) {
        return dedupKey(a, a.url().isBlank() ? sha256(a.text()) : null);
    }

    /** {@link #dedupKey(Article)} when the text's SHA-256 is already known (it is only read without a URL). */
    private static String dedupKey(Article a, String textSha256) {
        return a.url().isBlank() ? "sha256:" + textSha256 : "url:" + a.url().strip();
    }

    /** The seq of the stored article this one duplicates (same URL, or same text without URL), if any. */
    public Optional<Long> storedSeq(Article a) {
        String key = dedupKey(a);
        return read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT seq FROM articles WHERE dedup_key = ?")) {
                ps.setString(1, key);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(rs.getLong(1)) : Optional.<Long>empty();
                }
            }
        });
    }

    /** A stored article with its sentences and events. */
    public Optional<ArticleWithEvents> article(long seq) {
        ensureOpen();
        // the row and sentences from the article index (a stored-field read), else (not indexed yet) from DuckDB
        Optional<RowIndex.Article> row = articleIndex.get(seq).or(() -> articleRowBySql(seq));
        if (row.isEmpty()) {
            return Optional.empty();
        }
        Optional<StoredArticle> a = Optional.of(row.get().article());
        List<StoredSentence> sentences = row.get().sentences();
        // the article's events from the event index: a columnar scan for one article's rows reads whole row
        // groups of the event JSON. The index follows the database by milliseconds; an article read in between
        // gets its events from the database, so it never shows fewer events than it says it has
        List<StoredEvent> events = eventIndex.ofArticle(seq);
        if (events.size() != a.get().numEvents()) {
            events = articleEventsBySql(seq);
        }
        return Optional.of(new ArticleWithEvents(a.get(), sentences, events));
    }

    /**
     * One event by its article and its seq (the API's event id), from the event index: reading the whole article
     * (its text and sentences are columnar point reads in DuckDB) only to pick one event cost tens of milliseconds,
     * seconds under concurrency. An event the index does not hold yet (a write of the last milliseconds) is looked
     * for in the database.
     */
    public Optional<StoredEvent> event(long articleSeq, long seq) {
        ensureOpen();
        Optional<StoredEvent> e = eventIndex.ofArticle(articleSeq).stream().filter(x -> x.seq() == seq).findFirst();
        return e.isPresent() ? e : articleEventsBySql(articleSeq).stream().filter(x -> x.seq() == seq).findFirst();
    }

    /** An article's row and sentences by SQL (the reference the article index is tested against). */
    Optional<RowIndex.Article> articleRowBySql(long seq) {
        return read(c -> articleRows(c, "= ?", seq).values().stream().findFirst());
    }

    /** {@link #article} as the article index answers it (tests compare it with {@link #articleRowBySql}). */
    Optional<RowIndex.Article> articleRowByIndex(long seq) {
        return articleIndex.get(seq);
    }

    /** The events of one article by SQL (the reference the event index is tested against). */
    List<StoredEvent> articleEventsBySql(long seq) {
        return read(c -> {
            List<StoredEvent> events = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT " + EVENT_COLUMNS
                    + " FROM events e WHERE e.article_seq = ? ORDER BY e.seq")) {
                ps.setLong(1, seq);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        events.add(event(rs));
                    }
                }
            }
            return events;
        });
    }

    /** The most recently stored article with this input id (ids from different inputs may coincide). */
    public Optional<ArticleWithEvents> articleById(String id) {
        Optional<Long> seq = read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT max(seq) FROM articles WHERE id = ?")) {
                ps.setString(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    long v = rs.getLong(1);
                    return rs.wasNull() ? Optional.<Long>empty() : Optional.of(v);
                }
            }
        });
        return seq.flatMap(this::article);
    }

    /** Articles whose title or text match a full-text query, newest first (by publication, then store order). */
    public Page<StoredArticle> searchArticles(String query, PageRequest page) {
        long[] seqs = text.articles(query);
        if (seqs.length == 0) {
            return new Page<>(List.of(), page, false);
        }
        return read(c -> {
            String order = page.order() == PageRequest.Order.DATE_ASC ? "published NULLS FIRST, seq"
                    : "published DESC NULLS LAST, seq DESC";
            List<StoredArticle> out = new ArrayList<>();
            fillLongs(c, seqs);
            try (PreparedStatement ps = c.prepareStatement("SELECT " + ARTICLE_COLUMNS
                    + " FROM articles WHERE seq IN (SELECT v FROM tmp_longs) ORDER BY " + order + " LIMIT "
                    + (page.limit() + 1) + " OFFSET " + page.offset())) {
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(articleOf(rs));
                    }
                }
            }
            boolean more = out.size() > page.limit();
            return new Page<>(more ? out.subList(0, page.limit()) : out, page, more);
        });
    }

    public StoreStats stats() {
        return read(c -> {
            try (Statement s = c.createStatement()) {
                long articles;
                long sentences;
                long events;
                long clusters;
                LocalDate first;
                LocalDate last;
                try (ResultSet rs = s.executeQuery("SELECT (SELECT count(*) FROM articles), (SELECT count(*) FROM"
                        + " sentences), (SELECT count(*) FROM events), (SELECT count(*) FROM clusters),"
                        + " (SELECT min(date) FROM events), (SELECT max(date) FROM events)")) {
                    rs.next();
                    articles = rs.getLong(1);
                    sentences = rs.getLong(2);
                    events = rs.getLong(3);
                    clusters = rs.getLong(4);
                    first = rs.getObject(5, LocalDate.class);
                    last = rs.getObject(6, LocalDate.class);
                }
                Map<String, Long> byCodebook = new LinkedHashMap<>();
                try (ResultSet rs = s.executeQuery("SELECT codebook, count(*) FROM events GROUP BY codebook ORDER BY 1")) {
                    while (rs.next()) {
                        byCodebook.put(rs.getString(1), rs.getLong(2));
                    }
                }
                return new StoreStats(articles, sentences, events, clusters, Optional.ofNullable(first),
                        Optional.ofNullable(last), byCodebook);
            }
        });
    }

    /** Streams matching events with their articles in store order (for exports); holds one connection meanwhile. */
    public void forEachEvent(EventQuery q, Consumer<EventWithArticle> sink) {
        read(c -> {
            Sql sql = source(q);
            if (sql == null) {
                return null;
            }
            sql.sql.insert(0, "SELECT " + EVENT_COLUMNS + ", " + REF_COLUMNS + ", cl.first_seen FROM (SELECT e.* FROM ");
            sql.sql.append(") e JOIN articles a ON a.seq = e.article_seq LEFT JOIN clusters cl ON cl.cluster_id = e.cluster_id"
                    + " ORDER BY e.seq");
            try (PreparedStatement ps = sql.prepare(c); ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    sink.accept(new EventWithArticle(event(rs), ref(rs, EVENT_COLUMN_COUNT + 1),
                            instant(rs.getTimestamp(EVENT_COLUMN_COUNT + 8))));
                }
            }
            return null;
        });
    }

    /** Streams clusters with a mention matching the query, by cluster id (for exports). */
    public void forEachCluster(EventQuery q, Consumer<EventCluster> sink) {
        read(c -> {
            Sql sql = clusterSource(q);
            if (sql == null) {
                return null;
            }
            sql.sql.insert(0, "SELECT " + CLUSTER_COLUMNS + " FROM ");
            sql.sql.append(" ORDER BY c.date, c.cluster_id");
            try (PreparedStatement ps = sql.prepare(c); ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    sink.accept(cluster(rs));
                }
            }
            return null;
        });
    }

    /**
     * Writes matching events (mentions) or clusters to a Parquet file with DuckDB's own writer; CAMEO codes stay
     * strings. Returns the number of rows written.
     */
    public long exportParquet(EventQuery q, boolean clusters, Path out) {
        return read(c -> {
            Sql sql = clusters ? clusterSource(q) : source(q);
            String select = clusters ? "SELECT c.* FROM " : "SELECT e.* FROM ";
            String body;
            if (sql == null) {
                body = (clusters ? "SELECT * FROM clusters" : "SELECT * FROM events") + " WHERE FALSE";
                sql = new Sql();
            } else {
                sql.sql.insert(0, select);
                sql.sql.append(clusters ? " ORDER BY c.date, c.cluster_id" : " ORDER BY e.seq");
                body = sql.sql.toString();
            }
            sql.sql.setLength(0);
            sql.sql.append("COPY (").append(body).append(") TO '")
                    .append(out.toAbsolutePath().toString().replace("'", "''")).append("' (FORMAT parquet)");
            try (PreparedStatement ps = sql.prepare(c)) {
                ps.execute();
            }
            Sql count = clusters ? clusterSource(q) : source(q);
            if (count == null) {
                return 0L;
            }
            count.sql.insert(0, "SELECT count(*) FROM ");
            try (PreparedStatement ps = count.prepare(c); ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }

    // ------------------------------------------------------------------------------------------------ SQL

    /** A statement being built: text and positional parameters. */
    private final class Sql {
        final StringBuilder sql = new StringBuilder();
        final List<Object> params = new ArrayList<>();
        /** Sentence keys of a text filter, put in the connection's tmp_longs before the statement runs. */
        long[] keys;

        void where(String condition, Object... values) {
            sql.append(" AND ").append(condition);
            params.addAll(List.of(values));
        }

        PreparedStatement prepare(Connection c) throws SQLException {
            if (keys != null) {
                fillLongs(c, keys);
            }
            PreparedStatement ps = c.prepareStatement(sql.toString());
            for (int i = 0; i < params.size(); i++) {
                Object p = params.get(i);
                if (p instanceof Integer n) {
                    ps.setInt(i + 1, n);
                } else {
                    ps.setString(i + 1, (String) p);
                }
            }
            return ps;
        }
    }

    /**
     * {@code events e WHERE …} for the query (one-a-day as a sub-select); null when the text query matches no
     * sentence, so nothing can match.
     */
    private Sql source(EventQuery q) {
        Sql s = new Sql();
        s.sql.append("events e WHERE TRUE");
        if (!q.actor().isEmpty()) {
            s.where("(starts_with(e.actor_code, ?) OR (e.actor_n > 1 AND contains(e.actor_codes, ?)))",
                    q.actor(), ";" + q.actor());
        }
        if (!q.recipient().isEmpty()) {
            s.where("(starts_with(e.recipient_code, ?) OR (e.recipient_n > 1 AND contains(e.recipient_codes, ?)))",
                    q.recipient(), ";" + q.recipient());
        }
        if (!q.country().isEmpty()) {
            s.where("(e.actor_country = ? OR e.recipient_country = ? OR e.loc_country = ?)", q.country(), q.country(),
                    q.country());
        }
        if (!q.sector().isEmpty()) {
            s.where("(e.actor_sector = ? OR e.recipient_sector = ?)", q.sector(), q.sector());
        }
        if (!q.cameo().isEmpty()) {
            s.where("starts_with(e.cameo_code, ?)", q.cameo());
        }
        if (!q.eventType().isEmpty()) {
            s.where("e.event_type = ?", q.eventType());
        }
        if (q.quadClass() != 0) {
            s.where("e.quad_class = ?", q.quadClass());
        }
        q.from().ifPresent(d -> s.where("e.date >= CAST(? AS DATE)", d.toString()));
        q.to().ifPresent(d -> s.where("e.date <= CAST(? AS DATE)", d.toString()));
        if (!q.sourceKind().isEmpty()) {
            s.where("e.source_kind = ?", q.sourceKind());
        }
        if (!q.codebook().isEmpty()) {
            s.where("e.codebook = ?", q.codebook());
        }
        if (q.factsOnly()) {
            s.where("e.fact");
        }
        if (!q.text().isEmpty()) {
            long[] keys = text.sentences(q.text());
            if (keys.length == 0) {
                return null;
            }
            s.where("e.sent_key IN (SELECT v FROM tmp_longs)");
            s.keys = keys;
        }
        if (q.oneADay()) {
            s.sql.insert(0, "(SELECT * FROM ");
            s.sql.append(" QUALIFY row_number() OVER (PARTITION BY e.actor_code, e.recipient_code, e.cameo_code,"
                    + " e.date ORDER BY e.seq) = 1) e");
        }
        return s;
    }

    /** {@code clusters c WHERE …}: clusters with at least one mention matching the query. */
    private Sql clusterSource(EventQuery q) {
        if (q.equals(EventQuery.ALL)) {
            Sql s = new Sql();
            s.sql.append("clusters c");
            return s;
        }
        Sql inner = source(q);
        if (inner == null) {
            return null;
        }
        inner.sql.insert(0, "clusters c WHERE c.cluster_id IN (SELECT e.cluster_id FROM ");
        inner.sql.append(")");
        return inner;
    }

    private static final String EVENT_COLUMNS = "e.seq, e.id, e.article_seq, e.article_id, e.date, e.date_precision,"
            + " e.date_from_publication, e.published, e.actor_code, e.actor_country, e.actor_sector, e.actor_text,"
            + " e.actor_codes, e.recipient_code, e.recipient_country, e.recipient_sector, e.recipient_text,"
            + " e.recipient_codes, e.event_type, e.mode, e.cameo_code, e.quad_class, e.goldstein, e.negated,"
            + " e.hypothetical, e.future, e.sentence_index, e.trigger, e.source_kind, e.loc_name, e.loc_country,"
            + " e.loc_admin1, e.loc_lat, e.loc_lon, e.loc_geonames, e.cluster_id, e.codebook, e.json";
    private static final int EVENT_COLUMN_COUNT = 38;

    private static final String REF_COLUMNS = "a.seq, a.id, a.url, a.source, a.published, length(a.text),"
            + " a.ingested_at";

    private static final String CLUSTER_COLUMNS = "c.cluster_id, c.cluster_key, c.date, c.date_precision,"
            + " c.actor_code, c.actor_country, c.actor_sector, c.actor_text, c.recipient_code, c.recipient_country,"
            + " c.recipient_sector, c.recipient_text, c.event_type, c.mode, c.cameo_code,"
            + " c.quad_class, c.goldstein, c.fact, c.loc_name, c.loc_country, c.loc_admin1, c.loc_lat, c.loc_lon,"
            + " c.loc_geonames, c.num_mentions, c.num_sources, c.num_articles, c.first_seen, c.first_published,"
            + " c.rep_event_seq, c.rep_article_seq, c.rep_sentence_index, c.source_url, c.codebook";

    private static final String ARTICLE_COLUMNS = "seq, id, url, title, published, source, text, content_hash,"
            + " codebook, record, ingested_at, num_events";

    private static StoredEvent event(ResultSet rs) throws SQLException {
        return new StoredEvent(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getString(4),
                rs.getObject(5, LocalDate.class), rs.getString(6), rs.getBoolean(7),
                Optional.ofNullable(rs.getObject(8, LocalDate.class)), rs.getString(9), rs.getString(10),
                rs.getString(11), rs.getString(12), rs.getString(13), rs.getString(14), rs.getString(15),
                rs.getString(16), rs.getString(17), rs.getString(18), rs.getString(19), rs.getString(20),
                rs.getString(21), rs.getInt(22), rs.getDouble(23), rs.getBoolean(24), rs.getBoolean(25),
                rs.getBoolean(26), rs.getInt(27), rs.getString(28), rs.getString(29), location(rs, 30),
                rs.getLong(36), rs.getString(37), rs.getString(38));
    }

    private static EventCluster cluster(ResultSet rs) throws SQLException {
        return new EventCluster(rs.getLong(1), rs.getString(2), rs.getObject(3, LocalDate.class), rs.getString(4),
                rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9),
                rs.getString(10), rs.getString(11), rs.getString(12), rs.getString(13), rs.getString(14),
                rs.getString(15), rs.getInt(16), rs.getDouble(17), rs.getBoolean(18), location(rs, 19),
                rs.getInt(25), rs.getInt(26), rs.getInt(27), instant(rs.getTimestamp(28)),
                Optional.ofNullable(rs.getObject(29, LocalDate.class)), rs.getLong(30), rs.getLong(31),
                rs.getInt(32), rs.getString(33), rs.getString(34));
    }

    /** Six columns from {@code at}: name, country, admin1, lat, lon, geonames. */
    private static Optional<Location> location(ResultSet rs, int at) throws SQLException {
        String name = rs.getString(at);
        String country = rs.getString(at + 1);
        if (name == null && country == null) {
            return Optional.empty();
        }
        double lat = rs.getDouble(at + 3);
        if (rs.wasNull()) {
            lat = Double.NaN;
        }
        double lon = rs.getDouble(at + 4);
        if (rs.wasNull()) {
            lon = Double.NaN;
        }
        return Optional.of(new Location(name, country, rs.getString(at + 2), lat, lon, rs.getLong(at + 5)));
    }

    private static ArticleRef ref(ResultSet rs, int at) throws SQLException {
        return new ArticleRef(rs.getLong(at), rs.getString(at + 1), rs.getString(at + 2), rs.getString(at + 3),
                Optional.ofNullable(rs.getObject(at + 4, LocalDate.class)), rs.getInt(at + 5),
                instant(rs.getTimestamp(at + 6)));
    }

    private Optional<StoredArticle> articleRow(long seq) {
        return read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT " + ARTICLE_COLUMNS + " FROM articles WHERE seq = ?")) {
                ps.setLong(1, seq);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(articleOf(rs)) : Optional.<StoredArticle>empty();
                }
            }
        });
    }

    private static StoredArticle articleOf(ResultSet rs) throws SQLException {
        return new StoredArticle(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                Optional.ofNullable(rs.getObject(5, LocalDate.class)), rs.getString(6), rs.getString(7),
                rs.getString(8), rs.getString(9), rs.getString(10), instant(rs.getTimestamp(11)), rs.getInt(12));
    }

    private static Instant instant(Timestamp t) {
        // stored as UTC wall-clock time (TIMESTAMP without zone)
        return t == null ? null : t.toLocalDateTime().toInstant(ZoneOffset.UTC);
    }

    // ------------------------------------------------------------------------------------------------ plumbing

    @FunctionalInterface
    private interface SqlFunction<T> {
        T apply(Connection c) throws SQLException;
    }

    private <T> T read(SqlFunction<T> f) {
        ensureOpen();
        Connection c;
        try {
            c = readers.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreException("interrupted while waiting for a connection", e);
        }
        try {
            return f.apply(c);
        } catch (SQLException e) {
            throw new StoreException("query failed: " + e.getMessage(), e);
        } finally {
            readers.add(c);
        }
    }

    private void rollbackQuietly() {
        try {
            writer.rollback();
        } catch (SQLException ignored) {
            // the connection is unusable only if the database is; the next write will say so
        }
    }

    private static String reason(Exception e) {
        String m = e.getMessage() == null ? e.toString() : e.getMessage();
        int nl = m.indexOf('\n');
        return nl < 0 ? m : m.substring(0, nl);
    }

    private static String sha256(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }

    private void ensureOpen() {
        if (closed) {
            throw new IllegalStateException("the store is closed");
        }
    }

    /** Writes DuckDB's write-ahead log into the database file (after a bulk load: smaller file, faster open). */
    public void checkpoint() {
        synchronized (writeLock) {
            try (Statement s = writer.createStatement()) {
                s.execute("CHECKPOINT");
                writer.commit();
            } catch (SQLException e) {
                throw new StoreException("checkpoint failed: " + e.getMessage(), e);
            }
        }
    }

    @Override
    public void close() {
        synchronized (writeLock) {
            if (closed) {
                return;
            }
            closed = true;
            try {
                try {
                    eventIndex.close();
                } finally {
                    try {
                        articleIndex.close();
                        clusterIndex.close();
                    } finally {
                        text.close();
                    }
                }
            } finally {
                try {
                    for (Connection c : allReaders) {
                        c.close();
                    }
                    writer.close();
                } catch (SQLException e) {
                    throw new StoreException("closing the store failed: " + e.getMessage(), e);
                }
            }
        }
    }
}
