package org.khaldun.petrarch;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A PETRARCH-compatible event coder over Penn Treebank trees, driven by the user's own PETRARCH dictionaries.
 *
 * <p>It follows PETRARCH's shallow-parse algorithm: the tree is linearized into named-entity slots and verb phrases
 * ({@link Linearizer}); short comma-delimited clauses are removed; each slot gets the code of the first actor it
 * names, extended by its agents, the actor code depending on the sentence date; then each verb phrase whose verb is in
 * the dictionary is matched against the verb's patterns, which fix the event code and may name the source
 * ({@code $}), target ({@code +}), a compound actor ({@code %}) or a phrase to skip ({@code ^}); otherwise the source
 * is the first coded actor before the verb and the target the first coded actor inside the verb phrase. Compound
 * actors yield one event per member; symmetric codes ({@code 032:033}) yield both directions; passive verbs swap
 * source and target. See {@code docs/petrarch.md} for where it departs from PETRARCH.
 *
 * <p>Immutable and thread-safe once built.
 */
public final class PetrarchCoder {

    private final PetrarchDictionaries dictionaries;
    private final Map<String, List<NamedPhrase<PetrarchActors.Entry>>> actors = new HashMap<>();
    private final Map<String, List<NamedPhrase<PetrarchAgents.Entry>>> agents = new HashMap<>();
    private final Map<String, List<VerbChoice>> verbs = new HashMap<>();
    private final Map<String, List<PetrarchVerbs.Pattern>> patternsByBlock = new HashMap<>();
    private final Map<String, List<List<String>>> synsetPhrases = new HashMap<>();

    private record NamedPhrase<T>(Phrase phrase, T entry) {
    }

    private record VerbChoice(PetrarchVerbs.Verb verb, PetrarchVerbs.Form form, PetrarchVerbs.Block block) {
    }

    public PetrarchCoder(PetrarchDictionaries dictionaries) {
        this.dictionaries = dictionaries;
        for (PetrarchActors.Entry e : dictionaries.actors().entries()) {
            for (Phrase p : e.names()) {
                actors.computeIfAbsent(p.first(), k -> new ArrayList<>()).add(new NamedPhrase<>(p, e));
            }
        }
        for (PetrarchAgents.Entry e : dictionaries.agents().entries()) {
            for (Phrase p : e.forms()) {
                agents.computeIfAbsent(p.first(), k -> new ArrayList<>()).add(new NamedPhrase<>(p, e));
            }
        }
        // the longest name wins: ITHILEN TELEVISION before ITHILEN (a stable sort keeps file order otherwise)
        Comparator<NamedPhrase<?>> longestFirst = Comparator.comparingInt(n -> -n.phrase().size());
        actors.values().forEach(l -> l.sort(longestFirst));
        agents.values().forEach(l -> l.sort(longestFirst));
        for (PetrarchVerbs.Block b : dictionaries.verbs().blocks()) {
            patternsByBlock.computeIfAbsent(b.name(), k -> new ArrayList<>()).addAll(b.patterns());
            for (PetrarchVerbs.Verb v : b.verbs()) {
                for (PetrarchVerbs.Form f : v.forms()) {
                    verbs.computeIfAbsent(f.verb(), k -> new ArrayList<>()).add(new VerbChoice(v, f, b));
                }
            }
        }
        for (String name : dictionaries.verbs().synsets().keySet()) {
            synsetPhrases.put(name, expandSynset(name, new LinkedHashSet<>()));
        }
    }

    public PetrarchDictionaries dictionaries() {
        return dictionaries;
    }

    private List<List<String>> expandSynset(String name, Set<String> seen) {
        List<List<String>> out = new ArrayList<>();
        PetrarchVerbs.Synset s = dictionaries.verbs().synsets().get(name);
        if (s == null || !seen.add(name)) {
            return out;
        }
        for (Phrase m : s.members()) {
            if (m.first().startsWith("&")) {
                out.addAll(expandSynset(m.first(), seen));
            } else {
                out.add(m.words());
            }
        }
        return out;
    }

    // ================================================================== entry point

    /** Codes one sentence with the default options. */
    public CodingResult code(String pennTree, LocalDate date) {
        return code(pennTree, date, CoderOptions.DEFAULTS);
    }

