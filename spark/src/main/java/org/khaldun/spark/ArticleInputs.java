package org.khaldun.spark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.io.LongWritable;
import org.apache.hadoop.io.Text;
import org.apache.hadoop.mapreduce.InputSplit;
import org.apache.hadoop.mapreduce.Job;
import org.apache.hadoop.mapreduce.lib.input.FileInputFormat;
import org.apache.hadoop.mapreduce.lib.input.FileSplit;
import org.apache.hadoop.mapreduce.lib.input.TextInputFormat;
import org.apache.spark.api.java.JavaNewHadoopRDD;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.khaldun.article.ReadOptions;
import org.khaldun.json.Json;
import scala.Tuple2;

/**
 * Reads articles from any Hadoop path (local, HDFS, S3 through the cluster's Hadoop configuration) as
 * {@link InputRecord}s.
 *
 * <p>JSON lines are read as the command line reads them: lines split on {@code \n} (a trailing {@code \r}
 * dropped), blank lines skipped, strict UTF-8 (an invalid byte is a record error naming its offset, never a
 * silent replacement character), a leading byte-order mark ignored, lines over the size limit refused.
 * Line numbers are exact whatever the input splits: a first, cheap pass counts the lines of every split.
 */
public final class ArticleInputs {

    /** The Parquet columns an article is read from; only {@code text} is required. */
    public static final List<String> PARQUET_COLUMNS = List.of("id", "url", "title", "text", "published", "source");

    private ArticleInputs() {
    }

    public static JavaRDD<InputRecord> jsonLines(SparkSession spark, String path, ReadOptions options) {
        JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        Configuration conf = new Configuration(spark.sparkContext().hadoopConfiguration());
        // as the command line does: only \n ends a line; a lone \r is text
        conf.set("textinputformat.record.delimiter", "\n");
        // one path (file, folder or glob) even when a folder's name holds a comma: newAPIHadoopFile would pass the
        // string to FileInputFormat.setInputPaths(String), which splits it at commas into several paths
        Job job;
        try {
            job = Job.getInstance(conf);
            FileInputFormat.setInputPaths(job, new Path(path));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot configure the input " + path, e);
        }
        @SuppressWarnings("unchecked")
        JavaNewHadoopRDD<LongWritable, Text> raw = (JavaNewHadoopRDD<LongWritable, Text>) jsc.newAPIHadoopRDD(
                job.getConfiguration(), TextInputFormat.class, LongWritable.class, Text.class);

        List<Tuple2<String, Long>> counts = raw.mapPartitionsWithInputSplit(ArticleInputs::countLines, true).collect();
        Broadcast<HashMap<String, Long>> firstLines = jsc.broadcast(firstLineNumbers(counts));
        long limit = options.maxArticleBytes();
        return raw.mapPartitionsWithInputSplit(
                (split, lines) -> new LineRecords(split, lines, firstLines.value(), limit), true);
    }

    private static Iterator<Tuple2<String, Long>> countLines(InputSplit split, Iterator<Tuple2<LongWritable, Text>> lines) {
        long n = 0;
        while (lines.hasNext()) {
            lines.next();
            n++;
        }
        return List.of(new Tuple2<>(splitKey(split), n)).iterator();
    }

    private static String splitKey(InputSplit split) {
        FileSplit fs = (FileSplit) split;
        return fs.getPath().toString() + "\u0000" + fs.getStart();
    }

    /** Number of the first line of each split: splits of one file in offset order, counted from 1. */
    static HashMap<String, Long> firstLineNumbers(List<Tuple2<String, Long>> counts) {
        List<Tuple2<String, Long>> sorted = new ArrayList<>(counts);
        sorted.sort(Comparator.<Tuple2<String, Long>, String>comparing(t -> file(t._1()))
                .thenComparingLong(t -> start(t._1())));
        HashMap<String, Long> first = new HashMap<>();
        String file = null;
        long next = 1;
        for (Tuple2<String, Long> t : sorted) {
            if (!file(t._1()).equals(file)) {
                file = file(t._1());
                next = 1;
            }
            first.put(t._1(), next);
            next += t._2();
        }
        return first;
    }

    private static String file(String key) {
        return key.substring(0, key.lastIndexOf('\u0000'));
    }

    private static long start(String key) {
        return Long.parseLong(key.substring(key.lastIndexOf('\u0000') + 1));
    }

    /** The records of one split, decoded one at a time as Spark pulls them. */
    private static final class LineRecords implements Iterator<InputRecord> {
        private final Iterator<Tuple2<LongWritable, Text>> lines;
        private final String path;
        private final String stem;
        private final long limit;
        private long lineNo;
        private InputRecord pending;

        LineRecords(InputSplit split, Iterator<Tuple2<LongWritable, Text>> lines, Map<String, Long> firstLines,
                    long limit) {
            this.lines = lines;
            this.path = ((FileSplit) split).getPath().toString();
            this.stem = stem(((FileSplit) split).getPath().getName());
            this.limit = limit;
            Long first = firstLines.get(splitKey(split));
            if (first == null) {
                throw new IllegalStateException("no line count for split " + split);
            }
            this.lineNo = first - 1;
        }

        @Override
        public boolean hasNext() {
            while (pending == null && lines.hasNext()) {
                Tuple2<LongWritable, Text> t = lines.next();
                lineNo++;
                pending = record(t._1().get(), t._2());
            }
            return pending != null;
        }

