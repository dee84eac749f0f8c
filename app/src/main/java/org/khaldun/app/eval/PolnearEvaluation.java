package org.khaldun.app.eval;

import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.khaldun.actor.ActorIndex;
import org.khaldun.actor.ActorRecognizer;
import org.khaldun.actor.DictionaryActorRecognizer;
import org.khaldun.article.Article;
import org.khaldun.attribution.Attribution;
import org.khaldun.attribution.AttributionFinder;
import org.khaldun.attribution.RuleAttributionFinder;
import org.khaldun.attribution.Span;
import org.khaldun.codebook.TableCodebook;
import org.khaldun.event.DependencyEventCoder;
import org.khaldun.event.EventCoder;
import org.khaldun.nlp.CoreNlpEngine;
import org.khaldun.nlp.NlpEngine;
import org.khaldun.nlp.Sentence;

/**
 * Attribution (who said so) against PolNeAR: US political news with source / cue / content spans in brat
 * standoff. Articles annotated by several annotators are scored against the file of the annotator whose id sorts
 * first. Articles whose name hashes to 0 mod 3 are held out from rule development and reported apart.
 *
 * <p>Gold "direct" attributions are those whose content holds a quotation: a pair of double quotation marks with
 * at least four words between them. Predicted ones are those with form DIRECT or MIXED.
 */
public final class PolnearEvaluation implements Evaluation {

    private final java.util.function.Supplier<NlpEngine> nlp;

    public PolnearEvaluation() {
        this(CoreNlpEngine::shared);
    }

    /** With another engine (a cache of parses, say) in place of {@link CoreNlpEngine#shared()}. */
    public PolnearEvaluation(java.util.function.Supplier<NlpEngine> nlp) {
        this.nlp = nlp;
    }

    @Override
    public String name() {
        return "polnear";
    }

    @Override
    public String description() {
        return "quote and speaker attribution on PolNeAR (US political news, source/cue/content spans)";
    }

    @Override
    public String defaultDataFolder() {
        return "polnear-dev";
    }

    /** Held out from rule development: a fixed third of the articles, by name. */
    static boolean heldOut(String article) {
        return Math.floorMod(article.hashCode(), 3) == 0;
    }

    record Gold(List<Span> content, List<Span> cue, List<Span> source, boolean direct) {
    }

    record Pred(List<Span> content, Span cue, Span speaker, boolean direct, String rule) {
    }

    /** Counts for one slice (held out or not) and one subset (direct or all). */
    static final class Score {
        int gold;
        int pred;
        int exact;
        int matchedPairs;
        int cueGold;
        int cuePred;
        int cueMatched;
        int speakerAsked;
        int speakerRight;
        int speakerPredAsked;
        int speakerGoldAsked;
        long tokGold;
        long tokPred;
        long tokBoth;

        void add(Score o) {
            gold += o.gold;
            pred += o.pred;
            exact += o.exact;
            matchedPairs += o.matchedPairs;
            cueGold += o.cueGold;
            cuePred += o.cuePred;
            cueMatched += o.cueMatched;
            speakerAsked += o.speakerAsked;
            speakerRight += o.speakerRight;
            speakerPredAsked += o.speakerPredAsked;
            speakerGoldAsked += o.speakerGoldAsked;
            tokGold += o.tokGold;
            tokPred += o.tokPred;
            tokBoth += o.tokBoth;
        }
    }

