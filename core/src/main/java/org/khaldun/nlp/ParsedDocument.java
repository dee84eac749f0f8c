package org.khaldun.nlp;

import java.util.List;
import org.khaldun.article.Article;

/** An article with its sentences, as the NLP stage leaves it for the coding stages. */
public record ParsedDocument(Article article, List<Sentence> sentences) {
    public ParsedDocument {
        sentences = List.copyOf(sentences);
    }
}
