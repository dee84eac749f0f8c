package org.khaldun.attribution;

import java.util.List;
import org.khaldun.actor.ActorIndex;
import org.khaldun.article.Article;
import org.khaldun.nlp.Sentence;

/**
 * Finds who said what in an article. Sentences may be partly parsed: implementations use dependencies where a
 * sentence has them and tokens elsewhere. Immutable and thread-safe.
 */
public interface AttributionFinder {

    /** Attributions in content order, ids from 0. */
    List<Attribution> find(Article article, List<Sentence> sentences, ActorIndex actors);

    /**
     * Cheap pre-parse test, asked by the pipeline on every sentence it would otherwise leave unparsed: whether a
     * parse would help this finder (subjects and clause boundaries of quoted speech). {@code sentence} may carry
     * tokens only or tokens with parts of speech. False by default: the finder works on tokens alone.
     */
    default boolean wantsParse(Sentence sentence) {
        return false;
    }

    default ArticleAttributions attribute(Article article, List<Sentence> sentences, ActorIndex actors) {
        return new ArticleAttributions(find(article, sentences, actors));
    }
}
