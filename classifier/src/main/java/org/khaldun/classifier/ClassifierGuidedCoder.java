package org.khaldun.classifier;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.khaldun.actor.Actor;
import org.khaldun.actor.ActorIndex;
import org.khaldun.actor.ActorMention;
import org.khaldun.article.Article;
import org.khaldun.codebook.CameoCode;
import org.khaldun.codebook.Codebook;
import org.khaldun.codebook.PloverCoding;
import org.khaldun.event.Cameo;
import org.khaldun.event.DependencyEventCoder;
import org.khaldun.event.Event;
import org.khaldun.event.EventCoder;
import org.khaldun.event.Modality;
import org.khaldun.event.TextInfo;
import org.khaldun.event.TriggerRoles;
import org.khaldun.nlp.Dependency;
import org.khaldun.nlp.Sentence;
import org.khaldun.nlp.Token;
import org.khaldun.time.ArticleTimes;
import org.khaldun.time.EventDate;

/**
 * The pattern coder with the learned classifier beside it: a decorator around any {@link EventCoder}. The classifier
 * reads only the sentences the pipeline parsed (a possible trigger and an actor mention) and, by the
 * {@link CombinationRule}, vetoes, retypes or proposes events; actors and recipients always come from the
 * dependency and dictionary logic. Every event's explanation ends with both opinions and says who decided:
 * {@code decided by: pattern+classifier}, {@code pattern}, or {@code classifier}. Immutable and thread-safe.
 */
public final class ClassifierGuidedCoder implements EventCoder {

    /** The three codings of one article from one parse, for evaluations that compare them. */
    public record Outcome(List<Event> pattern, List<Event> classifier, List<Event> combined, int classified) {
        public List<Event> of(CoderChoice choice) {
            return switch (choice) {
                case PATTERN -> pattern;
                case CLASSIFIER -> classifier;
                case COMBINED -> combined;
            };
        }
    }

    /** Where a proposed or retyped event's actor and recipient come from. */
    public enum DyadSource {
        /** The mention in subject or agent position (else the first), the next mention of another actor. */
        MENTIONS,
        /** The dependency rules on the sentence's best word for the type; mentions only when they find no actor. */
        DEPENDENCY,
        /** As {@link #DEPENDENCY}, and a role the rules leave empty is filled from the mentions as in {@link #MENTIONS}. */
        DEPENDENCY_THEN_MENTIONS,
        /**
         * As {@link #DEPENDENCY_THEN_MENTIONS}, but only a material type (CAMEO quad class 2 or 4: something done)
         * is looked for in the clause a statement verb reports; a verbal type (quad class 1 or 3: something said)
         * stays on the statement verb, whose speaker is the one who accuses, demands or rejects.
         */
        SPEAKER_FOR_VERBAL,
        /**
         * As {@link #SPEAKER_FOR_VERBAL}, with the gaps filled by word order and specificity: a missing doer is the
         * mention in subject or agent position, else the first mention before the word (the doer of an English clause
         * comes first); a missing recipient is the first mention after the word, else the first other one; a named
         * actor (one with a country, group or organisation in its code) before a bare sector word ("troops"); and a
         * kind-of adjective on a noun ("military" in "military aid") is a participant only when nothing else fills
         * its role.
         */
        ORDERED_FILL;

        /** Whether a role the rules leave empty is filled from the mentions. */
        boolean fillsGaps() {
            return this != MENTIONS && this != DEPENDENCY;
        }

        /** Whether only material types look into the clause a statement verb reports. */
        boolean speakerForVerbal() {
            return this == SPEAKER_FOR_VERBAL || this == ORDERED_FILL;
        }
    }

    /**
     * Chosen on out-of-fold opinions over the training side by type+actor+recipient recall (docs/classifier.md,
     * "Dyads of classifier events"): the rules alone leave recipients the annotators name; verbal types are the
     * speaker's; the gaps are filled by word order.
     */
    public static final DyadSource DEFAULT_DYADS = DyadSource.ORDERED_FILL;

    private static final Set<String> SOURCE_RELATIONS = Set.of("nsubj", "nsubj:xsubj", "obl:agent", "nmod:agent",
            "obl:by", "nmod:by");
    private static final Set<String> MODAL_HYPOTHETICAL = Set.of("could", "might", "may", "would", "should", "can");

