package org.khaldun.classifier;

import java.util.EnumMap;
import java.util.Map;
import org.khaldun.codebook.TableCodebook;
import org.khaldun.pipeline.Pipeline;
import org.khaldun.pipeline.PipelineOptions;
import org.khaldun.pipeline.Pipelines;

/**
 * Khaldun's pipeline with a choice of event coder ({@code --coder pattern|classifier|combined}). The pattern choice
 * is exactly core's {@link Pipelines#create}; the others wrap its event coder in a {@link ClassifierGuidedCoder}.
 */
public final class ClassifierPipelines {

    private static final Map<CoderChoice, Pipeline> DEFAULTS = new EnumMap<>(CoderChoice.class);

    private ClassifierPipelines() {
    }

    /** The default pipeline ({@link CoderChoice#DEFAULT}), built once per JVM and shared by all threads. */
    public static Pipeline defaultPipeline() {
        return create(PipelineOptions.DEFAULTS, CoderChoice.DEFAULT);
    }

    public static Pipeline create(PipelineOptions options, CoderChoice choice) {
        if (options.isDefault()) {
            synchronized (DEFAULTS) {
                return DEFAULTS.computeIfAbsent(choice, c -> build(options, c));
            }
        }
        return build(options, choice);
    }

    /** The same with another combination rule (e.g. {@link CombinationRule#readingFirst}); not cached. */
    public static Pipeline create(PipelineOptions options, CoderChoice choice, CombinationRule rule) {
        return rule.equals(CombinationRule.DEFAULT) ? create(options, choice) : build(options, choice, rule);
    }

    private static Pipeline build(PipelineOptions options, CoderChoice choice) {
        return build(options, choice, CombinationRule.DEFAULT);
    }

    private static Pipeline build(PipelineOptions options, CoderChoice choice, CombinationRule rule) {
        if (choice == CoderChoice.PATTERN) {
            return options.isDefault() ? Pipelines.defaultPipeline() : Pipelines.create(options);
        }
        PloverClassifier classifier = PloverClassifier.builtin();
        return Pipelines.create(options, pattern -> new ClassifierGuidedCoder(pattern, classifier,
                TableCodebook.builtin(), choice, rule));
    }
}
