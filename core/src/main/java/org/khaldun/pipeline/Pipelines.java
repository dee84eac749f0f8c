package org.khaldun.pipeline;

import org.khaldun.actor.ActorDictionary;
import org.khaldun.actor.DictionaryActorRecognizer;
import java.util.function.UnaryOperator;
import org.khaldun.codebook.TableCodebook;
import org.khaldun.event.DependencyEventCoder;
import org.khaldun.event.EventCoder;
import org.khaldun.nlp.CoreNlpEngine;
import org.khaldun.time.RuleTimeResolver;

/** Assembles Khaldun's pipeline from its built-in stages. The stage list itself is in {@link Pipeline}. */
public final class Pipelines {

    private static volatile Pipeline defaultPipeline;

    private Pipelines() {
    }

    /** The default pipeline, built once per JVM (models load on first use) and shared by all threads. */
    public static Pipeline defaultPipeline() {
        Pipeline p = defaultPipeline;
        if (p == null) {
            synchronized (Pipelines.class) {
                p = defaultPipeline;
                if (p == null) {
                    p = create(PipelineOptions.DEFAULTS);
                    defaultPipeline = p;
                }
            }
        }
        return p;
    }

    /** A pipeline with the given options; the default one when the options are the defaults. */
    public static Pipeline create(PipelineOptions options) {
        if (options.isDefault() && defaultPipeline != null) {
            return defaultPipeline;
        }
        ActorDictionary actors = ActorDictionary.builtin();
        if (!options.actorFiles().isEmpty()) {
            actors = actors.withFiles(options.actorFiles());
        }
        return new Pipeline(CoreNlpEngine.shared(), new DictionaryActorRecognizer(actors), new RuleTimeResolver(),
                DependencyEventCoder.withBuiltinLexicon(TableCodebook.builtin()));
    }

    /**
     * A pipeline whose event coder is the built-in one wrapped by {@code decorate} (e.g. the classifier module's
     * guided coder, which core does not know).
     */
    public static Pipeline create(PipelineOptions options, UnaryOperator<EventCoder> decorate) {
        ActorDictionary actors = ActorDictionary.builtin();
        if (!options.actorFiles().isEmpty()) {
            actors = actors.withFiles(options.actorFiles());
        }
        return new Pipeline(CoreNlpEngine.shared(), new DictionaryActorRecognizer(actors), new RuleTimeResolver(),
                decorate.apply(DependencyEventCoder.withBuiltinLexicon(TableCodebook.builtin())));
    }
}