    /**
     * Codes one sentence.
     *
     * @param pennTree the sentence's constituency parse, e.g. {@code (ROOT (S (NP (NNP Arnor)) (VP ...)))}
     * @param date     the sentence date, which selects date-restricted actor codes
     */
    public CodingResult code(String pennTree, LocalDate date, CoderOptions options) {
        PennTree tree;
        try {
            tree = PennTree.parse(pennTree);
        } catch (PennTree.MalformedTreeException e) {
            return CodingResult.rejected("bad_input_parse", e.getMessage());
        }
        // before linearizing: the linearizer folds clauses into their words, which hides them from the tree
        java.util.IdentityHashMap<String, Integer> leafOf = tree.leafPositions();
        Optional<CodingResult.Rejection> discard = discard(tree.words());
        if (discard.isPresent()) {
            return new CodingResult(List.of(), discard, List.of());
        }
        List<String> tokens = new ArrayList<>(Linearizer.linearize(tree));
        int start = tokens.get(0).equals("(") ? 2 : 1;
        if (isDateline(tokens)) {
            return CodingResult.rejected("dateline", "the sentence opens with a compound place line");
        }
        CommaClauses.remove(tokens, options);
        if (!balanced(tokens)) {
            return CodingResult.rejected("bad_final_parse", "clause removal left an unbalanced sentence");
        }
        expandCompoundSlots(tokens, start);
        Sentence s = new Sentence(tokens, start, date, options, leafOf);
        s.codeSlots();
        List<CodingResult.Event> events = s.codeVerbs();
        return new CodingResult(events, Optional.empty(), tokens);
    }

    // ================================================================== discards, datelines

    /**
     * The discard that {@code words} (a sentence's words, upper case) trigger, if any: a story discard first. Cheap,
     * so a caller can skip a sentence, or a whole story, before parsing it.
     */
    public Optional<CodingResult.Rejection> discard(List<String> words) {
        String text = " " + String.join(" ", words) + " ";
        for (boolean story : new boolean[] {true, false}) {
            for (PetrarchDiscards.Entry d : dictionaries.discards().entries()) {
                if (d.wholeStory() != story) {
                    continue;
                }
                String needle = " " + String.join(" ", d.phrase()) + (d.wordEnd() ? " " : "");
                if (text.contains(needle)) {
                    return Optional.of(new CodingResult.Rejection(story ? "storydiscard" : "sentencediscard",
                            d.text() + " (" + d.source() + ")"));
                }
            }
        }
        return Optional.empty();
    }

    /** PETRARCH skips sentences that open with a place line parsed as a compound noun phrase ("CEBU CITY: -- ..."). */
    private static boolean isDateline(List<String> tokens) {
        List<String> tags = new ArrayList<>();
        for (String t : tokens) {
            if (t.startsWith("(")) {
                tags.add(t);
                if (tags.size() == 3) {
                    break;
                }
            }
        }
        return tags.equals(List.of("(ROOT", "(NE", "(NEC"));
    }

    private static boolean balanced(List<String> tokens) {
        int depth = 0;
        for (String t : tokens) {
            if (t.startsWith("(")) {
                depth++;
            } else if (t.startsWith("~")) {
                depth--;
            }
        }
        return depth == 0;
    }

    // ================================================================== compound slots

    /**
     * A slot such as {@code (NE --- THE AMBASSADORS OF (NEC ARNOR , OSGILIATH AND GONDOR) ~NE} becomes one slot per
     * member, each keeping the words around the compound: "THE AMBASSADORS ARNOR", "THE AMBASSADORS OSGILIATH", ...
     */
    private static void expandCompoundSlots(List<String> t, int start) {
        int k = start;
        while (k < t.size()) {
            if (t.get(k).equals("(NE")) {
                int end = indexOf(t, "~NE", k);
                if (end < 0) {
                    return;
                }
                int nec = indexOf(t, "(NEC", k, end);
                if (nec >= 0) {
                    List<String> expanded = expandSlot(t, k, end, nec, false);
                    replace(t, k, end, expanded);
                    k += expanded.size();
                    continue;
                }
                k = end;
            }
            k++;
        }
    }

    /**
     * Expands the slot {@code t[from..to]} whose first inner compound starts at {@code nec}. {@code nested} is set for
     * members of an already expanded compound, whose remaining compound is expanded in place.
     */
    private static List<String> expandSlot(List<String> t, int from, int to, int nec, boolean nested) {
        int necEnd = matching(t, nec, to);
        List<String> pre = new ArrayList<>(t.subList(from + 1, nested ? nec : Math.max(from + 1, nec - 1)));
        List<String> post = new ArrayList<>(t.subList(necEnd + 1, to));
        List<String> out = new ArrayList<>();
        if (!nested) {
            out.add("(NEC");
        }
        int ka = nec + 1;
        while (ka < necEnd) {
            String tok = t.get(ka);
            if (tok.startsWith("(N")) {
                String close = "~" + tok.substring(1);
                int end = indexOf(t, close, ka + 1, necEnd);
                if (end < 0) {
                    end = necEnd;
                }
                List<String> member = new ArrayList<>();
                member.add("(NE");
                member.add(DatedCode.NULL_CODE);
                member.addAll(pre);
                member.addAll(t.subList(ka + 1, end));
                member.addAll(post);
                member.add("~NE");
                int inner = indexOf(member, "(NEC", 1, member.size());
                if (inner >= 0) {
                    out.addAll(expandSlot(member, 0, member.size() - 1, inner, true));
                } else {
                    out.addAll(member);
                }
                ka = end;
            }
            ka++;
        }
        if (!nested) {
            out.add("~NEC");
        }
        return out;
    }

