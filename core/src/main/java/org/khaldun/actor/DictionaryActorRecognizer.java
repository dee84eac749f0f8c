package org.khaldun.actor;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.khaldun.actor.ActorEntry.Kind;
import org.khaldun.article.Article;
import org.khaldun.nlp.Sentence;
import org.khaldun.nlp.Token;

/**
 * Finds actors with an {@link ActorDictionary} and resolves references inside the article, on tokens
 * alone (no tags, no parse).
 *
 * <p>Per sentence: longest dictionary match at each token (one hash lookup per token advanced), then the
 * matches are combined into actor phrases — modifier + agent ("Iraqi parliament" → IRQLEG), title + name
 * ("Iranian Judiciary Chief Gholamhossein Mohseni Ejei" → IRNJUD), title "of" institution, apposition
 * ("the Acting Speaker of the Iraqi Parliament, Mohsen Al-Mandalawi") — and references are resolved to
 * earlier mentions: pronouns, short names, "the country", "the two countries". A country or capital after
 * a locative preposition ("in Baghdad") is a place, never an actor. The {@code rule} of each mention says
 * which pattern fired and which dictionary lines it used. The behaviour is specified in
 * {@code docs/dictionaries.md}.
 *
 * <p>Immutable and thread-safe: all per-article state lives in a run object.
 */
public final class DictionaryActorRecognizer implements ActorRecognizer {

    /** Praise verbs after which "its" is another's: actors do not commend their own doings in the news. */
    private static final Set<String> PRAISE_FORMS = Set.of("commended", "commends", "commend", "praised", "praises",
            "praise", "hailed", "hails", "hail", "lauded", "lauds", "laud", "applauded", "applauds", "applaud",
            "congratulated", "congratulates", "congratulate", "saluted", "salutes", "salute");

    private static final Set<String> DETERMINERS = Set.of("the", "a", "an");
    /** before a country name, these make it a place */
    private static final Set<String> LOCATIVE = Set.of("in", "at", "near", "across", "into", "inside", "outside",
            "throughout", "within", "around", "over");
    /** before a capital or seat, these too ("flew to Tehran", "returned from Moscow") */
    private static final Set<String> LOCATIVE_CITY = Set.of("to", "from", "toward", "towards", "via", "through",
            "in", "at", "near", "across", "into", "inside", "outside", "throughout", "within", "around", "over");
    private static final Set<String> POSSESSIVE = Set.of("'s", "'", "’s", "’");
    private static final Set<String> CONJUNCTIONS = Set.of("and", "or", ",", "&");
    /** finite reporting verbs and auxiliaries: after ", the army" they make it the subject of a new clause */
    private static final Set<String> CLAUSE_VERBS = Set.of("said", "says", "say", "told", "tells", "added", "adds",
            "stated", "states", "announced", "announces", "reported", "reports", "confirmed", "confirms", "claimed",
            "claims", "warned", "warns", "noted", "notes", "wrote", "writes", "insisted", "insists", "explained",
            "declared", "denied", "denies", "acknowledged", "alleged", "has", "have", "had", "is", "are", "was", "were",
            "will", "would", "could", "can", "may", "might", "should", "must");
    /** Reporting verbs after which "it" is the reporter ("The ministry said it …"). */
    private static final Set<String> REPORTER_IT_VERBS = Set.of("said", "says", "say", "added", "adds", "stated",
            "states", "announced", "announces", "reported", "reports", "confirmed", "confirms", "claimed", "claims",
            "warned", "warns", "insisted", "insists", "declared", "declares", "denied", "denies", "acknowledged",
            "acknowledges", "admitted", "admits", "vowed", "vows", "pledged", "pledges", "promised", "promises");
    /** Words that follow an object "it", not a subject one: punctuation aside, prepositions and conjunctions. */
    private static final Set<String> NOT_AFTER_SUBJECT_IT = Set.of("to", "on", "in", "at", "for", "from", "with",
            "by", "as", "after", "before", "during", "over", "about", "into", "and", "or", "but", "because", "when",
            "while", "since", "until", "the", "a", "an", "this", "that", "again", "too", "publicly", "yesterday",
            "today", "later", "earlier");
    /** A day between the reporting verb and "it": "said on Friday it …", "announced Tuesday that it …". */
    private static final Set<String> REPORT_DAY_WORDS = Set.of("on", "monday", "tuesday", "wednesday", "thursday",
            "friday", "saturday", "sunday", "yesterday", "today", "tonight", "late", "early", "earlier", "that");
    /** Between a mention and a reporting verb, these put the mention in another clause. */
    private static final Set<String> CLAUSE_OPENERS = Set.of("that", "which", "who", "and", "but", ";");
    private static final Set<String> BE_FORMS = Set.of("is", "was", "are", "were", "'s", "be", "been");
    private static final Set<String> DUMMY_IT_CONTINUATIONS = Set.of("that", "whether", "if", "to", "how", "when",
            "why", "what", "who", "where");
    private static final Set<String> HE = Set.of("he", "she");
    private static final Set<String> HIS = Set.of("his", "him", "her", "hers", "himself", "herself");
    private static final Set<String> THEY = Set.of("they", "them", "their", "theirs", "themselves");
    private static final Set<String> NAME_PARTICLES = Set.of("al", "el", "bin", "ibn", "bint", "abu", "abd", "ben",
            "de", "del", "della", "der", "den", "di", "da", "dos", "das", "du", "van", "von", "la", "le", "ul", "ud",
            "ad", "ash", "as", "an", "bou", "ould", "mac", "st.", "y");
    /** capitalised words that begin sentences or clauses but never names */
    private static final Set<String> NOT_NAMES = Set.of("the", "a", "an", "on", "in", "at", "of", "for", "from", "to",
            "by", "with", "after", "before", "during", "since", "as", "but", "and", "or", "if", "when", "while",
            "he", "she", "it", "they", "we", "i", "you", "his", "her", "its", "their", "our", "this", "that",
            "these", "those", "there", "here", "meanwhile", "moreover", "however", "also", "earlier", "later",
            "last", "next", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
            "january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
            "november", "december", "today", "yesterday", "tomorrow", "mr", "mr.", "mrs", "mrs.", "ms", "ms.",
            "dr", "dr.", "read", "more", "according", "addressing", "speaking", "under", "between", "against",
            "about", "over", "into", "upon", "why", "what", "who", "how", "where", "which", "said", "says",
            "election", "elections", "party", "government", "council", "committee", "office", "ministry",
            "department", "house", "assembly", "union", "court", "staff", "conference", "summit");
    private static final int MAX_NAME_WORDS = 6;
    /** function words a Title Case headline may leave in lower case */
    private static final Set<String> SMALL_WORDS = Set.of("with", "from", "into", "over", "after", "about", "than",
            "that", "this", "amid", "upon", "onto", "says", "said");

