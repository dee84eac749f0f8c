package org.khaldun.attribution;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.khaldun.actor.Actor;

class ArticleAttributionsTest {

    private static Attribution attribution(int id, String speaker, int start, int end) {
        return new Attribution(id, "said", new Span(0, 4), Optional.of(new Actor(speaker, "", "", "", 0, 2)),
                List.of(new Span(start, end)), SourceKind.NAMED, "", QuoteForm.INDIRECT, false, 0, "test");
    }

    @Test
    void anOffsetOutsideEveryContentIsTheArticlesOwnClaim() {
        ArticleAttributions a = new ArticleAttributions(List.of(attribution(0, "He", 10, 50)));
        assertThat(a.sourceOf(5)).isEmpty();
        assertThat(a.sourceOf(50)).isEmpty();
        assertThat(a.sourceOf(10)).isPresent();
    }

    @Test
    void nestedAttributionsGiveTheInnermostSource() {
        ArticleAttributions a = new ArticleAttributions(List.of(attribution(0, "He", 10, 80), attribution(1, "sources", 30, 60)));
        assertThat(a.sourceOf(40).map(Attribution::speakerText)).contains("sources");
        assertThat(a.sourceOf(70).map(Attribution::speakerText)).contains("He");
    }

    @Test
    void aQuoteInTwoPiecesHoldsNeitherTheCueBetweenThem() {
        Attribution two = new Attribution(0, "said", new Span(20, 24), Optional.empty(),
                List.of(new Span(0, 18), new Span(26, 40)), SourceKind.ANONYMOUS, "", QuoteForm.DIRECT, true, 0, "test");
        ArticleAttributions a = new ArticleAttributions(List.of(two));
        assertThat(a.sourceOf(21)).isEmpty();
        assertThat(a.sourceOf(30)).isPresent();
    }
}