    private static int matching(List<String> t, int open, int limit) {
        String close = "~" + t.get(open).substring(1);
        int depth = 0;
        for (int i = open; i < limit; i++) {
            if (t.get(i).equals(t.get(open))) {
                depth++;
            } else if (t.get(i).equals(close) && --depth == 0) {
                return i;
            }
        }
        return limit - 1;
    }

    static int indexOf(List<String> t, String what, int from) {
        return indexOf(t, what, from, t.size());
    }

    static int indexOf(List<String> t, String what, int from, int to) {
        for (int i = Math.max(0, from); i < Math.min(to, t.size()); i++) {
            if (t.get(i).equals(what)) {
                return i;
            }
        }
        return -1;
    }

    private static void replace(List<String> t, int from, int to, List<String> with) {
        t.subList(from, to + 1).clear();
        t.addAll(from, with);
    }

    // ================================================================== one sentence

    /** An actor slot (NE) or a compound of slots (NEC) of the linear form. */
    static final class Slot {
        final boolean compound;
        final int open;
        int close = -1;
        String code = DatedCode.NULL_CODE;
        final List<String> words = new ArrayList<>();
        final List<Slot> members = new ArrayList<>();
        /** tree leaves of the slot's words, in order */
        final List<Integer> leaves = new ArrayList<>();
        /** first leaf of the actor name that gave the code, or -1 */
        int nameLeaf = -1;
        /** the actor and agent lines that made the code */
        final List<SourceLine> lines = new ArrayList<>();

        Slot(boolean compound, int open) {
            this.compound = compound;
            this.open = open;
        }

        boolean coded() {
            return compound || !code.equals(DatedCode.NULL_CODE);
        }
    }

    /** An element of an upper or lower sequence, in matching order (outward from the verb). */
    private record Item(String word, Slot slot, boolean enter) {
        boolean isWord() {
            return word != null;
        }
    }

    private final class Sentence {
        final List<String> t;
        final int start;
        final LocalDate date;
        final CoderOptions options;
        final Map<Integer, Slot> slotAt = new HashMap<>();
        final java.util.IdentityHashMap<String, Integer> leafOf;

        Sentence(List<String> tokens, int start, LocalDate date, CoderOptions options,
                java.util.IdentityHashMap<String, Integer> leafOf) {
            this.t = tokens;
            this.start = start;
            this.date = date;
            this.options = options;
            this.leafOf = leafOf;
        }

        /** The span of leaves of the words in {@code t[from..to]}. */
        CodingResult.Span leafSpan(int from, int to) {
            int lo = Integer.MAX_VALUE;
            int hi = -1;
            for (int i = Math.max(from, 0); i <= to && i < t.size(); i++) {
                Integer leaf = leafOf.get(t.get(i));
                if (leaf != null) {
                    lo = Math.min(lo, leaf);
                    hi = Math.max(hi, leaf);
                }
            }
            return hi < 0 ? CodingResult.Span.NONE : new CodingResult.Span(lo, hi);
        }

        /** The unbroken run of the slot's leaves around its actor name (else around its last word). */
        CodingResult.Span slotSpan(Slot s) {
            if (s.leaves.isEmpty()) {
                return CodingResult.Span.NONE;
            }
            java.util.TreeSet<Integer> set = new java.util.TreeSet<>(s.leaves);
            int anchor = s.nameLeaf >= 0 && set.contains(s.nameLeaf) ? s.nameLeaf : set.last();
            int from = anchor;
            while (set.contains(from - 1)) {
                from--;
            }
            int to = anchor;
            while (set.contains(to + 1)) {
                to++;
            }
            return new CodingResult.Span(from, to);
        }

        // ---------------------------------------------------------- slots

        void codeSlots() {
            List<Slot> open = new ArrayList<>();
            for (int i = 0; i < t.size(); i++) {
                String tok = t.get(i);
                if (tok.equals("(NE")) {
                    Slot s = new Slot(false, i);
                    if (!open.isEmpty() && open.get(open.size() - 1).compound) {
                        open.get(open.size() - 1).members.add(s);
                    }
                    open.add(s);
                    slotAt.put(i, s);
                } else if (tok.startsWith("(NEC")) {
                    Slot s = new Slot(true, i);
                    open.add(s);
                    slotAt.put(i, s);
                } else if ((tok.equals("~NE") || tok.startsWith("~NEC")) && !open.isEmpty()) {
                    Slot s = open.remove(open.size() - 1);
                    s.close = i;
                    slotAt.put(i, s);
                } else if (!open.isEmpty() && !open.get(open.size() - 1).compound && isWord(tok)
                        && i != open.get(open.size() - 1).open + 1) {
                    open.get(open.size() - 1).words.add(tok);
                }
            }
            for (Slot s : new LinkedHashSet<>(slotAt.values())) {
                if (!s.compound) {
                    List<String> phrase = new ArrayList<>();
                    for (int i = s.open + 2; i < s.close; i++) {
                        String tok = t.get(i);
                        if (!(tok.length() > 2 && tok.substring(1, 3).equals("NN"))) {
                            phrase.add(tok);
                        }
                    }
                    s.code = codePhrase(phrase, s);
                    t.set(s.open + 1, s.code);
                    for (int i = s.open + 1; i < s.close; i++) {
                        Integer leaf = leafOf.get(t.get(i));
                        if (leaf != null) {
                            s.leaves.add(leaf);
                        }
                    }
                }
            }
        }

