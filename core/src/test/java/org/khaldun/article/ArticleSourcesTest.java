package org.khaldun.article;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.io.BufferedOutputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.LocalDate;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ArticleSourcesTest {

    @TempDir
    Path dir;

    private List<ReadResult> read(ReadOptions options, String... args) {
        try (Stream<ReadResult> s = ArticleSources.read(List.of(args), options, InputStream.nullInputStream())) {
            return s.toList();
        }
    }

    private List<ReadResult> read(String... args) {
        return read(ReadOptions.defaults(), args);
    }

    private Path write(String name, String content) throws IOException {
        return write(name, content.getBytes(StandardCharsets.UTF_8));
    }

    private Path write(String name, byte[] content) throws IOException {
        Path p = dir.resolve(name);
        Files.createDirectories(p.getParent());
        return Files.write(p, content);
    }

    private static Article ok(ReadResult r) {
        assertThat(r).isInstanceOf(ReadResult.Ok.class);
        return ((ReadResult.Ok) r).article();
    }

    private static String failure(ReadResult r) {
        assertThat(r).isInstanceOf(ReadResult.Failed.class);
        return ((ReadResult.Failed) r).reason();
    }

    // ---- JSON lines

    @Test
    void aBrokenJsonLineIsNamedByFileAndLineAndTheOtherLinesAreStillRead() throws IOException {
        Path feed = write("feed.jsonl", """
                {"id":"a1","title":"Talks resume","text":"Negotiators met in Doha on Monday.","published":"2024-02-05","source":"Wire","url":"https://w.example/a1"}
                {"id":"a2","text":"The ministry said the border was closed." "published":"2024-02-06"}

                {"text":"Rescue teams reached the village.","published":"2024-02-07T23:30:00-05:00"}
                """);
        List<ReadResult> results = read(feed.toString());
        assertThat(results).extracting(ReadResult::record)
                .containsExactly(feed + ":1", feed + ":2", feed + ":4");

        Article first = ok(results.get(0));
        assertThat(first.id()).isEqualTo("a1");
        assertThat(first.text()).isEqualTo("Talks resume\n\nNegotiators met in Doha on Monday.");
        assertThat(first.published()).contains(LocalDate.of(2024, 2, 5));
        assertThat(first.source()).isEqualTo("Wire");
        assertThat(first.url()).isEqualTo("https://w.example/a1");

        assertThat(failure(results.get(1)))
                .isEqualTo("broken JSON at column 62: expected ',' or '}' in object but found '\"'");

        Article third = ok(results.get(2));
        assertThat(third.id()).as("no id: file stem and line number").isEqualTo("feed:4");
        assertThat(third.title()).isEmpty();
        assertThat(third.published()).as("the date as written, not UTC").contains(LocalDate.of(2024, 2, 7));
    }

    @Test
    void jsonLinesWithWrongFieldsFailWithTheReason() throws IOException {
        Path feed = write("bad.ndjson", String.join("\n",
                "{\"id\":\"x\",\"text\":\"\"}",
                "{\"id\":\"y\"}",
                "{\"id\":\"z\",\"text\":42}",
                "{\"id\":[1],\"text\":\"t\"}",
                "{\"text\":\"t\",\"published\":\"07/02/2024\"}",
                "{\"text\":\"t\",\"published\":\"2024-02-30\"}",
                "[\"text\"]",
                "{\"text\":\"Fine.\",\"extra\":{\"ignored\":true},\"id\":7}"));
        List<ReadResult> results = read(feed.toString());
        assertThat(results).hasSize(8);
        assertThat(failure(results.get(0))).isEqualTo("\"text\" is empty");
        assertThat(failure(results.get(1))).isEqualTo("no \"text\" field");
        assertThat(failure(results.get(2))).isEqualTo("\"text\" must be a string, not a number");
        assertThat(failure(results.get(3))).isEqualTo("\"id\" must be a string or an integer, not an array");
        assertThat(failure(results.get(4))).startsWith("\"published\" is not a date: \"07/02/2024\"");
        assertThat(failure(results.get(5))).startsWith("\"published\" is not a date: \"2024-02-30\"");
        assertThat(failure(results.get(6))).isEqualTo(
                "broken JSON at column 1: expected a JSON object ('{') but found '['");
        assertThat(ok(results.get(7)).id()).isEqualTo("7");
    }

    @Test
    void anOversizedLineIsSkippedWhileItStreamsPastAndTheNextLineIsRead() throws IOException {
        Path feed = dir.resolve("huge.jsonl");
        long big = 50L * 1024 * 1024;
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(feed))) {
            out.write("{\"id\":\"before\",\"text\":\"Short one.\"}\n{\"id\":\"big\",\"text\":\"".getBytes(
                    StandardCharsets.UTF_8));
            byte[] block = "word ".repeat(8192).getBytes(StandardCharsets.UTF_8);
            for (long written = 0; written < big; written += block.length) {
                out.write(block);
            }
            out.write("\"}\n{\"id\":\"after\",\"text\":\"Still read.\"}\n".getBytes(StandardCharsets.UTF_8));
        }
        List<ReadResult> results = read(feed.toString());
        assertThat(results).hasSize(3);
        assertThat(ok(results.get(0)).id()).isEqualTo("before");
        assertThat(results.get(1).record()).isEqualTo(feed + ":2");
        assertThat(failure(results.get(1))).matches(
                "line is 50\\.0 MiB \\(52,\\d{3},\\d{3} bytes\\), over the limit of 5\\.0 MiB \\(5,242,880 bytes\\) per article");
        assertThat(ok(results.get(2)).id()).isEqualTo("after");
    }

    @Test
    void aBinaryJsonLinesFileIsOneFailureNotOnePerGarbageLine() throws IOException {
        Path feed = write("x.jsonl", new byte[] {'{', 0, 1, 2, '\n', 3, 0, '\n'});
        List<ReadResult> results = read(feed.toString());
        assertThat(results).hasSize(1);
        assertThat(failure(results.get(0))).isEqualTo("binary content (NUL byte at byte offset 1), not JSON lines");
    }

    @Test
    void anEmptyJsonLinesFileIsReported() throws IOException {
        Path feed = write("e.jsonl", "\n  \n");
        assertThat(failure(read(feed.toString()).get(0))).isEqualTo("empty: only blank lines");
    }

    @Test
    void invalidUtf8InAJsonLineNamesTheByteOffsetInTheFile() throws IOException {
        byte[] line1 = "{\"text\":\"ok\"}\n".getBytes(StandardCharsets.UTF_8);
        byte[] line2 = {'{', '"', 't', 'e', 'x', 't', '"', ':', '"', (byte) 0xC3, '(', '"', '}', '\n'};
        byte[] all = new byte[line1.length + line2.length];
        System.arraycopy(line1, 0, all, 0, line1.length);
        System.arraycopy(line2, 0, all, line1.length, line2.length);
        List<ReadResult> results = read(write("u.jsonl", all).toString());
        assertThat(failure(results.get(1))).isEqualTo("invalid UTF-8 at byte offset " + (line1.length + 9)
                + " (byte C3)");
    }

    // ---- bad files

    @Test
    void emptyWhitespaceBinaryAndInvalidUtf8FilesFailWithoutStoppingTheOthers() throws IOException {
        write("in/1-empty.txt", "");
        write("in/2-blank.txt", "  \n\t\n");
        write("in/3-binary.txt", new byte[] {'G', 'I', 'F', '8', 0, 0, 1});
        write("in/4-controls.txt", new byte[] {1, 2, 3, 4, 5, 6, 'a', 7, 8, 0x0e, 0x0f});
        write("in/5-latin1.txt", "Caf\u00e9 talks".getBytes(StandardCharsets.ISO_8859_1));
        write("in/6-good.txt", "Headline\nBody.");
        List<ReadResult> results = read(dir.resolve("in").toString());
        assertThat(results).extracting(r -> r instanceof ReadResult.Failed f ? f.reason() : "ok").containsExactly(
                "empty file",
                "empty: only whitespace",
                "binary content (NUL byte at byte offset 4), not text",
                "binary content (91% control characters), not text",
                "invalid UTF-8 at byte offset 3 (byte E9)",
                "ok");
    }

    @Test
    void aFileOverTheLimitIsRefusedWithItsSizeAndTheLimit() throws IOException {
        Path p = write("long.txt", "Headline\n" + "x".repeat(3000));
        List<ReadResult> results = read(ReadOptions.defaults().withMaxArticleBytes(2048), p.toString());
        assertThat(failure(results.get(0))).isEqualTo(
                "file is 2.9 KiB (3,009 bytes), over the limit of 2.0 KiB (2,048 bytes) per article");
    }

    @Test
    void anUnreadableFileIsReported() throws IOException {
        Path p = write("secret.txt", "Headline\nBody.");
        Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("---------"));
        assumeThat(Files.isReadable(p)).as("running as root: permissions are not enforced").isFalse();
        assertThat(failure(read(p.toString()).get(0))).isEqualTo("cannot read: permission denied");
    }

    @Test
    void aMissingArgumentIsOneFailure() {
        List<ReadResult> results = read(dir.resolve("nope.txt").toString());
        assertThat(failure(results.get(0))).isEqualTo("no such file or folder");
    }

    // ---- text details

    @Test
    void crlfIsNormalisedTheBomStrippedAndInvisibleCharactersKept() throws IOException {
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        byte[] body = "\r\n Headline \r\nFirst line.\r\n\r\nSecond \u200bpara\u202egraph.\r\n".getBytes(
                StandardCharsets.UTF_8);
        byte[] all = new byte[bom.length + body.length];
        System.arraycopy(bom, 0, all, 0, 3);
        System.arraycopy(body, 0, all, 3, body.length);
        Article a = ok(read(write("bom.text", all).toString()).get(0));
        assertThat(a.title()).isEqualTo("Headline");
        assertThat(a.text()).isEqualTo("Headline\n\nFirst line.\n\nSecond \u200bpara\u202egraph.");
        int at = a.text().indexOf("para");
        assertThat(a.text().substring(at, at + 4)).isEqualTo("para");
    }

    @Test
    void aTextWhoseFirstLineIsAParagraphHasNoTitle() throws IOException {
        String para = "The minister said on Tuesday that ".repeat(12).strip() + ".";
        Article a = ok(read(write("p.txt", para + "\nMore.").toString()).get(0));
        assertThat(a.title()).isEmpty();
        assertThat(a.text()).isEqualTo(para + "\nMore.");
    }

    // ---- folders, ids, formats

    @Test
    void foldersAreReadRecursivelyInNameOrderSkippingHiddenEntries() throws IOException {
        write("corpus/b.txt", "B\nbody");
        write("corpus/a/z.html", "<title>Z</title><p>Zed body text.</p>");
        write("corpus/a/y.txt", "Y\nbody");
        write("corpus/c/feed.jsonl", "{\"text\":\"one\"}\n{\"id\":\"own\",\"text\":\"two\"}\n");
        write("corpus/.git/config", "[core]");
        write("corpus/.hidden.txt", "H\nbody");
        write("corpus/d/notes", "N\nplain text without extension");
        write("corpus/d/page", "  <html><title>P</title><p>Sniffed as HTML.</p>");
        String root = dir.resolve("corpus").toString();
        List<ReadResult> results = read(root + "/");
        assertThat(results).extracting(ReadResult::record).containsExactly(
                root + "/a/y.txt", root + "/a/z.html", root + "/b.txt", root + "/c/feed.jsonl:1",
                root + "/c/feed.jsonl:2", root + "/d/notes", root + "/d/page");
        assertThat(results).extracting(r -> ok(r).id()).containsExactly(
                "a/y", "a/z", "b", "c/feed:1", "own", "d/notes", "d/page");
        assertThat(ok(results.get(6)).text()).isEqualTo("P\n\nSniffed as HTML.");
    }

    @Test
    void filesSharingANameStemKeepTheirExtensionSoIdsStayUnique() throws IOException {
        write("twins/report.txt", "T\nbody");
        write("twins/report.html", "<title>H</title><p>body</p>");
        write("twins/other.txt", "O\nbody");
        List<ReadResult> results = read(dir.resolve("twins").toString());
        assertThat(results).extracting(r -> ok(r).id()).containsExactly("other", "report.html", "report.txt");
    }

    @Test
    void aSymlinkLeadingOutsideTheFolderIsRefused() throws IOException {
        Path outside = write("private/passwords.txt", "Secret\nhunter2");
        Path root = Files.createDirectories(dir.resolve("public"));
        write("public/article.txt", "News\nbody");
        write("public/real/inner.txt", "Inner\nbody");
        Files.createSymbolicLink(root.resolve("escape.txt"), outside);
        Files.createSymbolicLink(root.resolve("escape-dir"), outside.getParent());
        Files.createSymbolicLink(root.resolve("inside.txt"), root.resolve("article.txt"));
        Files.createSymbolicLink(root.resolve("loop"), root);
        List<ReadResult> results = read(root.toString());
        assertThat(results).extracting(ReadResult::record, r -> r instanceof ReadResult.Ok ? "ok"
                : ((ReadResult.Failed) r).reason()).containsExactly(
                org.assertj.core.groups.Tuple.tuple(root + "/article.txt", "ok"),
                org.assertj.core.groups.Tuple.tuple(root + "/escape-dir",
                        "refused: symbolic link leads outside the folder " + root),
                org.assertj.core.groups.Tuple.tuple(root + "/escape.txt",
                        "refused: symbolic link leads outside the folder " + root),
                org.assertj.core.groups.Tuple.tuple(root + "/inside.txt", "ok"),
                org.assertj.core.groups.Tuple.tuple(root + "/real/inner.txt", "ok"));
    }

    @Test
    void theFormatCanBeForced() throws IOException {
        Path p = write("page.txt", "<p>Not markup here</p>\nbody");
        Article a = ok(read(ReadOptions.defaults().withFormat(InputFormat.TEXT), p.toString()).get(0));
        assertThat(a.title()).isEqualTo("<p>Not markup here</p>");
        Article h = ok(read(ReadOptions.defaults().withFormat(InputFormat.HTML), p.toString()).get(0));
        assertThat(h.text()).isEqualTo("Not markup here\n\nbody");
    }

    @Test
    void anHtmlFileDeclaringLatin1IsDecodedAsThePageSays() throws IOException {
        byte[] page = "<meta charset=\"iso-8859-1\"><title>Caf\u00e9</title><p>Talks at the caf\u00e9 \u2013 late.</p>"
                .getBytes(java.nio.charset.Charset.forName("windows-1252"));
        Article a = ok(read(write("old.htm", page).toString()).get(0));
        assertThat(a.text()).isEqualTo("Café\n\nTalks at the café – late.");
    }

    // ---- standard input

    @Test
    void standardInputIsReadAsOneArticleWithAContentHashId() {
        byte[] text = "Headline from a pipe\nBody.".getBytes(StandardCharsets.UTF_8);
        List<ReadResult> results;
        try (Stream<ReadResult> s = ArticleSources.read(List.of("-"), ReadOptions.defaults()
                .withDefaultSource("Pipe"), new ByteArrayInputStream(text))) {
            results = s.toList();
        }
        assertThat(results).hasSize(1);
        assertThat(results.get(0).record()).isEqualTo("stdin");
        Article a = ok(results.get(0));
        assertThat(a.id()).matches("stdin-[0-9a-f]{12}");
        assertThat(a.source()).isEqualTo("Pipe");
        // same bytes, same id: ids are stable across runs
        try (Stream<ReadResult> s = ArticleSources.read(List.of("-"), ReadOptions.defaults(),
                new ByteArrayInputStream(text))) {
            assertThat(ok(s.findFirst().orElseThrow()).id()).isEqualTo(a.id());
        }
    }

    @Test
    void standardInputCarryingJsonLinesIsReadLazilyLineByLine() {
        byte[] first = "{\"text\":\"First.\"}\n".getBytes(StandardCharsets.UTF_8);
        InputStream failsAfterFirstLine = new InputStream() {
            private int reads;

            @Override
            public int read() {
                throw new UnsupportedOperationException();
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                if (reads++ == 0) {
                    System.arraycopy(first, 0, b, off, first.length);
                    return first.length;
                }
                throw new IOException("connection reset");
            }
        };
        try (Stream<ReadResult> s = ArticleSources.read(List.of("-"), ReadOptions.defaults(), failsAfterFirstLine)) {
            Iterator<ReadResult> it = s.iterator();
            assertThat(ok(it.next()).id()).isEqualTo("stdin:1");
            ReadResult second = it.next();
            assertThat(second.record()).isEqualTo("stdin:2");
            assertThat(failure(second)).isEqualTo("cannot read: connection reset");
            assertThat(it.hasNext()).isFalse();
        }
    }
}
