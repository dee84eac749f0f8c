package org.khaldun.event;

import java.util.List;
import java.util.Objects;
import org.khaldun.actor.Actor;
import org.khaldun.time.EventDate;

/**
 * Who did what to whom around one chosen word of a parsed sentence, by the pattern coder's own dependency rules,
 * whether or not the lexicon made that word fire: what {@link DependencyEventCoder#roles} returns, so that a coder
 * which decides an event's type some other way (the classifier module) takes the event's actors from the same rules
 * as the pattern coder. A value: nothing is emitted and the pattern coder's output does not change.
 *
 * @param token       the word, as a token index of the sentence
 * @param code        the CAMEO code the lexicon gives the word here (its stance code when the word is read as a
 *                    speaker's stance, a refusal code for "will not lift"), or "" when the word is not in the
 *                    lexicon or its rules give no code
 * @param actor       sources: subject, agent, possessor, the support verb's subject…, each compound part in text
 *                    order; for a stance, the speaker or the holder of the intention
 * @param recipient   targets: object, case-marked oblique, passive subject, the doer of a requested topic…; for a
 *                    statement, whom it was addressed to
 * @param saidBy      the speaker, when the word stands in reported speech and is coded as the content's own event
 *                    (empty otherwise: then, or for a stance, the actors above are the whole story)
 * @param modality    negation, hypothesis and future as the pattern coder reads them for the word, date included
 * @param date        the event date the time resolver gives the word (the publication date when none)
 * @param explanation the relations the actors came through, in the pattern coder's notation
 *                    ({@code source=nsubj(Ukraine→UKR) target=obj(Russia→RUS)})
 */
public record TriggerRoles(int token, String code, List<Actor> actor, List<Actor> recipient, List<Actor> saidBy,
                           Modality modality, EventDate date, String explanation) {

    public TriggerRoles {
        Objects.requireNonNull(code);
        actor = List.copyOf(actor);
        recipient = List.copyOf(recipient);
        saidBy = List.copyOf(saidBy);
        Objects.requireNonNull(modality);
        Objects.requireNonNull(date);
        Objects.requireNonNull(explanation);
    }
}
