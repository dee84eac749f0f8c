package org.khaldun.event;

/**
 * Where an event stands in its article.
 *
 * @param sentenceIndex sentence index in the article
 * @param start         first character of the sentence in {@link org.khaldun.article.Article#text()}
 * @param end           last character of the sentence (exclusive)
 * @param trigger       the word or phrase that names the event ("received", "airstrikes")
 * @param triggerStart  first character of the trigger in the article
 * @param triggerEnd    last character of the trigger (exclusive)
 * @param sentence      the sentence as written
 */
public record TextInfo(int sentenceIndex, int start, int end, String trigger, int triggerStart, int triggerEnd,
                       String sentence) {
}
