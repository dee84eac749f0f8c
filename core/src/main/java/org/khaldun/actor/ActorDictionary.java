package org.khaldun.actor;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Khaldun's actor dictionary: phrases with their kinds and (dated) codes, indexed as a token trie so the
 * recognizer finds the longest entry at a token with one hash lookup per token it advances.
 *
 * <p>The built-in dictionary ({@link #builtin()}) is Khaldun's own, in the plain-text format described in
 * {@code docs/dictionaries.md}; users add files in the same format ({@link Builder#load(Path)}), and
 * other readers (PETRARCH dictionaries) add entries through {@link Builder#add(ActorEntry)}. When several
 * entries share a phrase, the one added last wins, so user files override the built-in entries.
 *
 * <p>Immutable and thread-safe once built.
 */
public final class ActorDictionary {

    /** The built-in files, in load order. */
    public static final List<String> BUILTIN_FILES = List.of(
            "countries.actors", "organizations.actors", "groups.actors", "agents.actors", "leaders.actors");

    private static final String RESOURCE_DIR = "/org/khaldun/actors/";

    private static volatile ActorDictionary builtin;

    /** A node of the token trie; {@code entries} are those whose phrase ends here, in insertion order. */
    static final class Node {
        final Map<String, Node> next = new HashMap<>(4);
        final List<ActorEntry> entries = new ArrayList<>(1);
    }

    private final List<ActorEntry> entries;
    private final Node root;
    private final Set<String> countryCodes;

    private ActorDictionary(List<ActorEntry> entries) {
        this.entries = List.copyOf(entries);
        this.root = new Node();
        Set<String> countries = new HashSet<>();
        for (ActorEntry e : this.entries) {
            Node n = root;
            for (String t : e.tokens()) {
                n = n.next.computeIfAbsent(normalize(t), k -> new Node());
            }
            n.entries.add(e);
            if (e.kind() == ActorEntry.Kind.COUNTRY || e.kind() == ActorEntry.Kind.DEMONYM) {
                for (DatedCode c : e.codes()) {
                    if (c.code().length() >= 3) {
                        countries.add(c.code().substring(0, 3));
                    }
                }
            }
        }
        this.countryCodes = Set.copyOf(countries);
    }

    /** Khaldun's own dictionaries, loaded once per JVM. */
    public static ActorDictionary builtin() {
        ActorDictionary d = builtin;
        if (d == null) {
            synchronized (ActorDictionary.class) {
                d = builtin;
                if (d == null) {
                    d = builder().loadBuiltin().build();
                    builtin = d;
                }
            }
        }
        return d;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** This dictionary plus the entries of user files (which win over same-phrase entries here). */
    public ActorDictionary withFiles(Collection<Path> files) {
        Builder b = builder().addAll(this);
        for (Path f : files) {
            b.load(f);
        }
        return b.build();
    }

    public List<ActorEntry> entries() {
        return entries;
    }

    public int size() {
        return entries.size();
    }

    /** Whether a three-letter code stands in the country position of actor codes (ISO-3, region, ARB, MOS…). */
    public boolean isCountryCode(String threeLetters) {
        return countryCodes.contains(threeLetters);
    }

    Node root() {
        return root;
    }

    /**
     * The key a token is looked up by: lower case, accents dropped, typographic apostrophes and dashes
     * made plain, so "Côte", "COTE" and "cote" meet.
     */
    public static String normalize(String word) {
        boolean plain = true;
        for (int i = 0; i < word.length(); i++) {
            if (word.charAt(i) > 127) {
                plain = false;
                break;
            }
        }
        String lower = word.toLowerCase(Locale.ROOT);
        if (plain) {
            return lower;
        }
        String decomposed = java.text.Normalizer.normalize(lower, java.text.Normalizer.Form.NFD);
        StringBuilder b = new StringBuilder(decomposed.length());
        for (int i = 0; i < decomposed.length(); i++) {
            char c = decomposed.charAt(i);
            if (Character.getType(c) == Character.NON_SPACING_MARK) {
                continue;
            }
            if (c == '\u2019' || c == '\u2018' || c == '\u02bc' || c == '`') {
                c = '\'';
            } else if (c == '\u2010' || c == '\u2011' || c == '\u2012' || c == '\u2013') {
                c = '-';
            }
            b.append(c);
        }
        return b.toString();
    }

    /**
     * Splits a dictionary phrase the way the article tokenizer splits text: on spaces, around hyphens
     * inside words ("al-Qaeda" is "al", "-", "Qaeda") and before a possessive "'s".
     */
    public static List<String> tokenize(String phrase) {
        List<String> out = new ArrayList<>();
        for (String piece : phrase.trim().split("\\s+")) {
            if (piece.isEmpty()) {
                continue;
            }
            String possessive = null;
            if (piece.length() > 2 && (piece.endsWith("'s") || piece.endsWith("\u2019s"))) {
                possessive = piece.substring(piece.length() - 2);
                piece = piece.substring(0, piece.length() - 2);
            }
            int from = 0;
            for (int i = 1; i < piece.length() - 1; i++) {
                if (piece.charAt(i) == '-') {
                    out.add(piece.substring(from, i));
                    out.add("-");
                    from = i + 1;
                }
            }
            out.add(piece.substring(from));
            if (possessive != null) {
                out.add(possessive);
            }
        }
        return out;
    }

    /** Collects entries; {@link #build()} indexes them. Not thread-safe. */
    public static final class Builder {
        private final List<ActorEntry> entries = new ArrayList<>();

        private Builder() {
        }

        public Builder add(ActorEntry entry) {
            entries.add(entry);
            return this;
        }

        public Builder addAll(Collection<ActorEntry> more) {
            entries.addAll(more);
            return this;
        }

        public Builder addAll(ActorDictionary dictionary) {
            entries.addAll(dictionary.entries);
            return this;
        }

        /** Khaldun's own files from the class path. */
        public Builder loadBuiltin() {
            for (String name : BUILTIN_FILES) {
                try (InputStream in = ActorDictionary.class.getResourceAsStream(RESOURCE_DIR + name)) {
                    if (in == null) {
                        throw new DictionaryException(name, 0, "built-in dictionary missing from the class path");
                    }
                    load(name, new InputStreamReader(in, StandardCharsets.UTF_8));
                } catch (IOException e) {
                    throw new DictionaryException(name, 0, "cannot read: " + e.getMessage());
                }
            }
            return this;
        }

        /** A user file in Khaldun's format; errors name the file and line. */
        public Builder load(Path file) {
            try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                return load(file.toString(), r);
            } catch (IOException e) {
                throw new DictionaryException(file.toString(), 0, "cannot read: " + e);
            }
        }

        /** Entries from text in Khaldun's format; {@code source} names it in errors and explanations. */
        public Builder load(String source, Reader reader) {
            BufferedReader in = reader instanceof BufferedReader b ? b : new BufferedReader(reader);
            int lineNo = 0;
            try {
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                    lineNo++;
                    parseLine(source, lineNo, line);
                }
            } catch (IOException e) {
                throw new DictionaryException(source, lineNo, "cannot read: " + e.getMessage());
            }
            return this;
        }

        private void parseLine(String source, int lineNo, String raw) {
            String line = stripComment(raw).strip();
            if (line.isEmpty()) {
                return;
            }
            String[] cols = line.split("\\s+", 3);
            if (cols.length < 3) {
                throw new DictionaryException(source, lineNo,
                        "expected 'KIND CODES PHRASE | PHRASE…', got: " + raw.strip());
            }
            ActorEntry.Kind kind = parseKind(source, lineNo, cols[0]);
            List<DatedCode> codes = parseCodes(source, lineNo, kind, cols[1]);
            String where = shortName(source) + ":" + lineNo;
            for (String alternative : cols[2].split("\\|")) {
                String p = alternative.strip();
                if (p.isEmpty()) {
                    throw new DictionaryException(source, lineNo, "empty phrase between '|' separators");
                }
                EnumSet<ActorEntry.Flag> flags = EnumSet.noneOf(ActorEntry.Flag.class);
                ActorEntry.Casing casing = ActorEntry.Casing.AS_WRITTEN;
                int i = 0;
                for (; i < p.length(); i++) {
                    char c = p.charAt(i);
                    if (c == '=') {
                        casing = ActorEntry.Casing.EXACT;
                    } else if (c == '?') {
                        flags.add(ActorEntry.Flag.AMBIGUOUS);
                    } else if (c == '~') {
                        flags.add(ActorEntry.Flag.WEAK);
                    } else if (c == '^') {
                        flags.add(ActorEntry.Flag.NEEDS_MODIFIER);
                    } else {
                        break;
                    }
                }
                p = p.substring(i).strip();
                if (p.isEmpty()) {
                    throw new DictionaryException(source, lineNo, "phrase has flags but no words");
                }
                for (String form : expandPlural(p)) {
                    if (form.indexOf('(') >= 0 || form.indexOf(')') >= 0) {
                        throw new DictionaryException(source, lineNo,
                                "parentheses are only allowed as a final (s) or (es): " + form);
                    }
                    entries.add(ActorEntry.of(kind, form, codes, casing, flags, where));
                }
            }
        }

        private static String shortName(String source) {
            int slash = Math.max(source.lastIndexOf('/'), source.lastIndexOf('\\'));
            return slash < 0 ? source : source.substring(slash + 1);
        }

        private static String stripComment(String line) {
            for (int i = 0; i < line.length(); i++) {
                if (line.charAt(i) == '#' && (i == 0 || Character.isWhitespace(line.charAt(i - 1)))) {
                    return line.substring(0, i);
                }
            }
            return line;
        }

        private static List<String> expandPlural(String p) {
            if (p.endsWith("(s)")) {
                String base = p.substring(0, p.length() - 3);
                return List.of(base, base + "s");
            }
            if (p.endsWith("(es)")) {
                String base = p.substring(0, p.length() - 4);
                return List.of(base, base + "es");
            }
            return List.of(p);
        }

        private static ActorEntry.Kind parseKind(String source, int lineNo, String word) {
            for (ActorEntry.Kind k : ActorEntry.Kind.values()) {
                if (k.name().equalsIgnoreCase(word)) {
                    return k;
                }
            }
            List<String> names = new ArrayList<>();
            for (ActorEntry.Kind k : ActorEntry.Kind.values()) {
                names.add(k.name().toLowerCase(Locale.ROOT));
            }
            throw new DictionaryException(source, lineNo, "unknown kind '" + word + "' (expected one of "
                    + String.join(", ", names) + ")");
        }

        private static List<DatedCode> parseCodes(String source, int lineNo, ActorEntry.Kind kind, String column) {
            if (column.equals("-")) {
                if (kind.needsCode()) {
                    throw new DictionaryException(source, lineNo, kind.name().toLowerCase(Locale.ROOT)
                            + " entries need a code; '-' is only for filler and placeword");
                }
                return List.of();
            }
            if (!kind.needsCode()) {
                throw new DictionaryException(source, lineNo,
                        kind.name().toLowerCase(Locale.ROOT) + " entries take no code: write '-'");
            }
            List<DatedCode> out = new ArrayList<>();
            for (String part : column.split(",")) {
                String code = part;
                LocalDate from = null;
                LocalDate to = null;
                int at = part.indexOf('@');
                if (at >= 0) {
                    code = part.substring(0, at);
                    String range = part.substring(at + 1);
                    int dots = range.indexOf("..");
                    if (dots < 0) {
                        throw new DictionaryException(source, lineNo,
                                "date range must look like FROM..TO, FROM.. or ..TO (YYYY-MM-DD): " + part);
                    }
                    from = parseDate(source, lineNo, range.substring(0, dots));
                    to = parseDate(source, lineNo, range.substring(dots + 2));
                    if (from == null && to == null) {
                        throw new DictionaryException(source, lineNo, "date range with no dates: " + part);
                    }
                }
                if (!code.matches("[A-Z0-9]{3,18}")) {
                    throw new DictionaryException(source, lineNo,
                            "bad code '" + code + "': 3 to 18 capital letters or digits");
                }
                if ((kind == ActorEntry.Kind.AGENT || kind == ActorEntry.Kind.TITLE) && code.length() % 3 != 0) {
                    throw new DictionaryException(source, lineNo,
                            "agent and title codes are sectors of three letters (GOV, MIL, GOVMIL…): " + code);
                }
                try {
                    out.add(new DatedCode(code, from, to));
                } catch (IllegalArgumentException e) {
                    throw new DictionaryException(source, lineNo, e.getMessage());
                }
            }
            return out;
        }

        private static LocalDate parseDate(String source, int lineNo, String text) {
            if (text.isEmpty()) {
                return null;
            }
            try {
                return LocalDate.parse(text);
            } catch (DateTimeParseException e) {
                throw new DictionaryException(source, lineNo, "bad date '" + text + "' (expected YYYY-MM-DD)");
            }
        }

        public ActorDictionary build() {
            return new ActorDictionary(Collections.unmodifiableList(entries));
        }
    }
}
