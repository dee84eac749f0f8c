package org.khaldun.nlp;

/**
 * One typed dependency (Universal Dependencies, as CoreNLP names them: {@code nsubj}, {@code obj},
 * {@code obl:against}, {@code nmod:poss}, …).
 *
 * @param governor  token index of the head, or -1 for the root
 * @param dependent token index of the dependent
 * @param relation  relation name, with its case marker after a colon where CoreNLP adds one
 */
public record Dependency(int governor, int dependent, String relation) {

    /** The relation without its subtype: {@code obl} for {@code obl:against}. */
    public String baseRelation() {
        int colon = relation.indexOf(':');
        return colon < 0 ? relation : relation.substring(0, colon);
    }

    /** The subtype after the colon ({@code against} for {@code obl:against}), or empty. */
    public String subtype() {
        int colon = relation.indexOf(':');
        return colon < 0 ? "" : relation.substring(colon + 1);
    }
}
