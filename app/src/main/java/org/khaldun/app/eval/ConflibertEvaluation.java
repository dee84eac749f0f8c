package org.khaldun.app.eval;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import org.khaldun.actor.Actor;
import org.khaldun.article.Article;
import org.khaldun.classifier.HeldOutSplit;
import org.khaldun.event.Cameo;
import org.khaldun.event.Event;

/**
 * ConfliBERT's CAMEO sentence data ({@code conflibert-train}).
 *
 * <p><b>Classes</b> ({@code cameo_class/train.tsv}: sentence TAB label). The five labels group CAMEO roots:
 * 0 = public statements and appeals (01–02), 1 = verbal cooperation (03–05), 2 = material cooperation (06–08),
 * 3 = verbal conflict (09–13), 4 = material conflict (14–20). Khaldun's events map to that space by their CAMEO root
 * ({@link #label(Cameo)}); Khaldun's quad class 1 (01–05) is split at 02/03 to do so. A sentence's prediction is the
 * set of labels of its events; its top-1 is the label of the first event in text order; no event is "(none)".
 *
 * <p><b>Actor spans</b> ({@code cameo_ner/train.txt}: token SPACE tag, BIO tags S source, T target, R a participant
 * of a reciprocal event). A gold span is found when an actor of the matching role of any event in the sentence
 * overlaps it (and exactly, when the character spans are equal); R spans may be matched by actor or recipient.
 * Sentences are rebuilt by joining tokens with single spaces.
 */
public final class ConflibertEvaluation implements Evaluation {

    public static final List<String> LABELS = List.of("0", "1", "2", "3", "4");

    private final Supplier<Function<Article, List<Event>>> coder;

    public ConflibertEvaluation(Supplier<Function<Article, List<Event>>> coder) {
        this.coder = coder;
    }

    record Sentence(String id, String text, String label) {
        Article article() {
            return Article.of(id, "", "", text, null, "");
        }

        /** Held apart for testing the classifier ({@link HeldOutSplit#sentenceKey}). */
        boolean isTest() {
            return HeldOutSplit.isTest(HeldOutSplit.sentenceKey(text));
        }

        boolean isDev() {
            return HeldOutSplit.isDev(HeldOutSplit.sentenceKey(text));
        }
    }

    /** A gold span of a tagged sentence: role S, T or R and character offsets into the rebuilt text. */
    record Span(String role, int start, int end) {
    }

    record Tagged(String id, String text, List<Span> spans) {
        Article article() {
            return Article.of(id, "", "", text, null, "");
        }

        boolean isTest() {
            return HeldOutSplit.isTest(HeldOutSplit.sentenceKey(text));
        }

        boolean isDev() {
            return HeldOutSplit.isDev(HeldOutSplit.sentenceKey(text));
        }
    }

    @Override
    public String name() {
        return "conflibert";
    }

    @Override
    public String description() {
        return "ConfliBERT CAMEO sentences: P/R/F1 of the 5 root groups, source/target span match";
    }

    @Override
    public String defaultDataFolder() {
        return "conflibert-train";
    }

    /** ConfliBERT's label of a CAMEO code: 0 for roots 01–02, else 1–4 by root group. */
    static String label(Cameo cameo) {
        int root = Integer.parseInt(cameo.root());
        if (root <= 2) {
            return "0";
        }
        return root <= 5 ? "1" : root <= 8 ? "2" : root <= 13 ? "3" : "4";
    }

