package org.khaldun.classifier;

import java.util.Objects;

/**
 * One output class of the sentence classifier.
 *
 * <p>A class is a PLOVER event type within one of ConfliBERT's five CAMEO root groups, because both training sets
 * must be able to name it: plover-synthetic names the type, ConfliBERT only the group. Types that the crosswalk
 * places in two groups get one class per group (REQUEST: appeal 02 / demand 10; CONCEDE: intent to yield 035 /
 * yielding 08). Two classes have no PLOVER type: {@link #NONE} (no event) and {@link #STATEMENT} (CAMEO 01, which
 * PLOVER drops).
 *
 * @param name       stable name in the weights file ("REQUEST/demand", "ASSAULT", "none")
 * @param ploverType PLOVER type, "" for none and statements
 * @param group      ConfliBERT group 0–4 ({@code 0} statements/appeals … {@code 4} material conflict), -1 for none
 * @param cameoCode  the CAMEO code an event of this class gets when the classifier alone decides its type: the
 *                   root-level code of the type in that group
 */
public record EventClass(String name, String ploverType, int group, String cameoCode) {

    public static final String NONE = "none";
    public static final String STATEMENT = "statement";

    public EventClass {
        Objects.requireNonNull(name);
        Objects.requireNonNull(ploverType);
        Objects.requireNonNull(cameoCode);
    }

    public boolean isEvent() {
        return group >= 0;
    }
}