    @Override
    public String run(Path data, PrintStream progress) throws Exception {
        Path texts = data.resolve("text");
        Path anns = data.resolve("attributions");
        if (!Files.isDirectory(texts) || !Files.isDirectory(anns)) {
            throw new IOException("expected text/ and attributions/ under " + data);
        }
        Map<String, Path> annotation = new TreeMap<>();
        try (Stream<Path> files = Files.list(anns)) {
            for (Path p : files.sorted().toList()) {
                String f = p.getFileName().toString();
                if (!f.endsWith(".ann")) {
                    continue;
                }
                String article = f.substring(0, f.lastIndexOf('_'));
                annotation.putIfAbsent(article, p);
            }
        }
        NlpEngine nlp = this.nlp.get();
        // parses kept on disk between runs while rules are written (evaluation only; the product never reads it)
        String cacheDir = System.getProperty("khaldun.polnear.cache", "");
        Path cache = cacheDir.isEmpty() ? null : Files.createDirectories(Path.of(cacheDir));
        AttributionFinder finder = new RuleAttributionFinder();
        ActorRecognizer recognizer = DictionaryActorRecognizer.builtin();
        String dumpTo = System.getProperty("khaldun.polnear.dump", "");
        PrintWriter dump = dumpTo.isEmpty() ? null
                : new PrintWriter(Files.newBufferedWriter(Path.of(dumpTo), StandardCharsets.UTF_8));
        // the same for the pipeline's partial parse, to see what the parse filter costs
        PrintWriter dumpPipeline = dumpTo.isEmpty() ? null
                : new PrintWriter(Files.newBufferedWriter(Path.of(dumpTo + ".pipeline"), StandardCharsets.UTF_8));

        Score[][] parsed = scores();
        Score[][] pipeline = scores();
        Score[][] tokensOnly = scores();
        EventCoder events = DependencyEventCoder.withBuiltinLexicon(TableCodebook.builtin());
        ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
        boolean cpuTime = cpu.isCurrentThreadCpuTimeSupported();
        int articles = 0;
        long nanosParsed = 0;
        long nanosPipeline = 0;
        long sentencesAll = 0;
        long sentencesParsedInPipeline = 0;
        int[] split = new int[2];
        for (Map.Entry<String, Path> e : annotation.entrySet()) {
            Path textFile = texts.resolve(e.getKey() + ".txt");
            if (!Files.exists(textFile)) {
                continue;
            }
            String text = Files.readString(textFile, StandardCharsets.UTF_8);
            List<Gold> gold = readGold(e.getValue(), text);
            Article article = Article.of(e.getKey(), "", "", text, null, "");
            List<Sentence> unparsed = nlp.split(text);
            ActorIndex actors = recognizer.recognize(article, unparsed);
            List<Attribution> fromTokens = finder.find(article, unparsed, actors);
            List<Sentence> sentences = cache == null ? null : ParseCache.read(cache, e.getKey(), text);
            if (sentences == null || sentences.size() != unparsed.size()) {
                sentences = nlp.parse(unparsed);
                if (cache != null) {
                    ParseCache.write(cache, e.getKey(), text, sentences);
                }
            }
            // as the pipeline parses: sentences holding an actor mention and a possible trigger are tagged, and
            // those whose tags still allow a trigger parsed (a parse keeps the tagger's tags, so the tagged form
            // is the parse without its dependencies)
            List<Sentence> mixed = new ArrayList<>(unparsed);
            for (Sentence s : unparsed) {
                boolean event = !actors.mentions(s.index()).isEmpty() && events.mayHoldEvent(s, actors.mentions(s.index()));
                if (event || finder.wantsParse(s)) {
                    Sentence p = sentences.get(s.index());
                    Sentence tagged = new Sentence(p.index(), p.start(), p.end(), p.text(), p.tokens(), List.of(), false);
                    if (event && events.mayHoldEvent(tagged, actors.mentions(s.index())) || finder.wantsParse(tagged)) {
                        mixed.set(s.index(), p);
                        sentencesParsedInPipeline++;
                    } else {
                        mixed.set(s.index(), tagged);
                    }
                }
            }
            sentencesAll += unparsed.size();
            long t0 = now(cpu, cpuTime);
            List<Attribution> found = finder.find(article, sentences, actors);
            long t1 = now(cpu, cpuTime);
            List<Attribution> inPipeline = finder.find(article, mixed, actors);
            long t2 = now(cpu, cpuTime);
            nanosParsed += t1 - t0;
            nanosPipeline += t2 - t1;
            int slice = heldOut(e.getKey()) ? 1 : 0;
            split[slice]++;
            // the dump (rule writing) shows development articles only: held-out ones are judged by their figures
            score(text, gold, preds(found, text), parsed[slice], slice == 0 ? dump : null, e.getKey());
            score(text, gold, preds(inPipeline, text), pipeline[slice], slice == 0 ? dumpPipeline : null, e.getKey());
            score(text, gold, preds(fromTokens, text), tokensOnly[slice], null, e.getKey());
            articles++;
            if (articles % 10 == 0) {
                progress.printf("polnear: %d/%d articles%n", articles, annotation.size());
            }
        }
        if (dump != null) {
            dump.close();
            dumpPipeline.close();
        }

        int n = Math.max(1, articles);
        StringBuilder r = new StringBuilder();
        r.append("## Attribution: PolNeAR (").append(data.getFileName()).append(")\n\n");
        r.append(String.format(Locale.ROOT, "%d articles (%d development, %d held out: name hash mod 3 = 0); "
                + "first annotator's file where several annotated an article; actors from DictionaryActorRecognizer.builtin(). "
                + "Finder %s time per article: %.1f ms with every sentence parsed, %.1f ms as in the pipeline.%n%n", articles, split[0],
                split[1], cpuTime ? "CPU" : "wall", nanosParsed / 1e6 / n, nanosPipeline / 1e6 / n));
        r.append("Content: exact = same characters after trimming spaces and . , ; : at the edges; overlap = one-to-one "
                + "pairs whose contents share a character; token = word tokens inside content. Speaker accuracy: of the "
                + "overlap pairs whose gold has a source, the share whose speaker overlaps it. Speaker F1: a prediction "
                + "is right when its content overlaps a gold content and its speaker overlaps that gold source "
                + "(gold without a source left out).\n\n");
        r.append("Every sentence parsed:\n\n");
        table(r, parsed, true);
        r.append(String.format(Locale.ROOT, "%nAs in the pipeline: only sentences with an actor mention and a possible event trigger, "
                + "and those the attribution finder wants parsed (a quotation mark and a reporting verb), are parsed (%.0f%% of sentences here), the others have tokens only:%n%n", 100.0 * sentencesParsedInPipeline / Math.max(1, sentencesAll)));
        table(r, pipeline, false);
        r.append("\nNo sentence parsed (tokens and quotation marks only):\n\n");
        table(r, tokensOnly, false);
        return r.toString();
    }

