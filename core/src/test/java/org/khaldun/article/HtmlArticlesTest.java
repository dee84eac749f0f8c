package org.khaldun.article;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class HtmlArticlesTest {

    /** A news page as scrapers fetch it: the article wrapped in site furniture. Wording is our own. */
    static final String PAGE = """
            <!DOCTYPE html>
            <html lang="en">
            <head>
              <meta charset="utf-8">
              <title>Port workers strike over unpaid wages | Harbour Times</title>
              <meta property="og:title" content="Port workers strike over unpaid wages">
              <meta property="og:site_name" content="Harbour Times">
              <meta property="og:url" content="https://harbour.example/news/port-strike">
              <link rel="canonical" href="https://harbour.example/news/port-strike">
              <meta property="article:published_time" content="2024-03-05T21:40:00-05:00">
              <script type="application/ld+json">
                {"@context":"https://schema.org","@type":"NewsArticle","headline":"Port workers strike",
                 "datePublished":"2024-03-06T02:40:00Z","publisher":{"@type":"Organization","name":"HT"}}
              </script>
              <style>.ad { display: block; }</style>
              <script>window.tracker = function () { return "Breaking: not news"; };</script>
            </head>
            <body>
              <header class="site-header">
                <a href="/">Harbour Times</a>
                <nav><ul><li><a href="/world">World</a></li><li><a href="/business">Business</a></li></ul></nav>
              </header>
              <div class="ad-slot top-ad">Advertisement: cheap flights to the coast</div>
              <main>
                <article>
                  <header>
                    <h1>Port workers strike over unpaid wages</h1>
                    <p class="byline">By Layla Haddad, Harbour Times</p>
                    <time datetime="2024-03-05">5 March 2024</time>
                  </header>
                  <div class="share-buttons"><a href="#">Share on Facebook</a> <a href="#">Share on X</a></div>
                  <p>Dock workers at the northern terminal walked off the job on Tuesday, saying the
                     operating company had not paid them for <b>three months</b>.</p>
                  <figure><img src="strike.jpg" alt=""><figcaption>Workers gather at the gate. Photo: Staff</figcaption></figure>
                  <p>The union said the strike would continue until the arrears were settled in full.</p>
                  <p>Read more: Shipping backlog grows as talks stall</p>
                  <h2>Ministry calls for talks</h2>
                  <p>The labour ministry urged both sides to meet on Thursday&nbsp;and warned that
                     the port could lose contracts.</p>
                  <ul class="related-links">
                    <li><a href="/a">Harbour traffic down for third week</a></li>
                    <li><a href="/b">Who owns the northern terminal?</a></li>
                  </ul>
                  <footer>Tags: labour, ports</footer>
                </article>
                <section id="comments"><h3>Comments</h3><p>First! This article is great and long enough to
                  tempt a naive extractor into thinking it is the story itself, which it is not.</p></section>
              </main>
              <aside><h3>Most read</h3><p>Storm closes coastal road</p></aside>
              <form class="newsletter"><p>Subscribe to our newsletter</p><input type="email"></form>
              <footer><p>© 2024 Harbour Times. All rights reserved.</p></footer>
            </body>
            </html>
            """;

    @Test
    void onlyTheArticleParagraphsAreKeptInOrderWithBlankLinesBetween() throws Exception {
        Article a = HtmlArticles.parse("port-strike", PAGE, "", ReadOptions.defaults());
        assertThat(a.text()).isEqualTo("""
                Port workers strike over unpaid wages

                Dock workers at the northern terminal walked off the job on Tuesday, saying the \
                operating company had not paid them for three months.

                The union said the strike would continue until the arrears were settled in full.

                Read more: Shipping backlog grows as talks stall

                Ministry calls for talks

                The labour ministry urged both sides to meet on Thursday and warned that the port could lose \
                contracts.""");
    }

    @Test
    void metadataComesFromTheHead() throws Exception {
        Article a = HtmlArticles.parse("port-strike", PAGE, "", ReadOptions.defaults());
        assertThat(a.id()).isEqualTo("port-strike");
        assertThat(a.title()).isEqualTo("Port workers strike over unpaid wages");
        assertThat(a.url()).isEqualTo("https://harbour.example/news/port-strike");
        assertThat(a.source()).isEqualTo("Harbour Times");
        // the date as the publisher wrote it (5 March local time), not converted to UTC
        assertThat(a.published()).contains(LocalDate.of(2024, 3, 5));
    }

    @Test
    void theReadMoreLineLeftInsideTheArticleIsMarkedAsDebris() throws Exception {
        Article a = DebrisMarker.standard().mark(HtmlArticles.parse("p", PAGE, "", ReadOptions.defaults()));
        int at = a.text().indexOf("Read more:");
        assertThat(a.debris()).extracting(Debris::kind, Debris::start)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(DebrisMarker.READ_MORE, at));
    }

    @Test
    void withoutArticleOrMainTheDensestBlockOfParagraphsIsTheStory() throws Exception {
        String html = """
                <html><head><title>Council votes on budget</title></head><body>
                <div class="menu"><a href="/">Home</a> <a href="/x">Politics</a></div>
                <div class="col">
                  <div class="story-text">
                    <p>The city council approved the annual budget late on Monday after a six-hour session.</p>
                    <p>Opposition members said the plan cut funding for public transport and schools.</p>
                    <p>The mayor said the cuts were temporary and would be reviewed in the autumn.</p>
                  </div>
                  <div class="teasers"><p>Weather: rain</p></div>
                </div>
                </body></html>""";
        Article a = HtmlArticles.parse("budget", html, "", ReadOptions.defaults()
                .withDefaultPublished(LocalDate.of(2024, 1, 8)).withDefaultSource("City Paper"));
        assertThat(a.title()).isEqualTo("Council votes on budget");
        assertThat(a.text()).startsWith("Council votes on budget\n\nThe city council approved")
                .endsWith("reviewed in the autumn.")
                .doesNotContain("Home", "Weather");
        assertThat(a.published()).contains(LocalDate.of(2024, 1, 8));
        assertThat(a.source()).isEqualTo("City Paper");
    }

    @Test
    void malformedMarkupStillYieldsItsText() throws Exception {
        String html = "<title>Floods</title><div><p>Rivers burst their banks<p>Roads were closed <b>near "
                + "the bridge</div></i><p>Rescue teams <br>reached the village";
        Article a = HtmlArticles.parse("floods", html, "", ReadOptions.defaults());
        assertThat(a.text()).isEqualTo(
                "Floods\n\nRivers burst their banks\n\nRoads were closed near the bridge\n\nRescue teams\nreached the village");
    }

    @Test
    void datesArePickedFromJsonLdWhenTheMetaTagsHaveNone() throws Exception {
        String html = "<html><head><script type='application/ld+json'>{\"@graph\":[{\"@type\":\"WebSite\"},"
                + "{\"@type\":\"NewsArticle\",\"headline\":\"Ceasefire holds\",\"datePublished\":\"2023-11-24T07:00:00+02:00\"}]}"
                + "</script></head><body><article><p>The truce entered its second day with no reported violations "
                + "along the front line, according to observers on both sides of the border.</p></article></body></html>";
        Article a = HtmlArticles.parse("c", html, "", ReadOptions.defaults());
        assertThat(a.title()).isEqualTo("Ceasefire holds");
        assertThat(a.published()).contains(LocalDate.of(2023, 11, 24));
    }

    @Test
    void aPageWithoutAnyTextIsRefused() {
        assertThatThrownBy(() -> HtmlArticles.parse("x", "<html><head><title>Gallery</title></head><body>"
                + "<nav><a href='/'>Home</a></nav><script>1</script></body></html>", "", ReadOptions.defaults()))
                .isInstanceOf(BadInputException.class)
                .hasMessage("no article text found in the page (only a title)");
    }
}
