package org.khaldun.pipeline;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import org.khaldun.petrarch.PetrarchFiles;

/**
 * How to assemble a pipeline beyond the defaults.
 *
 * @param actorFiles extra actor dictionaries in Khaldun's format; their entries win over the built-in ones
 * @param petrarch   the user's PETRARCH/TABARI dictionaries: actors and agents join the actor dictionary; a verbs
 *                   dictionary switches event coding to PETRARCH compatibility mode
 */
public record PipelineOptions(List<Path> actorFiles, PetrarchFiles petrarch) {

    public static final PipelineOptions DEFAULTS = new PipelineOptions(List.of());

    public PipelineOptions {
        actorFiles = List.copyOf(actorFiles);
        Objects.requireNonNull(petrarch);
    }

    public PipelineOptions(List<Path> actorFiles) {
        this(actorFiles, PetrarchFiles.NONE);
    }

    public boolean isDefault() {
        return actorFiles.isEmpty() && petrarch.isEmpty();
    }
}
