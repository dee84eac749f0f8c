package org.khaldun.json;

/**
 * Malformed JSON. The message names the line and column (both 1-based, columns count UTF-16 characters)
 * so a user can find the spot; {@link #detail()} is the bare reason for callers that add their own location.
 */
public final class JsonException extends IllegalArgumentException {

    private final int line;
    private final int column;
    private final String detail;

    public JsonException(int line, int column, String detail) {
        super("line " + line + ", column " + column + ": " + detail);
        this.line = line;
        this.column = column;
        this.detail = detail;
    }

    public int line() {
        return line;
    }

    public int column() {
        return column;
    }

    public String detail() {
        return detail;
    }
}
