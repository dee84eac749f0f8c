package org.khaldun.event;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Khaldun's trigger lexicon: verbs and nouns that name events, with CAMEO codes, refinement rules, word
 * classes and complement topics. Format: {@code docs/event-lexicon.md}; the built-in file is
 * {@code org/khaldun/events/lexicon.txt}. Immutable and thread-safe.
 */
public final class EventLexicon {

    /** A complement topic ("withdrawal", "talks") and the code it gives in each family. */
    public record Topic(String name, Map<String, String> codeByFamily) {
        public Topic {
            codeByFamily = Map.copyOf(codeByFamily);
        }
    }

    private static final String BUILTIN = "/org/khaldun/events/lexicon.txt";
    private static volatile EventLexicon builtin;

    private final Map<String, TriggerEntry> verbs;
    private final Map<String, TriggerEntry> nouns;
    private final Map<String, Set<String>> classes;
    private final Map<String, Topic> topicByWord;
    private final Set<String> triggerForms;
    private final Map<String, List<Reading>> readings;
    private final String version;

    /**
     * One way a surface form may code: through {@code entry}, as a bare public statement (010, which needs no
     * parse when its speaker stands next to it) or as an event; an event reading that holds only through rules
     * lists in {@code needs} the surface words one of which the sentence must contain (null: none needed).
     */
    record Reading(TriggerEntry entry, boolean statement, Set<String> needs) {
    }

    private EventLexicon(Map<String, TriggerEntry> verbs, Map<String, TriggerEntry> nouns,
                         Map<String, Set<String>> classes, Map<String, Topic> topicByWord, String version) {
        this.verbs = Map.copyOf(verbs);
        this.nouns = Map.copyOf(nouns);
        this.classes = Map.copyOf(classes);
        this.topicByWord = Map.copyOf(topicByWord);
        this.version = version;
        Set<String> forms = new HashSet<>();
        for (TriggerEntry e : verbs.values()) {
            if (e.codesEvents()) {
                forms.addAll(Inflections.verbForms(e.lemma()));
                forms.addAll(e.options().forms());
            }
        }
        for (TriggerEntry e : nouns.values()) {
            if (e.codesEvents()) {
                forms.addAll(Inflections.nounForms(e.lemma()));
                forms.addAll(e.options().forms());
            }
        }
        this.triggerForms = Set.copyOf(forms);
        this.readings = readings(verbs, nouns);
    }

    private Map<String, List<Reading>> readings(Map<String, TriggerEntry> verbs, Map<String, TriggerEntry> nouns) {
        Map<String, Set<String>> irregular = new HashMap<>();
        for (TriggerEntry e : entries(verbs, nouns)) {
            irregular.computeIfAbsent(e.lemma(), k -> new HashSet<>()).addAll(e.options().forms());
        }
        Map<String, List<Reading>> out = new HashMap<>();
        for (TriggerEntry e : entries(verbs, nouns)) {
            if (!e.codesEvents()) {
                continue;
            }
            List<Reading> rs = new ArrayList<>();
            boolean bareStatement = e.code().equals(STATEMENT) && e.options().speech();
            if (e.options().family() != null || (!e.code().isEmpty() && !bareStatement)) {
                rs.add(new Reading(e, false, null));
            } else {
                if (bareStatement) {
                    rs.add(new Reading(e, true, null));
                }
                for (TriggerEntry.Rule r : e.rules()) {
                    if (r.code().isEmpty()) {
                        continue;
                    }
                    if (r.code().equals(STATEMENT) && e.options().with(r.options()).speech()) {
                        rs.add(new Reading(e, true, null));
                        continue;
                    }
                    Set<String> needs = null;
                    for (Condition c : r.conditions()) {
                        Set<String> lemmas = c.requiredLemmas(this);
                        if (lemmas != null && (needs == null || lemmas.size() < needs.size())) {
                            needs = lemmas;
                        }
                    }
                    rs.add(new Reading(e, false, needs == null ? null : surfaceForms(needs, irregular)));
                }
            }
            Set<String> forms = new HashSet<>(e.kind() == TriggerEntry.Kind.VERB ? Inflections.verbForms(e.lemma())
                    : Inflections.nounForms(e.lemma()));
            forms.addAll(e.options().forms());
            for (String f : forms) {
                out.computeIfAbsent(f, k -> new ArrayList<>()).addAll(rs);
            }
        }
        out.replaceAll((k, v) -> List.copyOf(v));
        return Map.copyOf(out);
    }

