package org.khaldun.attribution;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.khaldun.actor.Actor;

/**
 * Who said what: one attribution relation of an article (a quote or a piece of reported speech).
 *
 * @param id        position in the article's list, from 0 (attributions are ordered by their content)
 * @param cue       the reporting words as written: "declared", "said", "according to", "told", "statement";
 *                  empty for a quote that continues an earlier speaker's quote with no cue of its own
 * @param cueSpan   where the cue stands (empty span at the content start when {@code cue} is empty)
 * @param speaker   who spoke. When the speaker is an actor the actor index knows (through pronouns and short
 *                  names too) it is that actor with its code; otherwise the speaker's words with an empty code.
 *                  Empty when the text names no speaker ("it is reported that ...").
 * @param content   what was said: one span, or several for a quote interrupted by its cue
 *                  ("'We will win,' he said, 'and soon.'"). Follows the PARC/PolNeAR convention: a quotation keeps
 *                  its quotation marks; reported speech starts at its complementizer ("that ...")
 * @param kind      NAMED, ANONYMOUS, MEDIA or DOCUMENT (see {@link SourceKind})
 * @param channel   the medium the speaker spoke through when the text says so: "CNN" in "a US official told CNN",
 *                  "a statement" in "the army said in a statement", "Twitter"; else empty
 * @param form      DIRECT, INDIRECT or MIXED
 * @param anonymous true when the speaker is not identified: every ANONYMOUS attribution, and any other whose
 *                  sentence grants anonymity ("spoke on condition of anonymity")
 * @param sentence  index of the sentence holding the cue
 * @param rule      which rule found it, for analysts: e.g. {@code verb:that}, {@code verb:postposed},
 *                  {@code according-to}, {@code noun:that}, {@code quote:continuation}
 * @param speakerName the person the speaker is, by the full name the article gives: "Kevin Sullivan" for "He" or
 *                  "Sullivan", "Mohsen Al-Mandalawi" for "the Acting Speaker of the Iraqi Parliament, Mohsen
 *                  Al-Mandalawi", "Gholamhossein Mohseni Ejei" for "Iran's Judiciary Chief" after "Iranian Judiciary
 *                  Chief Gholamhossein Mohseni Ejei" (also for people no actor dictionary knows); empty when no person
 *                  is found (anonymous sources, institutions, media)
 */
public record Attribution(int id, String cue, Span cueSpan, Optional<Actor> speaker, List<Span> content,
                          SourceKind kind, String channel, QuoteForm form, boolean anonymous, int sentence,
                          String rule, String speakerName) {

    /** An attribution whose speaker needs no name resolution. */
    public Attribution(int id, String cue, Span cueSpan, Optional<Actor> speaker, List<Span> content, SourceKind kind,
                       String channel, QuoteForm form, boolean anonymous, int sentence, String rule) {
        this(id, cue, cueSpan, speaker, content, kind, channel, form, anonymous, sentence, rule, "");
    }

    public Attribution {
        Objects.requireNonNull(cue);
        Objects.requireNonNull(cueSpan);
        speaker = speaker == null ? Optional.empty() : speaker;
        content = List.copyOf(content);
        if (content.isEmpty()) {
            throw new IllegalArgumentException("an attribution needs content");
        }
        Objects.requireNonNull(kind);
        channel = channel == null ? "" : channel;
        Objects.requireNonNull(form);
        Objects.requireNonNull(rule);
        speakerName = speakerName == null ? "" : speakerName;
    }

    /** First character of the content. */
    public int contentStart() {
        return content.get(0).start();
    }

    /** End of the last content span. */
    public int contentEnd() {
        return content.get(content.size() - 1).end();
    }

    /** True when one of the content spans holds the character. */
    public boolean contentContains(int offset) {
        for (Span s : content) {
            if (s.contains(offset)) {
                return true;
            }
        }
        return false;
    }

    /** Characters of content, for choosing the innermost of nested attributions. */
    public int contentLength() {
        int n = 0;
        for (Span s : content) {
            n += s.length();
        }
        return n;
    }

    /** The speaker's code, or empty when the speaker is not a known actor (or there is none). */
    public String speakerCode() {
        return speaker.map(Actor::code).orElse("");
    }

    /** Who spoke, by name where the article gives one: the resolved name, else the speaker's words, or empty. */
    public String speakerDisplayName() {
        return speakerName.isEmpty() ? speakerText() : speakerName;
    }

    /** The speaker's words, or empty. */
    public String speakerText() {
        return speaker.map(Actor::text).orElse("");
    }

    Attribution withId(int newId) {
        return new Attribution(newId, cue, cueSpan, speaker, content, kind, channel, form, anonymous, sentence, rule,
                speakerName);
    }
}
