package org.khaldun.time;

import java.util.List;
import org.khaldun.article.Article;
import org.khaldun.nlp.Sentence;

/**
 * Finds and normalises the time expressions of an article against its publication date. Sentences may be
 * partly parsed (only parsed ones have POS tags and dependencies). Immutable and thread-safe.
 */
public interface TimeResolver {
    ArticleTimes resolve(Article article, List<Sentence> sentences);
}
