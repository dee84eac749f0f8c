package org.khaldun.spark.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.spark.sql.SparkSession;
import org.khaldun.json.Json;
import org.khaldun.spark.CodeJob;
import org.khaldun.spark.JobOptions;
import org.khaldun.spark.JobReport;

/**
 * One master of the Spark benchmark, alone in a fresh JVM that {@link SparkBench} starts: warm-up jobs over
 * articles that are not measured (in rounds, so that the report shows the JIT compiler's work dying down), then
 * the measured job, then a JSON report of both.
 *
 * <pre>
 * MasterRun --cores N --warmup DIR --input FILE --work DIR --partitions N --report FILE
 * </pre>
 */
public final class MasterRun {

    private MasterRun() {
    }

    public static void main(String[] args) throws IOException {
        Map<String, String> o = new LinkedHashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            o.put(args[i], args[i + 1]);
        }
        int cores = Integer.parseInt(o.get("--cores"));
        String master = "local[" + cores + "]";
        Path work = Path.of(o.get("--work"));
        String partitions = o.get("--partitions");
        List<Path> rounds;
        try (Stream<Path> s = Files.list(Path.of(o.get("--warmup")))) {
            rounds = s.filter(p -> p.getFileName().toString().endsWith(".jsonl")).sorted().toList();
        }
        JvmCpu jvmStart = JvmCpu.now();
        SparkSession spark = SparkSession.builder()
                .master(master)
                .appName("khaldun-bench " + master)
                .config("spark.ui.enabled", "false")
                .config("spark.driver.host", "127.0.0.1")
                .config("spark.driver.bindAddress", "127.0.0.1")
                .getOrCreate();
        Map<String, Object> report = new LinkedHashMap<>();
        try {
            TaskLog log = new TaskLog();
            spark.sparkContext().addSparkListener(log);
            report.put("master", master);
            report.put("cores", cores);
            report.put("jvm", SparkBench.jvmDescription());
            // fewer than the machine's when the benchmark pinned this JVM (--pin)
            report.put("cpus", Runtime.getRuntime().availableProcessors());
            List<Object> warm = new ArrayList<>();
            int warmArticles = 0;
            for (int i = 0; i < rounds.size(); i++) {
                JvmCpu a = JvmCpu.now();
                JobReport r = code(spark, rounds.get(i), work.resolve("out-warmup"), partitions);
                JvmCpu.Delta d = JvmCpu.now().since(a);
                warmArticles += (int) r.articlesCoded();
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("round", i + 1);
                m.put("articles", r.articlesCoded());
                m.put("articles_so_far", warmArticles);
                m.put("wall_s", JvmCpu.r(r.wallSeconds()));
                m.put("coding_cpu_ms_per_article", JvmCpu.r(r.cpuMillisPerArticle()));
                m.put("process_cpu_ms_per_article", JvmCpu.r(d.processSeconds() * 1000 / r.articlesCoded()));
                m.put("jit_cpu_ms_per_article", JvmCpu.r(d.kind("jit") * 1000 / r.articlesCoded()));
                m.putAll(d.json());
                warm.add(m);
                SparkBench.log("%s warm-up round %d/%d: %d articles, coding %.1f ms/article, JIT threads %.1f CPU s (%.1f ms/article), "
                        + "process %.1f CPU s", master, i + 1, rounds.size(), r.articlesCoded(), r.cpuMillisPerArticle(),
                        d.kind("jit"), d.kind("jit") * 1000 / r.articlesCoded(), d.processSeconds());
            }
            report.put("warmup_articles", warmArticles);
            report.put("warmup_rounds", warm);
            report.put("jvm_before_measuring", JvmCpu.now().since(jvmStart).json());

            log.clear(spark);
            double[] load0 = SparkBench.loadAverage();
            JvmCpu m0 = JvmCpu.now();
            JobReport r = code(spark, Path.of(o.get("--input")), work.resolve("out-" + "local" + cores), partitions);
            JvmCpu.Delta d = JvmCpu.now().since(m0);
            double[] load1 = SparkBench.loadAverage();
            Map<String, Object> m = new LinkedHashMap<>(Json.parseObject(r.toJson()));
            m.put("process_cpu_ms_per_article", JvmCpu.r(d.processSeconds() * 1000 / r.articlesCoded()));
            m.putAll(d.json());
            m.putAll(log.summary(spark, cores, r.wallSeconds()));
            m.put("load_before", List.of(load0[0], load0[1], load0[2]));
            m.put("load_after", List.of(load1[0], load1[1], load1[2]));
            report.put("measured", m);
            SparkBench.log("%s measured: %d articles in %.1f s wall, coding %.1f ms/article, process %.1f CPU s "
                    + "(tasks %.1f, JIT %.1f, GC %.1f, other %.1f)", master, r.articlesCoded(), r.wallSeconds(),
                    r.cpuMillisPerArticle(), d.processSeconds(), d.kind("tasks"), d.kind("jit"), d.kind("gc"),
                    d.kind("other"));
        } finally {
            spark.stop();
        }
        Files.writeString(Path.of(o.get("--report")), Json.write(report) + "\n");
    }

    private static JobReport code(SparkSession spark, Path input, Path output, String partitions) {
        return CodeJob.run(spark, JobOptions.parse("--input", input.toString(), "--output", output.toString(),
                "--partitions", partitions, "--overwrite"));
    }
}
