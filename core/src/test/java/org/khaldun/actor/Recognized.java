package org.khaldun.actor;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.khaldun.article.Article;
import org.khaldun.nlp.CoreNlpEngine;
import org.khaldun.nlp.Sentence;

/** Test helper: an article split and recognised, with look-ups by text. */
final class Recognized {

    final Article article;
    final List<Sentence> sentences;
    final ActorIndex index;

    private Recognized(Article article, List<Sentence> sentences, ActorIndex index) {
        this.article = article;
        this.sentences = sentences;
        this.index = index;
    }

    static Recognized of(ActorRecognizer recognizer, String text, LocalDate published) {
        Article article = Article.of("test", "", "", text, published, "");
        List<Sentence> sentences = CoreNlpEngine.shared().split(text);
        return new Recognized(article, sentences, recognizer.recognize(article, sentences));
    }

    static Recognized of(String text, LocalDate published) {
        return of(DictionaryActorRecognizer.builtin(), text, published);
    }

    List<ActorMention> all() {
        List<ActorMention> out = new ArrayList<>();
        for (Sentence s : sentences) {
            out.addAll(index.mentions(s.index()));
        }
        return out;
    }

    List<ActorMention> in(int sentence) {
        return index.mentions(sentence);
    }

    /** The mentions whose text is exactly {@code text}, in article order. */
    List<ActorMention> withText(String text) {
        return all().stream().filter(m -> m.actor().text().equals(text)).collect(Collectors.toList());
    }

    ActorMention first(String text) {
        List<ActorMention> found = withText(text);
        if (found.isEmpty()) {
            throw new AssertionError("no mention '" + text + "' among " + describe());
        }
        return found.get(0);
    }

    String headWord(ActorMention m) {
        return sentences.get(m.sentenceIndex()).token(m.head()).word();
    }

    String describe() {
        return all().stream().map(m -> m.actor().text() + "=" + m.actor().code())
                .collect(Collectors.joining(", ", "[", "]"));
    }

    List<String> codes() {
        return all().stream().map(m -> m.actor().code()).collect(Collectors.toList());
    }
}
