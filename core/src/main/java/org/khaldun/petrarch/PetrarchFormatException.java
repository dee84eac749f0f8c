package org.khaldun.petrarch;

/**
 * A dictionary line that cannot be read. The message always starts with {@code file:line:} so an analyst can open the
 * offending line of the dictionary they maintain.
 */
public final class PetrarchFormatException extends IllegalArgumentException {

    private final String file;
    private final int line;

    public PetrarchFormatException(String file, int line, String message) {
        super(file + ":" + line + ": " + message);
        this.file = file;
        this.line = line;
    }

    /** Name of the dictionary file (as given to the reader). */
    public String file() {
        return file;
    }

    /** 1-based line number. */
    public int line() {
        return line;
    }
}
