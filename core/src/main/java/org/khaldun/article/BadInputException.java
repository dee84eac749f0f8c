package org.khaldun.article;

/**
 * Why one input record cannot become an article, worded for the user ("invalid UTF-8 at byte offset 17",
 * "\"text\" is empty"). {@link ArticleSources} turns it into a {@link ReadResult.Failed}; it never stops
 * the other records.
 */
public final class BadInputException extends Exception {

    public BadInputException(String reason) {
        super(reason, null, false, false);
    }

    public String reason() {
        return getMessage();
    }
}
