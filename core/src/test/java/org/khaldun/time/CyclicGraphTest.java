package org.khaldun.time;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.khaldun.nlp.Dependency;
import org.khaldun.nlp.Sentence;
import org.khaldun.nlp.Token;

/** Enhanced dependency graphs can hold cycles; dating an event over one must end. */
class CyclicGraphTest {

    @Test
    void aCycleInsideAQuotationDoesNotHangTheDating() {
        String[][] words = {{"\"", "\"", "``"}, {"We", "we", "PRP"}, {"talk", "talk", "VBP"}, {"\"", "\"", "''"},
                {"he", "he", "PRP"}, {"said", "say", "VBD"}, {".", ".", "."}};
        List<Token> tokens = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < words.length; i++) {
            if (i > 0) {
                text.append(' ');
            }
            tokens.add(new Token(i, words[i][0], words[i][1], words[i][2], text.length(), text.length() + words[i][0].length()));
            text.append(words[i][0]);
        }
        // "talk" and "We" govern each other, and "said" hangs from inside the quotation
        List<Dependency> deps = List.of(new Dependency(2, 1, "nsubj"), new Dependency(1, 2, "acl:relcl"),
                new Dependency(2, 5, "parataxis"), new Dependency(5, 4, "nsubj"), new Dependency(5, 6, "punct"));
        Sentence s = new Sentence(0, 0, text.length(), text.toString(), tokens, deps, true);
        RuleArticleTimes times = new RuleArticleTimes(List.of(s), List.of(), LocalDate.of(2024, 2, 8));

        EventDate d = assertTimeoutPreemptively(Duration.ofSeconds(20), () -> times.dateOf(0, 5));

        assertThat(d.fromPublication()).isTrue();
    }
}
