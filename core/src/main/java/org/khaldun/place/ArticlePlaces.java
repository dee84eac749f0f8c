package org.khaldun.place;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.khaldun.nlp.Dependency;
import org.khaldun.nlp.Sentence;
import org.khaldun.nlp.Token;

/**
 * The places of one article, sentence by sentence, and where its events happened.
 *
 * <p>{@link #places} lists the places named as places; {@link #mentions} also lists place names used as
 * adjectives ("Iraqi") or for actors ("Washington said"), which are toponyms but never an event's location.
 *
 * <p>Immutable and thread-safe.
 */
public final class ArticlePlaces {

    /** Case markers that put a place where something happens ("in", "at", "near" …). */
    private static final Set<String> LOCATIVE_CASES = Set.of("in", "at", "near", "inside", "outside", "across", "throughout", "within", "around", "on", "into", "over", "along", "across_from", "near_to", "next_to", "outside_of", "close_to", "off");
    /** Relations from a noun on the way to the place: "the city of Homs", "a camp in Gaza", "Pandi, Bulacan". */
    private static final Set<String> NOUN_STEPS = Set.of("nmod:of", "nmod:in", "nmod:at", "nmod:near", "appos", "compound", "nmod:outside", "nmod:inside", "nmod:across", "nmod:within", "nmod:throughout", "conj:and");
    /** Nouns and adverbs that make the "of" after them locative: "south of Kirkuk", "outskirts of Aleppo". */
    private static final Set<String> DIRECTIONS = Set.of("north", "south", "east", "west", "northeast", "northwest", "southeast", "southwest", "outskirts", "centre", "center", "heart", "edge", "suburbs", "suburb");
    /** Verbs of saying: a place attached to one is where something was said, not where the event was. */
    private static final Set<String> SPEECH = Set.of("say", "tell", "announce", "report", "state", "add", "claim", "confirm", "deny", "accuse", "warn", "urge", "call", "note", "write", "declare", "insist", "argue", "explain", "stress", "comment", "speak", "quote", "brief");
    /** Relations that take an argument of a nominal trigger's verb: "carried out airstrikes in Syria". */
    private static final Set<String> LIGHT_ARGS = Set.of("obj", "nsubj", "nsubj:pass", "xcomp");

    private final List<Sentence> sentences;
    private final List<List<Place>> bySentence;
    private final Place dateline;
    private final List<List<UnresolvedPlaces.Named>> unresolved;

    ArticlePlaces(List<Sentence> sentences, List<List<Place>> bySentence, Place dateline) {
        this(sentences, bySentence, dateline, List.of());
    }

    ArticlePlaces(List<Sentence> sentences, List<List<Place>> bySentence, Place dateline,
                  List<List<UnresolvedPlaces.Named>> unresolved) {
        this.sentences = List.copyOf(sentences);
        List<List<UnresolvedPlaces.Named>> named = new ArrayList<>(unresolved.size());
        for (List<UnresolvedPlaces.Named> l : unresolved) {
            named.add(List.copyOf(l));
        }
        this.unresolved = List.copyOf(named);
        List<List<Place>> copy = new ArrayList<>(bySentence.size());
        for (List<Place> l : bySentence) {
            copy.add(List.copyOf(l));
        }
        this.bySentence = List.copyOf(copy);
        this.dateline = dateline;
    }

    /** Every toponym of a sentence, whatever its use, in token order. */
    public List<Place> mentions(int sentenceIndex) {
        return sentenceIndex >= 0 && sentenceIndex < bySentence.size() ? bySentence.get(sentenceIndex) : List.of();
    }

    /** Places named as places in a sentence (no adjectives, no actors), in token order. */
    public List<Place> places(int sentenceIndex) {
        List<Place> out = new ArrayList<>();
        for (Place p : mentions(sentenceIndex)) {
            if (p.use() == PlaceUse.LITERAL) {
                out.add(p);
            }
        }
        return out;
    }

    /**
     * Place names of a sentence the gazetteer lacks, named in a locative phrase ("in Beit Hanoun", "the village of
     * X"): {@link Level#UNRESOLVED}, without coordinates. They are not toponyms of {@link #mentions}.
     */
    public List<Place> unresolved(int sentenceIndex) {
        List<Place> out = new ArrayList<>();
        for (UnresolvedPlaces.Named n : named(sentenceIndex)) {
            out.add(n.place());
        }
        return out;
    }

    private List<UnresolvedPlaces.Named> named(int sentenceIndex) {
        return sentenceIndex >= 0 && sentenceIndex < unresolved.size() ? unresolved.get(sentenceIndex) : List.of();
    }

    /** Every toponym of the article, in text order. */
    public List<Place> allMentions() {
        List<Place> out = new ArrayList<>();
        for (List<Place> l : bySentence) {
            out.addAll(l);
        }
        return out;
    }

