package org.khaldun.time;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.khaldun.nlp.Dependency;
import org.khaldun.nlp.Sentence;
import org.khaldun.nlp.Token;
import org.khaldun.time.RuleTimeResolver.Resolved;

/**
 * The time expressions of one article and the date each event takes from them. The order of evidence
 * ({@link #dateOf}):
 * <ol>
 *   <li>an expression attached to the trigger in the dependency graph ("received … on Wednesday",
 *       "the talks in January"), else one in the trigger's own clause;</li>
 *   <li>the sentence's single date expression, unless the parse puts it inside another clause that does
 *       not contain the trigger ("a commission formed last summer" does not date the talks);</li>
 *   <li>the date of an earlier sentence (at most three back) when this sentence names the same occasion
 *       with a definite noun phrase ("In the meeting, …" after "On Wednesday, X received Y"); deliberately
 *       narrow;</li>
 *   <li>for a statement that goes on reporting what was said there ("He said …", "X also affirmed …": a past
 *       reporting verb heading the sentence, its subject a pronoun or a name the story just gave), the date of
 *       the statements it continues, back to one dated by the rules above; anything else in between ends it;</li>
 *   <li>the publication date, flagged {@code fromPublication}.</li>
 * </ol>
 */
final class RuleArticleTimes implements ArticleTimes {

    /**
     * Nouns that, with "the", "this" or "that", point back at an occasion already dated, each with the words
     * (nouns, verb lemmas and past forms) by which an earlier sentence can have reported that occasion. A
     * sentence that says nothing of the kind is unrelated, and its date is not carried over.
     */
    private static final Map<String, Set<String>> OCCASIONS = new HashMap<>();
    /** The kinds of occasion, each as the words that report one. */
    private static final List<Set<String>> OCCASION_KINDS = new ArrayList<>();
    /** Meetings and talks: what is done to one ("hosted the talks", "held a meeting") is done while it lasts. */
    private static final Set<String> TALKS;
    /** The headline and the lede: sentences that sum up the story told, with its date, in the next paragraphs. */
    private static final int LEDE_SENTENCES = 2;
    /** How far down the story the occasion summed up in the lede must be dated. */
    private static final int LEDE_LOOKAHEAD = 3;

    static {
        Set<String> talks = Set.of("meeting", "meet", "met", "talks", "talk", "talked", "receive", "received",
                "host", "hosted", "hold", "held", "visit", "visited", "summit", "session", "conference", "discuss",
                "discussed", "negotiate", "negotiated", "negotiations", "encounter", "gathering", "convene", "convened",
                "call", "called", "phone", "phoned", "interview", "speech", "address", "addressed", "briefing",
                "ceremony", "discussion", "trip", "tour", "arrive", "arrived", "travel", "traveled", "travelled",
                "hearing", "debate", "debated", "vote", "voted");
        for (String n : List.of("meeting", "talks", "visit", "session", "summit", "conference", "call", "ceremony",
                "interview", "speech", "briefing", "discussion", "negotiations", "trip", "tour", "encounter",
                "gathering", "hearing", "debate", "vote")) {
            OCCASIONS.put(n, talks);
        }
        OCCASION_KINDS.add(talks);
        TALKS = talks;
        Set<String> violence = Set.of("raid", "raided", "incident", "clash", "clashes", "clashed", "explosion",
                "explode", "exploded", "blast", "bombing", "bomb", "bombed", "attack", "attacked", "strike", "struck",
                "kill", "killed", "hit", "fire", "fired", "shell", "shelled", "storm", "stormed", "ambush", "ambushed",
                "wound", "wounded", "injure", "injured", "shoot", "shot", "shooting");
        for (String n : List.of("raid", "incident", "clashes", "explosion", "bombing", "attack", "blast", "shooting")) {
            OCCASIONS.put(n, violence);
        }
        OCCASION_KINDS.add(violence);
        Set<String> protest = Set.of("protest", "protested", "protesters", "rally", "rallied", "demonstration",
                "demonstrate", "demonstrated", "demonstrators", "march", "marched", "gather", "gathered", "sit-in");
        for (String n : List.of("protest", "rally", "demonstration", "march")) {
            OCCASIONS.put(n, protest);
        }
        OCCASION_KINDS.add(protest);
    }
    /** Relations by which a noun phrase is what a clause is about rather than when it happens. */
    private static final Set<String> TOPIC_RELATIONS = Set.of("obj", "iobj", "nmod", "appos", "compound", "conj");
    private static final Set<String> ANAPHORIC_DETERMINERS = Set.of("the", "this", "that");
    /** How many sentences back the occasion's date may stand. */
    private static final int CONTEXT_WINDOW = 2;
    /** Verbs that report what someone said, as lemmas. */
    private static final Set<String> REPORTING = Set.of("say", "declare", "affirm", "add", "stress", "emphasize",
            "emphasise", "reiterate", "note", "state", "tell", "call", "urge", "insist", "warn", "assert", "explain",
            "confirm", "underline", "underscore", "highlight", "point", "express", "voice", "describe", "praise",
            "welcome", "argue", "maintain", "reaffirm", "announce", "pledge", "vow", "reply", "respond");
    private static final Set<String> PERSONAL = Set.of("he", "she", "they");
    /** Verbs too common to say that a headline and a later sentence tell the same act. */
    private static final Set<String> GENERIC_VERBS = Set.of("be", "have", "do", "make", "take", "get", "go", "come",
            "give", "put", "set", "see", "become", "say", "tell", "add", "state", "note");
    /** How many statement sentences back a date may be carried. */
    private static final int STATEMENT_CHAIN = 6;
    /** The occasion must open the sentence ("In the meeting, …", "The talks …"). */
    private static final int CONTEXT_OPENING_TOKENS = 4;

