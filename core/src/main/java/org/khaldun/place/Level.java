package org.khaldun.place;

/** How large a place is, from the largest to the smallest Khaldun resolves to. */
public enum Level {
    /** a continent or world region ("Africa", "the Middle East") */
    CONTINENT,
    /** a country or dependent territory */
    COUNTRY,
    /** a first-order administrative region: state, province, governorate */
    ADMIN1,
    /** a populated place: city, town */
    CITY
}