    private final EventCoder pattern;
    /** The pattern coder's dependency rules, asked for the dyad of a chosen word; null when it is another coder. */
    private final DependencyEventCoder dyads;
    private final PloverClassifier classifier;
    private final Codebook codebook;
    private final CoderChoice choice;
    private final CombinationRule rule;
    private final DyadSource dyadSource;

    public ClassifierGuidedCoder(EventCoder pattern, PloverClassifier classifier, Codebook codebook,
                                 CoderChoice choice, CombinationRule rule) {
        this(pattern, classifier, codebook, choice, rule, DEFAULT_DYADS);
    }

    public ClassifierGuidedCoder(EventCoder pattern, PloverClassifier classifier, Codebook codebook,
                                 CoderChoice choice, CombinationRule rule, DyadSource dyadSource) {
        this.dyadSource = Objects.requireNonNull(dyadSource);
        this.pattern = Objects.requireNonNull(pattern);
        this.dyads = pattern instanceof DependencyEventCoder d ? d : null;
        this.classifier = Objects.requireNonNull(classifier);
        this.codebook = Objects.requireNonNull(codebook);
        this.choice = Objects.requireNonNull(choice);
        this.rule = Objects.requireNonNull(rule);
    }

    public CoderChoice choice() {
        return choice;
    }

    /** This coder with proposed and retyped events taking their dyads from {@code source}. */
    public ClassifierGuidedCoder withDyads(DyadSource source) {
        return new ClassifierGuidedCoder(pattern, classifier, codebook, choice, rule, source);
    }

    @Override
    public boolean mayHoldEvent(Sentence unparsed, List<ActorMention> mentions) {
        return pattern.mayHoldEvent(unparsed, mentions);
    }

    @Override
    public List<Event> code(Article article, List<Sentence> sentences, ActorIndex actors, ArticleTimes times) {
        List<Event> patternEvents = pattern.code(article, sentences, actors, times);
        if (choice == CoderChoice.PATTERN) {
            return patternEvents;
        }
        return decide(article, sentences, actors, times, patternEvents, classifier::classify, rule,
                choice == CoderChoice.CLASSIFIER).of(choice);
    }

    /**
     * Classifier-alone and combined codings, given the pattern coder's events of the same parse, with given opinions
     * and rule: how the rule is tuned (opinions computed once, rules tried many times). The classifier-alone coding
     * is computed only when {@code withAlone} (it reads every parsed sentence; the combination may read fewer).
     */
    public Outcome decide(Article article, List<Sentence> sentences, ActorIndex actors, ArticleTimes times,
                          List<Event> patternEvents, Function<String, Opinion> opinions, CombinationRule rule,
                          boolean withAlone) {
        List<Event> alone = new ArrayList<>();
        List<Event> combined = new ArrayList<>();
        int classified = 0;
        int read = 0;
        String who = "classifier " + classifier.id();
        for (Sentence s : sentences) {
            List<Event> mine = new ArrayList<>();
            for (Event e : patternEvents) {
                if (e.textInfo().sentenceIndex() == s.index()) {
                    mine.add(e);
                }
            }
            if (!s.parsed() || s.dependencies().isEmpty() || EventCoder.whollyDebris(article, s)) {
                combined.addAll(mine); // the classifier never saw it: the pattern coder's word stands
                continue;
            }
            // past the first readFirst parsed sentences the classifier does not read for the combination
            boolean forCombined = rule.readFirst() <= 0 || read < rule.readFirst();
            read++;
            if (!forCombined && !withAlone) {
                combined.addAll(mine);
                continue;
            }
            Opinion o = opinions.apply(s.text());
            classified++;
            if (withAlone && o.bestClass().isEvent()) {
                propose(article, s, actors, times, o.best(), o, who + ": " + o.describe(), alone);
            }
            if (!forCombined) {
                combined.addAll(mine);
                continue;
            }
            List<String> types = mine.stream().map(Event::eventType).toList();
            CombinationRule.Decision d = rule.decide(types, o);
            Set<String> seen = new LinkedHashSet<>();
            for (int i = 0; i < mine.size(); i++) {
                Event e = mine.get(i);
                CombinationRule.Verdict v = d.verdicts().get(i);
                String both = " · " + who + ": " + o.describe() + " · " + v.reason() + confidence(v.confidence());
                switch (v.action()) {
                    case KEEP -> {
                        combined.add(withExplanation(e, e.explanation() + both + " · decided by: "
                                + (v.agreed() ? "pattern+classifier" : "pattern")));
                    }
                    case VETO -> {
                    }
                    case RETYPE -> {
                        Event r = retype(article, s, actors, times, e, v.toClass(), o, both);
                        if (seen.add(r.eventType() + "|" + r.cameo().code() + "|" + r.actor() + "|" + r.recipient())) {
                            combined.add(r);
                        }
                    }
                    default -> throw new IllegalStateException();
                }
            }
            if (d.propose() >= 0) {
                propose(article, s, actors, times, d.propose(), o, who + ": " + o.describe() + " · "
                        + d.proposeReason() + confidence(d.proposeConfidence()), combined);
            }
        }
        return new Outcome(patternEvents, alone, combined, classified);
    }

