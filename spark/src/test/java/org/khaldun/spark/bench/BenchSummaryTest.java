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
}
