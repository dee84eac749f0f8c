package org.khaldun.petrarch;

/**
 * PETRARCH's coding options, with its defaults (which follow TABARI).
 *
 * @param newActorLength when positive, an actor phrase with no dictionary code is reported in quotes ({@code "INJURY
 *                       TOLL"}) if it has fewer than this many blanks; 0 reports it as the null code {@code ---}
 * @param requireDyad    drop events whose source or target is the null code {@code ---}
 * @param commaMin       shortest comma-delimited inner clause (in words) that is removed before coding
 * @param commaMax       longest such clause; 0 keeps inner clauses
 * @param commaBMin      shortest sentence-initial clause removed
 * @param commaBMax      longest sentence-initial clause removed; 0 (the default) keeps them
 * @param commaEMin      shortest sentence-final clause removed ("..., a senior official said on Saturday")
 * @param commaEMax      longest sentence-final clause removed; 0 keeps them
 */
public record CoderOptions(int newActorLength, boolean requireDyad, int commaMin, int commaMax, int commaBMin,
        int commaBMax, int commaEMin, int commaEMax) {

    public static final CoderOptions DEFAULTS = new CoderOptions(0, true, 2, 8, 0, 0, 2, 8);

    /**
     * Applies one PETRARCH {@code <Config option=".." value="..">} setting.
     *
     * @throws IllegalArgumentException for an unknown option or a non-numeric length
     */
    public CoderOptions with(String option, String value) {
        String v = value.strip();
        return switch (option.strip().toLowerCase(java.util.Locale.ROOT)) {
            case "new_actor_length" -> new CoderOptions(Integer.parseInt(v), requireDyad, commaMin, commaMax,
                    commaBMin, commaBMax, commaEMin, commaEMax);
            case "require_dyad" -> new CoderOptions(newActorLength, !v.equalsIgnoreCase("false"), commaMin,
                    commaMax, commaBMin, commaBMax, commaEMin, commaEMax);
            case "comma_min" -> new CoderOptions(newActorLength, requireDyad, Integer.parseInt(v), commaMax,
                    commaBMin, commaBMax, commaEMin, commaEMax);
            case "comma_max" -> new CoderOptions(newActorLength, requireDyad, commaMin, Integer.parseInt(v),
                    commaBMin, commaBMax, commaEMin, commaEMax);
            case "comma_bmin" -> new CoderOptions(newActorLength, requireDyad, commaMin, commaMax,
                    Integer.parseInt(v), commaBMax, commaEMin, commaEMax);
            case "comma_bmax" -> new CoderOptions(newActorLength, requireDyad, commaMin, commaMax, commaBMin,
                    Integer.parseInt(v), commaEMin, commaEMax);
            case "comma_emin" -> new CoderOptions(newActorLength, requireDyad, commaMin, commaMax, commaBMin,
                    commaBMax, Integer.parseInt(v), commaEMax);
            case "comma_emax" -> new CoderOptions(newActorLength, requireDyad, commaMin, commaMax, commaBMin,
                    commaBMax, commaEMin, Integer.parseInt(v));
            case "stop_on_error" -> this; // an interactive-debugging switch of PETRARCH; nothing to do here
            default -> throw new IllegalArgumentException("unknown PETRARCH option " + option);
        };
    }
}