    /** The fused probability of the event's type, both coders' evidence pooled: what an analyst can filter on. */
    private static String confidence(double p) {
        return String.format(Locale.ROOT, " · confidence %.2f", p);
    }

    private static Event withExplanation(Event e, String explanation) {
        return new Event(e.id(), e.articleId(), e.date(), e.actor(), e.recipient(), e.eventType(), e.mode(),
                e.context(), e.cameo(), e.textInfo(), e.modality(), explanation, e.codebook(), e.source(),
                e.location());
    }

    /**
     * A pattern event given the decided type. When a lexicon word of that type stands in the sentence (one whose rules
     * did not make it fire as that type) and the dependency rules find its actor, the event moves to that word and
     * takes its dyad; otherwise it keeps its own trigger and the actors the rules found for it.
     */
    private Event retype(Article article, Sentence s, ActorIndex actors, ArticleTimes times, Event e, int cls,
                         Opinion o, String explanation) {
        EventClass c = EventClasses.get(cls);
        Cameo cameo = cameoOf(c.cameoCode());
        String mode = c.ploverType().equals(o.bestClass().ploverType()) ? o.mode() : "";
        Optional<TriggerRoles> moved = dyad(article, s, actors, times, cls, false)
                .filter(r -> s.token(r.token()).start() != e.textInfo().triggerStart());
        if (moved.isPresent()) {
            Event r = onRoles(e.articleId(), s, moved.get(), actors.mentions(s.index()), c, mode,
                    e.explanation() + explanation);
            return new Event(r.id(), r.articleId(), r.date(), r.actor(), r.recipient(), r.eventType(), r.mode(),
                    r.context(), r.cameo(), r.textInfo(), r.modality(), r.explanation(), e.codebook(), e.source(),
                    e.location());
        }
        String id = eventId(e.articleId(), e.textInfo().sentenceIndex(), e.textInfo().triggerStart(),
                e.textInfo().triggerEnd(), cameo.code(), e.actor(), e.recipient());
        return new Event(id, e.articleId(), e.date(), e.actor(), e.recipient(), c.ploverType(), mode,
                contexts(c.cameoCode()), cameo, e.textInfo(), e.modality(), e.explanation() + explanation
                + " · decided by: classifier (type), pattern (actors)", e.codebook(), e.source(), e.location());
    }