    private static Score[][] scores() {
        Score[][] s = new Score[2][2];
        for (int a = 0; a < 2; a++) {
            for (int b = 0; b < 2; b++) {
                s[a][b] = new Score();
            }
        }
        return s;
    }

    private static long now(ThreadMXBean cpu, boolean cpuTime) {
        return cpuTime ? cpu.getCurrentThreadCpuTime() : System.nanoTime();
    }

    /** Rows by slice for both subsets; {@code bySlice} false keeps the direct-quote rows and the "all" totals. */
    private static void table(StringBuilder r, Score[][] scores, boolean full) {
        String[] sliceNames = {"development", "held out"};
        String[] subsetNames = {"direct quotes", "all"};
        r.append("| slice | subset | gold | found | content F1 exact | content F1 overlap | content F1 token | cue F1 | speaker acc. | speaker P | speaker R | speaker F1 |\n");
        r.append("|---|---|---|---|---|---|---|---|---|---|---|---|\n");
        for (int sub = 0; sub < 2; sub++) {
            if (!full && sub == 1) {
                Score all = new Score();
                all.add(scores[0][sub]);
                all.add(scores[1][sub]);
                row(r, "**all**", subsetNames[sub], all);
                continue;
            }
            for (int slice = 0; slice < 2; slice++) {
                row(r, sliceNames[slice], subsetNames[sub], scores[slice][sub]);
            }
            Score all = new Score();
            all.add(scores[0][sub]);
            all.add(scores[1][sub]);
            row(r, "**all**", subsetNames[sub], all);
        }
    }

