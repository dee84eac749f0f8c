package org.khaldun.place;

/** How large a place is, from the largest to the smallest Khaldun resolves to; last, a place it could not resolve. */
public enum Level {
    /** a continent or world region ("Africa", "the Middle East") */
    CONTINENT,
    /** a country or dependent territory */
    COUNTRY,
    /** a first-order administrative region: state, province, governorate */
    ADMIN1,
    /** a populated place: city, town */
    CITY,
    /**
     * named but not geocoded: a village, district, camp, neighbourhood or landmark the gazetteer lacks, named in a
     * locative phrase ("in Beit Hanoun", "the village of X", "at the Al-Shifa hospital"). Such a place has no
     * coordinates ({@code lat}/{@code lon} NaN), GeoNames id 0, no country or region, and its {@code name} is the
     * text; it is never a toponym of {@link ArticlePlaces#mentions} — only {@link ArticlePlaces#locationOf} and
     * {@link ArticlePlaces#unresolved} return it.
     */
    UNRESOLVED
}
