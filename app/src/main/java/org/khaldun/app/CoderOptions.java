package org.khaldun.app;

import java.util.Locale;
import org.khaldun.classifier.CoderChoice;
import org.khaldun.classifier.CombinationRule;
import picocli.CommandLine.Option;

/** Who decides event types: the options {@code code} and {@code bench} share, so a benchmark measures what is coded. */
final class CoderOptions {

    @Option(names = "--coder", paramLabel = "CODER", defaultValue = "pattern",
            description = "Who decides event types: pattern (lexicon + dependency rules), classifier (learned sentence "
                    + "classifier), or combined (patterns vetoed, retyped and supplemented by the classifier; see docs/classifier.md). "
                    + "Default: ${DEFAULT-VALUE}.")
    CoderChoice coder;

    @Option(names = "--classifier-reads", paramLabel = "N",
            description = "With --coder combined: the classifier reads only each article's first N parsed sentences "
                    + "(later ones keep the pattern coder's events); 0 = all. Default: the combination rule's ("
                    + "CombinationRule.DEFAULT).")
    Integer classifierReads;

    /** The combination rule these options ask for. */
    CombinationRule rule() {
        return classifierReads == null ? CombinationRule.DEFAULT : CombinationRule.DEFAULT.readingFirst(classifierReads);
    }

    /** The options as they would be typed, empty for the defaults (for reports). */
    String asTyped() {
        return (coder == CoderChoice.PATTERN ? "" : " --coder " + coder.name().toLowerCase(Locale.ROOT))
                + (classifierReads != null ? " --classifier-reads " + classifierReads : "");
    }
}
