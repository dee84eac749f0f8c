package org.khaldun.petrarch;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.khaldun.actor.Actor;
import org.khaldun.actor.ActorDictionary;
import org.khaldun.actor.ActorIndex;
import org.khaldun.actor.ActorMention;
import org.khaldun.article.Article;
import org.khaldun.codebook.CameoCode;
import org.khaldun.codebook.Codebook;
import org.khaldun.codebook.PloverCoding;
import org.khaldun.event.Cameo;
import org.khaldun.event.Event;
import org.khaldun.event.EventCoder;
import org.khaldun.event.Modality;
import org.khaldun.event.TextInfo;
import org.khaldun.nlp.ConstituencyParse;
import org.khaldun.nlp.ConstituencyParser;
import org.khaldun.nlp.CoreNlpConstituencyParser;
import org.khaldun.nlp.Sentence;
import org.khaldun.nlp.Token;
import org.khaldun.time.ArticleTimes;
import org.khaldun.time.EventDate;

/**
 * PETRARCH compatibility mode: sentences are coded by {@link PetrarchCoder} with the user's own verbs, actors, agents
 * and discards, over constituency trees from {@link ConstituencyParser}, and come out as ordinary Khaldun events.
 *
 * <ul>
 *   <li>Only sentences holding a word form of the verbs dictionary are parsed (the PCFG is slow).</li>
 *   <li>Actor codes come from the PETRARCH actors and agents, for the article's publication date (PETRARCH's
 *       sentence date).</li>
 *   <li>The CAMEO code gets its Goldstein weight, quad class and PLOVER coding from the codebook; a code the codebook
 *       does not know is kept as written, with Goldstein 0, quad class 0, no PLOVER type, and a note in the
 *       explanation.</li>
 *   <li>Trigger and actor offsets are the characters of the tree leaves they came from.</li>
 *   <li>The explanation starts with {@value #EXPLANATION_PREFIX} and names the verbs-dictionary line (pattern or verb)
 *       and the actor and agent lines that gave the codes.</li>
 *   <li>A story discard drops every event of the article; a sentence discard drops the sentence.</li>
 *   <li>Modality is not assessed: PETRARCH has none, so every event is told as a fact (patterns such as
 *       {@code NOT * RELATIONS} encode negation themselves).</li>
 * </ul>
 *
 * Immutable and thread-safe.
 */
public final class PetrarchEventCoder implements EventCoder {

    public static final String EXPLANATION_PREFIX = "petrarch:";

    private final PetrarchCoder coder;
    private final ConstituencyParser parser;
    private final Codebook codebook;
    private final CoderOptions options;
    private final Set<String> verbForms = new HashSet<>();
    /** three-letter codes the user's actors give to countries (their own, possibly fictional, code list) */
    private final Set<String> countries = new HashSet<>();
    private final String version;

    public PetrarchEventCoder(PetrarchCoder coder, ConstituencyParser parser, Codebook codebook,
            CoderOptions options) {
        this.coder = Objects.requireNonNull(coder);
        this.parser = Objects.requireNonNull(parser);
        this.codebook = Objects.requireNonNull(codebook);
        this.options = Objects.requireNonNull(options);
        Set<String> files = new java.util.LinkedHashSet<>();
        for (PetrarchVerbs.Block b : coder.dictionaries().verbs().blocks()) {
            files.add(b.source().file());
            for (PetrarchVerbs.Verb v : b.verbs()) {
                for (PetrarchVerbs.Form f : v.forms()) {
                    verbForms.add(f.verb());
                }
            }
        }
        for (PetrarchActors.Entry a : coder.dictionaries().actors().entries()) {
            for (DatedCode c : a.codes()) {
                String k = c.code().toUpperCase(Locale.ROOT);
                if (k.length() == 3 && k.chars().allMatch(Character::isLetter)
                        && PetrarchActorAdapter.kind(k, false) == org.khaldun.actor.ActorEntry.Kind.COUNTRY) {
                    countries.add(k);
                }
            }
        }
        this.version = codebook.version() + "+petrarch:" + String.join("+", files);
    }

    /** The coder for these dictionaries with CoreNLP's PCFG parser (loaded on first call, about 10 s). */
    public static PetrarchEventCoder create(PetrarchDictionaries dictionaries, Codebook codebook) {
        return new PetrarchEventCoder(new PetrarchCoder(dictionaries), CoreNlpConstituencyParser.shared(), codebook,
                CoderOptions.DEFAULTS);
    }

    /** The word-form prefilter: a word of the sentence is a form of a dictionary verb. */
    @Override
    public boolean mayHoldEvent(Sentence unparsed, List<ActorMention> mentions) {
        for (Token t : unparsed.tokens()) {
            if (verbForms.contains(t.word().toUpperCase(Locale.ROOT))) {
                return true;
            }
        }
        return false;
    }

    @Override
    public List<Event> code(Article article, List<Sentence> sentences, ActorIndex actors, ArticleTimes times) {
        LocalDate date = article.published().orElse(null);
        List<Event> out = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (Sentence s : sentences) {
            if (EventCoder.whollyDebris(article, s)) {
                continue;
            }
            Optional<CodingResult.Rejection> discard = coder.discard(upperWords(s));
            if (discard.isPresent()) {
                if (discard.get().reason().equals("storydiscard")) {
                    return List.of();
                }
                continue;
            }
            if (!mayHoldEvent(s, List.of())) {
                continue;
            }
            Optional<ConstituencyParse> tree = parser.parse(s);
            if (tree.isEmpty()) {
                continue;
            }
            CodingResult r = coder.code(tree.get().pennTree(), date, options);
            if (r.rejection().isPresent() && r.rejection().get().reason().equals("storydiscard")) {
                return List.of();
            }
            for (CodingResult.Event e : r.events()) {
                Event ev = event(article, s, tree.get().leaves(), e, times);
                if (ids.add(ev.id())) {
                    out.add(ev);
                }
            }
        }
        return out;
    }

