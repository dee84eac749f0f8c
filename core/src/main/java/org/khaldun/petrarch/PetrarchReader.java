package org.khaldun.petrarch;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Reads the dictionaries analysts keep for PETRARCH (and TABARI before it): verbs, actors, agents, discards and issues.
 * Khaldun reads them in place and never copies them. A line that cannot be understood stops the reading with a
 * {@link PetrarchFormatException} naming {@code file:line}; see {@code docs/petrarch.md} for the accepted syntax.
 */
public final class PetrarchReader {

    private PetrarchReader() {
    }

    // ------------------------------------------------------------------ files

    public static PetrarchVerbs readVerbs(Path file) {
        return readVerbs(file.getFileName().toString(), read(file), STRICT);
    }

    public static PetrarchActors readActors(Path file) {
        return readActors(file.getFileName().toString(), read(file), STRICT);
    }

    public static PetrarchAgents readAgents(Path file) {
        return readAgents(file.getFileName().toString(), read(file), STRICT);
    }

    public static PetrarchDiscards readDiscards(Path file) {
        return readDiscards(file.getFileName().toString(), read(file), STRICT);
    }

    public static PetrarchIssues readIssues(Path file) {
        return readIssues(file.getFileName().toString(), read(file), STRICT);
    }

    /**
     * Reads a file of the given kind, handing each unreadable line to {@code badLine} and going on (PETRARCH's own
     * behaviour: a long-lived dictionary such as CAMEO.2.0.txt has a few malformed patterns). Pass {@link #STRICT}
     * to stop at the first one instead.
     */
    public static PetrarchVerbs readVerbs(Path file, Consumer<PetrarchFormatException> badLine) {
        return readVerbs(file.getFileName().toString(), read(file), badLine);
    }

    public static PetrarchActors readActors(Path file, Consumer<PetrarchFormatException> badLine) {
        return readActors(file.getFileName().toString(), read(file), badLine);
    }

    public static PetrarchAgents readAgents(Path file, Consumer<PetrarchFormatException> badLine) {
        return readAgents(file.getFileName().toString(), read(file), badLine);
    }

    public static PetrarchDiscards readDiscards(Path file, Consumer<PetrarchFormatException> badLine) {
        return readDiscards(file.getFileName().toString(), read(file), badLine);
    }

    public static PetrarchIssues readIssues(Path file, Consumer<PetrarchFormatException> badLine) {
        return readIssues(file.getFileName().toString(), read(file), badLine);
    }

    /** The bad-line handler that stops reading: the exception names {@code file:line}. */
    public static final Consumer<PetrarchFormatException> STRICT = e -> {
        throw e;
    };

    public static PetrarchVerbs readVerbs(String name, String content) {
        return readVerbs(name, content, STRICT);
    }

    public static PetrarchActors readActors(String name, String content) {
        return readActors(name, content, STRICT);
    }

    public static PetrarchAgents readAgents(String name, String content) {
        return readAgents(name, content, STRICT);
    }

    public static PetrarchDiscards readDiscards(String name, String content) {
        return readDiscards(name, content, STRICT);
    }

    public static PetrarchIssues readIssues(String name, String content) {
        return readIssues(name, content, STRICT);
    }

