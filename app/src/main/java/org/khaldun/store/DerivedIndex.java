package org.khaldun.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.store.FSDirectory;

/**
 * A Lucene index derived from the database, beside it: the event index and the row indexes. The database is the
 * truth: each commit records the highest article seq the index covers, the store's recode epoch and the index's
 * format; the store indexes what lies beyond on open, and rebuilds an index that missed a recode (a crash between a
 * recode's database commit and the index commit) or is of another format.
 */
abstract class DerivedIndex implements AutoCloseable {

    static final String COVERED = "max_article_seq";
    static final String EPOCH = "recode_epoch";
    private static final long COMMIT_INTERVAL_NANOS = 5_000_000_000L;

    private final String format;
    private final FSDirectory dir;
    protected final IndexWriter writer;
    private final SearcherManager searchers;
    private long covered = -1;
    private long epoch = -1;
    private boolean sameFormat;
    private long pending = -1;
    private long epochPending = -1;
    private long lastCommit = System.nanoTime();

    /** @param format bump when the documents change shape: an index of another format is rebuilt */
    DerivedIndex(Path path, IndexWriterConfig cfg, String format, String what) {
        this.format = format;
        try {
            Files.createDirectories(path);
            dir = FSDirectory.open(path);
            writer = new IndexWriter(dir, cfg);
            Iterable<Map.Entry<String, String>> data = writer.getLiveCommitData();
            if (data != null) {
                for (Map.Entry<String, String> e : data) {
                    switch (e.getKey()) {
                        case COVERED -> covered = Long.parseLong(e.getValue());
                        case EPOCH -> epoch = Long.parseLong(e.getValue());
                        case "format" -> sameFormat = format.equals(e.getValue());
                        default -> { }
                    }
                }
            }
            searchers = new SearcherManager(writer, null);
        } catch (IOException | IllegalArgumentException e) {
            // IllegalArgumentException: an index written with another sort; the caller deletes and rebuilds it
            throw new UncheckedIOException("cannot open the " + what + " " + path + ": " + e.getMessage(),
                    e instanceof IOException io ? io : new IOException(e));
        }
    }

    /** Highest article seq the index holds (committed or about to be); -1 when empty. */
    long covered() {
        return Math.max(covered, pending);
    }

    /** Whether the index reflects the database's recodes up to {@code dbEpoch} and is of this code's format. */
    boolean current(long dbEpoch) {
        return sameFormat && epoch == dbEpoch;
    }

    /** Drops every document (before a full rebuild). */
    void clear() {
        try {
            writer.deleteAll();
            covered = -1;
            pending = -1;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** As {@link TextIndex#publish}: visible at once, durable within a few seconds and on close. */
    void publish(long coveredSeq, long dbEpoch) {
        pending = Math.max(pending, coveredSeq);
        epochPending = dbEpoch;
        try {
            if (System.nanoTime() - lastCommit >= COMMIT_INTERVAL_NANOS) {
                commit(pending, dbEpoch);
            } else {
                searchers.maybeRefreshBlocking();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void commit(long coveredSeq, long dbEpoch) {
        try {
            covered = Math.max(covered, coveredSeq);
            epoch = dbEpoch;
            sameFormat = true;
            writer.setLiveCommitData(Map.of(COVERED, Long.toString(covered), EPOCH, Long.toString(epoch),
                    "format", format).entrySet());
            writer.commit();
            lastCommit = System.nanoTime();
            pending = -1;
            epochPending = -1;
            searchers.maybeRefreshBlocking();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @FunctionalInterface
    interface Search<T> {
        T apply(IndexSearcher s) throws IOException;
    }

    <T> T withSearcher(Search<T> f) {
        try {
            IndexSearcher s = searchers.acquire();
            try {
                return f.apply(s);
            } finally {
                searchers.release(s);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try {
            if (pending >= 0 || epochPending >= 0) {
                commit(pending, epochPending >= 0 ? epochPending : epoch);
            }
            searchers.close();
            writer.rollback();
            dir.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
