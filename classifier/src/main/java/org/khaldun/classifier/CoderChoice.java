package org.khaldun.classifier;

/** Which coder decides event types: the pattern coder alone, the classifier alone, or both ({@code --coder}). */
public enum CoderChoice {
    /** Lexicon triggers and dependency rules only (DependencyEventCoder). */
    PATTERN,
    /** The sentence classifier decides every type; actors come from the sentence's actor mentions. */
    CLASSIFIER,
    /** Pattern events vetoed, retyped or supplemented by the classifier ({@link CombinationRule}). */
    COMBINED;

    /**
     * The choice Khaldun uses when none is given: the pattern coder, until a combination is better on the held-apart
     * test split and its extra cost stays within the throughput target (docs/classifier.md).
     */
    public static final CoderChoice DEFAULT = PATTERN;
}
