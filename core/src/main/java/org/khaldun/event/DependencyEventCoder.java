package org.khaldun.event;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import org.khaldun.actor.Actor;
import org.khaldun.actor.ActorIndex;
import org.khaldun.actor.ActorMention;
import org.khaldun.article.Article;
import org.khaldun.codebook.CameoCode;
import org.khaldun.codebook.Codebook;
import org.khaldun.codebook.PloverCoding;
import org.khaldun.nlp.Sentence;
import org.khaldun.nlp.Token;
import org.khaldun.time.ArticleTimes;
import org.khaldun.time.EventDate;

/**
 * The event coder: lexicon triggers plus rules over the enhanced++ dependency graph.
 *
 * <p>For every trigger word of a parsed sentence it finds the actors syntactically tied to it (subject, agent,
 * object, case-marked obliques and nominal modifiers, through conjunctions, control and support verbs), the
 * CAMEO code (refined by the lexicon's rules and complement topics), the modality (negation, hypothesis,
 * future) and, for reported speech, the speaker and the speaker's stance. Actors are never taken from parts
 * of the sentence that are not linked to the trigger. Immutable and thread-safe.
 *
 * <p>Emission policy (what an analyst can rely on):
 * <ul>
 *   <li>an event needs a coded source actor, except material-conflict events (quad class 4: attacks, arrests,
 *       sanctions are coded by their own quad class) which may be emitted with a target only
 *       ("airstrikes on Iraqi sites");</li>
 *   <li>statements (01x) need a speaker actor and content (a complement clause or quotation); a news outlet
 *       reporting is not a statement event;</li>
 *   <li>a word inside reported speech whose lexicon entry carries a stance ("violate" → accuse) is coded as
 *       the speaker's stance toward the word's argument, not as a fact told by the article;</li>
 *   <li>negated, hypothetical and future events are emitted with their flags, never as facts;</li>
 *   <li>nothing is coded from debris spans, and the same trigger, code and actors give one event.</li>
 * </ul>
 */
public final class DependencyEventCoder implements EventCoder {

    private final EventLexicon lexicon;
    private final Codebook codebook;
    /** A family's topic codes, filled on first use (the lexicon is immutable, so any thread computes the same). */
    private final Map<String, Set<String>> familyCodes = new ConcurrentHashMap<>();

    public DependencyEventCoder(EventLexicon lexicon, Codebook codebook) {
        this.lexicon = Objects.requireNonNull(lexicon);
        this.codebook = Objects.requireNonNull(codebook);
    }

    /** The coder with Khaldun's built-in lexicon. */
    public static DependencyEventCoder withBuiltinLexicon(Codebook codebook) {
        return new DependencyEventCoder(EventLexicon.builtin(), codebook);
    }

    public EventLexicon lexicon() {
        return lexicon;
    }

