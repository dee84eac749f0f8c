package org.khaldun.event;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.khaldun.actor.Actor;
import org.khaldun.actor.ActorMention;
import org.khaldun.article.Article;
import org.khaldun.codebook.CameoCode;
import org.khaldun.codebook.PloverCoding;
import org.khaldun.nlp.Sentence;
import org.khaldun.nlp.Token;
import org.khaldun.time.ArticleTimes;
import org.khaldun.time.EventDate;

/**
 * Bare public statements (CAMEO 010) of sentences that were not parsed because a statement verb was their only
 * trigger. Without a parse, only the plainest shapes are trusted: the speaker's actor mention right before the
 * verb ("Iraq's foreign minister said …", "Blair has also told MPs …") or right after it at the end of a quoted
 * or preceding clause ("…, said Mr Blair"), with content around the verb. A speaker that is a news outlet, a
 * mention governed by a preposition ("a source close to the minister said") or a verb with words the rule does
 * not know between it and the speaker gives no event. One instance per sentence and call; not shared.
 */
final class TokenStatements {

    /** Words that may stand between a speaker and the verb: "Blair also said", "Iran has repeatedly said". */
    private static final Set<String> BETWEEN = Set.of("also", "has", "have", "had", "later", "again", "then",
            "earlier", "previously", "once", "further", "today", "yesterday", "separately", "however");
    private static final Set<String> SPEAKER_BLOCKERS = Set.of("to", "of", "for", "with", "by", "from", "in", "on",
            "at", "about", "against", "like", "than", "as");
    private static final Set<String> CLAUSE_ENDS = Set.of(",", "\"", "''", "”", "'", "’", "--", "—", "–");

    private final DependencyEventCoder coder;
    private final Article article;
    private final Sentence s;
    private final List<ActorMention> mentions;
    private final ArticleTimes times;
    private final List<Event> out;

    TokenStatements(DependencyEventCoder coder, Article article, Sentence s, List<ActorMention> mentions,
                    ArticleTimes times, List<Event> out) {
        this.coder = coder;
        this.article = article;
        this.s = s;
        this.mentions = mentions;
        this.times = times;
        this.out = out;
    }

    void run() {
        if (article.inDebris(s.start(), s.end())) {
            return;
        }
        TokenView v = null;
        for (int i = 0; i < s.tokens().size(); i++) {
            String w = s.token(i).word();
            if (w.length() <= 2) {
                continue;
            }
            TriggerEntry cue = statementEntry(TokenView.lowerCase(w));
            if (cue == null) {
                continue;
            }
            if (v == null) {
                v = new TokenView(s, mentions);
            }
            if (v.inMention(i) || v.properName(i) || v.nounOnly(i)) {
                continue;
            }
            if (code(v, i, cue)) {
                return; // one bare statement per sentence is what the sentence says
            }
        }
    }

    private TriggerEntry statementEntry(String lower) {
        for (EventLexicon.Reading r : coder.lex().readings(lower)) {
            if (r.statement() && r.entry().kind() == TriggerEntry.Kind.VERB && r.entry().code().equals(EventLexicon.STATEMENT)) {
                return r.entry();
            }
        }
        return null;
    }

    private boolean code(TokenView v, int cue, TriggerEntry entry) {
        int n = v.size();
        ActorMention before = null;
        for (ActorMention m : mentions) {
            if (m.lastToken() < cue && m.lastToken() >= cue - 3) {
                before = m;
            }
        }
        if (before != null && !adjacentBefore(v, before, cue)) {
            before = null;
        }
        if (before != null) {
            int from = cue + 1;
            ActorMention addressee = null;
            ActorMention next = startingAt(cue + 1);
            if (next == null && cue + 2 < n && v.lower(cue + 1).equals("to")) {
                next = startingAt(cue + 2);
            }
            if (next != null) {
                addressee = next;
                from = next.lastToken() + 1;
            }
            boolean contentAfter = words(v, from, n) >= 3;
            boolean contentBefore = before.firstToken() >= 4 && CLAUSE_ENDS.contains(v.lower(before.firstToken() - 1));
            if (!contentAfter && !contentBefore) {
                return false;
            }
            return emit(entry, cue, before, addressee, "speaker-verb");
        }
        ActorMention after = startingAt(cue + 1);
        if (after != null && cue >= 4 && CLAUSE_ENDS.contains(v.lower(cue - 1)) && !entry.lemma().equals("tell")) {
            return emit(entry, cue, after, null, "clause-verb-speaker");
        }
        return false;
    }

