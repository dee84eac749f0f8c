package org.khaldun.pipeline;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import javax.management.JMException;
import javax.management.ObjectName;

/**
 * Keeps HotSpot's optimising compiler (C2) for the code where the coding time is spent, and leaves Khaldun's own
 * per-article stages to the quick compiler (C1).
 *
 * <p>Why: on two cores, the JIT compiler thread competes with the coding threads. Khaldun's stages (actors, times,
 * attribution, places, events, the glue around the parser) run once per article and take under a tenth of the
 * coding CPU, yet C2 spent about half of its time on them: it inlines whole call trees into methods such as
 * {@code SentenceCoder.verbArguments} (87 KB of machine code), and their loops reach C2's thresholds slowly, so new
 * compilations were still arriving after a thousand articles. Measured with {@code ./khaldun bench --articles 300
 * --warmup 100} (BENCHMARKS.md): JIT compiler busy 19.4 → 11.2 s, whole-JVM CPU 123.7 → 100.9 ms per article,
 * the stages' own time unchanged, events identical. The neural parser (two thirds of the CPU) and CoreNLP keep C2.
 *
 * <p>The directives go to the running JVM through its {@code DiagnosticCommand} management bean (the same command as
 * {@code jcmd PID Compiler.directives_add}), once per JVM, before the first article. Setting the system property
 * {@code khaldun.jit.directives=false} leaves the JVM's compilers alone. A JVM without that bean (not HotSpot) runs as
 * it would anyway: this is a speed hint, never a condition of coding.
 */
public final class CompilerDirectives {

    /** The stage packages whose methods C2 does not compile. */
    static final List<String> C1_ONLY_PACKAGES = List.of("org/khaldun/actor", "org/khaldun/article",
            "org/khaldun/attribution", "org/khaldun/event", "org/khaldun/nlp", "org/khaldun/petrarch",
            "org/khaldun/pipeline", "org/khaldun/place", "org/khaldun/time");

    /** Classes inside those packages that are hot and keep C2: the parser's network. */
    static final List<String> C2_CLASSES = List.of("org/khaldun/nlp/NeuralDependencyParser");

    /** What happened when the directives were (or were not) given to the JVM, for reports such as the benchmark's. */
    public record Outcome(boolean installed, String detail) {
    }

    private static final AtomicReference<Outcome> OUTCOME = new AtomicReference<>();

    private CompilerDirectives() {
    }

    /** Installs the directives unless already done or turned off; returns what happened (the same every call). */
    public static Outcome install() {
        Outcome done = OUTCOME.get();
        if (done != null) {
            return done;
        }
        synchronized (CompilerDirectives.class) {
            done = OUTCOME.get();
            if (done == null) {
                done = Boolean.parseBoolean(System.getProperty("khaldun.jit.directives", "true"))
                        ? add(json())
                        : new Outcome(false, "turned off by khaldun.jit.directives=false");
                OUTCOME.set(done);
            }
            return done;
        }
    }

    /**
     * The directives in HotSpot's JSON dialect. Directives match top down, so the parser's classes, which sit in a
     * C1-only package, come first with C2 allowed.
     */
    static String json() {
        return "[\n  { match: " + patterns(C2_CLASSES, "*.*") + ", c2: { Exclude: false } },\n"
                + "  { match: " + patterns(C1_ONLY_PACKAGES, "/*.*") + ", c2: { Exclude: true } }\n]\n";
    }

    private static String patterns(List<String> prefixes, String suffix) {
        return prefixes.stream().map(p -> '"' + p + suffix + '"').collect(Collectors.joining(", ", "[", "]"));
    }

    private static Outcome add(String directives) {
        Path file = null;
        try {
            file = Files.createTempFile("khaldun-compiler-directives", ".json");
            Files.writeString(file, directives, StandardCharsets.UTF_8);
            Object answer = ManagementFactory.getPlatformMBeanServer().invoke(
                    new ObjectName("com.sun.management:type=DiagnosticCommand"), "compilerDirectivesAdd",
                    new Object[] {new String[] {file.toString()}}, new String[] {String[].class.getName()});
            String text = String.valueOf(answer).strip();
            // HotSpot answers "N compiler directives added", or a parse or load error in words.
            return new Outcome(text.matches("\\d+ compiler directives? added"), text);
        } catch (IOException | JMException | RuntimeException e) {
            return new Outcome(false, "not installed: " + e);
        } finally {
            if (file != null) {
                try {
                    Files.deleteIfExists(file);
                } catch (IOException e) {
                    // a temporary file left behind is harmless
                }
            }
        }
    }
}