    private static List<String> upperWords(Sentence s) {
        List<String> out = new ArrayList<>(s.tokens().size());
        for (Token t : s.tokens()) {
            out.add(t.word().toUpperCase(Locale.ROOT));
        }
        return out;
    }

    private Event event(Article article, Sentence s, List<ConstituencyParse.Leaf> leaves, CodingResult.Event e,
            ArticleTimes times) {
        CodingResult.Trace trace = e.trace();
        int trigStart = s.start();
        int trigEnd = s.end();
        int verbToken = 0;
        boolean placed = within(trace.verb(), leaves);
        if (placed) {
            verbToken = leaves.get(trace.verb().from()).first();
            trigStart = s.token(verbToken).start();
            trigEnd = s.token(leaves.get(trace.verb().to()).last()).end();
        }
        String trigger = placed ? article.text().substring(trigStart, trigEnd) : e.verb().toLowerCase(Locale.ROOT);
        Actor source = actor(article, s, leaves, e.source(), trace.source());
        Actor target = actor(article, s, leaves, e.target(), trace.target());

        String code = e.code();
        Optional<CameoCode> cameo = cameo(code);
        Cameo c = cameo.map(k -> new Cameo(code, k.goldstein(), k.quadClass())).orElse(new Cameo(code, 0.0, 0));
        Optional<PloverCoding> plover = cameo.isPresent() ? codebook.plover(code) : Optional.empty();

        EventDate when = times == null ? null : times.dateOf(s.index(), verbToken);
        if (when == null) {
            when = EventDate.ofPublication(article.published().orElse(null));
        }

        StringBuilder ex = new StringBuilder(EXPLANATION_PREFIX);
        ex.append(" verb ").append(e.verb());
        if (e.pattern().isEmpty()) {
            ex.append(" [").append(code).append("] at ").append(e.rule());
        } else {
            ex.append(", pattern \"").append(e.pattern()).append("\" [").append(code).append("] at ").append(e.rule());
        }
        ex.append("; source ").append(e.source()).append(lines(trace.sourceLines()));
        ex.append("; target ").append(e.target()).append(lines(trace.targetLines()));
        if (e.passive()) {
            ex.append("; passive verb: source and target swapped");
        }
        if (cameo.isPresent() && !cameo.get().code().equals(code)) {
            ex.append("; weights of parent code ").append(cameo.get().code());
        }
        if (cameo.isEmpty()) {
            ex.append("; code ").append(code)
                    .append(" is not in the CAMEO codebook: no Goldstein value, quad class or PLOVER type");
        }
        ex.append("; date=").append(when.value())
                .append(when.fromPublication() ? "(publication)" : "(" + when.text() + ")");

        TextInfo info = new TextInfo(s.index(), s.start(), s.end(), trigger, trigStart, trigEnd, s.text());
        String id = id(article.id(), s.index(), trigStart, trigEnd, code, source, target);
        return new Event(id, article.id(), when, List.of(source), List.of(target),
                plover.map(PloverCoding::eventType).orElse(""), plover.map(PloverCoding::mode).orElse(""),
                plover.map(PloverCoding::contexts).orElse(List.of()), c, info, Modality.FACT, ex.toString(), version);
    }

    private static String lines(List<SourceLine> lines) {
        if (lines.isEmpty()) {
            return "";
        }
        return lines.stream().map(SourceLine::toString).collect(Collectors.joining(", ", " (", ")"));
    }

    private static boolean within(CodingResult.Span span, List<ConstituencyParse.Leaf> leaves) {
        return span.known() && span.to() < leaves.size();
    }

    private Actor actor(Article article, Sentence s, List<ConstituencyParse.Leaf> leaves, String code,
            CodingResult.Span span) {
        String country = "";
        String sector = "";
        if (code.length() >= 3 && !code.startsWith("\"")) {
            String first = code.substring(0, 3);
            if (countries.contains(first) || ActorDictionary.builtin().isCountryCode(first)) {
                country = first;
                sector = code.length() >= 6 ? code.substring(3, 6) : "";
            } else {
                sector = first; // IGO, NGO, IMG…: the code opens with its kind, as Khaldun's own codes do
            }
        }
        if (!within(span, leaves)) {
            return new Actor("", code, country, sector, s.start(), s.start());
        }
        int start = s.token(leaves.get(span.from()).first()).start();
        int end = s.token(leaves.get(span.to()).last()).end();
        return new Actor(article.text().substring(start, end), code, country, sector, start, end);
    }

    /** The codebook entry for a code, or for its nearest listed parent ("0256" → "025" → "020"). */
    private Optional<CameoCode> cameo(String code) {
        if (code.length() < 3 || !code.chars().allMatch(Character::isDigit)) {
            return Optional.empty();
        }
        Optional<CameoCode> c = codebook.cameo(code);
        if (c.isEmpty() && code.length() == 4) {
            c = codebook.cameo(code.substring(0, 3));
        }
        if (c.isEmpty()) {
            c = codebook.cameo(code.substring(0, 2) + "0");
        }
        return c;
    }

    /** First 16 hex digits of SHA-256 over what identifies the event: same input, same id, run after run. */
    private static String id(String articleId, int sentence, int start, int end, String code, Actor source,
            Actor target) {
        String key = "petrarch|" + articleId + '|' + sentence + '|' + start + '|' + end + '|' + code + '|'
                + source.code() + '@' + source.start() + '|' + target.code() + '@' + target.start();
        try {
            byte[] h = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(h, 0, 8);
        } catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException(ex);
        }
    }
}
