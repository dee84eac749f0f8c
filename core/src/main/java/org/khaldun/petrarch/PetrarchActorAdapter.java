package org.khaldun.petrarch;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.khaldun.actor.ActorDictionary;
import org.khaldun.actor.ActorEntry;

/**
 * Turns a user's PETRARCH actors and agents into entries of Khaldun's {@link ActorDictionary}, so the main coder can
 * use the dictionaries an analyst already maintains: {@code ActorDictionary.builtin()} plus these entries, which win
 * over built-in entries with the same phrase.
 *
 * <p>PETRARCH phrases are upper case and carry no kind, so two guesses are made and documented in
 * {@code docs/petrarch.md}: the written form (words of four or more letters capitalised, shorter or dotted words
 * kept in capitals as acronyms, particles in lower case) and the kind (from the code: IGO.., NGO.., rebel and militant codes,
 * a bare country code, dated codes for a person, else an organisation).
 */
public final class PetrarchActorAdapter {

    private static final Set<String> PARTICLES = Set.of("of", "the", "and", "al", "el", "de", "la", "du", "bin",
            "ibn", "for", "in", "on", "le", "van", "von", "der", "da");

    private PetrarchActorAdapter() {
    }

    /** Adds every actor and agent of {@code d} to {@code builder}. */
    public static ActorDictionary.Builder addTo(ActorDictionary.Builder builder, PetrarchDictionaries d) {
        builder.addAll(actorEntries(d.actors()));
        builder.addAll(agentEntries(d.agents()));
        return builder;
    }

    public static List<ActorEntry> actorEntries(PetrarchActors actors) {
        List<ActorEntry> out = new ArrayList<>();
        for (PetrarchActors.Entry e : actors.entries()) {
            List<org.khaldun.actor.DatedCode> codes = new ArrayList<>();
            boolean dated = false;
            for (DatedCode c : e.codes()) {
                if (PetrarchCoder.nullCode(c.code())) {
                    continue;
                }
                for (String part : c.code().split("/")) {
                    // PETRARCH's spans include their last day; Khaldun's end the day before "to"
                    LocalDate to = c.notAfter() == null ? null : c.notAfter().plusDays(1);
                    codes.add(new org.khaldun.actor.DatedCode(part.toUpperCase(Locale.ROOT), c.notBefore(), to));
                }
                dated |= !c.unrestricted();
            }
            if (codes.isEmpty()) {
                continue; // a null-coded name only blocks coding in PETRARCH; Khaldun simply does not know it
            }
            ActorEntry.Kind kind = kind(codes.get(codes.size() - 1).code(), dated);
            for (Phrase name : e.names()) {
                out.add(ActorEntry.of(kind, written(name), codes, ActorEntry.Casing.AS_WRITTEN, Set.of(),
                        e.source().toString()));
            }
        }
        return out;
    }

    public static List<ActorEntry> agentEntries(PetrarchAgents agents) {
        List<ActorEntry> out = new ArrayList<>();
        for (PetrarchAgents.Entry e : agents.entries()) {
            for (Phrase form : e.forms()) {
                String phrase = String.join(" ", form.words()).toLowerCase(Locale.ROOT);
                out.add(ActorEntry.of(ActorEntry.Kind.AGENT, phrase,
                        List.of(org.khaldun.actor.DatedCode.always(e.code())), ActorEntry.Casing.AS_WRITTEN,
                        Set.of(), e.source().toString()));
            }
        }
        return out;
    }

    static ActorEntry.Kind kind(String code, boolean dated) {
        if (code.startsWith("IGO")) {
            return ActorEntry.Kind.IGO;
        }
        if (code.startsWith("NGO") || code.startsWith("NGM")) {
            return ActorEntry.Kind.NGO;
        }
        if (code.startsWith("IMG") || code.contains("REB") || code.contains("INS")) {
            return ActorEntry.Kind.GROUP;
        }
        if (dated) {
            return ActorEntry.Kind.PERSON;
        }
        if (code.length() == 3) {
            return ActorEntry.Kind.COUNTRY;
        }
        if (code.endsWith("MED")) {
            return ActorEntry.Kind.MEDIA;
        }
        return ActorEntry.Kind.ORG;
    }

    /** "UNITED_STATES" becomes "United States", "IMF" stays, "AL-QAEDA" becomes "al-Qaeda". */
    static String written(Phrase p) {
        List<String> words = new ArrayList<>();
        for (String w : p.words()) {
            StringBuilder b = new StringBuilder();
            for (String part : w.split("(?<=-)|(?=-)")) {
                String lower = part.toLowerCase(Locale.ROOT);
                if (PARTICLES.contains(lower)) {
                    b.append(lower);
                } else if (part.chars().filter(Character::isLetter).count() <= 3 || part.contains(".")) {
                    b.append(part);
                } else {
                    b.append(part.charAt(0)).append(lower.substring(1));
                }
            }
            words.add(b.toString());
        }
        return String.join(" ", words);
    }
}
