package org.khaldun.app.eval;

import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.khaldun.nlp.ConstituencyParse;
import org.khaldun.nlp.ConstituencyParser;
import org.khaldun.nlp.CoreNlpConstituencyParser;
import org.khaldun.nlp.CoreNlpEngine;
import org.khaldun.nlp.Sentence;
import org.khaldun.nlp.Token;
import org.khaldun.petrarch.ConformanceSuite;
import org.khaldun.petrarch.PetrarchCoder;

/**
 * What PETRARCH compatibility mode gives users: PETRARCH's unit-test records coded from their {@code <Text>}, parsed
 * by Khaldun's own CoreNLP tagger and PCFG, next to the same records coded from the {@code <Parse>} trees the test
 * file provides. The gap between the two figures is the cost of our parser, not of the coder.
 */
public final class PetrarchTextEvaluation implements Evaluation {

    @Override
    public String name() {
        return "petrarch-text";
    }

    @Override
    public String description() {
        return "PETRARCH unit-test records coded from their text with Khaldun's own constituency parse, vs the given trees";
    }

    @Override
    public String defaultDataFolder() {
        return "petrarch-conformance";
    }

    @Override
    public String run(Path data, PrintStream progress) throws Exception {
        Path unit = data.resolve(PetrarchConformanceEvaluation.UNIT_TESTS);
        if (!Files.exists(unit)) {
            throw new IllegalStateException("missing " + unit);
        }
        ConformanceSuite suite = ConformanceSuite.read(unit);
        PetrarchCoder coder = new PetrarchCoder(suite.dictionaries(data.resolve("dictionaries")));
        progress.println("petrarch-text: coding " + unit + " from the given trees");
        List<ConformanceSuite.Outcome> given = suite.run(coder, false);

        progress.println("petrarch-text: loading the tagger and the PCFG");
        CoreNlpEngine nlp = CoreNlpEngine.shared();
        ConstituencyParser parser = CoreNlpConstituencyParser.shared();
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        List<long[]> costs = new ArrayList<>(); // tokens, wall ns, cpu ns
        Map<String, String> trees = new HashMap<>();
        int[] done = {0};
        progress.println("petrarch-text: parsing " + suite.records().size() + " texts");
        List<ConformanceSuite.Outcome> own = suite.run(coder, false, r -> {
            Sentence s = tagged(nlp, r.text());
            long w0 = System.nanoTime();
            long c0 = threads.getCurrentThreadCpuTime();
            String tree = parser.parse(s).map(ConstituencyParse::pennTree).orElse(null);
            costs.add(new long[] {s.tokens().size(), System.nanoTime() - w0, threads.getCurrentThreadCpuTime() - c0});
            trees.put(r.id(), tree);
            if (++done[0] % 50 == 0) {
                progress.println("petrarch-text: " + done[0] + " parsed");
            }
            return tree;
        });

        StringBuilder md = new StringBuilder();
        md.append("# PETRARCH unit tests from text: given trees vs Khaldun's own parse\n\n");
        md.append("The ").append(own.size()).append(" sentences of `").append(PetrarchConformanceEvaluation.UNIT_TESTS)
                .append("` coded twice with the same coder and test dictionaries: from the `<Parse>` tree each record ")
                .append("provides, and from its `<Text>`, tokenised and tagged by Khaldun's CoreNLP adapter and parsed ")
                .append("by CoreNLP's English PCFG — what `khaldun code --petrarch-verbs` does with an article. ")
                .append("Records that expect `bad_input_parse` test a deliberately broken tree and cannot pass from ")
                .append("text.\n\n");
        ConformanceSuite.Tally g = overall(given);
        ConformanceSuite.Tally o = overall(own);
        md.append("| input | expected codings | reproduced | rate | extra codings |\n|---|---:|---:|---:|---:|\n");
        md.append(row("trees given (`<Parse>`)", g)).append(row("own parse of `<Text>` (CoreNLP PCFG)", o));
        long broken = suite.records().stream().flatMap(r -> r.expected().stream())
                .filter(e -> e instanceof ConformanceSuite.Error err && err.reason().equals("bad_input_parse")).count();
        md.append("\n").append(broken).append(" expected codings are `bad_input_parse` (unreachable from text).\n");

        md.append("\n## Per category\n\n| category | expected | trees given | own parse |\n|---|---:|---:|---:|\n");
        List<ConformanceSuite.Tally> gt = ConformanceSuite.tally(given);
        List<ConformanceSuite.Tally> ot = ConformanceSuite.tally(own);
        for (int i = 0; i < gt.size(); i++) {
            ConformanceSuite.Tally a = gt.get(i);
            ConformanceSuite.Tally b = ot.get(i);
            md.append(String.format(Locale.ROOT, "| %s | %d | %d (%.1f %%) | %d (%.1f %%) |%n", a.category(),
                    a.expected(), a.passed(), 100 * a.rate(), b.passed(), 100 * b.rate()));
        }

        md.append("\n## Parse cost\n\n").append(costTable(costs));
        double load = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        md.append(String.format(Locale.ROOT, "%nOne thread; %d cores; system load average at the end %.1f (wall time "
                + "grows with load, CPU time much less).%n", Runtime.getRuntime().availableProcessors(), load));

        md.append("\n## Records passing from the given tree but not from the own parse\n\n");
        md.append("| record | expected, not produced | own tree |\n|---|---|---|\n");
        int shown = 0;
        for (int i = 0; i < own.size(); i++) {
            if (given.get(i).failed().isEmpty() && !own.get(i).failed().isEmpty()) {
                ConformanceSuite.Outcome x = own.get(i);
                if (shown++ < 40) {
                    md.append("| ").append(x.record().id()).append(" | ").append(x.failed()).append(" | `")
                            .append(String.valueOf(trees.get(x.record().id()))).append("` |\n");
                }
            }
        }
        if (shown > 40) {
            md.append("\n… and ").append(shown - 40).append(" more.\n");
        }
        return md.toString();
    }

