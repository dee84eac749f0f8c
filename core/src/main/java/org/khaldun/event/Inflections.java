package org.khaldun.event;

import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Regular English inflections of a lemma, generated loosely: the pre-parse filter may over-generate
 * ("visitted" costs nothing) but must not miss a form the text uses. Irregular forms come from the lexicon.
 */
final class Inflections {

    private Inflections() {
    }

    static Set<String> verbForms(String lemma) {
        Set<String> out = new LinkedHashSet<>();
        out.add(lemma);
        out.addAll(plural(lemma)); // third person singular follows the same spelling rules
        String stem = lemma;
        boolean endsE = lemma.endsWith("e");
        if (consonantY(lemma)) {
            stem = lemma.substring(0, lemma.length() - 1);
            out.add(stem + "ied");
            out.add(lemma + "ing");
        } else if (lemma.endsWith("ie")) {
            out.add(lemma + "d");
            out.add(lemma.substring(0, lemma.length() - 2) + "ying");
        } else if (endsE) {
            out.add(lemma + "d");
            out.add(lemma.substring(0, lemma.length() - 1) + "ing");
            if (lemma.endsWith("ee") || lemma.endsWith("ye") || lemma.endsWith("oe")) {
                out.add(lemma + "ing");
            }
        } else {
            out.add(lemma + "ed");
            out.add(lemma + "ing");
            char last = lemma.charAt(lemma.length() - 1);
            if (lemma.length() >= 3 && isConsonant(last) && last != 'w' && last != 'x' && last != 'y'
                    && !isConsonant(lemma.charAt(lemma.length() - 2))) {
                out.add(lemma + last + "ed");
                out.add(lemma + last + "ing");
            }
            if (lemma.endsWith("c")) {
                out.add(lemma + "ked");
                out.add(lemma + "king");
            }
        }
        return out;
    }

    static Set<String> nounForms(String lemma) {
        Set<String> out = new LinkedHashSet<>();
        out.add(lemma);
        out.addAll(plural(lemma));
        return out;
    }

    private static Set<String> plural(String w) {
        Set<String> out = new LinkedHashSet<>();
        if (consonantY(w)) {
            out.add(w.substring(0, w.length() - 1) + "ies");
        } else if (w.endsWith("s") || w.endsWith("x") || w.endsWith("z") || w.endsWith("ch") || w.endsWith("sh")
                || w.endsWith("o")) {
            out.add(w + "es");
        }
        out.add(w + "s");
        return out;
    }

    private static boolean consonantY(String w) {
        return w.length() > 1 && w.endsWith("y") && isConsonant(w.charAt(w.length() - 2));
    }

    private static boolean isConsonant(char c) {
        return Character.isLetter(c) && "aeiou".indexOf(c) < 0;
    }
}
