package org.khaldun.export;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.List;

/** Tab-separated rows: tabs and line breaks inside a cell become spaces, so every row is one line. */
final class Tsv {

    private Tsv() {
    }

    static String clean(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder b = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\t' || c == '\n' || c == '\r') {
                if (b == null) {
                    b = new StringBuilder(s.length());
                    b.append(s, 0, i);
                }
                b.append(' ');
            } else if (b != null) {
                b.append(c);
            }
        }
        return b == null ? s : b.toString();
    }

    static void row(Writer w, List<String> cells, int expected) {
        if (cells.size() != expected) {
            throw new IllegalStateException("row has " + cells.size() + " cells, the format has " + expected);
        }
        try {
            for (int i = 0; i < cells.size(); i++) {
                if (i > 0) {
                    w.write('\t');
                }
                w.write(clean(cells.get(i)));
            }
            w.write('\n');
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String num(double d) {
        if (Double.isNaN(d)) {
            return "";
        }
        if (d == Math.rint(d) && Math.abs(d) < 1e15) {
            return Long.toString((long) d) + ".0";
        }
        return Double.toString(d);
    }
}
