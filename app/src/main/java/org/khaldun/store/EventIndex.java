package org.khaldun.store;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.IntPoint;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.queryparser.classic.ParseException;
import org.apache.lucene.queryparser.classic.QueryParser;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.SimpleCollector;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopFieldCollectorManager;
import org.apache.lucene.search.TopFieldDocs;
import org.apache.lucene.util.BytesRef;

/**
 * The event lists' index: one Lucene document per stored event (mention), in a directory beside the database
 * ({@code khaldun.duckdb.events/}), holding every filter of {@link EventQuery} as an indexed field and the whole
 * {@link StoredEvent} as one stored row.
 *
 * <p>Why: an event list is a filtered top-N by date. DuckDB answers the top-N part on narrow columns in tens of
 * milliseconds, but then has to read the page's rows back by {@code seq}, and a columnar file has no cheap point
 * reads: fetching 51 scattered rows decompresses whole row groups of every column, the event JSON among them, which
 * costs seconds at a million events. Here the documents are kept sorted by date then seq, newest first (Lucene's
 * index sort), so a newest-first page stops after its rows in each segment, and the rows come from Lucene's
 * row-oriented stored fields in microseconds.
 *
 * <p>Like {@link TextIndex} the database is the truth and this index is derived from it: each commit records the
 * highest article seq it covers and the store's recode epoch; the store re-indexes what lies beyond on open, and
 * rebuilds the index when a recode committed to the database never reached it.
 */
final class EventIndex extends DerivedIndex {

    /** Bump when the documents change shape: an index of another format is rebuilt from the database. */
    static final String FORMAT = "1";

    private static final Sort NEWEST_FIRST = new Sort(new SortField("date", SortField.Type.LONG, true),
            new SortField("seq", SortField.Type.LONG, true));
    private static final Sort OLDEST_FIRST = new Sort(new SortField("date", SortField.Type.LONG),
            new SortField("seq", SortField.Type.LONG));
    private static final Sort STORE_ORDER = new Sort(new SortField("seq", SortField.Type.LONG));

    /** What the index knows of an event beyond its stored row: all its actor codes, fact flag, sentence text. */
    record Entry(StoredEvent event, boolean fact, String sentence) {
    }

    private final Analyzer analyzer;

    EventIndex(Path path) {
        this(path, new EnglishAnalyzer());
    }

    private EventIndex(Path path, Analyzer analyzer) {
        super(path, sorted(TextIndex.writerConfig(analyzer)), FORMAT, "event index");
        this.analyzer = analyzer;
    }

    private static IndexWriterConfig sorted(IndexWriterConfig cfg) {
        cfg.setIndexSort(NEWEST_FIRST);
        return cfg;
    }

