package org.khaldun.output;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * A minimal streaming JSON writer: compact output, one value per call, commas handled. Core keeps no JSON
 * library because Spark brings its own Jackson, and output this small does not need one.
 */
public final class JsonWriter {

    private final Appendable out;
    /** One entry per open container: true once it holds a value (so the next one needs a comma). */
    private final Deque<boolean[]> open = new ArrayDeque<>();
    private boolean afterName;

    public JsonWriter(Appendable out) {
        this.out = out;
    }

    public JsonWriter beginObject() {
        value();
        raw("{");
        open.push(new boolean[1]);
        return this;
    }

    public JsonWriter endObject() {
        open.pop();
        return raw("}");
    }

    public JsonWriter beginArray() {
        value();
        raw("[");
        open.push(new boolean[1]);
        return this;
    }

    public JsonWriter endArray() {
        open.pop();
        return raw("]");
    }

    public JsonWriter name(String name) {
        value();
        string(name);
        raw(":");
        afterName = true;
        return this;
    }

    public JsonWriter value(String s) {
        value();
        if (s == null) {
            return raw("null");
        }
        string(s);
        return this;
    }

    public JsonWriter value(long n) {
        value();
        return raw(Long.toString(n));
    }

    public JsonWriter value(double d) {
        value();
        if (Double.isNaN(d) || Double.isInfinite(d)) {
            return raw("null");
        }
        if (d == Math.rint(d) && Math.abs(d) < 1e15) {
            return raw(Long.toString((long) d) + ".0");
        }
        return raw(Double.toString(d));
    }

    public JsonWriter value(boolean b) {
        value();
        return raw(b ? "true" : "false");
    }

    public JsonWriter field(String name, String value) {
        return name(name).value(value);
    }

    public JsonWriter field(String name, long value) {
        return name(name).value(value);
    }

    public JsonWriter field(String name, double value) {
        return name(name).value(value);
    }

    public JsonWriter field(String name, boolean value) {
        return name(name).value(value);
    }

    /** Writes the comma before a value or name where one is due. */
    private void value() {
        if (afterName) {
            afterName = false;
            return;
        }
        boolean[] top = open.peek();
        if (top != null) {
            if (top[0]) {
                raw(",");
            }
            top[0] = true;
        }
    }

    private JsonWriter raw(String s) {
        try {
            out.append(s);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    private void string(String s) {
        StringBuilder b = new StringBuilder(s.length() + 2);
        quote(s, b);
        raw(b.toString());
    }

    /** Appends {@code s} as a JSON string literal; control, line-separator and non-BMP-safe escaping included. */
    public static void quote(String s, StringBuilder b) {
        b.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                case '\b' -> b.append("\\b");
                case '\f' -> b.append("\\f");
                default -> {
                    // U+2028/2029 break JavaScript consumers that eval JSON lines; lone surrogates break UTF-8 output
                    if (c < 0x20 || c == '\u2028' || c == '\u2029' || Character.isSurrogate(c) && !validPair(s, i)) {
                        b.append(String.format("\\u%04x", (int) c));
                    } else {
                        b.append(c);
                        if (Character.isHighSurrogate(c)) {
                            b.append(s.charAt(++i));
                        }
                    }
                }
            }
        }
        b.append('"');
    }

    private static boolean validPair(String s, int i) {
        char c = s.charAt(i);
        return Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1));
    }
}
