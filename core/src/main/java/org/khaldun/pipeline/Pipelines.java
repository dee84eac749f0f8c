package org.khaldun.pipeline;

import org.khaldun.actor.ActorDictionary;
import org.khaldun.actor.DictionaryActorRecognizer;
import org.khaldun.attribution.RuleAttributionFinder;
import org.khaldun.codebook.TableCodebook;
import org.khaldun.event.DependencyEventCoder;
import org.khaldun.event.EventCoder;
import org.khaldun.nlp.CoreNlpEngine;
import org.khaldun.petrarch.PetrarchActorAdapter;
import org.khaldun.petrarch.PetrarchDictionaries;
import org.khaldun.petrarch.PetrarchEventCoder;
import org.khaldun.place.GazetteerPlaceRecognizer;
import org.khaldun.time.RuleTimeResolver;

import java.util.function.UnaryOperator;

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

    /**
     * A pipeline with the given options; the default one when the options are the defaults.
     *
     * @throws org.khaldun.petrarch.PetrarchFormatException for a bad line of a PETRARCH dictionary read strictly
     */
    public static Pipeline create(PipelineOptions options) {
        if (options.isDefault() && defaultPipeline != null) {
            return defaultPipeline;
        }
        return create(options, UnaryOperator.identity());
    }

    /**
     * A pipeline whose event coder is the one {@code options} select, wrapped by {@code decorate} (e.g. the
     * classifier module's guided coder, which core does not know). Never the shared default pipeline.
     */
    public static Pipeline create(PipelineOptions options, UnaryOperator<EventCoder> decorate) {
        CompilerDirectives.install();
        ActorDictionary actors = ActorDictionary.builtin();
        PetrarchDictionaries petrarch = options.petrarch().isEmpty() ? null : options.petrarch().load();
        if (petrarch != null) {
            actors = PetrarchActorAdapter.addTo(ActorDictionary.builder().addAll(actors), petrarch).build();
        }
        if (!options.actorFiles().isEmpty()) {
            actors = actors.withFiles(options.actorFiles());
        }
        EventCoder events = options.petrarch().compatibilityMode()
                ? PetrarchEventCoder.create(petrarch, TableCodebook.builtin())
                : DependencyEventCoder.withBuiltinLexicon(TableCodebook.builtin());
        return new Pipeline(CoreNlpEngine.shared(), new DictionaryActorRecognizer(actors), new RuleTimeResolver(),
                new RuleAttributionFinder(), GazetteerPlaceRecognizer.builtin(), decorate.apply(events));
    }
}