        /**
         * The code of a noun phrase: the first actor named in it (longest name first), then every agent outside that
         * name, each added once: {@code ~GOV} after the actor code, {@code NGO~} before it.
         */
        String codePhrase(List<String> phrase, Slot slot) {
            String actor = "";
            int actorFrom = -1;
            int actorTo = -1;
            for (int k = 0; k < phrase.size() && actor.isEmpty(); k++) {
                List<NamedPhrase<PetrarchActors.Entry>> cands = actors.get(phrase.get(k));
                if (cands == null) {
                    continue;
                }
                for (NamedPhrase<PetrarchActors.Entry> c : cands) {
                    int len = matchLength(c.phrase(), phrase, k);
                    if (len > 0) {
                        actor = DatedCode.resolve(c.entry().codes(), date);
                        actorFrom = k;
                        actorTo = k + len;
                        slot.nameLeaf = leafOf.getOrDefault(phrase.get(k), -1);
                        slot.lines.add(c.entry().source());
                        break;
                    }
                }
            }
            List<PetrarchAgents.Entry> found = new ArrayList<>();
            List<Boolean> formerAt = new ArrayList<>();
            for (int k = 0; k < phrase.size(); k++) {
                if (k >= actorFrom && k < actorTo) {
                    continue;
                }
                List<NamedPhrase<PetrarchAgents.Entry>> cands = agents.get(phrase.get(k));
                if (cands == null) {
                    continue;
                }
                for (NamedPhrase<PetrarchAgents.Entry> c : cands) {
                    int len = matchLength(c.phrase(), phrase, k);
                    if (len > 0) {
                        found.add(c.entry());
                        formerAt.add(phrase.subList(0, k).contains("FORMER"));
                        k += len - 1;
                        break;
                    }
                }
            }
            if (found.isEmpty()) {
                return actor.isEmpty() ? DatedCode.NULL_CODE : actor;
            }
            String code = actor.isEmpty() ? DatedCode.NULL_CODE : actor;
            for (int i = 0; i < found.size(); i++) {
                PetrarchAgents.Entry a = found.get(i);
                // CAMEO's ELI (elites) covers former office holders: "former security officials" (TABARI's rule)
                String agentCode = formerAt.get(i) && !a.prefix() ? "ELI" : a.code();
                if (containsCodeBlock(code, agentCode)) {
                    break; // PETRARCH stops at the first agent already present
                }
                code = a.prefix() ? agentCode + code : code + agentCode;
                slot.lines.add(a.source());
            }
            return code;
        }

        // ---------------------------------------------------------- verbs

        List<CodingResult.Event> codeVerbs() {
            List<CodingResult.Event> events = new ArrayList<>();
            int k = start;
            while (k < t.size()) {
                if (t.get(k).startsWith("(VP") && k + 1 < t.size() && t.get(k + 1).startsWith("(VB")) {
                    String endTag = "~" + t.get(k).substring(1);
                    int anchor = k;
                    int verbAt = k + 2;
                    int passiveVerb = passiveVerb(k);
                    if (passiveVerb > 0) {
                        verbAt = passiveVerb;
                        anchor = passiveVerb - 2;
                    }
                    if (codeVerb(anchor, verbAt, endTag, passiveVerb > 0, events)) {
                        while (k < t.size() && !t.get(k).equals(endTag)) {
                            k++;
                        }
                    }
                }
                k++;
            }
            List<CodingResult.Event> unique = new ArrayList<>();
            Set<List<String>> seen = new java.util.HashSet<>();
            for (CodingResult.Event e : events) {
                if (options.requireDyad()
                        && (e.source().equals(DatedCode.NULL_CODE) || e.target().equals(DatedCode.NULL_CODE))) {
                    continue;
                }
                if (seen.add(List.of(e.source(), e.target(), e.code()))) {
                    unique.add(e);
                }
            }
            return unique;
        }

