package org.khaldun.petrarch;

import java.util.List;

/**
 * A PETRARCH discards list: phrases that mark a sentence (or, with a leading {@code +}, a whole story) as not worth
 * coding, e.g. sports reports.
 *
 * @param entries in file order
 */
public record PetrarchDiscards(List<Entry> entries) {

    public PetrarchDiscards {
        entries = List.copyOf(entries);
    }

    public static PetrarchDiscards none() {
        return new PetrarchDiscards(List.of());
    }

    /**
     * One discard phrase.
     *
     * @param phrase     upper-case words
     * @param wholeStory {@code +PHRASE}: discard the story, not just the sentence
     * @param wordEnd    {@code PHRASE_}: the last word must end there (otherwise it is a stem: BASEBALL matches
     *                   BASEBALLS)
     * @param source     the dictionary line
     */
    public record Entry(List<String> phrase, boolean wholeStory, boolean wordEnd, SourceLine source) {
        public Entry {
            phrase = List.copyOf(phrase);
        }

        public String text() {
            return (wholeStory ? "+" : "") + String.join(" ", phrase) + (wordEnd ? "_" : "");
        }
    }
}
