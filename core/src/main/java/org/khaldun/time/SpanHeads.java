package org.khaldun.time;

import java.util.Set;
import org.khaldun.nlp.Dependency;
import org.khaldun.nlp.Sentence;

/** Dependency helpers over token spans: the head of a span, where it attaches, which clause it is in. */
final class SpanHeads {

    /** Relations that open a clause of their own: a time inside one does not date events outside it. */
    static final Set<String> CLAUSE_RELATIONS = Set.of(
            "ccomp", "advcl", "acl", "parataxis", "csubj", "xcomp", "root");

    private SpanHeads() {
    }

    /** The token of [first, last] whose governor lies outside the span (the last such, for "the third quarter"). */
    static int head(Sentence s, int first, int last) {
        int head = last;
        for (int i = last; i >= first; i--) {
            boolean outside = false;
            boolean any = false;
            for (Dependency d : s.dependencies()) {
                if (d.dependent() == i) {
                    any = true;
                    if (d.governor() < first || d.governor() > last) {
                        outside = true;
                    }
                }
            }
            if (outside || !any) {
                return i;
            }
        }
        return head;
    }

    /** The governor of the span's head outside the span, or -1. */
    static int attachment(Sentence s, int first, int last) {
        int h = head(s, first, last);
        for (Dependency d : s.dependencies()) {
            if (d.dependent() == h && d.governor() >= 0 && (d.governor() < first || d.governor() > last)) {
                int verb = verbAfterSubject(s, d, last);
                return verb >= 0 ? verb : d.governor();
            }
        }
        return -1;
    }

    /** Relations of a date that the parser hangs on the subject in "The ministry on Tuesday said …". */
    private static final Set<String> SUBJECT_DATE_RELATIONS = Set.of("nmod:on", "nmod:tmod", "obl:tmod", "nmod:unmarked");

    /**
     * In news style a date between the subject and its verb ("The ministry on Tuesday accused …", "Police Monday
     * arrested …") dates the verb, but the parser often makes it a modifier of the subject noun; the verb, or -1.
     * Only "on" phrases and bare dates right before the verb count: "The agreement of 2019 collapsed" keeps its date.
     */
    private static int verbAfterSubject(Sentence s, Dependency date, int last) {
        if (!SUBJECT_DATE_RELATIONS.contains(date.relation())) {
            return -1;
        }
        int noun = date.governor();
        if (noun > last) {
            return -1;
        }
        for (Dependency d : s.dependencies()) {
            if (d.dependent() == noun && d.baseRelation().startsWith("nsubj") && d.governor() > last) {
                int verb = d.governor();
                for (int i = last + 1; i < verb; i++) {
                    String pos = s.token(i).pos();
                    if (!(pos.startsWith("RB") || pos.equals("MD") || pos.equals(",") || s.token(i).isVerb())) {
                        return -1;
                    }
                }
                return verb;
            }
        }
        return -1;
    }

    /** The relation by which the span's head attaches, or empty. */
    static String attachmentRelation(Sentence s, int first, int last) {
        int h = head(s, first, last);
        for (Dependency d : s.dependencies()) {
            if (d.dependent() == h && d.governor() >= 0 && (d.governor() < first || d.governor() > last)) {
                return d.relation();
            }
        }
        return "";
    }

    /** The first arc into token {@code i} from a governor (not the root's), in the graph's order; null at the top. */
    static Dependency upArc(Sentence s, int i) {
        for (Dependency d : s.dependencies()) {
            if (d.dependent() == i && d.governor() >= 0) {
                return d;
            }
        }
        return null;
    }

    /**
     * The head of the clause token {@code i} belongs to: up through non-clausal relations (obl, nmod, obj,
     * conj, …) until a clause-opening relation or the root. Conjoined verbs keep their own clause.
     */
    static int clauseOf(Sentence s, int i) {
        int cur = i;
        for (int step = 0; step < 30; step++) {
            Dependency up = upArc(s, cur);
            if (up == null) {
                return cur;
            }
            String base = up.baseRelation();
            if (CLAUSE_RELATIONS.contains(base) || (base.equals("conj") || base.equals("dep")) && s.token(cur).isVerb()) {
                return cur;
            }
            cur = up.governor();
        }
        return cur;
    }

    /** True when {@code anc} dominates {@code i} (or is {@code i}) through governor links. */
    static boolean dominates(Sentence s, int anc, int i) {
        int cur = i;
        for (int step = 0; step < 30; step++) {
            if (cur == anc) {
                return true;
            }
            Dependency up = upArc(s, cur);
            int gov = up == null ? -1 : up.governor();
            if (gov < 0) {
                return false;
            }
            cur = gov;
        }
        return false;
    }
}
