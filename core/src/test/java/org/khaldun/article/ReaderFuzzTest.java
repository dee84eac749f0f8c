package org.khaldun.article;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.khaldun.fuzz.Fuzz;
import org.khaldun.fuzz.Fuzz.Gen;
import org.khaldun.json.Json;

/**
 * Hostile input for the readers: whatever bytes arrive, every record ends as an article or as a clear error that
 * names it; nothing escapes as an exception and nothing stops the records after it. Generated cases come from
 * {@link Fuzz} with a fixed seed per case; the seed is in each case's name.
 */
class ReaderFuzzTest {

    private static List<ReadResult> readStdin(byte[] bytes, ReadOptions options) {
        return readStdin(new ByteArrayInputStream(bytes), options);
    }

    private static List<ReadResult> readStdin(InputStream in, ReadOptions options) {
        try (Stream<ReadResult> s = ArticleSources.read(List.of(ArticleSources.STDIN), options, in)) {
            return s.toList();
        }
    }

    /** What every result must satisfy: named record, a reason worded for people, or a sound article. */
    private static void assertWellFormed(List<ReadResult> results) {
        assertThat(results).isNotEmpty();
        for (ReadResult r : results) {
            assertThat(r.record()).matches("stdin(:\\d+)?");
            if (r instanceof ReadResult.Failed f) {
                assertThat(f.reason()).isNotBlank()
                        // an exception caught as a last resort is a bug: its message is not meant for users
                        .doesNotContain("could not be read (").doesNotContain("Exception").doesNotContain("Error");
            } else {
                Article a = ((ReadResult.Ok) r).article();
                assertThat(a.text()).isNotBlank();
                for (Debris d : a.debris()) {
                    assertThat(d.end()).isLessThanOrEqualTo(a.text().length());
                }
            }
        }
    }

    private static ReadOptions options(Optional<InputFormat> forced) {
        return forced.map(ReadOptions.defaults()::withFormat).orElse(ReadOptions.defaults());
    }

    /** No format half of the time (the reader guesses), else a forced one. */
    private static Optional<InputFormat> format(Gen g) {
        return g.bool() ? Optional.empty() : Optional.of(g.oneOf(InputFormat.values()));
    }

    // ---- random bytes

    @TestFactory
    Stream<DynamicTest> randomBytesBecomeArticlesOrNamedErrors() {
        return Fuzz.cases("random bytes", 300, 1_000_000, g -> {
            byte[] bytes = g.bytes(3000);
            assertWellFormed(readStdin(bytes, options(format(g))));
        });
    }

    /** Mostly-text bytes reach deeper than uniform noise: markup, JSON punctuation, line breaks, stray high bytes. */
    private static final List<String> TEXT_PIECES = List.of("<p>", "</p>", "<div>", "{", "}", "\"text\":", "\"id\":",
            ":", ",", "[", "]", "\n", "\r\n", "\\u0000", "\\ud800", "\"", "Iraq ", "attacked ", "Iran. ", " ", "\t", "null",
            "123", "true");

    private static byte[] textLikeBytes(Gen g) {
        byte[] t = String.join("", g.list(0, 200, () -> g.bool() ? g.oneOf(TEXT_PIECES) : g.string(8)))
                .getBytes(StandardCharsets.UTF_8);
        byte[] stray = g.bytes(4);
        int k = Math.min(g.between(0, 1000), t.length);
        byte[] out = new byte[t.length + stray.length];
        System.arraycopy(t, 0, out, 0, k);
        System.arraycopy(stray, 0, out, k, stray.length);
        System.arraycopy(t, k, out, k + stray.length, t.length - k);
        return out;
    }

    @TestFactory
    Stream<DynamicTest> textLikeBytesBecomeArticlesOrNamedErrors() {
        return Fuzz.cases("text-like bytes", 300, 2_000_000, g -> {
            byte[] bytes = textLikeBytes(g);
            assertWellFormed(readStdin(bytes, options(format(g))));
        });
    }

    // ---- invalid UTF-8

