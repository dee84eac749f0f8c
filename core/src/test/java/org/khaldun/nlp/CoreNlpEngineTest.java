package org.khaldun.nlp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class CoreNlpEngineTest {

    private final NlpEngine nlp = CoreNlpEngine.shared();

    @Test
    void splitKeepsCharacterOffsetsIntoTheArticleText() {
        String text = "Iraq, Iran discuss withdrawal.\n\nOn Wednesday, Al-Mandalawi received Ejei.";
        List<Sentence> sentences = nlp.split(text);
        assertThat(sentences).hasSize(2);
        Sentence second = sentences.get(1);
        assertThat(text.substring(second.start(), second.end())).isEqualTo(second.text());
        for (Token t : second.tokens()) {
            assertThat(text.substring(t.start(), t.end())).isEqualTo(t.word());
        }
        assertThat(second.parsed()).isFalse();
    }

    @Test
    void inATextWithOneParagraphPerLineAHeadingIsASentenceOfItsOwn() {
        String paragraph = "The delegations met in Baghdad on Wednesday to discuss the future of the foreign forces "
                + "stationed in the country, officials said.";
        String text = paragraph + "\n" + paragraph + "\nRead more: Militia declares operations to continue\n"
                + "Talks to boot the US out\nIn late January, sources said talks would begin soon.\n" + paragraph + "\n"
                + paragraph;
        List<String> sentences = nlp.split(text).stream().map(Sentence::text).toList();
        assertThat(sentences).contains("Talks to boot the US out", "In late January, sources said talks would begin soon.");
    }

    @Test
    void wrappedLinesInsideAParagraphDoNotEndSentences() {
        String text = "The delegations met in Baghdad on Wednesday to discuss the\nfuture of the foreign forces "
                + "stationed in the\nUnited States, officials said on Thursday in a\nstatement.";
        assertThat(nlp.split(text)).hasSize(1);
    }

    @Test
    void parseGivesSubjectAndObjectOfTheMainVerb() {
        Sentence s = nlp.parse(nlp.split("The Iraqi parliament received the Iranian judiciary chief.")).get(0);
        assertThat(s.parsed()).isTrue();
        int verb = indexOf(s, "received");
        assertThat(s.token(verb).lemma()).isEqualTo("receive");
        assertThat(s.token(verb).isVerb()).isTrue();
        assertThat(s.children(verb)).extracting(Dependency::relation).contains("nsubj", "obj");
    }

    @Test
    void prepositionalArgumentsCarryTheirCaseMarker() {
        Sentence s = nlp.parse(nlp.split("The United States launched airstrikes against resistance groups.")).get(0);
        assertThat(s.dependencies()).extracting(Dependency::relation).contains("nmod:against");
    }

    @Test
    void taggingGivesPartsOfSpeechWithoutTheCostOfAParse() {
        Sentence s = nlp.tag(nlp.split("Washington will back the deal but the talks went nowhere.")).get(0);
        assertThat(s.parsed()).isFalse();
        assertThat(s.dependencies()).isEmpty();
        assertThat(s.token(indexOf(s, "back")).isVerb()).isTrue();
        assertThat(s.token(indexOf(s, "talks")).isNoun()).isTrue();
        assertThat(s.token(indexOf(s, "went")).lemma()).isEqualTo("go");
    }

    @Test
    void parsingATaggedSentenceKeepsItsTagsAndGivesTheSameTreeAsParsingAtOnce() {
        List<Sentence> split = nlp.split("Iraqi forces said they pushed the rebels back from the border town.");
        Sentence direct = nlp.parse(split).get(0);
        Sentence staged = nlp.parse(nlp.tag(split)).get(0);
        assertThat(staged.parsed()).isTrue();
        assertThat(staged.tokens()).isEqualTo(direct.tokens());
        assertThat(staged.dependencies()).containsExactlyInAnyOrderElementsOf(direct.dependencies());
    }

    private static int indexOf(Sentence s, String word) {
        for (Token t : s.tokens()) {
            if (t.word().equals(word)) {
                return t.index();
            }
        }
        throw new AssertionError(word + " not in " + s.text());
    }
}