    /** The record's text as one sentence (the records are single sentences), tagged. */
    static Sentence tagged(CoreNlpEngine nlp, String text) {
        String t = text.replaceAll("\\s+", " ").strip();
        List<Token> tokens = new ArrayList<>();
        for (Sentence s : nlp.split(t)) {
            for (Token k : s.tokens()) {
                tokens.add(new Token(tokens.size(), k.word(), k.lemma(), k.pos(), k.start(), k.end()));
            }
        }
        Sentence one = new Sentence(0, 0, t.length(), t, tokens, List.of(), false);
        return nlp.parse(List.of(one)).get(0);
    }

    private static ConformanceSuite.Tally overall(List<ConformanceSuite.Outcome> outcomes) {
        List<ConformanceSuite.Tally> t = ConformanceSuite.tally(outcomes);
        return t.get(t.size() - 1);
    }

    private static String row(String name, ConformanceSuite.Tally t) {
        return String.format(Locale.ROOT, "| %s | %d | %d | **%.1f %%** | %d |%n", name, t.expected(), t.passed(),
                100 * t.rate(), t.extra());
    }

    private static String costTable(List<long[]> costs) {
        StringBuilder b = new StringBuilder("| sentence length | sentences | mean wall ms | mean CPU ms |\n"
                + "|---|---:|---:|---:|\n");
        int[][] bands = {{1, 15}, {16, 25}, {26, 40}, {41, 60}, {61, Integer.MAX_VALUE}};
        long allWall = 0;
        long allCpu = 0;
        for (int[] band : bands) {
            long n = 0;
            long wall = 0;
            long cpu = 0;
            for (long[] c : costs) {
                if (c[0] >= band[0] && c[0] <= band[1]) {
                    n++;
                    wall += c[1];
                    cpu += c[2];
                }
            }
            allWall += wall;
            allCpu += cpu;
            if (n > 0) {
                b.append(String.format(Locale.ROOT, "| %s tokens | %d | %.0f | %.0f |%n",
                        band[1] == Integer.MAX_VALUE ? band[0] + "+" : band[0] + "–" + band[1], n,
                        wall / 1e6 / n, cpu / 1e6 / n));
            }
        }
        b.append(String.format(Locale.ROOT, "| **all** | %d | %.0f | %.0f |%n", costs.size(),
                allWall / 1e6 / Math.max(1, costs.size()), allCpu / 1e6 / Math.max(1, costs.size())));
        return b.toString();
    }
}