        /**
         * PETRARCH's passive test: a past participle in the phrase, followed by BY, after an auxiliary WAS, IS or
         * BEEN. Returns the participle's position, or 0.
         */
        int passiveVerb(int vp) {
            int end = indexOf(t, "~" + t.get(vp).substring(1), 0);
            if (end < 0 || indexOf(t, "(VBN", vp + 3, end) < 0) {
                return 0;
            }
            int participleEnd = indexOf(t, "~VBN", vp + 3);
            if (participleEnd < 0 || indexOf(t, "BY", participleEnd + 3, end) < 0) {
                return 0;
            }
            for (int ka = participleEnd - 3; ka > vp; ka--) {
                if (t.get(ka).contains("~VB") && Set.of("WAS", "IS", "BEEN").contains(t.get(ka - 1))) {
                    return participleEnd - 1;
                }
            }
            return 0;
        }

        /** Codes the verb at {@code verbAt}; true when the verb (or a pattern) had a code. */
        boolean codeVerb(int anchor, int verbAt, String endTag, boolean passive, List<CodingResult.Event> events) {
            List<VerbChoice> cands = verbs.get(t.get(verbAt));
            if (cands == null) {
                return false;
            }
            VerbChoice chosen = null;
            int verbStart = verbAt;
            int verbEnd = verbAt;
            for (VerbChoice c : cands) {
                if (!c.form().after().isEmpty() && c.form().before().isEmpty()) {
                    int end = followedBy(verbAt + 1, c.form().after());
                    if (end >= 0) {
                        chosen = c;
                        verbEnd = end;
                        break;
                    }
                }
            }
            if (chosen == null) {
                for (VerbChoice c : cands) {
                    if (!c.form().before().isEmpty() && c.form().after().isEmpty()) {
                        int begin = precededBy(anchor - 1, c.form().before());
                        if (begin >= 0) {
                            chosen = c;
                            verbStart = begin;
                            break;
                        }
                    }
                }
            }
            if (chosen == null) {
                for (VerbChoice c : cands) {
                    if (c.form().before().isEmpty() && c.form().after().isEmpty()) {
                        chosen = c; // a later dictionary entry for the same form overrides an earlier one
                    }
                }
            }
            if (chosen == null) {
                return false;
            }
            List<Item> upper = upper(verbStart - 1);
            List<Item> lower = lower(verbEnd + 1, endTag);
            String code = chosen.verb().code();
            SourceLine rule = chosen.verb().source();
            String patternText = "";
            Bindings bound = new Bindings();
            for (PetrarchVerbs.Pattern p : patternsByBlock.getOrDefault(chosen.block().name(), List.of())) {
                Bindings b = new Bindings();
                if (matchSide(p.lower(), lower, 0, 0, b, false) && matchSide(p.upper(), upper, 0, 0, b, true)) {
                    if (!nullCode(p.code())) {
                        code = p.code();
                        rule = p.source();
                        patternText = p.text();
                        bound = b;
                    }
                    break;
                }
            }
            if (nullCode(code)) {
                return false;
            }
            Slot source = bound.source;
            Slot target = bound.target;
            if (source == null && target == null) {
                source = defaultSource(upper, null);
                target = source == null ? null : defaultTarget(lower, upper, source);
            } else if (target == null) {
                target = defaultTarget(lower, upper, source);
            } else if (source == null) {
                source = defaultSource(upper, target);
            }
            if (source != null && target != null) {
                CodingResult.Span verbSpan = leafSpan(verbStart, verbEnd);
                makeEvents(source, target, code, t.get(verbAt), verbSpan, rule, patternText, passive, events);
            }
            return true;
        }

        /** End position of the words {@code after} following {@code from} (markup and stop words skipped), or -1. */
        int followedBy(int from, List<String> after) {
            int i = from;
            for (String w : after) {
                while (i < t.size() && skippable(t.get(i))) {
                    i++;
                }
                if (i >= t.size() || !t.get(i).equals(w)) {
                    return -1;
                }
                i++;
            }
            return i - 1;
        }

        int precededBy(int from, List<String> before) {
            int i = from;
            for (int b = before.size() - 1; b >= 0; b--) {
                while (i >= start && skippable(t.get(i))) {
                    i--;
                }
                if (i < start || !t.get(i).equals(before.get(b))) {
                    return -1;
                }
                i--;
            }
            return i + 1;
        }

        // ---------------------------------------------------------- sequences

        /** Everything before the verb back to the start of the sentence or the nearest comma, nearest first. */
        List<Item> upper(int from) {
            List<Item> out = new ArrayList<>();
            for (int i = from; i >= start; i--) {
                String tok = t.get(i);
                if (tok.contains("~,")) {
                    break;
                }
                addItem(i, tok, out, true);
            }
            return out;
        }

        /** The rest of the verb phrase, in text order. */
        List<Item> lower(int from, String endTag) {
            List<Item> out = new ArrayList<>();
            for (int i = from; i < t.size() && !t.get(i).equals(endTag); i++) {
                addItem(i, t.get(i), out, false);
            }
            return out;
        }

