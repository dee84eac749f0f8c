package org.khaldun.app;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * The random streams of a benchmark's concurrent clients: one per client, reproducible from one seed, and independent
 * of each other from their first draw. Seeding clients with consecutive numbers is not that: {@link Random}'s first
 * draws from seeds 1000, 1001, … differ by about 1e-4 of their range, so 200 clients all paused the same first think
 * time and asked in one burst (bench-serve's whole p99 on 2026-11-27), or all asked the same kind of query first.
 */
final class BenchClients {

    private BenchClients() {
    }

    /** {@code clients} generators, their seeds drawn from one generator seeded with {@code seed}. */
    static List<Random> randomStreams(int clients, long seed) {
        Random seeds = new Random(seed);
        List<Random> out = new ArrayList<>(clients);
        for (int c = 0; c < clients; c++) {
            out.add(new Random(seeds.nextLong()));
        }
        return out;
    }

    /** An exponentially distributed pause of mean {@code meanMs}: many short ones, a few long (analysts reading). */
    static long thinkMillis(Random r, double meanMs) {
        return (long) (-meanMs * Math.log(1 - r.nextDouble()));
    }
}
