package org.khaldun.place;

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
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.khaldun.actor.ActorDictionary;
import org.khaldun.actor.ActorIndex;
import org.khaldun.actor.ActorMention;
import org.khaldun.actor.StancePrefix;
import org.khaldun.article.Article;
import org.khaldun.nlp.Sentence;
import org.khaldun.nlp.Token;
import org.khaldun.place.Gazetteer.NameKind;
import org.khaldun.place.Gazetteer.Sense;

/**
 * Recognises places by looking capitalised token sequences up in the {@link Gazetteer}, then resolves each
 * name to one gazetteer place. The rules, in the order they apply, are specified in {@code docs/places.md}:
 *
 * <ul>
 *   <li>a name covered by an actor mention is an actor ("Washington said": {@link PlaceUse#METONYMIC}) or
 *       a modifier of one ("Iraqi parliament": {@link PlaceUse#ADJECTIVAL}); demonyms are adjectival;</li>
 *   <li>a name inside a longer capitalised name ("Paris Hilton", "New York Times") is no place;</li>
 *   <li>common words and given names ("Reading", "Police", "Victoria"), words also used in lower case in the
 *       article, and small towns need evidence: a locative preposition ("in", "near"…), a qualifier
 *       ("Paris, Texas"), their country being mentioned in the article, or the dateline;</li>
 *   <li>readings are scored by population, level, the countries the article mentions, qualifiers
 *       and region words ("Idlib province"); a name keeps the reading it first got in the article.</li>
 * </ul>
 *
 * <p>Immutable and thread-safe.
 */
public final class GazetteerPlaceRecognizer implements PlaceRecognizer {