    private static String read(Path file) {
        try {
            byte[] bytes = Files.readAllBytes(file);
            return new String(bytes, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read dictionary " + file, e);
        }
    }

    // ------------------------------------------------------------------ verbs

    /** Reads a verbs dictionary from its text; {@code name} is used in error messages and traces. */
    public static PetrarchVerbs readVerbs(String name, String content, Consumer<PetrarchFormatException> badLine) {
        Map<String, PetrarchVerbs.Synset> synsets = new LinkedHashMap<>();
        List<PetrarchVerbs.Block> blocks = new ArrayList<>();
        List<PetrarchVerbs.Transformation> transformations = new ArrayList<>();

        BlockBuilder block = null;
        SynsetBuilder synset = null;
        for (DictionaryLines.Line line : DictionaryLines.of(content)) {
            try {
                String t = line.text();
                SourceLine src = new SourceLine(name, line.number());
                if (synset != null) {
                    if (t.startsWith("+")) {
                        synset.add(t.substring(1), name, line.number());
                        continue;
                    }
                    synsets.put(synset.name, synset.build());
                    synset = null;
                }
                if (t.startsWith("---")) {
                    if (block != null) {
                        blocks.add(block.build());
                    }
                    block = parseHeader(t, src);
                } else if (t.startsWith("&")) {
                    synset = new SynsetBuilder(t, src);
                } else if (t.startsWith("~")) {
                    transformations.add(new PetrarchVerbs.Transformation(t, src));
                } else if (t.startsWith("-")) {
                    if (block == null) {
                        throw new PetrarchFormatException(name, line.number(), "pattern outside a verb block: " + t);
                    }
                    block.patterns.add(parsePattern(t, src));
                } else {
                    if (block == null) {
                        throw new PetrarchFormatException(name, line.number(), "verb outside a verb block: " + t);
                    }
                    block.verbs.add(parseVerb(t, block.code, src));
                }
            } catch (PetrarchFormatException e) {
                badLine.accept(e);
            }
        }
        if (synset != null) {
            synsets.put(synset.name, synset.build());
        }
        if (block != null) {
            blocks.add(block.build());
        }
        // an undefined synset in a pattern is an error in the dictionary, not something to discover while coding
        List<PetrarchVerbs.Block> checked = new ArrayList<>();
        for (PetrarchVerbs.Block b : blocks) {
            List<PetrarchVerbs.Pattern> ok = new ArrayList<>();
            for (PetrarchVerbs.Pattern p : b.patterns()) {
                try {
                    checkSynsets(p.upper(), synsets, p.source());
                    checkSynsets(p.lower(), synsets, p.source());
                    ok.add(p);
                } catch (PetrarchFormatException e) {
                    badLine.accept(e);
                }
            }
            checked.add(ok.size() == b.patterns().size() ? b
                    : new PetrarchVerbs.Block(b.name(), b.code(), b.verbs(), ok, b.source()));
        }
        blocks = checked;
        Map<String, PetrarchVerbs.Synset> valid = new LinkedHashMap<>();
        for (PetrarchVerbs.Synset syn : synsets.values()) {
            List<Phrase> members = new ArrayList<>();
            for (Phrase m : syn.members()) {
                if (m.first().startsWith("&") && !synsets.containsKey(m.first())) {
                    badLine.accept(new PetrarchFormatException(syn.source().file(), syn.source().line(),
                            "synset " + syn.name() + " refers to undefined synset " + m.first()));
                } else {
                    members.add(m);
                }
            }
            if (!members.isEmpty()) {
                valid.put(syn.name(), new PetrarchVerbs.Synset(syn.name(), members, syn.source()));
            }
        }
        synsets = valid;
        return new PetrarchVerbs(synsets, blocks, transformations);
    }

    private static void checkSynsets(List<PetrarchVerbs.Element> elements, Map<String, PetrarchVerbs.Synset> synsets,
            SourceLine src) {
        for (PetrarchVerbs.Element e : elements) {
            if (e.kind() == PetrarchVerbs.Kind.SYNSET && !synsets.containsKey(e.text())) {
                throw new PetrarchFormatException(src.file(), src.line(), "undefined synset " + e.text());
            }
        }
    }

    private static final class BlockBuilder {
        final String name;
        final String code;
        final SourceLine source;
        final List<PetrarchVerbs.Verb> verbs = new ArrayList<>();
        final List<PetrarchVerbs.Pattern> patterns = new ArrayList<>();

        BlockBuilder(String name, String code, SourceLine source) {
            this.name = name;
            this.code = code;
            this.source = source;
        }

        PetrarchVerbs.Block build() {
            if (verbs.isEmpty()) {
                throw new PetrarchFormatException(source.file(), source.line(), "verb block " + name + " has no verb");
            }
            return new PetrarchVerbs.Block(name, code, verbs, patterns, source);
        }
    }

    private static final class SynsetBuilder {
        final String name;
        final boolean noPlural;
        final SourceLine source;
        final List<Phrase> members = new ArrayList<>();

        SynsetBuilder(String header, SourceLine source) {
            String n = header.split("\\s+")[0];
            noPlural = n.endsWith("_");
            while (n.endsWith("_")) {
                n = n.substring(0, n.length() - 1);
            }
            if (n.length() < 2) {
                throw new PetrarchFormatException(source.file(), source.line(), "synset without a name");
            }
            this.name = n.toUpperCase(Locale.ROOT);
            this.source = source;
        }

        void add(String member, String file, int line) {
            String m = member.strip();
            boolean exact = noPlural || m.endsWith("_") || m.startsWith("&");
            Phrase p = Phrase.parse(m);
            if (p == null) {
                throw new PetrarchFormatException(file, line, "empty synset member");
            }
            members.add(p);
            if (!exact) {
                members.add(p.withLastWord(nounPlural(p.words().get(p.size() - 1))));
            }
        }

        PetrarchVerbs.Synset build() {
            if (members.isEmpty()) {
                throw new PetrarchFormatException(source.file(), source.line(), "synset " + name + " has no members");
            }
            return new PetrarchVerbs.Synset(name, members, source);
        }
    }

    private static BlockBuilder parseHeader(String t, SourceLine src) {
        String inner = t.replaceAll("^-+", "").replaceAll("-+$", "").strip();
        String code = "---";
        String name = inner;
        int open = inner.indexOf('[');
        if (open >= 0) {
            int close = inner.indexOf(']', open);
            if (close < 0) {
                throw new PetrarchFormatException(src.file(), src.line(), "unclosed [ in verb block header");
            }
            code = inner.substring(open + 1, close).strip();
            name = inner.substring(0, open).strip();
            if (code.isEmpty()) {
                code = "---";
            }
        }
        if (name.isEmpty()) {
            throw new PetrarchFormatException(src.file(), src.line(), "verb block header without a name");
        }
        return new BlockBuilder(name.replaceAll("_+$", "").toUpperCase(Locale.ROOT), code, src);
    }

    private static PetrarchVerbs.Pattern parsePattern(String t, SourceLine src) {
        int open = t.indexOf('[');
        int close = open < 0 ? -1 : t.indexOf(']', open);
        if (open < 0 || close < 0) {
            throw new PetrarchFormatException(src.file(), src.line(), "pattern without a [code]: " + t);
        }
        String code = t.substring(open + 1, close).strip();
        if (code.isEmpty()) {
            throw new PetrarchFormatException(src.file(), src.line(), "pattern with an empty [code]");
        }
        String body = t.substring(1, open).replace("_ ", " ").strip();
        while (body.endsWith("_")) {
            body = body.substring(0, body.length() - 1);
        }
        List<PetrarchVerbs.Element> upper = new ArrayList<>();
        List<PetrarchVerbs.Element> lower = new ArrayList<>();
        List<String> tokens = new ArrayList<>();
        List<Boolean> tightBefore = new ArrayList<>();
        List<Character> groups = new ArrayList<>();
        tokenizePattern(body, tokens, tightBefore, groups, src);
        int star = tokens.indexOf("*");
        if (star < 0 || tokens.lastIndexOf("*") != star) {
            throw new PetrarchFormatException(src.file(), src.line(),
                    "a pattern needs exactly one * for the verb: " + t.substring(0, open).strip());
        }
        for (int i = 0; i < tokens.size(); i++) {
            if (i == star) {
                continue;
            }
            // "tight" always refers to the neighbour on the verb side: the next element for upper elements, the
            // previous one for lower elements
            boolean tight = i < star ? tightBefore.get(i + 1) : tightBefore.get(i);
            PetrarchVerbs.Element e = element(tokens.get(i), tight, groups.get(i), src);
            (i < star ? upper : lower).add(e);
        }
        return new PetrarchVerbs.Pattern(upper, lower, code, t.substring(1, open).strip(), src);
    }

    private static void tokenizePattern(String body, List<String> tokens, List<Boolean> tightBefore,
            List<Character> groups, SourceLine src) {
        StringBuilder w = new StringBuilder();
        boolean tight = false;
        java.util.ArrayDeque<Character> open = new java.util.ArrayDeque<>();
        for (int i = 0; i <= body.length(); i++) {
            char c = i < body.length() ? body.charAt(i) : ' ';
            boolean sep = c == '_' || Character.isWhitespace(c) || c == '(' || c == ')' || c == '{' || c == '}'
                    || c == '*';
            if (!sep) {
                w.append(c);
                continue;
            }
            if (w.length() > 0) {
                tokens.add(w.toString().toUpperCase(Locale.ROOT));
                tightBefore.add(tight);
                groups.add(open.isEmpty() ? ' ' : open.peek());
                w.setLength(0);
                tight = false;
            }
            if (c == '*') {
                // the verb position may be glued to a word ("*SCEPTICAL"): that reads as a blank connector
                tokens.add("*");
                tightBefore.add(tight);
                groups.add(open.isEmpty() ? ' ' : open.peek());
                tight = false;
                continue;
            }
            if (c == '_') {
                tight = true;
            } else if (c == '(' || c == '{') {
                open.push(c);
            } else if (c == ')' || c == '}') {
                if (open.isEmpty() || open.pop() != (c == ')' ? '(' : '{')) {
                    throw new PetrarchFormatException(src.file(), src.line(), "unbalanced " + c + " in a pattern");
                }
            }
        }
        if (!open.isEmpty()) {
            throw new PetrarchFormatException(src.file(), src.line(), "unclosed " + open.peek() + " in a pattern");
        }
    }

    private static PetrarchVerbs.Element element(String tok, boolean tight, char group, SourceLine src) {
        PetrarchVerbs.Kind kind = switch (tok) {
            case "$" -> PetrarchVerbs.Kind.SOURCE;
            case "+" -> PetrarchVerbs.Kind.TARGET;
            case "%" -> PetrarchVerbs.Kind.COMPOUND;
            case "^" -> PetrarchVerbs.Kind.SKIP;
            default -> tok.startsWith("&") ? PetrarchVerbs.Kind.SYNSET : PetrarchVerbs.Kind.WORD;
        };
        if (kind == PetrarchVerbs.Kind.SYNSET && tok.length() < 2) {
            throw new PetrarchFormatException(src.file(), src.line(), "& without a synset name");
        }
        return new PetrarchVerbs.Element(kind, tok, tight, group);
    }

    private static PetrarchVerbs.Verb parseVerb(String t, String blockCode, SourceLine src) {
        String code = blockCode;
        String rest = t;
        int open = rest.indexOf('[');
        if (open >= 0) {
            int close = rest.indexOf(']', open);
            if (close < 0) {
                throw new PetrarchFormatException(src.file(), src.line(), "unclosed [ after verb");
            }
            String c = rest.substring(open + 1, close).strip();
            if (!c.isEmpty()) {
                code = c;
            }
            rest = rest.substring(0, open);
        }
        List<String> irregular = new ArrayList<>();
        int brace = rest.indexOf('{');
        if (brace >= 0) {
            int end = rest.indexOf('}', brace);
            if (end < 0) {
                throw new PetrarchFormatException(src.file(), src.line(), "unclosed { in verb forms");
            }
            for (String f : rest.substring(brace + 1, end).strip().split("\\s+")) {
                if (!f.isEmpty()) {
                    irregular.add(f.toUpperCase(Locale.ROOT));
                }
            }
            rest = rest.substring(0, brace);
        }
        String base = rest.strip().toUpperCase(Locale.ROOT);
        if (base.isEmpty()) {
            throw new PetrarchFormatException(src.file(), src.line(), "verb line without a verb");
        }
        List<PetrarchVerbs.Form> forms = new ArrayList<>();
        PetrarchVerbs.Form baseForm = form(base, src);
        forms.add(baseForm);
        if (brace >= 0) {
            for (String f : irregular) {
                addForm(forms, form(f, src));
            }
        } else {
            for (String inflected : regularVerbForms(baseForm.verb())) {
                addForm(forms, new PetrarchVerbs.Form(baseForm.before(), inflected, baseForm.after()));
            }
        }
        return new PetrarchVerbs.Verb(base, code, forms, src);
    }

    private static void addForm(List<PetrarchVerbs.Form> forms, PetrarchVerbs.Form f) {
        if (!forms.contains(f)) {
            forms.add(f);
        }
    }

    /**
     * A verb as written: {@code BREAK}, {@code +BREAK_DOWN} (verb then particle), {@code WIRE_+TAP} (the {@code +}
     * marks the word the parser tags as the verb) or {@code LASH OUT} (first word is the verb).
     */
    private static PetrarchVerbs.Form form(String text, SourceLine src) {
        String[] words = text.split("[_\\s]+");
        int verbAt = -1;
        for (int i = 0; i < words.length; i++) {
            if (words[i].startsWith("+")) {
                if (verbAt >= 0) {
                    throw new PetrarchFormatException(src.file(), src.line(), "more than one + in verb " + text);
                }
                verbAt = i;
                words[i] = words[i].substring(1);
            }
        }
        if (verbAt < 0) {
            if (text.contains("_")) {
                throw new PetrarchFormatException(src.file(), src.line(),
                        "multi-word verb " + text + " needs a + before the word that is the verb");
            }
            verbAt = 0;
        }
        List<String> before = new ArrayList<>();
        List<String> after = new ArrayList<>();
        for (int i = 0; i < words.length; i++) {
            if (words[i].isEmpty()) {
                throw new PetrarchFormatException(src.file(), src.line(), "empty word in verb " + text);
            }
            if (i < verbAt) {
                before.add(words[i]);
            } else if (i > verbAt) {
                after.add(words[i]);
            }
        }
        return new PetrarchVerbs.Form(before, words[verbAt], after);
    }

    /** PETRARCH's regular English forms: -S (-ES after S, X, Z), -ED (-D after E), -ING (dropping a final E). */
    static List<String> regularVerbForms(String root) {
        List<String> out = new ArrayList<>();
        char last = root.charAt(root.length() - 1);
        out.add(last == 'S' || last == 'X' || last == 'Z' ? root + "ES" : root + "S");
        if (last == 'E') {
            out.add(root + "D");
            out.add(root.substring(0, root.length() - 1) + "ING");
        } else {
            out.add(root + "ED");
            out.add(root + "ING");
        }
        return out;
    }

    /** PETRARCH's regular plural: -IES after Y, -ES after S, -S otherwise. */
    static String nounPlural(String word) {
        if (word.endsWith("Y")) {
            return word.substring(0, word.length() - 1) + "IES";
        }
        if (word.endsWith("S")) {
            return word + "ES";
        }
        return word + "S";
    }

    // ------------------------------------------------------------------ actors

    /** Reads an actors dictionary from its text. */
    public static PetrarchActors readActors(String name, String content, Consumer<PetrarchFormatException> badLine) {
        List<PetrarchActors.Entry> entries = new ArrayList<>();
        List<Phrase> names = null;
        List<DatedCode> codes = null;
        SourceLine start = null;
        for (DictionaryLines.Line line : DictionaryLines.of(content)) {
            try {
                String t = line.text();
                if (t.contains("---STOP---")) {
                    break;
                }
                SourceLine src = new SourceLine(name, line.number());
                if (t.startsWith("+")) {
                    if (names == null) {
                        throw new PetrarchFormatException(name, line.number(), "synonym before any actor: " + t);
                    }
                    Phrase p = Phrase.parse(stripSemicolonComment(t.substring(1)));
                    if (p == null) {
                        throw new PetrarchFormatException(name, line.number(), "empty synonym");
                    }
                    names.add(p);
                } else if (line.indented() || t.startsWith("[")) {
                    if (names == null) {
                        throw new PetrarchFormatException(name, line.number(), "code line before any actor: " + t);
                    }
                    if (!t.startsWith("[")) {
                        throw new PetrarchFormatException(name, line.number(),
                                "an indented line must hold a [code] or [code date-restriction]: " + t);
                    }
                    codes.add(parseDatedCode(t, src));
                } else {
                    String n = stripSemicolonComment(t);
                    DatedCode first = null;
                    int open = n.indexOf('[');
                    if (open >= 0) {
                        first = parseDatedCode(n.substring(open), src);
                        n = n.substring(0, open);
                    }
                    Phrase p = Phrase.parse(n);
                    if (p == null) {
                        throw new PetrarchFormatException(name, line.number(), "actor line without a name: " + t);
                    }
                    if (names != null) {
                        entries.add(new PetrarchActors.Entry(names, codes, start));
                    }
                    names = new ArrayList<>();
                    codes = new ArrayList<>();
                    start = src;
                    if (first != null) {
                        codes.add(first);
                    }
                    names.add(p);
                }
            } catch (PetrarchFormatException e) {
                badLine.accept(e);
            }
        }
        if (names != null) {
            entries.add(new PetrarchActors.Entry(names, codes, start));
        }
        return new PetrarchActors(entries);
    }

    private static String stripSemicolonComment(String t) {
        int semi = t.indexOf(';');
        return semi >= 0 ? t.substring(0, semi) : t;
    }

    /** {@code [CODE]}, {@code [CODE <date]}, {@code [CODE >date]} or {@code [CODE date-date]}. */
    static DatedCode parseDatedCode(String t, SourceLine src) {
        int open = t.indexOf('[');
        int close = t.indexOf(']', open + 1);
        if (open < 0 || close < 0) {
            throw new PetrarchFormatException(src.file(), src.line(), "expected [code]: " + t);
        }
        String inner = t.substring(open + 1, close).strip();
        if (inner.isEmpty()) {
            throw new PetrarchFormatException(src.file(), src.line(), "empty [code]");
        }
        String[] parts = inner.split("\\s+", 2);
        String code = parts[0];
        String restriction = parts.length > 1 ? parts[1].strip() : "";
        if (code.startsWith("<") || code.startsWith(">") || Character.isDigit(code.charAt(0)) && code.length() >= 6
                && code.chars().allMatch(c -> Character.isDigit(c) || c == '-')) {
            throw new PetrarchFormatException(src.file(), src.line(), "date restriction without a code: [" + inner + "]");
        }
        try {
            if (restriction.isEmpty()) {
                return DatedCode.always(code);
            }
            if (restriction.startsWith("<")) {
                return new DatedCode(code, null, date(restriction.substring(1), src));
            }
            if (restriction.startsWith(">")) {
                return new DatedCode(code, date(restriction.substring(1), src), null);
            }
            int dash = restriction.indexOf('-');
            if (dash > 0) {
                return new DatedCode(code, date(restriction.substring(0, dash), src),
                        date(restriction.substring(dash + 1), src));
            }
        } catch (IllegalArgumentException e) {
            if (e instanceof PetrarchFormatException pfe) {
                throw pfe;
            }
            throw new PetrarchFormatException(src.file(), src.line(), e.getMessage());
        }
        throw new PetrarchFormatException(src.file(), src.line(),
                "cannot read date restriction '" + restriction + "' (expected <date, >date or date-date)");
    }

    /**
     * A PETRARCH date: {@code YYYYMMDD}, or {@code YYMMDD} where 00-30 means 20YY and 31-99 means 19YY (the KEDS and
     * TABARI convention).
     */
    public static LocalDate date(String text, SourceLine src) {
        String d = text.strip();
        if (!d.chars().allMatch(Character::isDigit) || (d.length() != 6 && d.length() != 8)) {
            throw new PetrarchFormatException(src.file(), src.line(), "not a date (YYMMDD or YYYYMMDD): '" + d + "'");
        }
        int year;
        int month;
        int day;
        if (d.length() == 8) {
            year = Integer.parseInt(d.substring(0, 4));
            month = Integer.parseInt(d.substring(4, 6));
            day = Integer.parseInt(d.substring(6, 8));
        } else {
            int yy = Integer.parseInt(d.substring(0, 2));
            year = yy <= 30 ? 2000 + yy : 1900 + yy;
            month = Integer.parseInt(d.substring(2, 4));
            day = Integer.parseInt(d.substring(4, 6));
        }
        try {
            return LocalDate.of(year, month, day);
        } catch (DateTimeException e) {
            throw new PetrarchFormatException(src.file(), src.line(), "no such day: '" + d + "'");
        }
    }

    // ------------------------------------------------------------------ agents

    /** Reads an agents dictionary from its text. */
    public static PetrarchAgents readAgents(String name, String content, Consumer<PetrarchFormatException> badLine) {
        List<PetrarchAgents.Entry> entries = new ArrayList<>();
        Map<String, List<String>> substitutions = new LinkedHashMap<>();
        for (DictionaryLines.Line line : DictionaryLines.of(content)) {
            try {
                String t = line.text();
                SourceLine src = new SourceLine(name, line.number());
                if (t.startsWith("!") && t.contains("=")) {
                    int end = t.indexOf('!', 1);
                    int eq = t.indexOf('=');
                    if (end < 0 || end > eq) {
                        throw new PetrarchFormatException(name, line.number(), "substitution set must read !NAME! = A, B");
                    }
                    List<String> items = new ArrayList<>();
                    for (String s : t.substring(eq + 1).split(",")) {
                        if (!s.isBlank()) {
                            items.add(s.strip().toUpperCase(Locale.ROOT));
                        }
                    }
                    substitutions.put(t.substring(1, end).toUpperCase(Locale.ROOT), items);
                    continue;
                }
                int open = t.indexOf('[');
                int close = open < 0 ? -1 : t.indexOf(']', open);
                if (open < 0 || close < 0) {
                    throw new PetrarchFormatException(name, line.number(), "agent without a [~CODE]: " + t);
                }
                String code = t.substring(open + 1, close).replaceAll("\\s+", "").toUpperCase(Locale.ROOT);
                boolean prefix;
                if (code.length() > 1 && code.startsWith("~") && !code.endsWith("~")) {
                    prefix = false;
                    code = code.substring(1);
                } else if (code.length() > 1 && code.endsWith("~") && !code.startsWith("~")) {
                    prefix = true;
                    code = code.substring(0, code.length() - 1);
                } else {
                    throw new PetrarchFormatException(name, line.number(),
                            "agent code must start with ~ (added after the actor) or end with ~ (added before): [" + code
                                    + "]");
                }
                String head = t.substring(0, open);
                List<String> plurals = null;
                int brace = head.indexOf('{');
                if (brace >= 0) {
                    int end = head.indexOf('}', brace);
                    if (end < 0) {
                        throw new PetrarchFormatException(name, line.number(), "missing } after agent plurals");
                    }
                    plurals = new ArrayList<>();
                    for (String p : head.substring(brace + 1, end).strip().split("\\s+")) {
                        if (!p.isEmpty()) {
                            plurals.add(p);
                        }
                    }
                    head = head.substring(0, brace);
                }
                head = head.strip().toUpperCase(Locale.ROOT);
                if (head.isEmpty()) {
                    throw new PetrarchFormatException(name, line.number(), "agent without a name");
                }
                List<Phrase> forms = new ArrayList<>();
                if (head.indexOf('!') >= 0) {
                    // substitution markers expand to the listed words, with no plural of their own
                    int a = head.indexOf('!');
                    int b = head.indexOf('!', a + 1);
                    if (b < 0) {
                        throw new PetrarchFormatException(name, line.number(), "unclosed substitution marker in " + head);
                    }
                    List<String> subs = substitutions.get(head.substring(a + 1, b));
                    if (subs == null) {
                        throw new PetrarchFormatException(name, line.number(),
                                "undefined substitution marker " + head.substring(a, b + 1));
                    }
                    for (String s : subs) {
                        forms.add(Phrase.parse(head.substring(0, a) + s + head.substring(b + 1)));
                    }
                } else {
                    Phrase singular = Phrase.parse(head);
                    forms.add(singular);
                    if (plurals == null) {
                        String lastWord = singular.words().get(singular.size() - 1);
                        forms.add(singular.withLastWord(nounPlural(lastWord)));
                    } else {
                        for (String p : plurals) {
                            forms.add(Phrase.parse(p));
                        }
                    }
                }
                entries.add(new PetrarchAgents.Entry(forms, code, prefix, src));
            } catch (PetrarchFormatException e) {
                badLine.accept(e);
            }
        }
        return new PetrarchAgents(entries);
    }

    // ------------------------------------------------------------------ discards

    /** Reads a discards list from its text. */
    public static PetrarchDiscards readDiscards(String name, String content, Consumer<PetrarchFormatException> badLine) {
        List<PetrarchDiscards.Entry> entries = new ArrayList<>();
        for (DictionaryLines.Line line : DictionaryLines.of(content)) {
            try {
                String t = line.text().toUpperCase(Locale.ROOT);
                boolean story = t.startsWith("+");
                if (story) {
                    t = t.substring(1).strip();
                }
                boolean wordEnd = t.endsWith("_");
                List<String> words = new ArrayList<>();
                for (String w : t.split("[_\\s]+")) {
                    if (!w.isEmpty()) {
                        words.add(w);
                    }
                }
                if (words.isEmpty()) {
                    throw new PetrarchFormatException(name, line.number(), "empty discard phrase");
                }
                entries.add(new PetrarchDiscards.Entry(words, story, wordEnd, new SourceLine(name, line.number())));
            } catch (PetrarchFormatException e) {
                badLine.accept(e);
            }
        }
        return new PetrarchDiscards(entries);
    }

    // ------------------------------------------------------------------ issues

    /** Reads an issues list from its text. */
    public static PetrarchIssues readIssues(String name, String content, Consumer<PetrarchFormatException> badLine) {
        List<PetrarchIssues.Entry> entries = new ArrayList<>();
        String category = "";
        java.util.regex.Pattern cat = java.util.regex.Pattern.compile("CATEGORY\\s*=\\s*\"([^\"]*)\"");
        for (DictionaryLines.Line line : DictionaryLines.of(content)) {
            try {
                String t = line.text();
                SourceLine src = new SourceLine(name, line.number());
                if (t.startsWith("</")) {
                    category = "";
                    continue;
                }
                if (t.startsWith("<")) {
                    java.util.regex.Matcher m = cat.matcher(t);
                    category = m.find() ? m.group(1) : "";
                    continue;
                }
                int ignore = t.startsWith("~~") ? 2 : t.startsWith("~") ? 1 : 0;
                String code = "";
                String phrase;
                if (ignore > 0) {
                    phrase = t.substring(ignore);
                } else {
                    int open = t.indexOf('[');
                    int close = open < 0 ? -1 : t.indexOf(']', open);
                    if (open < 0 || close < 0) {
                        throw new PetrarchFormatException(name, line.number(), "issue phrase without a [CODE]: " + t);
                    }
                    code = t.substring(open + 1, close).strip();
                    phrase = t.substring(0, open);
                }
                phrase = phrase.strip().toUpperCase(Locale.ROOT);
                if (phrase.isEmpty()) {
                    throw new PetrarchFormatException(name, line.number(), "empty issue phrase");
                }
                entries.add(new PetrarchIssues.Entry(expandIssue(phrase), code, category, ignore, src));
            } catch (PetrarchFormatException e) {
                badLine.accept(e);
            }
        }
        return new PetrarchIssues(entries);
    }

    /** Applies the {@code N:}, {@code V:} and {@code +} expansions until none is left. */
    static List<String> expandIssue(String phrase) {
        List<String> forms = new ArrayList<>(List.of(phrase));
        boolean changed = true;
        while (changed) {
            changed = false;
            List<String> next = new ArrayList<>();
            for (String f : forms) {
                if (f.contains("+")) {
                    next.add(f.replaceFirst("\\+", " "));
                    next.add(f.replaceFirst("\\+", "-"));
                    changed = true;
                } else if (f.contains("N:")) {
                    int at = f.indexOf("N:");
                    String before = f.substring(0, at);
                    String rest = f.substring(at + 2);
                    int sp = rest.indexOf(' ');
                    String word = sp < 0 ? rest : rest.substring(0, sp);
                    String after = sp < 0 ? "" : rest.substring(sp);
                    next.add(before + word + after);
                    next.add(before + nounPlural(word) + after);
                    changed = true;
                } else if (f.contains("V:")) {
                    int at = f.indexOf("V:");
                    String before = f.substring(0, at);
                    String rest = f.substring(at + 2);
                    int sp = rest.indexOf(' ');
                    String word = sp < 0 ? rest : rest.substring(0, sp);
                    String after = sp < 0 ? "" : rest.substring(sp);
                    next.add(before + word + after);
                    for (String v : regularVerbForms(word)) {
                        next.add(before + v + after);
                    }
                    changed = true;
                } else {
                    next.add(f);
                }
            }
            forms = next;
        }
        return forms;
    }
}