    private final ActorDictionary dictionary;
    private final int maxDepth;

    public DictionaryActorRecognizer(ActorDictionary dictionary) {
        this.dictionary = Objects.requireNonNull(dictionary);
        int depth = 1;
        for (ActorEntry e : dictionary.entries()) {
            depth = Math.max(depth, e.tokens().size());
        }
        this.maxDepth = depth;
    }

    /** A recognizer over the built-in dictionary. */
    public static DictionaryActorRecognizer builtin() {
        return new DictionaryActorRecognizer(ActorDictionary.builtin());
    }

    public ActorDictionary dictionary() {
        return dictionary;
    }

    @Override
    public ActorIndex recognize(Article article, List<Sentence> sentences) {
        return new Run(article, sentences).run();
    }

    /** The index handed to later stages. */
    private record Index(List<List<ActorMention>> bySentence) implements ActorIndex {
        @Override
        public List<ActorMention> mentions(int sentenceIndex) {
            return sentenceIndex >= 0 && sentenceIndex < bySentence.size() ? bySentence.get(sentenceIndex) : List.of();
        }
    }

    /** Something the article talks about that references can point back to. */
    private static final class Entity {
        final String name;
        final String code;
        final boolean person;

        Entity(String name, String code, boolean person) {
            this.name = name;
            this.code = code;
            this.person = person;
        }
    }

    /** A dictionary match (or a known name of this article) over tokens [first, last]. */
    private static final class Atom {
        final int first;
        final int last;
        final ActorEntry entry;
        final Kind kind;
        final String code;
        final Entity entity;

        Atom(int first, int last, ActorEntry entry, String code) {
            this.first = first;
            this.last = last;
            this.entry = entry;
            this.kind = entry.kind();
            this.code = code;
            this.entity = null;
        }

        Atom(int first, int last, Entity entity) {
            this.first = first;
            this.last = last;
            this.entry = null;
            this.kind = Kind.PERSON;
            this.code = entity.code;
            this.entity = entity;
        }

        String src() {
            return entry == null ? "name:" + entity.name : entry.source();
        }
    }

    /** An actor phrase being assembled. */
    private static final class Built {
        int first;
        int last;
        int head;
        String fixedCode;
        String country = "";
        String sector = "";
        boolean noContext;
        boolean person;
        boolean place;
        String pattern;
        final List<String> sources = new ArrayList<>(3);
        Entity entity;
        int nameFirst = -1;
        int nameLast = -1;
        List<Built> before = List.of();
        String contextNote = "";

        boolean hasCode() {
            return fixedCode != null || !sector.isEmpty() || !country.isEmpty();
        }

        String code() {
            return fixedCode != null ? fixedCode : country + sector;
        }

        String rule() {
            return pattern + "[" + String.join(" ", sources) + "]" + contextNote;
        }
    }

    /** A mention emitted for a sentence, with what resolution needs to know about it. */
    private static final class Emitted {
        final int first;
        final int last;
        final int head;
        final String code;
        final String rule;
        final boolean person;
        final Entity entity;
        /** for an agent whose country came from context: its sector and rule without the context note */
        String contextSector;
        String ruleWithoutContext;

        Emitted(int first, int last, int head, String code, String rule, boolean person, Entity entity) {
            this.first = first;
            this.last = last;
            this.head = head;
            this.code = code;
            this.rule = rule;
            this.person = person;
            this.entity = entity;
        }
    }

    private record CountryRef(int token, String country) {
    }

    /** The tokens of one sentence with their lookup keys and dictionary matches. */
    private final class Words {
        final Sentence sentence;
        final int n;
        final String[] w;
        final String[] k;
        final boolean[] cap;
        final boolean[] debris;
        final Atom[] atom;
        final int[] cover;
        boolean titleCase;

        Words(Sentence sentence, Article article) {
            this.sentence = sentence;
            List<Token> tokens = sentence.tokens();
            n = tokens.size();
            w = new String[n];
            k = new String[n];
            cap = new boolean[n];
            debris = new boolean[n];
            atom = new Atom[n];
            cover = new int[n];
            int longWords = 0;
            int lowerLong = 0;
            boolean anyDebris = !article.debris().isEmpty();
            for (int i = 0; i < n; i++) {
                Token t = tokens.get(i);
                w[i] = t.word();
                k[i] = ActorDictionary.normalize(t.word());
                cap[i] = !w[i].isEmpty() && Character.isUpperCase(w[i].charAt(0));
                debris[i] = anyDebris && article.inDebris(t.start(), t.end());
                cover[i] = -1;
                if (w[i].length() >= 4 && Character.isLetter(w[i].charAt(0)) && !SMALL_WORDS.contains(k[i])) {
                    longWords++;
                    if (!cap[i]) {
                        lowerLong++;
                    }
                }
            }
            // a headline in Title Case ("Iraq, Iran Discuss Withdrawal Of US Forces"): capitals say nothing
            titleCase = longWords >= 3 && lowerLong == 0;
        }

        void matchDictionary(LocalDate date) {
            ActorDictionary.Node[] path = new ActorDictionary.Node[maxDepth];
            int i = 0;
            while (i < n) {
                if (debris[i]) {
                    i++;
                    continue;
                }
                Atom a = longest(i, path, date);
                if (a == null) {
                    i++;
                    continue;
                }
                atom[i] = a;
                for (int j = a.first; j <= a.last; j++) {
                    cover[j] = i;
                }
                i = a.last + 1;
            }
        }

