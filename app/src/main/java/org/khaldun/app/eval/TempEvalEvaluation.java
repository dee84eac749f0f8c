package org.khaldun.app.eval;

import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.khaldun.article.Article;
import org.khaldun.nlp.CoreNlpEngine;
import org.khaldun.nlp.NlpEngine;
import org.khaldun.nlp.Sentence;
import org.khaldun.time.RuleTimeResolver;
import org.khaldun.time.TimeExpression;
import org.khaldun.time.TimeResolver;

/**
 * TempEval-3 task A on TimeBank and AQUAINT (TBAQ-cleaned): each document's DCT is the publication date, the
 * text between {@code <TEXT>} tags is stripped of markup (gold TIMEX3 spans kept as character offsets), split
 * and parsed with CoreNLP, and resolved by {@link RuleTimeResolver}. Reports recognition (strict and relaxed
 * span match), value accuracy (correct values over gold expressions) and TempEval-3 value F1 (values judged on
 * relaxed matches), by gold type, separately for the two halves: TimeBank is where rules were developed,
 * AQUAINT is the held-out check.
 *
 * <p>{@code -Dkhaldun.tempeval.errors=FILE} writes every miss, spurious and wrong value for inspection.
 */
public final class TempEvalEvaluation implements Evaluation {

    private static final Pattern DCT = Pattern.compile("<DCT>\\s*<TIMEX3[^>]*value=\"(\\d{4}-\\d{2}-\\d{2})");
    private static final Pattern TAG = Pattern.compile("<(/?)(\\w+)([^>]*)>");
    private static final Pattern ATTR = Pattern.compile("(\\w+)=\"([^\"]*)\"");
    private static final String[] TYPES = {"DATE", "TIME", "DURATION", "SET"};

    /** The half of AQUAINT looked at while writing rules, and the half never looked at. */
    static final String AQUAINT_DEV = "AQUAINT-dev";
    static final String AQUAINT_TEST = "AQUAINT-test";

    private final TimeResolver resolver;

    public TempEvalEvaluation() {
        this(new RuleTimeResolver());
    }

    TempEvalEvaluation(TimeResolver resolver) {
        this.resolver = resolver;
    }

    @Override
    public String name() {
        return "tempeval";
    }

    @Override
    public String description() {
        return "Time expressions: recognition and normalisation on TempEval-3 TimeBank + AQUAINT";
    }

    @Override
    public String defaultDataFolder() {
        return "tempeval3-tbaq";
    }

    /** One gold or system expression: character span in the stripped text, type and value. */
    record Timex(int start, int end, String type, String value, String text) {
    }

    /** A document stripped of markup. */
    record Doc(String id, LocalDate dct, String text, List<Timex> gold) {
    }

    /** Counts for one part of the corpus. */
    static final class Score {
        int gold;
        int system;
        int strictGold;
        int strictSystem;
        int relaxedGold;
        int relaxedSystem;
        int valueCorrect;
        final Map<String, int[]> byType = new LinkedHashMap<>(); // gold, relaxed-found, value-correct
        long parseNanos;
        long resolveNanos;
        long resolveCpuNanos;
        long tokens;
        int docs;

        Score() {
            for (String t : TYPES) {
                byType.put(t, new int[3]);
            }
        }
    }

