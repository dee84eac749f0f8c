package org.khaldun.attribution;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.khaldun.actor.Actor;
import org.khaldun.actor.ActorIndex;
import org.khaldun.actor.ActorMention;
import org.khaldun.nlp.Sentence;
import org.khaldun.nlp.Token;

/**
 * The people an article names, found on tokens alone: most speakers in political news are people no actor dictionary
 * lists ("Kevin Sullivan, the state's tax commissioner"). A person is a run of two or more capitalised words
 * ("Ronald R. Fieldstone", "Vann R. Newkirk II") that holds no organisation word, or one capitalised word after a
 * courtesy title ("Mr. Clarke", "Sen. Kaine"); a later bare surname ("Sullivan") is the same person. The tracker
 * answers one question: the person a "he" or "she" at a given place most likely refers to, the nearest person named
 * before it outside quotations, in its paragraph or the two before.
 */
final class Persons {

    private static final Set<String> COURTESY = words("mr", "mr.", "ms", "ms.", "mrs", "mrs.", "dr", "dr.", "sen", "sen.",
            "rep", "rep.", "gov", "gov.", "gen", "gen.", "lt.", "col.", "sgt.", "rev.", "prof.", "pres.", "president",
            "senator", "governor", "secretary", "judge", "justice", "mayor", "minister", "ambassador", "commissioner",
            "chairman", "chairwoman", "speaker", "professor", "representative", "congressman", "congresswoman",
            "spokesman", "spokeswoman", "director", "chief", "general", "officer", "sheriff", "leader", "candidate",
            "nominee", "pope", "king", "queen", "prince", "sir", "lady", "lord", "attorney", "advisor", "adviser");
    /** Titles that end a title phrase ("Foreign Minister", "Judiciary Chief") and are hardly ever surnames. */
    private static final Set<String> TITLE_HEADS = words("minister", "secretary", "chief", "speaker", "president",
            "spokesman", "spokeswoman", "ambassador", "commissioner", "chairman", "chairwoman", "director", "governor",
            "senator", "mayor", "general", "leader", "judge", "advisor", "adviser", "officer", "sheriff",
            "representative", "congressman", "congresswoman", "candidate", "nominee", "professor", "envoy", "premier",
            "chancellor", "commander", "head", "deputy");
    /** Words that make a capitalised run an organisation, a place or a title, not a person. */
    private static final Set<String> NOT_PERSON = words("house", "senate", "congress", "department", "ministry",
            "party", "committee", "council", "university", "college", "school", "times", "post", "news", "journal",
            "court", "campaign", "administration", "association", "institute", "institution", "center", "centre",
            "foundation", "group", "company", "corporation", "inc", "inc.", "corp", "corp.", "bank", "state", "states",
            "united", "national", "republican", "republicans", "democrat", "democrats", "democratic", "american",
            "america", "federal", "office", "agency", "bureau", "service", "services", "network", "union", "nations",
            "city", "county", "street", "avenue", "road", "square", "hall", "tower", "hospital", "church", "club",
            "press", "media", "television", "radio", "magazine", "review", "tribune", "herald", "daily", "weekly",
            "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january", "february",
            "march", "april", "may", "june", "july", "august", "september", "october", "november", "december",
            "north", "south", "east", "west", "new", "fund", "program", "project", "act", "bill", "law", "war", "day",
            "election", "debate", "convention", "summit", "conference", "forum", "army", "navy", "force", "forces",
            "police", "guard", "security", "intelligence", "council", "commission", "board", "authority", "caucus",
            "coalition", "alliance", "movement", "front", "organization", "organisation", "international", "global",
            "world", "twitter", "facebook", "google", "apple", "microsoft", "amazon", "morning", "evening", "show",
            "island", "river", "mountain", "valley", "lake", "park", "museum", "library", "airport", "station",
            "brothers", "partners", "associates", "holdings", "capital", "group", "industries", "energy", "oil");
    private static final Set<String> FUNCTION = words("the", "a", "an", "but", "and", "or", "in", "on", "at", "of",
            "for", "to", "with", "as", "by", "from", "after", "before", "when", "while", "if", "it", "he", "she", "they",
            "we", "i", "you", "this", "that", "these", "those", "his", "her", "their", "its", "our", "my", "your", "there",
            "here", "what", "who", "why", "how", "where", "asked", "still", "yet", "so", "then", "now", "also", "even",
            "meanwhile", "however", "though", "although", "since", "because", "during", "under", "over", "about",
            "former", "late", "both", "each", "all", "some", "many", "most", "one", "two", "three", "like", "unlike",
            "according", "speaking", "said", "says", "told", "added", "not", "no", "yes", "well", "oh", "please",
            "thank", "thanks", "dear", "mrs", "among");