    private static void row(StringBuilder r, String slice, String subset, Score s) {
        r.append(String.format(Locale.ROOT, "| %s | %s | %d | %d | %s | %s | %s | %s | %s | %s | %s | %s |%n", slice, subset,
                s.gold, s.pred,
                f(f1(s.exact, s.pred, s.gold)), f(f1(s.matchedPairs, s.pred, s.gold)),
                f(f1(s.tokBoth, s.tokPred, s.tokGold)), f(f1(s.cueMatched, s.cuePred, s.cueGold)),
                f(s.speakerAsked == 0 ? 0 : (double) s.speakerRight / s.speakerAsked),
                f(s.speakerPredAsked == 0 ? 0 : (double) s.speakerRight / s.speakerPredAsked),
                f(s.speakerGoldAsked == 0 ? 0 : (double) s.speakerRight / s.speakerGoldAsked),
                f(f1(s.speakerRight, s.speakerPredAsked, s.speakerGoldAsked))));
    }

    private static String f(double v) {
        return String.format(Locale.ROOT, "%.3f", v);
    }

    private static double f1(double right, double found, double gold) {
        if (right == 0) {
            return 0;
        }
        double p = right / found;
        double r = right / gold;
        return 2 * p * r / (p + r);
    }

    static List<Pred> preds(List<Attribution> found, String text) {
        List<Pred> out = new ArrayList<>();
        for (Attribution a : found) {
            Span sp = a.speaker().map(x -> new Span(x.start(), x.end())).orElse(null);
            out.add(new Pred(a.content(), a.cueSpan(), sp, a.form().quoted(), a.rule()));
        }
        return out;
    }

