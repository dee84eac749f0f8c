package org.khaldun.app.eval;

import java.util.List;
import java.util.function.Function;
import org.khaldun.article.Article;
import org.khaldun.event.Event;
import org.khaldun.pipeline.Pipeline;
import org.khaldun.pipeline.Pipelines;

/** The coder the registered evaluations score: Khaldun's default pipeline, assembled on first use. */
final class DefaultCoder {

    private DefaultCoder() {
    }

    static Function<Article, List<Event>> get() {
        Pipeline pipeline = Pipelines.defaultPipeline();
        return article -> pipeline.code(article).events();
    }
}