    private final List<Sentence> sentences;
    private final List<Resolved> resolved;
    private final List<List<Resolved>> bySentence;
    /** Per sentence and token: the quotation the token stands in (0, 1, …), or -1. */
    private final int[][] quotations;
    private final LocalDate published;

    RuleArticleTimes(List<Sentence> sentences, List<Resolved> resolved, LocalDate published) {
        this.sentences = List.copyOf(sentences);
        this.resolved = List.copyOf(resolved);
        this.published = published;
        List<List<Resolved>> by = new ArrayList<>();
        for (int i = 0; i < sentences.size(); i++) {
            by.add(new ArrayList<>());
        }
        for (Resolved r : resolved) {
            int i = r.expression().sentenceIndex();
            if (i >= 0 && i < by.size()) {
                by.get(i).add(r);
            }
        }
        this.bySentence = by;
        this.quotations = new int[sentences.size()][];
        for (int i = 0; i < sentences.size(); i++) {
            quotations[i] = quotations(sentences.get(i));
        }
    }

    /**
     * Which quotation each token stands in: tokens strictly between an opening and a closing quotation mark
     * (straight quotes alternate; curly quotes and {@code ``}/{@code ''} say which they are).
     */
    static int[] quotations(Sentence s) {
        int n = s.tokens().size();
        int[] q = new int[n];
        int current = -1;
        int count = 0;
        for (int i = 0; i < n; i++) {
            String w = s.token(i).word();
            boolean opens = w.equals("\u201c") || w.equals("``") || w.equals("\"") && current < 0;
            boolean closes = w.equals("\u201d") || w.equals("''") || w.equals("\"") && current >= 0;
            if (closes && current >= 0) {
                q[i] = -1;
                current = -1;
                continue;
            }
            if (opens && current < 0) {
                q[i] = -1;
                current = count++;
                continue;
            }
            q[i] = current;
        }
        if (current >= 0) {
            // an unclosed quotation (it goes on in the next sentence, or a stray mark): no barrier
            for (int i = 0; i < n; i++) {
                if (q[i] == current) {
                    q[i] = -1;
                }
            }
        }
        return q;
    }

    @Override
    public List<TimeExpression> expressions() {
        List<TimeExpression> out = new ArrayList<>(resolved.size());
        for (Resolved r : resolved) {
            out.add(r.expression());
        }
        return out;
    }

    @Override
    public EventDate dateOf(int sentenceIndex, int triggerToken) {
        Resolved r = sourceOf(sentenceIndex, triggerToken);
        if (r == null) {
            return EventDate.ofPublication(published);
        }
        return toDate(r);
    }

