package org.khaldun.petrarch;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * PETRARCH's validation files ({@code PETR.UnitTest.records.xml}, {@code PETR.Validate.records.*.txt}): an
 * {@code <Environment>} naming the dictionaries, {@code <Config>} switches and {@code <Sentence>} records with their
 * expected {@code <EventCoding>}s and a {@code <Parse>} tree. Read leniently with patterns rather than an XML parser,
 * because the older files are not well-formed XML.
 */
public final class ConformanceSuite {

    /** The dictionaries the suite is meant to be run with. */
    public record Environment(String verbs, List<String> actors, String agents, Optional<String> discards) {
    }

    /** An entry of the {@code <Sentences>} section. */
    public sealed interface Item permits Config, Record {
    }

    /** A {@code <Config option=".." value="..">} switch; it holds from there on. */
    public record Config(String option, String value) implements Item {
    }

    /**
     * One {@code <Sentence>}.
     *
     * @param expected its {@code <EventCoding>} lines; none at all means nothing should be coded
     */
    public record Record(String id, String category, LocalDate date, boolean valid, List<Expected> expected,
            String text, String parse) implements Item {
    }

    /** One expected {@code <EventCoding>}. */
    public sealed interface Expected permits Triple, NoEvents, Error {
    }

    /** {@code sourcecode=.. targetcode=.. eventcode=..} */
    public record Triple(String source, String target, String code) implements Expected {
        @Override
        public String toString() {
            return source + " " + target + " " + code;
        }
    }

    /** {@code noevents="True"} */
    public record NoEvents() implements Expected {
        @Override
        public String toString() {
            return "no events";
        }
    }

    /** {@code error=".."}: the sentence must be rejected for that reason (see {@link CodingResult.Rejection}). */
    public record Error(String reason) implements Expected {
        @Override
        public String toString() {
            return "rejected: " + reason;
        }
    }

    private final Environment environment;
    private final List<Item> items;

    private ConformanceSuite(Environment environment, List<Item> items) {
        this.environment = environment;
        this.items = List.copyOf(items);
    }

    public Environment environment() {
        return environment;
    }

    public List<Item> items() {
        return items;
    }

    public List<Record> records() {
        return items.stream().filter(Record.class::isInstance).map(Record.class::cast).toList();
    }

