package org.khaldun.event;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.khaldun.actor.Actor;
import org.khaldun.place.Place;
import org.khaldun.time.EventDate;

/**
 * One coded event: who did what to whom, in which sentence, and which rule said so.
 *
 * @param id          stable across runs: a hash of article id, sentence, trigger offsets and code
 * @param articleId   the article it came from
 * @param date        when the event happened, with the words it came from and its precision
 * @param actor       who acted (several for compound actors: "Iraq and Iran")
 * @param recipient   whom it was done to; may be empty
 * @param eventType   PLOVER event type (CONSULT, ASSAULT, …)
 * @param mode        PLOVER mode, or empty
 * @param context     PLOVER contexts, possibly empty
 * @param cameo       CAMEO code, Goldstein value, quad class
 * @param textInfo    sentence and trigger
 * @param modality    negated / hypothetical / future flags
 * @param explanation the rule or dictionary entry that fired, readable by an analyst
 * @param codebook    version of the dictionaries and tables used
 * @param source      who claims it: the quote or reported speech it stands in, or the article itself
 * @param location    where it happened: the place linked to its trigger, when the text says
 */
public record Event(String id, String articleId, EventDate date, List<Actor> actor, List<Actor> recipient,
                    String eventType, String mode, List<String> context, Cameo cameo, TextInfo textInfo,
                    Modality modality, String explanation, String codebook, EventSource source,
                    Optional<Place> location) {
    public Event {
        Objects.requireNonNull(id);
        Objects.requireNonNull(articleId);
        Objects.requireNonNull(date);
        actor = List.copyOf(actor);
        recipient = List.copyOf(recipient);
        mode = mode == null ? "" : mode;
        context = List.copyOf(context);
        Objects.requireNonNull(cameo);
        Objects.requireNonNull(textInfo);
        modality = modality == null ? Modality.FACT : modality;
        source = source == null ? EventSource.ARTICLE : source;
        location = location == null ? Optional.empty() : location;
    }

    /** An event told in the article's own voice; the attribution stage may later name its source. */
    public Event(String id, String articleId, EventDate date, List<Actor> actor, List<Actor> recipient,
                 String eventType, String mode, List<String> context, Cameo cameo, TextInfo textInfo,
                 Modality modality, String explanation, String codebook) {
        this(id, articleId, date, actor, recipient, eventType, mode, context, cameo, textInfo, modality, explanation,
                codebook, EventSource.ARTICLE, Optional.empty());
    }

    public Event withSource(EventSource newSource) {
        return new Event(id, articleId, date, actor, recipient, eventType, mode, context, cameo, textInfo, modality,
                explanation, codebook, newSource, location);
    }

    public Event withLocation(Optional<Place> where) {
        return new Event(id, articleId, date, actor, recipient, eventType, mode, context, cameo, textInfo, modality,
                explanation, codebook, source, where);
    }
}