    @Override
    public String run(Path data, PrintStream progress) throws Exception {
        // models load only when some document is not in the parse cache
        java.util.function.Supplier<NlpEngine> nlp = CoreNlpEngine::shared;
        String cacheDir = System.getProperty("khaldun.tempeval.cache");
        Path cache = cacheDir == null ? null : Files.createDirectories(Path.of(cacheDir));
        java.lang.management.ThreadMXBean cpu = java.lang.management.ManagementFactory.getThreadMXBean();
        String errorsFile = System.getProperty("khaldun.tempeval.errors");
        PrintWriter errors = errorsFile == null ? null
                : new PrintWriter(Files.newBufferedWriter(Path.of(errorsFile), StandardCharsets.UTF_8));
        Map<String, Score> parts = new LinkedHashMap<>();
        List<Map.Entry<Article, List<Sentence>>> warm = new ArrayList<>();
        for (String p : List.of("TimeBank", AQUAINT_DEV, AQUAINT_TEST)) {
            parts.put(p, new Score());
        }
        try {
            for (String part : List.of("TimeBank", "AQUAINT")) {
                Path dir = data.resolve(part);
                if (!Files.isDirectory(dir)) {
                    throw new IOException("no folder " + dir);
                }
                List<Path> files;
                try (Stream<Path> st = Files.list(dir)) {
                    files = st.filter(p -> p.toString().endsWith(".tml")).sorted().toList();
                }
                for (Path f : files) {
                    Doc doc = read(f);
                    String partName = partOf(part, doc.id());
                    Score score = parts.computeIfAbsent(partName, k -> new Score());
                    long t0 = System.nanoTime();
                    List<Sentence> sentences = cache == null ? null : ParseCache.read(cache, doc.id(), doc.text());
                    if (sentences == null) {
                        sentences = nlp.get().parse(nlp.get().split(doc.text()));
                        if (cache != null) {
                            ParseCache.write(cache, doc.id(), doc.text(), sentences);
                        }
                    }
                    long t1 = System.nanoTime();
                    Article article = Article.of(doc.id(), "", "", doc.text(), doc.dct(), "");
                    long c1 = cpu.getCurrentThreadCpuTime();
                    List<TimeExpression> found = resolver.resolve(article, sentences).expressions();
                    long t2 = System.nanoTime();
                    score.resolveCpuNanos += cpu.getCurrentThreadCpuTime() - c1;
                    score.parseNanos += t1 - t0;
                    score.resolveNanos += t2 - t1;
                    score.docs++;
                    for (Sentence s : sentences) {
                        score.tokens += s.tokens().size();
                    }
                    List<Timex> sys = new ArrayList<>();
                    for (TimeExpression e : found) {
                        sys.add(new Timex(e.start(), e.end(), e.type(), e.value(), e.text()));
                    }
                    score(doc, sys, score, errors);
                    warm.add(Map.entry(article, sentences));
                }
                progress.printf("tempeval: %s done (%d documents)%n", part, files.size());
            }
        } finally {
            if (errors != null) {
                errors.close();
            }
        }
        return report(parts) + warmCost(warm, cpu);
    }

    /**
     * CPU per article once the JIT has settled: every document resolved again, and every verb dated (what the
     * pipeline asks for each trigger), best of three passes.
     */
    private String warmCost(List<Map.Entry<Article, List<Sentence>>> docs, java.lang.management.ThreadMXBean cpu) {
        long best = Long.MAX_VALUE;
        long sink = 0;
        for (int pass = 0; pass < 3; pass++) {
            long c0 = cpu.getCurrentThreadCpuTime();
            for (var d : docs) {
                org.khaldun.time.ArticleTimes times = resolver.resolve(d.getKey(), d.getValue());
                for (Sentence s : d.getValue()) {
                    for (org.khaldun.nlp.Token t : s.tokens()) {
                        if (t.isVerb()) {
                            sink += times.dateOf(s.index(), t.index()).value().length();
                        }
                    }
                }
            }
            best = Math.min(best, cpu.getCurrentThreadCpuTime() - c0);
        }
        return String.format(Locale.ROOT, "Warm (best of 3 passes): %.2f ms CPU per article for resolution plus dating "
                + "every verb (%d articles)%s.%n", best / 1e6 / Math.max(1, docs.size()), docs.size(), sink < 0 ? "!" : "");
    }

    /**
     * Which part a document counts in. AQUAINT is split in two by a fixed function of the file name (CRC-32
     * even: development half, 34 files; odd: held-out half, 39 files), so that the split is the same on every
     * machine and no one chooses files for it.
     */
    static String partOf(String folder, String id) {
        if (!folder.equals("AQUAINT")) {
            return folder;
        }
        java.util.zip.CRC32 crc = new java.util.zip.CRC32();
        crc.update(id.getBytes(StandardCharsets.UTF_8));
        return crc.getValue() % 2 == 0 ? AQUAINT_DEV : AQUAINT_TEST;
    }

