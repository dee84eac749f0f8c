package org.khaldun.app.eval;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.khaldun.article.Article;
import org.khaldun.json.Json;
import org.khaldun.nlp.Sentence;
import org.khaldun.nlp.Token;
import org.khaldun.place.Place;

/**
 * Event location on Halterman's "Geolocating Political Events in Text" records: a sentence, an event verb and the
 * span(s) of the place where that event happened (none for about 43% of records). Each record is run through the
 * stages up to places (its one sentence parsed), and {@code ArticlePlaces.locationOf(sentence, verb)} is compared
 * with the gold spans: exact span, overlapping span, wrong place, or no answer; for records without a gold
 * location, whether Khaldun rightly gives none.
 *
 * <p>Records alternate between the development part (even positions in the file) and the held-out part (odd).
 * {@code -Dkhaldun.eval.limit=N} scores an evenly spaced sample; {@code -Dkhaldun.eventloc.errors=FILE} writes the
 * development part's errors.
 */
public final class EventLocationEvaluation implements Evaluation {

    @Override
    public String name() {
        return "event-location";
    }

    @Override
    public String description() {
        return "Places: the location of a given event verb, on the event_location records";
    }

    @Override
    public String defaultDataFolder() {
        return "event-location-dev";
    }

    record Span(int start, int end, String text) {
    }

    record Item(int index, String text, Span verb, List<Span> locations) {
    }

    static final class Score {
        int items;
        int withGold;
        int exact;
        int overlap;
        int wrong;
        int none;
        int withoutGold;
        int rightlyNone;
        int recognisable;

        void add(Score o) {
            items += o.items;
            withGold += o.withGold;
            exact += o.exact;
            overlap += o.overlap;
            wrong += o.wrong;
            none += o.none;
            withoutGold += o.withoutGold;
            rightlyNone += o.rightlyNone;
            recognisable += o.recognisable;
        }

        String row(String label) {
            return String.format(Locale.ROOT, "| %s | %d | %d | %.3f | %.3f | %.3f | %.3f | %.3f | %d | %.3f | %.3f | %.3f |",
                    label, items, withGold, r(exact, withGold), r(overlap, withGold), r(wrong, withGold), r(none, withGold),
                    r(recognisable, withGold), withoutGold, r(rightlyNone, withoutGold),
                    r(exact + rightlyNone, items), r(overlap + rightlyNone, items));
        }

        private static double r(int a, int b) {
            return b == 0 ? 0 : a / (double) b;
        }
    }

    @Override
    public String run(Path data, PrintStream progress) throws Exception {
        List<Item> all = read(data.resolve("labeled_text.json.zip"));
        List<Item> items = EvalSample.sample(all, EvalSample.limit());
        PlaceHarness harness = new PlaceHarness();
        String errorsFile = System.getProperty("khaldun.eventloc.errors");
        PrintWriter errors = errorsFile == null ? null
                : new PrintWriter(Files.newBufferedWriter(Path.of(errorsFile), StandardCharsets.UTF_8));
        Score dev = new Score();
        Score held = new Score();
        int done = 0;
        long t0 = System.nanoTime();
        for (Item it : items) {
            boolean isDev = it.index() % 2 == 0;
            (isDev ? dev : held).add(score(harness, it, isDev ? errors : null));
            if (++done % 250 == 0) {
                progress.printf("event-location: %d/%d records%n", done, items.size());
            }
        }
        if (errors != null) {
            errors.close();
        }
        Score total = new Score();
        total.add(dev);
        total.add(held);
        StringBuilder report = new StringBuilder("# Event location: event_location records\n\n");
        report.append("| part | records | with gold place | exact | overlap | wrong place | no answer | gold place recognised at all "
                + "| without gold place | rightly none | accuracy (exact) | accuracy (overlap) |\n");
        report.append("|---|---|---|---|---|---|---|---|---|---|---|---|\n");
        report.append(dev.row("development (even records)")).append('\n');
        report.append(held.row("held out (odd records)")).append('\n');
        report.append(total.row("**all**")).append('\n');
        report.append("\nexact / overlap / wrong / no answer: shares of the records whose gold has a place. Rightly none: share of "
                + "records without a gold place for which Khaldun gives none. Accuracy counts exact (or overlapping) answers "
                + "and right abstentions over all records. \"Gold place recognised at all\": share of records with a gold "
                + "place where any place Khaldun recognised overlaps it (the ceiling for a gazetteer-bound locator).\n");
        report.append(String.format(Locale.ROOT, "%nData: %s; %.1f s.%n", EvalSample.describe(items.size(), all.size()),
                (System.nanoTime() - t0) / 1e9));
        return report.toString();
    }

