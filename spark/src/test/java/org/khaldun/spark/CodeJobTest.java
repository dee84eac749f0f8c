package org.khaldun.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Date;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.khaldun.article.Article;
import org.khaldun.article.DebrisMarker;
import org.khaldun.article.JsonlArticles;
import org.khaldun.article.ReadOptions;
import org.khaldun.event.Event;
import org.khaldun.json.Json;
import org.khaldun.output.EventJson;
import org.khaldun.pipeline.Pipelines;

/** The Spark job on a local two-core "cluster": what an analyst finds in its output folder. */
class CodeJobTest {

    private static final Set<String> OWN_IDS = Set.of("talks-1", "strike-2", "sanctions-4", "aid-6");

    private static SparkSession spark;

    /** The test feed, coded once in one partition and read by several tests. */
    private static Path feed;
    private static String feedOutput;
    private static JobReport feedReport;

    @TempDir
    static Path shared;

    @TempDir
    Path dir;

    @BeforeAll
    static void startSparkAndCodeTheFeed() throws IOException {
        spark = SparkSession.builder()
                .master("local[2]")
                .appName("khaldun-test")
                .config("spark.ui.enabled", "false")
                .config("spark.driver.host", "127.0.0.1")
                .config("spark.driver.bindAddress", "127.0.0.1")
                .config("spark.sql.shuffle.partitions", "4")
                .getOrCreate();
        feed = Files.writeString(shared.resolve("feed.jsonl"), TestArticles.jsonLines());
        feedOutput = shared.resolve("feed-out").toString();
        feedReport = CodeJob.run(spark, JobOptions.parse("--input", feed.toString(), "--output", feedOutput,
                "--partitions", "1"));
    }

    @AfterAll
    static void stopSpark() {
        if (spark != null) {
            spark.stop();
        }
    }

    @Test
    void eventsAreTheCommandLinesEventsPartitionedByEventDateWithTypedColumns() throws IOException {
        JobReport report = feedReport;
        Dataset<Row> events = spark.read().parquet(feedOutput + "/events");
        List<Row> rows = events.withColumn("file", functions.input_file_name()).collectAsList();
        Set<String> json = rows.stream().map(r -> r.<String>getAs("json")).collect(Collectors.toSet());
        assertThat(json).isEqualTo(expectedEventLines(feed));
        assertThat(rows).hasSize(json.size());

        // typed columns, and each event stored under the folder of its own date
        assertThat(events.schema().apply("date").dataType()).isEqualTo(DataTypes.DateType);
        assertThat(events.schema().apply("goldstein").dataType()).isEqualTo(DataTypes.DoubleType);
        assertThat(events.schema().apply("quad_class").dataType()).isEqualTo(DataTypes.IntegerType);
        for (Row r : rows) {
            Map<String, Object> line = Json.parseObject(r.getAs("json"));
            assertThat(r.<String>getAs("id")).isEqualTo(line.get("id"));
            assertThat(r.<Date>getAs("date").toString()).isEqualTo(line.get("date"));
            assertThat(r.<String>getAs("file")).contains("/date=" + line.get("date") + "/");
            assertThat(r.<String>getAs("cameo_code")).isEqualTo(((Map<?, ?>) line.get("cameo")).get("code"));
        }
        // records without an id are named after the file and their line, blank lines counted, as on the CLI
        assertThat(rows.stream().map(r -> r.<String>getAs("article_id"))).contains("talks-1", "feed:3", "feed:6");

        assertThat(report.articlesRead()).isEqualTo(6);
        assertThat(report.articlesCoded()).isEqualTo(6);
        assertThat(report.articlesFailed()).isZero();
        assertThat(report.eventsWritten()).isEqualTo(rows.size());
        assertThat(report.codingCpuSeconds()).isPositive();
        Map<String, Object> written = Json.parseObject(Files.readString(Path.of(feedOutput, "report.json")));
        assertThat(written).containsEntry("articles_read", 6L).containsEntry("events_written", (long) rows.size());
    }