    static void score(Doc doc, List<Timex> sys, Score score, PrintWriter errors) {
        score.gold += doc.gold().size();
        score.system += sys.size();
        boolean[] sysRelaxed = new boolean[sys.size()];
        for (Timex g : doc.gold()) {
            int[] t = score.byType.computeIfAbsent(g.type(), k -> new int[3]);
            t[0]++;
            Timex match = null;
            boolean strict = false;
            for (int i = 0; i < sys.size(); i++) {
                Timex s = sys.get(i);
                if (s.start() < g.end() && g.start() < s.end()) {
                    if (match == null || s.start() == g.start() && s.end() == g.end()) {
                        match = s;
                    }
                    sysRelaxed[i] = true;
                    if (s.start() == g.start() && s.end() == g.end()) {
                        strict = true;
                    }
                }
            }
            if (match != null) {
                score.relaxedGold++;
                t[1]++;
                if (strict) {
                    score.strictGold++;
                }
                if (match.value().equals(g.value())) {
                    score.valueCorrect++;
                    t[2]++;
                } else if (errors != null) {
                    errors.printf("VALUE\t%s\t%s\t%s\t%s\tgold=%s\tsys=%s\t%s%n", doc.id(), doc.dct(), g.type(), g.text(),
                            g.value(), match.value(), context(doc.text(), g.start(), g.end()));
                }
                if (!strict && errors != null) {
                    errors.printf("SPAN\t%s\t%s\t%s\tgold=[%s]\tsys=[%s]%n", doc.id(), doc.dct(), g.type(), g.text(),
                            match.text());
                }
            } else if (errors != null) {
                errors.printf("MISS\t%s\t%s\t%s\t%s\t%s\t%s%n", doc.id(), doc.dct(), g.type(), g.text(), g.value(),
                        context(doc.text(), g.start(), g.end()));
            }
        }
        for (int i = 0; i < sys.size(); i++) {
            Timex s = sys.get(i);
            boolean strict = false;
            for (Timex g : doc.gold()) {
                if (s.start() == g.start() && s.end() == g.end()) {
                    strict = true;
                    break;
                }
            }
            if (strict) {
                score.strictSystem++;
            }
            if (sysRelaxed[i]) {
                score.relaxedSystem++;
            } else if (errors != null) {
                errors.printf("SPURIOUS\t%s\t%s\t%s\t%s\t%s\t%s%n", doc.id(), doc.dct(), s.type(), s.text(), s.value(),
                        context(doc.text(), s.start(), s.end()));
            }
        }
    }

    private static String context(String text, int start, int end) {
        int a = Math.max(0, start - 60);
        int b = Math.min(text.length(), end + 60);
        return (text.substring(a, start) + "[[" + text.substring(start, end) + "]]" + text.substring(end, b))
                .replace('\n', ' ').replace('\t', ' ');
    }

    /** Reads a TimeML file: DCT, text without markup, gold TIMEX3 spans as offsets into that text. */
    static Doc read(Path f) throws IOException {
        String xml = Files.readString(f, StandardCharsets.UTF_8);
        Matcher dm = DCT.matcher(xml);
        if (!dm.find()) {
            throw new IOException("no DCT in " + f);
        }
        LocalDate dct = LocalDate.parse(dm.group(1));
        int a = xml.indexOf("<TEXT>");
        int b = xml.indexOf("</TEXT>");
        if (a < 0 || b < 0) {
            throw new IOException("no <TEXT> in " + f);
        }
        String body = xml.substring(a + "<TEXT>".length(), b);
        StringBuilder text = new StringBuilder(body.length());
        List<Timex> gold = new ArrayList<>();
        Matcher m = TAG.matcher(body);
        int pos = 0;
        int openStart = -1;
        Map<String, String> openAttrs = null;
        while (m.find()) {
            appendDecoded(text, body.substring(pos, m.start()));
            pos = m.end();
            if (!m.group(2).equals("TIMEX3")) {
                continue;
            }
            if (m.group(1).isEmpty()) {
                openStart = text.length();
                openAttrs = new LinkedHashMap<>();
                Matcher am = ATTR.matcher(m.group(3));
                while (am.find()) {
                    openAttrs.put(am.group(1), am.group(2));
                }
            } else if (openAttrs != null) {
                gold.add(new Timex(openStart, text.length(), openAttrs.getOrDefault("type", ""),
                        openAttrs.getOrDefault("value", ""), text.substring(openStart)));
                openAttrs = null;
            }
        }
        appendDecoded(text, body.substring(pos));
        String id = f.getFileName().toString().replaceFirst("\\.tml$", "");
        return new Doc(id, dct, text.toString(), gold);
    }

