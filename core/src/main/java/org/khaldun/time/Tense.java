package org.khaldun.time;

import java.util.Set;
import org.khaldun.nlp.Dependency;
import org.khaldun.nlp.Sentence;
import org.khaldun.nlp.Token;

/**
 * The tense of the clause a time expression sits in, which decides which "Wednesday" or which "March" is
 * meant. Parsed sentences: the verb the expression hangs from and its auxiliaries. Sentences with tokens only:
 * the nearest tense cue in a short window.
 */
enum Tense {
    PAST, PRESENT, FUTURE, UNKNOWN;

    private static final Set<String> FUTURE_AUX = Set.of("will", "'ll", "shall", "wo", "would", "'d");
    private static final Set<String> PRESENT_FORMS = Set.of("is", "are", "am", "'s", "'re", "has", "have");
    private static final Set<String> PAST_FORMS = Set.of("was", "were", "had", "did");
    /** Verbs whose infinitive complement lies ahead of them ("plans to meet on Friday"). */
    private static final Set<String> FORWARD_VERBS = Set.of(
            "plan", "expect", "schedule", "agree", "intend", "hope", "want", "aim", "threaten", "vow", "promise",
            "pledge", "set", "due", "prepare", "decide", "propose", "seek", "try", "offer", "ask", "urge", "call",
            "invite", "order", "consider", "go", "need", "likely", "able", "ready");
    /** Frequent irregular past forms for sentences without POS tags. */
    private static final Set<String> IRREGULAR_PAST = Set.of(
            "said", "was", "were", "had", "did", "met", "took", "made", "told", "came", "went", "held", "left",
            "began", "gave", "saw", "won", "lost", "fell", "rose", "paid", "sold", "bought", "found", "got", "put",
            "sent", "spoke", "struck", "fought", "led", "hit", "shot", "fled", "broke", "brought", "thought", "knew",
            "became", "ran", "stood", "wrote", "read", "heard", "felt", "kept", "meant", "seized", "killed");

    static Tense of(Sentence s, int first, int last) {
        if (first >= 3 && isWord(s, first - 1, "as") && isWord(s, first - 3, "as")
                && (isWord(s, first - 2, "soon") || isWord(s, first - 2, "early"))) {
            return FUTURE; // "as soon as Tuesday", "as early as Monday": a date not yet reached
        }
        if (s.parsed() && !s.dependencies().isEmpty()) {
            // only a verb the expression hangs from directly says when it is; through a noun ("under a June
            // agreement", "payable Dec. 7") the verb's tense misleads more than it helps
            int gov = SpanHeads.attachment(s, first, last);
            if (gov >= 0 && (s.token(gov).isVerb() || s.token(gov).pos().equals("MD"))) {
                return ofVerb(s, gov, 0);
            }
            return UNKNOWN;
        }
        return byWindow(s, first, last);
    }

    /** The tense of the clause headed by verb {@code head}. */
    static Tense ofClause(Sentence s, int head) {
        return ofVerb(s, head, 0);
    }

    private static boolean isWord(Sentence s, int i, String w) {
        return s.token(i).word().equalsIgnoreCase(w);
    }

    /** The verb an expression depends on: up from the expression's head through at most four edges. */
    static int governingVerb(Sentence s, int first, int last) {
        int head = SpanHeads.head(s, first, last);
        int cur = head;
        for (int step = 0; step < 5; step++) {
            int gov = -1;
            for (Dependency d : s.dependencies()) {
                if (d.dependent() == cur && d.governor() >= 0 && (d.governor() < first || d.governor() > last)) {
                    gov = d.governor();
                    break;
                }
            }
            if (gov < 0) {
                return s.token(cur).isVerb() ? cur : -1;
            }
            cur = gov;
            Token t = s.token(cur);
            if (t.isVerb() || t.pos().equals("MD")) {
                return cur;
            }
        }
        return -1;
    }