        private Atom longest(int i, ActorDictionary.Node[] path, LocalDate date) {
            ActorDictionary.Node node = dictionary.root();
            int depth = 0;
            for (int j = i; j < n && depth < path.length; j++) {
                node = node.next.get(k[j]);
                if (node == null) {
                    break;
                }
                path[depth++] = node;
            }
            for (int len = depth; len >= 1; len--) {
                List<ActorEntry> entries = path[len - 1].entries;
                for (int e = entries.size() - 1; e >= 0; e--) {
                    ActorEntry entry = entries.get(e);
                    if (accepts(entry, i, len)) {
                        return new Atom(i, i + len - 1, entry, entry.codeOn(date).orElse(null));
                    }
                }
            }
            return null;
        }

        private boolean accepts(ActorEntry entry, int i, int len) {
            List<String> written = entry.tokens();
            for (int j = 0; j < len; j++) {
                if (!caseMatches(entry.casing(), written.get(j), w[i + j])) {
                    return false;
                }
            }
            if (entry.has(ActorEntry.Flag.AMBIGUOUS) && !titleCase) {
                int next = i + len;
                if (next < n && unknownCapitalised(next, true)) {
                    return false;
                }
                if (i > 0 && cover[i - 1] < 0 && unknownCapitalised(i - 1, false)) {
                    return false;
                }
            }
            return true;
        }

        /** A capitalised word that is no dictionary entry (ahead, where matching has not reached: that starts none). */
        private boolean unknownCapitalised(int j, boolean ahead) {
            return cap[j] && Character.isLetter(w[j].charAt(0)) && !NOT_NAMES.contains(k[j])
                    && (!ahead || !dictionary.root().next.containsKey(k[j]));
        }

        /** The match starting at {@code i}: a dictionary entry, else a name this article introduced. */
        Set<String> nameStarts = Set.of();

        Atom atomAt(int i, Map<String, Entity> names, int maxNameLen) {
            if (i < 0 || i >= n || debris[i]) {
                return null;
            }
            Atom a = atom[i];
            if (a != null) {
                return a;
            }
            if (cover[i] >= 0 || !nameStarts.contains(k[i])) {
                return null;
            }
            StringBuilder key = new StringBuilder();
            Atom best = null;
            for (int j = i; j < n && j - i < maxNameLen; j++) {
                if (j > i && cover[j] >= 0) {
                    break;
                }
                if (j > i) {
                    key.append(' ');
                }
                key.append(k[j]);
                Entity e = names.get(key.toString());
                if (e != null && cap[j] && (cap[i] || NAME_PARTICLES.contains(k[i]))) {
                    best = new Atom(i, j, e);
                }
            }
            return best;
        }

        boolean isDet(int i) {
            return i >= 0 && i < n && DETERMINERS.contains(k[i]);
        }

        /** End (inclusive) of a run of name words starting at {@code i}, or -1. */
        int nameRun(int i) {
            if (titleCase || i >= n || !isNameWord(i)) {
                return -1;
            }
            int end = -1;
            int words = 0;
            int j = i;
            while (j < n && words < MAX_NAME_WORDS) {
                if (cover[j] >= 0 || debris[j]) {
                    break;
                }
                if (isNameWord(j)) {
                    end = j;
                    words++;
                    j++;
                } else if (NAME_PARTICLES.contains(k[j]) && j + 1 < n) {
                    j++;
                } else if (w[j].equals("-") && j > i && j + 1 < n
                        && (end == j - 1 || NAME_PARTICLES.contains(k[j - 1]))
                        && sentence.token(j).start() == sentence.token(j - 1).end()) {
                    j++;
                } else {
                    break;
                }
            }
            return end;
        }

        private boolean isNameWord(int j) {
            String s = w[j];
            if (!cap[j] || NOT_NAMES.contains(k[j]) || cover[j] >= 0) {
                return false;
            }
            for (int c = 0; c < s.length(); c++) {
                if (Character.isLetter(s.charAt(c)) && Character.isLowerCase(s.charAt(c))) {
                    return true;
                }
            }
            // initials ("J.") are name words; all-capital words ("NATO", "SAID") are not
            return s.length() == 2 && s.charAt(1) == '.';
        }

        int wordCount(int from, int to) {
            int c = 0;
            for (int j = from; j <= to; j++) {
                if (cap[j] && !w[j].equals("-")) {
                    c++;
                }
            }
            return c;
        }
    }

    private static boolean caseMatches(ActorEntry.Casing casing, String written, String actual) {
        switch (casing) {
            case ANY:
                return true;
            case EXACT:
                return written.equals(actual);
            default:
                int letters = 0;
                boolean allUpper = true;
                char first = 0;
                for (int i = 0; i < written.length(); i++) {
                    char c = written.charAt(i);
                    if (Character.isLetter(c)) {
                        if (first == 0) {
                            first = c;
                        }
                        letters++;
                        if (!Character.isUpperCase(c)) {
                            allUpper = false;
                        }
                    }
                }
                if (letters == 0 || !Character.isUpperCase(first)) {
                    return true;
                }
                if (allUpper && letters >= 2) {
                    for (int i = 0; i < actual.length(); i++) {
                        char c = actual.charAt(i);
                        if (Character.isLetter(c) && !Character.isUpperCase(c)) {
                            return false;
                        }
                    }
                    return true;
                }
                for (int i = 0; i < actual.length(); i++) {
                    char c = actual.charAt(i);
                    if (Character.isLetter(c)) {
                        return Character.isUpperCase(c);
                    }
                }
                return false;
        }
    }

    /** All state of one article. */
    private final class Run {
        final Article article;
        final List<Sentence> sentences;
        final LocalDate date;
        final List<Words> words = new ArrayList<>();
        final List<List<Emitted>> emitted = new ArrayList<>();
        final List<List<CountryRef>> refs = new ArrayList<>();
        final Map<String, Entity> names = new HashMap<>();
        /** first words of the names in {@code names}, so most tokens skip the name look-up at once */
        final Set<String> nameStarts = new java.util.HashSet<>();
        int maxNameLen = 0;
        String mainCountry = "";