    /**
     * A person named at a place: full name as first given, and the actor when the actor index knows it (else
     * code-less); {@code title} holds the lower-cased title words the name was introduced with ("judiciary", "chief"
     * for "Judiciary Chief Gholamhossein Mohseni Ejei"), by which a later bare title refers to the person.
     */
    record Mention(int sentence, int first, int last, String name, Actor actor, boolean possessive, List<String> title) {
    }

    /** A title that names a person's office ("governor", "spokesman"), lower case. */
    static boolean titleHead(String word) {
        return TITLE_HEADS.contains(word);
    }

    private static Set<String> words(String... w) {
        return Set.copyOf(java.util.Arrays.asList(w));
    }

    private final List<Mention> mentions;
    private final int[] paragraph;
    /** 'm' or 'f' where a courtesy title anywhere in the article tells ("Mr. Clarke", "Ms. Simonyan"). */
    private final Map<String, Character> gender;

    private Persons(List<Mention> mentions, int[] paragraph, Map<String, Character> gender) {
        this.mentions = mentions;
        this.paragraph = paragraph;
        this.gender = gender;
    }

    /** Persons named in the article, outside quotations ({@code quoted} tells which characters are quoted). */
    static Persons find(String text, List<Sentence> sentences, int[] paragraph, ActorIndex actors,
                        java.util.function.IntPredicate quoted) {
        List<Mention> out = new ArrayList<>();
        Map<String, String> bySurname = new HashMap<>();
        Map<String, Actor> actorByName = new HashMap<>();
        Map<String, Character> gender = new HashMap<>();
        List<String> pendingTitle = List.of();
        int pendingSentence = -1;
        int pendingEnd = -1;
        for (Sentence s : sentences) {
            int n = s.tokens().size();
            int k = 0;
            while (k < n) {
                if (!capital(s, k) || quoted.test(s.token(k).start())) {
                    k++;
                    continue;
                }
                int first = k;
                int last = k;
                while (true) {
                    if (last + 1 < n && (capital(s, last + 1) || initial(s.token(last + 1).word()))) {
                        last++;
                    } else if (hyphenJoined(s, last)) {
                        last += 2; // "Al-Mandalawi", "Ould-Abdallah": the tokenizer splits at the hyphen
                    } else {
                        break;
                    }
                }
                k = last + 1;
                int runFirst = first;
                // leading function words and titles are not part of the name: "But Mr. Clarke", "Sen. Tim Kaine"
                boolean titled = false;
                char sex = 0;
                while (first <= last && (FUNCTION.contains(lower(s, first)) || COURTESY.contains(lower(s, first)))) {
                    titled |= COURTESY.contains(lower(s, first));
                    sex = sexOf(lower(s, first), sex);
                    first++;
                }
                if (first > last) {
                    continue;
                }
                if (last > first && TITLE_HEADS.contains(lower(s, last))) {
                    // a bare title ("Iran's Judiciary Chief", "the Prime Minister"): the person last introduced with
                    // it, or the name it stands in apposition to ("the Acting Speaker ..., Mohsen Al-Mandalawi")
                    List<String> title = titleWords(s, first, last);
                    Mention holder = titleHolder(out, title);
                    if (holder != null) {
                        out.add(new Mention(s.index(), first, last, holder.name(), holder.actor(), false, holder.title()));
                    } else {
                        pendingTitle = title;
                        pendingSentence = s.index();
                        pendingEnd = last;
                    }
                    continue;
                }
                // a title inside the run: "Homeland Security Secretary Jeh Johnson", "Party Chairman David Pepper"
                for (int t = last - 1; t >= first; t--) {
                    if (COURTESY.contains(lower(s, t))) {
                        first = t + 1;
                        titled = true;
                        break;
                    }
                }
                List<String> title = first > runFirst ? titleWords(s, runFirst, first - 1) : List.of();
                if (title.isEmpty() && pendingSentence == s.index() && first - pendingEnd <= 10 && first > 0
                        && lower(s, first - 1).equals(",")) {
                    title = pendingTitle;
                }
                if (!titled && first > 0 && COURTESY.contains(lower(s, first - 1))) {
                    titled = true;
                }
                boolean org = false;
                for (int t = first; t <= last; t++) {
                    if (NOT_PERSON.contains(lower(s, t)) || lower(s, t).endsWith("'s") || lower(s, t).endsWith("’s")) {
                        org = true;
                    }
                }
                // "Pell Grants": a plural proper noun names things, not a person
                if (org || last - first > 4 || s.token(last).pos().equals("NNPS")) {
                    continue;
                }
                boolean possessive = last + 1 < n && (lower(s, last + 1).equals("'s") || lower(s, last + 1).equals("’s"));
                String name = text.substring(s.token(first).start(), s.token(last).end());
                Actor code = actor(actors, s.index(), first, last, name, s.token(first).start(), s.token(last).end());
                if (name.contains(" ")) {
                    String surname = surname(name);
                    bySurname.putIfAbsent(surname, name);
                    actorByName.putIfAbsent(name, code);
                    if (sex != 0) {
                        gender.putIfAbsent(name, sex);
                    }
                    out.add(new Mention(s.index(), first, last, name, code, possessive, title));
                } else {
                    String full = bySurname.get(surname(name));
                    if (full != null) {
                        out.add(new Mention(s.index(), first, last, full, actorByName.getOrDefault(full, code), possessive,
                                title));
                    } else if (titled) {
                        bySurname.putIfAbsent(surname(name), name);
                        actorByName.putIfAbsent(name, code);
                        full = name;
                        out.add(new Mention(s.index(), first, last, name, code, possessive, title));
                    }
                    if (full != null && sex == 0 && first > 0) {
                        sex = sexOf(lower(s, first - 1), sex);
                    }
                    if (full != null && sex != 0) {
                        gender.putIfAbsent(full, sex);
                    }
                }
            }
        }
        return new Persons(out, paragraph, gender);
    }

