package org.khaldun.time;

import java.time.LocalDate;
import java.util.List;
import org.khaldun.article.Article;
import org.khaldun.nlp.CoreNlpEngine;
import org.khaldun.nlp.NlpEngine;
import org.khaldun.nlp.Sentence;
import org.khaldun.nlp.Token;

/** A text parsed by CoreNLP and resolved by {@link RuleTimeResolver}, with look-ups by word for tests. */
record Resolved(List<Sentence> sentences, ArticleTimes times) {

    private static final NlpEngine NLP = CoreNlpEngine.shared();
    private static final TimeResolver RESOLVER = new RuleTimeResolver();

    static Resolved of(String text, LocalDate published) {
        List<Sentence> sentences = NLP.parse(NLP.split(text));
        return new Resolved(sentences, RESOLVER.resolve(Article.of("t", "", "", text, published, ""), sentences));
    }

    /** The date of the event whose trigger is the first token spelled {@code trigger}. */
    EventDate dateOf(String trigger) {
        Token t = token(trigger);
        return times.dateOf(sentenceOf(t), t.index());
    }

    boolean isFuture(String trigger) {
        Token t = token(trigger);
        return times.isFuture(sentenceOf(t), t.index());
    }

    TimeExpression expression(String text) {
        return times.expressions().stream().filter(e -> e.text().equals(text)).findFirst()
                .orElseThrow(() -> new AssertionError("no expression '" + text + "' in " + times.expressions()));
    }

    /** The index of the sentence that begins with {@code opening}. */
    int sentenceStarting(String opening) {
        for (Sentence s : sentences) {
            if (s.text().startsWith(opening)) {
                return s.index();
            }
        }
        throw new AssertionError("no sentence starts with " + opening);
    }

    /** The date of token {@code word} within the sentence that begins with {@code opening}. */
    EventDate dateOf(String opening, String word) {
        Sentence s = sentences.get(sentenceStarting(opening));
        for (Token t : s.tokens()) {
            if (t.word().equals(word)) {
                return times.dateOf(s.index(), t.index());
            }
        }
        throw new AssertionError(word + " not in " + s.text());
    }

    private Token token(String word) {
        for (Sentence s : sentences) {
            for (Token t : s.tokens()) {
                if (t.word().equals(word)) {
                    return t;
                }
            }
        }
        throw new AssertionError(word + " not found");
    }

    private int sentenceOf(Token t) {
        for (Sentence s : sentences) {
            if (s.tokens().contains(t)) {
                return s.index();
            }
        }
        throw new AssertionError();
    }
}
