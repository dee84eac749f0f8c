package org.khaldun.event;

import java.util.List;
import org.khaldun.actor.ActorIndex;
import org.khaldun.actor.ActorMention;
import org.khaldun.article.Article;
import org.khaldun.nlp.Sentence;
import org.khaldun.nlp.Token;
import org.khaldun.time.ArticleTimes;

/**
 * Turns parsed sentences into coded events. Implementations are immutable and thread-safe.
 */
public interface EventCoder {

    /**
     * Cheap pre-parse test: could this sentence hold an event, given the actor mentions recognised in it? The
     * pipeline asks twice, first with tokens only, then with parts of speech and lemmas for the sentences that
     * passed, and parses only sentences for which both answers are true, so it must not miss: false positives
     * cost time, false negatives cost events.
     */
    boolean mayHoldEvent(Sentence unparsed, List<ActorMention> mentions);

    /** Events of the article; {@code sentences} are all sentences, parsed where {@link #mayHoldEvent} said so. */
    List<Event> code(Article article, List<Sentence> sentences, ActorIndex actors, ArticleTimes times);

    /** Whether every token of the sentence lies in scraping debris ("Read more: …"): such a sentence codes nothing. */
    static boolean whollyDebris(Article article, Sentence s) {
        if (article.debris().isEmpty()) {
            return false;
        }
        for (Token t : s.tokens()) {
            if (!article.inDebris(t.start(), t.end())) {
                return false;
            }
        }
        return true;
    }
}