    /** The place of the dateline ("BAGHDAD, Feb 8 (Reuters) -"), if the article has one. */
    public Optional<Place> dateline() {
        return Optional.ofNullable(dateline);
    }

    /**
     * Where the event named by a trigger happened: the place attached to the trigger in the dependency graph
     * ("airstrikes in Syria", "killed in a camp near Gaza"); else the sentence's only place that is not
     * attached to another clause or to a verb of saying; else the dateline's place; else none. Places used as
     * actors or adjectives never count. A name the gazetteer lacks ({@link #unresolved}) counts only when attached
     * to the trigger, and then only when it is nearer than any gazetteer place attached the same way; it has no
     * coordinates. The returned place's rule ends with how it was linked.
     */
    public Optional<Place> locationOf(int sentenceIndex, int triggerToken) {
        if (sentenceIndex < 0 || sentenceIndex >= sentences.size()) {
            return Optional.empty();
        }
        Sentence s = sentences.get(sentenceIndex);
        List<Place> literal = places(sentenceIndex);
        boolean graph = s.parsed() && !s.dependencies().isEmpty() && triggerToken >= 0 && triggerToken < s.tokens().size();
        List<UnresolvedPlaces.Named> named = named(sentenceIndex);
        if ((!literal.isEmpty() || !named.isEmpty()) && graph) {
            Place attached = attached(s, triggerToken, literal, named);
            if (attached != null) {
                return Optional.of(attached);
            }
        }
        List<Place> free = new ArrayList<>();
        for (Place p : literal) {
            if (!graph || !attachedElsewhere(s, triggerToken, p)) {
                free.add(p);
            }
        }
        Place only = finest(free);
        if (only != null) {
            return Optional.of(linked(only, "sentence"));
        }
        if (dateline != null && free.isEmpty()) {
            return Optional.of(linked(dateline, "dateline"));
        }
        return Optional.empty();
    }

    private static Place linked(Place p, String how) {
        return new Place(p.text(), p.start(), p.end(), p.sentenceIndex(), p.firstToken(), p.lastToken(), p.geonameId(),
                p.name(), p.countryCode(), p.admin1(), p.lat(), p.lon(), p.level(), p.use(), p.rule() + " -> event:" + how);
    }

    /** The place reached from the trigger through locative arcs, nearest first. */
    private Place attached(Sentence s, int trigger, List<Place> literal, List<UnresolvedPlaces.Named> named) {
        Place p = fromHead(s, trigger, literal, named, true);
        if (p != null) {
            return p;
        }
        // a place that undergoes the event is where it happens: "captured the village of X", "X was bombed"
        for (Dependency d : s.children(trigger)) {
            if (d.relation().equals("obj") || d.relation().equals("nsubj:pass")) {
                Place q = placeBelow(s, d.dependent(), literal, named, 2);
                if (q != null) {
                    return linked(q, "attached:" + d.relation());
                }
            }
        }
        Token t = s.token(trigger);
        // a nominal trigger takes the place of its verb: "carried out airstrikes in Syria"
        if (t.isNoun() || t.pos().isEmpty()) {
            for (Dependency d : s.parents(trigger)) {
                if (d.governor() >= 0 && LIGHT_ARGS.contains(d.relation()) && s.token(d.governor()).isVerb()) {
                    p = fromHead(s, d.governor(), literal, named, false);
                    if (p != null) {
                        return withRule(p, "verb(" + s.token(d.governor()).word() + ")");
                    }
                }
            }
        }
        // "clashes in Aleppo killed five": the place of the trigger's subject or object
        for (Dependency d : s.children(trigger)) {
            if (d.relation().startsWith("nsubj") || d.relation().equals("obj")) {
                for (Dependency e : s.children(d.dependent())) {
                    if (isLocative(e) && e.relation().startsWith("nmod")) {
                        Place q = placeBelow(s, e.dependent(), literal, named, 2);
                        if (q != null) {
                            return linked(q, "argument(" + s.token(d.dependent()).word() + ")+" + e.relation());
                        }
                    }
                }
            }
        }
        return null;
    }

    private Place withRule(Place p, String note) {
        return new Place(p.text(), p.start(), p.end(), p.sentenceIndex(), p.firstToken(), p.lastToken(), p.geonameId(),
                p.name(), p.countryCode(), p.admin1(), p.lat(), p.lon(), p.level(), p.use(), p.rule() + "+" + note);
    }

    private Place fromHead(Sentence s, int head, List<Place> literal, List<UnresolvedPlaces.Named> named, boolean trigger) {
        for (Dependency d : s.children(head)) {
            if (isLocative(d)) {
                Place q = placeBelow(s, d.dependent(), literal, named, 2);
                if (q != null) {
                    return linked(q, (trigger ? "attached:" : "") + d.relation());
                }
            } else if (d.relation().equals("advmod") && DIRECTIONS.contains(s.token(d.dependent()).word().toLowerCase(Locale.ROOT))) {
                for (Dependency e : s.children(d.dependent())) {
                    if (e.relation().startsWith("obl:of") || e.relation().startsWith("nmod:of")) {
                        Place q = placeBelow(s, e.dependent(), literal, named, 1);
                        if (q != null) {
                            return linked(q, "attached:" + s.token(d.dependent()).word() + "+of");
                        }
                    }
                }
            }
        }
        return null;
    }