    private static Tense ofVerb(Sentence s, int verb, int depth) {
        Token v = s.token(verb);
        boolean infinitive = false;
        Tense auxTense = UNKNOWN;
        boolean perfect = false;
        boolean future = false;
        boolean conditional = false;
        for (Dependency d : s.dependencies()) {
            if (d.governor() != verb) {
                continue;
            }
            String rel = d.relation();
            String w = s.token(d.dependent()).word().toLowerCase(java.util.Locale.ROOT);
            if (rel.startsWith("aux")) {
                if (FUTURE_AUX.contains(w)) {
                    future = true;
                    conditional |= w.equals("would") || w.equals("'d");
                } else if (w.equals("going")) {
                    future = true;
                } else if (w.equals("could") || w.equals("should") || w.equals("might")) {
                    conditional = true;
                }
                if (PAST_FORMS.contains(w)) {
                    auxTense = PAST;
                } else if (w.equals("has") || w.equals("have") || w.equals("'ve")) {
                    perfect = true;
                } else if (PRESENT_FORMS.contains(w) && auxTense == UNKNOWN) {
                    auxTense = PRESENT;
                } else if (w.equals("to")) {
                    infinitive = true;
                }
            } else if (rel.equals("mark") && w.equals("to")) {
                infinitive = true;
            }
        }
        if (conditional && perfect) {
            return PAST; // "would have met on Friday": a counterfactual about the past
        }
        if (future) {
            return FUTURE;
        }
        if (auxTense == PAST) {
            return PAST;
        }
        if (perfect) {
            return PAST;
        }
        String pos = v.pos();
        if (v.word().equalsIgnoreCase("will") || v.word().equalsIgnoreCase("'ll")) {
            return FUTURE;
        }
        if (pos.equals("VBD")) {
            return PAST;
        }
        if (pos.equals("VBN") && auxTense == UNKNOWN && !infinitive && !hasAux(s, verb)) {
            return PAST; // reduced relative or participle: "the year ended March 31"
        }
        if (pos.equals("VBG") && auxTense == PRESENT) {
            return FUTURE; // "is meeting on Friday": a plan
        }
        if (auxTense == PRESENT || pos.equals("VBZ") || pos.equals("VBP")) {
            return PRESENT;
        }
        if (infinitive || pos.equals("VB")) {
            // an infinitive takes its tense from the verb it complements, or looks ahead
            if (depth < 2) {
                for (Dependency d : s.dependencies()) {
                    if (d.dependent() == verb && d.governor() >= 0 && (d.baseRelation().equals("xcomp")
                            || d.baseRelation().equals("ccomp") || d.baseRelation().equals("advcl"))) {
                        Token g = s.token(d.governor());
                        if (FORWARD_VERBS.contains(g.lemma()) || infinitive && g.lemma().equals("be")) {
                            return FUTURE;
                        }
                        Tense t = ofVerb(s, d.governor(), depth + 1);
                        return t == PAST && infinitive ? UNKNOWN : t;
                    }
                }
            }
            if (infinitive) {
                // "the first countries to accede on Friday" describes them; it does not plan anything
                for (Dependency d : s.dependencies()) {
                    if (d.dependent() == verb && d.baseRelation().equals("acl")) {
                        return UNKNOWN;
                    }
                }
            }
            return infinitive ? FUTURE : UNKNOWN;
        }
        return UNKNOWN;
    }

    private static boolean hasAux(Sentence s, int verb) {
        for (Dependency d : s.dependencies()) {
            if (d.governor() == verb && d.relation().startsWith("aux")) {
                return true;
            }
        }
        return false;
    }

    private static Tense byWindow(Sentence s, int first, int last) {
        int n = s.tokens().size();
        for (int dist = 1; dist <= 8; dist++) {
            for (int k : new int[] {first - dist, last + dist}) {
                if (k < 0 || k >= n) {
                    continue;
                }
                Token t = s.token(k);
                String w = t.word().toLowerCase(java.util.Locale.ROOT);
                if (FUTURE_AUX.contains(w) || w.equals("going") && k + 1 < n && s.token(k + 1).word().equals("to")) {
                    return FUTURE;
                }
                if (!t.pos().isEmpty()) {
                    if (t.pos().equals("VBD")) {
                        return PAST;
                    }
                    if (t.pos().equals("VBZ") || t.pos().equals("VBP")) {
                        return PRESENT;
                    }
                } else if (IRREGULAR_PAST.contains(w) || w.length() > 4 && w.endsWith("ed")) {
                    return PAST;
                }
            }
        }
        return UNKNOWN;
    }
}
