package org.khaldun.place;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.khaldun.actor.ActorIndex;
import org.khaldun.nlp.Dependency;
import org.khaldun.nlp.Sentence;
import org.khaldun.nlp.Token;

/**
 * Place names the gazetteer lacks — villages, districts, camps, neighbourhoods, landmarks — found only where the
 * parse says a place is meant: a proper-noun phrase reached by a locative case ("in Beit Hanoun", "near
 * Qabr Al-Muqri"), named by a place noun ("the village of Abadam", "Magam town", "the Kindi Hospital"), or after a
 * direction ("northeast of Hazrama"). Actors, people after a title, organisations, dates, and names the gazetteer
 * resolved are left out. The result is a {@link Level#UNRESOLVED} place: named, not geocoded.
 *
 * <p>Each place comes with its anchor: the token through which the dependency graph reaches it — the place noun of
 * "the village of X" and "X district", so that "in the Zafaraniyah district of Baghdad" reaches Zafaraniyah before
 * Baghdad.
 */
final class UnresolvedPlaces {

    /** An unresolved place and the token that stands for it in the graph. */
    record Named(Place place, int anchor) {
        boolean at(int token) {
            return anchor == token || place.covers(token);
        }
    }

    private static final Set<String> LOCATIVE_CASES = Set.of("in", "at", "on", "near", "inside", "outside", "across", "throughout",
            "within", "around", "into", "along", "near_to", "next_to", "outside_of", "close_to", "off", "across_from");
    /** Nouns whose "of" names a place ("the village of X") and whose compound does ("X village"). */
    private static final Set<String> AREA_NOUNS = Set.of("village", "town", "city", "district", "camp", "province",
            "neighbourhood", "neighborhood", "area", "region", "suburb", "quarter", "governorate", "county", "municipality",
            "settlement", "hamlet", "township", "locality", "sub-district", "subdistrict", "countryside", "outskirts",
            "island", "valley", "villages", "towns", "areas", "neighbourhoods", "neighborhoods");
    /** Nouns that name a landmark by a compound only ("Siinaay junction", "the Al-Shifa hospital"). */
    private static final Set<String> LANDMARK_NOUNS = Set.of("hospital", "market", "square", "street", "road", "junction",
            "mosque", "church", "prison", "jail", "airport", "airbase", "base", "checkpoint", "crossing", "bridge", "port",
            "hill", "mountain", "mount", "farms", "stadium", "compound", "highway", "peninsula", "refinery", "dam", "shrine",
            "hotel", "palace", "embassy", "center", "centre", "complex");
    private static final Set<String> DIRECTIONS = Set.of("north", "south", "east", "west", "northeast", "northwest",
            "southeast", "southwest", "outskirts", "centre", "center", "heart", "edge", "suburbs", "suburb");
    /** Words that make a capitalised phrase a date, an organisation, a body or an idea rather than a place. */
    private static final Set<String> NOT_PLACE = Set.of("monday", "tuesday", "wednesday", "thursday", "friday", "saturday",
            "sunday", "january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
            "november", "december", "jan.", "feb.", "mar.", "apr.", "aug.", "sep.", "sept.", "oct.", "nov.", "dec.",
            "christmas", "easter", "ramadan", "eid", "new", "year", "day", "week",
            "ministry", "department", "party", "council", "committee", "court", "parliament", "congress", "senate",
            "assembly", "army", "forces", "force", "police", "agency", "company", "corporation", "bank", "group", "union",
            "organization", "organisation", "front", "movement", "brigade", "brigades", "battalion", "division", "regiment",
            "news", "times", "post", "tv", "television", "radio", "press", "office", "administration", "government",
            "commission", "authority", "guard", "state", "islam", "god", "allah", "internet", "twitter", "facebook",
            "youtube", "english", "arabic", "french", "war", "operation", "act", "law", "bill", "summit", "conference",
            "talks", "election", "elections", "games", "olympics", "cup", "league", "university", "college", "school",
            "institute", "foundation", "hamas", "hezbollah", "taliban", "isis", "isil", "al-qaeda", "nusra", "coalition");
    /** Titles: the name after one is a person ("near Mr. Farouk", "near President Karzai"). */
    private static final Set<String> TITLES = Set.of("mr", "mr.", "mrs", "mrs.", "ms", "ms.", "dr", "dr.", "sen.", "rep.",
            "gov.", "gen.", "gen", "lt.", "col.", "sgt.", "capt.", "maj.", "rev.", "prof.", "president", "minister", "king",
            "queen", "prince", "sheikh", "imam", "ayatollah", "general", "colonel", "commander", "leader", "chief",
            "senator", "governor", "mayor", "secretary", "ambassador", "spokesman", "spokeswoman", "judge", "pope",
            "premier", "chairman", "director", "officer", "captain", "sir", "lord", "lady", "mullah", "emir", "sultan");