    /** An event of the class on the word the dependency rules were asked about, with their dyad, date and modality. */
    private Event onRoles(String articleId, Sentence s, TriggerRoles r, List<ActorMention> mentions, EventClass c,
                          String mode, String explanation) {
        Cameo cameo = cameoOf(c.cameoCode());
        Token trigger = s.token(r.token());
        TextInfo info = new TextInfo(s.index(), s.start(), s.end(), trigger.word(), trigger.start(), trigger.end(),
                s.text());
        boolean ordered = dyadSource == DyadSource.ORDERED_FILL;
        List<Actor> src = ordered ? withoutKinds(s, r.actor()) : r.actor();
        List<Actor> tgt = ordered ? withoutKinds(s, r.recipient()) : r.recipient();
        String filled = "";
        if (dyadSource.fillsGaps()) {
            if (src.isEmpty()) {
                ActorMention m = firstMention(s, mentions, tgt, true);
                String how = " (subject mention)";
                if (m == null && ordered) {
                    m = firstMention(s, before(mentions, r.token()), tgt, false);
                    how = " (mention before the word)";
                }
                if (m != null) {
                    src = List.of(m.actor());
                    filled += " · actor=" + m.actor().text() + "→" + m.actor().code() + how;
                } else if (ordered) {
                    src = r.actor(); // the kind-of adjective, if that is all there is
                }
            }
            if (tgt.isEmpty() && !src.isEmpty()) {
                ActorMention m = ordered ? firstMention(s, after(mentions, r.token()), src, false) : null;
                String how = " (next mention after the word)";
                if (m == null) {
                    m = firstMention(s, mentions, src, false);
                    how = " (next other mention)";
                }
                if (m != null) {
                    tgt = List.of(m.actor());
                    filled += " · recipient=" + m.actor().text() + "→" + m.actor().code() + how;
                } else if (ordered) {
                    tgt = r.recipient();
                }
            }
        }
        List<Actor> left = new ArrayList<>(r.actor());
        left.removeAll(src);
        List<Actor> leftTargets = new ArrayList<>(r.recipient());
        leftTargets.removeAll(tgt);
        left.addAll(leftTargets);
        for (Actor a : left) {
            filled += " · " + a.text() + ": kind-of adjective, not a participant";
        }
        String id = eventId(articleId, s.index(), trigger.start(), trigger.end(), cameo.code(), src, tgt);
        return new Event(id, articleId, r.date(), src, tgt, c.ploverType(), mode,
                contexts(c.cameoCode()), cameo, info, r.modality(), explanation
                + " · decided by: classifier (type), dependency rules (actors) · " + r.explanation() + filled,
                codebook.version());
    }

    /**
     * The actors without the kind-of adjectives on a noun ("military" in "military aid", "military exercises"): one
     * adjective token in {@code amod} whose code names a sector says what kind of thing the noun is, not who took
     * part. A nationality adjective ("Israeli strikes") has no sector and stays: it names who.
     */
    private static List<Actor> withoutKinds(Sentence s, List<Actor> actors) {
        return actors.stream().filter(a -> !kindOf(s, a)).toList();
    }

    private static List<ActorMention> before(List<ActorMention> mentions, int token) {
        return mentions.stream().filter(m -> m.head() < token).toList();
    }

    private static List<ActorMention> after(List<ActorMention> mentions, int token) {
        return mentions.stream().filter(m -> m.head() > token).toList();
    }

    private static boolean kindOf(Sentence s, Actor a) {
        if (a.sector().isEmpty()) {
            return false;
        }
        int found = -1;
        for (Token t : s.tokens()) {
            if (t.start() < a.end() && a.start() < t.end()) {
                if (found >= 0) {
                    return false;
                }
                found = t.index();
            }
        }
        return found >= 0 && s.token(found).pos().startsWith("JJ") && relationOf(s, found).map("amod"::equals)
                .orElse(false);
    }

    /**
     * The first mention of an actor not among {@code others} (in subject or agent position only, if asked). With
     * {@link DyadSource#ORDERED_FILL}, kind-of adjectives are never taken and named actors come before bare sector
     * words.
     */
    private ActorMention firstMention(Sentence s, List<ActorMention> mentions, List<Actor> others,
                                      boolean subjectOnly) {
        if (dyadSource == DyadSource.ORDERED_FILL) {
            List<ActorMention> named = new ArrayList<>();
            List<ActorMention> bare = new ArrayList<>();
            for (ActorMention m : mentions) {
                if (!kindOf(s, m.actor())) {
                    (m.actor().code().equals(m.actor().sector()) ? bare : named).add(m);
                }
            }
            named.addAll(bare);
            mentions = named;
        }
        for (ActorMention m : mentions) {
            if (others.stream().anyMatch(a -> a.code().equals(m.actor().code()))) {
                continue;
            }
            if (!subjectOnly || relationOf(s, m.head()).map(SOURCE_RELATIONS::contains).orElse(false)) {
                return m;
            }
        }
        return null;
    }

