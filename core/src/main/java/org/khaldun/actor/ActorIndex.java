package org.khaldun.actor;

import java.util.List;
import java.util.Optional;

/**
 * Every actor mention of one article, already resolved: pronouns ("He"), short names ("Al-Mandalawi")
 * and definite descriptions ("the country") carry the code of the actor they refer to.
 */
public interface ActorIndex {

    /** Mentions of a sentence, in token order, non-overlapping. */
    List<ActorMention> mentions(int sentenceIndex);

    /** The mention covering a token, if any. */
    default Optional<ActorMention> at(int sentenceIndex, int token) {
        for (ActorMention m : mentions(sentenceIndex)) {
            if (m.covers(token)) {
                return Optional.of(m);
            }
        }
        return Optional.empty();
    }
}
