package org.khaldun.event;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.khaldun.actor.Actor;
import org.khaldun.actor.ActorIndex;
import org.khaldun.actor.ActorMention;
import org.khaldun.article.Article;
import org.khaldun.codebook.CameoCode;
import org.khaldun.codebook.PloverCoding;
import org.khaldun.nlp.Sentence;
import org.khaldun.nlp.Token;
import org.khaldun.time.ArticleTimes;
import org.khaldun.time.EventDate;

/** Codes the events of one parsed sentence. One instance per sentence and call; not shared. */
final class SentenceCoder {

    private static final String[] VERB_SUBJECT = {"nsubj", "nsubj:xsubj"};
    private static final String[] VERB_OBJECT = {"obj", "iobj"};
    private static final String[] VERB_OBLIQUE = {"obl:against", "obl:on", "obl:upon", "obl:with", "obl:to",
            "obl:toward", "obl:towards", "obl:at"};
    private static final String[] NOUN_SOURCE = {"nmod:poss", "compound", "amod", "nmod:by", "nmod:agent"};
    private static final String[] NOUN_TARGET = {"nmod:against", "nmod:on", "nmod:upon", "nmod:toward",
            "nmod:towards", "nmod:to"};
    private static final String[] LIGHT_TARGET = {"obl:against", "obl:on", "obl:upon", "obl:at", "obl:into",
            "obl:with", "obl:to"};
    /** Upward walks for modality pass only through these: finite clauses keep their own tense. */
    private static final Set<String> MODALITY_CLIMB = Set.of("xcomp", "acl", "acl:to", "obj", "iobj", "nsubj",
            "nsubj:pass", "nsubj:xsubj", "compound", "amod", "ccomp");

    /** How an intention word governs what is intended: "plans to attack", "calls for attacks", "threatened attacks". */
    private static final Set<String> INTENT_COMPLEMENT = Set.of("xcomp", "ccomp", "acl", "acl:to", "obl:for",
            "nmod:for", "obj");

    private final DependencyEventCoder coder;
    private final EventLexicon lex;
    private final Article article;
    private final Sentence s;
    private final SentenceGraph g;
    private final ArticleTimes times;
    private final List<Event> out;
    private final ActorMention[] mentionAt;
    private final boolean[] debris;
    private final Trigger[] triggerAt;
    private final List<Trigger> triggers = new ArrayList<>();
    private final Set<String> emitted = new HashSet<>();

    /** A word of the sentence that names an event, with the code its rules gave. */
    private static final class Trigger {
        final int token;
        final TriggerEntry entry;
        final String code;
        final EntryOptions options;
        final String rule;
        final int ruleLine;
        final boolean nominal;
        String topic = "";
        int topicToken = -1;
        int topicWord = -1;
        int complement = -1;
        int light = -1;
        boolean suppressed;
        boolean statedStance;

        Trigger(int token, TriggerEntry entry, String code, EntryOptions options, String rule, int ruleLine,
                boolean nominal) {
            this.nominal = nominal;
            this.token = token;
            this.entry = entry;
            this.code = code;
            this.options = options;
            this.rule = rule;
            this.ruleLine = ruleLine;
        }

        /** Parsed as a noun: a noun entry on a word the tagger took for a verb ("US airstrikes on …") is verbal. */
        boolean isNoun() {
            return nominal;
        }

        boolean isStatement() {
            return options.speech() && code.startsWith("01");
        }
    }

    /** Actors found for one role, with the relations they came through (for the explanation). */
    private static final class Side {
        final List<ActorMention> mentions = new ArrayList<>();
        final List<String> trace = new ArrayList<>();

        void add(ActorMention m, String via) {
            for (ActorMention x : mentions) {
                if (x.firstToken() == m.firstToken() && x.lastToken() == m.lastToken()) {
                    return;
                }
            }
            mentions.add(m);
            trace.add(via + "(" + m.actor().text() + "→" + m.actor().code() + ")");
        }

        boolean isEmpty() {
            return mentions.isEmpty();
        }

        void removeAll(Side other) {
            for (int i = mentions.size() - 1; i >= 0; i--) {
                ActorMention m = mentions.get(i);
                for (ActorMention o : other.mentions) {
                    if (o.firstToken() == m.firstToken() && o.lastToken() == m.lastToken()) {
                        mentions.remove(i);
                        trace.remove(i);
                        break;
                    }
                }
            }
        }

        String describe(String label) {
            return mentions.isEmpty() ? "" : " " + label + "=" + String.join("+", trace);
        }
    }

    SentenceCoder(DependencyEventCoder coder, Article article, Sentence s, ActorIndex actors, ArticleTimes times,
                  List<Event> out) {
        this.coder = coder;
        this.lex = coder.lex();
        this.article = article;
        this.s = s;
        this.g = new SentenceGraph(s);
        this.times = times;
        this.out = out;
        int n = g.size;
        this.debris = new boolean[n];
        if (!article.debris().isEmpty()) {
            for (int i = 0; i < n; i++) {
                Token t = s.tokens().get(i);
                debris[i] = article.inDebris(t.start(), t.end());
            }
        }
        this.mentionAt = new ActorMention[n];
        for (ActorMention m : actors.mentions(s.index())) {
            if (m.firstToken() < 0 || m.lastToken() >= n || debris[m.head()]) {
                continue;
            }
            for (int i = m.firstToken(); i <= m.lastToken(); i++) {
                mentionAt[i] = m;
            }
        }
        this.triggerAt = new Trigger[n];
    }

    void run() {
        findTriggers();
        if (triggers.isEmpty()) {
            return;
        }
        linkTopicsAndSupportVerbs();
        for (Trigger t : triggers) {
            if (!t.suppressed) {
                codeTrigger(t);
            }
        }
        for (Trigger t : triggers) {
            if (!t.suppressed && t.isStatement() && !t.statedStance) {
                codeStatement(t);
            }
        }
    }

    /**
     * The roles the rules give one word, read as {@link #codeTrigger} reads a trigger (and {@link #codeStatement} a
     * statement verb) but emitting nothing. A word that did not fire is read through its lexicon entry when it has
     * one (argument paths, family topic, stance, support verb), else as a plain verb or noun by its tag.
     */
    TriggerRoles roles(int token) {
        findTriggers();
        linkTopicsAndSupportVerbs();
        Trigger t = triggerAt[token] != null ? triggerAt[token] : standIn(token);
        int cue = speechCue(token);
        int intent = intentWord(token);
        if (t.options.stanceCode() != null && (cue >= 0 || intent >= 0)) {
            Stance st = stance(t, cue, intent);
            if (st != null) {
                return roles(t, t.options.stanceCode(), st.holder, st.target, new Side(), st.mod, st.how,
                        st.voice >= 0 ? st.voice : token);
            }
        }
        Side src = new Side();
        Side tgt = new Side();
        roleSides(t, src, tgt);
        if (t.isStatement()) {
            return roles(t, codeOf(t), src, addressee(t, src), new Side(), modality(token, -1), "", token);
        }
        Coded c = refusal(t, codeOf(t), triggerModality(t, cue));
        Side speaker = speaker(t, cue);
        String said = speaker.isEmpty() ? "" : " via " + g.token(cue).word();
        return roles(t, c.code, src, tgt, speaker, c.mod, said, token);
    }

    private TriggerRoles roles(Trigger t, String code, Side src, Side tgt, Side speaker, Mod mod0, String how,
                               int dateToken) {
        EventDate date = DependencyEventCoder.dateOrPublication(times, article, s.index(), dateToken);
        Mod mod = withDate(mod0, date);
        StringBuilder ex = new StringBuilder("roles of '").append(g.token(t.token).word()).append('\'');
        if (!t.entry.lemma().isEmpty() && t.entry.line() > 0) {
            ex.append(" lexicon:").append(t.entry.lemma()).append(" line ").append(t.ruleLine);
        }
        if (!t.topic.isEmpty()) {
            ex.append(" topic=").append(t.topic);
        }
        ex.append(src.describe("source")).append(tgt.describe("target")).append(speaker.describe("said-by"))
                .append(how);
        if (t.light >= 0) {
            ex.append(" support-verb=").append(g.token(t.light).word());
        }
        if (!mod.why.isEmpty()) {
            ex.append(" modality:").append(mod.why);
        }
        return new TriggerRoles(t.token, code, DependencyEventCoder.actorsOf(src.mentions),
                DependencyEventCoder.actorsOf(tgt.mentions), DependencyEventCoder.actorsOf(speaker.mentions),
                mod.modality(), date, ex.toString());
    }