        void addItem(int i, String tok, List<Item> out, boolean upper) {
            Slot s = slotAt.get(i);
            if (s != null) {
                boolean opening = s.open == i;
                out.add(new Item(null, s, upper != opening));
            } else if (isWord(tok) && !(i > 0 && t.get(i - 1).equals("(NE"))) {
                out.add(new Item(tok, null, false));
            }
        }

        // ---------------------------------------------------------- patterns

        final class Bindings {
            Slot source;
            Slot target;

            Bindings copy() {
                Bindings b = new Bindings();
                b.source = source;
                b.target = target;
                return b;
            }

            void set(Bindings b) {
                source = b.source;
                target = b.target;
            }
        }

        /**
         * Matches pattern elements (text order) against a sequence (matching order). For the upper side the elements
         * are taken from the one nearest the verb outward.
         */
        boolean matchSide(List<PetrarchVerbs.Element> elements, List<Item> seq, int ei, int pos, Bindings b,
                boolean upper) {
            if (ei == elements.size()) {
                return true;
            }
            PetrarchVerbs.Element e = elements.get(upper ? elements.size() - 1 - ei : ei);
            boolean actorElement = e.kind() != PetrarchVerbs.Kind.WORD && e.kind() != PetrarchVerbs.Kind.SYNSET;
            boolean compoundOnly = e.kind() == PetrarchVerbs.Kind.COMPOUND;
            boolean past = e.kind() == PetrarchVerbs.Kind.SKIP || compoundOnly;
            boolean roleElement = e.kind() == PetrarchVerbs.Kind.SOURCE || e.kind() == PetrarchVerbs.Kind.TARGET;
            Slot inside = actorElement ? insideAt(seq, pos, compoundOnly) : null;
            // an actor element first stands for the phrase the match is already in ("* MAY_DAY $", "* THEIR ^"),
            // except that a source or target must be a coded actor to be taken from there
            if (inside != null && (!roleElement || inside.coded())) {
                if (tryCandidate(elements, seq, ei, e, new Candidate(past ? exitAfter(seq, pos, inside) : pos,
                        inside), b, upper)) {
                    return true;
                }
            }
            // then the next phrases (coded actors before uncoded ones for a source or target)
            for (int pass = roleElement ? 0 : 1; pass < 2; pass++) {
                for (int q = pos; q <= seq.size(); q++) {
                    if (e.tight() && q > pos && seq.get(q - 1).isWord()) {
                        break; // a word in between: an underscore connector forbids it
                    }
                    for (Candidate c : candidates(e, seq, q, upper)) {
                        if (roleElement && c.slot() != null && c.slot().coded() != (pass == 0)) {
                            continue;
                        }
                        if (tryCandidate(elements, seq, ei, e, c, b, upper)) {
                            return true;
                        }
                    }
                }
            }
            if (inside != null && roleElement && !inside.coded()) {
                return tryCandidate(elements, seq, ei, e, new Candidate(pos, inside), b, upper);
            }
            return false;
        }

        private boolean tryCandidate(List<PetrarchVerbs.Element> elements, List<Item> seq, int ei,
                PetrarchVerbs.Element e, Candidate c, Bindings b, boolean upper) {
            Bindings saved = b.copy();
            if (c.slot() != null) {
                switch (e.kind()) {
                    case SOURCE -> b.source = c.slot();
                    case TARGET -> b.target = c.slot();
                    case COMPOUND -> {
                        // before the verb a compound acts on itself ("A and B agreed"); after it, it is the target
                        b.target = c.slot();
                        if (upper) {
                            b.source = c.slot();
                        }
                    }
                    default -> {
                    }
                }
            }
            if (matchSide(elements, seq, ei + 1, c.next(), b, upper)) {
                return true;
            }
            b.set(saved);
            return false;
        }

        private record Candidate(int next, Slot slot) {
        }

        /** Ways element {@code e} can match starting exactly at {@code q} (none when it does not). */
        List<Candidate> candidates(PetrarchVerbs.Element e, List<Item> seq, int q, boolean upper) {
            List<Candidate> out = new ArrayList<>();
            switch (e.kind()) {
                case WORD -> {
                    if (q < seq.size() && e.text().equals(seq.get(q).word())) {
                        out.add(new Candidate(q + 1, null));
                    }
                }
                case SYNSET -> {
                    for (List<String> member : synsetPhrases.getOrDefault(e.text(), List.of())) {
                        int end = phraseAt(member, seq, q, upper);
                        if (end >= 0) {
                            out.add(new Candidate(end, null));
                        }
                    }
                }
                case SOURCE, TARGET, SKIP, COMPOUND -> {
                    if (q < seq.size() && seq.get(q).slot() != null && seq.get(q).enter()) {
                        Slot s = seq.get(q).slot();
                        if (e.kind() != PetrarchVerbs.Kind.COMPOUND || s.compound) {
                            boolean past = e.kind() == PetrarchVerbs.Kind.SKIP
                                    || e.kind() == PetrarchVerbs.Kind.COMPOUND;
                            out.add(new Candidate(past ? exitAfter(seq, q, s) : q + 1, s));
                        }
                    }
                }
            }
            return out;
        }