    /** Prepositions that make the name after them a place. */
    private static final Set<String> LOCATIVE = Set.of("in", "at", "near", "from", "to", "into", "across", "inside", "outside", "throughout", "within", "around", "toward", "towards", "via", "through", "between", "outskirts", "of", "nearby", "off", "along", "entering", "leaving", "visit", "visited", "visiting", "reached", "flew", "arrived", "traveled", "travelled", "based");
    /** Nouns before "of" that make it locative: "the city of Homs", "north of Kirkuk". */
    private static final Set<String> PLACE_NOUNS = Set.of("city", "town", "village", "province", "region", "district", "state", "governorate", "capital", "outskirts", "north", "south", "east", "west", "northeast", "northwest", "southeast", "southwest", "centre", "center", "suburbs", "suburb", "port", "county", "area", "heart", "streets", "border", "island", "islands", "republic", "kingdom", "parts", "part", "rest", "people", "residents", "citizens", "government", "president", "mayor", "governor");
    /** Words between a preposition and the name that keep it locative ("in northern Syria", "in the capital, Kabul"). */
    private static final Set<String> BRIDGE = Set.of("the", "a", "an", "northern", "southern", "eastern", "western", "central", "north", "south", "east", "west", "northeastern", "northwestern", "southeastern", "southwestern", "neighbouring", "neighboring", "rural", "downtown", "capital", "city", "town", "village", ",", "nearby", "war-torn", "restive", "besieged", "occupied", "rebel-held", "government-held", "coastal", "western-backed", "province", "region", "of", "upper", "lower", "greater", "all", "mainland", "oil-rich");
    /** Region words that make the name before them an admin-1 region ("Idlib province"). */
    private static final Set<String> ADMIN_WORDS = Set.of("province", "governorate", "state", "region", "oblast", "prefecture", "department", "territory", "emirate", "canton");
    /** Capitalised words that begin sentences or clauses but never names, so they do not make a name longer. */
    private static final Set<String> NOT_NAMES = Set.of("the", "a", "an", "on", "in", "at", "of", "for", "from", "to", "by", "with", "after", "before", "during", "since", "as", "but", "and", "or", "if", "when", "while", "he", "she", "it", "they", "we", "i", "you", "his", "her", "its", "their", "our", "this", "that", "these", "those", "there", "here", "meanwhile", "moreover", "however", "also", "earlier", "later", "last", "next", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december", "today", "yesterday", "tomorrow", "according", "under", "between", "against", "about", "over", "into", "upon", "why", "what", "who", "how", "where", "which", "said", "says", "north", "south", "east", "west", "northern", "southern", "eastern", "western", "central", "both", "all", "some", "many", "most", "several", "two", "three", "one", "new", "old", "former", "greater", "upper", "lower", "city", "province", "state", "region", "county", "district", "governorate", "capital");
    /** Function words allowed inside a name ("Bosnia and Herzegovina", "Rio de Janeiro"). */
    private static final Set<String> NAME_INNER = Set.of("of", "the", "and", "de", "del", "da", "do", "dos", "das", "al", "el", "ad", "ar", "as", "ash", "an", "-", "la", "le", "les", "du", "des", "y", "upon", "on", "sur", "am", "an der", "der", "di", "'s", ".", "es", "ez", "az", "ul", "i", "e");
    /** Particles inside names: a place name after "Capitalised de" is the end of another name ("Ceamurlia de Jos"). */
    private static final Set<String> NAME_PARTICLES = Set.of("de", "del", "da", "do", "dos", "das", "al", "el", "la",
            "le", "les", "du", "des", "di", "van", "von", "der", "den", "bin", "ibn", "abu");
    private static final Set<String> DATELINE_AFTER = Set.of(",", "(", "-", "--", "—", "–", ":");
    private static final Set<String> QUOTES = Set.of("\"", "“", "‘", "'", "(", ":", "-", "—", "–", "--");
    /** A town this large is worth naming without other evidence. */
    private static final long SELF_EVIDENT_POPULATION = 250_000;
    /** A city named like its region stands for it unless the region has this many times its people. */
    private static final long CITY_SHARE_OF_REGION = 10;
    /** A place smaller than this needs a preposition or qualifier, even in a country the article mentions. */
    private static final long SMALL_TOWN = 20_000;

    private final Gazetteer gazetteer;
    private final Set<String> commonWords;

    public GazetteerPlaceRecognizer(Gazetteer gazetteer) {
        this.gazetteer = Objects.requireNonNull(gazetteer);
        this.commonWords = loadWords("/org/khaldun/place/not-places.txt");
    }

    /** A recognizer over the built-in gazetteer (loaded once per JVM). */
    public static GazetteerPlaceRecognizer builtin() {
        return Holder.BUILTIN;
    }

    private static final class Holder {
        static final GazetteerPlaceRecognizer BUILTIN = new GazetteerPlaceRecognizer(Gazetteer.builtin());
    }

    public Gazetteer gazetteer() {
        return gazetteer;
    }

    private static Set<String> loadWords(String resource) {
        Set<String> out = new HashSet<>();
        try (InputStream in = GazetteerPlaceRecognizer.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("resource " + resource + " is missing from the class path");
            }
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                int hash = line.indexOf('#');
                String l = (hash >= 0 ? line.substring(0, hash) : line).strip();
                for (String w : l.split("\\s*\\|\\s*")) {
                    if (!w.isEmpty()) {
                        out.add(Gazetteer.key(w));
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Set.copyOf(out);
    }

    @Override
    public ArticlePlaces recognize(Article article, List<Sentence> sentences, ActorIndex actors) {
        return new Run(article, sentences, actors).run();
    }

    private record Anchor(String key, double lat, double lon) {
    }

    /** Score of a town in an admin-1 region the article names elsewhere. */
    private static final double ADMIN1_CONTEXT = 2.5;
    /** Score of a town near a place the article names with confidence. */
    private static final double NEAR_CONTEXT = 2;
    private static final double NEAR_KM = 100;
    /** A reading that led its rivals by this much (or had none) locates the article. */
    private static final double ANCHOR_MARGIN = 2;

    /** A name found in a sentence and what is known about it. */
    private static final class Match {
        final int sentence;
        final int first;
        final int last;
        final List<Sense> senses;
        /** every reading, before actor and case filters: qualifiers may still pick one of them */
        final List<Sense> allSenses;
        final String key;
        PlaceUse use = PlaceUse.LITERAL;
        String locative = "";
        boolean qualified;
        boolean adminWord;
        boolean dateline;
        boolean weakWord;
        boolean allCaps;
        boolean inActor;
        boolean rejected;
        boolean initial;
        GazetteerEntry forced;
        String forcedBy = "";
        GazetteerEntry chosen;
        String rule = "";
        /** how far the chosen reading's score led the next one (infinite when it had no rival) */
        double margin;

        Match(int sentence, int first, int last, List<Sense> senses, String key) {
            this.sentence = sentence;
            this.first = first;
            this.last = last;
            // a demonym is never a village of that name ("Canadian", Texas)
            boolean demonym = senses.stream().anyMatch(x -> x.kind() == NameKind.DEMONYM);
            List<Sense> kept = demonym ? senses.stream().filter(x -> !x.entry().minor()).toList() : senses;
            this.senses = new ArrayList<>(kept);
            this.allSenses = List.copyOf(kept);
            this.key = key;
        }

        boolean minorOnly() {
            for (Sense x : senses) {
                if (!x.entry().minor()) {
                    return false;
                }
            }
            return true;
        }

        boolean demonym() {
            for (Sense s : senses) {
                if (s.kind() == NameKind.NAME) {
                    return false;
                }
            }
            return true;
        }
    }

    /** Per-article state. */
    private final class Run {
        final Article article;
        final List<Sentence> sentences;
        final ActorIndex actors;
        final Set<String> lowerWords = new HashSet<>();
        final Map<String, Integer> countries = new HashMap<>();
        final Map<String, GazetteerEntry> settled = new HashMap<>();
        final List<List<Match>> matches = new ArrayList<>();
        /** confidently resolved cities of the first reading, and the admin-1 regions named (null in the first reading) */
        List<Anchor> anchors;
        Map<String, Set<String>> anchorRegions;

        Run(Article article, List<Sentence> sentences, ActorIndex actors) {
            this.article = article;
            this.sentences = sentences;
            this.actors = actors;
        }

        ArticlePlaces run() {
            for (Sentence s : sentences) {
                for (Token t : s.tokens()) {
                    String w = t.word();
                    if (!w.isEmpty() && Character.isLowerCase(w.charAt(0))) {
                        lowerWords.add(w);
                    }
                }
            }
            for (Sentence s : sentences) {
                matches.add(find(s));
            }
            context();
            // first reading: what the article's names mean without local context; its confident places then
            // locate the article for the second reading
            for (List<Match> ms : matches) {
                for (Match m : ms) {
                    resolve(m);
                }
            }
            findAnchors();
            settled.clear();
            Place dateline = null;
            List<List<Place>> out = new ArrayList<>();
            List<List<UnresolvedPlaces.Named>> unresolved = new ArrayList<>();
            java.util.Set<String> persons = UnresolvedPlaces.personNames(sentences);
            for (int si = 0; si < sentences.size(); si++) {
                Sentence s = sentences.get(si);
                List<Place> places = new ArrayList<>();
                for (Match m : matches.get(si)) {
                    GazetteerEntry g = resolve(m);
                    if (g == null) {
                        continue;
                    }
                    Place p = place(s, m, g);
                    places.add(p);
                    if (m.dateline && dateline == null) {
                        dateline = p;
                    }
                }
                out.add(places);
                unresolved.add(UnresolvedPlaces.find(s, places, actors, persons));
            }
            return new ArticlePlaces(sentences, out, dateline, unresolved);
        }

        // ---- finding names ----------------------------------------------------------------------------

        List<Match> find(Sentence s) {
            List<Token> tokens = s.tokens();
            int n = tokens.size();
            List<Match> out = new ArrayList<>();
            if (n == 0 || article.inDebris(s.start(), s.end())) {
                return out;
            }
            String[] w = new String[n];
            String[] k = new String[n];
            boolean[] cap = new boolean[n];
            int longWords = 0;
            int lowerLong = 0;
            int upperLong = 0;
            for (int i = 0; i < n; i++) {
                w[i] = tokens.get(i).word();
                k[i] = ActorDictionary.normalize(w[i]);
                cap[i] = !w[i].isEmpty() && Character.isUpperCase(w[i].charAt(0));
                if (w[i].length() >= 4 && Character.isLetter(w[i].charAt(0))) {
                    longWords++;
                    if (!cap[i]) {
                        lowerLong++;
                    } else if (allCaps(w[i])) {
                        upperLong++;
                    }
                }
            }
            // headlines in Title Case or capitals: capitals say nothing there
            boolean uninformative = longWords >= 3 && lowerLong == 0;
            boolean shouting = longWords >= 3 && upperLong * 2 > longWords;
            int i = 0;
            while (i < n) {
                if (!cap[i] || !Character.isLetter(w[i].charAt(0)) || article.inDebris(tokens.get(i).start(), tokens.get(i).end())) {
                    i++;
                    continue;
                }
                Match m = longest(s, w, k, cap, i);
                if (m == null) {
                    m = qualifierAfter(s, k, out, i);
                }
                if (m == null) {
                    i++;
                    continue;
                }
                i = m.last + 1;
                if (!accept(s, m, w, k, cap, uninformative || shouting)) {
                    continue;
                }
                out.add(m);
            }
            return out;
        }

        /**
         * "Tupelo, Miss.", "Churchill, Man.": abbreviations that are also words or titles name a state or province
         * only as the comma qualifier of a place just named.
         */
        private Match qualifierAfter(Sentence s, String[] k, List<Match> found, int i) {
            if (i < 2 || !k[i - 1].equals(",") || found.isEmpty() || found.get(found.size() - 1).last != i - 2) {
                return null;
            }
            List<Sense> senses = gazetteer.lookupQualifier(k[i]);
            return senses.isEmpty() ? null : new Match(s.index(), i, i, senses, k[i]);
        }

        private Match longest(Sentence s, String[] w, String[] k, boolean[] cap, int i) {
            int n = w.length;
            int max = Math.min(n - i, gazetteer.maxNameTokens());
            StringBuilder key = new StringBuilder();
            Match best = null;
            Match bestMajor = null;
            for (int len = 1; len <= max; len++) {
                int j = i + len - 1;
                if (len > 1) {
                    if (!cap[j] && !NAME_INNER.contains(k[j])) {
                        break;
                    }
                    // "-" joins only when written without spaces: "Al-Hasakah", not "Homs - Syria"
                    if (w[j].equals("-") && s.token(j).start() != s.token(j - 1).end()) {
                        break;
                    }
                    key.append(' ');
                }
                key.append(k[j]);
                if (!cap[j] && !(len == 1)) {
                    continue;
                }
                List<Sense> senses = gazetteer.lookup(key.toString());
                if (!senses.isEmpty()) {
                    best = new Match(s.index(), i, j, senses, key.toString());
                    if (!best.minorOnly()) {
                        bestMajor = best;
                    }
                }
            }
            // a well-known place is not swallowed by a village named after it ("University of Michigan Center")
            if (best != null && best != bestMajor && best.minorOnly() && bestMajor != null && wellKnown(bestMajor)) {
                best = bestMajor;
            }
            if (best == null && w[i].length() >= 2 && w[i].length() <= 3 && allCaps(w[i])) {
                List<Sense> abbr = gazetteer.lookupAbbreviation(w[i]);
                if (!abbr.isEmpty()) {
                    Match m = new Match(s.index(), i, i, abbr, "=" + w[i]);
                    m.weakWord = true;
                    return m;
                }
            }
            return best;
        }

        private boolean accept(Sentence s, Match m, String[] w, String[] k, boolean[] cap, boolean uninformative) {
            int n = w.length;
            m.allCaps = allCaps(s.span(m.first, m.last));
            // dateline: "BAGHDAD, Feb 8 (Reuters) -" at the start of one of the first sentences
            if (m.first == 0 && s.index() <= 3 && m.allCaps && m.last + 1 < n && DATELINE_AFTER.contains(w[m.last + 1])
                    && !m.demonym()) {
                m.dateline = true;
                m.locative = "dateline";
                return true;
            }
            // names in capitals ("US", "UAE") match text in capitals only, and text in capitals matches only them
            if (!uninformative) {
                boolean caps = m.allCaps;
                m.senses.removeIf(x -> x.acronym() != caps);
                if (m.senses.isEmpty()) {
                    return false;
                }
            }
            if (m.first == m.last && NOT_NAMES.contains(k[m.first])) {
                return false;
            }
            // actors: a place inside an actor mention is that actor's country (or capital); anything else is a
            // coincidence of names ("Obama", "Police"). The whole actor stands for it; a longer phrase is modified by it.
            for (int t = m.first; t <= m.last; t++) {
                var mention = actors.at(s.index(), t);
                if (mention.isPresent()) {
                    ActorMention am = mention.get();
                    String country = am.actor().country().length() >= 3 ? am.actor().country().substring(0, 3)
                            : am.actor().code().length() >= 3 ? am.actor().code().substring(0, 3) : "";
                    m.senses.removeIf(x -> !x.entry().country3().equals(country));
                    if (m.senses.isEmpty()) {
                        // "Georgia" coded as the country may still be the US state in "Atlanta, Georgia"
                        m.rejected = true;
                        return true;
                    }
                    m.use = spansExactly(am, m, k) && !m.demonym() ? PlaceUse.METONYMIC : PlaceUse.ADJECTIVAL;
                    m.inActor = true;
                    break;
                }
            }
            if (m.demonym()) {
                m.use = PlaceUse.ADJECTIVAL;
                return cap[m.first] || !uninformative;
            }
            // part of a longer name: "Paris Hilton", "Fort Detrick", "Ceamurlia de Jos"; a well-known place there
            // modifies the name ("Texas A&M", "New York Governor", "Environment Canada")
            if (!uninformative) {
                int after = m.last + 1;
                boolean longer = false;
                if (after < n && cap[after] && Character.isLetter(w[after].charAt(0)) && !NOT_NAMES.contains(k[after])
                        && !knownName(k[after])) {
                    if (ADMIN_WORDS.contains(k[after]) && !(after + 1 < n && cap[after + 1])) {
                        m.adminWord = true;
                    } else {
                        longer = true;
                    }
                }
                int before = m.first - 1;
                if (before > 0 && NAME_PARTICLES.contains(k[before]) && cap[before - 1]
                        && !NOT_NAMES.contains(k[before - 1])) {
                    return false;
                }
                boolean preceded = before >= 0 && cap[before] && Character.isLetter(w[before].charAt(0))
                        && !NOT_NAMES.contains(k[before]) && !sentenceStart(w, before) && !knownName(k[before])
                        && !allCaps(w[before]);
                if (longer || preceded) {
                    if (!wellKnown(m) || (preceded && !countryLevel(m))) {
                        return false;
                    }
                    if (m.use == PlaceUse.LITERAL) {
                        m.use = PlaceUse.ADJECTIVAL;
                    }
                }
            }
            // "Idlib province", "the state of Washington": a region word selects the region
            if (m.last + 1 < n && ADMIN_WORDS.contains(k[m.last + 1])
                    || m.first >= 2 && k[m.first - 1].equals("of") && ADMIN_WORDS.contains(k[m.first - 2])) {
                m.adminWord = true;
            }
            // tagged sentences: a name the tagger does not call a proper noun is a word ("Police said")
            if (s.parsed() && !uninformative) {
                boolean proper = false;
                for (int t = m.first; t <= m.last; t++) {
                    Token tok = s.token(t);
                    proper |= tok.pos().isEmpty() || tok.isProperNoun() || tok.pos().equals("FW");
                }
                if (!proper) {
                    return false;
                }
            }
            // "anti-Israel legislation", "pro-Iran militias": the place is what a thing is for or against, never
            // where something happens
            if (StancePrefix.before(w, m.first) && m.use == PlaceUse.LITERAL) {
                m.use = PlaceUse.ADJECTIVAL;
            }
            m.locative = locativeBefore(w, k, m.first);
            m.initial = sentenceStart(w, m.first) || uninformative;
            m.weakWord |= commonWords.contains(m.key)
                    || (m.first == m.last && lowerWords.contains(w[m.first].toLowerCase(java.util.Locale.ROOT)));
            return true;
        }

        /** A name that needs no evidence: a country, region, or city of a million, and no common word. */
        private boolean wellKnown(Match m) {
            if (commonWords.contains(m.key)) {
                return false;
            }
            for (Sense x : m.senses) {
                GazetteerEntry e = x.entry();
                if (e.level().ordinal() <= Level.COUNTRY.ordinal() || e.population() >= 1_000_000) {
                    return true;
                }
            }
            return false;
        }

        private boolean countryLevel(Match m) {
            for (Sense x : m.senses) {
                if (x.entry().level().ordinal() <= Level.COUNTRY.ordinal()) {
                    return true;
                }
            }
            return false;
        }

        private boolean spansExactly(ActorMention am, Match m, String[] k) {
            int first = am.firstToken();
            if (first < m.first && k[first].equals("the")) {
                first++;
            }
            return first == m.first && am.lastToken() == m.last;
        }

        private String locativeBefore(String[] w, String[] k, int first) {
            int j = first - 1;
            int bridged = 0;
            while (j >= 0 && bridged <= 3) {
                if (LOCATIVE.contains(k[j])) {
                    if (k[j].equals("of")) {
                        // "of" is locative after a place noun: "the city of Homs", "north of Kirkuk"
                        return j > 0 && PLACE_NOUNS.contains(k[j - 1]) ? "of" : "";
                    }
                    return k[j];
                }
                if (!BRIDGE.contains(k[j])) {
                    // a list of places: "in Syria, Iraq and Lebanon"
                    if ((k[j].equals(",") || k[j].equals("and") || k[j].equals("or")) && bridged == 0) {
                        j--;
                        continue;
                    }
                    return "";
                }
                bridged++;
                j--;
            }
            return "";
        }

        // ---- context and resolution ----------------------------------------------------------------------

        /** Countries the article names: actor countries and unambiguous place names, and qualifiers. */
        void context() {
            for (int si = 0; si < sentences.size(); si++) {
                List<Match> ms = matches.get(si);
                for (ActorMention am : actors.mentions(si)) {
                    String c = am.actor().country();
                    // an actor named by an ambiguous place name ("Georgia") says nothing about which it is
                    if (c.length() >= 3 && !overlapsAmbiguous(ms, am)) {
                        countries.merge(c.substring(0, 3), 1, Integer::sum);
                    }
                }
                for (int i = 0; i < ms.size(); i++) {
                    Match m = ms.get(i);
                    List<Sense> major = majors(m.allSenses);
                    String only = onlyCountry(major);
                    if (only != null && !m.weakWord && (!m.initial || major.get(0).entry().level().ordinal() <= Level.ADMIN1.ordinal()
                        || major.get(0).entry().population() >= SELF_EVIDENT_POPULATION)) {
                        countries.merge(only, 1, Integer::sum);
                    }
                }
            }
            for (int si = 0; si < sentences.size(); si++) {
                List<Match> ms = matches.get(si);
                for (int i = 0; i + 1 < ms.size(); i++) {
                    boolean inList = i > 0 && ms.get(i - 1).last + 2 == ms.get(i).first
                            && sentences.get(si).token(ms.get(i).first - 1).word().equals(",");
                    qualify(sentences.get(si), ms.get(i), ms.get(i + 1), inList);
                }
            }
        }

        private boolean overlapsAmbiguous(List<Match> ms, ActorMention am) {
            for (Match m : ms) {
                if (m.first <= am.lastToken() && am.firstToken() <= m.last && onlyCountry(majors(m.allSenses)) == null) {
                    return true;
                }
            }
            return false;
        }

        /** The readings that are not minor towns: what a name means without local evidence. */
        private List<Sense> majors(List<Sense> senses) {
            for (Sense x : senses) {
                if (x.entry().minor()) {
                    List<Sense> out = new ArrayList<>(senses.size());
                    for (Sense y : senses) {
                        if (!y.entry().minor()) {
                            out.add(y);
                        }
                    }
                    return out;
                }
            }
            return senses;
        }

        /** A name with a reading that is not a minor town: it ends a longer name, not a minor namesake. */
        private boolean knownName(String key) {
            for (Sense x : gazetteer.lookup(key)) {
                if (!x.entry().minor()) {
                    return true;
                }
            }
            return false;
        }

        private String onlyCountry(List<Sense> senses) {
            if (senses.isEmpty()) {
                return null;
            }
            String c = null;
            for (Sense s : senses) {
                String cc = s.entry().country3();
                if (c == null) {
                    c = cc;
                } else if (!c.equals(cc)) {
                    return null;
                }
            }
            return c;
        }

        /**
         * "Paris, Texas", "Homs, Syria", "Warwick in Queensland": the second name says which first is meant. A
         * comma qualifier naming a region or country that holds none of the first name's readings says the
         * gazetteer lacks the place ("Norfolk, England" where only the Norfolk in Virginia is listed).
         */
        private void qualify(Sentence s, Match m, Match next, boolean inList) {
            if (next.first != m.last + 2 || m.dateline) {
                return;
            }
            String between = s.token(m.last + 1).word();
            boolean comma = between.equals(",");
            if (!comma && !between.equals("in") || comma && inList) {
                return;
            }
            GazetteerEntry bestInner = null;
            GazetteerEntry bestOuter = null;
            double bestScore = Double.NEGATIVE_INFINITY;
            for (Sense a : m.allSenses) {
                for (Sense b : next.allSenses) {
                    if (a.kind() != NameKind.NAME || b.kind() != NameKind.NAME || !within(a.entry(), b.entry())) {
                        continue;
                    }
                    double sc = score(m, a.entry());
                    if (sc > bestScore) {
                        bestScore = sc;
                        bestInner = a.entry();
                        bestOuter = b.entry();
                    }
                }
            }
            if (bestInner == null) {
                if (comma && allCities(majors(m.allSenses)) && !majors(next.allSenses).isEmpty() && noCities(majors(next.allSenses))
                        && next.use != PlaceUse.ADJECTIVAL) {
                    m.rejected = true;
                }
                return;
            }
            m.forced = bestInner;
            m.forcedBy = "qualifier(" + bestOuter.name() + ")";
            m.qualified = true;
            m.use = PlaceUse.LITERAL;
            next.forced = bestOuter;
            next.forcedBy = "qualifies(" + bestInner.name() + ")";
            next.qualified = true;
            next.use = PlaceUse.LITERAL;
            countries.merge(bestInner.country3(), 1, Integer::sum);
        }

        private boolean allCities(List<Sense> senses) {
            for (Sense x : senses) {
                if (x.entry().level() != Level.CITY) {
                    return false;
                }
            }
            return !senses.isEmpty();
        }

        private boolean noCities(List<Sense> senses) {
            for (Sense x : senses) {
                if (x.entry().level() == Level.CITY) {
                    return false;
                }
            }
            return true;
        }

        private boolean within(GazetteerEntry inner, GazetteerEntry outer) {
            if (inner.level().ordinal() <= outer.level().ordinal()) {
                return false;
            }
            return switch (outer.level()) {
                case COUNTRY -> outer.country2().equals(inner.country2());
                case ADMIN1 -> outer.country2().equals(inner.country2()) && outer.admin1Code().equals(inner.admin1Code());
                default -> false;
            };
        }

        GazetteerEntry resolve(Match m) {
            if (m.rejected && m.forced == null) {
                return null;
            }
            GazetteerEntry g;
            StringBuilder rule = new StringBuilder(m.demonym() ? "demonym" : "name");
            if (m.forced != null) {
                g = m.forced;
                rule.append('+').append(m.forcedBy);
            } else {
                g = null;
                double best = Double.NEGATIVE_INFINITY;
                double second = Double.NEGATIVE_INFINITY;
                GazetteerEntry earlier = settled.get(m.key);
                boolean famous = famousReading(m);
                for (Sense s : m.senses) {
                    GazetteerEntry e = s.entry();
                    // a minor town is a reading only where the article places it, and never instead of a region or
                    // of a big city in a country the article is about ("Florida", "Boston")
                    if (e.minor() && (famous || localSupport(m, e) == 0)) {
                        continue;
                    }
                    double score = score(m, e);
                    if (e == earlier) {
                        score += 10;
                    }
                    if (score > best) {
                        second = best;
                        best = score;
                        g = e;
                    } else if (score > second) {
                        second = score;
                    }
                }
                if (g == null) {
                    return null;
                }
                m.margin = best - second;
                boolean known = g == earlier;
                boolean inContext = countries.getOrDefault(g.country3(), 0) > (onlyCountry(majors(m.allSenses)) != null ? 1 : 0);
                boolean big = g.level().ordinal() <= Level.ADMIN1.ordinal() || g.population() >= SELF_EVIDENT_POPULATION;
                if (m.adminWord && g.level() == Level.CITY && !inContext) {
                    return null;
                }
                boolean cue = !m.locative.isEmpty() || m.dateline || m.adminWord;
                if (m.use == PlaceUse.LITERAL && !known) {
                    // a common word needs a preposition or qualifier; a capital at the start of a sentence says
                    // nothing, so a name there must be well known
                    if (m.weakWord && !cue && !(g.level().ordinal() <= Level.COUNTRY.ordinal() && !commonWords.contains(m.key))) {
                        return null;
                    }
                    if (m.initial && !cue && !big) {
                        return null;
                    }
                    if (!big && !cue && !(inContext && g.population() >= SMALL_TOWN)) {
                        return null;
                    }
                }
                if (m.dateline) {
                    rule.append("+dateline");
                } else if (!m.locative.isEmpty()) {
                    rule.append("+locative(").append(m.locative).append(')');
                }
                if (m.adminWord) {
                    rule.append("+region-word");
                }
                if (known) {
                    rule.append("+earlier-in-article");
                } else if (m.senses.size() > 1 && localSupport(m, g) > 0) {
                    rule.append(localSupport(m, g) >= ADMIN1_CONTEXT ? "+region-context(" : "+near(").append(g.admin1()).append(')');
                } else if (m.senses.size() > 1 && inContext) {
                    rule.append("+context(").append(g.country3()).append(')');
                } else if (m.senses.size() > 1) {
                    rule.append("+largest");
                }
            }
            if (m.use == PlaceUse.LITERAL && !m.weakWord) {
                settled.putIfAbsent(m.key, g);
            } else if (m.use == PlaceUse.LITERAL && (m.qualified || !m.locative.isEmpty())) {
                settled.putIfAbsent(m.key, g);
            }
            if (m.use == PlaceUse.METONYMIC) {
                rule.append("+actor");
            }
            m.rule = rule.toString();
            m.chosen = g;
            return g;
        }

        private boolean hasCityIn(Match m, GazetteerEntry region) {
            for (Sense x : m.allSenses) {
                if (x.entry().level() == Level.CITY && !x.entry().minor() && x.entry().country2().equals(region.country2())
                        && x.entry().admin1Code().equals(region.admin1Code())
                        && x.entry().population() * CITY_SHARE_OF_REGION >= region.population()) {
                    return true;
                }
            }
            return false;
        }

        private boolean hasCapitalOf(Match m, GazetteerEntry region) {
            for (Sense x : m.allSenses) {
                if (x.entry().isCapital() && x.entry().country2().equals(region.country2())) {
                    return true;
                }
            }
            return false;
        }

        private double score(Match m, GazetteerEntry e) {
            double s = Math.log10(e.population() + 10);
            switch (e.level()) {
                case CONTINENT -> s += 9;
                case COUNTRY -> s += 3;
                case ADMIN1 -> {
                    if (m.adminWord) {
                        s += 8;
                    } else if (hasCityIn(m, e)) {
                        // "Mecca", "Giza", "Uppsala": the city, not the region named after it — unless the
                        // city is a small part of the region ("Quebec")
                        s -= 3;
                    } else if (hasCapitalOf(m, e)) {
                        // "Washington": the country's capital, not its namesake region
                        s -= 3;
                    } else {
                        s += 0.5;
                    }
                }
                case CITY -> {
                    if (e.isCapital()) {
                        s += 1.5;
                    } else if ("PPLA".equals(e.featureCode())) {
                        s += 0.5;
                    }
                }
            }
            int mentioned = countries.getOrDefault(e.country3(), 0);
            if (mentioned > 0) {
                s += 3 + Math.min(1.5, 0.25 * mentioned);
            }
            if (e.level() == Level.CITY) {
                s += localSupport(m, e);
            }
            return s;
        }

        /**
         * Spatial minimality: a town in an admin-1 region the article names elsewhere ("Plymouth" in a story that
         * names Massachusetts), or near a place the article names with confidence ("the Cincinnati suburb of
         * West Chester"), is the namesake meant. Only other names count, and only once the first reading of the
         * article has found its anchors.
         */
        private double localSupport(Match m, GazetteerEntry e) {
            if (anchors == null || e.level() != Level.CITY) {
                return 0;
            }
            // a city named like its own region ("Quebec"): local context cannot tell them apart
            for (Sense x : m.allSenses) {
                if (x.entry().level() == Level.ADMIN1 && x.entry().country2().equals(e.country2())
                        && x.entry().admin1Code().equals(e.admin1Code())) {
                    return 0;
                }
            }
            double s = 0;
            Set<String> names = anchorRegions.get(e.country2() + "." + e.admin1Code());
            if (names != null && !e.admin1Code().isEmpty() && !(names.size() == 1 && names.contains(m.key))) {
                s += ADMIN1_CONTEXT;
            }
            for (Anchor a : anchors) {
                if (!a.key.equals(m.key) && e.distanceKm(a.lat, a.lon) <= NEAR_KM) {
                    s += NEAR_CONTEXT;
                    break;
                }
            }
            return s;
        }

        /** A reading news means far more often than any village: a region, or a big city in a country the article names. */
        private boolean famousReading(Match m) {
            for (Sense x : m.senses) {
                GazetteerEntry e = x.entry();
                if (e.level().ordinal() <= Level.ADMIN1.ordinal()
                        || e.level() == Level.CITY && e.population() >= SELF_EVIDENT_POPULATION && countries.containsKey(e.country3())) {
                    return true;
                }
            }
            return false;
        }

        /** Places the first reading resolved with confidence: they locate the article for the second reading. */
        private void findAnchors() {
            anchors = new ArrayList<>();
            anchorRegions = new HashMap<>();
            for (List<Match> ms : matches) {
                for (Match m : ms) {
                    GazetteerEntry g = m.chosen;
                    if (g == null || m.demonym()) {
                        continue;
                    }
                    boolean sure = m.qualified || m.dateline || m.margin >= ANCHOR_MARGIN;
                    if (g.level() == Level.ADMIN1 && sure) {
                        anchorRegions.computeIfAbsent(g.country2() + "." + g.admin1Code(), x -> new HashSet<>()).add(m.key);
                    } else if (g.level() == Level.CITY && sure) {
                        anchors.add(new Anchor(m.key, g.lat(), g.lon()));
                        anchorRegions.computeIfAbsent(g.country2() + "." + g.admin1Code(), x -> new HashSet<>()).add(m.key);
                    }
                }
            }
        }

        private Place place(Sentence s, Match m, GazetteerEntry g) {
            Token a = s.token(m.first);
            Token b = s.token(m.last);
            String admin1 = g.level() == Level.ADMIN1 ? g.name() : g.admin1();
            return new Place(s.span(m.first, m.last), a.start(), b.end(), s.index(), m.first, m.last, g.geonameId(),
                    g.name(), g.country3(), admin1, g.lat(), g.lon(), g.level(), m.dateline ? PlaceUse.LITERAL : m.use,
                    m.rule);
        }
    }

    private static boolean sentenceStart(String[] w, int i) {
        return i == 0 || QUOTES.contains(w[i - 1]) || w[i - 1].equals(".");
    }

    private static boolean allCaps(String s) {
        return upperCaseLetters(s) >= 2;
    }

    /** How many letters {@code s} has when none is lower case; -1 when one is ("NATO" 4, "Nato" -1, "9/11" 0). */
    static int upperCaseLetters(String s) {
        int letters = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isLetter(c)) {
                if (Character.isLowerCase(c)) {
                    return -1;
                }
                letters++;
            }
        }
        return letters;
    }
}
