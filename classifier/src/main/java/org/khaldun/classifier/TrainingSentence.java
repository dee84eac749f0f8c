package org.khaldun.classifier;

import java.util.Objects;

/**
 * One sentence to learn from.
 *
 * @param text    the sentence
 * @param allowed the classes it may belong to (one for an exact label, several for a partial one), indexed like
 *                {@link EventClasses#ALL}
 * @param weight  how much it counts
 * @param mode    its gold PLOVER mode ("" for "no particular mode"), or null when it teaches the mode head nothing
 */
public record TrainingSentence(String text, boolean[] allowed, double weight, String mode) {
    public TrainingSentence {
        Objects.requireNonNull(text);
        if (allowed.length != EventClasses.SIZE) {
            throw new IllegalArgumentException("allowed must have one flag per class");
        }
    }

    /** Allowed-class flags for a list of class indices. */
    public static boolean[] classes(Iterable<Integer> indices) {
        boolean[] a = new boolean[EventClasses.SIZE];
        for (int i : indices) {
            a[i] = true;
        }
        return a;
    }
}
