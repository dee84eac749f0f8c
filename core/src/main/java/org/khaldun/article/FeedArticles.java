package org.khaldun.article;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;
import org.jsoup.select.Elements;

/**
 * News feeds: RSS 2.0, RSS 1.0 (RDF) and Atom files, one article per item.
 *
 * <p>Per item: the title; the link ({@code <link>} text in RSS, the {@code rel="alternate"} or first
 * {@code <link href>} in Atom); the publication date ({@code pubDate}, {@code dc:date}, {@code published},
 * {@code updated}); and the text: the fullest of {@code content:encoded}, Atom {@code content}, {@code description}
 * or {@code summary}. That text is HTML in most feeds; its paragraphs are extracted the way web pages are
 * ({@link HtmlArticles}), and a short fragment without paragraph structure is taken as plain text. The outlet is
 * the feed's own title unless a default source is given.
 *
 * <p>Each item is its own record, named {@code path#item3} (from 1), with id {@code <file id>:item3}, so an item
 * without any text fails alone and the others are still read.
 */
public final class FeedArticles {

    private FeedArticles() {
    }

    /** Whether the first bytes of a markup file look like a feed rather than a web page. */
    static boolean looksLikeFeed(byte[] head, int length) {
        String s = new String(head, 0, length, StandardCharsets.ISO_8859_1);
        return s.contains("<rss") || s.contains("<feed") || s.contains("<rdf:RDF") || s.contains("<RDF");
    }

    /**
     * The items of a feed (already decoded). A file that is not a feed, or a feed without items, gives one failed
     * result for the whole file.
     */
    public static List<ReadResult> parse(String record, String fileId, String xml, ReadOptions options) {
        Document doc = Jsoup.parse(xml, "", Parser.xmlParser());
        Element root = doc.children().isEmpty() ? null : doc.child(0);
        String rootName = root == null ? "" : root.normalName();
        boolean atom = rootName.equals("feed");
        if (!atom && !rootName.equals("rss") && !rootName.endsWith("rdf")) {
            return List.of(new ReadResult.Failed(record, "not an RSS or Atom feed (root element <"
                    + (root == null ? "none" : root.tagName()) + ">)"));
        }
        Elements items = atom ? doc.select("feed > entry") : doc.getElementsByTag("item");
        if (items.isEmpty()) {
            return List.of(new ReadResult.Failed(record, "feed has no items"));
        }
        String feedTitle = atom ? childText(root, "title")
                : root.selectFirst("channel > title") == null ? "" : root.selectFirst("channel > title").text().strip();
        String source = !options.defaultSource().isEmpty() ? options.defaultSource() : feedTitle;
        List<ReadResult> out = new ArrayList<>(items.size());
        for (int i = 0; i < items.size(); i++) {
            String itemRecord = record + "#item" + (i + 1);
            String id = fileId + ":item" + (i + 1);
            try {
                Article a = atom ? atomEntry(id, items.get(i), source, options) : rssItem(id, items.get(i), source, options);
                out.add(ArticleSources.ok(itemRecord, a, options));
            } catch (BadInputException e) {
                out.add(new ReadResult.Failed(itemRecord, e.reason()));
            } catch (RuntimeException | StackOverflowError e) {
                out.add(new ReadResult.Failed(itemRecord, "could not be read (" + e + ")"));
            }
        }
        return out;
    }

    private static Article rssItem(String id, Element item, String source, ReadOptions options) throws BadInputException {
        String title = childText(item, "title");
        String link = childText(item, "link");
        if (link.isEmpty()) {
            Element guid = child(item, "guid");
            if (guid != null && !"false".equalsIgnoreCase(guid.attr("isPermaLink")) && guid.text().startsWith("http")) {
                link = guid.text().strip();
            }
        }
        String date = firstNonEmpty(childText(item, "pubDate"), childText(item, "dc:date"), childText(item, "date"));
        String content = longest(childRaw(item, "content:encoded"), childRaw(item, "description"));
        return article(id, link, title, date, content, source, options);
    }

    private static Article atomEntry(String id, Element entry, String source, ReadOptions options) throws BadInputException {
        String title = childText(entry, "title");
        String link = "";
        for (Element l : entry.children()) {
            if (l.normalName().equals("link") && (l.attr("rel").isEmpty() || l.attr("rel").equals("alternate"))) {
                link = l.attr("href").strip();
                break;
            }
        }
        String date = firstNonEmpty(childText(entry, "published"), childText(entry, "updated"));
        String content = longest(childRaw(entry, "content"), childRaw(entry, "summary"));
        return article(id, link, title, date, content, source, options);
    }

    private static Article article(String id, String link, String title, String date, String content, String source,
                                   ReadOptions options) throws BadInputException {
        if (content.isBlank() && title.isBlank()) {
            throw new BadInputException("feed item has neither title nor text");
        }
        if (content.isBlank()) {
            throw new BadInputException("feed item has no text (only a title)");
        }
        Optional<LocalDate> published = date.isEmpty() ? Optional.empty() : PublishedDates.lenient(date);
        ReadOptions itemOptions = options.withDefaultSource(source);
        if (published.isPresent()) {
            itemOptions = itemOptions.withDefaultPublished(published.get());
        }
        String head = title.isEmpty() ? "" : "<title>" + escape(title) + "</title>";
        String page = "<html><head>" + head + "</head><body><article>"
                + (title.isEmpty() ? "" : "<h1>" + escape(title) + "</h1>") + content + "</article></body></html>";
        Article parsed;
        try {
            parsed = HtmlArticles.parse(id, page, link, itemOptions);
        } catch (BadInputException e) {
            // a one-line description without <p>: the fragment's text is the body
            String body = Jsoup.parse(content).text().strip();
            if (body.isEmpty()) {
                throw new BadInputException("feed item has no text (only a title)");
            }
            parsed = TextArticles.parse(id, title.isEmpty() ? body : title + "\n" + body, itemOptions);
        }
        // the item's own metadata wins over what the fragment's markup might suggest
        return new Article(id, link, parsed.title(), parsed.text(), published.or(options::defaultPublished),
                source, List.of());
    }

    private static Element child(Element parent, String name) {
        for (Element c : parent.children()) {
            if (c.tagName().equalsIgnoreCase(name)) {
                return c;
            }
        }
        return null;
    }

    private static String childText(Element parent, String name) {
        Element c = child(parent, name);
        return c == null ? "" : c.text().strip();
    }

    /** The element's content as markup: escaped HTML and CDATA come back as their HTML, XHTML children as such. */
    private static String childRaw(Element parent, String name) {
        Element c = child(parent, name);
        if (c == null) {
            return "";
        }
        if (c.children().isEmpty()) {
            return c.wholeText().strip();
        }
        return c.html().strip();
    }

    private static String longest(String a, String b) {
        return a.length() >= b.length() ? a : b;
    }

    private static String firstNonEmpty(String... values) {
        for (String v : values) {
            if (v != null && !v.isBlank()) {
                return v.strip();
            }
        }
        return "";
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
