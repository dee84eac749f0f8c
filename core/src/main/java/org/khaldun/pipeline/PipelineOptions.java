package org.khaldun.pipeline;

import java.nio.file.Path;
import java.util.List;

/**
 * How to assemble a pipeline beyond the defaults.
 *
 * @param actorFiles extra actor dictionaries in Khaldun's format; their entries win over the built-in ones
 */
public record PipelineOptions(List<Path> actorFiles) {

    public static final PipelineOptions DEFAULTS = new PipelineOptions(List.of());

    public PipelineOptions {
        actorFiles = List.copyOf(actorFiles);
    }

    public boolean isDefault() {
        return actorFiles.isEmpty();
    }
}
