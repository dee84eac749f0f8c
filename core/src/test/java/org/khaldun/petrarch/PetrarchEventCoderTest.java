package org.khaldun.petrarch;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.khaldun.article.Article;
import org.khaldun.codebook.TableCodebook;
import org.khaldun.event.Event;
import org.khaldun.nlp.ConstituencyParse;
import org.khaldun.nlp.ConstituencyParser;
import org.khaldun.nlp.Sentence;
import org.khaldun.nlp.Token;

/**
 * PETRARCH compatibility mode turns the PETRARCH coder's output into Khaldun events tied to characters of the
 * article. The trees are written by hand here (the CoreNLP parser is exercised by the app's CLI tests).
 */
class PetrarchEventCoderTest {

    private static final String VERBS = """
            --- RESTORE  [064]  ---
            RESTORE
            - * DIPLOMATIC TIES  [0641]

            --- CONDEMN  [122]  ---
            CONDEMN

            --- PRAISE  [977]  ---
            PRAISE
            """;

    private static final String ACTORS = """
            ARNOR [ARN]
            GONDOR [GON]
            AL-QAEDA [IMGALQ]
            """;

    private static final String AGENTS = "GOVERNMENT [~GOV]\n";

    private static final PetrarchDictionaries DICTS = new PetrarchDictionaries(
            PetrarchReader.readVerbs("my.verbs", VERBS), PetrarchReader.readActors("my.actors", ACTORS),
            PetrarchReader.readAgents("my.agents", AGENTS), PetrarchReader.readDiscards("my.discards", "+TYPHOON\n"));

    /** A parser that returns a fixed tree, one leaf per token. */
    private static ConstituencyParser fixed(String tree) {
        return s -> {
            List<ConstituencyParse.Leaf> leaves = new ArrayList<>();
            for (int i = 0; i < s.tokens().size(); i++) {
                leaves.add(new ConstituencyParse.Leaf(i, i));
            }
            return Optional.of(new ConstituencyParse(tree, leaves));
        };
    }

    private static List<Event> code(String text, ConstituencyParser parser) {
        Article a = new Article("a1", "", "", text, Optional.of(LocalDate.of(2024, 2, 8)), "", List.of());
        PetrarchEventCoder coder = new PetrarchEventCoder(new PetrarchCoder(DICTS), parser, TableCodebook.builtin(),
                CoderOptions.DEFAULTS);
        Sentence s = sentence(text);
        assertThat(coder.mayHoldEvent(s, List.of())).isTrue();
        return coder.code(a, List.of(s), sentenceIndex -> List.of(), null);
    }

    /** Whitespace tokens; a final full stop is its own token. */
    private static Sentence sentence(String text) {
        List<Token> tokens = new ArrayList<>();
        int i = 0;
        while (i < text.length()) {
            if (text.charAt(i) == ' ') {
                i++;
                continue;
            }
            int j = i;
            while (j < text.length() && text.charAt(j) != ' ' && !(text.charAt(j) == '.' && j == text.length() - 1)) {
                j++;
            }
            if (j == i) {
                j++;
            }
            tokens.add(new Token(tokens.size(), text.substring(i, j), text.substring(i, j).toLowerCase(), "", i, j));
            i = j;
        }
        return new Sentence(0, 0, text.length(), text, tokens, List.of(), false);
    }

    @Test
    void theEventPointsAtTheVerbAndActorPhrasesOfTheArticle() {
        String text = "The Arnor government will restore diplomatic ties with Gondor.";
        String tree = "(ROOT (S (NP (DT The) (NNP Arnor) (NN government)) (VP (MD will) (VP (VB restore)"
                + " (NP (JJ diplomatic) (NNS ties)) (PP (IN with) (NP (NNP Gondor))))) (. .)))";
        Event e = code(text, fixed(tree)).get(0);
        assertThat(e.textInfo().trigger()).isEqualTo("restore");
        assertThat(text.substring(e.textInfo().triggerStart(), e.textInfo().triggerEnd())).isEqualTo("restore");
        assertThat(e.actor()).singleElement().satisfies(a -> {
            assertThat(a.code()).isEqualTo("ARNGOV");
            assertThat(a.text()).isEqualTo("The Arnor government");
            assertThat(a.country()).isEqualTo("ARN");
            assertThat(a.sector()).isEqualTo("GOV");
        });
        assertThat(e.recipient()).singleElement().satisfies(a -> {
            assertThat(a.text()).isEqualTo("Gondor");
            assertThat(text.substring(a.start(), a.end())).isEqualTo("Gondor");
        });
        assertThat(e.cameo().code()).isEqualTo("0641");
        assertThat(e.explanation()).startsWith("petrarch:").contains("my.verbs:3").contains("* DIPLOMATIC TIES")
                .contains("my.actors:1").contains("my.agents:1");
        assertThat(e.modality().isFact()).isTrue();
    }

