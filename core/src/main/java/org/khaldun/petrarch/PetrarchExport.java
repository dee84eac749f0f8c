package org.khaldun.petrarch;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Flat views of PETRARCH dictionaries for Khaldun's own coders: actor names with their dated codes, agent nouns with
 * their sector codes, and verb rules (lemma, pattern, CAMEO code). Each item keeps the dictionary line it came from,
 * so an event coded with it can be traced back to the user's file. These views do not depend on Khaldun's actor or
 * event model; an adapter maps them onto it.
 */
public final class PetrarchExport {

    private PetrarchExport() {
    }

    /**
     * One name of an actor.
     *
     * @param name    the words joined by blanks, e.g. {@code "white house"} (lower case)
     * @param phrase  the dictionary phrase with its connectors
     * @param primary true for the primary name, false for a {@code +synonym}
     * @param codes   the actor's codes, possibly date-restricted; resolve with {@link DatedCode#resolve}
     * @param source  the line of the actor's primary name
     */
    public record ActorName(String name, Phrase phrase, boolean primary, List<DatedCode> codes, SourceLine source) {
    }

    /**
     * One form of an agent noun.
     *
     * @param noun   the words joined by blanks, lower case, e.g. {@code "border police"}
     * @param code   the sector code, e.g. {@code COP}
     * @param prefix true when the code goes before the actor's ({@code NGO~}), false when after ({@code ~GOV})
     */
    public record AgentNoun(String noun, Phrase phrase, String code, boolean prefix, SourceLine source) {
    }

    /**
     * One verb rule: when {@code lemma} is the verb and the pattern matches around it, the event code is {@code code}.
     *
     * @param lemma   the verb's lemma, lower case (e.g. {@code "break"}); inflected forms are in {@code forms}
     * @param forms   every surface form of the verb, lower case
     * @param before  words that must precede the verb ({@code WIRE_+TAP}: ["wire"])
     * @param after   words that must follow it ({@code +BREAK_DOWN}: ["down"])
     * @param pattern the pattern as written ({@code "* DIPLOMATIC TIES"}), or {@code "*"} for the verb on its own
     * @param upper   pattern elements before the verb
     * @param lower   pattern elements after the verb
     * @param code    the CAMEO code, e.g. {@code 064} or {@code 032:033}; {@code ---} means "no event"
     * @param source  the pattern's line, or the verb's line for {@code "*"}
     */
    public record VerbRule(String lemma, List<String> forms, List<String> before, List<String> after, String pattern,
            List<PetrarchVerbs.Element> upper, List<PetrarchVerbs.Element> lower, String code, SourceLine source) {
        public VerbRule {
            forms = List.copyOf(forms);
            before = List.copyOf(before);
            after = List.copyOf(after);
            upper = List.copyOf(upper);
            lower = List.copyOf(lower);
        }
    }

    public static List<ActorName> actorNames(PetrarchActors actors) {
        List<ActorName> out = new ArrayList<>();
        for (PetrarchActors.Entry e : actors.entries()) {
            for (int i = 0; i < e.names().size(); i++) {
                Phrase p = e.names().get(i);
                out.add(new ActorName(lower(p), p, i == 0, e.codes(), e.source()));
            }
        }
        return out;
    }

    public static List<AgentNoun> agentNouns(PetrarchAgents agents) {
        List<AgentNoun> out = new ArrayList<>();
        for (PetrarchAgents.Entry e : agents.entries()) {
            for (Phrase p : e.forms()) {
                out.add(new AgentNoun(lower(p), p, e.code(), e.prefix(), e.source()));
            }
        }
        return out;
    }

    /**
     * Every verb of every block with every pattern of its block, patterns first in dictionary order (the order in
     * which PETRARCH tries them), then the verb on its own with its own code.
     */
    public static List<VerbRule> verbRules(PetrarchVerbs verbs) {
        List<VerbRule> out = new ArrayList<>();
        for (PetrarchVerbs.Block b : verbs.blocks()) {
            for (PetrarchVerbs.Verb v : b.verbs()) {
                PetrarchVerbs.Form f = v.forms().get(0);
                String lemma = f.verb().toLowerCase(Locale.ROOT);
                List<String> forms = v.forms().stream().map(x -> x.verb().toLowerCase(Locale.ROOT)).distinct()
                        .toList();
                List<String> before = f.before().stream().map(w -> w.toLowerCase(Locale.ROOT)).toList();
                List<String> after = f.after().stream().map(w -> w.toLowerCase(Locale.ROOT)).toList();
                for (PetrarchVerbs.Pattern p : b.patterns()) {
                    out.add(new VerbRule(lemma, forms, before, after, p.text(), p.upper(), p.lower(), p.code(),
                            p.source()));
                }
                out.add(new VerbRule(lemma, forms, before, after, "*", List.of(), List.of(), v.code(), v.source()));
            }
        }
        return out;
    }

    private static String lower(Phrase p) {
        return String.join(" ", p.words()).toLowerCase(Locale.ROOT);
    }
}
