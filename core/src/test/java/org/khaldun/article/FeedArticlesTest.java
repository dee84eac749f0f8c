package org.khaldun.article;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FeedArticlesTest {

    @TempDir
    Path dir;

    static final String RSS = """
            <?xml version="1.0" encoding="UTF-8"?>
            <rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">
              <channel>
                <title>World Wire</title>
                <item>
                  <title>Iraq and Iran discuss border security</title>
                  <link>https://wire.example/iraq-iran</link>
                  <pubDate>Tue, 06 Feb 2024 21:40:00 -0500</pubDate>
                  <description>Short teaser.</description>
                  <content:encoded><![CDATA[<p>On Monday, the Iraqi foreign minister received his Iranian
                    counterpart in Baghdad.</p><p>The two ministers discussed border security and trade at length,
                    officials said, in talks that lasted most of the afternoon.</p>]]></content:encoded>
                </item>
                <item>
                  <title>Protest in Basra</title>
                  <link>https://wire.example/basra</link>
                  <description>&lt;b&gt;Hundreds&lt;/b&gt; protested in Basra on Friday.</description>
                </item>
                <item>
                  <title>Headline only</title>
                  <link>https://wire.example/empty</link>
                </item>
              </channel>
            </rss>
            """;

    static final String ATOM = """
            <?xml version="1.0" encoding="utf-8"?>
            <feed xmlns="http://www.w3.org/2005/Atom">
              <title>Atom News</title>
              <entry>
                <title>Talks resume</title>
                <link rel="alternate" href="https://atom.example/talks"/>
                <published>2024-03-05T10:00:00Z</published>
                <content type="html">&lt;p&gt;Negotiators met in Doha on Tuesday to resume talks.&lt;/p&gt;</content>
              </entry>
            </feed>
            """;

    private List<ReadResult> read(String name, String content) throws IOException {
        Path f = dir.resolve(name);
        Files.writeString(f, content, StandardCharsets.UTF_8);
        try (Stream<ReadResult> s = ArticleSources.read(List.of(f.toString()), ReadOptions.defaults())) {
            return s.toList();
        }
    }

    @Test
    void everyRssItemIsAnArticleWithItsLinkDateAndFullestText() throws IOException {
        List<ReadResult> results = read("world.rss", RSS);
        assertThat(results).hasSize(3);
        Article first = ((ReadResult.Ok) results.get(0)).article();
        assertThat(results.get(0).record()).endsWith("world.rss#item1");
        assertThat(first.id()).isEqualTo("world:item1");
        assertThat(first.url()).isEqualTo("https://wire.example/iraq-iran");
        assertThat(first.title()).isEqualTo("Iraq and Iran discuss border security");
        assertThat(first.published()).contains(LocalDate.of(2024, 2, 6)); // as the publisher dated it
        assertThat(first.source()).isEqualTo("World Wire");
        assertThat(first.text()).startsWith("Iraq and Iran discuss border security\n\nOn Monday, the Iraqi foreign")
                .contains("border security and trade").doesNotContain("<p>", "teaser");

        Article second = ((ReadResult.Ok) results.get(1)).article();
        assertThat(second.text()).contains("Hundreds protested in Basra on Friday.").doesNotContain("<b>");
        assertThat(second.published()).isEmpty();

        assertThat(results.get(2)).isInstanceOf(ReadResult.Failed.class);
        assertThat(((ReadResult.Failed) results.get(2)).reason()).contains("no text");
        assertThat(results.get(2).record()).endsWith("#item3");
    }

    @Test
    void atomEntriesAndFeedsNamedXmlAreReadToo() throws IOException {
        List<ReadResult> results = read("news.xml", ATOM);
        assertThat(results).singleElement().isInstanceOf(ReadResult.Ok.class);
        Article a = ((ReadResult.Ok) results.get(0)).article();
        assertThat(a.url()).isEqualTo("https://atom.example/talks");
        assertThat(a.published()).contains(LocalDate.of(2024, 3, 5));
        assertThat(a.source()).isEqualTo("Atom News");
        assertThat(a.text()).isEqualTo("Talks resume\n\nNegotiators met in Doha on Tuesday to resume talks.");
    }

    @Test
    void anXmlFileThatIsNotAFeedIsReadAsAWebPage() throws IOException {
        List<ReadResult> results = read("page.xml", "<html><head><title>T</title></head><body><article><p>"
                + "Officials met in Cairo on Monday to discuss the ceasefire proposal in detail. ".repeat(4)
                + "</p></article></body></html>");
        assertThat(results).singleElement().isInstanceOf(ReadResult.Ok.class);
    }
}