        @Override
        public InputRecord next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            InputRecord r = pending;
            pending = null;
            return r;
        }

        /** The record of one line, or null for a blank line. */
        private InputRecord record(long offset, Text line) {
            String where = path + ":" + lineNo;
            String fallbackId = stem + ":" + lineNo;
            byte[] bytes = line.getBytes();
            int len = line.getLength();
            if (len > 0 && bytes[len - 1] == '\r') {
                len--;
            }
            if (len > limit) {
                return InputRecord.failed(where, fallbackId, "line is " + len + " bytes, over the limit of " + limit
                        + " bytes per article");
            }
            int start = 0;
            if (len >= 3 && (bytes[0] & 0xff) == 0xEF && (bytes[1] & 0xff) == 0xBB && (bytes[2] & 0xff) == 0xBF) {
                start = 3;
            }
            if (isBlank(bytes, start, len)) {
                return null;
            }
            try {
                String text = StandardCharsets.UTF_8.newDecoder()
                        .onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT)
                        .decode(ByteBuffer.wrap(bytes, start, len - start)).toString();
                return InputRecord.ok(where, fallbackId, text);
            } catch (CharacterCodingException e) {
                return InputRecord.failed(where, fallbackId, "invalid UTF-8 at byte offset "
                        + (offset + start + invalidAt(bytes, start, len)));
            }
        }
    }

    private static boolean isBlank(byte[] b, int from, int to) {
        for (int i = from; i < to; i++) {
            if (b[i] != ' ' && b[i] != '\t' && b[i] != '\f' && b[i] != '\r') {
                return false;
            }
        }
        return true;
    }

    /** Offset of the first byte the strict decoder refuses, relative to {@code from}. */
    private static int invalidAt(byte[] bytes, int from, int to) {
        var decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes, from, to - from);
        decoder.decode(in, CharBuffer.allocate(to - from + 1), true);
        return in.position() - from;
    }

    /**
     * Parquet files with the columns {@code id, url, title, text, published, source} (any subset that
     * includes {@code text}; other columns are ignored). Rows without an id are numbered from 1 within
     * their file, from Parquet's own row index, so their ids do not depend on partitioning either.
     *
     * @throws IllegalArgumentException when the input has no {@code text} column
     */
    public static JavaRDD<InputRecord> parquet(SparkSession spark, String path) {
        Dataset<Row> df = spark.read().parquet(path);
        List<String> present = new ArrayList<>();
        for (String c : PARQUET_COLUMNS) {
            if (Arrays.stream(df.columns()).anyMatch(x -> x.equalsIgnoreCase(c))) {
                present.add(c);
            }
        }
        if (!present.contains("text")) {
            throw new IllegalArgumentException("the Parquet input has no \"text\" column (columns: "
                    + String.join(", ", df.columns()) + ")");
        }
        List<Column> cols = new ArrayList<>();
        for (String c : present) {
            cols.add(functions.col(c));
        }
        cols.add(functions.col("_metadata.file_path").as("_khaldun_file"));
        cols.add(functions.col("_metadata.row_index").as("_khaldun_row"));
        String[] names = present.toArray(String[]::new);
        return df.select(cols.toArray(Column[]::new)).javaRDD().map(row -> parquetRecord(row, names));
    }

    private static InputRecord parquetRecord(Row row, String[] names) {
        String file = row.getString(names.length);
        long rowNo = row.getLong(names.length + 1) + 1;
        String where = file + "#" + rowNo;
        String fallbackId = stem(file.substring(file.lastIndexOf('/') + 1)) + ":" + rowNo;
        Map<String, Object> obj = new LinkedHashMap<>();
        for (int i = 0; i < names.length; i++) {
            Object v = row.get(i);
            obj.put(names[i], jsonValue(v));
        }
        return InputRecord.ok(where, fallbackId, Json.write(obj));
    }

    /**
     * A Parquet value as JSON sees it. Dates and timestamps become ISO text (a timestamp keeps its date in the
     * session time zone); other types go through as they are, so a wrong type is refused by the same rule as
     * in JSON lines ("\"title\" must be a string, not a number").
     */
    private static Object jsonValue(Object v) {
        if (v instanceof Date d) {
            return d.toLocalDate().toString();
        }
        if (v instanceof LocalDate d) {
            return d.toString();
        }
        if (v instanceof Timestamp ts) {
            return ts.toLocalDateTime().toLocalDate().toString();
        }
        if (v instanceof LocalDateTime ldt) {
            return ldt.toLocalDate().toString();
        }
        if (v instanceof java.time.Instant instant) {
            return instant.toString();
        }
        if (v instanceof Integer || v instanceof Long || v instanceof Short || v instanceof Byte) {
            return ((Number) v).longValue();
        }
        if (v instanceof byte[] || v instanceof Row || v instanceof scala.collection.Seq<?> || v instanceof scala.collection.Map<?, ?>) {
            // binary, struct, array or map: not an article field; say so through the JSON type check
            return v instanceof scala.collection.Seq<?> ? List.of() : Map.of();
        }
        return v;
    }

    /** The file name without its last extension, as the command line names records. */
    static String stem(String fileName) {
        int dot = fileName.lastIndexOf('.');
        return dot > 0 ? fileName.substring(0, dot) : fileName;
    }
}