    @Override
    public boolean isFuture(int sentenceIndex, int triggerToken) {
        Resolved r = sourceOf(sentenceIndex, triggerToken);
        if (r == null) {
            return false;
        }
        if (r.expression().value().equals("FUTURE_REF")) {
            return true;
        }
        return published != null && r.period() != null && r.period().date().isAfter(published);
    }

    private EventDate toDate(Resolved r) {
        TimeExpression e = r.expression();
        LocalDate date = r.period() != null ? r.period().date() : null;
        if (date == null && e.value().endsWith("_REF")) {
            date = published; // "now", "recently", "soon": relative to the publication day
        }
        return new EventDate(date, e.value(), r.precision(), e.modifier(), r.prose(), false);
    }

    /** The expression that dates the event, or null when the publication date must stand in. */
    private Resolved sourceOf(int si, int trigger) {
        if (si < 0 || si >= sentences.size()) {
            return null;
        }
        Resolved own = ownDate(si, trigger);
        if (own != null) {
            return own;
        }
        Resolved occasion = occasionDate(si, trigger);
        if (occasion != null) {
            return occasion;
        }
        if (continuesStatements(si, trigger)) {
            Resolved carried = statementDate(si - 1, STATEMENT_CHAIN);
            if (carried != null) {
                return carried;
            }
        }
        if (si < LEDE_SENTENCES && !hasDateExpression(si)) {
            return ledeDate(si, trigger);
        }
        return null;
    }

    /** The date of the occasion the sentence points back at with a definite noun ("In the meeting, …"). */
    private Resolved occasionDate(int si, int trigger) {
        String occasion = refersBack(si, trigger);
        if (occasion == null) {
            return null;
        }
        Set<String> antecedents = OCCASIONS.get(occasion);
        for (int k = si - 1; k >= 0 && k >= si - CONTEXT_WINDOW; k--) {
            boolean related = mentions(sentences.get(k), antecedents);
            boolean dated = hasDateExpression(k);
            if (dated && related) {
                return mainDate(k);
            }
            if (dated || related) {
                // the nearest date is about something else, or the occasion was reported without one
                return null;
            }
        }
        return null;
    }

    /**
     * Whether the trigger's main clause goes on reporting what was said on an occasion told just before: a
     * reporting verb in the past ("He said …", "Al-Mandalawi also called on …", "Iran's Judiciary Chief
     * affirmed …") whose subject is a pronoun or a name already in the story's last few sentences. Present-tense
     * "says" is what someone tells the reporter, and dates nothing.
     */
    private boolean continuesStatements(int si, int trigger) {
        Sentence s = sentences.get(si);
        if (si == 0 || !s.parsed() || s.dependencies().isEmpty() || trigger < 0 || trigger >= s.tokens().size()
                || quotations[si][trigger] >= 0 || hasDateExpression(si)) {
            return false;
        }
        int top = spineTop(si, trigger);
        return top >= 0 && top == root(s) && participantReport(si, top);
    }

    /**
     * The date of the statement sentence {@code si}: its own, its occasion's, or (going back at most
     * {@code budget} sentences) that of the statements it continues. Null when the chain meets anything but a
     * statement before a date.
     */
    private Resolved statementDate(int si, int budget) {
        if (si < 0 || budget <= 0) {
            return null;
        }
        Sentence s = sentences.get(si);
        if (!s.parsed() || s.dependencies().isEmpty()) {
            return null;
        }
        int head = root(s);
        if (head < 0 || !pastReport(s, head)) {
            return null;
        }
        Resolved own = ownDate(si, head);
        if (own != null) {
            return own.expression().value().endsWith("FUTURE_REF") ? null : own;
        }
        Resolved occasion = occasionDate(si, head);
        if (occasion != null) {
            return occasion;
        }
        return continuesStatements(si, head) ? statementDate(si - 1, budget - 1) : null;
    }