    private Score score(PlaceHarness harness, Item it, PrintWriter errors) {
        Score s = new Score();
        s.items = 1;
        Article article = Article.of("eventloc-" + it.index(), "", "", it.text(), null, "");
        PlaceHarness.Result r = harness.run(article, true);
        Optional<Place> predicted = Optional.empty();
        for (Sentence sentence : r.sentences()) {
            if (it.verb().start() >= sentence.start() && it.verb().start() < sentence.end()) {
                for (Token t : sentence.tokens()) {
                    if (it.verb().start() >= t.start() && it.verb().start() < t.end()) {
                        predicted = r.places().locationOf(sentence.index(), t.index());
                        break;
                    }
                }
                break;
            }
        }
        if (it.locations().isEmpty()) {
            s.withoutGold = 1;
            if (predicted.isEmpty()) {
                s.rightlyNone = 1;
            } else if (errors != null) {
                errors.printf("FALSE\t%s\t%s\t%s%n", predicted.get().text(), predicted.get().rule(), marked(it, null));
            }
            return s;
        }
        s.withGold = 1;
        for (Place p : r.places().allMentions()) {
            for (Span g : it.locations()) {
                if (p.start() < g.end() && g.start() < p.end()) {
                    s.recognisable = 1;
                }
            }
        }
        if (predicted.isEmpty()) {
            s.none = 1;
            if (errors != null) {
                errors.printf("NONE\t\t\t%s%n", marked(it, null));
            }
            return s;
        }
        Place p = predicted.get();
        boolean exact = false;
        boolean overlap = false;
        for (Span g : it.locations()) {
            exact |= p.start() == g.start() && p.end() == g.end();
            overlap |= p.start() < g.end() && g.start() < p.end();
        }
        if (exact) {
            s.exact = 1;
        }
        if (overlap) {
            s.overlap = 1;
        } else {
            s.wrong = 1;
            if (errors != null) {
                errors.printf("WRONG\t%s\t%s\t%s%n", p.text(), p.rule(), marked(it, p));
            }
        }
        return s;
    }

    private static String marked(Item it, Place p) {
        StringBuilder b = new StringBuilder(it.text().replace('\n', ' '));
        List<int[]> marks = new ArrayList<>();
        marks.add(new int[] {it.verb().start(), it.verb().end(), '*'});
        for (Span g : it.locations()) {
            marks.add(new int[] {g.start(), g.end(), '['});
        }
        marks.sort((x, y) -> y[0] - x[0]);
        for (int[] m : marks) {
            if (m[1] > b.length() || m[0] < 0 || m[0] > m[1]) {
                continue;
            }
            if (m[2] == '*') {
                b.insert(m[1], "**").insert(m[0], "**");
            } else {
                b.insert(m[1], "]]").insert(m[0], "[[");
            }
        }
        return b.toString();
    }

    @SuppressWarnings("unchecked")
    static List<Item> read(Path zip) throws IOException {
        String json = null;
        try (InputStream in = Files.newInputStream(zip); ZipInputStream z = new ZipInputStream(in)) {
            for (ZipEntry e = z.getNextEntry(); e != null; e = z.getNextEntry()) {
                if (e.getName().endsWith(".json")) {
                    json = new String(z.readAllBytes(), StandardCharsets.UTF_8);
                    break;
                }
            }
        }
        if (json == null) {
            throw new IOException("no .json file inside " + zip);
        }
        List<Object> records = (List<Object>) Json.parse(json);
        List<Item> out = new ArrayList<>(records.size());
        int index = 0;
        for (Object o : records) {
            Map<String, Object> rec = (Map<String, Object>) o;
            String text = (String) rec.get("text");
            Span verb = null;
            List<Span> locations = new ArrayList<>();
            for (Object so : (List<Object>) rec.get("spans")) {
                Map<String, Object> sp = (Map<String, Object>) so;
                int start = ((Number) sp.get("start")).intValue();
                int end = ((Number) sp.get("end")).intValue();
                if (start < 0 || end > text.length() || start >= end) {
                    continue;
                }
                Span span = new Span(start, end, text.substring(start, end));
                if ("VERB".equals(sp.get("label"))) {
                    verb = span;
                } else if ("LOCATION".equals(sp.get("label")) && !span.text().isBlank()) {
                    locations.add(span);
                }
            }
            if (verb != null) {
                out.add(new Item(index, text, verb, locations));
            }
            index++;
        }
        return out;
    }
}
