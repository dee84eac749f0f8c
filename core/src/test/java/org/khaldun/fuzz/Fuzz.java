package org.khaldun.fuzz;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;

/**
 * Generated test cases without a property-testing library: each case draws from its own
 * {@link SplittableRandom} seeded with {@code baseSeed + index}, so a case is the same in every run and on every
 * machine, and a failure names the seed that re-creates it. Cases are not shrunk; generators keep inputs small
 * enough to read instead.
 */
public final class Fuzz {

    private Fuzz() {
    }

    /** One check of one generated case; it may throw anything, the case then fails naming its seed. */
    @FunctionalInterface
    public interface Check {
        void run(Gen gen) throws Exception;
    }

    /**
     * {@code count} dynamic tests named {@code "<family> #<index> seed=<seed>"}, each running {@code check} on its
     * own generator. When the stream is closed (JUnit closes it after the last case) one line on stdout says how
     * many cases of the family ran and passed.
     */
    public static Stream<DynamicTest> cases(String family, int count, long baseSeed, Check check) {
        AtomicInteger ran = new AtomicInteger();
        AtomicInteger passed = new AtomicInteger();
        return IntStream.range(0, count).mapToObj(i -> {
            long seed = baseSeed + i;
            return DynamicTest.dynamicTest(family + " #" + i + " seed=" + seed, () -> {
                ran.incrementAndGet();
                try {
                    check.run(new Gen(seed));
                } catch (Throwable t) {
                    throw new AssertionError(family + " case #" + i + " (seed " + seed + ") failed: " + t, t);
                }
                passed.incrementAndGet();
            });
        }).onClose(() -> System.out.printf("fuzz %s: %d of %d cases run, %d passed (seeds %d to %d)%n", family,
                ran.get(), count, passed.get(), baseSeed, baseSeed + count - 1));
    }

    /** Random choices for one case. */
    public static final class Gen {
        private final SplittableRandom random;

        public Gen(long seed) {
            this.random = new SplittableRandom(seed);
        }

        /** Uniform in {@code [min, max]}. */
        public int between(int min, int max) {
            return random.nextInt(min, max + 1);
        }

        /**
         * A size in {@code [min, max]} that is at either end one time in ten each (empty and full inputs are where
         * readers break most often) and otherwise leans towards small sizes, which find the same faults for less
         * time, as property-testing libraries do.
         */
        public int size(int min, int max) {
            int roll = random.nextInt(10);
            if (roll < 2) {
                return roll == 0 ? min : max;
            }
            double u = random.nextDouble();
            return min + (int) Math.floor(u * u * (max - min + 1));
        }

        public boolean bool() {
            return random.nextBoolean();
        }

        /** A long that is often an edge value (0, -1, the extremes). */
        public long anyLong() {
            return random.nextInt(4) == 0 ? oneOf(List.of(0L, -1L, Long.MIN_VALUE, Long.MAX_VALUE)) : random.nextLong();
        }

        public <T> T oneOf(List<T> choices) {
            return choices.get(random.nextInt(choices.size()));
        }

        @SafeVarargs
        public final <T> T oneOf(T... choices) {
            return choices[random.nextInt(choices.length)];
        }

        /** An index into {@code weights}, drawn in proportion to them. */
        public int weighted(int... weights) {
            int total = 0;
            for (int w : weights) {
                total += w;
            }
            int roll = random.nextInt(total);
            for (int i = 0; i < weights.length; i++) {
                roll -= weights[i];
                if (roll < 0) {
                    return i;
                }
            }
            throw new AssertionError("unreachable");
        }

        public byte[] bytes(int maxLength) {
            byte[] b = new byte[size(0, maxLength)];
            random.nextBytes(b);
            return b;
        }

        /**
         * Up to {@code maxLength} chars: mostly printable ASCII, some line breaks and control characters, and any
         * UTF-16 unit at all (lone surrogates included).
         */
        public String string(int maxLength) {
            int n = size(0, maxLength);
            StringBuilder sb = new StringBuilder(n);
            for (int i = 0; i < n; i++) {
                int kind = weighted(5, 2, 3);
                sb.append(kind == 0 ? (char) between(0x20, 0x7E)
                        : kind == 1 ? CONTROLS.charAt(random.nextInt(CONTROLS.length()))
                        : (char) between(0, 0xFFFF));
            }
            return sb.toString();
        }

        private static final String CONTROLS = "\n\r\t\0\u0007\u007F\u0085 ";

        public <T> List<T> list(int min, int max, Supplier<T> element) {
            int n = size(min, max);
            List<T> out = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                out.add(element.get());
            }
            return out;
        }
    }
}