    /** A word the lexicon did not make a trigger here, as a trigger: its entry's first applicable rule, no veto. */
    private Trigger standIn(int token) {
        Token tok = g.token(token);
        boolean verb = tok.pos().startsWith("VB");
        TriggerEntry e = debris[token] ? null : entryFor(lex, tok);
        if (e == null) {
            e = new TriggerEntry(verb ? TriggerEntry.Kind.VERB : TriggerEntry.Kind.NOUN, lower(g.lemma(token)), "",
                    EntryOptions.NONE, List.of(), 0);
        }
        String code = e.code();
        EntryOptions opts = e.options();
        String rule = "";
        int ruleLine = e.line();
        for (TriggerEntry.Rule r : e.rules()) {
            if (ruleHolds(r, token)) {
                if (!r.code().isEmpty()) {
                    code = r.code();
                    opts = opts.with(r.options());
                    rule = r.source();
                    ruleLine = r.line();
                }
                break;
            }
        }
        Trigger t = new Trigger(token, e, code, opts, rule, ruleLine, !verb);
        if (t.isNoun()) {
            t.light = supportVerb(token);
        }
        if (opts.family() != null) {
            findTopic(t);
        }
        return t;
    }

    // ------------------------------------------------------------------------------------------ triggers

    private void findTriggers() {
        for (int i = 0; i < g.size; i++) {
            if (debris[i]) {
                continue;
            }
            Token tok = g.token(i);
            TriggerEntry e = entryFor(lex, tok);
            if (e == null) {
                continue;
            }
            if (mentionAt[i] != null && e.kind() == TriggerEntry.Kind.NOUN) {
                continue; // part of an actor's name ("the Resistance Front"), not an event word
            }
            if (e.options().plural() && !(tok.pos().equals("NNS") || tok.pos().equals("NNPS"))) {
                continue;
            }
            String code = e.code();
            EntryOptions opts = e.options();
            String rule = "";
            int ruleLine = e.line();
            boolean vetoed = false;
            for (TriggerEntry.Rule r : e.rules()) {
                if (ruleHolds(r, i)) {
                    code = r.code();
                    opts = opts.with(r.options());
                    rule = r.source();
                    ruleLine = r.line();
                    vetoed = r.code().isEmpty();
                    break;
                }
            }
            if (vetoed) {
                continue;
            }
            Trigger t = new Trigger(i, e, code, opts, rule, ruleLine, !tok.pos().startsWith("VB"));
            if (code.isEmpty() && !opts.speech() && opts.family() == null) {
                continue;
            }
            triggerAt[i] = t;
            triggers.add(t);
        }
    }

    /** The lexicon entry a tagged word is looked up under: verbs by lemma (else as nouns), nouns and names as nouns. */
    static TriggerEntry entryFor(EventLexicon lex, Token tok) {
        String pos = tok.pos();
        String lemma = lower(tok.lemma());
        if (pos.startsWith("VB")) {
            TriggerEntry e = lex.verbOrNull(lemma);
            return e != null ? e : lex.nounOrNull(lemma);
        }
        if (pos.startsWith("NN")) {
            TriggerEntry e = lex.nounOrNull(lemma);
            if (e == null && pos.startsWith("NNP")) {
                String w = lower(tok.word());
                e = lex.nounOrNull(w);
                if (e == null && w.endsWith("s")) {
                    e = lex.nounOrNull(w.substring(0, w.length() - 1));
                }
            }
            return e;
        }
        return null;
    }

    private boolean ruleHolds(TriggerEntry.Rule r, int token) {
        for (Condition c : r.conditions()) {
            if (!c.holds(g, token, lex, this::resolvesToActor)) {
                return false;
            }
        }
        return true;
    }

    private boolean resolvesToActor(int token) {
        return !resolve(token, -1).isEmpty();
    }

    private static String lower(String w) {
        return w.toLowerCase(Locale.ROOT);
    }

    // ------------------------------------------------------------------------------------------ topics, support verbs

    private void linkTopicsAndSupportVerbs() {
        for (Trigger t : triggers) {
            if (t.options.family() != null) {
                findTopic(t);
            }
        }
        for (Trigger t : triggers) {
            if (t.isNoun()) {
                t.light = supportVerb(t.token);
            }
        }
        for (Trigger t : triggers) {
            if (codeOf(t).startsWith("04")) {
                consumeDiscussedEvents(t);
            }
        }
        for (Trigger t : triggers) {
            if (t.isNoun() && (isLiftedMeasure(t.token) || isWithheldAid(t.token))) {
                t.suppressed = true; // "lifted sanctions against Iran" imposes none; "suspended aid" gives none
            }
        }
        for (Trigger t : triggers) {
            if (t.topicToken >= 0 && triggerAt[t.topicToken] != null) {
                triggerAt[t.topicToken].suppressed = true; // "called for the withdrawal": the withdrawal is the topic
            }
            if (t.topicWord >= 0 && triggerAt[t.topicWord] != null) {
                triggerAt[t.topicWord].suppressed = true; // "refused to give aid"
            }
            if (t.light >= 0 && triggerAt[t.light] != null && !triggerAt[t.light].suppressed) {
                Trigger l = triggerAt[t.light];
                if (l.isStatement() && l.code.equals("010")) {
                    l.suppressed = true; // "announced sanctions": the sanctions are the event
                } else {
                    t.suppressed = true; // "signed an agreement": the verb already codes it
                }
            }
        }
    }

    /**
     * A restrictive measure (sanctions, a ban, a curfew, a blockade) that is the object of an easing verb ("lifted",
     * "ended", "eased"; or its passive subject, "sanctions were lifted"): what is lifted is the easing's topic, not a
     * new imposition, whether or not the easing itself could be coded.
     */
    private boolean isLiftedMeasure(int noun) {
        String lemma = lower(g.lemma(noun));
        if (!(lex.inClass("SANCTIONS", lemma) || lex.inClass("RESTRICTIONS", lemma) || lex.inClass("BLOCKADE", lemma))
                || !(g.parentRelation(noun).equals("obj") || g.parentRelation(noun).equals("nsubj:pass"))) {
            return false;
        }
        return lex.inClass("EASING", lower(g.lemma(g.parent(noun))));
    }

    /** Aid that is suspended, cut or frozen ("suspended military aid to Mali"): no aid is given. */
    private boolean isWithheldAid(int noun) {
        return lex.inClass("AIDNOUN", lower(g.lemma(noun)))
                && (g.parentRelation(noun).equals("obj") || g.parentRelation(noun).equals("nsubj:pass"))
                && lex.inClass("WITHHOLDING", lower(g.lemma(g.parent(noun))));
    }

    private static final Set<String> DISCUSSED = Set.of("obj", "obl:on", "obl:about", "obl:over", "obl:regarding",
            "nmod:on", "nmod:about", "nmod:over", "nmod:regarding", "nmod:of", "obl:of");

    /** "Iraq, Iran discuss withdrawal of US forces": a discussed withdrawal has not happened. */
    private void consumeDiscussedEvents(Trigger t) {
        int[] kids = g.childTokens(t.token);
        String[] rels = g.childRelations(t.token);
        for (int k = 0; k < kids.length; k++) {
            Trigger nt = triggerAt[kids[k]];
            if (nt != null && nt.isNoun() && DISCUSSED.contains(rels[k]) && nt.light != t.token) {
                nt.suppressed = true;
                if (t.topic.isEmpty()) {
                    t.topic = g.lemma(kids[k]);
                }
            }
        }
    }

    private static final String[] TOPIC_RELATIONS = {"xcomp", "ccomp", "obl:for", "nmod:for", "acl:to", "acl",
            "obj", "obl:on", "obl:of", "nmod:of", "obl:to", "obl:in", "advcl:to"};

