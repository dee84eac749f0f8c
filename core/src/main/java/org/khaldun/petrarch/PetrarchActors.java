package org.khaldun.petrarch;

import java.util.List;

/**
 * A PETRARCH/TABARI actors dictionary: each entry is a primary name with its {@code +synonyms} and its codes, possibly
 * restricted to dates.
 *
 * @param entries in file order (files in the order they were given)
 */
public record PetrarchActors(List<Entry> entries) {

    public PetrarchActors {
        entries = List.copyOf(entries);
    }

    /**
     * One actor.
     *
     * @param names  the primary name first, then its synonyms
     * @param codes  codes in dictionary order; see {@link DatedCode#resolve}
     * @param source line of the primary name
     */
    public record Entry(List<Phrase> names, List<DatedCode> codes, SourceLine source) {
        public Entry {
            names = List.copyOf(names);
            codes = List.copyOf(codes);
        }

        public Phrase primaryName() {
            return names.get(0);
        }
    }

    /** All entries of several dictionaries, in order. */
    public static PetrarchActors concat(List<PetrarchActors> parts) {
        return new PetrarchActors(parts.stream().flatMap(p -> p.entries().stream()).toList());
    }
}