    private UnresolvedPlaces() {
    }

    /**
     * The unresolved places of a parsed sentence, in token order, none overlapping a literal gazetteer place or an
     * actor mention.
     */
    static List<Named> find(Sentence s, List<Place> mentions, ActorIndex actors) {
        return find(s, mentions, actors, Set.of());
    }

    /** Verbs after which a two-word capitalised name is a person speaking ("Karim Haddad said"). */
    private static final Set<String> SPEECH = Set.of("said", "says", "told", "added", "stated", "explained", "noted",
            "warned", "insisted", "argued", "wrote", "tweeted", "asked", "replied", "recalled");

    /**
     * The article's people, as lower-cased name words: a capitalised name after a title anywhere in the article
     * ("Mr. Farouk Haddad", "President Karzai") and a name of two or more capitalised words speaking ("Karim Haddad
     * said"). Read from tokens, so unparsed sentences count: "near Haddad" three paragraphs later is that person, not
     * a village.
     */
    static Set<String> personNames(List<Sentence> sentences) {
        Set<String> out = new java.util.HashSet<>();
        for (Sentence s : sentences) {
            int n = s.tokens().size();
            for (int i = 0; i < n; i++) {
                if (!name(s.token(i))) {
                    continue;
                }
                int end = i;
                while (end + 1 < n && name(s.token(end + 1))) {
                    end++;
                }
                boolean titled = i > 0 && TITLES.contains(s.token(i - 1).word().toLowerCase(Locale.ROOT));
                boolean speaking = end > i && end + 1 < n
                        && SPEECH.contains(s.token(end + 1).word().toLowerCase(Locale.ROOT));
                if (titled || speaking) {
                    for (int k = i; k <= end; k++) {
                        String w = s.token(k).word().toLowerCase(Locale.ROOT);
                        if (!NOT_PLACE.contains(w) && !TITLES.contains(w)) {
                            out.add(w);
                        }
                    }
                }
                i = end;
            }
        }
        return out;
    }

    private static boolean name(Token t) {
        return t.isProperNoun() && t.isCapitalized();
    }

    /** {@link #find(Sentence, List, ActorIndex)}, leaving out names the article gives to people ({@link #personNames}). */
    static List<Named> find(Sentence s, List<Place> mentions, ActorIndex actors, Set<String> persons) {
        List<Named> out = new ArrayList<>();
        if (!s.parsed() || s.dependencies().isEmpty()) {
            return out;
        }
        int n = s.tokens().size();
        boolean[] used = new boolean[n];
        for (int h = 0; h < n; h++) {
            String how = locativeEvidence(s, h);
            if (how == null) {
                continue;
            }
            Token head = s.token(h);
            String lemma = head.word().toLowerCase(Locale.ROOT);
            if (head.isProperNoun() && head.isCapitalized() && !AREA_NOUNS.contains(lemma)) {
                add(s, h, h, how, mentions, actors, persons, used, out);
            } else if (head.isNoun() && (AREA_NOUNS.contains(lemma) || LANDMARK_NOUNS.contains(lemma))) {
                for (Dependency d : s.children(h)) {
                    Token c = s.token(d.dependent());
                    boolean named = d.relation().equals("compound")
                            || (AREA_NOUNS.contains(lemma) && (d.relation().equals("nmod:of") || d.relation().equals("appos")));
                    if (named && c.isProperNoun() && c.isCapitalized()) {
                        add(s, d.dependent(), h, how + "+" + lemma + (d.relation().equals("compound") ? "" : "-of"), mentions,
                                actors, persons, used, out);
                    }
                }
            }
        }
        out.sort((a, b) -> Integer.compare(a.place().firstToken(), b.place().firstToken()));
        return out;
    }

    /** How a token is put in a place, or null: "locative(in)", "direction(north)", "object-of(village)". */
    private static String locativeEvidence(Sentence s, int token) {
        for (Dependency d : s.parents(token)) {
            if (d.governor() < 0) {
                continue;
            }
            String base = d.baseRelation();
            if ((base.equals("obl") || base.equals("nmod")) && LOCATIVE_CASES.contains(d.subtype())
                    // "fell on Buhriz" is a place, "the attack on Haddad" more often a target
                    && !(base.equals("nmod") && d.subtype().equals("on"))) {
                return "locative(" + d.subtype() + ")";
            }
            String gov = s.token(d.governor()).word().toLowerCase(Locale.ROOT);
            if ((base.equals("obl") || base.equals("nmod")) && "of".equals(d.subtype()) && DIRECTIONS.contains(gov)) {
                return "direction(" + gov + ")";
            }
        }
        // "the village of X", "X district" name a place whatever governs them
        Token t = s.token(token);
        String w = t.word().toLowerCase(Locale.ROOT);
        if (t.isNoun() && (AREA_NOUNS.contains(w) || LANDMARK_NOUNS.contains(w))) {
            return "place-noun";
        }
        return null;
    }