    /** Scores one article into {@code into[0]} (direct quotes) and {@code into[1]} (all). */
    static void score(String text, List<Gold> gold, List<Pred> pred, Score[] into, PrintWriter dump, String name) {
        for (int sub = 0; sub < 2; sub++) {
            boolean directOnly = sub == 0;
            List<Gold> g = gold.stream().filter(x -> !directOnly || x.direct()).toList();
            List<Pred> p = pred.stream().filter(x -> !directOnly || x.direct()).toList();
            Score s = into[sub];
            s.gold += g.size();
            s.pred += p.size();
            // one-to-one pairs by content overlap, largest overlap first
            int[] pairOfGold = new int[g.size()];
            java.util.Arrays.fill(pairOfGold, -1);
            boolean[] predUsed = new boolean[p.size()];
            List<int[]> cand = new ArrayList<>();
            for (int i = 0; i < g.size(); i++) {
                for (int j = 0; j < p.size(); j++) {
                    int ov = overlap(g.get(i).content(), p.get(j).content());
                    if (ov > 0) {
                        cand.add(new int[] {ov, i, j});
                    }
                }
            }
            cand.sort((x, y) -> Integer.compare(y[0], x[0]));
            for (int[] c : cand) {
                if (pairOfGold[c[1]] < 0 && !predUsed[c[2]]) {
                    pairOfGold[c[1]] = c[2];
                    predUsed[c[2]] = true;
                }
            }
            for (int i = 0; i < g.size(); i++) {
                Gold gi = g.get(i);
                int j = pairOfGold[i];
                if (j < 0) {
                    if (dump != null && true) {
                        dump.println(name + (directOnly ? "\tD-" : "\t") + "MISSED\t" + show(text, gi.content()) + "\tsource=" + show(text, gi.source())
                                + "\tcue=" + show(text, gi.cue()));
                    }
                    continue;
                }
                Pred pj = p.get(j);
                s.matchedPairs++;
                if (norm(text, gi.content()).equals(norm(text, pj.content()))) {
                    s.exact++;
                }
                if (!gi.source().isEmpty()) {
                    s.speakerAsked++;
                    boolean right = pj.speaker() != null && overlap(gi.source(), List.of(pj.speaker())) > 0;
                    if (right) {
                        s.speakerRight++;
                    }
                    if (dump != null && true && !right) {
                        dump.println(name + (directOnly ? "\tD-" : "\t") + "SPEAKER\t" + show(text, gi.content()) + "\tgold=" + show(text, gi.source())
                                + "\tfound=" + (pj.speaker() == null ? "" : pj.speaker().of(text)) + "\trule=" + pj.rule());
                    }
                }
                if (dump != null && true && !norm(text, gi.content()).equals(norm(text, pj.content()))) {
                    dump.println(name + (directOnly ? "\tD-" : "\t") + "BOUNDS\tgold=" + show(text, gi.content()) + "\tfound=" + show(text, pj.content()));
                }
            }
            for (int j = 0; j < p.size(); j++) {
                if (!predUsed[j] && dump != null && true) {
                    dump.println(name + (directOnly ? "\tD-" : "\t") + "SPURIOUS\t" + show(text, p.get(j).content()) + "\tcue=" + p.get(j).cue().of(text)
                            + "\tspeaker=" + (p.get(j).speaker() == null ? "" : p.get(j).speaker().of(text)) + "\trule=" + p.get(j).rule());
                }
            }
            // speaker P/R: gold without a source is left out on both sides
            for (int i = 0; i < g.size(); i++) {
                if (!g.get(i).source().isEmpty()) {
                    s.speakerGoldAsked++;
                }
            }
            for (int j = 0; j < p.size(); j++) {
                boolean pairedToSourceless = false;
                for (int i = 0; i < g.size(); i++) {
                    if (pairOfGold[i] == j && g.get(i).source().isEmpty()) {
                        pairedToSourceless = true;
                    }
                }
                if (!pairedToSourceless) {
                    s.speakerPredAsked++;
                }
            }
            // cues, one to one by overlap
            List<Span> gc = new ArrayList<>();
            for (Gold x : g) {
                gc.addAll(x.cue());
            }
            s.cueGold += gc.size();
            boolean[] cueUsed = new boolean[gc.size()];
            for (Pred x : p) {
                if (x.cue().length() == 0) {
                    continue;
                }
                s.cuePred++;
                for (int i = 0; i < gc.size(); i++) {
                    if (!cueUsed[i] && gc.get(i).overlaps(x.cue())) {
                        cueUsed[i] = true;
                        s.cueMatched++;
                        break;
                    }
                }
            }
            // word tokens
            boolean[] inGold = new boolean[text.length()];
            boolean[] inPred = new boolean[text.length()];
            for (Gold x : g) {
                mark(inGold, x.content());
            }
            for (Pred x : p) {
                mark(inPred, x.content());
            }
            int k = 0;
            while (k < text.length()) {
                if (!Character.isLetterOrDigit(text.charAt(k))) {
                    k++;
                    continue;
                }
                int start = k;
                while (k < text.length() && Character.isLetterOrDigit(text.charAt(k))) {
                    k++;
                }
                boolean ig = inGold[start];
                boolean ip = inPred[start];
                s.tokGold += ig ? 1 : 0;
                s.tokPred += ip ? 1 : 0;
                s.tokBoth += ig && ip ? 1 : 0;
            }
        }
    }

    private static void mark(boolean[] in, List<Span> spans) {
        for (Span sp : spans) {
            for (int c = sp.start(); c < Math.min(sp.end(), in.length); c++) {
                in[c] = true;
            }
        }
    }

    private static String show(String text, List<Span> spans) {
        StringBuilder b = new StringBuilder();
        for (Span sp : spans) {
            if (b.length() > 0) {
                b.append(" … ");
            }
            b.append(sp.of(text).replace('\n', ' ').replace('\t', ' '));
        }
        return b.toString();
    }