    @Test
    void everyMentionPointsAtItsWordsInTheArticleText() throws IOException {
        Map<String, String> texts = new HashMap<>();
        for (Article a : articles(feed)) {
            texts.put(a.id(), a.text());
        }
        List<Row> mentions = spark.read().parquet(feedOutput + "/mentions").collectAsList();
        Set<String> eventIds = spark.read().parquet(feedOutput + "/events").select("id").collectAsList().stream()
                .map(r -> r.getString(0)).collect(Collectors.toSet());

        assertThat(mentions).isNotEmpty();
        for (Row m : mentions) {
            String text = texts.get(m.<String>getAs("article_id"));
            assertThat(text.substring(m.<Integer>getAs("start"), m.<Integer>getAs("end"))).isEqualTo(m.getAs("text"));
        }
        // one trigger per event, and no mention of an event that is not in the events table
        Map<String, Long> triggers = mentions.stream().filter(m -> m.getAs("role").equals("trigger"))
                .collect(Collectors.groupingBy(m -> m.<String>getAs("event_id"), Collectors.counting()));
        assertThat(triggers.keySet()).isEqualTo(eventIds);
        assertThat(triggers.values()).containsOnly(1L);
        assertThat(mentions.stream().map(m -> m.<String>getAs("role")).distinct()).contains("actor");
    }

    @Test
    void badRecordsGoToTheErrorOutputWithTheirReasonAndTheJobSucceeds() throws IOException {
        String good = Json.write(TestArticles.ARTICLES.get(0));
        byte[] badUtf8 = "{\"id\": \"latin1\", \"text\": \"Caf\u00e9 owners protested.\"}".getBytes(StandardCharsets.ISO_8859_1);
        byte[] head = (good + "\n"
                + "{\"id\": \"broken\", \"text\": \n"
                + "{\"id\": \"empty\", \"text\": \"   \"}\n"
                + "{\"id\": \"numeric\", \"text\": 42}\n").getBytes(StandardCharsets.UTF_8);
        Path mixed = dir.resolve("mixed.jsonl");
        try (var outStream = Files.newOutputStream(mixed)) {
            outStream.write(head);
            outStream.write(badUtf8);
            outStream.write('\n');
        }
        int badByte = head.length + new String(badUtf8, StandardCharsets.ISO_8859_1).indexOf('\u00e9');
        JobReport report = CodeJob.run(spark, JobOptions.parse("--input", mixed.toString(), "--output", out("run")));

        assertThat(report.articlesRead()).isEqualTo(5);
        assertThat(report.articlesCoded()).isEqualTo(1);
        assertThat(report.articlesFailed()).isEqualTo(4);
        assertThat(report.eventsWritten()).isPositive();

        Map<String, String> reasons = new HashMap<>();
        for (Row r : spark.read().schema(Schemas.ERROR).json(out("run") + "/errors").collectAsList()) {
            reasons.put(r.getAs("record_id"), r.getAs("reason"));
            assertThat(r.<String>getAs("where")).contains("mixed.jsonl:");
        }
        // a record that never became an article is named by its file and line, as on the command line
        assertThat(reasons).containsOnlyKeys("mixed:2", "mixed:3", "mixed:4", "mixed:5");
        assertThat(reasons.get("mixed:2")).startsWith("broken JSON");
        assertThat(reasons.get("mixed:3")).isEqualTo("\"text\" is empty");
        assertThat(reasons.get("mixed:4")).isEqualTo("\"text\" must be a string, not a number");
        assertThat(reasons.get("mixed:5")).isEqualTo("invalid UTF-8 at byte offset " + badByte);
    }

