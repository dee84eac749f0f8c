package org.khaldun.json;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A small, strict JSON (RFC 8259) reader and writer, so core needs no Jackson (Spark brings its own and
 * the versions clash).
 *
 * <p>Reading gives plain Java values: objects are {@code Map<String, Object>} in the order keys were
 * written, arrays {@code List<Object>}, strings {@code String}, {@code true/false} {@code Boolean},
 * {@code null} {@code null}; a number without fraction or exponent that fits a {@code long} is a
 * {@code Long}, every other number an exact {@code BigDecimal}. The returned maps and lists are
 * unmodifiable.
 *
 * <p>"Strict" means what RFC 8259 says and no more: no comments, no trailing commas, no single quotes, no
 * unquoted keys, no leading zeros, no NaN/Infinity, no raw control characters inside strings, nothing but
 * whitespace after the value. Two more rules protect callers: a key repeated in one object is an error
 * (which of the two values is meant is ambiguous), and nesting deeper than {@link #MAX_DEPTH} is an error
 * rather than a {@code StackOverflowError}. Every error is a {@link JsonException} naming line and column.
 */
public final class Json {

    /** Deepest nesting of arrays and objects accepted; real documents rarely pass 20. */
    public static final int MAX_DEPTH = 512;

    private Json() {
    }

    /** Parses one JSON value (any type) that must fill the whole input, surrounding whitespace aside. */
    public static Object parse(String json) {
        Parser p = new Parser(json);
        p.skipWhitespace();
        Object value = p.value(0);
        p.skipWhitespace();
        if (p.pos < json.length()) {
            throw p.error("unexpected " + p.describe(p.pos) + " after the end of the JSON value");
        }
        return value;
    }

    /** Parses a JSON object; any other top-level value is an error at line 1, column 1 of the value. */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> parseObject(String json) {
        Parser p = new Parser(json);
        p.skipWhitespace();
        int start = p.pos;
        if (start >= json.length() || json.charAt(start) != '{') {
            throw p.error("expected a JSON object ('{') but found " + p.describe(start));
        }
        Object value = p.value(0);
        p.skipWhitespace();
        if (p.pos < json.length()) {
            throw p.error("unexpected " + p.describe(p.pos) + " after the end of the JSON object");
        }
        return (Map<String, Object>) value;
    }

    /** {@code s} as a JSON string literal, quotes included. */
    public static String quote(String s) {
        StringBuilder out = new StringBuilder(s.length() + 2);
        quote(s, out);
        return out.toString();
    }

    /**
     * Appends {@code s} as a JSON string literal. Besides what JSON requires, U+2028/U+2029 are escaped (so
     * the output is also safe inside JavaScript) and unpaired surrogates are escaped as {@code \\uXXXX}
     * instead of being turned into '?' when the output is encoded as UTF-8: every character of article
     * text survives a round trip, and offsets computed on it stay valid.
     */
    public static void quote(String s, StringBuilder out) {
        out.append('"');
        int n = s.length();
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                default -> {
                    if (c < 0x20 || c == '\u2028' || c == '\u2029') {
                        unicodeEscape(c, out);
                    } else if (Character.isHighSurrogate(c)) {
                        if (i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1))) {
                            out.append(c).append(s.charAt(++i));
                        } else {
                            unicodeEscape(c, out);
                        }
                    } else if (Character.isLowSurrogate(c)) {
                        unicodeEscape(c, out);
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }

    private static void unicodeEscape(char c, StringBuilder out) {
        out.append("\\u");
        String hex = Integer.toHexString(c);
        for (int k = hex.length(); k < 4; k++) {
            out.append('0');
        }
        out.append(hex);
    }

    /** Compact JSON for a value built of maps (String keys), lists, strings, numbers, booleans and null. */
    public static String write(Object value) {
        StringBuilder out = new StringBuilder();
        write(value, out);
        return out.toString();
    }

    /** Appends compact JSON for {@code value}; see {@link #write(Object)}. */
    public static void write(Object value, StringBuilder out) {
        write(value, out, 0);
    }

    private static void write(Object value, StringBuilder out, int depth) {
        if (depth > MAX_DEPTH) {
            throw new IllegalArgumentException("value nested deeper than " + MAX_DEPTH + " levels (a cycle?)");
        }
        if (value == null) {
            out.append("null");
        } else if (value instanceof CharSequence cs) {
            quote(cs.toString(), out);
        } else if (value instanceof Boolean b) {
            out.append(b.booleanValue());
        } else if (value instanceof Double || value instanceof Float) {
            double d = ((Number) value).doubleValue();
            if (Double.isNaN(d) || Double.isInfinite(d)) {
                throw new IllegalArgumentException("JSON has no representation for " + d);
            }
            out.append(value);
        } else if (value instanceof BigDecimal bd) {
            out.append(bd.toString());
        } else if (value instanceof Number num) {
            out.append(num);
        } else if (value instanceof Map<?, ?> map) {
            out.append('{');
            boolean first = true;
            for (Map.Entry<?, ?> e : map.entrySet()) {
                if (!(e.getKey() instanceof String key)) {
                    throw new IllegalArgumentException("JSON object keys must be strings, not " + e.getKey());
                }
                if (!first) {
                    out.append(',');
                }
                first = false;
                quote(key, out);
                out.append(':');
                write(e.getValue(), out, depth + 1);
            }
            out.append('}');
        } else if (value instanceof Iterable<?> list) {
            out.append('[');
            boolean first = true;
            for (Object item : list) {
                if (!first) {
                    out.append(',');
                }
                first = false;
                write(item, out, depth + 1);
            }
            out.append(']');
        } else {
            throw new IllegalArgumentException("cannot write " + value.getClass().getName() + " as JSON");
        }
    }

    /** Recursive descent; depth is bounded by MAX_DEPTH so recursion cannot exhaust the stack. */
    private static final class Parser {
        private final String s;
        private int pos;

        Parser(String s) {
            this.s = s;
        }

        Object value(int depth) {
            if (pos >= s.length()) {
                throw error("unexpected end of input: expected a value");
            }
            char c = s.charAt(pos);
            return switch (c) {
                case '{' -> object(depth + 1);
                case '[' -> array(depth + 1);
                case '"' -> string();
                case 't' -> literal("true", Boolean.TRUE);
                case 'f' -> literal("false", Boolean.FALSE);
                case 'n' -> literal("null", null);
                default -> {
                    if (c == '-' || (c >= '0' && c <= '9')) {
                        yield number();
                    }
                    throw error("expected a value but found " + describe(pos));
                }
            };
        }

        private void checkDepth(int depth) {
            if (depth > MAX_DEPTH) {
                throw error("nesting deeper than " + MAX_DEPTH + " levels");
            }
        }

        Map<String, Object> object(int depth) {
            checkDepth(depth);
            pos++; // '{'
            Map<String, Object> map = new LinkedHashMap<>();
            skipWhitespace();
            if (peek() == '}') {
                pos++;
                return Collections.unmodifiableMap(map);
            }
            while (true) {
                skipWhitespace();
                if (peek() != '"') {
                    throw error(pos >= s.length() ? "unexpected end of input: expected a key in quotes"
                            : "expected a key in double quotes but found " + describe(pos));
                }
                int keyPos = pos;
                String key = string();
                if (map.containsKey(key)) {
                    pos = keyPos;
                    throw error("duplicate key " + quote(key));
                }
                skipWhitespace();
                if (peek() != ':') {
                    throw error("expected ':' after key " + quote(key) + " but found " + describe(pos));
                }
                pos++;
                skipWhitespace();
                map.put(key, value(depth));
                skipWhitespace();
                char c = peek();
                if (c == ',') {
                    pos++;
                } else if (c == '}') {
                    pos++;
                    return Collections.unmodifiableMap(map);
                } else {
                    throw error("expected ',' or '}' in object but found " + describe(pos));
                }
            }
        }

        List<Object> array(int depth) {
            checkDepth(depth);
            pos++; // '['
            List<Object> list = new ArrayList<>();
            skipWhitespace();
            if (peek() == ']') {
                pos++;
                return Collections.unmodifiableList(list);
            }
            while (true) {
                skipWhitespace();
                list.add(value(depth));
                skipWhitespace();
                char c = peek();
                if (c == ',') {
                    pos++;
                } else if (c == ']') {
                    pos++;
                    return Collections.unmodifiableList(list);
                } else {
                    throw error("expected ',' or ']' in array but found " + describe(pos));
                }
            }
        }

        String string() {
            int start = ++pos; // after the opening quote
            StringBuilder sb = null;
            while (true) {
                if (pos >= s.length()) {
                    pos = start - 1;
                    throw error("string is never closed");
                }
                char c = s.charAt(pos);
                if (c == '"') {
                    String out = sb == null ? s.substring(start, pos) : sb.append(s, start, pos).toString();
                    pos++;
                    return out;
                }
                if (c < 0x20) {
                    throw error("raw control character U+" + hex4(c) + " inside a string (must be escaped)");
                }
                if (c == '\\') {
                    if (sb == null) {
                        sb = new StringBuilder();
                    }
                    sb.append(s, start, pos);
                    pos++;
                    if (pos >= s.length()) {
                        throw error("string ends inside an escape");
                    }
                    char e = s.charAt(pos);
                    switch (e) {
                        case '"' -> sb.append('"');
                        case '\\' -> sb.append('\\');
                        case '/' -> sb.append('/');
                        case 'b' -> sb.append('\b');
                        case 'f' -> sb.append('\f');
                        case 'n' -> sb.append('\n');
                        case 'r' -> sb.append('\r');
                        case 't' -> sb.append('\t');
                        case 'u' -> {
                            if (pos + 5 > s.length()) {
                                throw error("\\u escape needs four hex digits");
                            }
                            int v = 0;
                            for (int k = 1; k <= 4; k++) {
                                int d = Character.digit(s.charAt(pos + k), 16);
                                if (d < 0) {
                                    pos += k;
                                    throw error("\\u escape needs four hex digits but found " + describe(pos));
                                }
                                v = v * 16 + d;
                            }
                            sb.append((char) v);
                            pos += 4;
                        }
                        default -> throw error("invalid escape \\" + e + " in a string");
                    }
                    pos++;
                    start = pos;
                } else {
                    pos++;
                }
            }
        }

        Object number() {
            int start = pos;
            if (peek() == '-') {
                pos++;
            }
            if (pos >= s.length() || !isDigit(s.charAt(pos))) {
                throw error("a number needs a digit after '-' but found " + describe(pos));
            }
            if (s.charAt(pos) == '0' && pos + 1 < s.length() && isDigit(s.charAt(pos + 1))) {
                throw error("numbers must not have leading zeros");
            }
            while (pos < s.length() && isDigit(s.charAt(pos))) {
                pos++;
            }
            boolean integral = true;
            if (peek() == '.') {
                integral = false;
                pos++;
                if (pos >= s.length() || !isDigit(s.charAt(pos))) {
                    throw error("a number needs a digit after '.' but found " + describe(pos));
                }
                while (pos < s.length() && isDigit(s.charAt(pos))) {
                    pos++;
                }
            }
            char c = peek();
            if (c == 'e' || c == 'E') {
                integral = false;
                pos++;
                if (peek() == '+' || peek() == '-') {
                    pos++;
                }
                if (pos >= s.length() || !isDigit(s.charAt(pos))) {
                    throw error("a number needs a digit in its exponent but found " + describe(pos));
                }
                while (pos < s.length() && isDigit(s.charAt(pos))) {
                    pos++;
                }
            }
            String text = s.substring(start, pos);
            if (integral) {
                BigInteger big = new BigInteger(text);
                if (big.bitLength() < 64) {
                    return big.longValue();
                }
                return new BigDecimal(big);
            }
            try {
                return new BigDecimal(text);
            } catch (NumberFormatException | ArithmeticException ex) {
                pos = start;
                throw error("number " + text + " is out of range");
            }
        }

        Object literal(String word, Object value) {
            if (!s.startsWith(word, pos)) {
                throw error("expected a value but found " + describe(pos));
            }
            pos += word.length();
            return value;
        }

        void skipWhitespace() {
            while (pos < s.length()) {
                char c = s.charAt(pos);
                if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
                    pos++;
                } else {
                    return;
                }
            }
        }

        char peek() {
            return pos < s.length() ? s.charAt(pos) : '\0';
        }

        String describe(int at) {
            if (at >= s.length()) {
                return "the end of input";
            }
            char c = s.charAt(at);
            if (c < 0x20 || c == 0x7f || Character.isSurrogate(c) || Character.getType(c) == Character.FORMAT) {
                return "U+" + hex4(c);
            }
            return "'" + c + "'";
        }

        JsonException error(String detail) {
            int line = 1;
            int lineStart = 0;
            int end = Math.min(pos, s.length());
            for (int i = 0; i < end; i++) {
                char c = s.charAt(i);
                if (c == '\n') {
                    line++;
                    lineStart = i + 1;
                } else if (c == '\r' && (i + 1 >= s.length() || s.charAt(i + 1) != '\n')) {
                    line++;
                    lineStart = i + 1;
                }
            }
            return new JsonException(line, end - lineStart + 1, detail);
        }

        private static boolean isDigit(char c) {
            return c >= '0' && c <= '9';
        }

        private static String hex4(char c) {
            return String.format("%04X", (int) c);
        }
    }
}
