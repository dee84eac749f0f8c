package org.khaldun.attribution;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Khaldun's attribution lexicon ({@code org/khaldun/attribution/cues.txt}): reporting verbs with their forms,
 * reporting nouns, and the head nouns and names that tell anonymous, document and media speakers apart.
 * Immutable once loaded.
 */
public final class CueLexicon {

    /** A reporting verb. {@code tell}: takes an addressee ("told CNN that"); {@code to}: content is a to-infinitive;
     *  {@code np}: content may be a plain noun phrase; {@code label}: labels something with quoted words ("called the
     *  decision a 'huge win'", "described him as 'unhinged'"). */
    public record Verb(String lemma, boolean tell, boolean to, boolean np, boolean label) {
        public Verb(String lemma, boolean tell, boolean to, boolean np) {
            this(lemma, tell, to, np, false);
        }
    }

    private final Map<String, Verb> verbForms;
    private final Set<String> nouns;
    private final Set<String> anonymous;
    private final Set<String> documents;
    private final Set<String> media;
    private final List<String[]> outlets;
    private final Set<String> platforms;

    private CueLexicon(Map<String, Verb> verbForms, Set<String> nouns, Set<String> anonymous, Set<String> documents,
                       Set<String> media, List<String[]> outlets, Set<String> platforms) {
        this.verbForms = Map.copyOf(verbForms);
        this.nouns = Set.copyOf(nouns);
        this.anonymous = Set.copyOf(anonymous);
        this.documents = Set.copyOf(documents);
        this.media = Set.copyOf(media);
        this.outlets = List.copyOf(outlets);
        this.platforms = Set.copyOf(platforms);
    }

    private static volatile CueLexicon standard;

    /** The lexicon shipped with Khaldun. */
    public static CueLexicon standard() {
        CueLexicon l = standard;
        if (l == null) {
            synchronized (CueLexicon.class) {
                l = standard;
                if (l == null) {
                    try (InputStream in = CueLexicon.class.getResourceAsStream("cues.txt")) {
                        if (in == null) {
                            throw new IllegalStateException("org/khaldun/attribution/cues.txt missing from the class path");
                        }
                        l = parse(in);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                    standard = l;
                }
            }
        }
        return l;
    }

    /** Reads the lexicon format described at the top of {@code cues.txt}. */
    public static CueLexicon parse(InputStream in) throws IOException {
        Map<String, Verb> verbs = new HashMap<>();
        Set<String> nouns = new HashSet<>();
        Set<String> anon = new HashSet<>();
        Set<String> docs = new HashSet<>();
        Set<String> media = new HashSet<>();
        List<String[]> outlets = new ArrayList<>();
        Set<String> platforms = new HashSet<>();
        String section = "";
        BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        int lineNo = 0;
        for (String line; (line = r.readLine()) != null; ) {
            lineNo++;
            line = line.strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            if (line.startsWith("[") && line.endsWith("]")) {
                section = line.substring(1, line.length() - 1);
                continue;
            }
            switch (section) {
                case "verbs" -> {
                    int colon = line.indexOf(':');
                    if (colon < 0) {
                        throw new IOException("cues.txt line " + lineNo + ": expected 'lemma: forms'");
                    }
                    String lemma = line.substring(0, colon).strip();
                    String rest = line.substring(colon + 1);
                    String flags = "";
                    int bar = rest.indexOf('|');
                    if (bar >= 0) {
                        flags = rest.substring(bar + 1).strip();
                        rest = rest.substring(0, bar);
                    }
                    Set<String> f = Set.of(flags.isEmpty() ? new String[0] : flags.split("\\s+"));
                    Verb v = new Verb(lemma, f.contains("tell"), f.contains("to"), f.contains("np"), f.contains("label"));
                    for (String form : rest.strip().split("\\s+")) {
                        verbs.putIfAbsent(form.toLowerCase(Locale.ROOT), v);
                    }
                }
                case "nouns" -> nouns.add(line.toLowerCase(Locale.ROOT));
                case "anonymous" -> anon.add(line.toLowerCase(Locale.ROOT));
                case "documents" -> docs.add(line.toLowerCase(Locale.ROOT));
                case "media" -> media.add(line.toLowerCase(Locale.ROOT));
                case "outlets" -> outlets.add(line.split("\\s+"));
                case "platforms" -> platforms.add(line);
                default -> throw new IOException("cues.txt line " + lineNo + ": entry outside a known section");
            }
        }
        // longest names first, so "The New York Times" wins over "The Times"
        outlets.sort((a, b) -> b.length - a.length);
        return new CueLexicon(verbs, nouns, anon, docs, media, outlets, platforms);
    }

    /** The reporting verb a word form belongs to, or null. */
    public Verb verb(String word) {
        return verbForms.get(word.toLowerCase(Locale.ROOT));
    }

    public boolean reportingNoun(String word) {
        return nouns.contains(word.toLowerCase(Locale.ROOT));
    }

    public boolean anonymousHead(String word) {
        return anonymous.contains(word.toLowerCase(Locale.ROOT));
    }

    public boolean documentHead(String word) {
        return documents.contains(word.toLowerCase(Locale.ROOT));
    }

    public boolean mediaHead(String word) {
        return media.contains(word.toLowerCase(Locale.ROOT));
    }

    /** A platform or format word ("statement", "Twitter"); capitalised entries match only as written. */
    public boolean platform(String word) {
        return platforms.contains(word) || platforms.contains(word.toLowerCase(Locale.ROOT));
    }

    /**
     * Length in tokens of the outlet name starting at {@code from} in {@code words}, or 0. Names match as written,
     * except a leading "The", which may be lower case.
     */
    public int outletAt(List<String> words, int from) {
        for (String[] name : outlets) {
            if (from + name.length > words.size()) {
                continue;
            }
            boolean ok = true;
            for (int k = 0; k < name.length && ok; k++) {
                String w = words.get(from + k);
                ok = k == 0 && name[0].equals("The") ? w.equalsIgnoreCase("the") : w.equals(name[k]);
            }
            if (ok) {
                return name.length;
            }
        }
        return 0;
    }
}