        Run(Article article, List<Sentence> sentences) {
            this.article = article;
            this.sentences = sentences;
            this.date = article.published().orElse(null);
        }

        ActorIndex run() {
            Map<String, Integer> counts = new HashMap<>();
            for (Sentence s : sentences) {
                Words ws = new Words(s, article);
                ws.nameStarts = nameStarts;
                ws.matchDictionary(date);
                words.add(ws);
                for (Atom a : ws.atom) {
                    if (a != null && a.code != null && (a.kind == Kind.COUNTRY || a.kind == Kind.DEMONYM
                            || a.kind == Kind.CAPITAL || a.kind == Kind.SEAT || a.kind == Kind.PEOPLE)) {
                        String c = country(a.code);
                        if (!c.isEmpty()) {
                            counts.merge(c, 1, Integer::sum);
                        }
                    }
                }
            }
            mainCountry = dominant(counts);
            List<List<ActorMention>> out = new ArrayList<>();
            for (int si = 0; si < words.size(); si++) {
                out.add(sentence(si));
            }
            return new Index(List.copyOf(out));
        }

        /** The article's main country: the most mentioned, if clearly ahead (≥ 2 and ≥ 1.5 × the next). */
        private String dominant(Map<String, Integer> counts) {
            String best = "";
            int top = 0;
            int second = 0;
            for (Map.Entry<String, Integer> e : counts.entrySet()) {
                int c = e.getValue();
                if (c > top || (c == top && e.getKey().compareTo(best) < 0)) {
                    second = Math.max(second, top);
                    top = c;
                    best = e.getKey();
                } else {
                    second = Math.max(second, c);
                }
            }
            return top >= 2 && top * 2 >= second * 3 ? best : "";
        }

        private String country(String code) {
            return code != null && code.length() >= 3 && dictionary.isCountryCode(code.substring(0, 3))
                    ? code.substring(0, 3) : "";
        }

        private List<ActorMention> sentence(int si) {
            Words ws = words.get(si);
            List<Emitted> ms = new ArrayList<>();
            List<CountryRef> cr = new ArrayList<>();
            emitted.add(ms);
            refs.add(cr);
            int i = 0;
            while (i < ws.n) {
                if (ws.debris[i]) {
                    i++;
                    continue;
                }
                Built b = nameFirstApposition(ws, i);
                if (b == null) {
                    b = phrase(ws, i, ms);
                }
                if (b == null) {
                    Atom a = ws.atom[i];
                    if (a != null && (a.kind == Kind.DEMONYM)) {
                        String c = country(a.code);
                        if (!c.isEmpty()) {
                            cr.add(new CountryRef(a.first, c));
                        }
                    }
                    i = a != null ? a.last + 1 : i + 1;
                    continue;
                }
                for (Built p : b.before) {
                    emit(ws, si, p, ms, cr);
                }
                emit(ws, si, b, ms, cr);
                i = b.last + 1;
            }
            resolveReferences(ws, si, ms, cr);
            ms.sort(Comparator.comparingInt(m -> m.first));
            List<ActorMention> out = new ArrayList<>(ms.size());
            for (Emitted m : ms) {
                Token f = ws.sentence.token(m.first);
                Token l = ws.sentence.token(m.last);
                String text = article.text().substring(f.start(), l.end());
                String c = country(m.code);
                String sector = sectorOf(m.code, c);
                out.add(new ActorMention(si, m.first, m.last, m.head,
                        new Actor(text, m.code, c, sector, f.start(), l.end()), m.rule));
            }
            return List.copyOf(out);
        }

        private String sectorOf(String code, String country) {
            int from = country.isEmpty() ? 0 : 3;
            return code.length() >= from + 3 ? code.substring(from, from + 3) : "";
        }

        private void emit(Words ws, int si, Built b, List<Emitted> ms, List<CountryRef> cr) {
            if (b.place) {
                String c = country(b.fixedCode);
                if (!c.isEmpty()) {
                    cr.add(new CountryRef(b.head, c));
                }
                return;
            }
            if (!b.hasCode()) {
                return;
            }
            if (b.fixedCode == null && b.country.isEmpty() && !b.noContext) {
                fillCountryFromContext(ws, b, ms);
            } else if (b.fixedCode == null && b.country.isEmpty()) {
                b.contextNote = "+no-country(foreign)";
            }
            String code = b.code();
            Entity entity = b.entity;
            if (b.nameFirst >= 0) {
                String full = ws.sentence.span(b.nameFirst, b.nameLast);
                if (entity == null) {
                    entity = new Entity(full, code, true);
                }
                registerName(ws, b.nameFirst, b.nameLast, entity);
            }
            if (entity == null) {
                entity = new Entity(ws.sentence.span(b.first, b.last), code, b.person);
            }
            Emitted e = new Emitted(b.first, b.last, b.head, code, b.rule(), b.person, entity);
            if (b.fixedCode == null && b.contextNote.startsWith("+article-country")
                    || b.contextNote.equals("+no-country")) {
                e.contextSector = b.sector;
                e.ruleWithoutContext = b.pattern + "[" + String.join(" ", b.sources) + "]";
            }
            ms.add(e);
            String c = country(code);
            if (!c.isEmpty()) {
                cr.add(new CountryRef(b.head, c));
            }
        }

        private void fillCountryFromContext(Words ws, Built b, List<Emitted> ms) {
            int before = b.first - 1;
            // across a clause boundary the country before the comma is only the nearest one: the article's main
            // country, when it has one, is the better guess ("near the border with Mali, the army said")
            boolean newClause = opensClause(ws, b, before) && !mainCountry.isEmpty();
            if (before >= 0 && CONJUNCTIONS.contains(ws.k[before]) && !ms.isEmpty() && !newClause) {
                Emitted prev = ms.get(ms.size() - 1);
                String c = country(prev.code);
                if (prev.last == before - 1 && !c.isEmpty() && !prev.person) {
                    b.country = c;
                    b.contextNote = "+conj-country(" + c + ")";
                    return;
                }
            }
            if (!mainCountry.isEmpty()) {
                b.country = mainCountry;
                b.contextNote = "+article-country(" + mainCountry + ")";
            } else {
                b.contextNote = "+no-country";
            }
        }

