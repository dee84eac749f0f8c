package org.khaldun.store;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.util.BytesRef;

/**
 * Rows the views read one at a time, as Lucene stored fields found by a long key, in a directory beside the database:
 * articles with their sentences by seq ({@code khaldun.duckdb.articles/}, {@link #ARTICLES}) and clusters by id
 * ({@code khaldun.duckdb.clusters/}, {@link #CLUSTERS}); each row one stored (LZ4-compressed, row-oriented) value.
 *
 * <p>Why: reading one article back from DuckDB is a columnar point read, and a point read of the {@code text}
 * column decompresses its whole row group: 17–35 ms for the row and 4–5 ms for its sentences on the 1 M-event store
 * with the machine to itself, and seconds when 200 analysts open articles at once; a cluster by id (the event view)
scans every cluster id, as DuckDB does not use an ART index for it, 8–12 ms of CPU. Here each is one stored-field
read.
 *
 * <p>As {@link EventIndex}: the database is the truth. Rows are written from what the database returns after each
 * committed write (so they are the SQL's, field for field); every commit records the highest article seq covered
 * and the store's recode epoch, the store indexes what lies beyond on open, and rebuilds an index that missed a
 * recode or is of another format. An article the index does not hold (yet) is read from the database.
 */
final class RowIndex<T> extends DerivedIndex {

    /** Bump when the rows change shape: an index of another format is rebuilt from the database. */
    static final String FORMAT = "2";

    /** How rows become bytes and back. */
    interface Codec<T> {
        byte[] encode(T row);

        T decode(BytesRef bytes);
    }

    /** An article with its sentences, as {@link EventStore#article} returns them. */
    record Article(StoredArticle article, List<StoredSentence> sentences) {
    }

    static final Codec<Article> ARTICLES = new Codec<>() {
        @Override
        public byte[] encode(Article row) {
            return encodeArticle(row);
        }

        @Override
        public Article decode(BytesRef bytes) {
            return decodeArticle(bytes);
        }
    };

    static final Codec<EventCluster> CLUSTERS = new Codec<>() {
        @Override
        public byte[] encode(EventCluster row) {
            return encodeCluster(row);
        }

        @Override
        public EventCluster decode(BytesRef bytes) {
            return decodeCluster(bytes);
        }
    };

    private final Codec<T> codec;

    RowIndex(Path path, Codec<T> codec) {
        super(path, TextIndex.writerConfig(new StandardAnalyzer()), FORMAT, "row index");
        this.codec = codec;
    }

