package org.khaldun.petrarch;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/**
 * PETRARCH's removal of comma-delimited clauses before coding ("Arnor will restore ties, five years after the
 * embassy burned, a senior official said"): a sentence-final clause of a few words, inner clauses between two commas,
 * and optionally a sentence-initial clause, each within the lengths set in {@link CoderOptions}. Only phrases lying
 * wholly inside the clause are removed, so the linear form stays balanced.
 */
final class CommaClauses {

    private static final String COMMA = "(,";

    private CommaClauses() {
    }

    /** Stand-ins for the markup of a comma inside an actor phrase while clauses are removed. */
    private static final String SLOT_COMMA = "(SLOTCOMMA";
    private static final String SLOT_COMMA_END = "~SLOTCOMMA";

    /**
     * Removes the clauses. A comma inside an actor phrase ("the ambassadors of Arnor, Osgiliath and Gondor") lists
     * the members of a compound and delimits no clause: otherwise a short sentence would lose its verb phrase as a
     * "final clause" ("..., Osgiliath and Gondor met in Minas Tirith").
     */
    static void remove(List<String> t, CoderOptions o) {
        if (!t.contains(COMMA)) {
            return;
        }
        int depth = 0;
        for (int i = 0; i < t.size(); i++) {
            String s = t.get(i);
            if (s.equals("(NE") || s.startsWith("(NEC")) {
                depth++;
            } else if (s.equals("~NE") || s.startsWith("~NEC")) {
                depth--;
            } else if (depth > 0 && s.equals(COMMA)) {
                t.set(i, SLOT_COMMA);
            } else if (depth > 0 && s.equals("~,")) {
                t.set(i, SLOT_COMMA_END);
            }
        }
        try {
            removeClauses(t, o);
        } finally {
            for (int i = 0; i < t.size(); i++) {
                if (t.get(i).equals(SLOT_COMMA)) {
                    t.set(i, COMMA);
                } else if (t.get(i).equals(SLOT_COMMA_END)) {
                    t.set(i, "~,");
                }
            }
        }
    }

    private static void removeClauses(List<String> t, CoderOptions o) {
        if (!t.contains(COMMA)) {
            return;
        }
        if (o.commaBMax() != 0) {
            int first = t.indexOf(COMMA);
            int n = countWords(t, 2, first);
            if (n >= o.commaBMin() && n <= o.commaBMax()) {
                deletePhrases(t, 2, first);
            }
        }
        if (o.commaEMax() != 0) {
            int end = findEnd(t);
            int ka = lastCommaBefore(t, end - 1);
            if (t.get(ka).equals(COMMA)) {
                int n = countWords(t, ka, t.size());
                if (n >= o.commaEMin() && n <= o.commaEMax()) {
                    deletePhrases(t, ka + 3, end);
                }
            }
        }
        if (o.commaMax() != 0) {
            int ka = t.indexOf(COMMA);
            while (ka >= 0) {
                int kb = PetrarchCoder.indexOf(t, COMMA, ka + 1);
                if (kb < 0) {
                    break;
                }
                int n = countWords(t, ka + 2, kb);
                if (n >= o.commaMin() && n <= o.commaMax()) {
                    deletePhrases(t, ka, kb);
                }
                // PETRARCH resumes from the second comma's position before the deletion, which can skip a comma
                ka = kb;
            }
        }
        int first = t.indexOf(COMMA);
        if (first >= 0 && countWords(t, 2, first) == 0) {
            t.subList(first, Math.min(first + 3, t.size())).clear();
        }
        int end = findEnd(t);
        int ka = lastCommaBefore(t, end - 1);
        if (ka >= 0 && ka < t.size() && t.get(ka).equals(COMMA) && countWords(t, ka + 1, end) == 0) {
            t.subList(ka, Math.min(ka + 3, t.size())).clear();
        }
    }

    private static int lastCommaBefore(List<String> t, int from) {
        int ka = Math.min(from, t.size() - 1);
        while (ka >= 2 && !t.get(ka).equals(COMMA)) {
            ka--;
        }
        return Math.max(ka, 0);
    }

    /** Words (tokens starting with a letter) in {@code t[lo, hi)}, not counting actor codes. */
    static int countWords(List<String> t, int lo, int hi) {
        int n = 0;
        int k = lo;
        while (k < hi && k < t.size()) {
            String s = t.get(k);
            if (s.equals("(NE")) {
                k += 2;
                continue;
            }
            if (!s.isEmpty() && s.charAt(0) != '(' && s.charAt(0) != '~' && Character.isLetter(s.charAt(0))) {
                n++;
            }
            k++;
        }
        return n;
    }

    /** Position of the tag before the last word (normally the final full stop's tag). */
    private static int findEnd(List<String> t) {
        int ka = t.size() - 1;
        while (ka >= 2 && t.get(ka).startsWith("~")) {
            ka--;
        }
        return ka - 1;
    }

    /** Removes every complete phrase lying within {@code t[lo, hi)}. */
    static void deletePhrases(List<String> t, int lo, int hi) {
        Deque<String> closing = new ArrayDeque<>();
        for (int ka = hi - 1; ka >= lo; ka--) {
            String s = t.get(ka);
            if (s.startsWith("~")) {
                closing.push(s.substring(1));
            } else if (!closing.isEmpty() && s.startsWith("(") && s.substring(1).equals(closing.peek())) {
                int end = PetrarchCoder.indexOf(t, "~" + s.substring(1), ka + 1);
                t.subList(ka, end + 1).clear();
                closing.pop();
            }
        }
    }
}