    private void findTopic(Trigger t) {
        for (String rel : TOPIC_RELATIONS) {
            int[] kids = g.childTokens(t.token);
            String[] rels = g.childRelations(t.token);
            for (int k = 0; k < kids.length; k++) {
                if (!rels[k].equals(rel)) {
                    continue;
                }
                int c = kids[k];
                if (rel.equals("advcl:to") && !hasMark(c, "on")) {
                    continue; // a purpose clause; "called on the army to withdraw" is parsed as an advcl marked "on"
                }
                if ((rel.equals("xcomp") || rel.equals("ccomp")) && t.complement < 0) {
                    t.complement = c;
                }
                if (negated(c)) {
                    continue; // "vowed it will not stop attacks" is no promise of a ceasefire
                }
                EventLexicon.Topic topic = topicOf(c);
                int at = c;
                int eased = lex.inClass("EASING", lower(g.lemma(c))) ? g.child(c, "obj") : -1;
                EventLexicon.Topic easedTopic = eased >= 0 ? topicOf(eased) : null;
                if (easedTopic != null && easedTopic.codeByFamily().containsKey(t.options.family())
                        && easedTopic.codeByFamily().containsKey("reject")) {
                    // only what can be conceded: "end the strike" is no topic of violence
                    topic = easedTopic; // "agreed to lift the curfew": what is lifted names the concession
                    at = eased;
                }
                if (topic == null) {
                    // "ensure the release of", "stop the attacks": one level down
                    for (int j = 0; j < g.childTokens(c).length && topic == null; j++) {
                        String r2 = g.childRelations(c)[j];
                        if (r2.equals("obj") || r2.equals("nmod:of") || r2.equals("xcomp")) {
                            at = g.childTokens(c)[j];
                            topic = topicOf(at);
                            if (topic != null && topic.name().equals("VIOLENCE")
                                    && !lex.inClass("LIGHT", lower(g.lemma(c)))) {
                                // "promised to investigate the bombing" is no threat; "to launch attacks" is
                                topic = null;
                            }
                        }
                    }
                }
                if (topic != null) {
                    String code = topic.codeByFamily().get(t.options.family());
                    if (code != null) {
                        t.topic = g.lemma(at) + "(" + topic.name() + ")";
                        t.topicToken = c;
                        t.topicWord = at;
                        retopic(t, code);
                        return;
                    }
                }
            }
        }
    }

    private boolean negated(int token) {
        int[] kids = g.childTokens(token);
        String[] rels = g.childRelations(token);
        for (int k = 0; k < kids.length; k++) {
            if ((rels[k].startsWith("advmod") || rels[k].equals("det")) && lex.inClass("NEGATION", lower(g.token(kids[k]).word()))) {
                return true;
            }
        }
        return false;
    }

    private EventLexicon.Topic topicOf(int token) {
        String lemma = lower(g.lemma(token));
        String prt = g.particle(token);
        if (!prt.isEmpty()) {
            EventLexicon.Topic p = lex.topicOrNull(lemma + "_" + lower(prt));
            if (p != null) {
                return p;
            }
        }
        return lex.topicOrNull(lemma);
    }

    /** A topic overrides the entry's default code; a rule's explicit code stays unless it is the family's base. */
    private void retopic(Trigger t, String code) {
        topicCode.put(t, code);
    }

    private final java.util.Map<Trigger, String> topicCode = new java.util.IdentityHashMap<>();

    private String codeOf(Trigger t) {
        String c = topicCode.get(t);
        return c != null ? c : t.code;
    }

    /** The support verb of a nominal trigger ("launched" for "airstrikes launched by the US"), or -1. */
    private int supportVerb(int noun) {
        int[] ps = g.parentTokens(noun);
        String[] rs = g.parentRelations(noun);
        for (int k = 0; k < ps.length; k++) {
            int p = ps[k];
            if (p < 0) {
                continue;
            }
            String r = rs[k];
            if (!lex.inClass("LIGHT", lower(g.lemma(p))) && !lex.inClass("LIGHT_OBLIQUE", lower(g.lemma(p)))) {
                continue;
            }
            if (r.equals("obj") || r.equals("nsubj:pass")) {
                return p;
            }
            if ((r.equals("obl:in") || r.equals("obl:into")) && lex.inClass("LIGHT_OBLIQUE", lower(g.lemma(p)))) {
                return p; // "engage in talks", "enter into negotiations"
            }
            if (r.equals("nsubj") && (g.token(p).pos().equals("VBN") || g.isPassive(p))) {
                return p; // "the airstrikes launched by the US" parsed as a clause
            }
        }
        for (int k = 0; k < g.childTokens(noun).length; k++) {
            int c = g.childTokens(noun)[k];
            if (g.childRelations(noun)[k].equals("acl") && lex.inClass("LIGHT", lower(g.lemma(c)))) {
                return c;
            }
        }
        return -1;
    }

    // ------------------------------------------------------------------------------------------ arguments

    /** Actor mentions for an argument token: its own mention, else one inside its noun phrase. */
    private List<ActorMention> resolve(int token, int trigger) {
        List<ActorMention> found = new ArrayList<>();
        if (token < 0 || debris[token]) {
            return found;
        }
        if (mentionAt[token] == null && lex.inClass("REPORTERS", lower(g.lemma(token)))) {
            return found; // "Palestinian security sources", "Israeli army radio": a channel, not an actor
        }
        if (mentionAt[token] == null && lex.inClass("RELATIONAL", lower(g.lemma(token)))) {
            return found; // "urged its allies": the allies are not the possessor
        }
        collect(token, trigger, found, 0, new HashSet<>());
        return found;
    }

    /** Inside a noun phrase the possessor owns it ("its anti-Israel legislation" is Iraq's), then the rest. */
    private static final String[][] NP_PRIORITY = {{"nmod:poss", "det:poss", "nmod:'s"}, {"appos"},
            {"compound", "amod", "flat"}, {"nmod:of"}};

    private void collect(int token, int trigger, List<ActorMention> found, int depth, Set<Integer> seen) {
        if (!seen.add(token)) {
            return;
        }
        ActorMention m = mentionAt[token];
        if (m != null && !m.covers(trigger)) {
            addSharedHeadModifiers(token, m, trigger, found);
            if (!found.contains(m)) {
                found.add(m);
            }
            addConjuncts(token, trigger, found, seen);
            return;
        }
        if (depth >= 3 || (depth > 0 && triggerAt[token] != null && token != trigger)) {
            return; // another event's phrase holds its own actors
        }
        int[] kids = g.childTokens(token);
        String[] rels = g.childRelations(token);
        // conjoined heads first: "sites and officials"
        for (int k = 0; k < kids.length; k++) {
            if (rels[k].startsWith("conj") && kids[k] != trigger && !debris[kids[k]]) {
                collect(kids[k], trigger, found, depth, seen);
            }
        }
        List<Integer> deeper = new ArrayList<>();
        for (String[] group : NP_PRIORITY) {
            int before = found.size();
            for (int k = 0; k < kids.length; k++) {
                int c = kids[k];
                if (c == trigger || debris[c] || !in(rels[k], group)) {
                    continue;
                }
                ActorMention cm = mentionAt[c];
                if (cm != null && !cm.covers(trigger)) {
                    if (!found.contains(cm)) {
                        found.add(cm);
                    }
                    addConjuncts(c, trigger, found, seen);
                } else {
                    deeper.add(c);
                }
            }
            if (found.size() > before) {
                return;
            }
        }
        if (!found.isEmpty()) {
            return;
        }
        for (int c : deeper) {
            collect(c, trigger, found, depth + 1, seen);
            if (!found.isEmpty()) {
                return;
            }
        }
    }

    private static boolean in(String rel, String[] group) {
        for (String g : group) {
            if (g.equals(rel)) {
                return true;
            }
        }
        return false;
    }

    /**
     * "Iraqi and Iranian officials": the mention at the head covers only "Iranian officials"; the modifier
     * conjoined with it ("Iraqi") is an actor of its own that shares the head, and comes first as in the text.
     */
    private void addSharedHeadModifiers(int head, ActorMention m, int trigger, List<ActorMention> found) {
        int[] kids = g.childTokens(head);
        String[] rels = g.childRelations(head);
        for (int k = 0; k < kids.length; k++) {
            int c = kids[k];
            ActorMention cm = mentionAt[c];
            if (cm == null || cm == m || m.covers(c) || cm.covers(trigger) || debris[c] || found.contains(cm)
                    || !(rels[k].equals("amod") || rels[k].equals("compound"))) {
                continue;
            }
            int[] grand = g.childTokens(c);
            String[] grandRels = g.childRelations(c);
            for (int j = 0; j < grand.length; j++) {
                if (grandRels[j].startsWith("conj") && m.covers(grand[j])) {
                    found.add(cm);
                    break;
                }
            }
        }
    }

