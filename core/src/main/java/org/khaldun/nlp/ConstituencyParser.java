package org.khaldun.nlp;

import java.util.Optional;

/**
 * Phrase-structure (constituency) parses, for coders written against Penn Treebank trees — PETRARCH's dictionaries
 * are. Kept apart from {@link NlpEngine} because it is far slower than the dependency parse and only the PETRARCH
 * compatibility mode needs it.
 *
 * <p>Implementations are thread-safe.
 */
public interface ConstituencyParser {

    /**
     * The sentence's parse. Each leaf maps back to tokens of the sentence ({@link ConstituencyParse#leaves()}), so
     * positions in the tree map back to characters of the article. Brackets in words are written as in the Treebank
     * ({@code -LRB-}, {@code -RRB-}, …) and blanks inside a token as {@code _}, so the bracketing stays readable.
     *
     * @return empty when the sentence is too long for the parser or cannot be parsed
     */
    Optional<ConstituencyParse> parse(Sentence sentence);
}
