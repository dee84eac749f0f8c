package org.khaldun.actor;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * One phrase of an actor dictionary and what it means.
 *
 * @param phrase the phrase as written in its source ("United States", "al-Qaeda", "judiciary chief")
 * @param tokens the phrase split the way the tokenizer splits article text ("al", "-", "Qaeda")
 * @param kind   how the recognizer uses the phrase (see {@link Kind})
 * @param codes  codes with their validity periods, in source order; empty only for {@link Kind#FILLER}
 *               and {@link Kind#PLACEWORD}
 * @param casing which capitalisations of the phrase count as a match
 * @param flags  finer behaviour (see {@link Flag})
 * @param source where the entry came from, for explanations: {@code countries.actors:57}, {@code
 *               Phoenix.Countries.actors.txt:1203}, a user file path and line
 */
public record ActorEntry(String phrase, List<String> tokens, Kind kind, List<DatedCode> codes, Casing casing,
                         Set<Flag> flags, String source) {

    /** How a phrase is used. Named kinds stand alone as actors; the others combine. */
    public enum Kind {
        /** a country's name ("Iraq", "the United States"); alone an actor, before an agent a modifier */
        COUNTRY,
        /** a nationality adjective ("Iraqi"): never an actor alone, only with an agent or title */
        DEMONYM,
        /** a plural people noun ("Iraqis"): the country's civilians */
        PEOPLE,
        /** a capital city used for its government ("Tehran said"); a place after in/at/to/from */
        CAPITAL,
        /** a seat of government or institution building ("the Kremlin", "the Pentagon"); like a capital */
        SEAT,
        /** an intergovernmental organisation or multinational force */
        IGO,
        /** a non-governmental organisation */
        NGO,
        /** an armed or non-state political group */
        GROUP,
        /** a news outlet */
        MEDIA,
        /** any other named organisation (parties, companies, agencies) */
        ORG,
        /** a named person; codes are usually dated */
        PERSON,
        /** a sector word ("parliament", "forces", "officials"): code is a sector (GOV, MIL, LEG, …) */
        AGENT,
        /** a singular person noun that may precede a name ("President", "Judiciary Chief"): code is a sector */
        TITLE,
        /** a word allowed between a modifier and an agent ("senior", "acting"); no code */
        FILLER,
        /** a noun that makes a preceding capital a place ("Baghdad airport"); no code */
        PLACEWORD;

        public boolean named() {
            return this == IGO || this == NGO || this == GROUP || this == MEDIA || this == ORG;
        }

        public boolean needsCode() {
            return this != FILLER && this != PLACEWORD;
        }
    }

    /** Which capitalisations of the text match the phrase. */
    public enum Casing {
        /** any capitalisation */
        ANY,
        /**
         * per word: a word written in capitals (two letters or more: "US", "WHO") must be in capitals; a
         * capitalised word ("Turkey") must be capitalised; a lower-case word ("al", "forces") matches any
         */
        AS_WRITTEN,
        /** exactly as written */
        EXACT
    }

    public enum Flag {
        /** a name that is also a common given name or word ("Chad", "Jordan"): rejected next to an unknown capitalised word */
        AMBIGUOUS,
        /** an agent that yields its sector to the agent after it ("government forces" is MIL) */
        WEAK,
        /** an agent that is an actor only with a modifier or when capitalised as a name ("Iraqi occupation", "the Resistance") */
        NEEDS_MODIFIER
    }

    public ActorEntry {
        Objects.requireNonNull(phrase, "phrase");
        tokens = List.copyOf(tokens);
        Objects.requireNonNull(kind, "kind");
        codes = List.copyOf(codes);
        Objects.requireNonNull(casing, "casing");
        flags = flags.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(flags));
        source = source == null ? "" : source;
        if (tokens.isEmpty()) {
            throw new IllegalArgumentException("empty phrase");
        }
        if (kind.needsCode() && codes.isEmpty()) {
            throw new IllegalArgumentException(kind + " entry '" + phrase + "' has no code");
        }
    }

    /** An entry with one undated code, tokenised like article text, matched {@link Casing#AS_WRITTEN}. */
    public static ActorEntry of(Kind kind, String phrase, String code, String source) {
        return of(kind, phrase, List.of(DatedCode.always(code)), Casing.AS_WRITTEN, Set.of(), source);
    }

    public static ActorEntry of(Kind kind, String phrase, List<DatedCode> codes, Casing casing, Set<Flag> flags,
                                String source) {
        return new ActorEntry(phrase, ActorDictionary.tokenize(phrase), kind, codes, casing, flags, source);
    }

    public boolean has(Flag flag) {
        return flags.contains(flag);
    }

    /**
     * The code on a date: the period that covers it, or else the nearest period. Without a date, the
     * open-ended (current) code, or else the last listed.
     */
    public Optional<String> codeOn(LocalDate date) {
        if (codes.isEmpty()) {
            return Optional.empty();
        }
        if (date == null) {
            for (DatedCode c : codes) {
                if (c.openEnded()) {
                    return Optional.of(c.code());
                }
            }
            return Optional.of(codes.get(codes.size() - 1).code());
        }
        DatedCode best = null;
        long bestDistance = Long.MAX_VALUE;
        for (DatedCode c : codes) {
            long d = c.distanceFrom(date);
            if (d < bestDistance) {
                best = c;
                bestDistance = d;
            }
        }
        return Optional.of(best.code());
    }
}
