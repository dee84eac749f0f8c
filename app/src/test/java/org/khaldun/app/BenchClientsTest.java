package org.khaldun.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The benchmark's 200 clients behave as 200 analysts, not as one analyst 200 times over. */
class BenchClientsTest {

    private static final int CLIENTS = 200;

    @Test
    void theClientsFirstPausesSpreadOutInsteadOfEndingTogether() {
        List<Random> streams = BenchClients.randomStreams(CLIENTS, 1000);
        long[] firstPause = streams.stream().mapToLong(r -> BenchClients.thinkMillis(r, 1000)).sorted().toArray();
        // exponential pauses of mean 1 s: about a tenth end in the first 100 ms, fewer in any later 100 ms
        assertThat(busiest100Ms(firstPause)).isLessThan(CLIENTS / 5);
        double mean = java.util.Arrays.stream(firstPause).average().orElse(0);
        assertThat(mean).isBetween(800.0, 1200.0);
    }

    @Test
    void theClientsDoNotAllAskTheSameKindOfQueryFirst() {
        int[] firstKind = BenchClients.randomStreams(CLIENTS, 1000).stream().mapToInt(r -> r.nextInt(12)).toArray();
        int mostCommon = IntStream.range(0, 12).map(k -> (int) java.util.Arrays.stream(firstKind)
                .filter(x -> x == k).count()).max().orElse(0);
        assertThat(mostCommon).isLessThan(CLIENTS / 6);
    }

    @Test
    void theSameSeedGivesTheSameClients() {
        List<Random> a = BenchClients.randomStreams(5, 42);
        List<Random> b = BenchClients.randomStreams(5, 42);
        for (int c = 0; c < 5; c++) {
            assertThat(a.get(c).nextLong()).isEqualTo(b.get(c).nextLong());
        }
    }

    @Test
    void consecutiveSeedsWouldHaveMadeOneBurst() {
        // why the streams are not seeded 1000, 1001, ...: the old way, measured by the same yardstick
        long[] firstPause = IntStream.range(0, CLIENTS)
                .mapToLong(c -> BenchClients.thinkMillis(new Random(1000 + c), 1000)).sorted().toArray();
        assertThat(busiest100Ms(firstPause)).isGreaterThan(CLIENTS / 2);
    }

    /** The most pauses ending within any 100 ms (sorted pauses). */
    private static int busiest100Ms(long[] sorted) {
        int best = 0;
        for (int i = 0, j = 0; i < sorted.length; i++) {
            while (sorted[i] - sorted[j] >= 100) {
                j++;
            }
            best = Math.max(best, i - j + 1);
        }
        return best;
    }
}