    /**
     * Generated lines, each from its own seed: good articles mixed with broken JSON, fields of the wrong type, invalid
     * UTF-8, deep nesting and noise. Every bad line ends in the error output under its file and line with the
     * reason its kind calls for; every good one is coded as its hand-written original is; the job succeeds.
     */
    @Test
    void generatedHostileLinesEachEndInTheErrorOutputUnderTheirLineAndTheGoodOnesAreCoded() throws IOException {
        Map<String, List<String>> templateCodes = cameoCodesByArticle(feedOutput);
        List<Map<String, Object>> templates = TestArticles.ARTICLES.stream()
                .filter(a -> templateCodes.containsKey(a.get("id"))).toList();
        assertThat(templates).hasSizeGreaterThanOrEqualTo(3);
        int count = 150;
        long baseSeed = 8_800_000;
        HostileLines gen = new HostileLines(templates, count, baseSeed);
        Path file = dir.resolve("hostile.jsonl");
        Files.write(file, gen.bytes);

        JobReport report = CodeJob.run(spark, JobOptions.parse("--input", file.toString(), "--output", out("hostile"),
                "--partitions", "2"));

        List<HostileLines.Line> good = gen.lines.stream().filter(HostileLines.Line::good).toList();
        List<HostileLines.Line> bad = gen.lines.stream().filter(l -> !l.good()).toList();
        Map<String, Row> errors = new HashMap<>();
        for (Row r : spark.read().schema(Schemas.ERROR).json(out("hostile") + "/errors").collectAsList()) {
            assertThat(errors.put(r.getAs("record_id"), r)).as("one error per record").isNull();
        }
        List<String> failures = new ArrayList<>();
        for (HostileLines.Line l : bad) {
            Row e = errors.get("hostile:" + l.number());
            String what = l.kind() + " line " + l.number() + " (seed " + l.seed() + "): ";
            if (e == null) {
                failures.add(what + "not in the error output");
                continue;
            }
            String reason = e.getAs("reason");
            if (!e.<String>getAs("where").endsWith("hostile.jsonl:" + l.number())) {
                failures.add(what + "where = " + e.getAs("where"));
            }
            boolean exact = l.kind().equals("invalid UTF-8");
            if (reason.isBlank() || reason.contains("Exception") || !(exact ? reason.equals(l.reasonStart())
                    || reason.startsWith(l.reasonStart() + " ") : reason.startsWith(l.reasonStart()))) {
                failures.add(what + "reason = " + reason);
            }
        }
        Map<String, List<String>> coded = cameoCodesByArticle(out("hostile"));
        for (HostileLines.Line l : good) {
            if (!templateCodes.get(l.template()).equals(coded.get(l.goodId()))) {
                failures.add("good line " + l.number() + " (seed " + l.seed() + "): events " + coded.get(l.goodId())
                        + ", its original gives " + templateCodes.get(l.template()));
            }
        }
        System.out.printf("fuzz spark hostile lines: %d cases run (%d good, %d bad), %d passed (seeds %d to %d)%n",
                count, good.size(), bad.size(), count - failures.size(), baseSeed, baseSeed + count - 1);
        assertThat(failures).isEmpty();
        assertThat(errors).hasSize(bad.size());
        assertThat(coded.keySet()).containsExactlyInAnyOrderElementsOf(good.stream().map(HostileLines.Line::goodId)
                .toList());
        assertThat(bad.stream().map(HostileLines.Line::kind).distinct()).hasSizeGreaterThanOrEqualTo(8);
        assertThat(report.articlesRead()).isEqualTo(count);
        assertThat(report.articlesCoded()).isEqualTo(good.size());
        assertThat(report.articlesFailed()).isEqualTo(bad.size());
    }

    /** Each article's CAMEO codes, sorted, from a job's events. */
    private Map<String, List<String>> cameoCodesByArticle(String output) {
        Map<String, List<String>> out = new HashMap<>();
        for (Row r : spark.read().parquet(output + "/events").select("article_id", "cameo_code").collectAsList()) {
            out.computeIfAbsent(r.getString(0), k -> new ArrayList<>()).add(r.getString(1));
        }
        out.values().forEach(java.util.Collections::sort);
        return out;
    }

    @Test
    void eventIdsDoNotDependOnHowTheInputIsPartitioned() throws IOException {
        JobReport one = feedReport;
        JobReport three;
        // the file itself read as three splits, then coded in three partitions
        var hadoop = spark.sparkContext().hadoopConfiguration();
        hadoop.setLong("mapreduce.input.fileinputformat.split.maxsize", Files.size(feed) / 3 + 1);
        try {
            three = CodeJob.run(spark, JobOptions.parse("--input", feed.toString(), "--output", out("three"),
                    "--partitions", "3"));
        } finally {
            hadoop.unset("mapreduce.input.fileinputformat.split.maxsize");
        }
        assertThat(one.partitions()).isEqualTo(1);
        assertThat(three.partitions()).isEqualTo(3);
        Set<String> ids1 = ids(feedOutput);
        assertThat(ids1).isNotEmpty().hasSize((int) one.eventsWritten());
        assertThat(ids(out("three"))).isEqualTo(ids1);
        // every partition of both jobs was coded by the one pipeline of this JVM
        assertThat(PipelineHolder.builds()).isEqualTo(1);
    }

    @Test
    void aFolderWhoseNameHoldsACommaIsOneInputNotTwo() throws IOException {
        // Hadoop's own reader splits an input string at commas; an analyst's folder name is taken as it is
        Path folder = Files.createDirectories(dir.resolve("wires, 2024"));
        Files.copy(feed, folder.resolve("feed.jsonl"));

        JobReport report = CodeJob.run(spark, JobOptions.parse("--input", folder.toString(), "--output", out("comma")));

        assertThat(report.articlesRead()).isEqualTo(feedReport.articlesRead());
        assertThat(ids(out("comma"))).isEqualTo(ids(feedOutput));
    }

