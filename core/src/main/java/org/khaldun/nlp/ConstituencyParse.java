package org.khaldun.nlp;

import java.util.List;
import java.util.Objects;

/**
 * A constituency parse of one sentence.
 *
 * @param pennTree the tree in Penn Treebank bracketing, e.g. {@code (ROOT (S (NP (NNP Arnor)) (VP ...)))}
 * @param leaves   for each leaf, in order, the tokens of the sentence it stands for: usually one, several for a
 *                 hyphenated word the tokenizer split ("Al-Qaeda" is one leaf over tokens Al, -, Qaeda)
 */
public record ConstituencyParse(String pennTree, List<Leaf> leaves) {

    public ConstituencyParse {
        Objects.requireNonNull(pennTree);
        leaves = List.copyOf(leaves);
    }

    /** Tokens {@code first..last} (inclusive) of the sentence. */
    public record Leaf(int first, int last) {
    }
}