        /** The innermost slot (a compound if {@code compound}) that position {@code pos} lies inside. */
        Slot insideAt(List<Item> seq, int pos, boolean compound) {
            List<Slot> stack = new ArrayList<>();
            for (int i = 0; i < pos && i < seq.size(); i++) {
                Item it = seq.get(i);
                if (it.slot() != null) {
                    if (it.enter()) {
                        stack.add(it.slot());
                    } else {
                        stack.remove(it.slot());
                    }
                }
            }
            for (int i = stack.size() - 1; i >= 0; i--) {
                if (stack.get(i).compound == compound) {
                    return stack.get(i);
                }
            }
            // a sequence can start inside a phrase (a multi-word verb cutting into it): its exit comes first
            Set<Slot> entered = new java.util.HashSet<>(stack);
            for (int i = pos; i < seq.size(); i++) {
                Item it = seq.get(i);
                if (it.slot() != null) {
                    if (it.enter()) {
                        entered.add(it.slot());
                    } else if (!entered.contains(it.slot()) && it.slot().compound == compound) {
                        return it.slot();
                    }
                }
            }
            return null;
        }

        int exitAfter(List<Item> seq, int from, Slot s) {
            for (int i = from; i < seq.size(); i++) {
                if (seq.get(i).slot() == s && !seq.get(i).enter()) {
                    return i + 1;
                }
            }
            return seq.size();
        }

        /** End position of a synset member phrase starting at {@code q}, or -1. */
        int phraseAt(List<String> words, List<Item> seq, int q, boolean upper) {
            int i = q;
            for (int w = 0; w < words.size(); w++) {
                String want = words.get(upper ? words.size() - 1 - w : w);
                if (w > 0) {
                    while (i < seq.size() && !seq.get(i).isWord()) {
                        i++;
                    }
                }
                if (i >= seq.size() || !want.equals(seq.get(i).word())) {
                    return -1;
                }
                i++;
            }
            return i;
        }

        // ---------------------------------------------------------- default roles

        /**
         * PETRARCH's source: the first (leftmost) compound or coded actor before the verb, else the first actor
         * there; never the target.
         */
        Slot defaultSource(List<Item> upper, Slot target) {
            String excluded = target != null && !target.compound ? target.code : null;
            Slot fallback = null;
            for (int i = upper.size() - 1; i >= 0; i--) {
                Item it = upper.get(i);
                if (it.slot() == null || !opensInText(it, true) || it.slot() == target) {
                    continue;
                }
                Slot s = it.slot();
                if (s.compound || (s.coded() && !s.code.equals(excluded))) {
                    return s;
                }
                if (fallback == null && !s.compound) {
                    fallback = s;
                }
            }
            return fallback;
        }

        /**
         * PETRARCH's target: the first compound or coded actor in the verb phrase with a code other than the
         * source's, else the first actor there; failing both, the nearest such actor before the verb.
         */
        Slot defaultTarget(List<Item> lower, List<Item> upper, Slot source) {
            String excluded = source != null && !source.compound ? source.code : null;
            for (Item it : lower) {
                Slot s = it.slot();
                if (s != null && it.enter() && s != source
                        && (s.compound || (s.coded() && !s.code.equals(excluded)))) {
                    return s;
                }
            }
            for (Item it : lower) {
                Slot s = it.slot();
                if (s != null && it.enter() && !s.compound && s != source && !s.coded()) {
                    return s;
                }
            }
            for (Item it : upper) {
                Slot s = it.slot();
                if (s != null && !s.compound && s != source && s.coded() && !s.code.equals(excluded)) {
                    return s;
                }
            }
            for (Item it : upper) {
                Slot s = it.slot();
                if (s != null && !s.compound && s != source && !s.coded()) {
                    return s;
                }
            }
            return null;
        }

        private boolean opensInText(Item it, boolean upper) {
            return upper ? !it.enter() : it.enter();
        }

        // ---------------------------------------------------------- events

        /** An actor as an event shows it: its code and the slot it came from. */
        record Shown(String code, Slot slot) {
        }

        List<Shown> codes(Slot s) {
            List<Shown> out = new ArrayList<>();
            if (s.compound) {
                for (Slot m : s.members) {
                    out.add(new Shown(shown(m), m));
                }
                if (out.isEmpty()) {
                    out.add(new Shown(DatedCode.NULL_CODE, s));
                }
            } else {
                out.add(new Shown(shown(s), s));
            }
            List<Shown> expanded = new ArrayList<>();
            for (Shown c : out) {
                if (c.code().contains("/") && !c.code().startsWith("\"")) {
                    for (String part : c.code().split("/")) {
                        if (!part.isEmpty()) {
                            expanded.add(new Shown(part, c.slot()));
                        }
                    }
                } else {
                    expanded.add(c);
                }
            }
            return expanded;
        }

