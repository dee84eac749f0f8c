package org.khaldun.app.eval;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.khaldun.article.Article;
import org.khaldun.classifier.HeldOutSplit;
import org.khaldun.codebook.PloverTypes;
import org.khaldun.event.Event;

/**
 * PLOVER event types of synthetic news stories ({@code plover-synthetic}): each story was generated from a headline
 * labelled with one PLOVER event type (and often a mode). Khaldun codes the whole story (headline + body) and the set
 * of PLOVER types of its events is compared with the label. Scored twice: with every event, and with events told as
 * facts only. The stories are GPT-written and the labels are the prompt's, so this is a regression and sanity
 * yardstick, never the headline accuracy figure.
 */
public final class PloverSyntheticEvaluation implements Evaluation {

    /** Gold modes spelled differently from the PLOVER codebook's, or named by another mode there. */
    private static final Map<String, String> MODE_SPELLING = Map.of(
            "primative", "primitive",
            "sieze", "seize",
            // the codebook's COERCE/curfew is "impose state of emergency or martial law"
            "martial-law", "curfew");

    private final Supplier<Function<Article, List<Event>>> coder;

    public PloverSyntheticEvaluation(Supplier<Function<Article, List<Event>>> coder) {
        this.coder = coder;
    }

    /** One labelled story. */
    record Story(String id, String headline, String body, String source, String label, String mode,
                 String template) {

        Story(String id, String headline, String body, String source, String label, String mode) {
            this(id, headline, body, source, label, mode, headline);
        }

        /** Held apart for testing the classifier (by headline template: {@link HeldOutSplit#templateKey}). */
        boolean isTest() {
            return HeldOutSplit.isTest(HeldOutSplit.templateKey(template));
        }

        boolean isDev() {
            return HeldOutSplit.isDev(HeldOutSplit.templateKey(template));
        }

        Article article() {
            String text = headline.isEmpty() ? body : headline + "\n\n" + body;
            return Article.of(id, "", headline, text, null, source);
        }
    }

    @Override
    public String name() {
        return "plover-synthetic";
    }

    @Override
    public String description() {
        return "PLOVER event types of 4,500 synthetic stories: per-type P/R/F1, confusions, no-event rate";
    }

    @Override
    public String defaultDataFolder() {
        return "plover-synthetic";
    }

    @Override
    public String run(Path data, PrintStream progress) throws Exception {
        Path zip = findZip(data);
        List<Story> all = read(zip);
        List<Story> stories = EvalSample.sample(all, EvalSample.limit());
        progress.printf("plover-synthetic: coding %d stories from %s%n", stories.size(), zip);
        long t0 = System.nanoTime();
        List<List<Event>> events = CodingRun.code(stories.stream().map(Story::article).toList(), coder.get(),
                progress);
        double seconds = (System.nanoTime() - t0) / 1e9;
        String head = "# PLOVER event types on synthetic stories\n\n"
                + "- data: `" + zip.getFileName() + "` (" + EvalSample.describe(stories.size(), all.size()) + ")\n"
                + String.format(Locale.ROOT, "- coding time: %.1f s (%.1f stories/s)%n", seconds,
                stories.size() / Math.max(seconds, 1e-9))
                + "- caveat: GPT-written stories labelled with the type of the headline that prompted them; a story "
                + "may truly hold other events, which count here as false positives\n\n";
        return head + report(stories, events);
    }

