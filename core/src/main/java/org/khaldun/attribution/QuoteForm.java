package org.khaldun.attribution;

/**
 * How the speaker's words are reported: {@link #DIRECT} when the content is one quotation ("'We will win,' he said");
 * {@link #MIXED} when quoted words sit inside reported speech ("He said that 'the US attacks violate ...'");
 * {@link #INDIRECT} when nothing (beyond scare quotes of one to three words) is quoted.
 */
public enum QuoteForm {
    DIRECT, INDIRECT, MIXED;

    public boolean quoted() {
        return this != INDIRECT;
    }
}