    @Override
    public String run(Path data, PrintStream progress) throws Exception {
        Function<Article, List<Event>> c = coder.get();
        int limit = EvalSample.limit();
        StringBuilder sb = new StringBuilder("# ConfliBERT CAMEO sentences\n\n");

        Path classes = data.resolve("cameo_class").resolve("train.tsv");
        List<Sentence> allSentences = readClasses(classes);
        List<Sentence> sentences = EvalSample.sample(allSentences, limit);
        progress.printf("conflibert: coding %d classified sentences%n", sentences.size());
        long t0 = System.nanoTime();
        List<List<Event>> events = CodingRun.code(sentences.stream().map(Sentence::article).toList(), c, progress);
        double seconds = (System.nanoTime() - t0) / 1e9;
        sb.append("- data: `cameo_class/train.tsv` (").append(EvalSample.describe(sentences.size(),
                allSentences.size())).append(")\n");
        sb.append(String.format(Locale.ROOT, "- coding time: %.1f s%n", seconds));
        sb.append("- labels: 0 statements/appeals (CAMEO 01–02), 1 verbal cooperation (03–05), 2 material cooperation "
                + "(06–08), 3 verbal conflict (09–13), 4 material conflict (14–20); an event's label comes from its "
                + "CAMEO root\n\n");
        sb.append(classReport(sentences, events));

        Path ner = data.resolve("cameo_ner").resolve("train.txt");
        if (Files.exists(ner)) {
            List<Tagged> allTagged = readTagged(ner);
            List<Tagged> tagged = EvalSample.sample(allTagged, limit);
            progress.printf("conflibert: coding %d sentences with actor spans%n", tagged.size());
            List<List<Event>> tagEvents = CodingRun.code(tagged.stream().map(Tagged::article).toList(), c, progress);
            sb.append("## Actor spans\n\n- data: `cameo_ner/train.txt` (")
                    .append(EvalSample.describe(tagged.size(), allTagged.size())).append(")\n\n")
                    .append(spanReport(tagged, tagEvents));
        }
        return sb.toString();
    }

