package org.khaldun.article;

import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.parser.Parser;
import org.jsoup.select.Elements;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;
import org.khaldun.json.Json;
import org.khaldun.json.JsonException;

/**
 * Web pages: finds the article in the markup and its metadata.
 *
 * <p>Metadata: title from {@code og:title}, JSON-LD {@code headline}, {@code twitter:title}, the first
 * {@code <h1>}, then {@code <title>} (minus a trailing "| Site name"); publication date from
 * {@code article:published_time} and similar meta tags, {@code itemprop=datePublished}, JSON-LD
 * {@code datePublished}, then a {@code <time datetime>}; url from {@code <link rel=canonical>} or
 * {@code og:url}; source from {@code og:site_name} or the JSON-LD publisher.
 *
 * <p>Text: page furniture is removed (navigation, header and footer, asides, scripts, styles, forms,
 * figures and their captions, and blocks whose class or id says comments, related links, share buttons,
 * newsletter, advertising, cookie banner…); the article container is {@code [itemprop=articleBody]}, else
 * the {@code <article>} with most paragraph text, else {@code <main>}, else the element holding most text
 * in its own paragraphs. Its blocks become paragraphs separated by blank lines; lists made mostly of
 * links (related stories) are dropped. jsoup parses malformed markup the way browsers do, so broken pages
 * still give text.
 */
public final class HtmlArticles {

    private static final Set<String> BLOCK_TAGS = Set.of("address", "article", "aside", "blockquote", "body",
            "caption", "center", "dd", "details", "dialog", "div", "dl", "dt", "fieldset", "figcaption", "figure",
            "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hgroup", "hr", "html", "li", "main",
            "nav", "ol", "p", "pre", "section", "summary", "table", "tbody", "td", "tfoot", "th", "thead", "tr",
            "ul");

    /** Never article text, wherever they appear. */
    private static final String JUNK_TAGS = "script, style, noscript, template, iframe, svg, canvas, object, "
            + "embed, video, audio, picture, figure, figcaption, button, input, select, textarea, label, nav, "
            + "aside, footer, dialog, menu, [hidden], [role=navigation], [role=banner], [role=contentinfo], "
            + "[role=complementary], [role=search], [role=dialog], [aria-hidden=true]";

    /**
     * Class or id words (whole, or as the last or first part of a hyphen/underscore compound) of page
     * furniture. Matched per word so "header" does not match "ad" and "thread" does not match "read".
     */
    private static final Pattern JUNK_NAME = Pattern.compile(
            "(?:^|[-_])(?:comments?|commenting|disqus|related|share|sharing|social|socials|newsletter|newsletters"
            + "|promo|promos|promotion|advert|adverts|advertisement|advertising|ads?|adslot|sponsor|sponsored"
            + "|sidebar|breadcrumbs?|subscribe|subscription|signup|cookies?|consent|gdpr|popup|modal|outbrain"
            + "|taboola|recommended|recommendations|trending|most-read|mostread|more-stories|read-more|readmore"
            + "|also-read|tags|topics|author-bio|byline|caption|credit|credits|paywall|toolbar|print-only)"
            + "(?:$|[-_])");

    private static final Pattern WHITESPACE = Pattern.compile("[ \\t\\n\\r\\f\\u00A0]+");
    private static final Pattern LINE_SPACE = Pattern.compile("[ \\t\\r\\f\\u00A0]+");
    private static final Pattern META_CHARSET = Pattern.compile(
            "(?i)<meta[^>]*?charset\\s*=\\s*[\"']?\\s*([A-Za-z0-9._:-]+)");
    private static final Pattern XML_ENCODING = Pattern.compile(
            "(?i)^\\s*<\\?xml[^>]*encoding\\s*=\\s*[\"']([A-Za-z0-9._:-]+)");

    /** A container needs this much paragraph text to count as the article rather than a teaser card. */
    private static final int MIN_ARTICLE_CHARS = 200;