    /**
     * A past reporting verb whose subject is a pronoun or a name the last few sentences already gave. The word
     * right before the verb (adverbs aside) counts as its subject too: the parser can take an opening participle's
     * object for the subject ("Addressing regional issues, Al-Mandalawi also called on …").
     */
    private boolean participantReport(int si, int verb) {
        Sentence s = sentences.get(si);
        if (!pastReport(s, verb)) {
            return false;
        }
        List<Integer> subjects = new ArrayList<>();
        for (Dependency d : s.dependencies()) {
            if (d.governor() == verb && d.relation().equals("nsubj")) {
                subjects.add(d.dependent());
            }
        }
        int before = verb - 1;
        while (before >= 0 && s.token(before).pos().startsWith("RB")) {
            before--;
        }
        if (before >= 0) {
            subjects.add(before);
        }
        for (int t : subjects) {
            Token subject = s.token(t);
            String word = subject.word();
            if (subject.pos().equals("PRP") ? PERSONAL.contains(word.toLowerCase(Locale.ROOT))
                    : subject.isProperNoun() && namedJustBefore(si, word)) {
                return true;
            }
        }
        return false;
    }

    private boolean namedJustBefore(int si, String word) {
        for (int k = si - 1; k >= 0 && k >= si - STATEMENT_CHAIN - 1; k--) {
            for (Token t : sentences.get(k).tokens()) {
                if (t.word().equals(word)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean pastReport(Sentence s, int verb) {
        Token t = s.token(verb);
        return REPORTING.contains(t.lemma().toLowerCase(Locale.ROOT)) && t.pos().equals("VBD");
    }

    private static int root(Sentence s) {
        for (Dependency d : s.dependencies()) {
            if (d.governor() < 0) {
                return d.dependent();
            }
        }
        return -1;
    }

    /**
     * News puts the latest occasion first and dates it below: "Iraq, Iran discuss withdrawal of US forces" / "In a
     * meeting between Iraqi and Iranian officials, …" / "On Wednesday, the Speaker received …". An undated occasion
     * in the headline or lede (the trigger is the occasion or is told in its clause, not in the future tense) takes
     * the date of the first dated sentence of the next few, when that sentence reports an occasion of the same kind
     * in its main clause; a first date about anything else stops the search.
     */
    private Resolved ledeDate(int si, int trigger) {
        Sentence s = sentences.get(si);
        if (trigger < 0 || trigger >= s.tokens().size() || quotations[si][trigger] >= 0) {
            return null;
        }
        boolean parsed = s.parsed() && !s.dependencies().isEmpty();
        int clause = parsed ? SpanHeads.clauseOf(s, trigger) : -1;
        if (parsed && s.token(clause).isVerb() && Tense.ofClause(s, clause) == Tense.FUTURE) {
            return null;
        }
        int top = parsed ? spineTop(si, trigger) : -1;
        for (Set<String> kind : OCCASION_KINDS) {
            boolean here = false;
            for (int i = 0; i < s.tokens().size() && !here; i++) {
                Token t = s.token(i);
                if (!kind.contains(t.word().toLowerCase(Locale.ROOT)) && !kind.contains(t.lemma().toLowerCase(Locale.ROOT))) {
                    continue;
                }
                here = i == trigger || parsed && (SpanHeads.clauseOf(s, i) == clause || SpanHeads.dominates(s, trigger, i)
                        || top >= 0 && SpanHeads.clauseOf(s, i) == top);
            }
            if (!here) {
                continue;
            }
            for (int k = si + 1; k < sentences.size() && k <= LEDE_SENTENCES - 1 + LEDE_LOOKAHEAD; k++) {
                if (hasDateExpression(k)) {
                    return mentions(sentences.get(k), kind) ? mainDate(k) : null;
                }
            }
            return null;
        }
        // no kind of occasion, but the story below tells the same act with the same word: "EU imposes new
        // sanctions on Russia" / "The European Union imposed new sanctions on Russia on Monday"
        // only the headline: a lede's act told again below may be another one ("X said …" / "Y said on Monday")
        String lemma = s.token(trigger).lemma().toLowerCase(Locale.ROOT);
        if (si != 0 || GENERIC_VERBS.contains(lemma)) {
            return null;
        }
        for (int k = si + 1; k < sentences.size() && k <= LEDE_SENTENCES - 1 + LEDE_LOOKAHEAD; k++) {
            if (hasDateExpression(k)) {
                return hasLemma(sentences.get(k), lemma) ? mainDate(k) : null;
            }
        }
        return null;
    }

    private static boolean hasLemma(Sentence s, String lemma) {
        for (Token t : s.tokens()) {
            if (t.lemma().toLowerCase(Locale.ROOT).equals(lemma)) {
                return true;
            }
        }
        return false;
    }

    private static String baseRelation(String relation) {
        int colon = relation.indexOf(':');
        return colon < 0 ? relation : relation.substring(0, colon);
    }

    private static boolean mentions(Sentence s, Set<String> words) {
        for (Token t : s.tokens()) {
            if (words.contains(t.word().toLowerCase(Locale.ROOT)) || words.contains(t.lemma().toLowerCase(Locale.ROOT))) {
                return true;
            }
        }
        return false;
    }

    private Resolved ownDate(int si, int trigger) {
        Sentence s = sentences.get(si);
        List<Resolved> dates = new ArrayList<>();
        for (Resolved r : bySentence.get(si)) {
            if (isDate(r)) {
                dates.add(r);
            }
        }
        if (s.parsed() && !s.dependencies().isEmpty()) {
            // "discussed the future", "the future looks bleak" for "future of": a vague reference that is an
            // argument is a topic, not the time of anything
            dates.removeIf(r -> r.period() == null && r.expression().value().endsWith("_REF")
                    && TOPIC_RELATIONS.contains(baseRelation(SpanHeads.attachmentRelation(s,
                    r.expression().firstToken(), r.expression().lastToken()))));
        }
        if (trigger >= 0 && trigger < s.tokens().size()) {
            // a date inside a quotation belongs to what is quoted: in 'X declared that "the upcoming weeks will
            // witness …", adding that …' the adding is not in the upcoming weeks
            int[] q = quotations[si];
            int tq = q[trigger];
            dates.removeIf(r -> q[r.expression().firstToken()] >= 0 && q[r.expression().firstToken()] != tq);
        }
        if (dates.isEmpty()) {
            return null;
        }
        if (s.text().indexOf('\n') >= 0 && trigger >= 0 && trigger < s.tokens().size()) {
            // the splitter ran lines together (a heading, a "Read more" link): the parse of such a "sentence"
            // is unreliable, so only a date on the trigger's own line counts, and only if it is the one there
            List<Resolved> sameLine = new ArrayList<>();
            for (Resolved r : dates) {
                if (sameLine(s, r.expression().start(), s.token(trigger).start())) {
                    sameLine.add(r);
                }
            }
            return sameLine.size() == 1 ? sameLine.get(0) : null;
        }
        if (s.parsed() && !s.dependencies().isEmpty() && trigger >= 0 && trigger < s.tokens().size()) {
            // inside the trigger's own span ("yesterday's attack" as trigger phrase) or attached to it
            for (Resolved r : dates) {
                TimeExpression e = r.expression();
                if (SpanHeads.attachment(s, e.firstToken(), e.lastToken()) == trigger) {
                    return r;
                }
            }
            int clause = SpanHeads.clauseOf(s, trigger);
            for (Resolved r : dates) {
                TimeExpression e = r.expression();
                int head = SpanHeads.head(s, e.firstToken(), e.lastToken());
                if (SpanHeads.clauseOf(s, head) == clause) {
                    return r;
                }
            }
            if (dates.size() == 1) {
                Resolved r = dates.get(0);
                TimeExpression e = r.expression();
                int head = SpanHeads.head(s, e.firstToken(), e.lastToken());
                int exprClause = SpanHeads.clauseOf(s, head);
                // a date inside a subordinate clause that does not contain the trigger belongs to that clause
                if (!isMainClause(s, exprClause) && !SpanHeads.dominates(s, exprClause, trigger)) {
                    return null;
                }
                return r;
            }
            return null;
        }
        return dates.size() == 1 ? dates.get(0) : null;
    }

    private static boolean sameLine(Sentence s, int a, int b) {
        int from = Math.min(a, b) - s.start();
        int to = Math.max(a, b) - s.start();
        return s.text().substring(Math.max(0, from), Math.min(s.text().length(), to)).indexOf('\n') < 0;
    }

    private static boolean isMainClause(Sentence s, int clauseHead) {
        for (var d : s.dependencies()) {
            if (d.dependent() == clauseHead && d.governor() >= 0) {
                String base = d.baseRelation();
                return !(base.equals("acl") || base.equals("advcl") || base.equals("ccomp") || base.equals("xcomp")
                        || base.equals("csubj") || base.equals("parataxis") || base.equals("conj") || base.equals("dep"));
            }
        }
        return true;
    }

    private boolean hasDateExpression(int si) {
        for (Resolved r : bySentence.get(si)) {
            if (isDate(r)) {
                return true;
            }
        }
        return false;
    }

    /** The date of a whole sentence: its only date, or the one attached to its main clause. */
    private Resolved mainDate(int si) {
        Sentence s = sentences.get(si);
        List<Resolved> dates = new ArrayList<>();
        for (Resolved r : bySentence.get(si)) {
            if (isDate(r) && r.period() != null) {
                dates.add(r);
            }
        }
        if (!s.parsed() || s.dependencies().isEmpty()) {
            return dates.size() == 1 ? dates.get(0) : null;
        }
        {
            for (Resolved r : dates) {
                TimeExpression e = r.expression();
                int head = SpanHeads.head(s, e.firstToken(), e.lastToken());
                int clause = SpanHeads.clauseOf(s, head);
                if (isMainClause(s, clause) || isReportedMainClause(s, clause)) {
                    return r;
                }
            }
        }
        return null;
    }

    /**
     * The clause a sentence-final reporting frame reports: in "Militants attacked an army post on Wednesday,
     * security sources told reporters" the parse makes "told" the root, but the attack is what the sentence is about.
     */
    private static boolean isReportedMainClause(Sentence s, int clauseHead) {
        for (var d : s.dependencies()) {
            if (d.dependent() == clauseHead && d.governor() >= 0) {
                String base = d.baseRelation();
                if (!(base.equals("ccomp") || base.equals("parataxis"))) {
                    return false;
                }
                int reporter = d.governor();
                return reporter == root(s) && REPORTING.contains(s.token(reporter).lemma().toLowerCase(Locale.ROOT));
            }
        }
        return false;
    }

    /**
     * The occasion noun by which the sentence points back at an occasion already reported ("In the meeting",
     * "The talks …"), when the trigger is that occasion or is told in the clause it dates; else null. The
     * sentence must open with the definite noun phrase, and a trigger in the future tense ("the talks will
     * center on …") is not the past occasion.
     */
    private String refersBack(int si, int trigger) {
        Sentence s = sentences.get(si);
        List<Token> toks = s.tokens();
        for (int i = 1; i < toks.size() && i <= CONTEXT_OPENING_TOKENS; i++) {
            String w = toks.get(i).word().toLowerCase(Locale.ROOT);
            if (!OCCASIONS.containsKey(w)) {
                continue;
            }
            boolean definite = false;
            for (int k = i - 1; k >= 0 && k >= i - 3; k--) {
                String p = toks.get(k).word().toLowerCase(Locale.ROOT);
                if (ANAPHORIC_DETERMINERS.contains(p)) {
                    definite = true;
                    break;
                }
                if (!(toks.get(k).pos().startsWith("JJ") || toks.get(k).pos().startsWith("NN") || toks.get(k).pos().isEmpty())) {
                    break;
                }
            }
            if (!definite) {
                continue;
            }
            if (!s.parsed() || s.dependencies().isEmpty()) {
                return w;
            }
            if (i != trigger && OCCASIONS.get(w) != TALKS && isObject(s, i)) {
                // "The government condemned the attack": a reaction to an attack or protest comes after it
                continue;
            }
            if (trigger < 0 || trigger >= toks.size()) {
                return null;
            }
            int clause = SpanHeads.clauseOf(s, trigger);
            if (s.token(clause).isVerb() && Tense.ofClause(s, clause) == Tense.FUTURE) {
                return null;
            }
            if (i == trigger || SpanHeads.clauseOf(s, i) == clause || SpanHeads.dominates(s, trigger, i)) {
                return w;
            }
            int top = spineTop(si, trigger);
            if (top >= 0 && SpanHeads.clauseOf(s, i) == top) {
                return w;
            }
        }
        return null;
    }

    private static boolean isObject(Sentence s, int token) {
        for (Dependency d : s.dependencies()) {
            if (d.dependent() == token && d.governor() >= 0) {
                String base = d.baseRelation();
                if (base.equals("obj") || base.equals("iobj")) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * The main clause whose time the trigger shares: up from the trigger's clause through coordination
     * ("declared … and called for …") and participle or finite adjuncts ("…, adding that …"), never through a
     * complement or relative clause (what is declared, planned or described has a time of its own). A clause
     * after a quotation that the parse hung on the quoted verb is re-hung on the verb that governs the
     * quotation. The root clause's head, or -1 when the trigger sits in a complement.
     */
    private int spineTop(int si, int trigger) {
        Sentence s = sentences.get(si);
        int[] q = quotations[si];
        int cur = SpanHeads.clauseOf(s, trigger);
        for (int step = 0; step < 12; step++) {
            Dependency up = SpanHeads.upArc(s, cur);
            if (up == null) {
                return cur;
            }
            int gov = up.governor();
            if (q[cur] < 0 && q[gov] >= 0) {
                int quoted = q[gov];
                // enhanced graphs can have cycles: never climb more steps than the sentence has tokens
                for (int climb = 0; gov >= 0 && q[gov] == quoted; climb++) {
                    gov = climb < q.length ? governor(s, gov) : -1;
                }
                if (gov < 0) {
                    return -1;
                }
                cur = SpanHeads.clauseOf(s, gov);
                continue;
            }
            String rel = up.baseRelation();
            String pos = s.token(cur).pos();
            // "…, while Iran commended …": a clause that happens at the same time as its head shares the head's
            // occasion; "if", "because", "to" make a condition, cause or purpose, which need not
            boolean adjunct = (rel.equals("advcl") || rel.equals("dep") || rel.equals("parataxis"))
                    && (pos.equals("VBG") || pos.equals("VBD") || pos.equals("VBZ") || pos.equals("VBP"))
                    && (!hasMark(s, cur) || hasMarkOnly(s, cur, SIMULTANEOUS));
            if (!(rel.equals("conj") || adjunct)) {
                return -1;
            }
            if (adjunct && hasMark(s, cur) && s.token(gov).pos().equals("VB") && hasMarkOnly(s, gov, INFINITIVE)) {
                // "Iraq has stated its determination to rid …, while Iran commended …": a finite clause with its
                // own subject is told alongside the finite verb, not inside the infinitive the parser hung it on
                int above = governor(s, gov);
                if (above < 0) {
                    return -1;
                }
                gov = above;
            }
            cur = SpanHeads.clauseOf(s, gov);
        }
        return -1;
    }

    private static int governor(Sentence s, int i) {
        Dependency up = SpanHeads.upArc(s, i);
        return up == null ? -1 : up.governor();
    }

    /** Subordinators of a clause told as happening alongside its head. */
    private static final Set<String> SIMULTANEOUS = Set.of("while", "whereas", "as", "when");
    private static final Set<String> INFINITIVE = Set.of("to");

    /** Whether the clause has subordinators and all of them are among {@code words}. */
    private static boolean hasMarkOnly(Sentence s, int head, Set<String> words) {
        boolean any = false;
        for (Dependency d : s.dependencies()) {
            if (d.governor() == head && d.baseRelation().equals("mark")) {
                if (!words.contains(s.token(d.dependent()).word().toLowerCase(Locale.ROOT))) {
                    return false;
                }
                any = true;
            }
        }
        return any;
    }

    /** A subordinating word ("if", "because", "to") makes an adjunct clause a condition or purpose. */
    private static boolean hasMark(Sentence s, int head) {
        for (Dependency d : s.dependencies()) {
            if (d.governor() == head && d.baseRelation().equals("mark")) {
                return true;
            }
        }
        return false;
    }

    private static boolean isDate(Resolved r) {
        String t = r.expression().type();
        if (!(t.equals("DATE") || t.equals("TIME"))) {
            return false;
        }
        String v = r.expression().value();
        // "recently" or "now" say little; they date an event only when nothing better is in the sentence
        return !v.equals("PAST_REF") && !v.equals("PRESENT_REF") || r.period() != null;
    }
}
