package org.khaldun.place;

import java.util.List;
import org.khaldun.actor.ActorIndex;
import org.khaldun.article.Article;
import org.khaldun.nlp.Sentence;

/**
 * Finds and geocodes the places of an article. Works on tokens alone; where sentences are parsed, their
 * tags and dependencies sharpen recognition and let {@link ArticlePlaces#locationOf} follow the graph.
 * Implementations are immutable and thread-safe.
 */
public interface PlaceRecognizer {

    /**
     * @param sentences the article's sentences, parsed or not (indices as in the pipeline)
     * @param actors    the article's actors: a capital or country that is an actor ("Washington said") is
     *                  no place
     */
    ArticlePlaces recognize(Article article, List<Sentence> sentences, ActorIndex actors);
}
