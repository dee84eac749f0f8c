package org.khaldun.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.khaldun.article.Article;
import org.khaldun.nlp.Sentence;

/** Only sentences that can hold an event pay for a dependency parse; the others are coded from their tokens. */
class ParseFilterTest {

    private static final String BODY = "Iraqi forces attacked rebel positions near Mosul on Monday.\n\n"
            + "The weather in the north was mild for the season.\n\n"
            + "The minister said the party was back in business.";

    private static CodedArticle code(Pipeline p) {
        return p.code(Article.of("t", "", "Fighting in the north", "Fighting in the north\n\n" + BODY,
                LocalDate.of(2025, 3, 12), ""));
    }

    private static Sentence sentence(CodedArticle c, String start) {
        return c.sentences().stream().filter(s -> s.text().startsWith(start)).findFirst().orElseThrow();
    }

    @Test
    void anAttackIsParsedButWeatherAndAnAdverbialBackAreNot() {
        CodedArticle c = code(Pipelines.defaultPipeline());
        assertThat(sentence(c, "Iraqi forces").parsed()).isTrue();
        assertThat(sentence(c, "The weather").parsed()).as("no actor, no trigger").isFalse();
        Sentence back = sentence(c, "The minister");
        assertThat(back.parsed()).as("'back' is an adverb here").isFalse();
        assertThat(back.token(0).pos()).as("tagged while the filter looked again").isNotEmpty();
        int attack = sentence(c, "Iraqi forces").index();
        assertThat(c.events()).anySatisfy(e -> assertThat(e.textInfo().sentenceIndex()).isEqualTo(attack));
    }

    @Test
    void quotedSpeechIsParsedForItsSpeakerEvenWithoutAnEventTrigger() {
        String body = "“We will keep the schools open through the winter,” Rep. Ann Hale (D-Ore.) said on Tuesday.\n\n"
                + "The “quiet season” in the north was mild this year.";
        CodedArticle c = Pipelines.defaultPipeline().code(Article.of("q", "", "Schools", "Schools\n\n" + body,
                LocalDate.of(2025, 3, 12), ""));
        assertThat(sentence(c, "“We will keep").parsed()).as("a quotation and a reporting verb").isTrue();
        assertThat(sentence(c, "The “quiet season”").parsed()).as("a quotation mark but no reporting verb").isFalse();
        assertThat(c.attributions().all()).anySatisfy(a -> assertThat(a.speakerText()).startsWith("Rep. Ann Hale"));
    }

    @Test
    void theMeasuringVariantParsesEverySentenceAndStillCodesTheAttack() {
        CodedArticle c = code(Pipelines.defaultPipeline().parsingEverySentence());
        assertThat(c.sentences()).allSatisfy(s -> assertThat(s.parsed()).isTrue());
        int attack = sentence(c, "Iraqi forces").index();
        assertThat(c.events()).anySatisfy(e -> assertThat(e.textInfo().sentenceIndex()).isEqualTo(attack));
    }
}
