package org.khaldun.spark.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Which CPUs a pinned master may use. Unpinned, {@code local[1]} runs its JIT compilers, GC and Spark threads on the
 * cores its single task thread leaves idle, so it is not a one-core run; pinned with {@code taskset}, a
 * {@code local[n]} master's whole JVM gets exactly n CPUs and the speed-up measures what an executor core adds.
 */
final class CpuPinning {

    private CpuPinning() {
    }

    /** The CPUs this process may run on, from {@code /proc/self/status} (Linux only). */
    static List<Integer> allowedCpus() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("Cpus_allowed_list:")) {
                    return parseList(line.substring(line.indexOf(':') + 1));
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("--pin needs Linux's /proc/self/status: " + e.getMessage(), e);
        }
        throw new IllegalStateException("--pin: no Cpus_allowed_list in /proc/self/status");
    }

    /** A kernel CPU list ({@code 0-3,8,10-11}) as CPU numbers, in order. */
    static List<Integer> parseList(String list) {
        List<Integer> cpus = new ArrayList<>();
        for (String part : list.strip().split(",")) {
            if (part.isBlank()) {
                continue;
            }
            int dash = part.indexOf('-');
            int from = Integer.parseInt(part.substring(0, dash < 0 ? part.length() : dash).strip());
            int to = dash < 0 ? from : Integer.parseInt(part.substring(dash + 1).strip());
            for (int c = from; c <= to; c++) {
                cpus.add(c);
            }
        }
        return List.copyOf(cpus);
    }

    /** The command prefix that runs a process on the first {@code n} of {@code allowed}: {@code taskset -c 0,1}. */
    static List<String> prefix(List<Integer> allowed, int n) {
        if (n < 1 || n > allowed.size()) {
            throw new IllegalArgumentException("--pin: local[" + n + "] needs " + n + " CPUs, this process may use "
                    + allowed.size() + " (" + allowed + ")");
        }
        return List.of("taskset", "-c", allowed.subList(0, n).stream().map(String::valueOf)
                .collect(Collectors.joining(",")));
    }
}