    private static void appendDecoded(StringBuilder out, String s) {
        out.append(s.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&apos;", "'")
                .replace("&amp;", "&"));
    }

    static String report(Map<String, Score> parts) {
        StringBuilder r = new StringBuilder();
        r.append("# TempEval-3 time expressions (TimeBank + AQUAINT, TBAQ-cleaned)\n\n");
        r.append("DCT as publication date; CoreNLP split + parse; `RuleTimeResolver`. Rules are developed on TimeBank ")
                .append("and AQUAINT-dev; AQUAINT-test (the other half of AQUAINT, split by CRC-32 of the file name) is ")
                .append("the held-out check. Value accuracy = correct values / gold expressions; ")
                .append("value F1 as in TempEval-3 (values judged on relaxed span matches).\n\n");
        r.append("| part | docs | gold | system | strict P | strict R | strict F1 | relaxed P | relaxed R | relaxed F1 | value acc. | value F1 |\n");
        r.append("|---|---|---|---|---|---|---|---|---|---|---|---|\n");
        Score total = new Score();
        Score aquaint = new Score();
        for (var e : parts.entrySet()) {
            row(r, e.getKey(), e.getValue());
            add(total, e.getValue());
            if (e.getKey().startsWith("AQUAINT")) {
                add(aquaint, e.getValue());
            }
        }
        if (aquaint.docs > 0) {
            row(r, "AQUAINT (both halves)", aquaint);
        }
        row(r, "all", total);
        r.append("\nBy gold type (recall of relaxed recognition; value accuracy):\n\n");
        r.append("| part | type | gold | found | value correct | value acc. |\n|---|---|---|---|---|---|\n");
        for (var e : parts.entrySet()) {
            for (String t : TYPES) {
                int[] c = e.getValue().byType.get(t);
                r.append(String.format(Locale.ROOT, "| %s | %s | %d | %d | %d | %.3f |%n", e.getKey(), t, c[0], c[1], c[2],
                        ratio(c[2], c[0])));
            }
        }
        r.append(String.format(Locale.ROOT,
                "%nCost: parse (or parse-cache read) %.1f ms/doc, time resolution %.2f ms/doc wall, "
                        + "%.2f ms/doc CPU (%d docs, %.0f tokens/doc).%n",
                total.parseNanos / 1e6 / Math.max(1, total.docs), total.resolveNanos / 1e6 / Math.max(1, total.docs),
                total.resolveCpuNanos / 1e6 / Math.max(1, total.docs), total.docs,
                (double) total.tokens / Math.max(1, total.docs)));
        return r.toString();
    }

    private static void add(Score t, Score s) {
        t.gold += s.gold;
        t.system += s.system;
        t.strictGold += s.strictGold;
        t.strictSystem += s.strictSystem;
        t.relaxedGold += s.relaxedGold;
        t.relaxedSystem += s.relaxedSystem;
        t.valueCorrect += s.valueCorrect;
        t.parseNanos += s.parseNanos;
        t.resolveNanos += s.resolveNanos;
        t.resolveCpuNanos += s.resolveCpuNanos;
        t.tokens += s.tokens;
        t.docs += s.docs;
        for (var e : s.byType.entrySet()) {
            int[] c = t.byType.computeIfAbsent(e.getKey(), k -> new int[3]);
            for (int i = 0; i < 3; i++) {
                c[i] += e.getValue()[i];
            }
        }
    }

    private static void row(StringBuilder r, String name, Score s) {
        double sp = ratio(s.strictSystem, s.system);
        double sr = ratio(s.strictGold, s.gold);
        double rp = ratio(s.relaxedSystem, s.system);
        double rr = ratio(s.relaxedGold, s.gold);
        double vp = ratio(s.valueCorrect, s.system);
        double vr = ratio(s.valueCorrect, s.gold);
        r.append(String.format(Locale.ROOT, "| %s | %d | %d | %d | %.3f | %.3f | %.3f | %.3f | %.3f | %.3f | %.3f | %.3f |%n",
                name, s.docs, s.gold, s.system, sp, sr, f1(sp, sr), rp, rr, f1(rp, rr), vr, f1(vp, vr)));
    }

    static double ratio(int a, int b) {
        return b == 0 ? 0 : (double) a / b;
    }

    static double f1(double p, double r) {
        return p + r == 0 ? 0 : 2 * p * r / (p + r);
    }
}