    /**
     * True when some word may code an event other than a bare statement: a trigger form that is not part of an
     * actor's or other proper name ("United States", "March 3", "the Free Democrats"), that is not a verb-only
     * word standing where only a noun can ("the support", "in order to"), that, once the sentence is tagged, has the
     * part of speech its reading needs ("back" as an adverb, "free" as an adjective are no triggers), and whose rules,
     * when it codes only
     * through rules, find one of their words in the sentence ("cut" needs ties, aid …; "sign" an agreement word).
     * Sentences whose only triggers are statement verbs ("said", "told") are not parsed: {@link #code} codes their
     * statement from the tokens when the speaker stands next to the verb.
     */
    @Override
    public boolean mayHoldEvent(Sentence unparsed, List<ActorMention> mentions) {
        TokenView v = null;
        for (int i = 0; i < unparsed.tokens().size(); i++) {
            String w = unparsed.token(i).word();
            if (w.length() <= 2) {
                continue;
            }
            List<EventLexicon.Reading> rs = lexicon.readings(lower(w));
            if (rs.isEmpty()) {
                continue;
            }
            if (v == null) {
                v = new TokenView(unparsed, mentions);
            }
            if (v.inMention(i) || v.properName(i)) {
                continue;
            }
            boolean nounOnly = v.nounOnly(i);
            String pos = unparsed.token(i).pos();
            for (EventLexicon.Reading r : rs) {
                if (r.statement() || (nounOnly && r.entry().kind() == TriggerEntry.Kind.VERB)
                        || (!pos.isEmpty() && !taggedAs(r.entry().kind(), pos))) {
                    continue;
                }
                if (r.needs() == null || v.containsAny(r.needs())) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * Whether a tagged word can be the trigger a reading needs: verbs as verbs, nouns as nouns or gerunds. Proper-noun
     * tags pass both, because the tagger reads capitalised headline words as names ("Troops Withdraw From Base").
     */
    private static boolean taggedAs(TriggerEntry.Kind kind, String pos) {
        if (pos.startsWith("NNP")) {
            return true;
        }
        return kind == TriggerEntry.Kind.VERB ? pos.startsWith("VB") : pos.startsWith("NN") || pos.equals("VBG");
    }

    private static String lower(String w) {
        for (int i = 0; i < w.length(); i++) {
            if (Character.isUpperCase(w.charAt(i))) {
                return w.toLowerCase(Locale.ROOT);
            }
        }
        return w;
    }

    @Override
    public List<Event> code(Article article, List<Sentence> sentences, ActorIndex actors, ArticleTimes times) {
        List<Event> out = new ArrayList<>();
        for (Sentence s : sentences) {
            if (!s.parsed() || s.dependencies().isEmpty()) {
                if (!s.parsed() && !actors.mentions(s.index()).isEmpty() && !EventCoder.whollyDebris(article, s)) {
                    new TokenStatements(this, article, s, actors.mentions(s.index()), times, out).run();
                }
                continue;
            }
            boolean whollyDebris = EventCoder.whollyDebris(article, s);
            if (whollyDebris) {
                continue;
            }
            if (hasEntry(s)) {
                new SentenceCoder(this, article, s, actors, times, out).run();
            }
        }
        return out;
    }

    /** Cheap pass before building the sentence's graph: most parsed sentences hold only a statement verb or none. */
    private boolean hasEntry(Sentence s) {
        for (Token t : s.tokens()) {
            String pos = t.pos();
            if ((pos.startsWith("VB") || pos.startsWith("NN")) && t.lemma().length() > 2
                    && (lexicon.verbOrNull(lower(t.lemma())) != null || lexicon.nounOrNull(lower(t.lemma())) != null
                    || (pos.startsWith("NNP") && lexicon.isTriggerForm(lower(t.word()))))) {
                return true;
            }
        }
        return false;
    }

    /**
     * The roles the dependency rules give one word of a parsed sentence, as if that word were the trigger: subject
     * and agent as actor; object, case-marked oblique and passive subject as recipient; compound actors; a family
     * word's topic or complement ("urged Iran to release …"); inside reported speech, the clause's own actors with
     * the speaker apart, or the speaker's stance for a stance word; a statement's addressee. A word the lexicon did
     * not make fire here (its rules did not hold, or it is no lexicon word: "reassured") is read through its entry
     * when it has one, else as a plain verb or noun by its tag. For coders that choose an event's type otherwise and
     * need its dyad; {@link #code} neither calls this nor changes with it.
     *
     * @return empty when the sentence is not parsed or the token is out of range or in debris
     */
    public Optional<TriggerRoles> roles(Article article, Sentence sentence, ActorIndex actors, ArticleTimes times,
                                        int token) {
        if (!sentence.parsed() || sentence.dependencies().isEmpty() || token < 0
                || token >= sentence.tokens().size()) {
            return Optional.empty();
        }
        Token t = sentence.token(token);
        if (article.inDebris(t.start(), t.end())) {
            return Optional.empty();
        }
        return Optional.of(new SentenceCoder(this, article, sentence, actors, times, new ArrayList<>()).roles(token));
    }

    /**
     * Words of a sentence whose lexicon entry, looked up as the coder looks it up for the word's tag, can give a code
     * {@code wanted} accepts: its default code, a rule's code or stance code, or a code its family takes from a topic,
     * whether or not its rules hold in this sentence. In sentence order.
     */
    public List<Integer> candidateTriggers(Sentence sentence, Predicate<String> wanted) {
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < sentence.tokens().size(); i++) {
            Token t = sentence.token(i);
            TriggerEntry e = t.lemma().length() > 2 ? SentenceCoder.entryFor(lexicon, t) : null;
            if (e == null || (e.options().plural() && !t.pos().startsWith("NNS") && !t.pos().equals("NNPS"))) {
                continue;
            }
            if (mayGive(e.code(), e.options(), wanted)) {
                out.add(i);
                continue;
            }
            for (TriggerEntry.Rule r : e.rules()) {
                if (mayGive(r.code(), r.options(), wanted)) {
                    out.add(i);
                    break;
                }
            }
        }
        return out;
    }

    private boolean mayGive(String code, EntryOptions options, Predicate<String> wanted) {
        if (!code.isEmpty() && wanted.test(code)) {
            return true;
        }
        if (options == null) {
            return false;
        }
        if (options.stanceCode() != null && !options.stanceCode().isEmpty() && wanted.test(options.stanceCode())) {
            return true;
        }
        if (options.family() != null) {
            for (String c : familyCodes.computeIfAbsent(options.family(), lexicon::familyCodes)) {
                if (wanted.test(c)) {
                    return true;
                }
            }
        }
        return false;
    }

    EventLexicon lex() {
        return lexicon;
    }

    Codebook codebook() {
        return codebook;
    }

    /** The CAMEO entry for a code, or for its nearest listed parent ("0256" → "025" → "020"). */
    Optional<CameoCode> cameo(String code) {
        Optional<CameoCode> c = codebook.cameo(code);
        if (c.isPresent()) {
            return c;
        }
        if (code.length() == 4) {
            c = codebook.cameo(code.substring(0, 3));
            if (c.isPresent()) {
                return Optional.of(new CameoCode(code, c.get().label(), c.get().goldstein(), c.get().quadClass()));
            }
        }
        c = codebook.cameo(code.substring(0, 2) + "0");
        return c.map(p -> new CameoCode(code, p.label(), p.goldstein(), p.quadClass()));
    }

    Optional<PloverCoding> plover(String code) {
        return codebook.plover(code);
    }

    /** First 16 hex digits of SHA-256 over what identifies the event: same input, same id, run after run. */
    static String eventId(String articleId, int sentence, int triggerStart, int triggerEnd, String code,
                          List<Actor> source, List<Actor> target) {
        StringBuilder sb = new StringBuilder();
        sb.append(articleId).append('|').append(sentence).append('|').append(triggerStart).append('|')
                .append(triggerEnd).append('|').append(code).append('|');
        for (Actor a : source) {
            sb.append(a.code()).append('@').append(a.start()).append(',');
        }
        sb.append('|');
        for (Actor a : target) {
            sb.append(a.code()).append('@').append(a.start()).append(',');
        }
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            byte[] h = md.digest(sb.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(h, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Actors of mentions, in order, without repeating one actor at one place. */
    static List<Actor> actorsOf(List<ActorMention> mentions) {
        Set<String> seen = new LinkedHashSet<>();
        List<Actor> out = new ArrayList<>();
        for (ActorMention m : mentions) {
            if (seen.add(m.actor().code() + "@" + m.actor().start())) {
                out.add(m.actor());
            }
        }
        return out;
    }

    static EventDate dateOrPublication(ArticleTimes times, Article article, int sentence, int token) {
        EventDate d = times == null ? null : times.dateOf(sentence, token);
        return d != null ? d : EventDate.ofPublication(article.published().orElse(null));
    }
}