    /**
     * The person a pronoun at (sentence, token) most likely refers to: in the nearest sentence (this one, before the
     * pronoun, or one of the four before, within three paragraphs) that names a person, the first person named, as
     * subjects come first ("Conservative economist Aparna Mathur said Ivanka Trump's statement ... . 'I don't ...,'
     * she said"). Possessors and persons of the other sex, where a courtesy title tells it, are passed over.
     */
    Optional<Mention> antecedent(int sentence, int token, boolean female) {
        Mention best = null;
        for (int m = mentions.size() - 1; m >= 0; m--) {
            Mention x = mentions.get(m);
            if (x.sentence() > sentence || x.sentence() == sentence && x.last() >= token) {
                continue;
            }
            if (best != null && x.sentence() != best.sentence()) {
                break;
            }
            if (paragraph[sentence] - paragraph[x.sentence()] > 2 || sentence - x.sentence() > 4) {
                break;
            }
            Character sex = gender.get(x.name());
            if (x.possessive() || sex != null && sex != (female ? 'f' : 'm')) {
                continue;
            }
            best = x;
        }
        return Optional.ofNullable(best);
    }

    /** The title's words, lower-cased, without nationality adjectives' and possessors' inflection left in. */
    private static List<String> titleWords(Sentence s, int first, int last) {
        List<String> out = new ArrayList<>();
        for (int t = first; t <= last; t++) {
            String w = lower(s, t);
            if (!FUNCTION.contains(w) && Quotes.wordLike(w)) {
                out.add(w);
            }
        }
        return out;
    }

