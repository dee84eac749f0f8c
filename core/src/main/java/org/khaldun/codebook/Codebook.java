package org.khaldun.codebook;

import java.util.Optional;

/**
 * The CAMEO code list with Goldstein weights and quad classes, and the CAMEO→PLOVER crosswalk.
 * Loaded once from Khaldun's own tables; immutable and thread-safe.
 */
public interface Codebook {

    /** The CAMEO entry for a code, if the code exists. */
    Optional<CameoCode> cameo(String code);

    /** The PLOVER coding of a CAMEO code (falling back to its parent code when the crosswalk has no row for it). */
    Optional<PloverCoding> plover(String cameoCode);

    /** Version of the tables, written on every event ({@code codebook} field). */
    String version();
}