    private void addConjuncts(int token, int trigger, List<ActorMention> found, Set<Integer> seen) {
        int[] kids = g.childTokens(token);
        String[] rels = g.childRelations(token);
        for (int k = 0; k < kids.length; k++) {
            if (rels[k].startsWith("conj")) {
                collect(kids[k], trigger, found, 0, seen);
            }
        }
    }

    private void addChildren(Side side, int head, String rel, int trigger) {
        int[] kids = g.childTokens(head);
        String[] rels = g.childRelations(head);
        for (int k = 0; k < kids.length; k++) {
            if (SentenceGraph.relMatches(rels[k], rel)) {
                for (ActorMention m : resolve(kids[k], trigger)) {
                    side.add(m, rels[k]);
                }
            }
        }
    }

    /** Follows a relation path ("obj>nmod:with") from a token and adds the actors it reaches. */
    private void addPath(Side side, int from, String path, int trigger) {
        String[] steps = path.split(">");
        List<Integer> frontier = List.of(from);
        for (String step : steps) {
            List<Integer> next = new ArrayList<>();
            for (int f : frontier) {
                int[] kids = g.childTokens(f);
                String[] rels = g.childRelations(f);
                for (int k = 0; k < kids.length; k++) {
                    if (SentenceGraph.relMatches(rels[k], step)) {
                        next.add(kids[k]);
                    }
                }
            }
            frontier = next;
        }
        for (int f : frontier) {
            for (ActorMention m : resolve(f, trigger)) {
                side.add(m, path);
            }
        }
    }

    private void verbArguments(Trigger t, Side src, Side tgt) {
        int v = t.token;
        boolean passive = g.isPassive(v);
        int conjHead = conjHead(v);
        boolean foreignSubject = conjHead >= 0 && !g.hasChild(v, "aux") && !tensesAgree(v, conjHead);
        for (String r : VERB_SUBJECT) {
            int[] kids = g.childTokens(v);
            String[] rels = g.childRelations(v);
            for (int k = 0; k < kids.length; k++) {
                if (!rels[k].equals(r)) {
                    continue;
                }
                if (foreignSubject && g.parent(kids[k]) != v) {
                    continue; // "… is playing a role, and called X virtuous": not the same subject
                }
                Trigger nt = triggerAt[kids[k]];
                if (nt != null && nt != t && nt.isNoun() && mentionAt[kids[k]] == null && rels[k].equals("nsubj")
                        && violent(codeOf(t)) && violent(codeOf(nt))) {
                    // "a car bombing by the Islamic State killed 75": the attack's doer did the killing
                    Side doer = new Side();
                    nounArguments(nt, doer, new Side());
                    for (int i = 0; i < doer.mentions.size(); i++) {
                        String tr = doer.trace.get(i);
                        src.add(doer.mentions.get(i), "nsubj>" + nt.entry.lemma() + ">" + tr.substring(0, tr.indexOf('(')));
                    }
                    if (!doer.isEmpty()) {
                        continue;
                    }
                }
                for (ActorMention m : resolve(kids[k], v)) {
                    src.add(m, rels[k]);
                }
            }
        }
        if (src.isEmpty() && foreignSubject && g.parentRelation(conjHead).equals("ccomp")) {
            int above = g.parent(conjHead);
            if (above >= 0) {
                for (String r : VERB_SUBJECT) {
                    addChildren(src, above, r, v);
                }
            }
        }
        if (passive || g.token(v).pos().equals("VBN")) {
            addChildren(src, v, "obl:agent", v);
            addChildren(src, v, "obl:by", v);
        }
        addChildren(tgt, v, "nsubj:pass", v);
        for (String p : t.options.sources()) {
            addPath(src, v, p, v);
        }
        String prel = g.parentRelation(v);
        int parent = g.parent(v);
        if (src.isEmpty() && parent >= 0 && prel.equals("acl") && g.token(v).pos().equals("VBG")) {
            for (ActorMention m : resolve(parent, v)) {
                src.add(m, "acl-head");
            }
            int issuer = g.parent(parent);
            if (src.isEmpty() && issuer >= 0 && g.parentRelation(parent).equals("obj")
                    && lex.inClass("LIGHT", lower(g.lemma(issuer)))) {
                // "X issued a statement calling on Y to …": the statement's issuer calls
                for (String r : VERB_SUBJECT) {
                    Side via = new Side();
                    addChildren(via, issuer, r, v);
                    for (int i = 0; i < via.mentions.size(); i++) {
                        src.add(via.mentions.get(i), "acl-head>" + g.token(issuer).word() + ":" + r);
                    }
                }
            }
        }
        if (tgt.isEmpty() && parent >= 0 && prel.equals("acl") && g.token(v).pos().equals("VBN")
                && !lex.inClass("LIGHT", lower(g.lemma(v)))) {
            for (ActorMention m : resolve(parent, v)) {
                tgt.add(m, "acl-head");
            }
        }
        if (src.isEmpty() && parent >= 0 && (prel.equals("advcl") || prel.startsWith("conj"))
                && (g.token(v).pos().equals("VBG") || g.token(v).pos().equals("VBN"))) {
            // "…, emphasizing the need": the participle's subject is the clause's
            for (String r : VERB_SUBJECT) {
                addChildren(src, parent, r, v);
            }
            if (!src.isEmpty()) {
                for (int i = 0; i < src.trace.size(); i++) {
                    src.trace.set(i, "participle:" + src.trace.get(i));
                }
            }
        }
        if (!passive && !t.options.objectIsTheme()) {
            addObjects(t, tgt);
        }
        for (String p : t.options.targets()) {
            addPath(tgt, v, p, v);
        }
        if (tgt.isEmpty()) {
            for (String r : VERB_OBLIQUE) {
                addChildren(tgt, v, r, v);
            }
        }
        if (tgt.isEmpty()) {
            // "called X virtuous": X is the small clause's subject
            int x = g.child(v, "xcomp");
            if (x >= 0 && !g.token(x).pos().startsWith("VB")) {
                addChildren(tgt, x, "nsubj", v);
            }
        }
    }

    /**
     * Objects of a verb. An object that is itself an event ("condemned the US airstrikes") points the
     * reaction at that event's doer; its other actors stay with it.
     */
    private void addObjects(Trigger t, Side tgt) {
        int v = t.token;
        int[] kids = g.childTokens(v);
        String[] rels = g.childRelations(v);
        for (int k = 0; k < kids.length; k++) {
            if (!(rels[k].equals("obj") || rels[k].equals("iobj"))) {
                continue;
            }
            Trigger nt = triggerAt[kids[k]];
            if (nt != null && nt.isNoun() && nt != t && mentionAt[kids[k]] == null) {
                if (nt.light == v || kids[k] == t.topicToken || kids[k] == t.topicWord || nt.suppressed
                        || codeOf(t).startsWith("04")) {
                    continue;
                }
                Side agent = new Side();
                nounArguments(nt, agent, new Side());
                for (int i = 0; i < agent.mentions.size(); i++) {
                    tgt.add(agent.mentions.get(i), rels[k] + ">" + nt.entry.lemma() + ">" + agent.trace.get(i)
                            .substring(0, agent.trace.get(i).indexOf('(')));
                }
                continue;
            }
            for (ActorMention m : resolve(kids[k], v)) {
                tgt.add(m, rels[k]);
            }
        }
    }

    private static boolean violent(String code) {
        return code.startsWith("18") || code.startsWith("19") || code.startsWith("20");
    }

    /** The first conjunct a verb is coordinated with, or -1. */
    private int conjHead(int v) {
        int[] ps = g.parentTokens(v);
        String[] rs = g.parentRelations(v);
        for (int k = 0; k < ps.length; k++) {
            if (rs[k].startsWith("conj") && ps[k] >= 0) {
                return ps[k];
            }
        }
        return -1;
    }

    private enum Tense { PAST, PRESENT, PERFECT, PROGRESSIVE, OTHER }

