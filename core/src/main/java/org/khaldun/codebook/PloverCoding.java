package org.khaldun.codebook;

import java.util.List;

/**
 * What a CAMEO code becomes in PLOVER, through the CAMEO→PLOVER crosswalk.
 *
 * @param eventType one of the 16 PLOVER event types (AGREE, ASSAULT, …)
 * @param mode      PLOVER mode, or empty
 * @param contexts  PLOVER contexts, possibly empty
 */
public record PloverCoding(String eventType, String mode, List<String> contexts) {
    public PloverCoding {
        mode = mode == null ? "" : mode;
        contexts = List.copyOf(contexts);
    }
}
