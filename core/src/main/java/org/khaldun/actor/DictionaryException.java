package org.khaldun.actor;

/** A dictionary file that cannot be used, with the file and line to fix. */
public final class DictionaryException extends RuntimeException {

    private final String source;
    private final int line;

    public DictionaryException(String source, int line, String message) {
        super(line > 0 ? source + ":" + line + ": " + message : source + ": " + message);
        this.source = source;
        this.line = line;
    }

    /** The file (or resource) name. */
    public String source() {
        return source;
    }

    /** 1-based line, or 0 when the problem is the whole file. */
    public int line() {
        return line;
    }
}
