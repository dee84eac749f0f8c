package org.khaldun.actor;

import java.util.Objects;

/**
 * An actor found in a sentence, with the token span it covers and how it was recognised.
 *
 * @param sentenceIndex sentence of the mention
 * @param firstToken    first token (inclusive)
 * @param lastToken     last token (inclusive)
 * @param head          the token that a dependency arc would reach (usually the last noun of the phrase)
 * @param actor         resolved actor; for a pronoun or short name, {@code actor.text()} is the pronoun as
 *                      written and the code is the antecedent's
 * @param rule          why: the dictionary entry or resolution rule, e.g. {@code dict:countries:IRAQ},
 *                      {@code title+name}, {@code pronoun->Mohsen Al-Mandalawi}
 */
public record ActorMention(int sentenceIndex, int firstToken, int lastToken, int head, Actor actor, String rule) {
    public ActorMention {
        Objects.requireNonNull(actor);
        Objects.requireNonNull(rule);
        if (firstToken > lastToken || head < firstToken || head > lastToken) {
            throw new IllegalArgumentException("bad mention span " + firstToken + ".." + lastToken + " head " + head);
        }
    }

    public boolean covers(int token) {
        return token >= firstToken && token <= lastToken;
    }
}
