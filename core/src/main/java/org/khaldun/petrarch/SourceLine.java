package org.khaldun.petrarch;

import java.util.Objects;

/**
 * Where a dictionary entry was read: every code Khaldun emits from a PETRARCH dictionary traces back to one of these.
 *
 * @param file dictionary file name
 * @param line 1-based line number
 */
public record SourceLine(String file, int line) {
    public SourceLine {
        Objects.requireNonNull(file);
    }

    @Override
    public String toString() {
        return file + ":" + line;
    }
}
