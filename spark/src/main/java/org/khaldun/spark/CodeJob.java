package org.khaldun.spark;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.size;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.DataFrameWriter;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;
import org.khaldun.article.ReadOptions;

/**
 * Khaldun's coder as a Spark job: the same articles, pipeline and event ids as {@code ./khaldun code}, on as
 * many executors as the cluster gives.
 *
 * <pre>
 * spark-submit --class org.khaldun.spark.CodeJob khaldun-spark-all.jar --input PATH --output PATH
 *              [--format jsonl|parquet] [--errors PATH] [--errors-format jsonl|parquet] [--partitions N]
 *              [--published YYYY-MM-DD] [--overwrite]
 * </pre>
 *
 * Output, under {@code --output}: {@code events/date=YYYY-MM-DD/*.parquet} (typed columns and the canonical
 * JSON line, {@link Schemas#EVENT}; events without any date under {@code date=__HIVE_DEFAULT_PARTITION__}),
 * {@code mentions/} ({@link Schemas#MENTION}), {@code errors/} ({@link Schemas#ERROR}) and
 * {@code report.json}. Records that cannot be read or coded go to the errors and never fail the job.
 *
 * <p>Each input record is coded exactly once: the coded partitions are kept (memory, spilling to disk)
 * while the three outputs and the counts are taken from them.
 */
public final class CodeJob {

    private CodeJob() {
    }

    public static void main(String[] args) {
        JobOptions options;
        try {
            options = JobOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("khaldun-spark: " + e.getMessage());
            System.err.print(JobOptions.USAGE);
            System.exit(2);
            return;
        }
        SparkSession spark = SparkSession.builder().appName("khaldun code").getOrCreate();
        try {
            JobReport report = run(spark, options);
            System.out.println(report.toJson());
        } finally {
            spark.stop();
        }
    }

    /** Runs the job and writes its outputs and report; throws only when the job as a whole cannot run. */
    public static JobReport run(SparkSession spark, JobOptions options) {
        long t0 = System.nanoTime();
        Configuration hadoop = spark.sparkContext().hadoopConfiguration();
        checkTargets(options, hadoop);

        ReadOptions read = ReadOptions.defaults();
        if (options.published().isPresent()) {
            read = read.withDefaultPublished(options.published().get());
        }
        JavaRDD<InputRecord> records = switch (options.format()) {
            case JSONL -> ArticleInputs.jsonLines(spark, options.input(), read);
            case PARQUET -> ArticleInputs.parquet(spark, options.input());
        };
        int wanted = options.partitions() > 0 ? options.partitions()
                : Math.max(records.getNumPartitions(), 2 * spark.sparkContext().defaultParallelism());
        if (wanted != records.getNumPartitions()) {
            // coding costs far more than moving the raw text, so a shuffle that keeps every core busy pays
            records = records.repartition(wanted);
        }
        int partitions = records.getNumPartitions();
        JavaRDD<Row> coded = records.mapPartitions(new ArticleCoder(read));
        Dataset<Row> results = spark.createDataFrame(coded, Schemas.RESULT).persist(StorageLevel.MEMORY_AND_DISK());
        try {
            SaveMode mode = options.overwrite() ? SaveMode.Overwrite : SaveMode.ErrorIfExists;
            // one writer per date: a folder per day holds a file or a few, not one per coding partition
            results.select(explode(col("events")).as("e")).select("e.*")
                    .repartition(col("date"))
                    .write().mode(mode).partitionBy("date").parquet(options.eventsPath());
            results.select(explode(col("mentions")).as("m")).select("m.*")
                    .write().mode(mode).parquet(options.mentionsPath());
            DataFrameWriter<Row> errors = results.where(col("error").isNotNull())
                    .select(col("record_id"), col("where"), col("error").as("reason"))
                    .coalesce(1)
                    .write().mode(mode);
            if (options.errorsFormat() == JobOptions.Format.PARQUET) {
                errors.parquet(options.errors());
            } else {
                errors.json(options.errors());
            }
            Row c = results.agg(
                    count(lit(1)),
                    sum(when(col("error").isNull(), 1).otherwise(0)),
                    sum(size(col("events"))),
                    sum(size(col("mentions"))),
                    sum(col("tokens")),
                    sum(col("cpu_nanos"))).first();
            long read1 = c.getLong(0);
            long ok = c.isNullAt(1) ? 0 : c.getLong(1);
            JobReport report = new JobReport(options.input(), options.output(), options.errors(), read1, ok,
                    read1 - ok, c.isNullAt(2) ? 0 : c.getLong(2), c.isNullAt(3) ? 0 : c.getLong(3),
                    c.isNullAt(4) ? 0 : c.getLong(4), c.isNullAt(5) ? 0 : c.getLong(5) / 1e9,
                    (System.nanoTime() - t0) / 1e9, partitions);
            write(options.reportPath(), report.toJson() + "\n", hadoop);
            return report;
        } finally {
            results.unpersist();
        }
    }

    /** Refuses to start (before any coding) when an output exists and {@code --overwrite} was not given. */
    private static void checkTargets(JobOptions options, Configuration hadoop) {
        if (options.overwrite()) {
            return;
        }
        List<String> existing = new ArrayList<>();
        for (String p : List.of(options.eventsPath(), options.mentionsPath(), options.errors(), options.reportPath())) {
            try {
                Path path = new Path(p);
                if (path.getFileSystem(hadoop).exists(path)) {
                    existing.add(p);
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot check output " + p, e);
            }
        }
        if (!existing.isEmpty()) {
            throw new IllegalStateException("output already exists: " + String.join(", ", existing)
                    + " (use --overwrite to replace it)");
        }
    }

    private static void write(String path, String text, Configuration hadoop) {
        try {
            Path p = new Path(path);
            FileSystem fs = FileSystem.get(URI.create(path), hadoop);
            try (OutputStream out = fs.create(p, true)) {
                out.write(text.getBytes(StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + path, e);
        }
    }
}
