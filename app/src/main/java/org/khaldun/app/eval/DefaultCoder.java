package org.khaldun.app.eval;

import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import org.khaldun.article.Article;
import org.khaldun.event.Event;
import org.khaldun.pipeline.Pipeline;
import org.khaldun.classifier.ClassifierPipelines;
import org.khaldun.classifier.CoderChoice;
import org.khaldun.pipeline.PipelineOptions;

/**
 * The coder the registered evaluations score: Khaldun's default pipeline, assembled on first use. The system property
 * {@code khaldun.eval.coder} = {@code pattern}, {@code classifier} or {@code combined} scores another event coder.
 */
final class DefaultCoder {

    private DefaultCoder() {
    }

    static Function<Article, List<Event>> get() {
        String c = System.getProperty("khaldun.eval.coder", "");
        CoderChoice choice = c.isBlank() ? CoderChoice.DEFAULT : CoderChoice.valueOf(c.strip().toUpperCase(Locale.ROOT));
        Pipeline pipeline = ClassifierPipelines.create(PipelineOptions.DEFAULTS, choice);
        return article -> pipeline.code(article).events();
    }
}