    /**
     * Who did it to whom for an event of class {@code cls} in a sentence, by the pattern coder's dependency rules
     * applied to the sentence's best trigger for the class: the lexicon's words that can code the class (nearest the
     * root first), then, when {@code orRoot}, the root verb (first the clause a speech verb reports, for a material
     * type; for a verbal type with {@link DyadSource#SPEAKER_FOR_VERBAL} or {@link DyadSource#ORDERED_FILL}, the
     * speaker's own verb: the accusation or demand is the speaker's). The first whose rules find an actor wins (a
     * target alone will do for material conflict, as for the pattern coder). Empty when none does or the pattern
     * coder is not the dependency coder.
     */
    Optional<TriggerRoles> dyad(Article article, Sentence s, ActorIndex actors, ArticleTimes times, int cls,
                                boolean orRoot) {
        if (dyads == null || dyadSource == DyadSource.MENTIONS || s.dependencies().isEmpty()) {
            return Optional.empty();
        }
        EventClass c = EventClasses.get(cls);
        int[] depth = depths(s);
        List<Integer> words = new ArrayList<>(dyads.candidateTriggers(s, code -> fits(cls, code)));
        words.sort((a, b) -> Integer.compare(depth[a], depth[b]));
        if (orRoot) {
            int root = root(s);
            boolean intoReported = dyadSource.speakerForVerbal() ? material(c)
                    : !c.name().equals(EventClass.STATEMENT);
            if (intoReported && dyads.candidateTriggers(s, code -> code.startsWith("01")).contains(root)) {
                for (Dependency d : s.dependencies()) {
                    if (d.governor() == root && (d.relation().equals("ccomp") || d.relation().equals("parataxis"))
                            && !words.contains(d.dependent())) {
                        words.add(d.dependent()); // "X said Y attacked Z": the attack is the event, not the saying
                    }
                }
            }
            if (!words.contains(root)) {
                words.add(root);
            }
        }
        Optional<TriggerRoles> fallback = Optional.empty();
        for (int w : words) {
            Optional<TriggerRoles> r = dyads.roles(article, s, actors, times, w)
                    .filter(x -> !x.actor().isEmpty() || (c.group() == 4 && !x.recipient().isEmpty()));
            if (r.isEmpty()) {
                continue;
            }
            TriggerRoles x = r.get();
            // a word whose only participant is a kind-of adjective ("military exercises") yields to a later word
            if (dyadSource != DyadSource.ORDERED_FILL || !withoutKinds(s, x.actor()).isEmpty()
                    || (c.group() == 4 && !withoutKinds(s, x.recipient()).isEmpty())) {
                return r;
            }
            if (fallback.isEmpty()) {
                fallback = r;
            }
        }
        return fallback;
    }

    /**
     * Whether the class is material (CAMEO quad class 2 or 4: cooperation or conflict in deeds) rather than verbal
     * (1 or 3): a fact of the codebook about the class's CAMEO code, not of any data.
     */
    private boolean material(EventClass c) {
        int quad = cameoOf(c.cameoCode()).quadClass();
        return quad == 2 || quad == 4;
    }

    /** Whether a CAMEO code codes the class: its PLOVER type in the class's group (statements: CAMEO 01). */
    private boolean fits(int cls, String code) {
        if (cls == EventClasses.STATEMENT) {
            return code.startsWith("01");
        }
        if (code.length() < 2 || code.startsWith("01")) {
            return false;
        }
        String type = codebook.plover(code).map(PloverCoding::eventType).orElse("");
        return !type.isEmpty() && EventClasses.classOf(type, code) == cls;
    }

    /** Each token's distance from the root along its first governor (tokens off the tree count as deep). */
    private static int[] depths(Sentence s) {
        int n = s.tokens().size();
        int[] parent = new int[n];
        java.util.Arrays.fill(parent, -2);
        for (Dependency d : s.dependencies()) {
            if (d.dependent() >= 0 && d.dependent() < n && parent[d.dependent()] == -2) {
                parent[d.dependent()] = d.governor();
            }
        }
        int[] depth = new int[n];
        for (int i = 0; i < n; i++) {
            int k = 0;
            for (int cur = i; cur >= 0 && k <= n; cur = parent[cur]) {
                k++;
            }
            depth[i] = parent[i] == -2 ? n : k;
        }
        return depth;
    }