        /** The slot's code, or its words in quotes when it has none and quoting is on. */
        String shown(Slot s) {
            if (!s.code.equals(DatedCode.NULL_CODE) || options.newActorLength() <= 0) {
                return s.code;
            }
            String q = "\"" + String.join(" ", s.words) + "\"";
            long blanks = q.chars().filter(c -> c == ' ').count();
            return blanks < options.newActorLength() ? q : s.code;
        }

        void makeEvents(Slot source, Slot target, String code, String verb, CodingResult.Span verbSpan,
                SourceLine rule, String pattern, boolean passive, List<CodingResult.Event> events) {
            List<Shown> src = codes(source);
            List<Shown> tgt = codes(target);
            int colon = code.indexOf(':');
            if (colon >= 0) {
                if (src.get(0).code().equals(DatedCode.NULL_CODE) || tgt.get(0).code().equals(DatedCode.NULL_CODE)) {
                    if (tgt.get(0).code().equals(DatedCode.NULL_CODE)) {
                        tgt = src;
                    } else {
                        src = tgt;
                    }
                }
                pairs(src, tgt, code.substring(0, colon), verb, verbSpan, rule, pattern, passive, events);
                pairs(tgt, src, code.substring(colon + 1), verb, verbSpan, rule, pattern, passive, events);
            } else {
                pairs(src, tgt, code, verb, verbSpan, rule, pattern, passive, events);
            }
        }

        void pairs(List<Shown> src, List<Shown> tgt, String code, String verb, CodingResult.Span verbSpan,
                SourceLine rule, String pattern, boolean passive, List<CodingResult.Event> events) {
            if (code.isBlank()) {
                return;
            }
            for (Shown s : src) {
                for (Shown g : tgt) {
                    if (s.code().equals(g.code())) {
                        continue; // no actor acts on itself
                    }
                    Shown from = passive ? g : s;
                    Shown to = passive ? s : g;
                    CodingResult.Trace trace = new CodingResult.Trace(verbSpan, slotSpan(from.slot()),
                            slotSpan(to.slot()), from.slot().lines, to.slot().lines);
                    events.add(new CodingResult.Event(from.code(), to.code(), code, verb, rule, pattern, passive,
                            trace));
                }
            }
        }
    }

    // ================================================================== helpers

    /** Number of phrase tokens matched by {@code name} starting at {@code k} (whose word is the name's first), or 0. */
    static int matchLength(Phrase name, List<String> phrase, int k) {
        if (!phrase.get(k).equals(name.first())) {
            return 0;
        }
        int j = k + 1;
        for (int w = 1; w < name.size(); w++) {
            String want = name.words().get(w);
            if (name.tight().get(w - 1)) {
                if (j >= phrase.size() || !phrase.get(j).equals(want)) {
                    return 0;
                }
                j++;
            } else {
                while (j < phrase.size() && !phrase.get(j).equals(want)) {
                    j++;
                }
                if (j >= phrase.size()) {
                    return 0;
                }
                j++;
            }
        }
        return j - k;
    }

    /**
     * The codes that make no event: {@code ---} (null), and TABARI's {@code +++} (complex) and {@code ###} (discard),
     * which PETRARCH dictionaries inherited.
     */
    static boolean nullCode(String code) {
        return code.equals("---") || code.equals("+++") || code.equals("###");
    }

    /** Whether the 3-letter-aligned blocks of {@code code} already contain {@code part}. */
    static boolean containsCodeBlock(String code, String part) {
        for (int k = 0; k + part.length() <= code.length(); k += 3) {
            if (code.startsWith(part, k)) {
                return true;
            }
        }
        return false;
    }

    static boolean isWord(String tok) {
        return !tok.isEmpty() && tok.charAt(0) != '(' && tok.charAt(0) != '~';
    }

    private static final Set<String> STOP = Set.of("THE", "A", "AN", "IT", "HE", "THEY", "HER", "HAS", "HAD",
            "HAVE", "SOME", "FEW", "THAT", "HUNDRED", "THOUSAND", "MILLION", "BILLION", "TRILLION", "DOZEN", "ONE",
            "TWO", "THREE", "FOUR", "FIVE", "SIX", "SEVEN", "EIGHT", "NINE", "DOLLAR", "DUCAT");

    /** What may come between the words of a multi-word verb: markup, articles, pronouns, auxiliaries, numbers. */
    static boolean skippable(String tok) {
        return !isWord(tok) || STOP.contains(tok) || tok.chars().allMatch(Character::isDigit);
    }
}
