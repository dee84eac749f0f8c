package org.khaldun.codebook;

/**
 * One CAMEO event code with its weights.
 *
 * @param code      the code as a string ("043"): leading zeros are part of it
 * @param label     short English description
 * @param goldstein Goldstein conflict-cooperation weight, -10 … +10
 * @param quadClass 1 verbal cooperation, 2 material cooperation, 3 verbal conflict, 4 material conflict
 */
public record CameoCode(String code, String label, double goldstein, int quadClass) {
}
