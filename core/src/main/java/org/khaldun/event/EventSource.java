package org.khaldun.event;

import java.util.Objects;
import java.util.Optional;
import org.khaldun.actor.Actor;
import org.khaldun.attribution.Attribution;

/**
 * Who claims an event happened: the attribution (quote or reported speech) the event's trigger stands inside,
 * or the article itself when it is told in the reporter's own voice. Lets an analyst keep only what officials
 * said, or drop what rests on anonymous sources alone.
 *
 * @param kind          {@code article}, {@code named}, {@code anonymous}, {@code media} or {@code document}
 * @param speaker       the speaker when the text names one; with a code when it is a known actor
 * @param cue           the reporting words ("declared", "according to"), empty for the article itself
 * @param channel       the medium ("CNN", "a statement"), or empty
 * @param anonymous     the speaker is not identified
 * @param attributionId the attribution's id within the article, or -1 for the article itself
 * @param speakerName   the person who spoke, by the full name the article gives, also when the speaker's words are
 *                      "He", a bare surname or a title ("Iran's Judiciary Chief"); empty when no person is named
 *                      (anonymous sources, institutions, media, the article)
 */
public record EventSource(String kind, Optional<Actor> speaker, String cue, String channel, boolean anonymous,
                          int attributionId, String speakerName) {

    public static final EventSource ARTICLE = new EventSource("article", Optional.empty(), "", "", false, -1, "");

    public EventSource {
        Objects.requireNonNull(kind);
        speaker = speaker == null ? Optional.empty() : speaker;
        cue = cue == null ? "" : cue;
        channel = channel == null ? "" : channel;
        speakerName = speakerName == null ? "" : speakerName;
    }

    /** A source whose speaker has no resolved person name. */
    public EventSource(String kind, Optional<Actor> speaker, String cue, String channel, boolean anonymous,
                       int attributionId) {
        this(kind, speaker, cue, channel, anonymous, attributionId, "");
    }

    public static EventSource of(Attribution a) {
        return new EventSource(a.kind().name().toLowerCase(java.util.Locale.ROOT), a.speaker(), a.cue(), a.channel(),
                a.anonymous(), a.id(), a.anonymous() ? "" : a.speakerName());
    }

    public boolean isArticle() {
        return attributionId < 0;
    }
}
