package org.khaldun.petrarch;

import java.util.List;

/**
 * A PETRARCH issues list: phrases that tag an event with an issue code (e.g. {@code n:school [SCHOOLS]}). The
 * {@code n:} (noun plural), {@code v:} (verb forms) and {@code +} (blank or hyphen) expansions are applied when
 * reading, so {@link Entry#forms()} holds every literal form.
 *
 * @param entries in file order
 */
public record PetrarchIssues(List<Entry> entries) {

    public PetrarchIssues {
        entries = List.copyOf(entries);
    }

    /**
     * One issue phrase.
     *
     * @param forms    every literal upper-case form to look for
     * @param code     the issue code, or empty for an ignore phrase
     * @param category the enclosing {@code <ISSUE CATEGORY="...">}, or empty
     * @param ignore   0 for a coding phrase, 1 for {@code ~} (sentence ignore), 2 for {@code ~~} (story ignore)
     * @param source   the dictionary line
     */
    public record Entry(List<String> forms, String code, String category, int ignore, SourceLine source) {
        public Entry {
            forms = List.copyOf(forms);
        }
    }
}