    private static final List<byte[]> INVALID_UTF8 = List.of(new byte[] {(byte) 0xC3, 0x28}, new byte[] {(byte) 0xA0}, new byte[] {(byte) 0xFF},
                new byte[] {(byte) 0xE2, 0x28, (byte) 0xA1}, new byte[] {(byte) 0xF0, 0x28, (byte) 0x8C, (byte) 0xBC},
                new byte[] {(byte) 0xC0, (byte) 0xAF}, /* overlong '/' */
                new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80}, /* encoded surrogate */
                new byte[] {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80}, /* beyond U+10FFFF */
                new byte[] {(byte) 0xE2, (byte) 0x82}); /* truncated */

    @TestFactory
    Stream<DynamicTest> invalidUtf8IsAnErrorAtItsByteOffsetNeverAReplacementCharacter() {
        return Fuzz.cases("invalid UTF-8", 200, 3_000_000, g -> invalidUtf8Case(g.oneOf(INVALID_UTF8),
                g.list(1, 300, () -> g.between('a', 'z')), g.between(0, 300)));
    }

    private static void invalidUtf8Case(byte[] bad, List<Integer> letters, int at) throws IOException {
        StringBuilder text = new StringBuilder("Talks ");
        letters.forEach(c -> text.append((char) c.intValue()).append(c % 5 == 0 ? " " : ""));
        byte[] good = text.toString().getBytes(StandardCharsets.US_ASCII);
        int k = Math.min(at, good.length);
        var out = new java.io.ByteArrayOutputStream();
        out.write(good, 0, k);
        out.write(bad);
        out.write(good, k, good.length - k);

        List<ReadResult> results = readStdin(out.toByteArray(), ReadOptions.defaults().withFormat(InputFormat.TEXT));
        assertThat(results).singleElement().isInstanceOfSatisfying(ReadResult.Failed.class, f ->
                assertThat(f.reason()).startsWith("invalid UTF-8 at byte offset " + k + " "));

        // the same bytes inside a JSON line: named by line, offset counted in the whole input
        byte[] prefix = "{\"id\":\"ok\",\"text\":\"Iraq talks\"}\n{\"text\":\"".getBytes(StandardCharsets.US_ASCII);
        var jsonl = new java.io.ByteArrayOutputStream();
        jsonl.write(prefix);
        jsonl.write(out.toByteArray());
        jsonl.write("\"}\n{\"id\":\"after\",\"text\":\"Iran talks\"}\n".getBytes(StandardCharsets.US_ASCII));
        List<ReadResult> lines = readStdin(jsonl.toByteArray(), ReadOptions.defaults());
        assertThat(lines).extracting(ReadResult::record).containsExactly("stdin:1", "stdin:2", "stdin:3");
        assertThat(lines.get(1)).isInstanceOfSatisfying(ReadResult.Failed.class, f ->
                assertThat(f.reason()).startsWith("invalid UTF-8 at byte offset " + (prefix.length + k) + " "));
        assertThat(lines.get(0)).isInstanceOf(ReadResult.Ok.class);
        assertThat(lines.get(2)).isInstanceOf(ReadResult.Ok.class);
    }

    // ---- JSON lines with wrong types and missing fields

    /** A field value of any JSON type, or absent ({@code ABSENT}). */
    private static final Object ABSENT = new Object();

    private static Object anyValue(Gen g) {
        return switch (g.weighted(3, 1, 4, 2, 1, 1, 1, 1, 1)) {
            case 0 -> ABSENT;
            case 1 -> null;
            case 2 -> g.string(30);
            case 3 -> g.oneOf("Iraq and Iran met on Monday.", "  ", "", "2024-02-07", "2024-02-07T10:15:00Z",
                    "07/02/2024", "2024-13-45", "\u200B", "\u202Eroivaheb lamron\u202C");
            case 4 -> g.anyLong();
            case 5 -> g.between(-1000, 1000) + 0.5;
            case 6 -> g.bool();
            case 7 -> g.list(0, 3, () -> g.string(5));
            default -> Map.of("nested", List.of(1, 2));
        };
    }

    private static Map<String, Object> record(Gen g) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (String name : List.of("id", "url", "title", "text", "published", "source", "extra")) {
            Object v = anyValue(g);
            if (v != ABSENT) {
                m.put(name, v);
            }
        }
        return m;
    }

    /** The documented contract of a JSON line, written independently of the reader: which field is wrong, if any. */
    private static Optional<String> expectedProblem(Map<String, Object> m) {
        Object id = m.get("id");
        if (id != null && !(id instanceof String s && !s.isBlank()) && !(id instanceof Long)) {
            return Optional.of("\"id\"");
        }
        for (String f : List.of("url", "title")) {
            if (m.get(f) != null && !(m.get(f) instanceof String)) {
                return Optional.of(Json.quote(f));
            }
        }
        Object text = m.get("text");
        if (!(text instanceof String s) || s.isBlank()) {
            return Optional.of("\"text\"");
        }
        Object published = m.get("published");
        if (published != null && !(published instanceof String)) {
            return Optional.of("\"published\"");
        }
        if (published instanceof String p && !p.isBlank() && PublishedDates.strict(p).isEmpty()) {
            return Optional.of("\"published\"");
        }
        if (m.get("source") != null && !(m.get("source") instanceof String)) {
            return Optional.of("\"source\"");
        }
        return Optional.empty();
    }

    @TestFactory
    Stream<DynamicTest> everyJsonLineIsAnArticleOrAnErrorNamingItsLineAndTheWrongField() {
        return Fuzz.cases("JSON lines", 200, 4_000_000, g -> jsonLinesCase(g.list(1, 12, () -> record(g)),
                g.list(0, 12, () -> g.between(0, 3))));
    }

    private static void jsonLinesCase(List<Map<String, Object>> records, List<Integer> noise) {
        StringBuilder in = new StringBuilder();
        List<Optional<String>> expected = new ArrayList<>();
        List<String> expectedRecords = new ArrayList<>();
        int line = 0;
        for (int i = 0; i < records.size(); i++) {
            int kind = i < noise.size() ? noise.get(i) : 0;
            if (kind == 1) { // a blank line gives no record
                in.append("  \n");
                line++;
            } else if (kind == 2) { // a broken line is one error
                in.append("{\"text\": \"cut off\n");
                line++;
                expected.add(Optional.of("broken JSON"));
                expectedRecords.add("stdin:" + line);
            }
            in.append(Json.write(records.get(i))).append(kind == 3 ? "\r\n" : "\n");
            line++;
            expected.add(expectedProblem(records.get(i)));
            expectedRecords.add("stdin:" + line);
        }
        // the first non-blank byte decides the format on standard input; force it so that a leading blank
        // line does not matter
        List<ReadResult> results = readStdin(in.toString().getBytes(StandardCharsets.UTF_8),
                ReadOptions.defaults().withFormat(InputFormat.JSONL));
        assertWellFormed(results);
        assertThat(results).extracting(ReadResult::record).containsExactlyElementsOf(expectedRecords);
        for (int i = 0; i < results.size(); i++) {
            ReadResult r = results.get(i);
            Optional<String> problem = expected.get(i);
            if (problem.isEmpty()) {
                assertThat(r).as("line %s", r.record()).isInstanceOf(ReadResult.Ok.class);
            } else {
                assertThat(r).as("line %s", r.record()).isInstanceOfSatisfying(ReadResult.Failed.class, f ->
                        assertThat(f.reason()).contains(problem.get()));
            }
        }
    }

    // ---- HTML: broken, deeply nested, hostile

    private static final List<String> TAGS = List.of("<html>", "<body>", "<article>", "</article>", "<main>", "<div>", "</div>",
                "<p>", "</p>", "<p>Iraqi forces attacked rebels near Mosul on Monday, officials said. ", "<br>", "<br/>",
                "<script>", "</script>", "<style>", "<!--", "-->", "<![CDATA[", "]]>", "<table><tr><td>", "</td>",
                "<b><i>", "</b>", "</i>", "&amp;", "&#xD800;", "&#0;", "&#x110000;", "&nosuch;", "<", ">", "\"", "'",
                "<meta charset=\"x-no-such-charset\">", "<meta charset=\"utf-16\">",
                "<meta property=\"article:published_time\" content=\"9999-99-99\">",
                "<meta property=\"og:title\" content=\"\">", "<time datetime=\"2024-02-30\">",
                "<script type=\"application/ld+json\">{\"@type\":\"NewsArticle\",\"headline\":[[[[",
                "<script type=\"application/ld+json\">{\"@type\":[\"NewsArticle\"],\"datePublished\":{}}</script>",
                "<header>", "<nav>", "<aside class=\"related\">", "<form>", "<ul><li><a href=x>Read more</a></li></ul>",
                "<svg><foreignObject><p>", "<math><mi>", "<template>", "<frameset>", "<plaintext>", "\u202E", "\u200B",
                "<p dir=\"rtl\">\u0627\u0644\u0639\u0631\u0627\u0642 ", "\n", " ");

    @TestFactory
    Stream<DynamicTest> brokenHtmlBecomesAnArticleOrAClearError() {
        return Fuzz.cases("tag soup", 200, 5_000_000, g -> {
            String html = String.join("", g.list(0, 300, () -> g.oneOf(TAGS)));
            assertWellFormed(readStdin(html.getBytes(StandardCharsets.UTF_8),
                    ReadOptions.defaults().withFormat(InputFormat.HTML)));
        });
    }

    private static final List<String> NESTING_TAGS = List.of("div", "article", "span", "b", "blockquote", "table", "ul",
            "li", "section", "font");

    @TestFactory
    Stream<DynamicTest> deeplyNestedHtmlDoesNotOverflowTheStack() {
        return Fuzz.cases("deep nesting", 8, 6_000_000, g ->
                deepNestingCase(g.size(1, 20_000), g.oneOf(NESTING_TAGS), g.bool()));
    }

    private static void deepNestingCase(int depth, String tag, boolean closed) {
        String paragraph = "<p>" + "Iraqi forces attacked rebels near Mosul on Monday, officials said. ".repeat(4) + "</p>";
        StringBuilder html = new StringBuilder("<html><body>");
        html.append(("<" + tag + ">").repeat(depth)).append(paragraph);
        if (closed) {
            html.append(("</" + tag + ">").repeat(depth));
        }
        List<ReadResult> results = readStdin(html.toString().getBytes(StandardCharsets.UTF_8),
                ReadOptions.defaults().withFormat(InputFormat.HTML));
        assertWellFormed(results);
    }

    /**
     * Regression: 150,000 nested lists kept a reader busy for 95 s (jsoup's parse and the junk and container
     * searches cost elements x depth); a page over the tag limit now fails before it is parsed.
     */
    @Test
    void aPageOfHundredsOfThousandsOfNestedTagsFailsOnItsTagCountBeforeParsing() {
        String html = "<html><body>" + "<ul>".repeat(150_000) + "<p>Iraqi forces attacked rebels near Mosul.</p>";
        List<ReadResult> results = readStdin(html.getBytes(StandardCharsets.UTF_8),
                ReadOptions.defaults().withFormat(InputFormat.HTML));
        assertThat(results).singleElement().isInstanceOfSatisfying(ReadResult.Failed.class, f ->
                assertThat(f.reason()).isEqualTo("page has 150,003 HTML tags, over the limit of 50,000 per page"));
    }

    /** Regression: 10,000 nested article tags (under the element limit) are read, their text kept. */
    @Test
    void nestingDeeperThanTheLimitKeepsTheText() {
        String sentence = "Iraqi forces attacked rebels near Mosul on Monday, officials said. ";
        String html = "<html><body>" + "<article>".repeat(10_000) + "<p>" + sentence.repeat(4) + "</p>"
                + "</article>".repeat(10_000) + "<p>Tail paragraph.</p>";
        List<ReadResult> results = readStdin(html.getBytes(StandardCharsets.UTF_8),
                ReadOptions.defaults().withFormat(InputFormat.HTML));
        assertThat(results).singleElement().isInstanceOfSatisfying(ReadResult.Ok.class, ok ->
                assertThat(ok.article().text()).contains(sentence.strip()));
    }

    // ---- zero-width and right-to-left characters

    private static final List<String> INVISIBLES = List.of("\u200B", "\u200C", "\u200D", "\u2060", "\uFEFF", "\u200E", "\u200F", "\u202A", "\u202B",
                "\u202C", "\u202D", "\u202E", "\u2066", "\u2067", "\u2068", "\u2069", "\u061C", "\u00AD", "\u034F");

    @TestFactory
    Stream<DynamicTest> zeroWidthAndBidiCharactersAreKeptSoOffsetsMatchTheInput() {
        return Fuzz.cases("zero-width and bidi", 200, 7_000_000, g -> invisiblesCase(
                g.list(1, 20, () -> g.between(0, 60)), g.list(20, 20, () -> g.oneOf(INVISIBLES))));
    }

    private static void invisiblesCase(List<Integer> positions, List<String> marks) {
        String body = "Iraqi forces attacked rebels near Mosul on Monday. \u0627\u0644\u0639\u0631\u0627\u0642 said so.";
        StringBuilder sb = new StringBuilder(body);
        for (int i = positions.size() - 1; i >= 0; i--) {
            sb.insert(Math.min(positions.get(i), sb.length()), marks.get(i));
        }
        String text = "Headline\n\n" + sb;
        List<ReadResult> results = readStdin(text.getBytes(StandardCharsets.UTF_8), ReadOptions.defaults()
                .withFormat(InputFormat.TEXT));
        assertWellFormed(results);
        // a leading BOM is a byte-order mark, not content; everywhere else the marks stay where they were
        assertThat(((ReadResult.Ok) results.get(0)).article().text()).isEqualTo(text);
    }

    // ---- 50 MB single lines, generated while they are read, never stored

    private static final long FIFTY_MB = 50L * 1024 * 1024;

    /** An input stream of {@code head}, {@code n} bytes of repeated {@code fill}, then {@code tail}; O(1) memory. */
    private static InputStream generated(String head, long n, String fill, String tail) {
        byte[] h = head.getBytes(StandardCharsets.UTF_8);
        byte[] f = fill.getBytes(StandardCharsets.UTF_8);
        byte[] t = tail.getBytes(StandardCharsets.UTF_8);
        long total = h.length + n + t.length;
        return new InputStream() {
            long pos;

            @Override
            public int read() {
                if (pos >= total) {
                    return -1;
                }
                long p = pos++;
                if (p < h.length) {
                    return h[(int) p] & 0xff;
                }
                if (p < h.length + n) {
                    return f[(int) ((p - h.length) % f.length)] & 0xff;
                }
                return t[(int) (p - h.length - n)] & 0xff;
            }

            @Override
            public int read(byte[] b, int off, int len) {
                if (pos >= total) {
                    return -1;
                }
                int k = 0;
                while (k < len && pos < total) {
                    b[off + k++] = (byte) read();
                }
                return k;
            }
        };
    }

    @Test
    void aFiftyMegabyteJsonLineFailsAloneAndTheNextLineIsRead() {
        List<ReadResult> results = readStdin(generated("{\"id\":\"huge\",\"text\":\"", FIFTY_MB, "Iraq talks ",
                "\"}\n{\"id\":\"next\",\"text\":\"Iraq and Iran met.\"}\n"), ReadOptions.defaults());
        assertThat(results).hasSize(2);
        assertThat(results.get(0)).isInstanceOfSatisfying(ReadResult.Failed.class, f -> {
            assertThat(f.record()).isEqualTo("stdin:1");
            assertThat(f.reason()).startsWith("line is 50.0 MiB").contains("over the limit of 5.0 MiB");
        });
        assertThat(results.get(1)).isInstanceOfSatisfying(ReadResult.Ok.class,
                ok -> assertThat(ok.article().id()).isEqualTo("next"));
    }

    @Test
    void aFiftyMegabyteTextOnStandardInputIsRefusedAfterTheLimitNotReadToTheEnd() {
        List<ReadResult> results = readStdin(generated("", FIFTY_MB, "Iraq talks ", ""),
                ReadOptions.defaults().withFormat(InputFormat.TEXT));
        assertThat(results).singleElement().isInstanceOfSatisfying(ReadResult.Failed.class,
                f -> assertThat(f.reason()).isEqualTo("input is larger than the limit of 5.0 MiB (5,242,880 bytes) per article"));
    }

    @Test
    void aFiftyMegabyteSingleLineFileIsRefusedByItsSizeAndTheNextFileIsRead() throws IOException {
        Path dir = Files.createTempDirectory("khaldun-fuzz");
        try {
            Path big = dir.resolve("a-big.txt");
            try (OutputStream out = Files.newOutputStream(big); InputStream in = generated("", FIFTY_MB, "Mosul ", "")) {
                in.transferTo(out);
            }
            Files.writeString(dir.resolve("b-small.txt"), "Talks\n\nIraq and Iran met on Monday.\n");
            List<ReadResult> results;
            try (Stream<ReadResult> s = ArticleSources.read(List.of(dir.toString()), ReadOptions.defaults(),
                    InputStream.nullInputStream())) {
                results = s.toList();
            }
            assertThat(results).hasSize(2);
            assertThat(results.get(0)).isInstanceOfSatisfying(ReadResult.Failed.class, f -> {
                assertThat(f.record()).endsWith("a-big.txt");
                assertThat(f.reason()).startsWith("file is 50.0 MiB");
            });
            assertThat(results.get(1)).isInstanceOf(ReadResult.Ok.class);
        } finally {
            try (Stream<Path> files = Files.walk(dir)) {
                for (Path p : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
    }
}