    static Path findZip(Path data) throws IOException {
        if (Files.isRegularFile(data)) {
            return data;
        }
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(data, "*.csv.zip")) {
            for (Path p : ds) {
                return p;
            }
        }
        throw new IOException("no *.csv.zip of synthetic stories in " + data);
    }

    /** The stories of the zip, read in place (the CSV is never unpacked to disk). */
    static List<Story> read(Path zip) throws IOException {
        try (ZipFile z = new ZipFile(zip.toFile())) {
            ZipEntry entry = z.stream().filter(e -> e.getName().endsWith(".csv") && !e.getName().startsWith("__"))
                    .findFirst().orElseThrow(() -> new IOException(zip + ": no .csv inside"));
            List<List<String>> rows;
            try (BufferedReader r = new BufferedReader(new InputStreamReader(z.getInputStream(entry),
                    StandardCharsets.UTF_8))) {
                rows = Csv.read(r);
            }
            return stories(rows, zip + "!" + entry.getName());
        }
    }

    static List<Story> stories(List<List<String>> rows, String name) throws IOException {
        if (rows.isEmpty()) {
            throw new IOException(name + ": empty");
        }
        List<String> header = rows.get(0);
        int text = column(header, "text", name);
        int prompt = column(header, "prompt", name);
        int source = column(header, "source", name);
        int label = column(header, "label", name);
        int mode = column(header, "mode", name);
        int title = header.indexOf("title");
        List<Story> out = new ArrayList<>();
        for (int i = 1; i < rows.size(); i++) {
            List<String> r = rows.get(i);
            if (r.size() == 1 && r.get(0).isBlank()) {
                continue;
            }
            if (r.size() < header.size()) {
                throw new IOException(name + ": record " + i + " has " + r.size() + " fields, header has "
                        + header.size());
            }
            String gold = r.get(label).strip().toUpperCase(Locale.ROOT);
            if (!PloverTypes.isType(gold)) {
                throw new IOException(name + ": record " + i + ": '" + r.get(label) + "' is not a PLOVER type");
            }
            // the prompt is the filled-in headline followed by a dateline stub: its first line is the headline
            String headline = r.get(prompt).strip().lines().findFirst().orElse("").strip();
            out.add(new Story("plover-synthetic-" + i, headline, r.get(text).strip(), r.get(source).strip(), gold,
                    normaliseMode(r.get(mode)), title < 0 ? headline : r.get(title).strip()));
        }
        return out;
    }

    private static int column(List<String> header, String name, String file) throws IOException {
        int i = header.indexOf(name);
        if (i < 0) {
            throw new IOException(file + ": no '" + name + "' column in " + header);
        }
        return i;
    }

    static String normaliseMode(String mode) {
        String m = mode.strip().toLowerCase(Locale.ROOT);
        return MODE_SPELLING.getOrDefault(m, m);
    }

    /** The report body for stories and the events coded for each (same order). */
    static String report(List<Story> stories, List<List<Event>> events) {
        StringBuilder sb = new StringBuilder();
        for (boolean factsOnly : new boolean[] {false, true}) {
            ClassScores s = score(stories, events, factsOnly);
            sb.append(factsOnly ? "## Events told as facts only\n\n" : "## All events (facts and flagged: negated, "
                    + "hypothetical, future)\n\n");
            sb.append(s.markdown()).append('\n');
            sb.append("Most frequent confusions (gold type → type of the first event found):\n\n")
                    .append(s.topConfusions(15)).append('\n');
        }
        long untyped = events.stream().flatMap(List::stream).filter(e -> !PloverTypes.isType(e.eventType())).count();
        long total = events.stream().mapToLong(List::size).sum();
        sb.append("Events without a PLOVER type (CAMEO 01x statements, which PLOVER drops; not counted as predictions): ")
                .append(untyped).append(" of ").append(total).append(" events.\n\n");
        sb.append("## Modes\n\n").append(modes(stories, events)).append('\n');
        return sb.toString();
    }

    /**
     * Events without a PLOVER type (CAMEO public statements, which PLOVER drops) are no PLOVER prediction: a story
     * with only those counts as "no event predicted".
     */
    static ClassScores score(List<Story> stories, List<List<Event>> events, boolean factsOnly) {
        ClassScores s = new ClassScores(PloverTypes.ALL);
        for (int i = 0; i < stories.size(); i++) {
            List<Event> ordered = CodingRun.inTextOrder(events.get(i), factsOnly).stream()
                    .filter(e -> PloverTypes.isType(e.eventType())).toList();
            Set<String> types = new LinkedHashSet<>();
            ordered.forEach(e -> types.add(e.eventType()));
            s.add(stories.get(i).label(), types, ordered.isEmpty() ? null : ordered.get(0).eventType());
        }
        return s;
    }

    /** Of the stories whose gold type was found and which have a gold mode: how often an event of that type has it. */
    static String modes(List<Story> stories, List<List<Event>> events) {
        int withMode = 0;
        int typeFound = 0;
        int modeFound = 0;
        for (int i = 0; i < stories.size(); i++) {
            Story st = stories.get(i);
            if (st.mode().isEmpty()) {
                continue;
            }
            withMode++;
            List<Event> ofType = events.get(i).stream().filter(e -> e.eventType().equals(st.label())).toList();
            if (ofType.isEmpty()) {
                continue;
            }
            typeFound++;
            if (ofType.stream().anyMatch(e -> e.mode().equals(st.mode()))) {
                modeFound++;
            }
        }
        return "- stories with a gold mode: " + withMode + "; gold type found in " + typeFound + "; of those, an event "
                + "of the gold type carries the gold mode in " + modeFound + " (" + ClassScores.pct(modeFound,
                typeFound) + ")\n- gold modes are lower-cased; PRIMATIVE → primitive, SIEZE → seize, MARTIAL-LAW → "
                + "curfew (PLOVER's COERCE/curfew covers martial law)\n";
    }
}