    private static List<TriggerEntry> entries(Map<String, TriggerEntry> verbs, Map<String, TriggerEntry> nouns) {
        List<TriggerEntry> all = new ArrayList<>(verbs.values());
        all.addAll(nouns.values());
        return all;
    }

    /** Every inflection of lemmas that a rule tests, loosely generated: a missed form would cost an event. */
    private static Set<String> surfaceForms(Set<String> lemmas, Map<String, Set<String>> irregular) {
        Set<String> out = new HashSet<>();
        for (String l : lemmas) {
            out.addAll(Inflections.verbForms(l));
            out.addAll(Inflections.nounForms(l));
            out.addAll(irregular.getOrDefault(l, Set.of()));
        }
        return Set.copyOf(out);
    }

    /** The CAMEO code of a bare public statement ("said", "told"). */
    static final String STATEMENT = "010";

    /** The readings of a lower-cased surface form; empty when it is no trigger form. */
    List<Reading> readings(String lowerCaseWord) {
        return readings.getOrDefault(lowerCaseWord, List.of());
    }

    /** The lexicon shipped with Khaldun, loaded once. */
    public static EventLexicon builtin() {
        EventLexicon l = builtin;
        if (l == null) {
            synchronized (EventLexicon.class) {
                l = builtin;
                if (l == null) {
                    try (InputStream in = EventLexicon.class.getResourceAsStream(BUILTIN)) {
                        if (in == null) {
                            throw new IllegalStateException("missing resource " + BUILTIN);
                        }
                        String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                        l = parse(text.lines().toList());
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                    builtin = l;
                }
            }
        }
        return l;
    }

    /** Reads a lexicon in Khaldun's format; throws {@link IllegalArgumentException} naming the bad line. */
    public static EventLexicon parse(List<String> lines) {
        Map<String, TriggerEntry> verbs = new LinkedHashMap<>();
        Map<String, TriggerEntry> nouns = new LinkedHashMap<>();
        Map<String, Set<String>> classes = new HashMap<>();
        Map<String, Topic> topics = new HashMap<>();
        String version = "unversioned";
        Builder current = null;
        List<Condition> allConditions = new ArrayList<>();
        for (int n = 0; n < lines.size(); n++) {
            int lineNo = n + 1;
            String raw = lines.get(n);
            int hash = raw.indexOf('#');
            String line = (hash >= 0 ? raw.substring(0, hash) : raw).strip();
            if (line.isEmpty()) {
                continue;
            }
            try {
                if (line.startsWith("version ")) {
                    version = line.substring(8).strip();
                } else if (line.startsWith("class ")) {
                    current = flush(current, verbs, nouns);
                    int colon = line.indexOf(':');
                    String name = line.substring(6, colon).strip();
                    Set<String> words = classes.computeIfAbsent(name, k -> new HashSet<>());
                    for (String w : line.substring(colon + 1).strip().split("\\s+")) {
                        words.add(w.toLowerCase(Locale.ROOT));
                    }
                } else if (line.startsWith("topic ")) {
                    current = flush(current, verbs, nouns);
                    int colon = line.indexOf(':');
                    int arrow = line.indexOf("=>");
                    String name = line.substring(6, colon).strip();
                    Map<String, String> codes = new HashMap<>();
                    for (String kv : line.substring(arrow + 2).strip().split("\\s+")) {
                        String[] p = kv.split("=");
                        codes.put(p[0], p[1]);
                    }
                    Topic t = new Topic(name, codes);
                    for (String w : line.substring(colon + 1, arrow).strip().split("\\s+")) {
                        topics.putIfAbsent(w.toLowerCase(Locale.ROOT), t);
                    }
                } else if (line.startsWith("|")) {
                    if (current == null) {
                        throw new IllegalArgumentException("rule before any entry");
                    }
                    int arrow = line.indexOf("=>");
                    if (arrow < 0) {
                        throw new IllegalArgumentException("rule without =>");
                    }
                    List<Condition> conds = new ArrayList<>();
                    for (String c : line.substring(1, arrow).strip().split("\\s+")) {
                        if (!c.isEmpty()) {
                            Condition cond = Condition.parse(c);
                            conds.add(cond);
                            allConditions.add(cond);
                        }
                    }
                    String[] rhs = line.substring(arrow + 2).strip().split("\\s+");
                    String code = rhs[0].equals("-") ? "" : rhs[0];
                    checkCode(code);
                    EntryOptions opts = options(rhs, 1);
                    current.rules.add(new TriggerEntry.Rule(conds, code, opts, line.substring(1, arrow).strip(), lineNo));
                } else if (line.startsWith("V ") || line.startsWith("N ")) {
                    current = flush(current, verbs, nouns);
                    String[] p = line.split("\\s+");
                    if (p.length < 3) {
                        throw new IllegalArgumentException("entry needs kind, lemma and code");
                    }
                    String code = p[2].equals("-") ? "" : p[2];
                    checkCode(code);
                    current = new Builder(p[0].equals("V") ? TriggerEntry.Kind.VERB : TriggerEntry.Kind.NOUN,
                            p[1].toLowerCase(Locale.ROOT), code, options(p, 3), lineNo);
                } else {
                    throw new IllegalArgumentException("unrecognised line");
                }
            } catch (RuntimeException e) {
                throw new IllegalArgumentException("event lexicon line " + lineNo + ": " + e.getMessage() + ": " + raw, e);
            }
        }
        flush(current, verbs, nouns);
        for (Condition c : allConditions) {
            if (c.className() != null && !classes.containsKey(c.className())) {
                throw new IllegalArgumentException("event lexicon: condition " + c + " names unknown class " + c.className());
            }
        }
        return new EventLexicon(verbs, nouns, classes, topics, version);
    }

    private static void checkCode(String code) {
        if (!code.isEmpty() && !code.matches("\\d{3,4}")) {
            throw new IllegalArgumentException("bad CAMEO code " + code);
        }
    }

    private static EntryOptions options(String[] p, int from) {
        boolean speech = false, host = false, ofAgent = false, plural = false, noMirror = false, mutual = false;
        boolean objectIsTheme = false;
        String family = null, stanceCode = null, stanceRole = null;
        List<String> sources = new ArrayList<>(), targets = new ArrayList<>(), forms = new ArrayList<>();
        for (int i = from; i < p.length; i++) {
            String o = p[i];
            int eq = o.indexOf('=');
            String key = eq < 0 ? o : o.substring(0, eq);
            String val = eq < 0 ? "" : o.substring(eq + 1);
            switch (key) {
                case "speech" -> speech = true;
                case "host" -> host = true;
                case "nomirror" -> noMirror = true;
                case "mutual" -> mutual = true;
                case "theme" -> {
                    if (!val.equals("obj")) {
                        throw new IllegalArgumentException("theme= takes obj");
                    }
                    objectIsTheme = true;
                }
                case "of" -> {
                    if (!val.equals("agent")) {
                        throw new IllegalArgumentException("of= takes agent");
                    }
                    ofAgent = true;
                }
                case "plural" -> plural = true;
                case "family" -> family = val;
                case "stance" -> {
                    String[] sv = val.split("/");
                    if (sv.length != 2 || sv[1].isEmpty()) {
                        throw new IllegalArgumentException("stance=CODE/subj, CODE/obj or CODE/relation>path");
                    }
                    checkCode(sv[0]);
                    stanceCode = sv[0];
                    stanceRole = sv[1];
                }
                case "sources" -> sources.addAll(List.of(val.split(",")));
                case "targets" -> targets.addAll(List.of(val.split(",")));
                case "forms" -> {
                    for (String f : val.split(",")) {
                        forms.add(f.toLowerCase(Locale.ROOT));
                    }
                }
                default -> throw new IllegalArgumentException("unknown option " + o);
            }
        }
        return new EntryOptions(speech, host, family, stanceCode, stanceRole, ofAgent, sources, targets, plural,
                forms, noMirror, mutual, objectIsTheme);
    }

    private static Builder flush(Builder b, Map<String, TriggerEntry> verbs, Map<String, TriggerEntry> nouns) {
        if (b != null) {
            TriggerEntry e = new TriggerEntry(b.kind, b.lemma, b.code, b.options, b.rules, b.line);
            Map<String, TriggerEntry> m = b.kind == TriggerEntry.Kind.VERB ? verbs : nouns;
            if (m.putIfAbsent(b.lemma, e) != null) {
                throw new IllegalArgumentException("event lexicon line " + b.line + ": duplicate entry " + b.lemma);
            }
        }
        return null;
    }

    private static final class Builder {
        final TriggerEntry.Kind kind;
        final String lemma;
        final String code;
        final EntryOptions options;
        final int line;
        final List<TriggerEntry.Rule> rules = new ArrayList<>();

        Builder(TriggerEntry.Kind kind, String lemma, String code, EntryOptions options, int line) {
            this.kind = kind;
            this.lemma = lemma;
            this.code = code;
            this.options = options;
            this.line = line;
        }
    }

    public Optional<TriggerEntry> verb(String lemma) {
        return Optional.ofNullable(verbs.get(lemma));
    }

    public Optional<TriggerEntry> noun(String lemma) {
        return Optional.ofNullable(nouns.get(lemma));
    }

    TriggerEntry verbOrNull(String lemma) {
        return verbs.get(lemma);
    }

    TriggerEntry nounOrNull(String lemma) {
        return nouns.get(lemma);
    }

    /** Whether a lower-cased surface word may be an event trigger: one hash lookup, no tagging needed. */
    public boolean isTriggerForm(String lowerCaseWord) {
        return triggerForms.contains(lowerCaseWord);
    }

    /** Every surface form that may name an event. */
    public Set<String> triggerForms() {
        return triggerForms;
    }

    public boolean inClass(String className, String lowerCaseLemma) {
        Set<String> c = classes.get(className);
        return c != null && c.contains(lowerCaseLemma);
    }

    public Set<String> classWords(String className) {
        return classes.getOrDefault(className, Collections.emptySet());
    }

    /** The topic a complement word names ("withdrawal" → WITHDRAW), if any; phrasal verbs as {@code pull_out}. */
    public Optional<Topic> topic(String lowerCaseLemma) {
        return Optional.ofNullable(topicByWord.get(lowerCaseLemma));
    }

    Topic topicOrNull(String lowerCaseLemma) {
        return topicByWord.get(lowerCaseLemma);
    }

    /** Every code a family's topics give ("appeal" → 0233, 0256 …), sorted. */
    Set<String> familyCodes(String family) {
        Set<String> out = new java.util.TreeSet<>();
        for (Topic t : topicByWord.values()) {
            String c = t.codeByFamily().get(family);
            if (c != null) {
                out.add(c);
            }
        }
        return out;
    }

    public List<TriggerEntry> entries() {
        List<TriggerEntry> all = new ArrayList<>(verbs.values());
        all.addAll(nouns.values());
        return all;
    }

    public String version() {
        return version;
    }
}
