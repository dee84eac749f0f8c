package org.khaldun.place;

/** How a place name is used in its sentence. Only {@link #LITERAL} places can be where an event happened. */
public enum PlaceUse {
    /** the name stands for the place itself: "in Baghdad", "Homs, Syria", "BAGHDAD, Feb 8 (Reuters)" */
    LITERAL,
    /** a nationality word or a country name modifying an actor: "Iraqi parliament", "Russia's ambassador" */
    ADJECTIVAL,
    /** the name stands for an actor: "Washington said", "Iraq rejected the plan" */
    METONYMIC
}