    private static int overlap(List<Span> a, List<Span> b) {
        int n = 0;
        for (Span x : a) {
            for (Span y : b) {
                n += Math.max(0, Math.min(x.end(), y.end()) - Math.max(x.start(), y.start()));
            }
        }
        return n;
    }

    private static String norm(String text, List<Span> spans) {
        StringBuilder b = new StringBuilder();
        for (Span s : spans) {
            b.append(s.of(text)).append(' ');
        }
        String t = b.toString().strip();
        Predicate<Character> edge = c -> Character.isWhitespace(c) || ".,;:".indexOf(c) >= 0;
        int from = 0;
        int to = t.length();
        while (from < to && edge.test(t.charAt(from))) {
            from++;
        }
        while (to > from && edge.test(t.charAt(to - 1))) {
            to--;
        }
        return t.substring(from, to).replaceAll("\\s+", " ");
    }

    /** Gold attributions of one brat file: E lines tie Source, Cue and Content (and Content2) text-bound spans. */
    static List<Gold> readGold(Path ann, String text) throws IOException {
        Map<String, List<Span>> spans = new TreeMap<>();
        List<String[]> events = new ArrayList<>();
        for (String line : Files.readAllLines(ann, StandardCharsets.UTF_8)) {
            String[] cols = line.split("\t");
            if (cols.length < 2) {
                continue;
            }
            if (cols[0].startsWith("T")) {
                String[] labelAndSpans = cols[1].split(" ", 2);
                if (labelAndSpans.length < 2) {
                    continue;
                }
                List<Span> list = new ArrayList<>();
                for (String part : labelAndSpans[1].split(";")) {
                    String[] se = part.trim().split(" ");
                    list.add(new Span(Integer.parseInt(se[0]), Math.min(text.length(), Integer.parseInt(se[1]))));
                }
                spans.put(cols[0], list);
            } else if (cols[0].startsWith("E")) {
                events.add(cols[1].trim().split(" "));
            }
        }
        List<Gold> out = new ArrayList<>();
        for (String[] ev : events) {
            List<Span> content = new ArrayList<>();
            List<Span> cue = new ArrayList<>();
            List<Span> source = new ArrayList<>();
            for (String arg : ev) {
                int colon = arg.indexOf(':');
                if (colon < 0) {
                    continue;
                }
                String role = arg.substring(0, colon);
                List<Span> sp = spans.getOrDefault(arg.substring(colon + 1), List.of());
                if (role.startsWith("Content")) {
                    content.addAll(sp);
                } else if (role.startsWith("Cue")) {
                    cue.addAll(sp);
                } else if (role.startsWith("Source")) {
                    source.addAll(sp);
                }
            }
            if (content.isEmpty()) {
                continue;
            }
            content.sort((x, y) -> Integer.compare(x.start(), y.start()));
            out.add(new Gold(content, cue, source, holdsQuotation(text, content)));
        }
        return out;
    }

    /** A pair of double quotation marks (or the two-apostrophe marks of some archives) with at least four words between them. */
    static boolean holdsQuotation(String text, List<Span> content) {
        for (Span sp : content) {
            String c = sp.of(text).replace("''", "\"");
            int open = -1;
            for (int i = 0; i < c.length(); i++) {
                char ch = c.charAt(i);
                boolean mark = ch == '"' || ch == '“' || ch == '”';
                if (!mark) {
                    continue;
                }
                if (open < 0) {
                    open = i;
                } else {
                    if (c.substring(open + 1, i).trim().split("\\s+").length >= 4) {
                        return true;
                    }
                    open = -1;
                }
            }
            // a quotation that runs to the end of the content (closed later or reopened next paragraph)
            if (open >= 0 && c.substring(open + 1).trim().split("\\s+").length >= 4) {
                return true;
            }
        }
        return false;
    }
}