    /**
     * An event the patterns did not code: the type is the classifier's; the trigger and the dyad are what the pattern
     * coder's dependency rules give the sentence's best word for the type ({@link #dyad}). When they find no actor,
     * the fallback: the actor is the mention in subject or agent position (else the first mention), the recipient the
     * first other mention, the trigger the sentence's root.
     */
    private void propose(Article article, Sentence s, ActorIndex actors, ArticleTimes times, int cls, Opinion o,
                         String explanation, List<Event> out) {
        List<ActorMention> mentions = actors.mentions(s.index());
        if (mentions.isEmpty()) {
            return;
        }
        EventClass c = EventClasses.get(cls);
        String mode = c.ploverType().equals(o.bestClass().ploverType()) ? o.mode() : "";
        Optional<TriggerRoles> roles = dyad(article, s, actors, times, cls, true);
        if (roles.isPresent()) {
            out.add(onRoles(article.id(), s, roles.get(), mentions, c, mode, explanation));
            return;
        }
        Cameo cameo = cameoOf(c.cameoCode());
        ActorMention source = null;
        for (ActorMention m : mentions) {
            if (relationOf(s, m.head()).map(SOURCE_RELATIONS::contains).orElse(false)) {
                source = m;
                break;
            }
        }
        boolean targetOnly = false;
        if (source == null) {
            ActorMention first = mentions.get(0);
            String rel = relationOf(s, first.head()).orElse("");
            // "Iraqi sites were bombed": a passive subject or object is what the event was done to
            targetOnly = c.group() == 4 && (rel.startsWith("nsubj:pass") || rel.equals("obj"));
            source = first;
        }
        ActorMention recipient = null;
        if (targetOnly) {
            recipient = source;
            source = null;
        } else {
            for (ActorMention m : mentions) {
                if (m != source && !m.actor().code().equals(source.actor().code())) {
                    recipient = m;
                    break;
                }
            }
        }
        int root = root(s);
        Token trigger = s.token(root);
        List<Actor> src = source == null ? List.of() : List.of(source.actor());
        List<Actor> tgt = recipient == null ? List.of() : List.of(recipient.actor());
        EventDate date = times == null ? null : times.dateOf(s.index(), root);
        if (date == null) {
            date = EventDate.ofPublication(article.published().orElse(null));
        }
        TextInfo info = new TextInfo(s.index(), s.start(), s.end(), trigger.word(), trigger.start(), trigger.end(),
                s.text());
        String id = eventId(article.id(), s.index(), trigger.start(), trigger.end(), cameo.code(), src, tgt);
        String dyad = " · decided by: classifier (type), actor mentions (actors) · actor="
                + (source == null ? "-" : source.actor().text() + "→" + source.actor().code())
                + " recipient=" + (recipient == null ? "-" : recipient.actor().text() + "→" + recipient.actor().code());
        out.add(new Event(id, article.id(), date, src, tgt, c.ploverType(), mode, contexts(c.cameoCode()), cameo,
                info, modality(s, root, times), explanation + dyad, codebook.version()));
    }

    private Cameo cameoOf(String code) {
        CameoCode c = codebook.cameo(code).orElseThrow(() -> new IllegalStateException("codebook has no CAMEO "
                + code));
        return new Cameo(c.code(), c.goldstein(), c.quadClass());
    }

    private List<String> contexts(String code) {
        return codebook.plover(code).map(PloverCoding::contexts).orElse(List.of());
    }

    private static Optional<String> relationOf(Sentence s, int token) {
        for (Dependency d : s.dependencies()) {
            if (d.dependent() == token && d.governor() >= 0) {
                return Optional.of(d.relation());
            }
        }
        return Optional.empty();
    }

    private static int root(Sentence s) {
        for (Dependency d : s.dependencies()) {
            if (d.governor() < 0) {
                return d.dependent();
            }
        }
        return 0;
    }

    /** Negation and modal auxiliaries on the root: the cheap part of the pattern coder's modality. */
    private static Modality modality(Sentence s, int root, ArticleTimes times) {
        boolean negated = false;
        boolean hypothetical = false;
        boolean future = times != null && times.isFuture(s.index(), root);
        for (Dependency d : s.dependencies()) {
            if (d.governor() != root) {
                continue;
            }
            String w = s.token(d.dependent()).word().toLowerCase(Locale.ROOT);
            if (d.relation().equals("advmod") && (w.equals("not") || w.equals("n't") || w.equals("never"))) {
                negated = true;
            } else if (d.relation().equals("aux")) {
                if (w.equals("will") || w.equals("'ll") || w.equals("shall")) {
                    future = true;
                } else if (MODAL_HYPOTHETICAL.contains(w)) {
                    hypothetical = true;
                }
            }
        }
        return new Modality(negated, hypothetical, future);
    }

    static String eventId(String articleId, int sentence, int triggerStart, int triggerEnd, String code,
                          List<Actor> source, List<Actor> target) {
        StringBuilder sb = new StringBuilder("classifier|");
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
            byte[] h = MessageDigest.getInstance("SHA-256").digest(sb.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(h, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
