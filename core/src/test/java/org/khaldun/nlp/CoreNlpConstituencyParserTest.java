package org.khaldun.nlp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** How tokens become the leaves the PCFG sees (no model is loaded here). */
class CoreNlpConstituencyParserTest {

    private static Sentence tokens(String text, String... words) {
        List<Token> out = new ArrayList<>();
        int at = 0;
        for (String w : words) {
            int s = text.indexOf(w, at);
            out.add(new Token(out.size(), w, w, "", s, s + w.length()));
            at = s + w.length();
        }
        return new Sentence(0, 0, text.length(), text, out, List.of(), false);
    }

    @Test
    void aWordSplitAtItsHyphensIsOneLeafAgain() {
        Sentence s = tokens("Al-Qaeda fighters left Barad-dur - again.", "Al", "-", "Qaeda", "fighters", "left",
                "Barad", "-", "dur", "-", "again", ".");
        assertThat(CoreNlpConstituencyParser.leaves(s)).containsExactly(new ConstituencyParse.Leaf(0, 2),
                new ConstituencyParse.Leaf(3, 3), new ConstituencyParse.Leaf(4, 4), new ConstituencyParse.Leaf(5, 7),
                new ConstituencyParse.Leaf(8, 8), new ConstituencyParse.Leaf(9, 9), new ConstituencyParse.Leaf(10, 10));
    }

    @Test
    void bracketsAreWrittenTheTreebankWay() {
        assertThat(CoreNlpConstituencyParser.escape("(")).isEqualTo("-LRB-");
        assertThat(CoreNlpConstituencyParser.escape("}")).isEqualTo("-RCB-");
        assertThat(CoreNlpConstituencyParser.escape("a b")).isEqualTo("a_b");
    }
}