        /**
         * A comma before an agent that a verb follows starts a new clause, not a list: in "airstrikes near the border
         * with Mali, the army said" the army need not be Mali's, as it is in "Malian police, the army and militias".
         */
        private boolean opensClause(Words ws, Built b, int before) {
            int after = b.last + 1;
            // actors are found before the part-of-speech tagger runs: the verb is known by its form
            return before >= 0 && ws.k[before].equals(",") && after < ws.n && CLAUSE_VERBS.contains(ws.k[after]);
        }

        private void registerName(Words ws, int first, int last, Entity entity) {
            // the full name and every shorter ending of it: "Al-Mandalawi", "Mandalawi", "Mohseni Ejei", "Ejei"
            for (int s = first; s <= last; s++) {
                if (ws.w[s].equals("-") || (s == last && s > first && NAME_PARTICLES.contains(ws.k[s]))) {
                    continue;
                }
                StringBuilder key = new StringBuilder();
                for (int j = s; j <= last; j++) {
                    if (j > s) {
                        key.append(' ');
                    }
                    key.append(ws.k[j]);
                }
                if (s > first && last - s == 0 && ws.w[s].length() < 3) {
                    continue;
                }
                names.put(key.toString(), entity);
                nameStarts.add(ws.k[s]);
                maxNameLen = Math.max(maxNameLen, last - s + 1);
            }
        }

        // ---- phrase assembly -------------------------------------------------------------------------

        /** The actor phrase starting at token {@code i}, or null. */
        private Built phrase(Words ws, int i, List<Emitted> ms) {
            int q = i;
            if (ws.atom[i] == null && ws.isDet(q)) {
                q++;
            }
            Atom a = ws.atomAt(q, names, maxNameLen);
            if (a == null) {
                return null;
            }
            switch (a.kind) {
                case AGENT:
                case TITLE:
                case FILLER:
                    return agentPhrase(ws, i, q, null);
                case PEOPLE: {
                    Built b = single(i, a, "people");
                    b.fixedCode = a.code;
                    return b;
                }
                case PLACEWORD:
                    return null;
                default:
                    return modifierPhrase(ws, i, a);
            }
        }

        private Built single(int first, Atom a, String pattern) {
            Built b = new Built();
            b.first = first;
            b.last = a.last;
            b.head = a.last;
            b.pattern = pattern;
            b.sources.add(a.src());
            return b;
        }

        /** A phrase that starts with a country, demonym, capital, seat, named organisation or person. */
        private Built modifierPhrase(Words ws, int start, Atom a) {
            int r = a.last + 1;
            boolean possessive = r < ws.n && POSSESSIVE.contains(ws.k[r]);
            if (possessive) {
                r++;
            }
            boolean led = false;
            if (!possessive && (a.kind == Kind.COUNTRY || a.kind == Kind.DEMONYM) && r + 1 < ws.n
                    && ws.w[r].equals("-") && ws.k[r + 1].equals("led")) {
                led = true;
                r += 2;
            }
            boolean anti = StancePrefix.before(ws.w, start);
            if (a.kind == Kind.DEMONYM && !possessive && !led) {
                Built conj = conjoinedDemonyms(ws, start, a);
                if (conj != null) {
                    return conj;
                }
            }
            if (led) {
                // "the US-led international coalition" is the leading country's military
                Atom force = ws.atomAt(r, names, maxNameLen);
                if (force != null && force.kind == Kind.IGO && "IGOMIL".equals(force.code)) {
                    Built b = single(start, force, "led-by+force");
                    b.sources.add(0, a.src());
                    b.country = country(a.code);
                    b.sector = "MIL";
                    return b;
                }
            }
            if (a.kind != Kind.PERSON || possessive) {
                Built agent = agentPhrase(ws, start, r, a);
                if (agent != null) {
                    if (led) {
                        agent.pattern = "led-by+" + agent.pattern;
                    }
                    return agent;
                }
            }
            Built b = single(start, a, a.kind.name().toLowerCase(java.util.Locale.ROOT));
            switch (a.kind) {
                case COUNTRY: {
                    b.fixedCode = a.code;
                    if (anti || (!possessive && locative(ws, start, LOCATIVE))) {
                        b.place = true;
                    }
                    return b;
                }
                case CAPITAL:
                case SEAT: {
                    b.fixedCode = a.code;
                    Atom after = ws.atomAt(a.last + 1, names, maxNameLen);
                    if (after != null && after.kind == Kind.PLACEWORD) {
                        b.place = true;
                        b.last = after.last;
                        b.head = after.last;
                    } else if (anti || (!possessive && locative(ws, start, LOCATIVE_CITY))) {
                        b.place = true;
                    }
                    return b;
                }
                case DEMONYM:
                    return null;
                case PERSON: {
                    b.fixedCode = a.code;
                    b.person = true;
                    if (a.entity != null) {
                        b.entity = a.entity;
                        b.pattern = "name->" + a.entity.name;
                    } else {
                        b.pattern = "person";
                        b.entity = new Entity(a.entry.phrase(), a.code, true);
                        b.nameFirst = a.first;
                        b.nameLast = a.last;
                    }
                    return b;
                }
                default: {
                    b.fixedCode = a.code;
                    return b;
                }
            }
        }

        /** "Arab and Islamic parliaments": every demonym gets the sector of the shared agent. */
        private Built conjoinedDemonyms(Words ws, int start, Atom first) {
            List<Atom> demonyms = new ArrayList<>();
            demonyms.add(first);
            int p = first.last + 1;
            while (p < ws.n && CONJUNCTIONS.contains(ws.k[p])) {
                Atom next = ws.atomAt(p + 1, names, maxNameLen);
                if (next == null || next.kind != Kind.DEMONYM) {
                    return null;
                }
                demonyms.add(next);
                p = next.last + 1;
            }
            if (demonyms.size() < 2) {
                return null;
            }
            Atom lastDemonym = demonyms.get(demonyms.size() - 1);
            Built shared = agentPhrase(ws, lastDemonym.first, lastDemonym.last + 1, lastDemonym);
            if (shared == null) {
                return null;
            }
            List<Built> before = new ArrayList<>();
            for (int d = 0; d < demonyms.size() - 1; d++) {
                Atom x = demonyms.get(d);
                Built b = single(d == 0 ? start : x.first, x, "demonym+conj+agent");
                b.country = country(x.code);
                b.sector = shared.sector;
                b.sources.addAll(shared.sources.subList(1, shared.sources.size()));
                b.person = false;
                before.add(b);
            }
            shared.before = before;
            return shared;
        }