    private Tense tense(int v) {
        boolean have = false, be = false, modal = false;
        int[] kids = g.childTokens(v);
        String[] rels = g.childRelations(v);
        for (int k = 0; k < kids.length; k++) {
            if (rels[k].equals("aux")) {
                String l = lower(g.lemma(kids[k]));
                have |= l.equals("have");
                be |= l.equals("be");
                modal |= g.token(kids[k]).pos().equals("MD");
            }
        }
        String pos = g.token(v).pos();
        if (modal) {
            return Tense.OTHER;
        }
        if (have) {
            return Tense.PERFECT;
        }
        if (be && pos.equals("VBG")) {
            return Tense.PROGRESSIVE;
        }
        return switch (pos) {
            case "VBD", "VBN" -> Tense.PAST;
            case "VBZ", "VBP" -> Tense.PRESENT;
            default -> Tense.OTHER;
        };
    }

    /** Coordinated verbs share a subject only when their forms agree ("attacked and killed", not "is playing and called"). */
    private boolean tensesAgree(int v, int head) {
        Tense a = tense(v);
        Tense b = tense(head);
        if (a == Tense.OTHER || b == Tense.OTHER) {
            return true;
        }
        if (a == Tense.PAST) {
            return b == Tense.PAST || b == Tense.PERFECT;
        }
        if (a == Tense.PRESENT) {
            return b == Tense.PRESENT || b == Tense.PROGRESSIVE;
        }
        return true;
    }

    private void nounArguments(Trigger t, Side src, Side tgt) {
        int n = t.token;
        for (String r : NOUN_SOURCE) {
            addChildren(src, n, r, n);
        }
        if (t.options.ofAgent()) {
            addChildren(src, n, "nmod:of", n);
        }
        for (String p : t.options.sources()) {
            addPath(src, n, p, n);
        }
        for (String r : NOUN_TARGET) {
            addChildren(tgt, n, r, n);
        }
        if (!t.options.ofAgent()) {
            addChildren(tgt, n, "nmod:of", n);
        }
        for (String p : t.options.targets()) {
            if (!p.equals("nmod:between")) {
                addPath(tgt, n, p, n);
            }
        }
        // "a meeting between Iraqi and Iranian officials": first party acts, the others receive
        if (t.options.targets().contains("nmod:between") || t.options.targets().contains("obl:between")) {
            Side both = new Side();
            addChildren(both, n, "nmod:between", n);
            for (int i = 0; i < both.mentions.size(); i++) {
                if (i == 0 && src.isEmpty()) {
                    src.add(both.mentions.get(i), "between");
                } else if (i > 0 || !src.isEmpty()) {
                    tgt.add(both.mentions.get(i), "between");
                }
            }
        }
        if (t.light >= 0) {
            int l = t.light;
            String lw = "via " + g.token(l).word() + ":";
            Side ls = new Side();
            for (String r : VERB_SUBJECT) {
                addChildren(ls, l, r, n);
            }
            addChildren(ls, l, "obl:agent", n);
            addChildren(ls, l, "obl:by", n);
            String lr = g.parentRelation(l);
            int lg = g.parent(l);
            if (ls.isEmpty() && lg >= 0 && g.token(l).pos().equals("VBG")
                    && (lr.startsWith("acl") || lr.startsWith("advcl") || lr.startsWith("xcomp"))) {
                // "the United States and Iraq are on the verge of engaging in discussions": the clause's subject
                for (String r : VERB_SUBJECT) {
                    addChildren(ls, lg, r, n);
                }
            }
            for (int i = 0; i < ls.mentions.size(); i++) {
                src.add(ls.mentions.get(i), lw + ls.trace.get(i).substring(0, ls.trace.get(i).indexOf('(')));
            }
            if (tgt.isEmpty()) {
                Side lt = new Side();
                for (String r : LIGHT_TARGET) {
                    addChildren(lt, l, r, n);
                }
                for (int i = 0; i < lt.mentions.size(); i++) {
                    tgt.add(lt.mentions.get(i), lw + lt.trace.get(i).substring(0, lt.trace.get(i).indexOf('(')));
                }
            }
        }
    }

    private void arguments(Trigger t, Side src, Side tgt) {
        if (t.isNoun()) {
            nounArguments(t, src, tgt);
        } else {
            verbArguments(t, src, tgt);
        }
        tgt.removeAll(src);
        dropSelfReference(src, tgt);
    }

    private static final Set<String> PRONOUNS = Set.of("its", "it", "their", "them", "they", "his", "him", "he",
            "her", "she", "itself", "themselves", "himself", "herself");

    /** "Iran commended its legislation" with "its" read as Iran: an actor does not praise itself. */
    private static void dropSelfReference(Side src, Side tgt) {
        for (int i = tgt.mentions.size() - 1; i >= 0; i--) {
            Actor a = tgt.mentions.get(i).actor();
            if (!PRONOUNS.contains(a.text().toLowerCase(Locale.ROOT))) {
                continue;
            }
            for (ActorMention m : src.mentions) {
                if (m.actor().code().equals(a.code())) {
                    tgt.mentions.remove(i);
                    tgt.trace.remove(i);
                    break;
                }
            }
        }
    }

    /** Who would receive what is offered or refused: "refused to give food aid to North Korea". */
    private void topicRecipient(Trigger t, Side tgt, Side src) {
        Side r = new Side();
        for (int tok : new int[] {t.topicWord, t.topicToken}) {
            if (tok < 0 || !r.isEmpty()) {
                continue;
            }
            Trigger tt = triggerAt[tok];
            if (tt != null) {
                arguments(tt, new Side(), r);
            } else {
                for (String rel : LIGHT_TARGET) {
                    addChildren(r, tok, rel, t.token);
                }
            }
        }
        r.removeAll(src);
        for (int i = 0; i < r.mentions.size(); i++) {
            tgt.add(r.mentions.get(i), "topic:" + r.trace.get(i).substring(0, r.trace.get(i).indexOf('(')));
        }
    }

    /** Who is asked or told to do something: the doer of the topic ("the withdrawal of US troops"). */
    private void topicDoer(int topic, Side tgt, Side src) {
        Trigger tt = triggerAt[topic];
        Side doer = new Side();
        if (tt != null) {
            arguments(tt, doer, new Side());
        } else if (g.token(topic).pos().startsWith("VB")) {
            addChildren(doer, topic, "nsubj", topic);
        } else {
            addChildren(doer, topic, "nmod:of", topic);
            addChildren(doer, topic, "nmod:poss", topic);
        }
        doer.removeAll(src);
        for (int i = 0; i < doer.mentions.size(); i++) {
            tgt.add(doer.mentions.get(i), "topic:" + doer.trace.get(i).substring(0, doer.trace.get(i).indexOf('(')));
        }
    }

    // ------------------------------------------------------------------------------------------ speech and intent

    /** The speech cue whose content holds a token (by clausal complement or quotation), or -1. */
    private int speechCue(int token) {
        int cur = token;
        for (int depth = 0; depth < 12; depth++) {
            int p = g.parent(cur);
            if (p < 0) {
                break;
            }
            String r = g.parentRelation(cur);
            Trigger pt = triggerAt[p];
            if (pt != null && pt.options.speech() && (r.equals("ccomp") || r.equals("parataxis")
                    || (r.equals("dep") && g.quoted(cur)))) {
                return p;
            }
            cur = p;
        }
        if (g.quoted(token)) {
            int best = -1;
            for (Trigger t : triggers) {
                if (t.options.speech() && !g.quoted(t.token) && t.token != token) {
                    if (best < 0 || Math.abs(t.token - token) < Math.abs(best - token)) {
                        best = t.token;
                    }
                }
            }
            return best;
        }
        return -1;
    }