    /** Adds rows, replacing any earlier row of the same key; then drops the rows of {@code gone}. */
    void put(Map<Long, T> rows, java.util.Collection<Long> gone) {
        try {
            for (Map.Entry<Long, T> r : rows.entrySet()) {
                writer.deleteDocuments(LongPoint.newExactQuery("key", r.getKey()));
                Document d = new Document();
                d.add(new LongPoint("key", r.getKey()));
                d.add(new StoredField("row", codec.encode(r.getValue())));
                writer.addDocument(d);
            }
            for (long key : gone) {
                writer.deleteDocuments(LongPoint.newExactQuery("key", key));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The row of this key, if the index holds it. */
    Optional<T> get(long key) {
        return withSearcher(s -> {
            TopDocs top = s.search(LongPoint.newExactQuery("key", key), 1);
            return top.scoreDocs.length == 0 ? Optional.<T>empty()
                    : Optional.of(codec.decode(s.storedFields().document(top.scoreDocs[0].doc).getBinaryValue("row")));
        });
    }

    // ------------------------------------------------------------------------------------------------ rows

    static byte[] encodeArticle(Article r) {
        try {
            StoredArticle a = r.article();
            ByteArrayOutputStream bytes = new ByteArrayOutputStream(256 + 2 * a.text().length());
            DataOutputStream out = new DataOutputStream(bytes);
            out.writeLong(a.seq());
            for (String s : new String[] {a.id(), a.url(), a.title()}) {
                EventIndex.str(out, s);
            }
            out.writeLong(a.published().map(LocalDate::toEpochDay).orElse(Long.MIN_VALUE));
            for (String s : new String[] {a.source(), a.text(), a.contentHash(), a.codebook(), a.record()}) {
                EventIndex.str(out, s);
            }
            out.writeBoolean(a.ingestedAt() != null);
            if (a.ingestedAt() != null) {
                out.writeLong(a.ingestedAt().getEpochSecond());
                out.writeInt(a.ingestedAt().getNano());
            }
            out.writeInt(a.numEvents());
            out.writeInt(r.sentences().size());
            for (StoredSentence s : r.sentences()) {
                out.writeInt(s.index());
                out.writeInt(s.start());
                out.writeInt(s.end());
                EventIndex.str(out, s.text());
            }
            out.flush();
            return bytes.toByteArray();
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    static Article decodeArticle(BytesRef ref) {
        try {
            DataInputStream in = new DataInputStream(new ByteArrayInputStream(ref.bytes, ref.offset, ref.length));
            long seq = in.readLong();
            String id = EventIndex.str(in);
            String url = EventIndex.str(in);
            String title = EventIndex.str(in);
            long published = in.readLong();
            String source = EventIndex.str(in);
            String text = EventIndex.str(in);
            String hash = EventIndex.str(in);
            String codebook = EventIndex.str(in);
            String record = EventIndex.str(in);
            Instant ingested = in.readBoolean() ? Instant.ofEpochSecond(in.readLong(), in.readInt()) : null;
            int numEvents = in.readInt();
            int n = in.readInt();
            List<StoredSentence> sentences = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                sentences.add(new StoredSentence(seq, in.readInt(), in.readInt(), in.readInt(), EventIndex.str(in)));
            }
            StoredArticle a = new StoredArticle(seq, id, url, title,
                    published == Long.MIN_VALUE ? Optional.empty() : Optional.of(LocalDate.ofEpochDay(published)),
                    source, text, hash, codebook, record, ingested, numEvents);
            return new Article(a, sentences);
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    static byte[] encodeCluster(EventCluster c) {
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream(512);
            DataOutputStream out = new DataOutputStream(bytes);
            out.writeLong(c.id());
            EventIndex.str(out, c.key());
            out.writeLong(c.date() == null ? Long.MIN_VALUE : c.date().toEpochDay());
            for (String s : new String[] {c.datePrecision(), c.actorCode(), c.actorCountry(), c.actorSector(),
                    c.actorText(), c.recipientCode(), c.recipientCountry(), c.recipientSector(), c.recipientText(),
                    c.eventType(), c.mode(), c.cameoCode()}) {
                EventIndex.str(out, s);
            }
            out.writeInt(c.quadClass());
            out.writeDouble(c.goldstein());
            out.writeBoolean(c.fact());
            out.writeBoolean(c.location().isPresent());
            if (c.location().isPresent()) {
                Location l = c.location().get();
                EventIndex.str(out, l.name());
                EventIndex.str(out, l.countryCode());
                EventIndex.str(out, l.admin1());
                out.writeDouble(l.lat());
                out.writeDouble(l.lon());
                out.writeLong(l.geonamesId());
            }
            out.writeInt(c.numMentions());
            out.writeInt(c.numSources());
            out.writeInt(c.numArticles());
            out.writeBoolean(c.firstSeen() != null);
            if (c.firstSeen() != null) {
                out.writeLong(c.firstSeen().getEpochSecond());
                out.writeInt(c.firstSeen().getNano());
            }
            out.writeLong(c.firstPublished().map(LocalDate::toEpochDay).orElse(Long.MIN_VALUE));
            out.writeLong(c.representative());
            out.writeLong(c.representativeArticle());
            out.writeInt(c.representativeSentence());
            EventIndex.str(out, c.sourceUrl());
            EventIndex.str(out, c.codebook());
            out.flush();
            return bytes.toByteArray();
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    static EventCluster decodeCluster(BytesRef ref) {
        try {
            DataInputStream in = new DataInputStream(new ByteArrayInputStream(ref.bytes, ref.offset, ref.length));
            long id = in.readLong();
            String key = EventIndex.str(in);
            long date = in.readLong();
            String[] s = new String[12];
            for (int i = 0; i < s.length; i++) {
                s[i] = EventIndex.str(in);
            }
            int quad = in.readInt();
            double goldstein = in.readDouble();
            boolean fact = in.readBoolean();
            Optional<Location> loc = Optional.empty();
            if (in.readBoolean()) {
                loc = Optional.of(new Location(EventIndex.str(in), EventIndex.str(in), EventIndex.str(in),
                        in.readDouble(), in.readDouble(), in.readLong()));
            }
            int mentions = in.readInt();
            int sources = in.readInt();
            int articles = in.readInt();
            Instant firstSeen = in.readBoolean() ? Instant.ofEpochSecond(in.readLong(), in.readInt()) : null;
            long firstPublished = in.readLong();
            long rep = in.readLong();
            long repArticle = in.readLong();
            int repSentence = in.readInt();
            String url = EventIndex.str(in);
            String codebook = EventIndex.str(in);
            return new EventCluster(id, key, date == Long.MIN_VALUE ? null : LocalDate.ofEpochDay(date), s[0], s[1],
                    s[2], s[3], s[4], s[5], s[6], s[7], s[8], s[9], s[10], s[11], quad, goldstein, fact, loc,
                    mentions, sources, articles, firstSeen, firstPublished == Long.MIN_VALUE ? Optional.empty()
                    : Optional.of(LocalDate.ofEpochDay(firstPublished)), rep, repArticle, repSentence, url, codebook);
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }
}