    @Test
    void aCodeTheCodebookDoesNotKnowIsKeptWithANote() {
        String text = "Arnor praised Gondor.";
        String tree = "(ROOT (S (NP (NNP Arnor)) (VP (VBD praised) (NP (NNP Gondor))) (. .)))";
        Event e = code(text, fixed(tree)).get(0);
        assertThat(e.cameo().code()).isEqualTo("977");
        assertThat(e.cameo().quadClass()).isZero();
        assertThat(e.eventType()).isEmpty();
        assertThat(e.explanation()).contains("977 is not in the CAMEO codebook");
    }

    @Test
    void aKnownCodeGetsItsWeightsAndPloverType() {
        String text = "Arnor condemned Gondor.";
        String tree = "(ROOT (S (NP (NNP Arnor)) (VP (VBD condemned) (NP (NNP Gondor))) (. .)))";
        Event e = code(text, fixed(tree)).get(0);
        assertThat(e.cameo().quadClass()).isEqualTo(3);
        assertThat(e.cameo().goldstein()).isNegative();
        assertThat(e.eventType()).isNotEmpty();
    }

    @Test
    void aLeafJoiningSeveralTokensCoversThemAll() {
        String text = "Al - Qaeda condemned Gondor.";
        String tree = "(ROOT (S (NP (NNP Al-Qaeda)) (VP (VBD condemned) (NP (NNP Gondor))) (. .)))";
        ConstituencyParser joined = s -> Optional.of(new ConstituencyParse(tree, List.of(
                new ConstituencyParse.Leaf(0, 2), new ConstituencyParse.Leaf(3, 3), new ConstituencyParse.Leaf(4, 4),
                new ConstituencyParse.Leaf(5, 5))));
        Event e = code(text, joined).get(0);
        assertThat(e.actor().get(0).code()).isEqualTo("IMGALQ");
        assertThat(e.actor().get(0).text()).isEqualTo("Al - Qaeda");
        assertThat(e.textInfo().trigger()).isEqualTo("condemned");
    }

    @Test
    void aStoryDiscardDropsEveryEventOfTheArticle() {
        String text = "Arnor condemned Gondor after the typhoon.";
        String tree = "(ROOT (S (NP (NNP Arnor)) (VP (VBD condemned) (NP (NNP Gondor)) (PP (IN after) (NP (DT the)"
                + " (NN typhoon)))) (. .)))";
        assertThat(code(text, fixed(tree))).isEmpty();
    }

    @Test
    void idsAreStableAndDistinct() {
        String text = "Arnor condemned Gondor.";
        String tree = "(ROOT (S (NP (NNP Arnor)) (VP (VBD condemned) (NP (NNP Gondor))) (. .)))";
        assertThat(code(text, fixed(tree)).get(0).id()).isEqualTo(code(text, fixed(tree)).get(0).id());
    }

    @Test
    void sentencesWithoutADictionaryVerbFormAreNotParsed() {
        PetrarchEventCoder coder = new PetrarchEventCoder(new PetrarchCoder(DICTS), s -> {
            throw new AssertionError("parsed");
        }, TableCodebook.builtin(), CoderOptions.DEFAULTS);
        assertThat(coder.mayHoldEvent(sentence("Arnor and Gondor met on Monday."), List.of())).isFalse();
        assertThat(coder.mayHoldEvent(sentence("Arnor restores ties."), List.of())).isTrue();
    }
}
