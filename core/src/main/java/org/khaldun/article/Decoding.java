package org.khaldun.article;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Bytes to text, strictly: a byte sequence that is not valid in its encoding is an error naming the byte
 * offset, never a silent U+FFFD. Binary content and empty input are errors too.
 */
final class Decoding {

    /** Share of control characters above which "text" is really binary data. */
    private static final double MAX_CONTROL_SHARE = 0.10;

    private Decoding() {
    }

    /** UTF-8 (or UTF-16 when a byte-order mark says so), BOM removed. */
    static String decode(byte[] bytes, int length, long baseOffset) throws BadInputException {
        return decode(bytes, length, baseOffset, null);
    }

    /**
     * Decodes with {@code declared} when given (an HTML page's own charset declaration), else UTF-8; a
     * byte-order mark overrides both, as browsers do.
     */
    static String decode(byte[] bytes, int length, long baseOffset, Charset declared) throws BadInputException {
        if (length == 0) {
            throw new BadInputException("empty file");
        }
        int start = 0;
        Charset charset = declared == null ? StandardCharsets.UTF_8 : declared;
        if (length >= 3 && (bytes[0] & 0xff) == 0xEF && (bytes[1] & 0xff) == 0xBB && (bytes[2] & 0xff) == 0xBF) {
            start = 3;
            charset = StandardCharsets.UTF_8;
        } else if (length >= 2 && (bytes[0] & 0xff) == 0xFE && (bytes[1] & 0xff) == 0xFF) {
            start = 2;
            charset = StandardCharsets.UTF_16BE;
        } else if (length >= 2 && (bytes[0] & 0xff) == 0xFF && (bytes[1] & 0xff) == 0xFE) {
            start = 2;
            charset = StandardCharsets.UTF_16LE;
        }
        boolean utf16 = charset == StandardCharsets.UTF_16BE || charset == StandardCharsets.UTF_16LE;
        if (!utf16) {
            for (int i = start; i < length; i++) {
                if (bytes[i] == 0) {
                    throw new BadInputException("binary content (NUL byte at byte offset " + (baseOffset + i)
                            + "), not text");
                }
            }
        }
        String text = strictDecode(bytes, start, length - start, charset, baseOffset);
        checkNotBinary(text);
        if (text.isBlank()) {
            throw new BadInputException(start == length ? "empty file" : "empty: only whitespace");
        }
        return text;
    }

    static String strictDecode(byte[] bytes, int offset, int length, Charset charset, long baseOffset)
            throws BadInputException {
        CharsetDecoder decoder = charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes, offset, length);
        CharBuffer out = CharBuffer.allocate((int) Math.min(Integer.MAX_VALUE - 16L,
                (long) Math.ceil(length * (double) decoder.maxCharsPerByte()) + 1));
        CoderResult result = decoder.decode(in, out, true);
        if (!result.isError()) {
            result = decoder.flush(out);
        }
        if (result.isError()) {
            int at = in.position();
            StringBuilder shown = new StringBuilder();
            int bad = result.isMalformed() || result.isUnmappable() ? result.length() : 1;
            for (int k = 0; k < bad && at + k < offset + length; k++) {
                shown.append(k == 0 ? "" : " ").append(String.format("%02X", bytes[at + k] & 0xff));
            }
            throw new BadInputException("invalid " + displayName(charset) + " at byte offset " + (baseOffset + at)
                    + " (byte" + (bad == 1 ? " " : "s ") + shown + ")");
        }
        if (result.isOverflow()) {
            // cannot happen: the buffer holds maxCharsPerByte for every byte
            throw new BadInputException("text too large to decode");
        }
        out.flip();
        return out.toString();
    }

    /** Strict decoding of a short string whose offsets are not needed (header sniffing). */
    static String decodeOrNull(byte[] bytes, Charset charset) {
        try {
            return charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    private static String displayName(Charset charset) {
        String name = charset.name();
        return name.toUpperCase(Locale.ROOT).startsWith("UTF") ? name.toUpperCase(Locale.ROOT) : name;
    }

    /** Mostly control characters (other than line breaks and tabs) means binary data that happened to decode. */
    private static void checkNotBinary(String text) throws BadInputException {
        int n = Math.min(text.length(), 65_536);
        int control = 0;
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if ((c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f') || (c >= 0x7f && c <= 0x9f)) {
                control++;
            }
        }
        if (n > 0 && control >= 4 && control > n * MAX_CONTROL_SHARE) {
            throw new BadInputException(String.format(Locale.ROOT, "binary content (%d%% control characters), not text",
                    Math.round(100.0 * control / n)));
        }
    }

    /** Text with CRLF and lone CR line breaks turned into LF, so offsets do not depend on the platform. */
    static String normaliseLineBreaks(String s) {
        if (s.indexOf('\r') < 0) {
            return s;
        }
        StringBuilder sb = new StringBuilder(s.length());
        int n = s.length();
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c == '\r') {
                sb.append('\n');
                if (i + 1 < n && s.charAt(i + 1) == '\n') {
                    i++;
                }
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    /** "12.3 MiB (12,884,901 bytes)" */
    static String size(long bytes) {
        String human;
        if (bytes >= 1024L * 1024) {
            human = String.format(Locale.ROOT, "%.1f MiB", bytes / (1024.0 * 1024));
        } else if (bytes >= 1024) {
            human = String.format(Locale.ROOT, "%.1f KiB", bytes / 1024.0);
        } else {
            return bytes + " bytes";
        }
        return human + String.format(Locale.ROOT, " (%,d bytes)", bytes);
    }
}
