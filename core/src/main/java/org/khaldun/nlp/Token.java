package org.khaldun.nlp;

/**
 * One token of a sentence.
 *
 * @param index position in its sentence, from 0
 * @param word  surface form as written
 * @param lemma dictionary form, lower case for everything but proper nouns
 * @param pos   Penn Treebank tag, or empty when the sentence was not tagged
 * @param start first character in the article text (inclusive)
 * @param end   last character in the article text (exclusive)
 */
public record Token(int index, String word, String lemma, String pos, int start, int end) {

    public boolean isVerb() {
        return pos.startsWith("VB");
    }

    public boolean isNoun() {
        return pos.startsWith("NN");
    }

    public boolean isProperNoun() {
        return pos.startsWith("NNP");
    }

    public boolean isCapitalized() {
        return !word.isEmpty() && Character.isUpperCase(word.charAt(0));
    }
}
