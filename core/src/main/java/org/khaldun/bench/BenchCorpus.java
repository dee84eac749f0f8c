package org.khaldun.bench;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.khaldun.article.Article;
import org.khaldun.json.Json;

/**
 * The benchmark's articles: a deterministic interleave of BBC politics/world-style stories and AFP/Xinhua wires from
 * {@code shared/data/corpora}, so both long feature articles and short wires are measured. Read here rather than
 * through the product's readers because the TimeML wires need their tags stripped.
 *
 * <p>One mix for every benchmark (the CLI's {@code bench} and {@code bench-store}, the Spark benchmark), so their
 * figures are about the same articles. The corpora are read from the directory the caller names; nothing here is
 * needed when Khaldun codes news.
 */
public final class BenchCorpus {

    private static final Pattern TAG = Pattern.compile("<[^>]+>");
    private static final Pattern DCT = Pattern.compile("value=\"(\\d{4}-\\d{2}-\\d{2})\"[^>]*functionInDocument=\"CREATION_TIME\"");
    private static final Pattern TITLE = Pattern.compile("<TITLE>(.*?)</TITLE>", Pattern.DOTALL);
    private static final Pattern TEXT = Pattern.compile("<TEXT>(.*?)</TEXT>", Pattern.DOTALL);

    private BenchCorpus() {
    }

    /** The first {@code limit} articles of the mix (fewer when the corpora hold fewer). */
    public static List<Article> load(Path corpora, int limit) throws IOException {
        List<Article> bbc = new ArrayList<>();
        for (String section : List.of("politics", "business", "tech", "entertainment", "sport")) {
            Path dir = corpora.resolve("bbc-news-2225").resolve(section);
            if (Files.isDirectory(dir)) {
                for (Path p : sorted(dir, ".txt")) {
                    bbc.add(bbc(p, section));
                }
            }
        }
        List<Article> wires = new ArrayList<>();
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
        List<Article> out = new ArrayList<>(limit);
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

    /**
     * Writes articles as JSON lines that {@code --input-format jsonl} reads back to the same articles: the text
     * already begins with the title, so the reader does not prepend it again.
     */
    public static void writeJsonLines(List<Article> articles, Path file) throws IOException {
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            for (Article a : articles) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("id", a.id());
                m.put("title", a.title());
                m.put("text", a.text());
                m.put("published", a.published().map(Object::toString).orElse(null));
                m.put("source", a.source());
                w.write(Json.write(m));
                w.write('\n');
            }
        }
    }

    private static List<Path> sorted(Path dir, String suffix) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.getFileName().toString().endsWith(suffix)).sorted().toList();
        }
    }

    private static Article bbc(Path p, String section) throws IOException {
        String raw = new String(Files.readAllBytes(p), StandardCharsets.ISO_8859_1).replace("\r\n", "\n").strip();
        int nl = raw.indexOf('\n');
        String title = nl < 0 ? raw : raw.substring(0, nl).strip();
        return Article.of("bbc/" + section + "/" + p.getFileName(), "", title, raw, LocalDate.of(2005, 1, 1), "BBC");
    }

    private static Article timeMl(Path p) throws IOException {
        String xml = Files.readString(p, StandardCharsets.UTF_8);
        Matcher d = DCT.matcher(xml);
        LocalDate published = d.find() ? LocalDate.parse(d.group(1)) : null;
        Matcher t = TITLE.matcher(xml);
        String title = t.find() ? unescape(TAG.matcher(t.group(1)).replaceAll("")).strip() : "";
        Matcher b = TEXT.matcher(xml);
        String body = b.find() ? unescape(TAG.matcher(b.group(1)).replaceAll("")).strip() : "";
        String text = title.isEmpty() ? body : title + "\n\n" + body;
        return Article.of("wire/" + p.getFileName(), "", title, text, published, p.getFileName().toString().substring(0, 3));
    }

    private static String unescape(String s) {
        return s.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&apos;", "'").replace("&amp;", "&");
    }
}
