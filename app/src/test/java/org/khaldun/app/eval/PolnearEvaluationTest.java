package org.khaldun.app.eval;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.khaldun.attribution.Span;

/** Scoring of the PolNeAR attribution evaluation, on a hand-made brat file (no parser needed). */
class PolnearEvaluationTest {

    private static final String TEXT = "“We will not back down from this fight,” the senator said. Critics said it was a bluff.";

    private static final String ANN = """
            T1\tSource 41 52\tthe senator
            T2\tCue 53 57\tsaid
            T3\tContent 0 40\t“We will not back down from this fight,”
            E1\tAttribution:T2 Source:T1 Content:T3
            T4\tSource 59 66\tCritics
            T5\tCue 67 71\tsaid
            T6\tContent 72 86\tit was a bluff
            E2\tAttribution:T5 Source:T4 Content:T6
            """;

    private static List<PolnearEvaluation.Gold> gold(Path dir) throws IOException {
        Path f = dir.resolve("a_1.ann");
        Files.writeString(f, ANN);
        return PolnearEvaluation.readGold(f, TEXT);
    }

    @Test
    void aGoldContentHoldingAQuotationOfFourWordsOrMoreIsADirectQuote(@TempDir Path dir) throws IOException {
        List<PolnearEvaluation.Gold> g = gold(dir);
        assertThat(g).hasSize(2);
        assertThat(g.get(0).direct()).isTrue();
        assertThat(g.get(1).direct()).isFalse();
        assertThat(g.get(0).source().get(0).of(TEXT)).isEqualTo("the senator");
        assertThat(PolnearEvaluation.holdsQuotation("a “huge win” for us", List.of(new Span(0, 19)))).isFalse();
    }

    @Test
    void aSpeakerIsRightWhenItOverlapsTheGoldSourceOfTheContentItIsPairedWith(@TempDir Path dir) throws IOException {
        List<PolnearEvaluation.Gold> g = gold(dir);
        List<PolnearEvaluation.Pred> p = List.of(
                new PolnearEvaluation.Pred(List.of(new Span(0, 40)), new Span(53, 57), new Span(45, 52), true, "verb:postposed"),
                new PolnearEvaluation.Pred(List.of(new Span(72, 86)), new Span(67, 71), new Span(41, 52), false, "verb:bare"));
        PolnearEvaluation.Score[] s = {new PolnearEvaluation.Score(), new PolnearEvaluation.Score()};
        StringWriter dump = new StringWriter();
        PolnearEvaluation.score(TEXT, g, p, s, new PrintWriter(dump, true), "a");
        assertThat(s[0].gold).isEqualTo(1);
        assertThat(s[0].speakerRight).as("'senator' overlaps 'the senator'").isEqualTo(1);
        assertThat(s[1].gold).isEqualTo(2);
        assertThat(s[1].matchedPairs).isEqualTo(2);
        assertThat(s[1].speakerRight).as("'the senator' is not 'Critics'").isEqualTo(1);
        assertThat(dump.toString()).contains("SPEAKER\tit was a bluff\tgold=Critics\tfound=the senator");
    }

    @Test
    void aThirdOfTheArticlesByNameIsHeldOut() {
        long held = java.util.stream.IntStream.range(0, 300).mapToObj(i -> "article-" + i)
                .filter(PolnearEvaluation::heldOut).count();
        assertThat(held).isBetween(80L, 120L);
    }
}
