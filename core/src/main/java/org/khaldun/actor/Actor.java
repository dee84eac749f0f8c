package org.khaldun.actor;

import java.util.Objects;

/**
 * An actor as it stands in an event: the words of the article and the code they resolve to.
 *
 * @param text    the words as written ("the Acting Speaker of the Iraqi Parliament, Mohsen Al-Mandalawi";
 *                for a pronoun: "He")
 * @param code    CAMEO-style actor code: country (ISO-3 or CAMEO region/IGO code) then sector/role codes,
 *                e.g. {@code IRQLEG}, {@code USAMIL}, {@code IRNJUD}, {@code IGOUNO}
 * @param country the country part of the code, or empty for actors without one (IGOs, transnational groups)
 * @param sector  the first sector/role code (GOV, MIL, LEG, JUD, REB, OPP, MED, COP, …), or empty
 * @param start   first character of {@code text} in the article (inclusive)
 * @param end     last character in the article (exclusive)
 */
public record Actor(String text, String code, String country, String sector, int start, int end) {
    public Actor {
        Objects.requireNonNull(text);
        Objects.requireNonNull(code);
        country = country == null ? "" : country;
        sector = sector == null ? "" : sector;
    }
}