    /**
     * Deepest element nesting kept; deeper elements are attached at this depth (their text stays, in order).
     * Real pages nest 20 to 40 levels. Finding the article container looks at each candidate's subtree, so
     * its cost grows with elements times depth: a crafted page of 200,000 nested tags took minutes at jsoup's
     * own limit of 512.
     */
    public static final int MAX_NESTING = 64;

    /**
     * Most tags (start tags, {@code <} and a letter) in a page: a heavy news page has a few thousand. Above this
     * the page fails with a clear error before it is parsed, rather than keep a reader thread busy for long.
     */
    public static final int MAX_TAGS = 50_000;

    private HtmlArticles() {
    }

    /**
     * The charset a page declares in {@code <meta charset>} or an XML declaration within its first 2 KiB,
     * when it is not UTF-8 and Java knows it; {@code null} otherwise. Latin-1 and ASCII declarations mean
     * windows-1252, as in browsers (the WHATWG encoding standard), because that is what such pages really use.
     */
    static Charset declaredCharset(byte[] bytes, int length) {
        String head = new String(bytes, 0, Math.min(length, 2048), StandardCharsets.ISO_8859_1);
        Matcher m = XML_ENCODING.matcher(head);
        String name = m.find() ? m.group(1) : null;
        if (name == null) {
            m = META_CHARSET.matcher(head);
            name = m.find() ? m.group(1) : null;
        }
        if (name == null) {
            return null;
        }
        String n = name.toLowerCase(Locale.ROOT);
        if (n.equals("utf-8") || n.equals("utf8") || n.startsWith("utf-16")) {
            return null; // UTF-16 declared in an ASCII-readable header is a lie; treat as UTF-8
        }
        if (Set.of("iso-8859-1", "iso8859-1", "latin1", "latin-1", "us-ascii", "ascii").contains(n)) {
            n = "windows-1252";
        }
        try {
            return Charset.forName(n);
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            return null;
        }
    }

    /** The article in a page (already decoded), without debris marked. */
    public static Article parse(String id, String html, String baseUri, ReadOptions options) throws BadInputException {
        int tags = startTags(html);
        if (tags > MAX_TAGS) {
            throw new BadInputException(String.format(Locale.ROOT,
                    "page has %,d HTML tags, over the limit of %,d per page", tags, MAX_TAGS));
        }
        Document doc = Parser.htmlParser().setMaxDepth(MAX_NESTING).parseInput(html, baseUri == null ? "" : baseUri);
        LdMeta ld = jsonLd(doc);
        Map<String, String> metas = metas(doc);

        String siteName = firstNonEmpty(meta(metas, "og:site_name"), ld.publisher, meta(metas, "application-name"));
        String url = firstNonEmpty(doc.select("link[rel=canonical]").attr("abs:href"),
                doc.select("link[rel=canonical]").attr("href"), meta(metas, "og:url"), ld.url);
        Optional<LocalDate> published = published(doc, metas, ld);

        String title = clean(firstNonEmpty(meta(metas, "og:title"), ld.headline, meta(metas, "twitter:title"),
                headline(doc, siteName), stripSiteName(doc.title(), siteName)));

        removeJunk(doc);
        Element container = container(doc);
        List<String> paragraphs = paragraphs(container);
        paragraphs.removeIf(p -> sameText(p, title));
        if (paragraphs.isEmpty()) {
            throw new BadInputException("no article text found in the page" + (title.isEmpty() ? "" : " (only a title)"));
        }
        String body = String.join("\n\n", paragraphs);
        String text = title.isEmpty() ? body : title + "\n\n" + body;
        String source = siteName.isEmpty() ? options.defaultSource() : clean(siteName);
        return Article.of(id, url.strip(), title, text,
                published.or(options::defaultPublished).orElse(null), source);
    }

