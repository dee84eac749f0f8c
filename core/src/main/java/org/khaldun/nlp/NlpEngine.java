package org.khaldun.nlp;

import java.util.List;

/**
 * The only door to the NLP library. Splitting is cheap and runs on every article; parsing (POS tags,
 * lemmas, dependencies) is the costly step and runs only on sentences a later stage asks for.
 *
 * <p>Implementations are thread-safe: one engine serves every worker thread of a JVM.
 */
public interface NlpEngine {

    /** Sentences and tokens of {@code text}, offsets into {@code text}; not parsed. */
    List<Sentence> split(String text);

    /**
     * The same sentences, tagged and lemmatised but not parsed, in the same order. Tagging costs a few percent
     * of parsing, so a caller can look at parts of speech before deciding which sentences deserve a parse.
     */
    List<Sentence> tag(List<Sentence> sentences);

    /**
     * The same sentences, tagged, lemmatised and parsed, in the same order. Sentences that already carry tags
     * (from {@link #tag}) keep them. Sentences longer than {@code maxTokens} come back with tags and lemmas but
     * without dependencies, so one run-on sentence cannot stall an article.
     */
    List<Sentence> parse(List<Sentence> sentences);
}
