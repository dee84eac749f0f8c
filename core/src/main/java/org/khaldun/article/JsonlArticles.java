package org.khaldun.article;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.khaldun.json.Json;
import org.khaldun.json.JsonException;

/**
 * JSON lines: one object per line with the fields {@code id, url, title, text, published, source}.
 *
 * <p>Only {@code text} is required (a non-blank string). {@code id} is a string or an integer; when
 * missing, the caller's fallback ({@code <file stem>:<line>}) is used. {@code url, title, source} are
 * strings; {@code published} is {@code YYYY-MM-DD} or an ISO date-time (the date as written is kept). Any
 * of them may be {@code null}. Other fields are ignored, so richer records (scraper output) can be fed as
 * they are. A field of the wrong type is an error, not silently dropped: bad metadata would otherwise
 * turn into wrong event dates.
 *
 * <p>The article text is the title, a blank line, then {@code text} — unless {@code text} already begins
 * with the title, as many scrapers write it.
 */
public final class JsonlArticles {

    static final Set<String> FIELDS = Set.of("id", "url", "title", "text", "published", "source");

    private JsonlArticles() {
    }

    /**
     * Bytes of JSON text decoded strictly as UTF-8: a sequence that is not UTF-8 is an error naming its byte offset
     * (counted from {@code baseOffset}), as for files, never a silent U+FFFD in a stored article.
     */
    public static String decodeUtf8(byte[] bytes, int offset, int length, long baseOffset) throws BadInputException {
        return Decoding.strictDecode(bytes, offset, length, java.nio.charset.StandardCharsets.UTF_8,
                baseOffset - offset);
    }

    /**
     * The article on one line (already decoded, line break removed).
     *
     * @param fallbackId id to use when the object has none
     * @throws BadInputException with a user-facing reason when the line is not a valid article
     */
    public static Article parse(String line, String fallbackId, ReadOptions options) throws BadInputException {
        Map<String, Object> obj;
        try {
            obj = Json.parseObject(line);
        } catch (JsonException e) {
            throw new BadInputException("broken JSON at column " + e.column() + ": " + e.detail());
        }
        String id = id(obj.get("id"), fallbackId);
        String url = optionalString(obj, "url");
        String title = optionalString(obj, "title").strip();
        Object rawText = obj.get("text");
        if (rawText == null) {
            throw new BadInputException(obj.containsKey("text") ? "\"text\" is null" : "no \"text\" field");
        }
        if (!(rawText instanceof String body)) {
            throw new BadInputException("\"text\" must be a string, not " + typeOf(rawText));
        }
        if (body.isBlank()) {
            throw new BadInputException("\"text\" is empty");
        }
        String published = optionalString(obj, "published");
        LocalDate date = null;
        if (!published.isBlank()) {
            Optional<LocalDate> d = PublishedDates.strict(published);
            if (d.isEmpty()) {
                throw new BadInputException("\"published\" is not a date: " + Json.quote(shorten(published))
                        + " (want YYYY-MM-DD or an ISO date-time such as 2024-02-07T10:15:00Z)");
            }
            date = d.get();
        }
        String source = optionalString(obj, "source").strip();

        String text = TextArticles.stripBlankEdges(Decoding.normaliseLineBreaks(body));
        if (!title.isEmpty() && !text.startsWith(title)) {
            text = title + "\n\n" + text;
        }
        return Article.of(id, url.strip(), title, text,
                date != null ? date : options.defaultPublished().orElse(null),
                source.isEmpty() ? options.defaultSource() : source);
    }

    private static String id(Object raw, String fallback) throws BadInputException {
        if (raw == null) {
            return fallback;
        }
        if (raw instanceof String s) {
            if (s.isBlank()) {
                throw new BadInputException("\"id\" is empty");
            }
            return s.strip();
        }
        if (raw instanceof Long l) {
            return l.toString();
        }
        if (raw instanceof BigDecimal bd && bd.scale() <= 0) {
            return bd.toPlainString();
        }
        throw new BadInputException("\"id\" must be a string or an integer, not " + typeOf(raw));
    }

    private static String optionalString(Map<String, Object> obj, String field) throws BadInputException {
        Object v = obj.get(field);
        if (v == null) {
            return "";
        }
        if (v instanceof String s) {
            return s;
        }
        throw new BadInputException(Json.quote(field) + " must be a string, not " + typeOf(v));
    }

    private static String typeOf(Object v) {
        if (v instanceof Map<?, ?>) {
            return "an object";
        }
        if (v instanceof java.util.List<?>) {
            return "an array";
        }
        if (v instanceof Boolean) {
            return "a boolean";
        }
        if (v instanceof Number) {
            return "a number";
        }
        return "a string";
    }

    private static String shorten(String s) {
        return s.length() <= 40 ? s : s.substring(0, 40) + "…";
    }
}
