package org.khaldun.event;

/**
 * The CAMEO side of an event.
 *
 * @param code      CAMEO event code, always a string ("043", "0231", "190"): leading zeros matter
 * @param goldstein Goldstein conflict-cooperation weight of the code, -10 … +10
 * @param quadClass 1 verbal cooperation, 2 material cooperation, 3 verbal conflict, 4 material conflict
 */
public record Cameo(String code, double goldstein, int quadClass) {

    /** The two-digit root ("04" for "043"). */
    public String root() {
        return code.substring(0, 2);
    }
}