    public static ConformanceSuite read(Path file) {
        try {
            return parse(file.getFileName().toString(), Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    private static final Pattern ATTR = Pattern.compile("(\\w+)\\s*=\\s*(?:\"([^\"]*)\"|'([^']*)')");
    private static final Pattern CODING = Pattern.compile("<EventCoding\\b([^>]*)>");

    static ConformanceSuite parse(String name, String content) {
        String text = withoutComments(content);
        Environment env = environment(name, text);
        List<Item> items = new ArrayList<>();
        int pos = Math.max(0, text.indexOf("<Sentences>"));
        while (true) {
            int config = text.indexOf("<Config", pos);
            int sentence = text.indexOf("<Sentence", pos);
            while (sentence >= 0 && text.startsWith("<Sentences", sentence)) {
                sentence = text.indexOf("<Sentence", sentence + 1);
            }
            if (config < 0 && sentence < 0) {
                break;
            }
            if (config >= 0 && (sentence < 0 || config < sentence)) {
                int end = text.indexOf('>', config);
                Map<String, String> a = attributes(text.substring(config + 7, end));
                items.add(new Config(a.getOrDefault("option", ""), a.getOrDefault("value", "")));
                pos = end + 1;
                continue;
            }
            int tagEnd = text.indexOf('>', sentence);
            int close = text.indexOf("</Sentence>", tagEnd);
            if (tagEnd < 0 || close < 0) {
                break;
            }
            items.add(record(name, attributes(text.substring(sentence + 9, tagEnd)),
                    text.substring(tagEnd + 1, close)));
            pos = close + 11;
        }
        return new ConformanceSuite(env, items);
    }

    private static Record record(String name, Map<String, String> a, String body) {
        List<Expected> expected = new ArrayList<>();
        Matcher c = CODING.matcher(body);
        while (c.find()) {
            Map<String, String> e = attributes(c.group(1));
            if (e.containsKey("noevents")) {
                expected.add(new NoEvents());
            } else if (e.containsKey("error")) {
                expected.add(new Error(e.get("error")));
            } else {
                expected.add(new Triple(e.getOrDefault("sourcecode", ""), e.getOrDefault("targetcode", ""),
                        e.getOrDefault("eventcode", "")));
            }
        }
        LocalDate d = PetrarchReader.date(a.getOrDefault("date", ""), new SourceLine(name, 0));
        return new Record(a.getOrDefault("id", "?"), a.getOrDefault("category", ""), d,
                "true".equalsIgnoreCase(a.getOrDefault("valid", "")), expected, section(body, "Text"),
                section(body, "Parse"));
    }

    private static String withoutComments(String s) {
        StringBuilder b = new StringBuilder(s.length());
        int pos = 0;
        while (true) {
            int open = s.indexOf("<!--", pos);
            if (open < 0) {
                b.append(s, pos, s.length());
                return b.toString();
            }
            b.append(s, pos, open).append(' ');
            int close = s.indexOf("-->", open + 4);
            if (close < 0) {
                return b.toString();
            }
            pos = close + 3;
        }
    }

    private static Environment environment(String name, String text) {
        int a = text.indexOf("<Environment>");
        int b = text.indexOf("</Environment>");
        String env = a >= 0 && b > a ? text.substring(a, b) : "";
        String verbs = setting(env, "Verbfile");
        String agents = setting(env, "Agentfile");
        List<String> actors = new ArrayList<>();
        Matcher m = Pattern.compile("<Actorfile\\b([^>]*)>([^<]*)").matcher(env);
        while (m.find()) {
            String v = attributes(m.group(1)).getOrDefault("name", m.group(2).strip());
            if (!v.isBlank()) {
                actors.add(v.strip());
            }
        }
        String discards = setting(env, "Discardfile");
        if (verbs == null || agents == null || actors.isEmpty()) {
            throw new IllegalArgumentException(name + ": <Environment> must name a Verbfile, an Actorfile and an"
                    + " Agentfile");
        }
        return new Environment(verbs, actors, agents, Optional.ofNullable(discards));
    }

    private static String setting(String env, String tag) {
        Matcher m = Pattern.compile("<" + tag + "\\b([^>]*)>([^<]*)").matcher(env);
        if (!m.find()) {
            return null;
        }
        String v = attributes(m.group(1)).getOrDefault("name", m.group(2).strip());
        return v.isBlank() ? null : v.strip();
    }

    private static Map<String, String> attributes(String s) {
        Map<String, String> out = new LinkedHashMap<>();
        Matcher m = ATTR.matcher(s);
        while (m.find()) {
            out.put(m.group(1).toLowerCase(Locale.ROOT), unescape(m.group(2) != null ? m.group(2) : m.group(3)));
        }
        return out;
    }

    private static String section(String body, String tag) {
        int a = body.indexOf("<" + tag + ">");
        int b = body.indexOf("</" + tag + ">");
        if (a < 0 || b < a) {
            return "";
        }
        return unescape(body.substring(a + tag.length() + 2, b)).strip();
    }

    private static String unescape(String s) {
        return s.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&apos;", "'")
                .replace("&amp;", "&");
    }

    // ================================================================ running

    /** How one sentence fared. */
    public record Outcome(Record record, CodingResult result, List<Expected> passed, List<Expected> failed,
            List<ConformanceSuite.Triple> extra) {
    }

    /**
     * Codes every record ({@code validOnly}: only those marked {@code valid="true"}) with the dictionaries of
     * {@code dictionaryFolder}, applying {@code <Config>} switches in file order.
     */
    public List<Outcome> run(Path dictionaryFolder, boolean validOnly) {
        return run(new PetrarchCoder(dictionaries(dictionaryFolder)), validOnly);
    }

    /** The dictionaries the suite's {@code <Environment>} names, read from {@code dictionaryFolder}. */
    public PetrarchDictionaries dictionaries(Path dictionaryFolder) {
        return new PetrarchDictionaries(
                PetrarchReader.readVerbs(dictionaryFolder.resolve(environment.verbs())),
                PetrarchActors.concat(environment.actors().stream()
                        .map(f -> PetrarchReader.readActors(dictionaryFolder.resolve(f))).toList()),
                PetrarchReader.readAgents(dictionaryFolder.resolve(environment.agents())),
                environment.discards().map(f -> PetrarchReader.readDiscards(dictionaryFolder.resolve(f)))
                        .orElse(null));
    }

    public List<Outcome> run(PetrarchCoder coder, boolean validOnly) {
        return run(coder, validOnly, Record::parse);
    }

    /**
     * Codes every record from the tree {@code tree} gives for it, instead of its {@code <Parse>}: e.g. a parse of its
     * {@code <Text>} by another parser. A null tree counts as a rejected sentence ({@code no_parse}).
     */
    public List<Outcome> run(PetrarchCoder coder, boolean validOnly, java.util.function.Function<Record, String> tree) {
        CoderOptions options = CoderOptions.DEFAULTS;
        List<Outcome> out = new ArrayList<>();
        for (Item item : items) {
            if (item instanceof Config c) {
                options = options.with(c.option(), c.value());
                continue;
            }
            Record r = (Record) item;
            if (validOnly && !r.valid()) {
                continue;
            }
            String t = tree.apply(r);
            CodingResult result = t == null ? CodingResult.rejected("no_parse", "the parser gave no tree")
                    : coder.code(t, r.date(), options);
            out.add(judge(r, result));
        }
        return out;
    }

    static Outcome judge(Record r, CodingResult result) {
        List<Triple> produced = new ArrayList<>();
        for (CodingResult.Event e : result.events()) {
            Triple t = new Triple(e.source(), e.target(), e.code());
            if (!produced.contains(t)) {
                produced.add(t);
            }
        }
        List<Expected> passed = new ArrayList<>();
        List<Expected> failed = new ArrayList<>();
        for (Expected e : r.expected()) {
            boolean ok;
            if (e instanceof Triple t) {
                ok = produced.contains(t);
            } else if (e instanceof Error err) {
                ok = result.rejection().map(j -> j.reason().equals(err.reason())).orElse(false);
            } else {
                ok = produced.isEmpty() && result.rejection().isEmpty();
            }
            (ok ? passed : failed).add(e);
        }
        List<Triple> extra = produced.stream().filter(t -> !r.expected().contains(t)).toList();
        return new Outcome(r, result, passed, failed, extra);
    }

    /** Totals over outcomes, per category and overall. */
    public record Tally(String category, int sentences, int expected, int passed, int extra) {
        public double rate() {
            return expected == 0 ? 1.0 : (double) passed / expected;
        }
    }

    public static List<Tally> tally(List<Outcome> outcomes) {
        Map<String, int[]> by = new LinkedHashMap<>();
        for (Outcome o : outcomes) {
            for (String key : List.of(o.record().category(), "ALL")) {
                int[] v = by.computeIfAbsent(key, k -> new int[4]);
                v[0]++;
                v[1] += o.record().expected().size();
                v[2] += o.passed().size();
                v[3] += o.extra().size();
            }
        }
        List<Tally> out = new ArrayList<>();
        by.forEach((k, v) -> {
            if (!k.equals("ALL")) {
                out.add(new Tally(k, v[0], v[1], v[2], v[3]));
            }
        });
        out.sort(java.util.Comparator.comparing(Tally::category));
        int[] all = Objects.requireNonNullElse(by.get("ALL"), new int[4]);
        out.add(new Tally("ALL", all[0], all[1], all[2], all[3]));
        return out;
    }
}