    /** Whether a verb has a {@code mark} child of this lemma, wherever it stands among its markers. */
    private boolean hasMark(int token, String lemma) {
        int[] kids = g.childTokens(token);
        String[] rels = g.childRelations(token);
        for (int k = 0; k < kids.length; k++) {
            if (rels[k].equals("mark") && lower(g.lemma(kids[k])).equals(lemma)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether a verb's object noun is the verb's own act, and so shares its modality: a support verb ("plans to
     * launch an attack"), an easing verb ("agreed to lift the curfew"), or an intention, negation or imminence
     * word ("threatened attacks", "denied the raid"). Any other verb acts on an event that exists ("vowed to avenge
     * the killing", "promised to investigate the bombing").
     */
    private boolean governsItsObjectsEvent(String lemma) {
        return lex.inClass("LIGHT", lemma) || lex.inClass("EASING", lemma) || lex.inClass("INTENT", lemma)
                || lex.inClass("NEGATOR", lemma) || lex.inClass("NEGATOR_OBJECT", lemma) || lex.inClass("IMMINENT", lemma);
    }

    /** The intention word governing a token ("determination to remove"), or -1. */
    private int intentWord(int token) {
        int cur = token;
        for (int depth = 0; depth < 4; depth++) {
            int xs = g.child(cur, "nsubj:xsubj");
            if (xs >= 0 && lex.inClass("INTENT", lower(g.lemma(xs)))) {
                return xs; // "its determination to rid …" parsed with the noun as controller
            }
            int p = g.parent(cur);
            if (p < 0) {
                return -1;
            }
            String r = g.parentRelation(cur);
            if (!(r.equals("xcomp") || r.startsWith("acl") || r.equals("ccomp") || r.equals("obl:for")
                    || r.equals("nmod:for") || r.equals("obj"))) {
                return -1;
            }
            if (lex.inClass("INTENT", lower(g.lemma(p)))) {
                return p;
            }
            cur = p;
        }
        return -1;
    }

    /** Who holds an intention: the possessor of the noun ("its determination"), else its clause's subject. */
    private Side holder(int word) {
        Side h = new Side();
        Token tok = g.token(word);
        if (tok.pos().startsWith("NN")) {
            addChildren(h, word, "nmod:poss", word);
            if (h.isEmpty()) {
                addChildren(h, word, "compound", word);
            }
            if (h.isEmpty()) {
                int p = g.parent(word);
                String r = g.parentRelation(word);
                if (p >= 0 && (r.equals("obj") || r.equals("nsubj"))) {
                    for (String sr : VERB_SUBJECT) {
                        addChildren(h, p, sr, word);
                    }
                }
            }
        } else {
            for (String sr : VERB_SUBJECT) {
                addChildren(h, word, sr, word);
            }
            if (h.isEmpty() && tok.pos().startsWith("JJ")) {
                // "is keen on", "determined to": the adjective's subject
                addChildren(h, word, "nsubj", word);
            }
        }
        return h;
    }

    // ------------------------------------------------------------------------------------------ modality

    private record Mod(boolean negated, boolean hypothetical, boolean future, String why) {
        Modality modality() {
            return new Modality(negated, hypothetical, future);
        }
    }

    private Mod modality(int token, int stopAt) {
        boolean neg = false, hyp = false, fut = false;
        StringBuilder why = new StringBuilder();
        // own marks
        int[] kids = g.childTokens(token);
        String[] rels = g.childRelations(token);
        for (int k = 0; k < kids.length; k++) {
            String l = lower(g.lemma(kids[k]));
            String w = lower(g.token(kids[k]).word());
            String r = rels[k];
            if ((r.startsWith("advmod") || r.equals("neg") || r.equals("det")) && (lex.inClass("NEGATION", l)
                    || lex.inClass("NEGATION", w))) {
                neg = true;
                why.append(" negated(").append(g.token(kids[k]).word()).append(')');
            } else if (r.startsWith("aux") && lex.inClass("MODAL_FUTURE", w)) {
                fut = true;
                why.append(" future(").append(g.token(kids[k]).word()).append(')');
            } else if (r.startsWith("aux") && lex.inClass("MODAL_HYPOTHETICAL", w)) {
                hyp = true;
                why.append(" hypothetical(").append(g.token(kids[k]).word()).append(')');
            } else if (r.equals("mark") && lex.inClass("CONDITIONAL", l)) {
                hyp = true;
                why.append(" hypothetical(").append(g.token(kids[k]).word()).append(')');
            } else if (r.equals("amod") && lex.inClass("FUTURE_WORDS", l)) {
                fut = true;
                why.append(" future(").append(g.token(kids[k]).word()).append(')');
            } else if (r.equals("amod") && lex.inClass("HYPOTHETICAL_WORDS", l)) {
                hyp = true;
                why.append(" hypothetical(").append(g.token(kids[k]).word()).append(')');
            }
        }
        // "called on the government to release" is parsed with two markers, "on" first: still an infinitive
        boolean infinitive = hasMark(token, "to");
        // governors
        int cur = token;
        for (int depth = 0; depth < 8; depth++) {
            int p = g.parent(cur);
            String r = g.parentRelation(cur);
            if (p < 0 || p == stopAt) {
                if (p >= 0 && p == stopAt && lex.inClass("NEGATOR", lower(g.lemma(p)))) {
                    neg = true;
                    why.append(" negated(").append(g.token(p).word()).append(')');
                }
                break;
            }
            String pl = lower(g.lemma(p));
            if (r.equals("obj") && g.token(cur).isNoun() && !governsItsObjectsEvent(pl)) {
                break; // "vowed to avenge the killing": the killing that is avenged did happen
            }
            if (cur == token && infinitive && (r.startsWith("xcomp") || r.startsWith("acl") || r.startsWith("advcl"))) {
                if (lex.inClass("IMPLICATIVE", pl)) {
                    boolean going = pl.equals("go") && g.token(p).pos().equals("VBG");
                    if (going) {
                        fut = true;
                        why.append(" future(going to)");
                    }
                } else if (!lex.inClass("NEGATOR", pl)) {
                    hyp = true;
                    why.append(" hypothetical(to ").append(g.token(p).word()).append(')');
                }
            }
            if (!MODALITY_CLIMB.contains(r) && !r.startsWith("obl") && !r.startsWith("nmod")
                    && !(r.startsWith("acl:") && !r.equals("acl:relcl"))) {
                break; // a noun's complement ("the verge of engaging") shares its tense; a relative clause does not
            }
            if ((lex.inClass("NEGATOR", pl) && (r.equals("xcomp") || r.equals("ccomp")))
                    || (lex.inClass("NEGATOR_OBJECT", pl) && r.equals("obj"))) {
                neg = true;
                why.append(" negated(").append(g.token(p).word()).append(')');
            } else if (lex.inClass("INTENT", pl) && INTENT_COMPLEMENT.contains(r) && !hyp) {
                hyp = true;
                why.append(" hypothetical(").append(g.token(p).word()).append(')');
            } else if (lex.inClass("IMMINENT", pl) && !fut) {
                fut = true; // "on the verge of engaging in discussions": not yet begun
                why.append(" future(").append(g.token(p).word()).append(')');
            }
            int[] pk = g.childTokens(p);
            String[] pr = g.childRelations(p);
            for (int k = 0; k < pk.length; k++) {
                String w = lower(g.token(pk[k]).word());
                if (pr[k].startsWith("aux") && lex.inClass("MODAL_FUTURE", w) && !fut) {
                    fut = true;
                    why.append(" future(").append(g.token(pk[k]).word()).append(' ').append(g.token(p).word()).append(')');
                } else if (pr[k].startsWith("aux") && lex.inClass("MODAL_HYPOTHETICAL", w) && !hyp) {
                    hyp = true;
                    why.append(" hypothetical(").append(g.token(pk[k]).word()).append(' ').append(g.token(p).word()).append(')');
                } else if (r.equals("xcomp") && pr[k].startsWith("advmod") && lex.inClass("NEGATION", w) && !neg) {
                    neg = true;
                    why.append(" negated(").append(g.token(pk[k]).word()).append(' ').append(g.token(p).word()).append(')');
                } else if (pr[k].equals("mark") && lex.inClass("CONDITIONAL", lower(g.lemma(pk[k]))) && !hyp) {
                    hyp = true;
                    why.append(" hypothetical(").append(g.token(pk[k]).word()).append(')');
                }
            }
            if (r.equals("ccomp") || r.startsWith("nsubj")) {
                break; // a complement clause or a subject keeps its own tense beyond its governor
            }
            cur = p;
        }
        return new Mod(neg, hyp, fut, why.toString());
    }

    private Mod withDate(Mod m, EventDate date) {
        if (m.future || date == null || date.fromPublication()) {
            return m;
        }
        boolean future = date.value().startsWith("FUTURE");
        if (!future && date.date() != null && article.published().isPresent()
                && date.date().isAfter(article.published().get())) {
            future = true;
        }
        return future ? new Mod(m.negated, m.hypothetical, true, m.why + " future(date " + date.value() + ")") : m;
    }

    // ------------------------------------------------------------------------------------------ coding

    private void codeTrigger(Trigger t) {
        Side src = new Side();
        Side tgt = new Side();
        roleSides(t, src, tgt);
        int cue = speechCue(t.token);
        int intent = intentWord(t.token);
        if (t.options.stanceCode() != null && (cue >= 0 || intent >= 0)) {
            if (codeStance(t, cue, intent)) {
                return;
            }
        }
        String code = codeOf(t);
        if (code.isEmpty()) {
            return;
        }
        if (t.isStatement()) {
            return; // statements are coded last, once stances from their content are known
        }
        Coded c = refusal(t, code, triggerModality(t, cue));
        String said = "";
        Side speaker = speaker(t, cue);
        if (!speaker.isEmpty()) {
            said = " said-by=" + String.join("+", speaker.trace) + " via " + g.token(cue).word();
        }
        if (!emitMutual(t, c.code, src, tgt, c.mod, said)) {
            emit(t, c.code, src, tgt, c.mod, said, "");
        }
        if (t.options.host() && !tgt.isEmpty() && !src.isEmpty()) {
            emit(t, "042", tgt, src, c.mod, said, " mirror-of=host[" + c.code + "]");
        }
    }

    /**
     * "Armenia and Azerbaijan agreed to a ceasefire", "Police and protesters clashed": conjoined parties of a mutual
     * act with no one else named act toward each other, so each gets an event with the others as recipients. Only
     * parties that name a country or an organisation count (a bare "military" beside "US" is no second party).
     */
    private boolean emitMutual(Trigger t, String code, Side src, Side tgt, Mod mod, String said) {
        if (!t.options.mutual() || !tgt.isEmpty() || src.mentions.size() < 2) {
            return false;
        }
        Set<String> parties = new HashSet<>();
        for (ActorMention m : src.mentions) {
            if (isParty(m.actor())) {
                parties.add(m.actor().code());
            }
        }
        if (parties.size() < 2) {
            return false;
        }
        for (int i = 0; i < src.mentions.size(); i++) {
            if (!isParty(src.mentions.get(i).actor())) {
                continue;
            }
            Side one = new Side();
            one.mentions.add(src.mentions.get(i));
            one.trace.add(src.trace.get(i));
            Side others = new Side();
            for (int j = 0; j < src.mentions.size(); j++) {
                ActorMention o = src.mentions.get(j);
                if (j != i && isParty(o.actor()) && !o.actor().code().equals(src.mentions.get(i).actor().code())) {
                    others.mentions.add(o);
                    others.trace.add("mutual:" + src.trace.get(j));
                }
            }
            emit(t, code, one, others, mod, said, " mutual");
        }
        return true;
    }

    private static boolean isParty(Actor a) {
        return !a.code().isEmpty() && (!a.country().isEmpty() || !a.code().equals(a.sector()));
    }

    /** A trigger's arguments, then, for a family word without a target, whom its topic or complement names. */
    private void roleSides(Trigger t, Side src, Side tgt) {
        arguments(t, src, tgt);
        if (t.options.family() != null && tgt.isEmpty() && t.topicToken >= 0) {
            String f = t.options.family();
            if (f.equals("reject") || f.equals("intent")) {
                topicRecipient(t, tgt, src);
            } else {
                topicDoer(t.topicToken, tgt, src);
            }
        }
        if (t.options.family() != null && tgt.isEmpty() && t.topicToken < 0 && t.complement >= 0
                && g.token(t.complement).pos().startsWith("VB")) {
            // "demanded that Hamas recognize Israel": Hamas is asked
            Side asked = new Side();
            addChildren(asked, t.complement, "nsubj", t.token);
            asked.removeAll(src);
            for (int i = 0; i < asked.mentions.size(); i++) {
                tgt.add(asked.mentions.get(i), "complement:nsubj");
            }
        }
    }

    private record Coded(String code, Mod mod) {
    }

    /** The trigger's own modality joined with its support verb's. */
    private Mod triggerModality(Trigger t, int cue) {
        Mod mod = modality(t.token, cue);
        if (t.light >= 0) {
            Mod lm = modality(t.light, cue);
            mod = new Mod(mod.negated || lm.negated, mod.hypothetical || lm.hypothetical, mod.future || lm.future,
                    mod.why.contains(lm.why) ? mod.why : mod.why + lm.why);
        }
        return mod;
    }

    /** "Will not lift the embargo until …" is a refusal now, not a negated easing later. */
    private Coded refusal(Trigger t, String code, Mod mod) {
        if (mod.negated && mod.future && !t.isNoun()) {
            String refused = refusalCode(t);
            if (refused != null) {
                return new Coded(refused, new Mod(false, mod.hypothetical, false, mod.why + " refusal"));
            }
        }
        return new Coded(code, mod);
    }

    /** Who reports the trigger's clause: the sources of the speech cue above it (empty when none). */
    private Side speaker(Trigger t, int cue) {
        Side speaker = new Side();
        if (cue >= 0 && cue != t.token) {
            arguments(triggerAt[cue], speaker, new Side());
        }
        return speaker;
    }

    /** The reject-family code of a yielding word ("lift", "release", "withdraw") from its topic, or null. */
    private String refusalCode(Trigger t) {
        String code = codeOf(t);
        if (!code.startsWith("08") && !code.startsWith("03") && !code.startsWith("07")) {
            return null;
        }
        int obj = lex.inClass("EASING", lower(g.lemma(t.token))) ? g.child(t.token, "obj") : -1;
        EventLexicon.Topic tp = obj >= 0 ? topicOf(obj) : null;
        if (tp == null || tp.codeByFamily().get("reject") == null) {
            tp = topicOf(t.token);
        }
        return tp == null ? null : tp.codeByFamily().get("reject");
    }

    /**
     * "He said that the US attacks violate international law": the speaker accuses the US. The stance
     * replaces the content word's own event, which the article does not assert.
     */
    private boolean codeStance(Trigger t, int cue, int intent) {
        Stance st = stance(t, cue, intent);
        if (st == null) {
            return false;
        }
        for (int cur = t.token, d = 0; cur >= 0 && d < 12; cur = g.parent(cur), d++) {
            if (triggerAt[cur] != null && triggerAt[cur].options.speech()) {
                triggerAt[cur].statedStance = true;
            }
        }
        // a stance is as old as its utterance: dated and qualified by the speech or intention word, not the content
        emit(t, t.options.stanceCode(), st.holder, st.target, st.mod, "", st.how, st.voice >= 0 ? st.voice : t.token);
        return true;
    }

    /** A speaker's or intention holder's stance toward the word's argument, or null when nobody holds it. */
    private record Stance(Side holder, Side target, Mod mod, String how, int voice) {
    }

    private Stance stance(Trigger t, int cue, int intent) {
        Side holder = intent >= 0 ? holder(intent) : new Side();
        int voice = intent >= 0 && !holder.isEmpty() ? intent : cue;
        if (holder.isEmpty() && cue >= 0) {
            arguments(triggerAt[cue], holder, new Side());
            voice = cue;
        }
        if (holder.isEmpty()) {
            return null;
        }
        Side target = new Side();
        String role = t.options.stanceRole();
        if (role.equals("subj")) {
            Side s2 = new Side();
            int subj = g.child(t.token, "nsubj");
            if (subj >= 0 && triggerAt[subj] != null && triggerAt[subj].isNoun()) {
                // "the US attacks … violate international law": the accused are the attackers
                arguments(triggerAt[subj], s2, new Side());
            } else {
                arguments(t, s2, new Side());
            }
            target = s2;
        } else if (role.equals("obj")) {
            for (String r : VERB_OBJECT) {
                addChildren(target, t.token, r, t.token);
            }
            if (target.isEmpty()) {
                addChildren(target, t.token, "nmod:of", t.token);
            }
        } else {
            addPath(target, t.token, role, t.token);
        }
        target.removeAll(holder);
        Mod mod = voice >= 0 ? modality(voice, -1) : new Mod(false, false, false, "");
        String ahead = voice >= 0 ? contentFuture(t.token, voice) : null;
        if (ahead != null && !mod.future) {
            // "declared that the upcoming weeks will witness laws that would end US presence": what is
            // demanded lies ahead, whenever the demand was made
            mod = new Mod(mod.negated, mod.hypothetical, true, mod.why + " future(content: " + ahead + ")");
        }
        String how = " stance-of=" + t.entry.lemma() + "[" + t.code + "] via "
                + (voice == intent ? "intent:" : "speech:") + g.token(voice).word();
        return new Stance(holder, target, mod, how, voice);
    }

    /**
     * The future cue of reported or intended content, read on the way from the content word up to its speech or
     * intention word, through relative clauses too: a future auxiliary ("will witness"), a future word on an
     * argument ("the upcoming weeks"), or a date after publication. Null when the content is not in the future.
     */
    private String contentFuture(int token, int voice) {
        EventDate d = times == null ? null : times.dateOf(s.index(), token);
        if (d != null && !d.fromPublication() && (d.value().startsWith("FUTURE") || (d.date() != null
                && article.published().isPresent() && d.date().isAfter(article.published().get())))) {
            return "date " + d.value();
        }
        int cur = token;
        for (int depth = 0; depth < 12 && cur >= 0 && cur != voice; depth++) {
            int[] kids = g.childTokens(cur);
            String[] rels = g.childRelations(cur);
            for (int k = 0; k < kids.length; k++) {
                String w = lower(g.token(kids[k]).word());
                if (rels[k].startsWith("aux") && lex.inClass("MODAL_FUTURE", w)) {
                    return w + " " + g.token(cur).word();
                }
                if (rels[k].equals("amod") && lex.inClass("FUTURE_WORDS", lower(g.lemma(kids[k])))) {
                    return w + " " + g.token(cur).word();
                }
                if (rels[k].startsWith("nsubj") || rels[k].startsWith("obl")) {
                    int[] gk = g.childTokens(kids[k]);
                    String[] gr = g.childRelations(kids[k]);
                    for (int j = 0; j < gk.length; j++) {
                        if (gr[j].equals("amod") && lex.inClass("FUTURE_WORDS", lower(g.lemma(gk[j])))) {
                            return g.token(gk[j]).word() + " " + g.token(kids[k]).word();
                        }
                    }
                }
            }
            cur = g.parent(cur);
        }
        return null;
    }

    private void codeStatement(Trigger t) {
        Side src = new Side();
        Side tgt = new Side();
        arguments(t, src, tgt);
        if (src.isEmpty()) {
            return;
        }
        boolean content = g.child(t.token, "ccomp") >= 0 || g.child(t.token, "parataxis") >= 0
                // "denied the charges", "regretted the decision": what is denied is the content
                || (!codeOf(t).equals(EventLexicon.STATEMENT)
                    && (g.child(t.token, "obj") >= 0 || reducedObjectRelative(t.token) >= 0));
        for (int i = 0; i < g.size && !content; i++) {
            content = g.quoted(i) && speechCue(i) == t.token;
        }
        if (!content) {
            return;
        }
        boolean media = true;
        for (ActorMention m : src.mentions) {
            if (!"MED".equals(m.actor().sector())) {
                media = false;
            }
        }
        if (media) {
            return; // an outlet reporting is the article's sourcing, not a political statement
        }
        Mod mod = modality(t.token, -1);
        emit(t, codeOf(t), src, addressee(t, src), mod, "", "");
    }

    /**
     * The noun a verb's missing object refers back to in a relative clause without "which" ("…, a charge the
     * ministry denied"), which the parser hangs on the verb as {@code dep} or as a second subject; or -1.
     */
    private int reducedObjectRelative(int verb) {
        if (g.child(verb, "obj") >= 0) {
            return -1;
        }
        int[] kids = g.childTokens(verb);
        String[] rels = g.childRelations(verb);
        for (int k = 0; k < kids.length; k++) {
            int noun = kids[k];
            if (!(rels[k].equals("dep") || rels[k].equals("nsubj")) || !g.token(noun).pos().startsWith("NN")
                    || noun > verb) {
                continue;
            }
            for (int j = 0; j < kids.length; j++) {
                if (rels[j].equals("nsubj") && kids[j] > noun && kids[j] < verb) {
                    return noun; // the verb's own subject stands between the noun and the verb
                }
            }
        }
        return -1;
    }

    /** A statement's recipient is whom it was addressed to, never an actor of its content. */
    private Side addressee(Trigger t, Side src) {
        Side addressee = new Side();
        int[] kids = g.childTokens(t.token);
        String[] rels = g.childRelations(t.token);
        for (int k = 0; k < kids.length; k++) {
            ActorMention m = mentionAt[kids[k]];
            if (m != null && (rels[k].equals("obj") || rels[k].equals("iobj") || rels[k].equals("obl:to"))
                    && !"MED".equals(m.actor().sector()) && !src.mentions.contains(m)) {
                addressee.add(m, rels[k]);
            }
        }
        return addressee;
    }

    private void emit(Trigger t, String code, Side src, Side tgt, Mod mod0, String said, String how) {
        emit(t, code, src, tgt, mod0, said, how, t.token);
    }

    private void emit(Trigger t, String code, Side src, Side tgt, Mod mod0, String said, String how, int dateToken) {
        Optional<CameoCode> cameo = coder.cameo(code);
        if (cameo.isEmpty()) {
            return;
        }
        int quad = cameo.get().quadClass();
        if (src.isEmpty() && (tgt.isEmpty() || quad != 4 || !agentless(t))) {
            return;
        }
        List<Actor> actor = DependencyEventCoder.actorsOf(src.mentions);
        List<Actor> recipient = DependencyEventCoder.actorsOf(tgt.mentions);
        Token trig = g.token(t.token);
        String key = t.token + "|" + code + "|" + codes(actor) + "|" + codes(recipient);
        if (!emitted.add(key)) {
            return;
        }
        EventDate date = DependencyEventCoder.dateOrPublication(times, article, s.index(), dateToken);
        Mod mod = withDate(mod0, date);
        Optional<PloverCoding> plover = coder.plover(code);
        StringBuilder ex = new StringBuilder();
        ex.append("lexicon:").append(t.entry.lemma()).append('[').append(code).append("] line ").append(t.ruleLine);
        if (!t.rule.isEmpty()) {
            ex.append(" rule(").append(t.rule).append(')');
        }
        if (!t.topic.isEmpty()) {
            ex.append(" topic=").append(t.topic);
        }
        ex.append(how);
        ex.append(src.describe("source")).append(tgt.describe("target"));
        if (t.light >= 0) {
            ex.append(" support-verb=").append(g.token(t.light).word());
        }
        ex.append(said);
        if (!mod.why.isEmpty()) {
            ex.append(" modality:").append(mod.why);
        }
        ex.append(" date=").append(date.value()).append(date.fromPublication() ? "(publication)" : "(" + date.text() + ")");
        TextInfo info = new TextInfo(s.index(), s.start(), s.end(), trig.word(), trig.start(), trig.end(), s.text());
        String id = DependencyEventCoder.eventId(article.id(), s.index(), trig.start(), trig.end(), code, actor, recipient);
        Cameo c = new Cameo(code, cameo.get().goldstein(), cameo.get().quadClass());
        out.add(new Event(id, article.id(), date, actor, recipient,
                plover.map(PloverCoding::eventType).orElse(""), plover.map(PloverCoding::mode).orElse(""),
                plover.map(PloverCoding::contexts).orElse(List.of()), c, info, mod.modality(), ex.toString(),
                coder.codebook().version()));
    }

    /**
     * A nominal ("airstrikes on …") or passive ("were killed") trigger may leave its doer unsaid; an active verb
     * without a subject is an infinitive, an imperative or a parse gone wrong, and is not coded one-sided.
     */
    private boolean agentless(Trigger t) {
        return t.isNoun() || g.isPassive(t.token)
                || (g.token(t.token).pos().equals("VBN") && g.parentRelation(t.token).startsWith("acl"));
    }

    private static String codes(List<Actor> actors) {
        StringBuilder sb = new StringBuilder();
        for (Actor a : actors) {
            sb.append(a.code()).append('@').append(a.start()).append(',');
        }
        return sb.toString();
    }
}