    private static boolean isLocative(Dependency d) {
        String base = d.baseRelation();
        return (base.equals("obl") || base.equals("nmod")) && LOCATIVE_CASES.contains(d.subtype());
    }

    /**
     * The place at a token, or reached from it through a few noun steps ("the city of Homs"): the nearest, and at the
     * same distance a gazetteer place before a name the gazetteer lacks.
     */
    private static Place placeBelow(Sentence s, int token, List<Place> literal, List<UnresolvedPlaces.Named> named, int depth) {
        Deque<int[]> queue = new ArrayDeque<>();
        queue.add(new int[] {token, 0});
        boolean[] seen = new boolean[s.tokens().size()];
        Place unknown = null;
        int unknownDepth = 0;
        while (!queue.isEmpty()) {
            int[] cur = queue.poll();
            if (seen[cur[0]]) {
                continue;
            }
            seen[cur[0]] = true;
            if (unknown != null && cur[1] > unknownDepth) {
                break;
            }
            for (Place p : literal) {
                if (p.covers(cur[0])) {
                    return p;
                }
            }
            if (unknown == null) {
                for (UnresolvedPlaces.Named n : named) {
                    if (n.at(cur[0])) {
                        unknown = n.place();
                        unknownDepth = cur[1];
                    }
                }
            }
            if (cur[1] >= depth) {
                continue;
            }
            for (Dependency d : s.children(cur[0])) {
                if (NOUN_STEPS.contains(d.relation())
                        || (d.relation().startsWith("nmod:") && DIRECTIONS.contains(s.token(cur[0]).word().toLowerCase(Locale.ROOT)))) {
                    queue.add(new int[] {d.dependent(), cur[1] + 1});
                }
            }
        }
        return unknown;
    }

    /**
     * Whether a place belongs to another clause: it hangs (through nouns) from a verb of saying, or from a
     * verb that does not govern the trigger.
     */
    private static boolean attachedElsewhere(Sentence s, int trigger, Place p) {
        int verb = governingVerb(s, p);
        if (verb < 0 || verb == trigger) {
            return false;
        }
        if (SPEECH.contains(s.token(verb).lemma().toLowerCase(Locale.ROOT))) {
            return true;
        }
        return !governs(s, verb, trigger);
    }

    /** The verb (or root) a place hangs from, following dependencies upwards through nouns. */
    private static int governingVerb(Sentence s, Place p) {
        int cur = p.lastToken();
        for (int steps = 0; steps < 6; steps++) {
            Dependency up = null;
            for (Dependency d : s.parents(cur)) {
                if (d.governor() >= 0 && !p.covers(d.governor()) && !d.relation().startsWith("conj")) {
                    up = d;
                    break;
                }
            }
            if (up == null) {
                return -1;
            }
            cur = up.governor();
            if (s.token(cur).isVerb()) {
                return cur;
            }
        }
        return -1;
    }

    /** Whether {@code top} dominates {@code below} in the graph (or is it). */
    private static boolean governs(Sentence s, int top, int below) {
        Deque<Integer> stack = new ArrayDeque<>();
        boolean[] seen = new boolean[s.tokens().size()];
        stack.push(below);
        while (!stack.isEmpty()) {
            int cur = stack.pop();
            if (cur == top) {
                return true;
            }
            if (seen[cur]) {
                continue;
            }
            seen[cur] = true;
            for (Dependency d : s.parents(cur)) {
                if (d.governor() >= 0) {
                    stack.push(d.governor());
                }
            }
        }
        return false;
    }

    /**
     * The one place the list names, or its finest member when the others contain it ("Pandi, Bulacan",
     * "Homs, Syria"); null when the list names several unrelated places or none.
     */
    static Place finest(List<Place> places) {
        if (places.isEmpty()) {
            return null;
        }
        Place best = places.get(0);
        for (Place p : places) {
            if (p.level().ordinal() > best.level().ordinal()) {
                best = p;
            }
        }
        for (Place p : places) {
            if (!p.samePlace(best) && !contains(p, best)) {
                return null;
            }
        }
        return best;
    }

    private static boolean contains(Place outer, Place inner) {
        if (outer.level().ordinal() >= inner.level().ordinal()) {
            return false;
        }
        return switch (outer.level()) {
            case CONTINENT -> true;
            case COUNTRY -> outer.countryCode().equals(inner.countryCode());
            case ADMIN1 -> outer.countryCode().equals(inner.countryCode()) && outer.name().equals(inner.admin1());
            case CITY, UNRESOLVED -> false;
        };
    }
}
