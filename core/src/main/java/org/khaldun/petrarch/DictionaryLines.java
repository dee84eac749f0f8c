package org.khaldun.petrarch;

import java.util.ArrayList;
import java.util.List;

/**
 * The meaningful lines of a PETRARCH dictionary file. PETRARCH's comment conventions: a line starting with {@code #}
 * is a comment, and so is the rest of a line after {@code #}; XML comments {@code <!-- ... -->} may sit inside a line
 * or span several lines; a line starting with {@code <!} is a comment; blank lines are ignored.
 */
final class DictionaryLines {

    /** A line that survived comment removal. {@code indented} is true when the raw line started with blank space. */
    record Line(int number, String text, boolean indented) {
    }

    private DictionaryLines() {
    }

    static List<Line> of(String content) {
        List<Line> out = new ArrayList<>();
        String[] raw = content.split("\r?\n|\r", -1);
        boolean inComment = false;
        for (int i = 0; i < raw.length; i++) {
            String line = raw[i];
            if (i == 0 && line.startsWith("\uFEFF")) {
                line = line.substring(1);
            }
            if (inComment) {
                int end = line.indexOf("-->");
                if (end < 0) {
                    continue;
                }
                inComment = false;
                line = line.substring(end + 3);
            }
            String trimmed = line.strip();
            if (trimmed.startsWith("<!")) {
                int end = trimmed.indexOf("-->");
                if (end < 0 && !trimmed.endsWith(">")) {
                    inComment = true;
                    continue;
                }
                if (end < 0) {
                    continue; // a one-line "<! ... >" remark
                }
                line = trimmed.substring(end + 3);
            }
            int open = line.indexOf("<!--");
            while (open >= 0) {
                int end = line.indexOf("-->", open + 4);
                if (end < 0) {
                    line = line.substring(0, open);
                    inComment = true;
                    break;
                }
                line = line.substring(0, open) + line.substring(end + 3);
                open = line.indexOf("<!--");
            }
            if (line.strip().startsWith("#")) {
                continue;
            }
            int hash = commentStart(line);
            if (hash >= 0) {
                line = line.substring(0, hash);
            }
            if (line.isBlank()) {
                continue;
            }
            boolean indented = Character.isWhitespace(line.charAt(0));
            out.add(new Line(i + 1, line.strip(), indented));
        }
        return out;
    }

    /** The first {@code #} outside square brackets: TABARI's discard code {@code [###]} is not a comment. */
    private static int commentStart(String line) {
        boolean inBracket = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '[') {
                inBracket = true;
            } else if (c == ']') {
                inBracket = false;
            } else if (c == '#' && !inBracket) {
                return i;
            }
        }
        return -1;
    }
}
