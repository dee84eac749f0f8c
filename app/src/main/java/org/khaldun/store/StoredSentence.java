package org.khaldun.store;

/** One sentence of a stored article, with its character span in the article text. */
public record StoredSentence(long articleSeq, int index, int start, int end, String text) {
}
