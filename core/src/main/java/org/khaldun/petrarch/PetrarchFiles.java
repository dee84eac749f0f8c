package org.khaldun.petrarch;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The PETRARCH/TABARI dictionaries a user hands to the pipeline, where they keep them.
 *
 * <ul>
 *   <li>actors and agents alone: their entries join Khaldun's actor dictionary, and Khaldun's own coder uses them;</li>
 *   <li>with a verbs dictionary: <em>PETRARCH compatibility mode</em>, where {@link PetrarchEventCoder} codes
 *       sentences with the user's verbs, actors, agents and discards.</li>
 * </ul>
 *
 * @param actors    actors dictionaries, in order (later files do not override earlier ones: PETRARCH concatenates)
 * @param agents    the agents dictionary, or null
 * @param verbs     the verbs dictionary, or null (no compatibility mode)
 * @param discards  the discards list, or null; used only in compatibility mode
 * @param badLines  receives each line that cannot be read, which is then skipped; null stops at the first one by
 *                  throwing {@link PetrarchFormatException}
 */
public record PetrarchFiles(List<Path> actors, Path agents, Path verbs, Path discards,
        Consumer<PetrarchFormatException> badLines) {

    public static final PetrarchFiles NONE = new PetrarchFiles(List.of(), null, null, null, null);

    public PetrarchFiles {
        actors = List.copyOf(actors);
    }

    public boolean isEmpty() {
        return actors.isEmpty() && agents == null && verbs == null && discards == null;
    }

    /** Whether events are coded by the PETRARCH-compatible coder (a verbs dictionary was given). */
    public boolean compatibilityMode() {
        return verbs != null;
    }

    /** Every file named, for checking that they exist. */
    public List<Path> all() {
        List<Path> out = new ArrayList<>(actors);
        for (Path p : new Path[] {agents, verbs, discards}) {
            if (p != null) {
                out.add(p);
            }
        }
        return out;
    }

    /**
     * Reads the dictionaries; a missing part is empty.
     *
     * @throws PetrarchFormatException naming {@code file:line}, when {@link #badLines} is null
     */
    public PetrarchDictionaries load() {
        Consumer<PetrarchFormatException> bad = badLines == null ? PetrarchReader.STRICT : badLines;
        List<PetrarchActors> parts = new ArrayList<>();
        for (Path a : actors) {
            parts.add(PetrarchReader.readActors(a, bad));
        }
        return new PetrarchDictionaries(
                verbs == null ? new PetrarchVerbs(Map.of(), List.of(), List.of()) : PetrarchReader.readVerbs(verbs, bad),
                PetrarchActors.concat(parts),
                agents == null ? new PetrarchAgents(List.of()) : PetrarchReader.readAgents(agents, bad),
                discards == null ? null : PetrarchReader.readDiscards(discards, bad));
    }
}
