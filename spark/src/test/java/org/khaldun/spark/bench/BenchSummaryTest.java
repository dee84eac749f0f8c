package org.khaldun.spark.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BenchSummaryTest {

    private static Map<String, Object> master(int cores, double wallSeconds) {
        return Map.of("master", "local[" + cores + "]", "cores", cores, "jvm", "test machine", "warmup_rounds", List.of(),
                "measured", Map.of("wall_seconds", wallSeconds, "cpu_ms_per_article", 40.0, "articles_coded", 2000,
                        "events_written", 4339));
    }

    private static List<Map<String, Object>> pair(double oneCore, double twoCores) {
        return List.of(master(1, oneCore), master(2, twoCores));
    }

    @Test
    void theSpeedUpIsTheOneCoreWallTimeOverTheTwoCoreOne() {
        assertThat(BenchSummary.speedUp(pair(90, 50))).isEqualTo(1.8);
    }

    @Test
    void repeatsReportEveryPairTheirMedianAndRangeAndWhichMasterRanFirst() {
        List<List<Map<String, Object>>> runs = List.of(pair(90, 50), pair(84, 50), pair(95, 50));
        assertThat(BenchSummary.medianRepeat(runs)).isEqualTo(0);

        String md = BenchSummary.repeats(runs);
        assertThat(md).contains("| 1 | local[1] | 90.0 | 40.0 | 50.0 | 40.0 | 1.80× |")
                .contains("| 2 | local[2] | 84.0 | 40.0 | 50.0 | 40.0 | 1.68× |")
                .contains("| 3 | local[1] | 95.0 | 40.0 | 50.0 | 40.0 | 1.90× |")
                .contains("over 3 repeats: median **1.80×**, mean 1.79×, range 1.68–1.90×");
    }

    @Test
    void withAnEvenNumberOfRepeatsTheMedianIsTheMeanOfTheMiddleTwoAndTheLowerOneIsShownInFull() {
        List<List<Map<String, Object>>> runs = List.of(pair(90, 50), pair(80, 50), pair(85, 50), pair(100, 50));
        assertThat(BenchSummary.medianRepeat(runs)).isEqualTo(2);
        assertThat(BenchSummary.repeats(runs)).contains("median **1.75×**");
    }

    @Test
    void aPinnedMasterShowsItsCpusAndTheMachineIsDescribedByTheWidestMaster() {
        Map<String, Object> pinned = new java.util.HashMap<>(master(1, 90));
        pinned.put("cpus", 1);
        pinned.put("jvm", "1 cores (pinned)");
        Map<String, Object> two = new java.util.HashMap<>(master(2, 50));
        two.put("cpus", 2);
        two.put("jvm", "2 cores (machine)");
        List<Map<String, Object>> reports = List.of(pinned, two);

        assertThat(BenchSummary.header(reports, "spark/bench.sh --pin", new double[3], new double[3]))
                .contains("Machine: 2 cores (machine)");
        assertThat(BenchSummary.body(reports)).contains("| local[1] | 1 | 2000 |").contains("| local[2] | 2 | 2000 |");
    }

    @Test
    void aPinnedMastersJvmCpuIsSpreadOverItsOwnCpusInTheForecast() {
        Map<String, Object> measured = Map.of("tasks_threads_cpu_s", 80.0, "process_cpu_s", 90.0,
                "partition_balance_fifo", 1.0, "wall_seconds", 90.0);
        Map<String, Object> pinned = Map.of("master", "local[1]", "cores", 1, "cpus", 1, "measured", measured);
        Map<String, Object> unpinned = Map.of("master", "local[1]", "cores", 1, "cpus", 2, "measured", measured);

        assertThat(BenchSummary.forecast(pinned, 2)).isEqualTo(90.0);
        assertThat(BenchSummary.forecast(unpinned, 2)).isEqualTo(80.0);
    }
}
