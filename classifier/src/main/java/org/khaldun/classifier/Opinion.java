package org.khaldun.classifier;

import java.util.Locale;

/**
 * What the classifier thinks of one sentence.
 *
 * @param probabilities probability of each class of {@link EventClasses#ALL}
 * @param best          index of the most probable class
 * @param mode          most probable PLOVER mode of the best class's type, "" when none or unsure
 * @param modeConfidence probability of that mode among the type's modes and "no mode"
 */
public record Opinion(double[] probabilities, int best, String mode, double modeConfidence) {

    public EventClass bestClass() {
        return EventClasses.get(best);
    }

    public double confidence() {
        return probabilities[best];
    }

    public double noEvent() {
        return probabilities[EventClasses.NONE];
    }

    /** Total probability of the classes of a PLOVER type ("" = statement). */
    public double ofType(String ploverType) {
        double p = 0;
        for (int i : EventClasses.ofType(ploverType)) {
            p += probabilities[i];
        }
        return p;
    }

    /** Total probability of a ConfliBERT group. */
    public double ofGroup(int group) {
        double p = 0;
        for (int i : EventClasses.ofGroup(group)) {
            p += probabilities[i];
        }
        return p;
    }

    /** "ASSAULT 0.91 (none 0.03)": for explanations. */
    public String describe() {
        return String.format(Locale.ROOT, "%s%s %.2f (no event %.2f)", bestClass().name(),
                mode.isEmpty() ? "" : "/" + mode, confidence(), noEvent());
    }
}
