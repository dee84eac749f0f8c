package org.khaldun.spark.bench;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerStageCompleted;
import org.apache.spark.scheduler.SparkListenerTaskEnd;
import org.apache.spark.sql.SparkSession;

/**
 * The tasks Spark ran, as its listener bus reports them: enough to find the stage that coded the articles (the one
 * whose tasks used the most CPU) and to see how evenly its partitions filled the cores.
 */
final class TaskLog extends SparkListener {

    record Task(int stage, int partition, long launchMillis, long finishMillis, long runMillis, long cpuNanos,
                long gcMillis) {
    }

    private final List<Task> tasks = java.util.Collections.synchronizedList(new ArrayList<>());
    private final Map<Integer, String> stageNames = new ConcurrentHashMap<>();

    @Override
    public void onTaskEnd(SparkListenerTaskEnd e) {
        var m = e.taskMetrics();
        var i = e.taskInfo();
        tasks.add(new Task(e.stageId(), i.index(), i.launchTime(), i.finishTime(),
                m == null ? i.duration() : m.executorRunTime(), m == null ? 0 : m.executorCpuTime(),
                m == null ? 0 : m.jvmGCTime()));
    }

    @Override
    public void onStageCompleted(SparkListenerStageCompleted e) {
        stageNames.put(e.stageInfo().stageId(), e.stageInfo().name());
    }

    /** Forgets what was logged so far (call before the job to look at). */
    void clear(SparkSession spark) {
        drain(spark);
        tasks.clear();
    }

    /** Waits until the listener bus has delivered every event of the jobs that have ended. */
    static void drain(SparkSession spark) {
        // private[spark] in Scala, public in the bytecode: the supported way for a listener to know it is up to date
        try {
            spark.sparkContext().listenerBus().waitUntilEmpty();
        } catch (java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException("Spark's listener bus did not catch up", e);
        }
    }

    /** How the job's tasks used the cores, the coding stage singled out. */
    Map<String, Object> summary(SparkSession spark, int cores, double jobWallSeconds) {
        drain(spark);
        List<Task> all;
        synchronized (tasks) {
            all = new ArrayList<>(tasks);
        }
        Map<Integer, List<Task>> byStage = all.stream().collect(Collectors.groupingBy(Task::stage));
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("stages", byStage.size());
        m.put("tasks", all.size());
        if (all.isEmpty()) {
            return m;
        }
        int coding = byStage.entrySet().stream()
                .max(Comparator.comparingLong(en -> en.getValue().stream().mapToLong(Task::cpuNanos).sum()))
                .orElseThrow().getKey();
        List<Task> ts = byStage.get(coding).stream().sorted(Comparator.comparingInt(Task::partition)).toList();
        long start = ts.stream().mapToLong(Task::launchMillis).min().orElse(0);
        long end = ts.stream().mapToLong(Task::finishMillis).max().orElse(0);
        double stageWall = (end - start) / 1e3;
        double run = ts.stream().mapToLong(Task::runMillis).sum() / 1e3;
        double[] cpu = ts.stream().mapToDouble(t -> t.cpuNanos() / 1e9).toArray();
        double cpuSum = java.util.Arrays.stream(cpu).sum();
        double cpuMax = java.util.Arrays.stream(cpu).max().orElse(0);
        double cpuMin = java.util.Arrays.stream(cpu).min().orElse(0);
        // the last task to start: after it, a core that finishes has nothing left to do
        long lastLaunch = ts.stream().mapToLong(Task::launchMillis).max().orElse(0);
        m.put("coding_stage", coding);
        m.put("coding_stage_name", stageNames.getOrDefault(coding, "?"));
        m.put("coding_partitions", ts.size());
        m.put("coding_stage_wall_s", JvmCpu.r(stageWall));
        m.put("job_wall_outside_coding_stage_s", JvmCpu.r(jobWallSeconds - stageWall));
        m.put("coding_task_run_s", JvmCpu.r(run));
        m.put("coding_task_cpu_s", JvmCpu.r(cpuSum));
        m.put("coding_task_gc_s", JvmCpu.r(ts.stream().mapToLong(Task::gcMillis).sum() / 1e3));
        // share of cores × stage wall that a task was running on: the rest is idle cores (skew, scheduling)
        m.put("coding_core_occupancy", stageWall > 0 ? JvmCpu.r(run / (cores * stageWall)) : 0);
        m.put("coding_tail_s", JvmCpu.r((end - lastLaunch) / 1e3));
        m.put("partition_cpu_s_min_mean_max", List.of(JvmCpu.r(cpuMin), JvmCpu.r(cpuSum / cpu.length), JvmCpu.r(cpuMax)));
        // load-independent view of the skew: the partitions' CPU times scheduled as Spark does (in index order,
        // each to the first free core); 1.0 = the cores finish together
        m.put("partition_balance_fifo", JvmCpu.r(balance(cpu, cores, false)));
        m.put("partition_balance_longest_first", JvmCpu.r(balance(cpu, cores, true)));
        return m;
    }

    /** Ideal time (all work / cores) over the makespan of a greedy schedule of {@code work} on {@code cores}. */
    static double balance(double[] work, int cores, boolean longestFirst) {
        double[] order = work.clone();
        if (longestFirst) {
            java.util.Arrays.sort(order);
            for (int i = 0, j = order.length - 1; i < j; i++, j--) {
                double t = order[i];
                order[i] = order[j];
                order[j] = t;
            }
        }
        PriorityQueue<Double> free = new PriorityQueue<>();
        for (int c = 0; c < cores; c++) {
            free.add(0.0);
        }
        double makespan = 0;
        double sum = 0;
        for (double w : order) {
            double done = free.poll() + w;
            free.add(done);
            makespan = Math.max(makespan, done);
            sum += w;
        }
        return makespan == 0 ? 1 : sum / cores / makespan;
    }
}
