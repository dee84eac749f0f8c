package org.khaldun.time;

import java.util.List;

/** The resolved time expressions of one article, and the date each event takes from them. */
public interface ArticleTimes {

    List<TimeExpression> expressions();

    /**
     * The date of an event whose trigger is token {@code triggerToken} of sentence {@code sentenceIndex}:
     * from a time expression attached to it, else the sentence's, else the nearest preceding context
     * that still governs it, else the publication date (flagged as such).
     */
    EventDate dateOf(int sentenceIndex, int triggerToken);

    /**
     * Whether the text places the event after publication: its date is a future reference ("the upcoming
     * weeks", "soon") or a period that starts after the publication day ("next month", "will meet on
     * Wednesday"). The event coder may flag such events as future. This default knows only the first case.
     */
    default boolean isFuture(int sentenceIndex, int triggerToken) {
        return "FUTURE_REF".equals(dateOf(sentenceIndex, triggerToken).value());
    }
}