    private static int startTags(String html) {
        int n = 0;
        for (int i = html.indexOf('<'); i >= 0 && i + 1 < html.length(); i = html.indexOf('<', i + 1)) {
            char c = html.charAt(i + 1);
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) {
                n++;
            }
        }
        return n;
    }

    /** The article's {@code <h1>}: inside {@code <article>} or {@code <main>} first; never the site logo. */
    private static String headline(Document doc, String siteName) {
        for (Element h1 : doc.select("article h1, main h1, h1")) {
            String t = clean(h1.text());
            if (!t.isEmpty() && !t.equalsIgnoreCase(siteName.strip())) {
                return t;
            }
        }
        return "";
    }

    /** {@code <meta>} contents by lower-cased property, name or itemprop; the first non-empty one wins. */
    private static Map<String, String> metas(Document doc) {
        Map<String, String> out = new HashMap<>();
        for (Element m : doc.getElementsByTag("meta")) {
            String content = m.attr("content").strip();
            if (content.isEmpty()) {
                continue;
            }
            for (String attr : new String[] {"property", "name", "itemprop"}) {
                String key = m.attr(attr).strip().toLowerCase(Locale.ROOT);
                if (!key.isEmpty()) {
                    out.putIfAbsent(key, content);
                }
            }
        }
        return out;
    }

    private static String meta(Map<String, String> metas, String key) {
        return metas.getOrDefault(key.toLowerCase(Locale.ROOT), "");
    }

    private static final String[] DATE_META = {"article:published_time", "og:article:published_time",
        "og:published_time", "datePublished", "pubdate", "publishdate", "publish-date", "publish_date",
        "article.published", "parsely-pub-date", "sailthru.date", "dc.date.issued", "DC.date.issued",
        "dcterms.created", "DCTERMS.created", "dc.date", "DC.date", "dcterms.date", "date", "original-publish-date"};

    private static Optional<LocalDate> published(Document doc, Map<String, String> metas, LdMeta ld) {
        for (String key : DATE_META) {
            Optional<LocalDate> d = PublishedDates.lenient(meta(metas, key));
            if (d.isPresent()) {
                return d;
            }
        }
        for (Element e : doc.select("[itemprop=datePublished]")) {
            Optional<LocalDate> d = PublishedDates.lenient(firstNonEmpty(e.attr("datetime"), e.attr("content"),
                    e.text()));
            if (d.isPresent()) {
                return d;
            }
        }
        if (!ld.datePublished.isEmpty()) {
            Optional<LocalDate> d = PublishedDates.lenient(ld.datePublished);
            if (d.isPresent()) {
                return d;
            }
        }
        Elements times = doc.select("article time[datetime], time[pubdate][datetime], time[datetime]");
        for (Element t : times) {
            Optional<LocalDate> d = PublishedDates.lenient(t.attr("datetime"));
            if (d.isPresent()) {
                return d;
            }
        }
        return Optional.empty();
    }

    /** What JSON-LD says about the article; pages often carry several blocks, some broken, all optional. */
    private static final class LdMeta {
        String headline = "";
        String datePublished = "";
        String publisher = "";
        String url = "";
    }

    private static final Set<String> ARTICLE_TYPES = Set.of("newsarticle", "article", "reportagenewsarticle",
            "analysisnewsarticle", "blogposting", "liveblogposting", "opinionnewsarticle", "backgroundnewsarticle",
            "webpage", "reviewnewsarticle");

    private static LdMeta jsonLd(Document doc) {
        LdMeta meta = new LdMeta();
        for (Element script : doc.select("script[type=application/ld+json]")) {
            Object value;
            try {
                value = Json.parse(script.data().strip());
            } catch (JsonException e) {
                continue;
            }
            collectLd(value, meta, 0);
        }
        return meta;
    }

    private static void collectLd(Object value, LdMeta meta, int depth) {
        if (depth > 8) {
            return;
        }
        if (value instanceof List<?> list) {
            for (Object item : list) {
                collectLd(item, meta, depth + 1);
            }
        } else if (value instanceof Map<?, ?> map) {
            Object type = map.get("@type");
            boolean article = type instanceof String t && ARTICLE_TYPES.contains(t.toLowerCase(Locale.ROOT))
                    || type instanceof List<?> types && types.stream().anyMatch(
                            t -> t instanceof String s && ARTICLE_TYPES.contains(s.toLowerCase(Locale.ROOT)));
            if (article) {
                boolean webPage = "WebPage".equals(type);
                if (!webPage && meta.headline.isEmpty() && map.get("headline") instanceof String h) {
                    meta.headline = h;
                }
                if (meta.datePublished.isEmpty() && map.get("datePublished") instanceof String d) {
                    meta.datePublished = d;
                }
                if (meta.url.isEmpty() && !webPage && map.get("url") instanceof String u) {
                    meta.url = u;
                }
                if (meta.publisher.isEmpty() && map.get("publisher") instanceof Map<?, ?> p
                        && p.get("name") instanceof String n) {
                    meta.publisher = n;
                }
            }
            Object graph = map.get("@graph");
            if (graph != null) {
                collectLd(graph, meta, depth + 1);
            }
        }
    }

    private static void removeJunk(Document doc) {
        doc.select(JUNK_TAGS).remove();
        // a date standing on its own is page metadata (already read above); a <time> inside prose is text
        for (Element time : doc.select("time")) {
            if (time.closest("p, li, blockquote, td, dd, h1, h2, h3, h4, h5, h6") == null) {
                time.remove();
            }
        }
        for (Element header : doc.select("header")) {
            if (header.closest("article") == null) {
                header.remove();
            }
        }
        Set<Element> holders = articleHolders(doc);
        for (Element form : doc.select("form")) {
            if (!holders.contains(form) && form.select("p").size() <= 3) {
                form.remove();
            }
        }
        List<Element> junk = new ArrayList<>();
        for (Element e : doc.body().getAllElements()) {
            if (e == doc.body() || !isJunkName(e)) {
                continue;
            }
            if (!holders.contains(e)) {
                junk.add(e);
            }
        }
        for (Element e : junk) {
            e.remove();
        }
    }

    private static boolean isJunkName(Element e) {
        String id = e.id().toLowerCase(Locale.ROOT);
        if (!id.isEmpty() && JUNK_NAME.matcher(id).find()) {
            return true;
        }
        for (String cls : e.classNames()) {
            if (JUNK_NAME.matcher(cls.toLowerCase(Locale.ROOT)).find()) {
                return true;
            }
        }
        return false;
    }

    /**
     * Elements that are or contain the article (or its headline), so a wrapper with a class like "has-comments"
     * is never removed as junk. Computed once, walking up from each article element and stopping at an
     * ancestor already marked, so it costs one pass over the page however deep it is (a select per element
     * made deeply nested pages quadratic).
     */
    private static Set<Element> articleHolders(Document doc) {
        Set<Element> holders = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Element m : doc.select("article, main, [itemprop=articleBody], h1")) {
            for (Element e = m; e != null && holders.add(e); e = e.parent()) {
                // marked: m and its ancestors up to the first one already marked
            }
        }
        return holders;
    }

    private static Element container(Document doc) {
        Element best = richest(doc.select("[itemprop=articleBody]"));
        if (best != null) {
            return best;
        }
        best = richest(doc.select("article"));
        if (best != null && paragraphChars(best) >= MIN_ARTICLE_CHARS) {
            return best;
        }
        Element main = richest(doc.select("main, [role=main]"));
        if (main != null && paragraphChars(main) >= MIN_ARTICLE_CHARS) {
            return main;
        }
        Element densest = null;
        long bestScore = 0;
        for (Element e : doc.body().getAllElements()) {
            long score = 0;
            for (Element child : e.children()) {
                if (child.nameIs("p")) {
                    score += child.text().length();
                } else if (child.nameIs("div") && child.childrenSize() == 1 && child.child(0).nameIs("p")) {
                    score += child.child(0).text().length(); // pages wrapping each paragraph in a div
                }
            }
            if (score > bestScore) {
                bestScore = score;
                densest = e;
            }
        }
        return densest != null && bestScore >= MIN_ARTICLE_CHARS / 2 ? densest : doc.body();
    }

    private static Element richest(Elements candidates) {
        Element best = null;
        long bestChars = -1;
        for (Element e : candidates) {
            long chars = paragraphChars(e);
            if (chars > bestChars) {
                bestChars = chars;
                best = e;
            }
        }
        return best;
    }

    private static long paragraphChars(Element e) {
        long n = 0;
        for (Element p : e.select("p")) {
            n += p.text().length();
        }
        return n == 0 ? e.text().length() / 2 : n;
    }

    /** Blocks of the container as paragraphs, in document order; lists of links are skipped. */
    private static List<String> paragraphs(Element container) {
        for (Element list : container.select("ul, ol")) {
            if (mostlyLinks(list)) {
                list.remove();
            }
        }
        List<String> out = new ArrayList<>();
        StringBuilder buffer = new StringBuilder();
        NodeTraversor.traverse(new NodeVisitor() {
            private int pre;

            @Override
            public void head(Node node, int depth) {
                if (node instanceof TextNode t) {
                    // source line breaks are layout; only <br> and blocks break lines, except in <pre>
                    buffer.append(pre > 0 ? t.getWholeText() : WHITESPACE.matcher(t.getWholeText()).replaceAll(" "));
                } else if (node instanceof Element e) {
                    if (e.nameIs("pre")) {
                        pre++;
                    }
                    if (e.nameIs("br")) {
                        buffer.append('\n');
                    } else if (BLOCK_TAGS.contains(e.normalName())) {
                        flush(buffer, out);
                    }
                }
            }

            @Override
            public void tail(Node node, int depth) {
                if (node instanceof Element e && e.nameIs("pre")) {
                    pre--;
                }
                if (node instanceof Element e && BLOCK_TAGS.contains(e.normalName())) {
                    flush(buffer, out);
                }
            }
        }, container);
        flush(buffer, out);
        return out;
    }

    private static boolean mostlyLinks(Element list) {
        int all = list.text().length();
        if (all == 0) {
            return true;
        }
        int linked = 0;
        for (Element a : list.select("a")) {
            linked += a.text().length();
        }
        return linked >= 0.8 * all;
    }

    /** The buffered inline text as paragraphs: one per run of lines, blank lines (double {@code <br>}) split. */
    private static void flush(StringBuilder buffer, List<String> out) {
        if (buffer.length() == 0) {
            return;
        }
        List<String> lines = new ArrayList<>();
        for (String raw : buffer.toString().split("\n")) {
            String line = LINE_SPACE.matcher(raw).replaceAll(" ").strip();
            if (line.isEmpty()) {
                addParagraph(lines, out);
            } else {
                lines.add(line);
            }
        }
        addParagraph(lines, out);
        buffer.setLength(0);
    }

    private static void addParagraph(List<String> lines, List<String> out) {
        if (!lines.isEmpty()) {
            out.add(String.join("\n", lines));
            lines.clear();
        }
    }

    private static String stripSiteName(String title, String siteName) {
        String t = title.strip();
        for (String sep : new String[] {" | ", " - ", " – ", " — ", " :: "}) {
            int at = t.lastIndexOf(sep);
            if (at > 0) {
                String tail = t.substring(at + sep.length()).strip();
                if (!siteName.isEmpty() && tail.equalsIgnoreCase(siteName.strip())) {
                    return t.substring(0, at).strip();
                }
            }
        }
        return t;
    }

    private static boolean sameText(String a, String b) {
        return !b.isEmpty() && a.strip().equalsIgnoreCase(b.strip());
    }

    private static String clean(String s) {
        return WHITESPACE.matcher(s).replaceAll(" ").strip();
    }

    private static String firstNonEmpty(String... values) {
        for (String v : values) {
            if (v != null && !v.isBlank()) {
                return v;
            }
        }
        return "";
    }
}
