package org.khaldun.petrarch;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * The dictionaries a PETRARCH user keeps, read together: the one entry point for coding with them.
 *
 * @param verbs    the verbs dictionary (e.g. {@code CAMEO.2.0.txt})
 * @param actors   all actors dictionaries, concatenated in the order given
 * @param agents   the agents dictionary
 * @param discards the discards list (empty if none)
 */
public record PetrarchDictionaries(PetrarchVerbs verbs, PetrarchActors actors, PetrarchAgents agents,
        PetrarchDiscards discards) {

    public PetrarchDictionaries {
        Objects.requireNonNull(verbs);
        Objects.requireNonNull(actors);
        Objects.requireNonNull(agents);
        discards = discards == null ? PetrarchDiscards.none() : discards;
    }

    /**
     * Reads the dictionaries from where the user keeps them.
     *
     * @param discards may be null when the user has no discards list
     * @throws PetrarchFormatException naming {@code file:line} of the first line that cannot be read
     */
    public static PetrarchDictionaries load(Path verbs, List<Path> actors, Path agents, Path discards) {
        return load(verbs, actors, agents, discards, PetrarchReader.STRICT);
    }

    /**
     * Reads the dictionaries, handing each unreadable line to {@code badLine} and going on without it, as PETRARCH
     * does (the Phoenix dictionaries have a few malformed dates and patterns).
     */
    public static PetrarchDictionaries load(Path verbs, List<Path> actors, Path agents, Path discards,
            Consumer<PetrarchFormatException> badLine) {
        List<PetrarchActors> parts = new ArrayList<>();
        for (Path a : actors) {
            parts.add(PetrarchReader.readActors(a, badLine));
        }
        return new PetrarchDictionaries(PetrarchReader.readVerbs(verbs, badLine), PetrarchActors.concat(parts),
                PetrarchReader.readAgents(agents, badLine),
                discards == null ? null : PetrarchReader.readDiscards(discards, badLine));
    }

    public static PetrarchDictionaries load(Path verbs, Path[] actors, Path agents, Path discards) {
        return load(verbs, List.of(actors), agents, discards);
    }
}