    @Test
    void parquetArticlesAreCodedLikeTheSameJsonLines() throws IOException {
        StructType schema = DataTypes.createStructType(List.of(
                DataTypes.createStructField("id", DataTypes.StringType, true),
                DataTypes.createStructField("url", DataTypes.StringType, true),
                DataTypes.createStructField("title", DataTypes.StringType, true),
                DataTypes.createStructField("text", DataTypes.StringType, true),
                DataTypes.createStructField("published", DataTypes.DateType, true),
                DataTypes.createStructField("source", DataTypes.StringType, true)));
        List<Row> rows = new ArrayList<>();
        for (Map<String, Object> a : TestArticles.ARTICLES) {
            rows.add(RowFactory.create(a.get("id"), a.get("url"), a.get("title"), a.get("text"),
                    Date.valueOf((String) a.get("published")), a.get("source")));
        }
        String parquet = dir.resolve("articles.parquet").toString();
        spark.createDataFrame(rows, schema).coalesce(1).write().parquet(parquet);

        JobReport report = CodeJob.run(spark, JobOptions.parse("--input", parquet, "--output", out("pq")));

        assertThat(report.articlesCoded()).isEqualTo(6);
        // articles that carry their own id give identical events, whatever the input format
        assertThat(linesOfIdentifiedArticles(out("pq"))).isNotEmpty().isEqualTo(linesOfIdentifiedArticles(feedOutput));
        // the others are numbered by row within their file: rows 3 and 5
        Set<String> fallbackIds = spark.read().parquet(out("pq") + "/events").select("article_id").collectAsList()
                .stream().map(r -> r.getString(0)).filter(id -> !OWN_IDS.contains(id)).collect(Collectors.toSet());
        assertThat(fallbackIds).allMatch(id -> id.endsWith(":3") || id.endsWith(":5")).isNotEmpty();
    }

    @Test
    void anExistingOutputIsKeptUnlessOverwriteIsAsked() throws IOException {
        Path one = write("one.jsonl", Json.write(TestArticles.ARTICLES.get(3)) + "\n");
        CodeJob.run(spark, JobOptions.parse("--input", one.toString(), "--output", out("run")));
        assertThatThrownBy(() -> CodeJob.run(spark, JobOptions.parse("--input", one.toString(), "--output", out("run"))))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("--overwrite");
        JobReport again = CodeJob.run(spark, JobOptions.parse("--input", one.toString(), "--output", out("run"),
                "--overwrite", "--errors-format", "parquet"));
        assertThat(ids(out("run"))).hasSize((int) again.eventsWritten());
        assertThat(spark.read().parquet(out("run") + "/errors").count()).isZero();
    }

    private Set<String> ids(String output) {
        return spark.read().parquet(output + "/events").select("id").collectAsList().stream()
                .map(r -> r.getString(0)).collect(Collectors.toSet());
    }

    private Set<String> linesOfIdentifiedArticles(String output) {
        return spark.read().parquet(output + "/events").select("article_id", "json").collectAsList().stream()
                .filter(r -> OWN_IDS.contains(r.getString(0))).map(r -> r.getString(1)).collect(Collectors.toSet());
    }

    /** What the core coder itself gives for the same file: the command line's event lines. */
    private static Set<String> expectedEventLines(Path feed) throws IOException {
        Set<String> lines = new HashSet<>();
        for (Article a : articles(feed)) {
            for (Event e : Pipelines.defaultPipeline().code(a).events()) {
                lines.add(EventJson.toJson(e, a));
            }
        }
        return lines;
    }

    private static List<Article> articles(Path feed) throws IOException {
        List<Article> out = new ArrayList<>();
        List<String> lines = Files.readAllLines(feed);
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).isBlank()) {
                continue;
            }
            try {
                Article a = JsonlArticles.parse(lines.get(i), "feed:" + (i + 1), ReadOptions.defaults());
                out.add(DebrisMarker.standard().mark(a));
            } catch (org.khaldun.article.BadInputException e) {
                throw new AssertionError(e.reason());
            }
        }
        return out;
    }

    private Path write(String name, String content) throws IOException {
        return Files.writeString(dir.resolve(name), content);
    }

    private String out(String name) {
        return dir.resolve("out-" + name).toString();
    }

}
