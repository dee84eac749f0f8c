package org.khaldun.event;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.khaldun.actor.ActorMention;
import org.khaldun.nlp.Sentence;
import org.khaldun.nlp.Token;

/**
 * What can be told about a word of an unparsed sentence from its spelling and neighbours alone: whether it belongs
 * to an actor's name or another proper name, is a month, or can only be a noun. The pre-parse filter and the
 * token-level statement rule read sentences through it. One instance per sentence; not shared.
 */
final class TokenView {

    private static final Set<String> MONTHS = Set.of("january", "february", "march", "april", "may", "june", "july",
            "august", "september", "october", "november", "december");
    /** After these a word is a noun (or adjective), never a finite verb or infinitive: "the support", "its end". */
    private static final Set<String> DETERMINERS = Set.of("the", "a", "an", "this", "these", "those", "its", "their",
            "his", "her", "our", "my", "your", "whose", "every", "each", "any", "some", "no", "such");
    /** After a preposition only a noun or an -ing form can stand: "in order to", "for support", "on trade". */
    private static final Set<String> PREPOSITIONS = Set.of("in", "on", "at", "for", "with", "of", "from", "by", "into",
            "about", "over", "under", "without", "against", "after", "before", "during", "between", "among", "amid",
            "despite", "through", "within", "via", "upon", "toward", "towards");

    private final Sentence s;
    private final boolean[] inMention;
    private final boolean headline;
    private final String[] lower;

    TokenView(Sentence s, List<ActorMention> mentions) {
        this.s = s;
        int n = s.tokens().size();
        this.inMention = new boolean[n];
        for (ActorMention m : mentions) {
            for (int i = Math.max(0, m.firstToken()); i <= m.lastToken() && i < n; i++) {
                inMention[i] = true;
            }
        }
        this.lower = new String[n];
        int words = 0;
        int capitalised = 0;
        for (int i = 0; i < n; i++) {
            String w = s.token(i).word();
            lower[i] = lowerCase(w);
            if (w.length() > 3 && Character.isLetter(w.charAt(0))) {
                words++;
                if (Character.isUpperCase(w.charAt(0))) {
                    capitalised++;
                }
            }
        }
        // "Iran Condemns US Strikes": in a headline's title case a capital says nothing about names
        this.headline = words > 0 && capitalised * 5 >= words * 3;
    }

    int size() {
        return lower.length;
    }

    Token token(int i) {
        return s.token(i);
    }

    String lower(int i) {
        return lower[i];
    }

    boolean inMention(int i) {
        return inMention[i];
    }

    /**
     * A capitalised word inside running text, right after another word or a comma, belongs to a name ("the
     * Free Democrats", "Order of Lenin"), as does a capitalised month ("March 3"); at the start of a sentence,
     * after a quotation mark or colon, or in a title-case headline, a capital says nothing.
     */
    boolean properName(int i) {
        String w = s.token(i).word();
        if (w.isEmpty() || !Character.isUpperCase(w.charAt(0))) {
            return false;
        }
        if (MONTHS.contains(lower[i])) {
            return true;
        }
        if (headline || i == 0) {
            return false;
        }
        String prev = s.token(i - 1).word();
        return prev.equals(",") || (!prev.isEmpty() && Character.isLetterOrDigit(prev.charAt(0)));
    }

    /** Right after a determiner or preposition a word is a noun (an -ing form may still be a verb after a preposition). */
    boolean nounOnly(int i) {
        if (i == 0) {
            return false;
        }
        String prev = lower[i - 1];
        return DETERMINERS.contains(prev) || (PREPOSITIONS.contains(prev) && !lower[i].endsWith("ing"));
    }

    /** Whether any of these lower-cased words stands in the sentence. */
    boolean containsAny(Set<String> words) {
        for (String w : lower) {
            if (words.contains(w)) {
                return true;
            }
        }
        return false;
    }

    static String lowerCase(String w) {
        for (int i = 0; i < w.length(); i++) {
            if (Character.isUpperCase(w.charAt(i))) {
                return w.toLowerCase(Locale.ROOT);
            }
        }
        return w;
    }
}
