package org.khaldun.app.eval;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.khaldun.petrarch.ConformanceSuite;

/**
 * Runs PETRARCH's own unit-test records through Khaldun's PETRARCH-compatible coder with the test dictionaries the
 * records name, and reports how many of the expected codings it reproduces, per category. These records test an
 * implementation of PETRARCH's rules with fictional actors; they say nothing about real-world accuracy.
 */
public final class PetrarchConformanceEvaluation implements Evaluation {

    static final String UNIT_TESTS = "PETR.UnitTest.records.xml";
    static final String OLD_VALIDATION = "PETR.Validate.records.140226.txt";

    @Override
    public String name() {
        return "petrarch";
    }

    @Override
    public String description() {
        return "PETRARCH unit-test records coded with their test dictionaries (conformance with PETRARCH's rules)";
    }

    @Override
    public String defaultDataFolder() {
        return "petrarch-conformance";
    }

    @Override
    public String run(Path data, PrintStream progress) throws Exception {
        Path unit = data.resolve(UNIT_TESTS);
        if (!Files.exists(unit)) {
            throw new IllegalStateException("missing " + unit);
        }
        Path dictionaries = data.resolve("dictionaries");
        StringBuilder md = new StringBuilder();
        md.append("# PETRARCH conformance\n\n");
        md.append("Each `<Sentence>` of `").append(UNIT_TESTS).append("` is coded from its `<Parse>` tree with the ")
                .append("dictionaries its `<Environment>` names (`dictionaries/`), applying `<Config>` switches in ")
                .append("order. An expected coding passes when its (source, target, event) triple is produced; ")
                .append("`noevents` when nothing is produced; `error` when the sentence is rejected for that reason. ")
                .append("Extra codings are produced triples that were not expected.\n\n");
        progress.println("petrarch: coding " + unit);
        long t0 = System.nanoTime();
        List<ConformanceSuite.Outcome> outcomes = ConformanceSuite.read(unit).run(dictionaries, false);
        long ms = (System.nanoTime() - t0) / 1_000_000;
        section(md, outcomes);
        md.append("\n").append(outcomes.size()).append(" sentences coded in ").append(ms)
                .append(" ms (including reading the dictionaries).\n");

        Path old = data.resolve(OLD_VALIDATION);
        if (Files.exists(old)) {
            progress.println("petrarch: coding the valid records of " + old);
            List<ConformanceSuite.Outcome> second = ConformanceSuite.read(old).run(dictionaries, true);
            md.append("\n## Second set: `valid=\"true\"` records of `").append(OLD_VALIDATION).append("`\n\n")
                    .append("An older (2014) TABARI-derived suite; its expectations were written against earlier ")
                    .append("versions of the same test dictionaries (e.g. RESCHEDULE was then 031, now 082), so ")
                    .append("disagreements are expected and this set is reported for information only.\n\n");
            section(md, second);
        }
        return md.toString();
    }

    static void section(StringBuilder md, List<ConformanceSuite.Outcome> outcomes) {
        md.append("| category | sentences | expected codings | passed | pass rate | extra codings |\n");
        md.append("|---|---:|---:|---:|---:|---:|\n");
        for (ConformanceSuite.Tally t : ConformanceSuite.tally(outcomes)) {
            boolean all = t.category().equals("ALL");
            String name = all ? "**overall**" : t.category();
            md.append(String.format(Locale.ROOT, "| %s | %d | %d | %d | %s%.1f %%%s | %d |%n", name, t.sentences(),
                    t.expected(), t.passed(), all ? "**" : "", 100 * t.rate(), all ? "**" : "", t.extra()));
        }
        List<ConformanceSuite.Outcome> failed = outcomes.stream().filter(o -> !o.failed().isEmpty()).toList();
        if (!failed.isEmpty()) {
            md.append("\nMissed codings:\n\n| record | expected, not produced | produced |\n|---|---|---|\n");
            for (ConformanceSuite.Outcome o : failed) {
                md.append("| ").append(o.record().id()).append(" | ")
                        .append(o.failed().stream().map(Object::toString).collect(Collectors.joining("; ")))
                        .append(" | ").append(produced(o)).append(" |\n");
            }
        }
        List<ConformanceSuite.Outcome> extra = outcomes.stream()
                .filter(o -> o.failed().isEmpty() && !o.extra().isEmpty()).toList();
        if (!extra.isEmpty()) {
            md.append("\nExtra codings in otherwise passing records:\n\n| record | extra |\n|---|---|\n");
            for (ConformanceSuite.Outcome o : extra) {
                md.append("| ").append(o.record().id()).append(" | ")
                        .append(o.extra().stream().map(Object::toString).collect(Collectors.joining("; ")))
                        .append(" |\n");
            }
        }
    }

    private static String produced(ConformanceSuite.Outcome o) {
        if (o.result().rejection().isPresent()) {
            return "rejected: " + o.result().rejection().get().reason();
        }
        if (o.result().events().isEmpty()) {
            return "nothing";
        }
        return o.result().events().stream().map(e -> e.source() + " " + e.target() + " " + e.code())
                .distinct().collect(Collectors.joining("; "));
    }
}
