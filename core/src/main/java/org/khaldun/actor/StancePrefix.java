package org.khaldun.actor;

import java.util.Locale;
import java.util.Set;

/**
 * "anti-Israel legislation", "pro-Iran militias", anti-"Israel": a name after a stance prefix is what something is
 * for or against. Such a name is neither the actor of the phrase nor a place where anything happens; the actor and
 * place recognisers both ask here.
 */
public final class StancePrefix {

    private static final Set<String> PREFIXES = Set.of("anti", "pro");
    /** What may stand between the prefix and the name: quotation marks and a detached hyphen. */
    private static final Set<String> GLUE = Set.of("\"", "“", "‘", "'", "`", "``", "-");

    private StancePrefix() {
    }

    /** Whether the words before {@code start} end in a stance prefix ("anti-", "pro -", "anti-\""). */
    public static boolean before(String[] words, int start) {
        int b = start - 1;
        while (b >= 0 && GLUE.contains(words[b])) {
            b--;
        }
        if (b < 0) {
            return false;
        }
        String prefix = words[b].toLowerCase(Locale.ROOT);
        if (prefix.endsWith("-")) {
            prefix = prefix.substring(0, prefix.length() - 1);
        }
        return PREFIXES.contains(prefix);
    }
}