    /** The latest person introduced with every word of this title ("Judiciary Chief" in "Iranian Judiciary Chief X"). */
    private static Mention titleHolder(List<Mention> mentions, List<String> title) {
        for (int m = mentions.size() - 1; m >= 0; m--) {
            Mention x = mentions.get(m);
            if (!x.title().isEmpty() && x.title().containsAll(title)) {
                return x;
            }
        }
        return null;
    }

    /** The key by which a bare surname finds the full name: its last word ("al-mandalawi"). */
    private static String surname(String name) {
        String[] parts = name.strip().split("\\s+");
        return parts[parts.length - 1].toLowerCase(Locale.ROOT);
    }

    /** A hyphen right after token k, glued to it and to a capitalised word after it. */
    private static boolean hyphenJoined(Sentence s, int k) {
        int n = s.tokens().size();
        if (k + 2 >= n || !s.token(k + 1).word().equals("-")) {
            return false;
        }
        Token a = s.token(k);
        Token h = s.token(k + 1);
        Token b = s.token(k + 2);
        return a.end() == h.start() && h.end() == b.start() && !b.word().isEmpty()
                && Character.isUpperCase(b.word().charAt(0));
    }

    private static char sexOf(String title, char sex) {
        return switch (title) {
            case "mr", "mr." -> 'm';
            case "ms", "ms.", "mrs", "mrs." -> 'f';
            default -> sex;
        };
    }

    /** The person whose name covers (sentence, token), with the full name for a bare surname. */
    Optional<Mention> at(int sentence, int token) {
        for (Mention x : mentions) {
            if (x.sentence() == sentence && x.first() <= token && token <= x.last()) {
                return Optional.of(x);
            }
        }
        return Optional.empty();
    }

    /** The last person named within tokens first..last of a sentence: the name in "the Acting Speaker ..., Mohsen X". */
    Optional<Mention> within(int sentence, int first, int last) {
        Mention best = null;
        for (Mention x : mentions) {
            if (x.sentence() == sentence && x.first() >= first && x.last() <= last && !x.possessive()) {
                best = x;
            }
        }
        return Optional.ofNullable(best);
    }

    private static Actor actor(ActorIndex actors, int sentence, int first, int last, String name, int start, int end) {
        for (ActorMention m : actors.mentions(sentence)) {
            if (m.firstToken() <= last && m.lastToken() >= first && !m.rule().startsWith("pronoun")) {
                return m.actor();
            }
        }
        return new Actor(name, "", "", "", start, end);
    }

    private static boolean capital(Sentence s, int k) {
        Token t = s.token(k);
        String w = t.word();
        if (w.length() < 2 || !Character.isUpperCase(w.charAt(0)) || !Quotes.wordLike(w)) {
            return false;
        }
        // "FBI", "NATO": acronyms are organisations; "PENCE" in a transcript label is a name, but labels have colons
        boolean allCaps = w.chars().filter(Character::isLetter).allMatch(Character::isUpperCase);
        if (allCaps && !(w.length() == 2 && w.endsWith("."))) {
            return false;
        }
        return t.pos().isEmpty() || t.pos().startsWith("NNP") || w.endsWith(".");
    }

    /** A middle initial or suffix inside a name: "R.", "J.", "II", "Jr.". */
    private static boolean initial(String w) {
        return w.length() == 2 && Character.isUpperCase(w.charAt(0)) && w.charAt(1) == '.' || w.equals("II")
                || w.equals("III") || w.equals("Jr.") || w.equals("Sr.");
    }

    private static String lower(Sentence s, int k) {
        return s.token(k).word().toLowerCase(Locale.ROOT);
    }
}