    private static void add(Sentence s, int at, int anchor, String how, List<Place> mentions, ActorIndex actors,
                            Set<String> persons, boolean[] used, List<Named> out) {
        int first = at;
        int last = at;
        while (first > 0 && nameToken(s.token(first - 1))) {
            first--;
        }
        while (last + 1 < s.tokens().size() && nameToken(s.token(last + 1))) {
            last++;
        }
        for (int i = first; i <= last; i++) {
            String w = s.token(i).word().toLowerCase(Locale.ROOT);
            if (used[i] || actors.at(s.index(), i).isPresent() || NOT_PLACE.contains(w) || persons.contains(w)) {
                return;
            }
        }
        if (first > 0 && TITLES.contains(s.token(first - 1).word().toLowerCase(Locale.ROOT))
                || TITLES.contains(s.token(first).word().toLowerCase(Locale.ROOT))) {
            return;
        }
        String text = s.span(first, last);
        if (acronym(text) || indefinite(s, at) || indefinite(s, anchor)) {
            return;
        }
        for (Place p : mentions) {
            boolean overlaps = p.firstToken() <= last && first <= p.lastToken();
            // a gazetteer place, an actor's country or a demonym is no unknown place; a longer name that a
            // well-known name merely modifies ("Dhaka Central Jail") is
            if (overlaps && (p.use() == PlaceUse.LITERAL || (p.firstToken() == first && p.lastToken() == last))) {
                return;
            }
        }
        for (int i = first; i <= last; i++) {
            used[i] = true;
        }
        Token a = s.token(first);
        Token b = s.token(last);
        Place in = enclosing(s, anchor, mentions);
        String country = in == null ? "" : in.countryCode();
        String admin1 = in == null ? "" : in.level() == Level.ADMIN1 ? in.name() : in.admin1();
        Place p = new Place(text, a.start(), b.end(), s.index(), first, last, 0, text, country, admin1, Double.NaN, Double.NaN,
                Level.UNRESOLVED, PlaceUse.LITERAL, "unresolved+" + how + (in == null ? "" : "+in(" + in.name() + ")"));
        out.add(new Named(p, anchor));
    }

    /**
     * The gazetteer place the unresolved one lies in, where the phrase says so: "the Amriya district of Baghdad",
     * "Baghdad's Amriya district", "the village of X in Idlib province" (one or two steps from the anchor); null
     * otherwise. Only containment counts: "near Gaza" says nothing of the country.
     */
    private static Place enclosing(Sentence s, int anchor, List<Place> mentions) {
        List<Integer> frontier = List.of(anchor);
        for (int depth = 0; depth < 2; depth++) {
            List<Integer> next = new ArrayList<>();
            for (int token : frontier) {
                for (Dependency d : s.children(token)) {
                    String r = d.relation();
                    if (!(r.equals("nmod:of") || r.equals("nmod:in") || r.equals("nmod:poss") || r.equals("appos"))) {
                        continue;
                    }
                    for (Place p : mentions) {
                        // any use: a name the actor recogniser took for its government still says where the district is
                        if (p.covers(d.dependent()) && p.level() != Level.CONTINENT) {
                            return p;
                        }
                    }
                    next.add(d.dependent());
                }
            }
            frontier = next;
        }
        return null;
    }

    /** "in a Bazaar": a name takes no indefinite article; a capitalised common noun does. */
    private static boolean indefinite(Sentence s, int token) {
        for (Dependency d : s.children(token)) {
            String w = s.token(d.dependent()).word().toLowerCase(Locale.ROOT);
            if (d.relation().equals("det") && (w.equals("a") || w.equals("an"))) {
                return true;
            }
        }
        return false;
    }

    /** A word of a name: a proper noun, or a capitalised word the tagger misread ("Umm" as an interjection). */
    private static boolean nameToken(Token t) {
        if (t.pos().equals("UH") || t.pos().equals("FW")) {
            return t.isCapitalized();
        }
        return t.isProperNoun() && (t.isCapitalized() || t.word().startsWith("al-") || t.word().equals("al") || t.word().equals("de"));
    }

    private static boolean acronym(String text) {
        int letters = GazetteerPlaceRecognizer.upperCaseLetters(text);
        return letters >= 0 && letters <= 5;
    }
}