    /** Nothing but known adverbs and auxiliaries between the speaker and the verb, and no preposition before it. */
    private static boolean adjacentBefore(TokenView v, ActorMention m, int cue) {
        for (int k = m.lastToken() + 1; k < cue; k++) {
            String w = v.lower(k);
            if (!BETWEEN.contains(w) && !(w.length() > 4 && w.endsWith("ly"))) {
                return false;
            }
        }
        return m.firstToken() == 0 || !SPEAKER_BLOCKERS.contains(v.lower(m.firstToken() - 1));
    }

    private ActorMention startingAt(int token) {
        for (ActorMention m : mentions) {
            if (m.firstToken() == token) {
                return m;
            }
        }
        return null;
    }

    private static int words(TokenView v, int from, int to) {
        int k = 0;
        for (int i = from; i < to; i++) {
            String w = v.token(i).word();
            if (!w.isEmpty() && Character.isLetterOrDigit(w.charAt(0))) {
                k++;
            }
        }
        return k;
    }

    private boolean emit(TriggerEntry entry, int cue, ActorMention speaker, ActorMention addressee, String shape) {
        if ("MED".equals(speaker.actor().sector())) {
            return false; // an outlet reporting is the article's sourcing, not a political statement
        }
        if (addressee != null && ("MED".equals(addressee.actor().sector())
                || addressee.actor().code().equals(speaker.actor().code()))) {
            addressee = null;
        }
        String code = EventLexicon.STATEMENT;
        Optional<CameoCode> cameo = coder.cameo(code);
        if (cameo.isEmpty()) {
            return false;
        }
        List<Actor> actor = List.of(speaker.actor());
        List<Actor> recipient = addressee == null ? List.of() : List.of(addressee.actor());
        Token trig = s.token(cue);
        EventDate date = DependencyEventCoder.dateOrPublication(times, article, s.index(), cue);
        boolean future = !date.fromPublication() && (date.value().startsWith("FUTURE") || (date.date() != null
                && article.published().isPresent() && date.date().isAfter(article.published().get())));
        StringBuilder ex = new StringBuilder();
        ex.append("lexicon:").append(entry.lemma()).append('[').append(code).append("] line ").append(entry.line())
                .append(" token-rule(").append(shape).append(") source=adjacent(").append(speaker.actor().text())
                .append('→').append(speaker.actor().code()).append(')');
        if (addressee != null) {
            ex.append(" target=addressee(").append(addressee.actor().text()).append('→')
                    .append(addressee.actor().code()).append(')');
        }
        if (future) {
            ex.append(" modality: future(date ").append(date.value()).append(')');
        }
        ex.append(" date=").append(date.value()).append(date.fromPublication() ? "(publication)" : "(" + date.text() + ")");
        Optional<PloverCoding> plover = coder.plover(code);
        TextInfo info = new TextInfo(s.index(), s.start(), s.end(), trig.word(), trig.start(), trig.end(), s.text());
        String id = DependencyEventCoder.eventId(article.id(), s.index(), trig.start(), trig.end(), code, actor, recipient);
        Cameo c = new Cameo(code, cameo.get().goldstein(), cameo.get().quadClass());
        out.add(new Event(id, article.id(), date, actor, recipient,
                plover.map(PloverCoding::eventType).orElse(""), plover.map(PloverCoding::mode).orElse(""),
                plover.map(PloverCoding::contexts).orElse(List.of()), c, info,
                new Modality(false, false, future), ex.toString(), coder.codebook().version()));
        return true;
    }
}