        /** A country or city after a locative preposition, directly or through "X and Y" lists. */
        private boolean locative(Words ws, int start, Set<String> prepositions) {
            int p = start - 1;
            while (p >= 0) {
                if (prepositions.contains(ws.k[p])) {
                    return true;
                }
                if (!CONJUNCTIONS.contains(ws.k[p]) || p == 0) {
                    return false;
                }
                // a list: skip back over the previous place name
                int q = p - 1;
                if (q < 0) {
                    return false;
                }
                int owner = ws.cover[q];
                if (owner < 0) {
                    return false;
                }
                Atom prev = ws.atom[owner];
                if (prev.kind != Kind.COUNTRY && prev.kind != Kind.CAPITAL && prev.kind != Kind.SEAT) {
                    return false;
                }
                p = prev.first - 1;
                if (ws.isDet(p)) {
                    p--;
                }
            }
            return false;
        }

        /**
         * Fillers and agents from {@code q}, optionally after a modifier atom: "Iraqi parliament", "US
         * forces", "the Acting Speaker of the Iraqi Parliament, Mohsen Al-Mandalawi", "officials".
         */
        private Built agentPhrase(Words ws, int start, int q, Atom modifier) {
            int p = q;
            List<Atom> agents = new ArrayList<>(2);
            boolean foreign = false;
            boolean filler = false;
            while (p < ws.n) {
                Atom x = ws.atom[p];
                if (x == null || ws.debris[p]) {
                    break;
                }
                if (x.kind == Kind.FILLER) {
                    filler = true;
                    if (x.entry.phrase().equalsIgnoreCase("foreign")) {
                        foreign = true;
                    }
                    p = x.last + 1;
                    continue;
                }
                if (x.kind == Kind.AGENT || x.kind == Kind.TITLE) {
                    agents.add(x);
                    p = x.last + 1;
                    continue;
                }
                break;
            }
            if (agents.isEmpty()) {
                return null;
            }
            Atom firstAgent = agents.get(0);
            Atom lastAgent = agents.get(agents.size() - 1);
            Atom sectorAgent = null;
            for (Atom x : agents) {
                if (!x.entry.has(ActorEntry.Flag.WEAK)) {
                    sectorAgent = x;
                    break;
                }
            }
            boolean allWeak = sectorAgent == null;
            if (allWeak) {
                sectorAgent = firstAgent;
            } else if (lastAgent.kind == Kind.TITLE && !lastAgent.entry.has(ActorEntry.Flag.WEAK)) {
                // the title is the head: "Industry Secretary" is GOV, "army spokesman" stays MIL (weak title)
                sectorAgent = lastAgent;
            }
            Built b = new Built();
            b.first = start;
            b.last = lastAgent.last;
            b.head = lastAgent.last;
            b.sector = sectorAgent.code;
            b.person = lastAgent.kind == Kind.TITLE;
            if (modifier != null) {
                b.sources.add(modifier.src());
                if (modifier.kind.named()) {
                    b.fixedCode = modifier.code;
                } else {
                    b.country = country(modifier.code);
                    if (b.country.isEmpty() && modifier.code != null && modifier.kind == Kind.PERSON) {
                        b.fixedCode = modifier.code;
                    }
                    // "Pentagon spokesman" is USAMIL: a weak agent keeps the modifier's own sector
                    if (allWeak && !b.country.isEmpty() && modifier.code.length() >= 6
                            && modifier.kind != Kind.PERSON) {
                        b.sector = modifier.code.substring(3);
                    }
                }
                b.pattern = modifier.kind.name().toLowerCase(java.util.Locale.ROOT) + "+"
                        + (b.person ? "title" : "agent");
            } else {
                b.pattern = b.person ? "title" : "agent";
                b.noContext = foreign;
            }
            for (Atom x : agents) {
                b.sources.add(x.src());
            }
            p = lastAgent.last + 1;
            // title/agent "of" [the] institution or country
            boolean hasOf = false;
            if (p + 1 < ws.n && ws.k[p].equals("of")) {
                Built of = phrase(ws, p + 1, List.of());
                if (of != null && of.hasCode() && of.before.isEmpty() && !of.person) {
                    mergeOf(b, of, sectorAgent);
                    p = b.last + 1;
                    hasOf = true;
                }
            }
            if (modifier == null && !hasOf && !filler && firstAgent.entry.has(ActorEntry.Flag.NEEDS_MODIFIER)) {
                boolean properName = ws.cap[firstAgent.first] && firstAgent.first > 0 && !ws.titleCase;
                if (!properName) {
                    return null;
                }
            }
            if (!b.person) {
                return b;
            }
            // title + name: "President Joe Biden", "Judiciary Chief Gholamhossein Mohseni Ejei"
            if (b.last == lastAgent.last) {
                Atom person = ws.atomAt(p, names, maxNameLen);
                if (person != null && person.kind == Kind.PERSON) {
                    attachPerson(b, person, "+name");
                    return b;
                }
                int end = ws.nameRun(p);
                if (end >= 0) {
                    b.last = end;
                    b.head = end;
                    b.nameFirst = p;
                    b.nameLast = end;
                    b.pattern += "+name";
                    return b;
                }
            }
            // apposition: "the Acting Speaker of the Iraqi Parliament, Mohsen Al-Mandalawi"
            if (p + 1 < ws.n && ws.w[p].equals(",")) {
                Atom person = ws.atomAt(p + 1, names, maxNameLen);
                if (person != null && person.kind == Kind.PERSON && appositionEnds(ws, person.last + 1)) {
                    int head = b.head;
                    attachPerson(b, person, "+apposition");
                    b.head = head;
                    return b;
                }
                int end = ws.nameRun(p + 1);
                if (end >= 0 && ws.wordCount(p + 1, end) >= 2 && appositionEnds(ws, end + 1)) {
                    b.last = end;
                    b.nameFirst = p + 1;
                    b.nameLast = end;
                    b.pattern += "+apposition";
                }
            }
            return b;
        }

