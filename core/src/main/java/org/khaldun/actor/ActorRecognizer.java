package org.khaldun.actor;

import java.util.List;
import org.khaldun.article.Article;
import org.khaldun.nlp.Sentence;

/**
 * Finds and resolves the actors of an article. Works on tokens alone (sentences need not be parsed,
 * POS tags may be empty), so it can run before the costly parse and help decide what to parse.
 * Implementations are immutable and thread-safe.
 */
public interface ActorRecognizer {
    ActorIndex recognize(Article article, List<Sentence> sentences);
}
