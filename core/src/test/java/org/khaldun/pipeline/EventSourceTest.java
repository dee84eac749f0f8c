package org.khaldun.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.khaldun.actor.Actor;
import org.khaldun.article.Article;
import org.khaldun.event.Event;

/** Every event says who claims it happened: a named speaker, an anonymous one, or the article itself. */
class EventSourceTest {

    private static List<Event> code(String body) {
        Article a = Article.of("t", "", "Clashes on the border", "Clashes on the border\n\n" + body,
                LocalDate.of(2025, 3, 12), "");
        return Pipelines.defaultPipeline().code(a).events();
    }

    @Test
    void anAttackReportedInAQuoteIsClaimedByTheSpeaker() {
        List<Event> events = code("Israeli Prime Minister Benjamin Netanyahu said that Hamas fighters attacked Israeli troops near Gaza on Monday.");
        Event attack = events.stream().filter(e -> e.eventType().equals("ASSAULT")).findFirst().orElseThrow();
        assertThat(attack.source().kind()).isEqualTo("named");
        assertThat(attack.source().speaker()).map(Actor::code).hasValue("ISRGOV");
        assertThat(attack.source().cue()).isEqualTo("said");
    }

    @Test
    void anAttackToldInTheReportersOwnVoiceHasTheArticleAsSource() {
        List<Event> events = code("Hamas fighters attacked Israeli troops near Gaza on Monday.");
        assertThat(events).filteredOn(e -> e.eventType().equals("ASSAULT")).isNotEmpty()
                .allSatisfy(e -> assertThat(e.source().isArticle()).isTrue());
    }

    @Test
    void anAnonymousOfficialIsFlaggedAnonymousWithTheOutletAsChannel() {
        List<Event> events = code("Russian forces shelled Ukrainian positions near Kharkiv on Sunday, a US official told CNN.");
        Event attack = events.stream().filter(e -> e.eventType().equals("ASSAULT")).findFirst().orElseThrow();
        assertThat(attack.source().anonymous()).isTrue();
        assertThat(attack.source().channel()).isEqualTo("CNN");
    }
}
