package org.khaldun.time;

/**
 * A time expression found in a sentence and normalised against the article's publication date.
 *
 * @param sentenceIndex sentence it stands in
 * @param firstToken    first token (inclusive)
 * @param lastToken     last token (inclusive)
 * @param start         first character in the article
 * @param end           last character in the article (exclusive)
 * @param text          as written ("On Wednesday", "last summer")
 * @param type          TimeML type: DATE, TIME, DURATION, SET
 * @param value         TimeML value ("2024-02-07", "2023-SU", "P3M", "FUTURE_REF")
 * @param modifier      TimeML mod (LATE, EARLY, …) or empty
 */
public record TimeExpression(int sentenceIndex, int firstToken, int lastToken, int start, int end, String text,
                             String type, String value, String modifier) {
}
