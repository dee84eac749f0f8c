package org.khaldun.petrarch;

import java.util.List;
import java.util.Objects;

/**
 * A PETRARCH agents dictionary: generic nouns ({@code PRESIDENT}, {@code BORDER_POLICE}) that add a sector code to the
 * actor they accompany. {@code [~GOV]} appends ({@code ISR} + {@code GOV} = {@code ISRGOV}); {@code [NGO~]} prepends.
 *
 * @param entries in file order
 */
public record PetrarchAgents(List<Entry> entries) {

    public PetrarchAgents {
        entries = List.copyOf(entries);
    }

    /**
     * One agent.
     *
     * @param forms   the singular first, then the plurals (generated or written in {@code {...}})
     * @param code    the code without its tilde, e.g. {@code GOV}
     * @param prefix  true for {@code [XXX~]} codes, which go in front of the actor code
     * @param source  the dictionary line
     */
    public record Entry(List<Phrase> forms, String code, boolean prefix, SourceLine source) {
        public Entry {
            forms = List.copyOf(forms);
            Objects.requireNonNull(code);
        }

        /** The code as written in the dictionary, e.g. {@code ~GOV} or {@code NGO~}. */
        public String notation() {
            return prefix ? code + "~" : "~" + code;
        }
    }
}
