package org.khaldun.event;

import java.util.List;

/**
 * The behaviour flags of a lexicon entry or rule (see {@code docs/event-lexicon.md}).
 *
 * @param speech      a communication cue: its {@code ccomp}/{@code parataxis}/quoted content is coded as
 *                    reported events and its subject is the speaker
 * @param host        a hosting verb: the hosted party (object) also gets a mirror "make a visit" (042) event
 * @param family      a code family (appeal, demand, intent, reject, threaten, accuse) whose sub-code comes from
 *                    the topic of the complement ("call for the withdrawal" → appeal/WITHDRAW → 0256), or null
 * @param stanceCode  when the word stands inside reported speech or a stated intention, the speaker (or holder)
 *                    takes this code toward {@code stanceRole}'s actors instead of the word's own event
 * @param stanceRole  {@code subj} or {@code obj}
 * @param ofAgent     for nouns: {@code nmod:of} is the doer ("withdrawal of US forces"), not the patient
 * @param sources     extra relations whose actors are sources
 * @param targets     extra relations whose actors are targets
 * @param plural      for nouns: counts only in the plural ("talks", not "talk")
 * @param forms       irregular surface forms, added to the regular inflections
 * @param noMirror    a rule that switches a host entry's mirror off
 * @param mutual      a reciprocal act ("meet", "agree", "sign an agreement", "clash"): when conjoined parties do it
 *                    with no one else named, each party is the others' recipient
 * @param objectIsTheme the object is what the source moves or sends ("withdrew its peacekeepers", "deployed
 *                    troops"), never a target: the target comes from the entry's target relations only
 */
public record EntryOptions(boolean speech, boolean host, String family, String stanceCode, String stanceRole,
                           boolean ofAgent, List<String> sources, List<String> targets, boolean plural,
                           List<String> forms, boolean noMirror, boolean mutual, boolean objectIsTheme) {

    public static final EntryOptions NONE = new EntryOptions(false, false, null, null, null, false, List.of(),
            List.of(), false, List.of(), false, false, false);

    public EntryOptions {
        sources = List.copyOf(sources);
        targets = List.copyOf(targets);
        forms = List.copyOf(forms);
    }

    /** These options with a rule's options laid over them: flags a rule sets win, lists add up. */
    EntryOptions with(EntryOptions rule) {
        if (rule == null || rule.equals(NONE)) {
            return this;
        }
        return new EntryOptions(speech || rule.speech, (host || rule.host) && !rule.noMirror,
                rule.family != null ? rule.family : family,
                rule.stanceCode != null ? rule.stanceCode : stanceCode,
                rule.stanceRole != null ? rule.stanceRole : stanceRole,
                ofAgent || rule.ofAgent, concat(sources, rule.sources), concat(targets, rule.targets),
                plural || rule.plural, forms, rule.noMirror, mutual || rule.mutual, objectIsTheme || rule.objectIsTheme);
    }

    private static List<String> concat(List<String> a, List<String> b) {
        if (b.isEmpty()) {
            return a;
        }
        if (a.isEmpty()) {
            return b;
        }
        java.util.ArrayList<String> out = new java.util.ArrayList<>(a);
        out.addAll(b);
        return out;
    }
}
