package org.khaldun.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.Term;
import org.apache.lucene.queryparser.classic.ParseException;
import org.apache.lucene.queryparser.classic.QueryParser;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.SimpleCollector;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.FSDirectory;

/**
 * Full-text index of stored articles and sentences, in a Lucene directory beside the database file
 * ({@code khaldun.duckdb.fts/}). DuckDB's own FTS extension is downloaded at run time, which an offline machine
 * cannot do, and a DuckDB {@code ILIKE} scan of a million sentences is far slower than an inverted index.
 *
 * <p>The database is the truth; this index is derived from it. Each Lucene commit records the highest article
 * seq it covers, and the store re-indexes whatever the database holds beyond that when it opens, so a crash
 * between a database commit and an index commit loses nothing.
 *
 * <p>Words are analysed the English way (lower case, stop words, Porter stems: "attacks" finds "attacked").
 * Query syntax is Lucene's classic one; words are ANDed by default.
 */
final class TextIndex implements AutoCloseable {

    static final String COVERED = "max_article_seq";
    private static final int SENTENCE_BITS = 20;
    private static final long MAX_SENTENCE = (1L << SENTENCE_BITS) - 1;

    private final FSDirectory dir;
    private final Analyzer analyzer = new EnglishAnalyzer();
    private final IndexWriter writer;
    private final SearcherManager searchers;
    private long covered;

    TextIndex(Path path) {
        try {
            Files.createDirectories(path);
            dir = FSDirectory.open(path);
            writer = new IndexWriter(dir, writerConfig(analyzer));
            covered = -1;
            Iterable<Map.Entry<String, String>> data = writer.getLiveCommitData();
            if (data != null) {
                for (Map.Entry<String, String> e : data) {
                    if (e.getKey().equals(COVERED)) {
                        covered = Long.parseLong(e.getValue());
                    }
                }
            }
            searchers = new SearcherManager(writer, null);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the text index " + path + ": " + e.getMessage(), e);
        }
    }

    /**
     * How the store's Lucene indexes are written: opened as they are on disk, commits only when the store says so
     * (the commit data records how far the index has caught up with the database), 64 MB of buffered documents.
     */
    static IndexWriterConfig writerConfig(Analyzer analyzer) {
        IndexWriterConfig cfg = new IndexWriterConfig(analyzer);
        cfg.setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND);
        cfg.setRAMBufferSizeMB(64);
        cfg.setCommitOnClose(false);
        return cfg;
    }

    /** Key of a sentence in events ({@code sent_key}): article seq and sentence index in one number. */
    static long sentenceKey(long articleSeq, int sentenceIndex) {
        return (articleSeq << SENTENCE_BITS) | Math.min(sentenceIndex, MAX_SENTENCE);
    }

    /** Highest article seq whose documents the index holds (committed or about to be); -1 for an empty index. */
    long covered() {
        return Math.max(covered, pending);
    }

    /**
     * Adds (or replaces) an article and its sentences. Visible to searches after {@link #commit}. The store passes
     * only sentences that hold events (what event text filters need); the article document covers all its text.
     */
    void add(long articleSeq, String title, String text, List<StoredSentence> sentences) {
        try {
            writer.deleteDocuments(LongPoint.newExactQuery("article", articleSeq));
            Document a = new Document();
            a.add(new StringField("kind", "a", Field.Store.NO));
            a.add(new LongPoint("article", articleSeq));
            a.add(new NumericDocValuesField("key", articleSeq));
            a.add(new TextField("text", title + "\n" + text, Field.Store.NO));
            writer.addDocument(a);
            for (StoredSentence s : sentences) {
                Document d = new Document();
                d.add(new StringField("kind", "s", Field.Store.NO));
                d.add(new LongPoint("article", articleSeq));
                d.add(new NumericDocValuesField("key", sentenceKey(articleSeq, s.index())));
                d.add(new TextField("text", s.text(), Field.Store.NO));
                writer.addDocument(d);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Commits at most this often while writing: a Lucene commit syncs every new file to disk. */
    private static final long COMMIT_INTERVAL_NANOS = 5_000_000_000L;
    private long lastCommit = System.nanoTime();
    private long pending = -1;

    /**
     * Makes additions visible to searches at once (near-real-time, from the writer's memory) and durable at the
     * next commit, which happens when the last one is older than a few seconds and on {@link #close}. Articles up
     * to {@code coveredSeq} are then recorded as indexed; anything newer that a crash loses is re-indexed from
     * the database on the next open.
     */
    void publish(long coveredSeq) {
        pending = Math.max(pending, coveredSeq);
        try {
            if (System.nanoTime() - lastCommit >= COMMIT_INTERVAL_NANOS) {
                commit(pending);
            } else {
                searchers.maybeRefreshBlocking();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Makes additions durable and visible, recording that articles up to {@code coveredSeq} are indexed. */
    void commit(long coveredSeq) {
        try {
            covered = Math.max(covered, coveredSeq);
            writer.setLiveCommitData(Map.of(COVERED, Long.toString(covered)).entrySet());
            writer.commit();
            lastCommit = System.nanoTime();
            pending = -1;
            searchers.maybeRefreshBlocking();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Drops every document (before a full rebuild). */
    void clear() {
        try {
            writer.deleteAll();
            covered = -1;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Sentence keys ({@link #sentenceKey}) of sentences matching the query, ascending. */
    long[] sentences(String query) {
        return search("s", query);
    }

    /** Article seqs of articles (title and text) matching the query, ascending. */
    long[] articles(String query) {
        return search("a", query);
    }

    private long[] search(String kind, String text) {
        Query parsed;
        try {
            QueryParser parser = new QueryParser("text", analyzer);
            parser.setDefaultOperator(QueryParser.Operator.AND);
            parsed = parser.parse(text);
        } catch (ParseException e) {
            throw new IllegalArgumentException("bad text query '" + text + "': " + firstLine(e.getMessage()));
        }
        Query q = new BooleanQuery.Builder()
                .add(new TermQuery(new Term("kind", kind)), BooleanClause.Occur.FILTER)
                .add(parsed, BooleanClause.Occur.FILTER)
                .build();
        try {
            IndexSearcher searcher = searchers.acquire();
            try {
                KeyCollector c = new KeyCollector();
                searcher.search(q, c);
                long[] keys = java.util.Arrays.copyOf(c.buf, c.n);
                java.util.Arrays.sort(keys);
                return keys;
            } finally {
                searchers.release(searcher);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String firstLine(String s) {
        int nl = s == null ? -1 : s.indexOf('\n');
        return s == null ? "" : nl < 0 ? s : s.substring(0, nl);
    }

    /** Reads the {@code key} doc value of every hit; scores are not needed, so none are computed. */
    private static final class KeyCollector extends SimpleCollector {
        long[] buf = new long[1024];
        int n;
        NumericDocValues values;

        @Override
        protected void doSetNextReader(LeafReaderContext context) throws IOException {
            values = context.reader().getNumericDocValues("key");
        }

        @Override
        public void collect(int doc) throws IOException {
            if (values != null && values.advanceExact(doc)) {
                if (n == buf.length) {
                    buf = java.util.Arrays.copyOf(buf, n * 2);
                }
                buf[n++] = values.longValue();
            }
        }

        @Override
        public ScoreMode scoreMode() {
            return ScoreMode.COMPLETE_NO_SCORES;
        }
    }

    @Override
    public void close() {
        try {
            if (pending >= 0) {
                commit(pending);
            }
            searchers.close();
            writer.rollback(); // nothing is left uncommitted but an addition that failed half-way
            dir.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