    /** Replaces every event of these articles by {@code entries} (an article with no entry loses its events). */
    void replace(List<Long> articleSeqs, List<Entry> entries) {
        try {
            if (!articleSeqs.isEmpty()) {
                writer.deleteDocuments(LongPoint.newSetQuery("article",
                        articleSeqs.stream().mapToLong(Long::longValue).toArray()));
            }
            for (Entry e : entries) {
                writer.addDocument(document(e));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void add(List<Entry> entries) {
        replace(List.of(), entries);
    }

    // ------------------------------------------------------------------------------------------------ queries

    /** Whether {@link #events} answers this query exactly as the SQL of {@link EventStore} would. */
    static boolean answers(EventQuery q) {
        // one-a-day is a window over the whole result; a ';' in a code prefix would match across the joined list
        return !q.oneADay() && q.actor().indexOf(';') < 0 && q.recipient().indexOf(';') < 0;
    }

    /** One page of matching events in the page's order; {@code null} when the query text does not parse. */
    Page<StoredEvent> events(EventQuery q, PageRequest page) {
        Query query = query(q);
        Sort sort = page.order() == PageRequest.Order.DATE_ASC ? OLDEST_FIRST : NEWEST_FIRST;
        long want = page.offset() + page.limit() + 1;
        return withSearcher(s -> {
            // hits threshold = page size: a newest-first page stops each segment once it has its rows
            TopFieldDocs top = s.search(query, new TopFieldCollectorManager(sort, (int) want, (int) want));
            List<StoredEvent> items = rows(s, top.scoreDocs, (int) page.offset(), page.limit());
            boolean more = top.scoreDocs.length > page.offset() + page.limit();
            return new Page<>(items, page, more);
        });
    }

    long count(EventQuery q) {
        Query query = query(q);
        return withSearcher(s -> (long) s.count(query));
    }

    /**
     * The distinct clusters of the matching events, as slots of {@code table}; the table's state is read after the
     * searcher is acquired, so it knows every event the searcher can match.
     */
    ClusterTable.Matches clusters(EventQuery q, ClusterTable table) {
        Query query = query(q);
        return withSearcher(s -> {
            ClusterTable.Matches m = new ClusterTable.Matches(table.state());
            s.search(query, new SimpleCollector() {
                private NumericDocValues seq;

                @Override
                protected void doSetNextReader(LeafReaderContext leaf) throws IOException {
                    seq = DocValues.getNumeric(leaf.reader(), "seq");
                }

                @Override
                public void collect(int doc) throws IOException {
                    if (seq.advanceExact(doc)) {
                        m.addSeq(seq.longValue());
                    }
                }

                @Override
                public ScoreMode scoreMode() {
                    return ScoreMode.COMPLETE_NO_SCORES;
                }
            });
            return m;
        });
    }

    /** Every event of one article, or of one cluster, in store order. */
    List<StoredEvent> ofArticle(long articleSeq) {
        return all(LongPoint.newExactQuery("article", articleSeq));
    }

    List<StoredEvent> ofCluster(long clusterId) {
        return all(LongPoint.newExactQuery("cluster", clusterId));
    }

    private List<StoredEvent> all(Query q) {
        return withSearcher(s -> {
            int n = Math.max(1, s.count(q));
            TopFieldDocs top = s.search(q, n, STORE_ORDER, false);
            return rows(s, top.scoreDocs, 0, top.scoreDocs.length);
        });
    }

    private static List<StoredEvent> rows(IndexSearcher s, ScoreDoc[] docs, int from, int limit) throws IOException {
        List<StoredEvent> out = new ArrayList<>(Math.max(0, Math.min(limit, docs.length - from)));
        StoredFields stored = s.storedFields();
        for (int i = from; i < docs.length && out.size() < limit; i++) {
            out.add(decode(stored.document(docs[i].doc).getBinaryValue("row")));
        }
        return out;
    }

    private Query query(EventQuery q) {
        BooleanQuery.Builder b = new BooleanQuery.Builder();
        b.add(new MatchAllDocsQuery(), BooleanClause.Occur.FILTER);
        if (!q.actor().isEmpty()) {
            b.add(new PrefixQuery(new Term("actor", q.actor())), BooleanClause.Occur.FILTER);
        }
        if (!q.recipient().isEmpty()) {
            b.add(new PrefixQuery(new Term("recipient", q.recipient())), BooleanClause.Occur.FILTER);
        }
        term(b, "country", q.country());
        term(b, "sector", q.sector());
        if (!q.cameo().isEmpty()) {
            b.add(new PrefixQuery(new Term("cameo", q.cameo())), BooleanClause.Occur.FILTER);
        }
        term(b, "type", q.eventType());
        if (q.quadClass() != 0) {
            b.add(IntPoint.newExactQuery("quad", q.quadClass()), BooleanClause.Occur.FILTER);
        }
        if (q.from().isPresent() || q.to().isPresent()) {
            long lo = q.from().map(LocalDate::toEpochDay).orElse(Long.MIN_VALUE);
            long hi = q.to().map(LocalDate::toEpochDay).orElse(Long.MAX_VALUE);
            b.add(LongPoint.newRangeQuery("date", lo, hi), BooleanClause.Occur.FILTER);
        }
        term(b, "kind", q.sourceKind());
        term(b, "codebook", q.codebook());
        if (q.factsOnly()) {
            b.add(new TermQuery(new Term("fact", "1")), BooleanClause.Occur.FILTER);
        }
        if (!q.text().isEmpty()) {
            try {
                // the same field name, analyser and parser settings as TextIndex's sentence documents, so a text
                // query matches an event exactly when it matches the event's sentence there
                QueryParser parser = new QueryParser("text", analyzer);
                parser.setDefaultOperator(QueryParser.Operator.AND);
                b.add(parser.parse(q.text()), BooleanClause.Occur.FILTER);
            } catch (ParseException e) {
                String m = e.getMessage() == null ? "" : e.getMessage();
                int nl = m.indexOf('\n');
                throw new IllegalArgumentException("bad text query '" + q.text() + "': " + (nl < 0 ? m : m.substring(0, nl)));
            }
        }
        return b.build();
    }

    private static void term(BooleanQuery.Builder b, String field, String value) {
        if (!value.isEmpty()) {
            b.add(new TermQuery(new Term(field, value)), BooleanClause.Occur.FILTER);
        }
    }

    // ------------------------------------------------------------------------------------------------ documents

    /**
     * The fields mirror {@link EventStore}'s SQL filters one for one: actor and recipient hold the first code and,
     * for compound parties, every further code ({@code starts_with(actor_code, ?) OR contains(actor_codes, ';'||?)});
     * country holds the actor's, the recipient's and the location's country; sector the actor's and recipient's.
     */
    private static Document document(Entry entry) {
        StoredEvent e = entry.event();
        Document d = new Document();
        d.add(new LongPoint("article", e.articleSeq()));
        d.add(new LongPoint("cluster", e.clusterId()));
        d.add(new LongPoint("date", e.date().toEpochDay()));
        d.add(new NumericDocValuesField("date", e.date().toEpochDay()));
        d.add(new NumericDocValuesField("seq", e.seq()));
        party(d, "actor", e.actorCode(), e.actorCodes());
        party(d, "recipient", e.recipientCode(), e.recipientCodes());
        keyword(d, "country", e.actorCountry());
        keyword(d, "country", e.recipientCountry());
        e.location().ifPresent(l -> keyword(d, "country", l.countryCode()));
        keyword(d, "sector", e.actorSector());
        keyword(d, "sector", e.recipientSector());
        keyword(d, "cameo", e.cameoCode());
        keyword(d, "type", e.eventType());
        d.add(new IntPoint("quad", e.quadClass()));
        keyword(d, "kind", e.sourceKind());
        keyword(d, "codebook", e.codebook());
        if (entry.fact()) {
            keyword(d, "fact", "1");
        }
        if (entry.sentence() != null) {
            d.add(new TextField("text", entry.sentence(), Field.Store.NO));
        }
        d.add(new StoredField("row", encode(e)));
        return d;
    }

    private static void party(Document d, String field, String first, String all) {
        keyword(d, field, first);
        String[] codes = all.split(";", -1);
        for (int i = 1; i < codes.length; i++) {
            keyword(d, field, codes[i]);
        }
    }

    private static void keyword(Document d, String field, String value) {
        if (value != null && !value.isEmpty()) {
            d.add(new StringField(field, value, Field.Store.NO));
        }
    }

    // ------------------------------------------------------------------------------------------------ rows

    static byte[] encode(StoredEvent e) {
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream(256 + e.json().length());
            DataOutputStream out = new DataOutputStream(bytes);
            out.writeLong(e.seq());
            str(out, e.id());
            out.writeLong(e.articleSeq());
            str(out, e.articleId());
            out.writeLong(e.date() == null ? Long.MIN_VALUE : e.date().toEpochDay());
            str(out, e.datePrecision());
            out.writeBoolean(e.dateFromPublication());
            out.writeLong(e.published().map(LocalDate::toEpochDay).orElse(Long.MIN_VALUE));
            for (String s : new String[] {e.actorCode(), e.actorCountry(), e.actorSector(), e.actorText(),
                    e.actorCodes(), e.recipientCode(), e.recipientCountry(), e.recipientSector(), e.recipientText(),
                    e.recipientCodes(), e.eventType(), e.mode(), e.cameoCode()}) {
                str(out, s);
            }
            out.writeInt(e.quadClass());
            out.writeDouble(e.goldstein());
            out.writeBoolean(e.negated());
            out.writeBoolean(e.hypothetical());
            out.writeBoolean(e.future());
            out.writeInt(e.sentenceIndex());
            str(out, e.trigger());
            str(out, e.sourceKind());
            out.writeBoolean(e.location().isPresent());
            if (e.location().isPresent()) {
                Location l = e.location().get();
                str(out, l.name());
                str(out, l.countryCode());
                str(out, l.admin1());
                out.writeDouble(l.lat());
                out.writeDouble(l.lon());
                out.writeLong(l.geonamesId());
            }
            out.writeLong(e.clusterId());
            str(out, e.codebook());
            str(out, e.json());
            out.flush();
            return bytes.toByteArray();
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    static StoredEvent decode(BytesRef ref) {
        try {
            DataInputStream in = new DataInputStream(new ByteArrayInputStream(ref.bytes, ref.offset, ref.length));
            long seq = in.readLong();
            String id = str(in);
            long articleSeq = in.readLong();
            String articleId = str(in);
            long date = in.readLong();
            String precision = str(in);
            boolean fromPublication = in.readBoolean();
            long published = in.readLong();
            String[] s = new String[13];
            for (int i = 0; i < s.length; i++) {
                s[i] = str(in);
            }
            int quad = in.readInt();
            double goldstein = in.readDouble();
            boolean negated = in.readBoolean();
            boolean hypothetical = in.readBoolean();
            boolean future = in.readBoolean();
            int sentence = in.readInt();
            String trigger = str(in);
            String kind = str(in);
            Optional<Location> loc = Optional.empty();
            if (in.readBoolean()) {
                loc = Optional.of(new Location(str(in), str(in), str(in), in.readDouble(), in.readDouble(),
                        in.readLong()));
            }
            long cluster = in.readLong();
            String codebook = str(in);
            String json = str(in);
            return new StoredEvent(seq, id, articleSeq, articleId,
                    date == Long.MIN_VALUE ? null : LocalDate.ofEpochDay(date), precision, fromPublication,
                    published == Long.MIN_VALUE ? Optional.empty() : Optional.of(LocalDate.ofEpochDay(published)),
                    s[0], s[1], s[2], s[3], s[4], s[5], s[6], s[7], s[8], s[9], s[10], s[11], s[12], quad, goldstein,
                    negated, hypothetical, future, sentence, trigger, kind, loc, cluster, codebook, json);
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    /** Null-preserving UTF-8 string (length -1 for null). */
    static void str(DataOutputStream out, String s) throws IOException {
        if (s == null) {
            out.writeInt(-1);
            return;
        }
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        out.writeInt(b.length);
        out.write(b);
    }

    static String str(DataInputStream in) throws IOException {
        int n = in.readInt();
        if (n < 0) {
            return null;
        }
        byte[] b = in.readNBytes(n);
        return new String(b, StandardCharsets.UTF_8);
    }
}
