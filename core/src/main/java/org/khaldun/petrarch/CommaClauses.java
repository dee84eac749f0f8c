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

    static void remove(List<String> t, CoderOptions o) {
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
