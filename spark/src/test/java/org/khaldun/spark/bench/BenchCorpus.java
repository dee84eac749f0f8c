package org.khaldun.spark.bench;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.khaldun.json.Json;

/**
 * The benchmark's articles as JSON lines: BBC stories ({@code bbc-news-2225/<section>/*.txt}, first line the
 * headline) interleaved with AFP/Xinhua wires ({@code afp-xinhua-1997/*.tml}, TimeML tags stripped), in a
 * fixed order, so long features and short wires are both measured and every run reads the same articles.
 * The same mix as the command line's {@code ./khaldun bench}.
 */
public final class BenchCorpus {

    private static final Pattern TAG = Pattern.compile("<[^>]+>");
    private static final Pattern DCT = Pattern.compile("value=\"(\\d{4}-\\d{2}-\\d{2})\"[^>]*functionInDocument=\"CREATION_TIME\"");
    private static final Pattern TITLE = Pattern.compile("<TITLE>(.*?)</TITLE>", Pattern.DOTALL);
    private static final Pattern TEXT = Pattern.compile("<TEXT>(.*?)</TEXT>", Pattern.DOTALL);

    private BenchCorpus() {
    }

    /** The first {@code limit} articles of the mix, each a JSON object on one line. */
    public static List<String> load(Path corpora, int limit) throws IOException {
        List<String> bbc = new ArrayList<>();
        for (String section : List.of("politics", "business", "tech", "entertainment", "sport")) {
            Path dir = corpora.resolve("bbc-news-2225").resolve(section);
            if (Files.isDirectory(dir)) {
                for (Path p : sorted(dir, ".txt")) {
                    bbc.add(bbc(p, section));
                }
            }
        }
        List<String> wires = new ArrayList<>();
        Path afp = corpora.resolve("afp-xinhua-1997");
        if (Files.isDirectory(afp)) {
            for (Path p : sorted(afp, ".tml")) {
                wires.add(timeMl(p));
            }
        }
        if (bbc.isEmpty() && wires.isEmpty()) {
            throw new IOException("no benchmark articles under " + corpora.toAbsolutePath()
                    + " (expected bbc-news-2225/ and afp-xinhua-1997/)");
        }
        List<String> out = new ArrayList<>(limit);
        for (int i = 0; out.size() < limit && (i < bbc.size() || i < wires.size()); i++) {
            if (i < bbc.size()) {
                out.add(bbc.get(i));
            }
            if (i < wires.size() && out.size() < limit) {
                out.add(wires.get(i));
            }
        }
        return out;
    }

    public static void write(List<String> lines, Path file) throws IOException {
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            for (String line : lines) {
                w.write(line);
                w.write('\n');
            }
        }
    }

    private static List<Path> sorted(Path dir, String suffix) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.getFileName().toString().endsWith(suffix)).sorted().toList();
        }
    }

    private static String bbc(Path p, String section) throws IOException {
        String raw = new String(Files.readAllBytes(p), StandardCharsets.ISO_8859_1).replace("\r\n", "\n").strip();
        int nl = raw.indexOf('\n');
        String title = nl < 0 ? raw : raw.substring(0, nl).strip();
        String body = nl < 0 ? "" : raw.substring(nl + 1).strip();
        // the corpus carries no dates; its stories are from 2004-2005
        return object("bbc/" + section + "/" + p.getFileName(), title, body.isEmpty() ? title : body, "2005-01-01", "BBC");
    }

    private static String timeMl(Path p) throws IOException {
        String xml = Files.readString(p, StandardCharsets.UTF_8);
        Matcher d = DCT.matcher(xml);
        String published = d.find() ? d.group(1) : null;
        Matcher t = TITLE.matcher(xml);
        String title = t.find() ? unescape(TAG.matcher(t.group(1)).replaceAll("")).strip() : "";
        Matcher b = TEXT.matcher(xml);
        String body = b.find() ? unescape(TAG.matcher(b.group(1)).replaceAll("")).strip() : "";
        String name = p.getFileName().toString();
        return object("wire/" + name, title, body.isEmpty() ? title : body, published, name.substring(0, 3));
    }

    private static String object(String id, String title, String text, String published, String source) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", id);
        m.put("title", title);
        m.put("text", text);
        m.put("published", published);
        m.put("source", source);
        return Json.write(m);
    }

    private static String unescape(String s) {
        return s.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&apos;", "'").replace("&amp;", "&");
    }
}