    static List<Sentence> readClasses(Path file) throws IOException {
        List<Sentence> out = new ArrayList<>();
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isBlank()) {
                continue;
            }
            int tab = line.lastIndexOf('\t');
            String label = tab < 0 ? "" : line.substring(tab + 1).strip();
            if (!LABELS.contains(label)) {
                throw new IOException(file + ":" + (i + 1) + ": expected 'sentence<TAB>0..4'");
            }
            out.add(new Sentence("conflibert-class-" + (i + 1), line.substring(0, tab).strip(), label));
        }
        return out;
    }

    static List<Tagged> readTagged(Path file) throws IOException {
        return parseTagged(Files.readAllLines(file, StandardCharsets.UTF_8), file.toString());
    }

    static List<Tagged> parseTagged(List<String> lines, String name) throws IOException {
        List<Tagged> out = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        List<Span> spans = new ArrayList<>();
        String role = null;
        int spanStart = -1;
        int spanEnd = -1;
        for (int i = 0; i <= lines.size(); i++) {
            String line = i < lines.size() ? lines.get(i) : "";
            if (line.isBlank()) {
                if (role != null) {
                    spans.add(new Span(role, spanStart, spanEnd));
                    role = null;
                }
                if (text.length() > 0) {
                    out.add(new Tagged("conflibert-ner-" + (out.size() + 1), text.toString(), List.copyOf(spans)));
                }
                text.setLength(0);
                spans.clear();
                continue;
            }
            int sp = line.lastIndexOf(' ');
            if (sp <= 0) {
                throw new IOException(name + ":" + (i + 1) + ": expected 'token tag'");
            }
            String word = line.substring(0, sp);
            String tag = line.substring(sp + 1).strip();
            if (text.length() > 0) {
                text.append(' ');
            }
            int start = text.length();
            text.append(word);
            int end = text.length();
            boolean begins = tag.startsWith("B-");
            boolean inside = tag.startsWith("I-");
            String r = begins || inside ? tag.substring(2) : null;
            if (role != null && (!inside || !r.equals(role))) {
                spans.add(new Span(role, spanStart, spanEnd));
                role = null;
            }
            if (begins || (inside && role == null)) {
                role = r;
                spanStart = start;
            } else if (!tag.equals("O") && !inside) {
                throw new IOException(name + ":" + (i + 1) + ": unknown tag '" + tag + "'");
            }
            if (role != null) {
                spanEnd = end;
            }
        }
        return out;
    }

    static String classReport(List<Sentence> sentences, List<List<Event>> events) {
        StringBuilder sb = new StringBuilder();
        for (boolean factsOnly : new boolean[] {false, true}) {
            ClassScores s = new ClassScores(LABELS);
            for (int i = 0; i < sentences.size(); i++) {
                List<Event> ordered = CodingRun.inTextOrder(events.get(i), factsOnly);
                Set<String> labels = new LinkedHashSet<>();
                ordered.forEach(e -> labels.add(label(e.cameo())));
                s.add(sentences.get(i).label(), labels, ordered.isEmpty() ? null : label(ordered.get(0).cameo()));
            }
            sb.append(factsOnly ? "## Classes, events told as facts only\n\n" : "## Classes, all events\n\n")
                    .append(s.markdown()).append('\n').append(s.confusionMatrix()).append('\n');
        }
        return sb.toString();
    }

    static String spanReport(List<Tagged> tagged, List<List<Event>> events) {
        int[][] k = new int[3][4]; // role S/T/R × gold, overlap hit, exact hit, hit in the other role
        int predictedSources = 0;
        int predictedSourcesOnGold = 0;
        int predictedTargets = 0;
        int predictedTargetsOnGold = 0;
        for (int i = 0; i < tagged.size(); i++) {
            List<Span> gold = tagged.get(i).spans();
            List<Actor> actors = new ArrayList<>();
            List<Actor> recipients = new ArrayList<>();
            for (Event e : events.get(i)) {
                actors.addAll(e.actor());
                recipients.addAll(e.recipient());
            }
            for (Span g : gold) {
                int row = "STR".indexOf(g.role());
                if (row < 0) {
                    continue;
                }
                List<Actor> same = switch (g.role()) {
                    case "S" -> actors;
                    case "T" -> recipients;
                    default -> concat(actors, recipients);
                };
                List<Actor> other = g.role().equals("S") ? recipients : g.role().equals("T") ? actors : List.of();
                k[row][0]++;
                if (same.stream().anyMatch(a -> overlaps(a, g))) {
                    k[row][1]++;
                } else if (other.stream().anyMatch(a -> overlaps(a, g))) {
                    k[row][3]++;
                }
                if (same.stream().anyMatch(a -> a.start() == g.start() && a.end() == g.end())) {
                    k[row][2]++;
                }
            }
            List<Span> goldS = gold.stream().filter(g -> !g.role().equals("T")).toList();
            List<Span> goldT = gold.stream().filter(g -> !g.role().equals("S")).toList();
            if (gold.stream().anyMatch(g -> g.role().equals("S") || g.role().equals("R"))) {
                for (Actor a : actors) {
                    predictedSources++;
                    if (goldS.stream().anyMatch(g -> overlaps(a, g))) {
                        predictedSourcesOnGold++;
                    }
                }
            }
            if (gold.stream().anyMatch(g -> g.role().equals("T") || g.role().equals("R"))) {
                for (Actor a : recipients) {
                    predictedTargets++;
                    if (goldT.stream().anyMatch(g -> overlaps(a, g))) {
                        predictedTargetsOnGold++;
                    }
                }
            }
        }
        StringBuilder sb = new StringBuilder("| gold role | spans | found (overlap) | found (exact) | found in the other "
                + "role |\n|---|---:|---:|---:|---:|\n");
        String[] names = {"S source", "T target", "R reciprocal"};
        for (int r = 0; r < 3; r++) {
            sb.append("| ").append(names[r]).append(" | ").append(k[r][0]).append(" | ")
                    .append(ClassScores.pct(k[r][1], k[r][0])).append(" | ").append(ClassScores.pct(k[r][2], k[r][0]))
                    .append(" | ").append(ClassScores.pct(k[r][3], k[r][0])).append(" |\n");
        }
        sb.append("\n- precision of predicted sources (actors overlapping a gold S or R span, in sentences that have "
                + "one): ").append(predictedSourcesOnGold).append('/').append(predictedSources).append(" = ")
                .append(ClassScores.pct(predictedSourcesOnGold, predictedSources)).append('\n');
        sb.append("- precision of predicted targets (recipients overlapping a gold T or R span, in sentences that "
                + "have one): ").append(predictedTargetsOnGold).append('/').append(predictedTargets).append(" = ")
                .append(ClassScores.pct(predictedTargetsOnGold, predictedTargets)).append('\n');
        return sb.toString();
    }

    private static List<Actor> concat(List<Actor> a, List<Actor> b) {
        List<Actor> out = new ArrayList<>(a);
        out.addAll(b);
        return out;
    }

    private static boolean overlaps(Actor a, Span g) {
        return a.start() < g.end() && g.start() < a.end();
    }
}