        private void attachPerson(Built b, Atom person, String how) {
            b.last = person.last;
            b.head = person.last;
            b.pattern += how;
            b.sources.add(person.src());
            if (person.entity != null) {
                b.entity = person.entity;
                b.fixedCode = person.entity.code;
            } else {
                b.fixedCode = person.code;
                b.entity = new Entity(person.entry.phrase(), person.code, true);
                b.nameFirst = person.first;
                b.nameLast = person.last;
            }
        }

        private boolean appositionEnds(Words ws, int j) {
            return j >= ws.n || ws.w[j].equals(",") || ws.w[j].equals(".") || ws.w[j].equals(")")
                    || ws.w[j].equals(";") || (Character.isLetter(ws.w[j].charAt(0)) && !ws.cap[j]);
        }

        private void mergeOf(Built b, Built of, Atom sectorAgent) {
            b.last = of.last;
            b.sources.addAll(of.sources);
            b.pattern += "+of";
            if (of.fixedCode != null && country(of.fixedCode).isEmpty()) {
                // an organisation: "Secretary-General of the United Nations" is the organisation
                b.fixedCode = of.fixedCode;
                return;
            }
            String ofCountry = of.fixedCode != null ? country(of.fixedCode) : of.country;
            if (b.fixedCode == null && b.country.isEmpty()) {
                b.country = ofCountry;
                b.noContext |= of.noContext;
            }
            if (sectorAgent.entry.has(ActorEntry.Flag.WEAK) && !of.sector.isEmpty()) {
                b.sector = of.sector;
            }
        }

        /** "Mohsen Al-Mandalawi, the Acting Speaker of the Iraqi Parliament, said" */
        private Built nameFirstApposition(Words ws, int i) {
            if (ws.atom[i] != null || ws.cover[i] >= 0) {
                return null;
            }
            Atom known = ws.atomAt(i, names, maxNameLen);
            int end = known != null ? known.last : ws.nameRun(i);
            if (end < 0 || end + 2 >= ws.n || !ws.w[end + 1].equals(",")) {
                return null;
            }
            if (known == null && ws.wordCount(i, end) < 2) {
                return null;
            }
            Built title = phrase(ws, end + 2, List.of());
            if (title == null || !title.person || title.nameFirst >= 0 || title.entity != null || !title.hasCode()) {
                return null;
            }
            title.first = i;
            title.head = end;
            title.pattern = "name,+" + title.pattern;
            if (known != null) {
                title.entity = known.entity;
                title.fixedCode = known.code;
                title.sources.add(0, known.src());
            } else {
                title.nameFirst = i;
                title.nameLast = end;
            }
            return title;
        }

        // ---- references ------------------------------------------------------------------------------

        private void resolveReferences(Words ws, int si, List<Emitted> ms, List<CountryRef> cr) {
            ms.sort(Comparator.comparingInt(m -> m.first));
            cr.sort(Comparator.comparingInt(CountryRef::token));
            for (int t = 0; t < ws.n; t++) {
                if (ws.debris[t] || ws.cover[t] >= 0 || covered(ms, t)) {
                    continue;
                }
                String k = ws.k[t];
                Emitted added = null;
                if (HE.contains(k) || HIS.contains(k)) {
                    added = resolvePersonPronoun(ws, si, ms, t);
                } else if (THEY.contains(k) || k.equals("its")) {
                    added = resolveGroupPronoun(ws, si, ms, t);
                } else if (k.equals("it")) {
                    added = resolveReporterIt(ws, ms, t);
                } else if (k.equals("the") && t + 1 < ws.n && ws.k[t + 1].equals("country")) {
                    String c = lastCountry(si, cr, t, null);
                    if (!c.isEmpty()) {
                        added = new Emitted(t, t + 1, t + 1, c, "the-country->" + c, false,
                                new Entity(c, c, false));
                    }
                } else if ((k.equals("the") && t + 2 < ws.n && ws.k[t + 1].equals("two")
                        && ws.k[t + 2].equals("countries"))
                        || (k.equals("both") && t + 1 < ws.n && ws.k[t + 1].equals("countries"))) {
                    String second = lastCountry(si, cr, t, null);
                    String first = second.isEmpty() ? "" : lastCountry(si, cr, t, second);
                    if (!first.isEmpty()) {
                        String rule = "two-countries->" + first + "+" + second;
                        int nounAt = k.equals("both") ? t + 1 : t + 2;
                        ms.add(new Emitted(t, nounAt - 1, nounAt - 1, first, rule, false, new Entity(first, first, false)));
                        added = new Emitted(nounAt, nounAt, nounAt, second, rule, false, new Entity(second, second, false));
                    }
                }
                if (added != null && (HIS.contains(k) || k.equals("their") || k.equals("its"))) {
                    recodePossessed(ms, added);
                }
                if (added != null) {
                    ms.add(added);
                    ms.sort(Comparator.comparingInt(m -> m.first));
                    String c = country(added.code);
                    if (!c.isEmpty()) {
                        cr.add(new CountryRef(added.head, c));
                        cr.sort(Comparator.comparingInt(CountryRef::token));
                    }
                    t = added.last;
                }
            }
        }

        /** "Ejei and his delegation": an agent after a possessive takes the possessor's country, not the article's. */
        private void recodePossessed(List<Emitted> ms, Emitted possessive) {
            String c = country(possessive.code);
            if (c.isEmpty()) {
                return;
            }
            for (int j = 0; j < ms.size(); j++) {
                Emitted m = ms.get(j);
                if (m.first == possessive.last + 1 && m.contextSector != null) {
                    Emitted fixed = new Emitted(m.first, m.last, m.head, c + m.contextSector,
                            m.ruleWithoutContext + "+possessor-country(" + c + ")", m.person,
                            new Entity(m.entity.name, c + m.contextSector, m.person));
                    ms.set(j, fixed);
                }
            }
        }

