package org.khaldun.time;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
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
 *   <li>the publication date, flagged {@code fromPublication}.</li>
 * </ol>
 */
final class RuleArticleTimes implements ArticleTimes {

    /** Nouns that, with "the", "this" or "that", point back at an occasion already dated. */
    private static final Set<String> OCCASION_NOUNS = Set.of(
            "meeting", "talks", "visit", "session", "summit", "conference", "call", "ceremony", "interview",
            "speech", "briefing", "discussion", "negotiations", "raid", "incident", "clashes", "explosion",
            "bombing", "protest", "rally", "vote", "trip", "tour", "encounter", "gathering", "hearing", "debate");
    private static final Set<String> ANAPHORIC_DETERMINERS = Set.of("the", "this", "that");
    /** How many sentences back the occasion's date may stand. */
    private static final int CONTEXT_WINDOW = 2;
    /** The occasion must open the sentence ("In the meeting, …", "The talks …"). */
    private static final int CONTEXT_OPENING_TOKENS = 4;

    private final List<Sentence> sentences;
    private final List<Resolved> resolved;
    private final List<List<Resolved>> bySentence;
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
        if (refersBack(sentences.get(si), trigger)) {
            for (int k = si - 1; k >= 0 && k >= si - CONTEXT_WINDOW; k--) {
                if (hasDateExpression(k)) {
                    return mainDate(k);
                }
            }
        }
        return null;
    }

    private Resolved ownDate(int si, int trigger) {
        Sentence s = sentences.get(si);
        List<Resolved> dates = new ArrayList<>();
        for (Resolved r : bySentence.get(si)) {
            if (isDate(r)) {
                dates.add(r);
            }
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
                if (isMainClause(s, SpanHeads.clauseOf(s, head))) {
                    return r;
                }
            }
        }
        return null;
    }

    /**
     * True when the sentence names an occasion with a definite noun phrase ("the meeting", "this visit")
     * that the trigger is, or that hangs from the trigger's clause.
     */
    private static boolean refersBack(Sentence s, int trigger) {
        List<Token> toks = s.tokens();
        for (int i = 1; i < toks.size() && i <= CONTEXT_OPENING_TOKENS; i++) {
            String w = toks.get(i).word().toLowerCase(Locale.ROOT);
            if (!OCCASION_NOUNS.contains(w)) {
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
            if (!s.parsed() || s.dependencies().isEmpty() || i == trigger) {
                return true;
            }
            if (SpanHeads.clauseOf(s, i) == SpanHeads.clauseOf(s, trigger) || SpanHeads.dominates(s, trigger, i)) {
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
