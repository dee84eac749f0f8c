package org.khaldun.petrarch;

import java.util.ArrayList;
import java.util.List;

/**
 * A dictionary phrase: upper-case words joined by PETRARCH connectors. An underscore ({@code A_B}) means the two
 * words must be consecutive in the text; a blank ({@code A B}) lets other words come between them. A trailing
 * underscore ({@code ARNOR_}) is TABARI's "no stemming" mark and carries no meaning here.
 *
 * @param words upper-case words
 * @param tight {@code tight.get(i)} is true when {@code words.get(i + 1)} must directly follow {@code words.get(i)}
 */
public record Phrase(List<String> words, List<Boolean> tight) {

    public Phrase {
        words = List.copyOf(words);
        tight = List.copyOf(tight);
        if (words.isEmpty()) {
            throw new IllegalArgumentException("empty phrase");
        }
        if (tight.size() != words.size() - 1) {
            throw new IllegalArgumentException("one connector between each pair of words");
        }
    }

    /** Parses {@code THE_HERMIT_KINGDOM} or {@code CARAS GALADHON}; returns null when there are no words. */
    public static Phrase parse(String text) {
        List<String> words = new ArrayList<>();
        List<Boolean> tight = new ArrayList<>();
        StringBuilder w = new StringBuilder();
        boolean pendingTight = false;
        for (int i = 0; i <= text.length(); i++) {
            char c = i < text.length() ? text.charAt(i) : ' ';
            if (c == '_' || Character.isWhitespace(c)) {
                if (w.length() > 0) {
                    if (!words.isEmpty()) {
                        tight.add(pendingTight);
                    }
                    words.add(w.toString().toUpperCase(java.util.Locale.ROOT));
                    w.setLength(0);
                    pendingTight = c == '_';
                } else if (c == '_' && !words.isEmpty()) {
                    pendingTight = true;
                }
            } else {
                w.append(c);
            }
        }
        return words.isEmpty() ? null : new Phrase(words, tight);
    }

    public static Phrase of(String... words) {
        List<Boolean> t = new ArrayList<>();
        for (int i = 1; i < words.length; i++) {
            t.add(false);
        }
        return new Phrase(List.of(words), t);
    }

    public int size() {
        return words.size();
    }

    public String first() {
        return words.get(0);
    }

    /** The phrase in dictionary notation, e.g. {@code WHITE_HOUSE}. */
    public String text() {
        StringBuilder b = new StringBuilder(words.get(0));
        for (int i = 1; i < words.size(); i++) {
            b.append(tight.get(i - 1) ? '_' : ' ').append(words.get(i));
        }
        return b.toString();
    }

    /** The same phrase with its last word replaced (used to build plural forms). */
    public Phrase withLastWord(String last) {
        List<String> w = new ArrayList<>(words);
        w.set(w.size() - 1, last);
        return new Phrase(w, tight);
    }

    @Override
    public String toString() {
        return text();
    }
}