        private boolean covered(List<Emitted> ms, int t) {
            for (Emitted m : ms) {
                if (t >= m.first && t <= m.last) {
                    return true;
                }
            }
            return false;
        }

        private Emitted resolvePersonPronoun(Words ws, int si, List<Emitted> ms, int t) {
            Emitted ante = null;
            String how = "pronoun";
            if (t >= 1 && (ws.k[t - 1].equals("on") || ws.k[t - 1].equals("for")) && t + 1 < ws.n
                    && ws.k[t + 1].equals("part")) {
                // "On his part, Iran's Judiciary Chief affirmed…": the pronoun points forward
                for (Emitted m : ms) {
                    if (m.first > t && m.person) {
                        ante = m;
                        how = "pronoun(forward)";
                        break;
                    }
                }
            }
            if (ante == null) {
                boolean subject = HE.contains(ws.k[t]);
                for (Emitted m : ms) {
                    if (m.last < t && m.person) {
                        ante = m;
                        if (subject) {
                            break;
                        }
                    }
                }
            }
            if (ante == null) {
                for (int back = si - 1; back >= 0 && back >= si - 3 && ante == null; back--) {
                    for (Emitted m : emitted.get(back)) {
                        if (m.person) {
                            ante = m;
                            break;
                        }
                    }
                }
            }
            if (ante == null) {
                return null;
            }
            return new Emitted(t, t, t, ante.code, how + "->" + ante.entity.name, true, ante.entity);
        }

        /**
         * "The ministry said it had arrested …", "The army on Tuesday claimed that it shot down …": "it" right after a
         * reporting verb and before a verb is the organisation or country that reports, named just before the
         * reporting verb. Elsewhere "it" is too often a thing or a dummy subject to be read as an actor.
         */
        private Emitted resolveReporterIt(Words ws, List<Emitted> ms, int t) {
            int v = t - 1;
            if (v >= 0 && ws.k[v].equals("that")) {
                v--;
            }
            while (v > 0 && v >= t - 4 && REPORT_DAY_WORDS.contains(ws.k[v])) {
                v--; // "said on Friday it had expelled …"
            }
            if (v < 1 || !REPORTER_IT_VERBS.contains(ws.k[v]) || t + 1 >= ws.n) {
                return null;
            }
            String next = ws.k[t + 1];
            if (!next.chars().allMatch(Character::isLetter) || NOT_AFTER_SUBJECT_IT.contains(next)) {
                return null; // "denied it, the White House said", "confirmed it to reporters": what was denied
            }
            if (t + 3 < ws.n && BE_FORMS.contains(next) && DUMMY_IT_CONTINUATIONS.contains(ws.k[t + 3])) {
                return null; // "said it was unclear whether …": a dummy subject ("it was responsible for" is not)
            }
            Emitted reporter = null;
            for (Emitted m : ms) {
                if (m.last < v && m.last >= v - 4 && !m.person) {
                    reporter = m;
                }
            }
            if (reporter == null) {
                return null;
            }
            for (int i = reporter.last + 1; i < v; i++) {
                if (CLAUSE_OPENERS.contains(ws.k[i])) {
                    return null; // the mention belongs to another clause
                }
            }
            return new Emitted(t, t, t, reporter.code, "pronoun(reporter)->" + reporter.entity.name, false,
                    reporter.entity);
        }

        private Emitted resolveGroupPronoun(Words ws, int si, List<Emitted> ms, int t) {
            Emitted ante = null;
            for (Emitted m : ms) {
                if (m.last < t && !m.person) {
                    ante = m;
                }
            }
            for (int back = si - 1; back >= 0 && back >= si - 2 && ante == null; back--) {
                List<Emitted> prev = emitted.get(back);
                for (int j = prev.size() - 1; j >= 0; j--) {
                    if (!prev.get(j).person) {
                        ante = prev.get(j);
                        break;
                    }
                }
            }
            if (ante == null) {
                return null;
            }
            Emitted praised = praisedOther(ws, ms, t, ante);
            if (praised != null) {
                return new Emitted(t, t, t, praised.code, "pronoun(praised-other)->" + praised.entity.name, false,
                        praised.entity);
            }
            return new Emitted(t, t, t, ante.code, "pronoun->" + ante.entity.name, false, ante.entity);
        }

        /**
         * "Iraq has stated its determination …, while Iran commended its recent legislation": a country does not
         * commend its own doings in the news, so "its" after a praise verb whose subject is the nearest country
         * points to the country named before that subject in the sentence. "Its own" stays the praiser's.
         */
        private Emitted praisedOther(Words ws, List<Emitted> ms, int t, Emitted praiser) {
            boolean adjacent = praiser.last == t - 2
                    || (praiser.last == t - 3 && Set.of("also", "has", "have", "had").contains(ws.k[t - 2]));
            if (t < 1 || !PRAISE_FORMS.contains(ws.k[t - 1]) || !adjacent
                    || (t + 1 < ws.n && ws.k[t + 1].equals("own"))) {
                return null;
            }
            String praiserCountry = country(praiser.code);
            if (praiserCountry.isEmpty()) {
                return null;
            }
            Emitted other = null;
            for (Emitted m : ms) {
                String c = country(m.code);
                if (m.last < praiser.first && !m.person && !c.isEmpty() && !c.equals(praiserCountry)) {
                    other = m;
                }
            }
            return other;
        }

        /** The last country referred to before token {@code t} (this sentence, then earlier ones), other than {@code except}. */
        private String lastCountry(int si, List<CountryRef> cr, int t, String except) {
            for (int j = cr.size() - 1; j >= 0; j--) {
                CountryRef r = cr.get(j);
                if (r.token() < t && !r.country().equals(except)) {
                    return r.country();
                }
            }
            for (int back = si - 1; back >= 0; back--) {
                List<CountryRef> prev = refs.get(back);
                for (int j = prev.size() - 1; j >= 0; j--) {
                    if (!prev.get(j).country().equals(except)) {
                        return prev.get(j).country();
                    }
                }
            }
            return "";
        }
    }
}
