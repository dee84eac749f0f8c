package org.khaldun.attribution;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.khaldun.actor.Actor;
import org.khaldun.actor.ActorIndex;
import org.khaldun.actor.ActorMention;
import org.khaldun.article.Article;
import org.khaldun.nlp.Sentence;
import org.khaldun.nlp.Token;

/**
 * Finds attributions with rules over tokens, quotation marks and, where a sentence was parsed, its dependencies.
 *
 * <p>Every attribution starts from a cue: a reporting verb of the lexicon ("said", "told", "adding"), "according
 * to", a reporting noun followed by a that-clause ("X's statement that"), or a colon after a name in a headline.
 * Around the cue the rules look for:
 * <ul>
 *   <li>content to the right ({@code verb:complement}): "that ...", ": '...'", a quotation, a to-infinitive for
 *       "call on / urge", the clausal complement of the parse ("said the plan would ..."), or a noun phrase for
 *       "emphasize"-type verbs;</li>
 *   <li>content to the left ({@code verb:postposed}): "'...,' he said", "..., a US official told CNN", "..., said
 *       Trump"; a quotation that opened sentences earlier is taken whole;</li>
 *   <li>the speaker: the subject in the parse, else the noun phrase next to the cue; participles without a subject
 *       ("..., adding that") take the speaker of the clause they hang on;</li>
 *   <li>the channel: a media addressee ("told CNN"), "in a statement", "in an interview with X", "on Twitter".</li>
 * </ul>
 * Quotations of four words or more that no cue claimed continue the nearest earlier speaker of the same or the
 * previous paragraph ({@code quote:continuation}). Shorter quotations are scare quotes or titles and never make an
 * attribution on their own.
 *
 * <p>Immutable and thread-safe.
 */
public final class RuleAttributionFinder implements AttributionFinder {

    private static final Set<String> PRONOUNS = setOf("he", "she", "they", "i", "we", "it", "you");
    private static final Set<String> DETERMINERS = setOf("the", "a", "an", "this", "these", "those", "his", "her",
            "their", "its", "our", "my", "your", "some", "several", "two", "three", "many", "one", "another", "other",
            "all", "both", "each", "no", "any", "most", "such");
    /** Adverbs and auxiliaries that may stand between a speaker and its verb ("he also said", "has repeatedly said"). */
    private static final Set<String> SKIPPABLE = setOf("also", "has", "have", "had", "later", "then", "again",
            "further", "previously", "reportedly", "recently", "once", "repeatedly", "publicly", "privately", "first",
            "will", "would", "could", "may", "might", "has", "was", "is", "are", "were", "been", "be", "separately",
            "earlier", "similarly", "often", "frequently", "already", "just", "simply", "flatly", "openly", "explicitly",
            "initially", "originally", "still", "even", "only", "finally", "subsequently", "quickly", "immediately",
            "clearly", "did", "does", "do", "not", "never", "specifically", "directly", "allegedly", "apparently");
    private static final Set<String> NOT_IN_NP = setOf("in", "on", "at", "by", "for", "from", "with", "to", "into",
            "about", "after", "before", "during", "over", "under", "as", "than", "while", "when", "if", "because",
            "since", "that", "which", "who", "whom", "whose", "where", "but", "or", "nor", "so", "yet", "is", "are",
            "was", "were", "be", "been", "has", "have", "had", "will", "would", "can", "could", "may", "might",
            "should", "must", "do", "does", "did", "not", "there", "here", "also", "then", "however", "although",
            "though", "what", "how", "why", "according", "against", "between", "through", "without", "within", "upon",
            "amid", "among", "across", "per", "via", "like", "unlike", "including", "despite");
    private static final Set<String> ADVERBIAL_PREPS = setOf("in", "on", "at", "during", "through", "via", "to",
            "after", "before", "late", "early", "last", "earlier", "this", "with", "over", "from", "outside", "inside");
    private static final Set<String> TIME_WORDS = setOf("today", "yesterday", "tomorrow", "tonight", "monday",
            "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "recently", "also", "again", "earlier",
            "later", "previously", "publicly", "privately", "repeatedly", "separately", "then", "now", "once", "further",
            "last", "week", "month", "year", "morning", "afternoon", "evening", "night", "flatly", "bluntly", "openly",
            "explicitly", "firmly", "strongly", "clearly", "simply", "specifically", "directly", "emphatically", "loudly",
            "quietly", "angrily", "confidently", "frankly", "plainly", "sharply", "ominously", "already", "often");
    /** Dashes that sign a quotation with its speaker's name ("'...' ― Maria Lopez"). */
    private static final Set<String> SIGNATURE_DASHES = setOf("―", "—", "--", "–");
    /** Verbs of commitment whose content may be a to-infinitive right after them ("vowed to ...", "promised to ..."). */
    private static final Set<String> COMMITMENTS = setOf("vow", "promise", "pledge", "threaten");

    /** Verbs whose content may follow without "that" ("said the plan would ..."). */
    private static final Set<String> BARE_COMPLEMENT = setOf("say", "claim", "insist", "argue", "believe", "think",
            "suggest", "predict", "admit", "acknowledge", "estimate", "fear", "hope", "know", "feel", "warn", "add",
            "note", "tell", "assert", "contend", "maintain", "concede", "write", "tweet", "expect", "argue");
    /** Auxiliaries and copulas: never the cue of a quotation by themselves. */
    private static final Set<String> AUXILIARIES = setOf("is", "was", "are", "were", "be", "been", "has", "have", "had",
            "does", "do", "did", "will", "would", "can", "could", "may", "might", "must", "should", "shall", "'s", "’s");

    private static final Set<String> ANON_GOV_HEADS = setOf("official", "officials", "diplomat", "diplomats", "aide",
            "aides", "spokesperson", "spokesman", "spokeswoman", "minister", "ministers", "adviser", "advisers",
            "advisor", "advisors", "staffer", "staffers");

    private final CueLexicon lexicon;

    private static Set<String> setOf(String... words) {
        return Set.copyOf(java.util.Arrays.asList(words));
    }

    public RuleAttributionFinder() {
        this(CueLexicon.standard());
    }

    public RuleAttributionFinder(CueLexicon lexicon) {
        this.lexicon = lexicon;
    }

    @Override
    public List<Attribution> find(Article article, List<Sentence> sentences, ActorIndex actors) {
        return new Run(article.text(), sentences, actors).run();
    }

    /**
     * A sentence holding a double quotation mark and a reporting verb (a verb by its tag, when it has one): who speaks
     * in "'...,' Rep. Elijah Cummings (D-Md.) said" or "saying anybody who complains 'is not having a good night'"
     * is read far better from the parse than from tokens.
     */
    @Override
    public boolean wantsParse(Sentence sentence) {
        boolean mark = false;
        boolean verb = false;
        for (Token t : sentence.tokens()) {
            if (Quotes.isDoubleMark(t.word())) {
                mark = true;
            } else if (!verb && lexicon.verb(t.word()) != null && (t.pos().isEmpty() || t.pos().startsWith("VB"))) {
                verb = true;
            }
        }
        // a verb near the mark only (eight tokens) saved 1 point in 38 of the parses and lost 0.015 speaker F1
        return mark && verb;
    }

    /** A candidate before ids are given. */
    private record Found(int sentence, int cueTok, String cue, Span cueSpan, Optional<Actor> speaker, List<Span> content,
                         SourceKind kind, String channel, boolean anonymous, String rule, String speakerName) {

        Found withContent(List<Span> more) {
            return new Found(sentence, cueTok, cue, cueSpan, speaker, more, kind, channel, anonymous, rule, speakerName);
        }
    }

    /** The speaker phrase: token extent and head in the cue's sentence; first == -1 when there is none. */
    private record Speaker(int first, int last, int head) {
        static final Speaker NONE = new Speaker(-1, -1, -1);

        boolean present() {
            return first >= 0;
        }
    }

    /** Everything for one article. Not shared between threads. */
    private final class Run {
        final String text;
        final List<Sentence> sentences;
        final ActorIndex actors;
        final int[] paragraph;
        final List<Quotes.Quote> quotes;
        final Graph[] graphs;
        final List<Found> found = new ArrayList<>();
        final Map<Integer, List<String>> words = new HashMap<>();
        private Persons persons;

        Run(String text, List<Sentence> sentences, ActorIndex actors) {
            this.text = text;
            this.sentences = sentences;
            this.actors = actors;
            this.paragraph = new int[sentences.size()];
            int p = 0;
            for (int i = 0; i < sentences.size(); i++) {
                if (i > 0) {
                    int from = Math.min(sentences.get(i - 1).end(), text.length());
                    int to = Math.min(sentences.get(i).start(), text.length());
                    if (text.substring(from, Math.max(from, to)).indexOf('\n') >= 0) {
                        p++;
                    }
                }
                paragraph[i] = p;
            }
            this.quotes = Quotes.find(text, sentences, paragraph);
            this.graphs = new Graph[sentences.size()];
            for (int i = 0; i < sentences.size(); i++) {
                Sentence s = sentences.get(i);
                if (s.parsed() && !s.dependencies().isEmpty()) {
                    graphs[i] = new Graph(s);
                }
            }
        }

        List<Attribution> run() {
            for (Sentence s : sentences) {
                for (int i = 0; i < s.tokens().size(); i++) {
                    CueLexicon.Verb v = lexicon.verb(s.token(i).word());
                    if (v != null && verbUse(s, i)) {
                        verbCue(s, i, v);
                    }
                    if (lower(s, i).equals("according") && i + 1 < s.tokens().size() && lower(s, i + 1).equals("to")) {
                        accordingTo(s, i);
                    }
                    if (lower(s, i).equals("as")) {
                        asPutIt(s, i);
                    }
                }
            }
            for (Sentence s : sentences) {
                for (int i = 0; i + 1 < s.tokens().size(); i++) {
                    if (lexicon.reportingNoun(s.token(i).word()) && lower(s, i + 1).equals("that")) {
                        reportingNoun(s, i);
                    }
                }
            }
            for (Sentence s : sentences) {
                if (s.index() == 0 || paragraph[s.index() - 1] != paragraph[s.index()]) {
                    speakerLabel(s);
                }
            }
            for (Quotes.Quote q : quotes) {
                if (q.real() && !claimedSpan(q.start(), q.end()) && !mostlyClaimed(q.span())) {
                    if (!unlistedVerbAfter(q)) {
                        colonBefore(q);
                    }
                }
            }
            dashSignatures();
            unclosedBeforeQuotedParagraph();
            continuations();
            found.sort(Comparator.comparingInt((Found f) -> f.content().get(0).start()).thenComparingInt(f -> f.cueSpan().start()));
            dropDuplicates();
            List<Attribution> out = new ArrayList<>(found.size());
            for (Found f : found) {
                out.add(new Attribution(out.size(), f.cue(), f.cueSpan(), f.speaker(), f.content(), f.kind(), f.channel(),
                        form(f.content()), f.anonymous(), f.sentence(), f.rule(), f.speakerName()));
            }
            return out;
        }

        /**
         * Two cues claiming the same content ("'...,' he said. Asked ..., she said '...'" read both ways) make one
         * attribution: the one whose cue stands nearest the content.
         */
        void dropDuplicates() {
            for (int a = 0; a < found.size(); a++) {
                for (int b = found.size() - 1; b > a; b--) {
                    Found x = found.get(a);
                    Found y = found.get(b);
                    if (!x.content().equals(y.content())) {
                        continue;
                    }
                    int dx = distance(x.cueSpan(), x.content());
                    int dy = distance(y.cueSpan(), y.content());
                    if (dy < dx) {
                        found.set(a, y);
                    }
                    found.remove(b);
                }
            }
        }

        int distance(Span cue, List<Span> content) {
            int d = Integer.MAX_VALUE;
            for (Span c : content) {
                d = Math.min(d, cue.end() <= c.start() ? c.start() - cue.end() : cue.start() >= c.end() ? cue.start() - c.end() : 0);
            }
            return d;
        }

        /** People named in the article, found on first need. */
        Persons persons() {
            if (persons == null) {
                persons = Persons.find(text, sentences, paragraph, actors, c -> {
                    for (Quotes.Quote q : quotes) {
                        if (q.real() && q.start() <= c && c < q.end()) {
                            return true;
                        }
                    }
                    return false;
                });
            }
            return persons;
        }

        // ---------------------------------------------------------------- verbs

        /** Whether a lexicon word form is used as a verb here. */
        boolean verbUse(Sentence s, int i) {
            Token t = s.token(i);
            if (i == 0 && (t.word().equals("Said") || t.word().equals("Says")) && s.tokens().size() > 2
                    && s.token(1).isCapitalized()) {
                // "Said Ellis: '...'": the tagger reads the inverted cue as part of a name
                return true;
            }
            if (!t.pos().isEmpty()) {
                return t.pos().startsWith("VB");
            }
            // unparsed: "the claims", "his report" are nouns
            return i == 0 || !DETERMINERS.contains(lower(s, i - 1)) && !lower(s, i - 1).endsWith("'s")
                    && !lower(s, i - 1).endsWith("’s");
        }

        void verbCue(Sentence s, int i, CueLexicon.Verb v) {
            int n = s.tokens().size();
            Graph g = graphs[s.index()];
            if (quoteHolding(s.token(i).start(), s.token(i).end()) != null) {
                // "'Just 9 percent of voters said ...,' he said": the quoted speaker's own report is part of the quote
                return;
            }
            // "Sanders said, going on to say that ...", "she went on to say": the going-on speaks
            int goTok = i >= 3 && lower(s, i - 1).equals("to") && lower(s, i - 2).equals("on")
                    && Set.of("go", "goes", "went", "going", "gone").contains(lower(s, i - 3)) ? i - 3 : -1;
            if (i > 0 && lower(s, i - 1).equals("to") && goTok < 0) {
                // "refused to say", "to deny climate change": not a report of speech
                return;
            }
            if ((followsQuotation(s, i, g) || parenthetical(s, i)) && postposed(s, i, v, g)) {
                return;
            }
            if (v.label() && labelled(s, i, g)) {
                return;
            }
            // content to the right
            int j = i + 1;
            if (j < n && (lower(s, j).equals("out") || lower(s, j).equals("up")) && !v.to()) {
                j++;
            }
            int particleEnd = j;
            if (v.to() && j < n && (lower(s, j).equals("on") || lower(s, j).equals("upon"))) {
                j++;
            }
            int addrFirst = -1;
            int addrLast = -1;
            if ((v.tell() || v.to()) && j < n && !opener(s, j)) {
                int[] obj = objectAfter(s, g, i, j);
                if (obj != null) {
                    addrFirst = obj[0];
                    addrLast = obj[1];
                    // "told MSNBC's “Morning Joe” that": the closing mark of a title quoted inside the addressee
                    Quotes.Quote closing = addrLast + 1 < n && isCloseMark(s, addrLast + 1) ? quoteClosingAt(s, addrLast + 1) : null;
                    if (closing != null && closing.start() >= s.token(addrFirst).start()) {
                        addrLast++;
                    }
                    j = addrLast + 1;
                }
            }
            j = skipAdverbials(s, j);
            int from = -1;
            String rule = "verb:complement";
            if (j < n) {
                String w = lower(s, j);
                if (w.equals("that") && !thatIsPronoun(s, j)) {
                    from = j;
                } else if (w.equals(":") && j + 1 < n) {
                    from = j + 1;
                } else if (w.equals(",") && j + 1 < n && realOpenAt(s, j + 1) != null) {
                    from = j + 1;
                } else if (realOpenAt(s, j) != null) {
                    from = j;
                } else if (v.to() && w.equals("to") && (addrFirst >= 0 || !v.lemma().equals("call"))) {
                    from = j;
                } else if (COMMITMENTS.contains(v.lemma()) && j == i + 1 && w.equals("to") && j + 1 < n && infinitive(s, j + 1)) {
                    // "vowed to harshly punish 'those who violate classification rules'": what the speaker commits to
                    from = j;
                } else if (v.tell() && addrFirst >= 0 && w.equals("to") && j + 1 < n && infinitive(s, j + 1)) {
                    // "tells supporters to 'go to your place and vote'", "warned officials to boost ...": what the
                    // addressee is told to do
                    from = j;
                }
            }
            if (from < 0 && j < n && !v.to()) {
                // "told his radio audience of Monday, '...'", "Said Ellis: '...'": noun and prepositional phrases, then
                // a comma or colon and a quotation
                int k = j;
                while (k < n && k - j < 10 && (npToken(s, k) || ADVERBIAL_PREPS.contains(lower(s, k)) || lower(s, k).equals("of")
                        || lower(s, k).equals("about")) && !lower(s, k).equals(",") && !isOpenMark(s, k)) {
                    k++;
                }
                if (k > j && k + 1 < n && (lower(s, k).equals(",") || lower(s, k).equals(":")) && realOpenAt(s, k + 1) != null) {
                    from = k + 1;
                }
            }
            if (from < 0 && g != null && !v.to()) {
                // "called Iraq's move highly virtuous" is a small clause, not speech: to-verbs need their "to"
                int c = g.child(i, "ccomp");
                if (c < 0) {
                    // "says he's satisfied that ...": a clause with its own subject, parsed as xcomp or dep
                    for (String rel : new String[] {"xcomp", "dep"}) {
                        int x = g.child(i, rel);
                        if (x > i && c < 0 && g.child(x, "nsubj") > i && g.child(x, "nsubj") < x) {
                            c = x;
                        }
                    }
                }
                    if (c > i) {
                    int start = subtreeStart(g, c, i);
                    int subj = g.child(c, "nsubj");
                    if (subj > i && subj < start) {
                        // the extent stops at a stray token ("he ’s satisfied"); the clause starts at its subject
                        start = g.extent(subj)[0];
                    }
                    if (start > i && start <= Math.max(j, i + 1) + 1) {
                        from = Math.max(start, particleEnd);
                        rule = "verb:ccomp";
                    }
                }
            }
            if (from < 0 && j < n && j > i && g == null && BARE_COMPLEMENT.contains(v.lemma()) && bareStart(s, j)) {
                from = j;
                rule = "verb:bare";
            }
            if (from < 0 && j < n && j > i && g != null && !v.to() && BARE_COMPLEMENT.contains(v.lemma())
                    && parsedBareClause(s, g, i, j)) {
                from = j;
                rule = "verb:bare";
            }
            if (from < 0 && j < n) {
                // "still says things such as, “…”", "asked questions, including, “…”", "says Trump's “…”"
                int q = quotationAfterExamples(s, j);
                if (q < 0 && addrFirst >= 0) {
                    // "asked several questions, including …": what looked like an addressee is the object listed
                    q = quotationAfterExamples(s, addrFirst);
                    if (q >= 0) {
                        j = addrFirst;
                        addrFirst = -1;
                        addrLast = -1;
                    }
                }
                String r = "verb:examples";
                if (q < 0) {
                    q = quotationAfterPossessive(s, j);
                    r = "verb:possessive";
                }
                if (q >= 0) {
                    // a quotation running into later sentences is taken whole, from its opening mark
                    from = realOpenAt(s, q).closeSent() > s.index() ? q : j;
                    rule = r;
                }
            }
            boolean participle = participial(s, i);
            if (from < 0 && j < n && lower(s, j).equals(":") && (j + 1 == n || j + 2 == n && isFinal(s, j + 1))
                    && colonBeforeQuotedParagraph(s, i, g, participle, addrFirst, addrLast)) {
                return;
            }
            if (from < 0 && v.np() && j < n && (participle || g != null && g.child(i, "obj") >= j)) {
                if (nounPhraseStart(s, j)) {
                    from = j;
                    rule = "verb:object";
                }
            }
            if (from >= 0 && from < n && !claimed(s, from)) {
                Speaker sp = speakerOf(s, g, i, participle);
                if (goTok >= 0 && !sp.present()) {
                    boolean goParticiple = lower(s, goTok).equals("going") && goTok > 0 && lower(s, goTok - 1).equals(",");
                    sp = goParticiple ? g != null ? governingSubject(s, g, goTok) : sentenceSubject(s, goTok) : speakerOf(s, g, goTok, false);
                    if (!sp.present() && !goParticiple) {
                        sp = leftNounPhrase(s, goTok, true);
                    }
                    participle = participle || goParticiple;
                }
                List<Span> content = List.of(new Span(s.token(from).start(), contentEnd(s, from)));
                if (content.get(0).length() == 0) {
                    return;
                }
                Optional<Found> inherited = sp.present() || !participle ? Optional.empty() : previousInSentence(s, i);
                if (!sp.present() && participle && (inherited.isEmpty() || inherited.get().sentence() != s.index())) {
                    // "He then defended the remark, saying ...": the participle's speaker is its clause's subject
                    Speaker subject = g != null ? governingSubject(s, g, i) : sentenceSubject(s, i);
                    if (subject.present()) {
                        sp = subject;
                        inherited = Optional.empty();
                    }
                }
                if (sp.present() && s.token(sp.first()).start() >= content.get(0).start()
                        && s.token(sp.first()).start() < content.get(0).end()) {
                    // a speaker inside what it says is a misparse ("After saying her right foot was ...")
                    sp = Speaker.NONE;
                }
                if (!sp.present() && inherited.isEmpty() && participle && g != null) {
                    // "Rival Hillary Clinton had mocked the complaint, saying ...": the clause's subject, not the
                    // noun before the comma, even where the parse hung the participle elsewhere
                    sp = sentenceSubject(s, i);
                }
                if (!sp.present() && inherited.isEmpty() && !expletive(s, g, i)) {
                    sp = leftNounPhrase(s, i, true);
                }
                if (!sp.present() && inherited.isEmpty() && skipLeft(s, i - 1) < 0) {
                    // an inverted cue opening the sentence: "Said Ellis: '...'"
                    sp = rightNounPhrase(s, i + 1);
                }
                add(s, i, i, content, sp, inherited, addrFirst, addrLast, rule);
                return;
            }
            postposed(s, i, v, g);
        }

        /**
         * "The New York Times reports:" or "In a statement, the senator said:" ending a paragraph whose next paragraph
         * opens with a quotation: that quotation is the content (later paragraphs of it follow as continuations).
         */
        boolean colonBeforeQuotedParagraph(Sentence s, int i, Graph g, boolean participle, int addrFirst, int addrLast) {
            int next = s.index() + 1;
            if (next >= sentences.size() || paragraph[next] != paragraph[s.index()] + 1) {
                return false;
            }
            Quotes.Quote q = quoteOpening(next);
            if (q == null || claimedSpan(q.start(), q.end())) {
                return false;
            }
            Speaker sp = speakerOf(s, g, i, participle);
            if (!sp.present() && !expletive(s, g, i)) {
                sp = leftNounPhrase(s, i, true);
            }
            return add(s, i, i, List.of(q.span()), sp, Optional.empty(), addrFirst, addrLast, "verb:colon-paragraph");
        }

        /**
         * "Pepper called Friday's decision a 'huge win for Ohio voters'", "he characterized Kaine as, 'a little
         * desperate ...'": the labelled thing and its quoted label are the content.
         */
        boolean labelled(Sentence s, int i, Graph g) {
            int n = s.tokens().size();
            // the quotation may be the whole object: "attacked “the hateful ideology of radical Islam”"
            for (int k = i + 1; k < n && k - i <= 16; k++) {
                Token t = s.token(k);
                String w = lower(s, k);
                Quotes.Quote q = realOpenAt(s, k);
                if (q != null) {
                    if (claimed(s, i + 1)) {
                        return false;
                    }
                    List<Span> content = List.of(new Span(s.token(i + 1).start(), q.end()));
                    Speaker sp = speakerOf(s, g, i, participial(s, i));
                    if (!sp.present() && !expletive(s, g, i)) {
                        sp = leftNounPhrase(s, i, true);
                    }
                    return add(s, i, i, content, sp, Optional.empty(), -1, -1, "verb:label");
                }
                if (isFinal(s, k) || w.equals(";") || w.equals("that") || w.equals("to") || w.equals(":")
                        || Quotes.isMark(t.word()) || lexicon.verb(t.word()) != null
                        || t.pos().startsWith("VB") && !t.pos().equals("VBN") && !t.pos().equals("VBG")) {
                    return false;
                }
            }
            return false;
        }

        /** The cue clause comes right after a quotation: "'...,' he said", "'...,' said Trump". */
        boolean followsQuotation(Sentence s, int i, Graph g) {
            int b = clauseStart(s, i, g) - 1;
            if (b < 0) {
                return quoteEndingBefore(s) != null;
            }
            return quoteClosingAt(s, b) != null;
        }

        /** Token {@code b} (before a cue clause) closes a quotation of four words or more; -1: the previous sentence's. */
        boolean afterRealQuotation(Sentence s, int b) {
            if (b < 0) {
                return quoteEndingBefore(s) != null;
            }
            Quotes.Quote q = quoteClosingAt(s, b);
            return q != null && q.real();
        }

        /** First token of the cue clause: the subject before the cue, or the cue itself when the subject follows. */
        int clauseStart(Sentence s, int i, Graph g) {
            if (g != null) {
                int subj = subjectOf(s, g, i);
                if (subj >= 0 && subj < i) {
                    return afterQuotation(s, g.extent(subj)[0], subj);
                }
            }
            Speaker left = leftNounPhrase(s, i, false);
            return left.present() ? left.first() : skipLeft(s, i - 1) + 1;
        }

        /**
         * The first token of a subject phrase, moved past the closing mark of a quotation that the parse put inside
         * it ("'That's right, Donald — USA, baby,' Melanie said" parsed with "Donald ... Melanie" as the subject).
         */
        int afterQuotation(Sentence s, int first, int head) {
            for (int k = head - 1; k >= first; k--) {
                if (Quotes.isMark(s.token(k).word()) && isCloseMark(s, k)) {
                    return k + 1;
                }
            }
            return first;
        }

        boolean quotationAfter(Sentence s, int from) {
            for (int k = from; k < s.tokens().size(); k++) {
                if (realOpenAt(s, k) != null) {
                    return true;
                }
            }
            return false;
        }

        /** A verb's base form after "to": tagged VB, or unparsed and no noun-phrase word. */
        boolean infinitive(Sentence s, int k) {
            if (isOpenMark(s, k) && k + 1 < s.tokens().size()) {
                k++;
            }
            // "to harshly punish": an adverb may split the infinitive
            if (k + 1 < s.tokens().size() && (s.token(k).pos().equals("RB") || s.token(k).pos().isEmpty() && lower(s, k).endsWith("ly"))) {
                k++;
            }
            String pos = s.token(k).pos();
            if (!pos.isEmpty()) {
                return pos.equals("VB");
            }
            return Quotes.wordLike(s.token(k).word()) && !s.token(k).isCapitalized() && !DETERMINERS.contains(lower(s, k))
                    && !PRONOUNS.contains(lower(s, k));
        }

        /** "..., he said." / "'...,' said Trump" / "The talks, he said, will ...". */
        boolean postposed(Sentence s, int i, CueLexicon.Verb v, Graph g) {
            int n = s.tokens().size();
            Speaker left = leftNounPhrase(s, i, false);
            int subj = g == null ? -1 : subjectOf(s, g, i);
            if (subj >= 0 && subj < i && left.present() && subj < left.first() && parenthetical(s, i)) {
                // "It was, the president said, “…”", parsed as a passive "It was said": the words between the commas speak
                subj = -1;
            }
            if (subj >= 0 && subj < i) {
                int[] ext = g.extent(subj);
                left = new Speaker(afterQuotation(s, ext[0], subj), Math.min(ext[1], i - 1), subj);
            }
            if (left.present() && left.first() > 0 && lower(s, left.first() - 1).equals("(")) {
                // "Rep. Elijah E. Cummings (D-Md.) said", parsed with the party label as the subject
                int k = left.first() - 2;
                while (k >= 0 && left.first() - k < 12 && npToken(s, k)) {
                    k--;
                }
                if (k + 1 <= left.first() - 2 && Quotes.wordLike(s.token(left.first() - 2).word())) {
                    int last = left.last() + 1 < i && lower(s, left.last() + 1).equals(")") ? left.last() + 1 : left.last();
                    left = new Speaker(k + 1, last, left.first() - 2);
                }
            }
            int b = left.present() ? left.first() - 1 : skipLeft(s, i - 1);
            Speaker right = Speaker.NONE;
            int r = i + 1;
            // only a finite cue inverts ("..., said Trump"); after "..., emphasizing" comes what is emphasized
            if (!left.present() && !s.token(i).pos().equals("VBG")) {
                right = rightNounPhrase(s, r);
                if (subj > i) {
                    int[] ext = g.extent(subj);
                    if (ext[0] <= r + 1) {
                        right = new Speaker(ext[0], ext[1], subj);
                    }
                }
                if (right.present()) {
                    r = right.last() + 1;
                }
            }
            int addrFirst = -1;
            int addrLast = -1;
            if (v.tell() && r < n && !opener(s, r)) {
                int[] obj = objectAfter(s, g, i, r);
                if (obj != null) {
                    addrFirst = obj[0];
                    addrLast = obj[1];
                    r = addrLast + 1;
                }
            }
            r = skipAdverbials(s, r);
            boolean rightOk = r >= n || isFinal(s, r) || lower(s, r).equals(",") || lower(s, r).equals(";")
                    || lower(s, r).equals(")") || lower(s, r).equals("—") || lower(s, r).equals("--")
                    || realOpenAt(s, r) != null || Quotes.isDoubleMark(s.token(r).word());
            // right after a quotation the cue clause may trail on: "'...,' she said of the election, in which ...",
            // "'...,' said Ronald Fieldstone, a lawyer who has ...", "'...,' she yells while moving ..."
            boolean trailing = !rightOk && r < n && afterRealQuotation(s, b) && !lower(s, r).equals("that")
                    && !lower(s, r).equals(":");
            if (trailing && b < 0 && (g != null && g.child(i, "ccomp") > i || quotationAfter(s, r))) {
                // a new sentence whose cue has its own content: "'... escapades.' The agency said North Korea had
                // displayed 'complete disregard ...'" does not claim the quotation before it
                trailing = false;
            }
            if (!rightOk && !trailing) {
                return false;
            }
            Speaker sp = left.present() ? left : right;
            if (!sp.present()) {
                return false;
            }
            List<Span> content = new ArrayList<>();
            if (b < 0) {
                // the cue opens its sentence: "he said." after a sentence that ends with a quotation
                Quotes.Quote q = quoteEndingBefore(s);
                if (q == null || claimedSpan(q.start(), q.end())) {
                    return false;
                }
                content.add(q.span());
            } else {
                String bw = s.token(b).word();
                if (!bw.equals(",") && !bw.equals(":") && !Quotes.isMark(bw) && !bw.equals("—") && !bw.equals("--")
                        && !bw.equals("?") && !bw.equals("!")) {
                    return false;
                }
                Quotes.Quote q = quoteClosingAt(s, b);
                if (q != null && q.real()) {
                    content.add(q.span());
                } else {
                    int last = b - 1;
                    while (last >= 0 && !Quotes.wordLike(s.token(last).word()) && !isCloseMark(s, last)) {
                        last--;
                    }
                    if (last < 0) {
                        return false;
                    }
                    int start = s.token(0).start();
                    Quotes.Quote open = quoteHolding(s.token(0).start(), s.token(last).end());
                    if (open != null && open.start() < start) {
                        start = open.start();
                    }
                    int first = 0;
                    while (first < last && !Quotes.wordLike(s.token(first).word()) && !isOpenMark(s, first)) {
                        first++;
                    }
                    if (open == null || open.start() >= s.token(0).start()) {
                        start = s.token(first).start();
                    }
                    if (claimedSpan(start, s.token(last).end())) {
                        return false;
                    }
                    content.add(new Span(start, s.token(last).end()));
                }
            }
            // what follows the cue clause: a second part of the quotation or of the sentence
            if (r < n && lower(s, r).equals(",") && r + 1 < n) {
                Quotes.Quote q2 = realOpenAt(s, r + 1);
                Quotes.Quote q3 = r + 2 < n && (lower(s, r + 1).equals("and") || lower(s, r + 1).equals("but"))
                        ? realOpenAt(s, r + 2) : null;
                if (q2 != null) {
                    content.add(q2.span());
                } else if (q3 != null && b >= 0) {
                    // "Turnout was low, she said, and “we will …”": the sentence goes on in the speaker's own words
                    content.add(new Span(s.token(r + 1).start(), q3.end()));
                } else if (!participial(s, r + 1) && !Set.of("who", "according", "which", "and", "but").contains(lower(s, r + 1))
                        && content.size() == 1 && quoteHolding(content.get(0).start(), content.get(0).end()) == null) {
                    int endTok = n - 1;
                    while (endTok > r && !Quotes.wordLike(s.token(endTok).word()) && !isCloseMark(s, endTok)) {
                        endTok--;
                    }
                    if (endTok > r) {
                        content.add(new Span(s.token(r + 1).start(), s.token(endTok).end()));
                    }
                }
            } else if (content.size() == 1 && isWholeQuote(content.get(0)) && (r >= n || isFinal(s, r) || trailing)) {
                // '"...," he said. "..."': the next sentence's quotation is the same speaker's
                int next = s.index() + 1;
                if (next < sentences.size() && paragraph[next] == paragraph[s.index()]) {
                    Quotes.Quote q2 = quoteOpening(next);
                    if (q2 != null) {
                        content.add(q2.span());
                    }
                }
            }
            return add(s, i, i, content, sp, Optional.empty(), addrFirst, addrLast, "verb:postposed");
        }

        // ---------------------------------------------------------------- other cues

        void accordingTo(Sentence s, int i) {
            int n = s.tokens().size();
            int x = i + 2;
            int xl = x;
            while (xl < n && !lower(s, xl).equals(",") && !lower(s, xl).equals(";") && !isFinal(s, xl)
                    && !lower(s, xl).equals("that") && xl - x < 14) {
                xl++;
            }
            xl--;
            if (xl < x) {
                return;
            }
            int head = xl;
            Graph g = graphs[s.index()];
            if (g != null) {
                int h = -1;
                for (int k = x; k <= xl; k++) {
                    int p = g.parent(k);
                    if (p < x || p > xl) {
                        h = k;
                        break;
                    }
                }
                if (h >= 0) {
                    head = h;
                    int[] ext = g.extent(h);
                    xl = Math.min(xl, Math.max(ext[1], h));
                }
            }
            Speaker sp = new Speaker(x, xl, head);
            List<Span> content = new ArrayList<>();
            int lead = 0;
            while (lead < i && (!Quotes.wordLike(s.token(lead).word()) || Set.of("but", "and", "yet", "so").contains(lower(s, lead)))) {
                lead++;
            }
            if (lead == i) {
                int from = xl + 1;
                while (from < n && lower(s, from).equals(",")) {
                    from++;
                }
                if (from < n && !isFinal(s, from)) {
                    content.add(new Span(s.token(from).start(), contentEnd(s, from)));
                }
            } else {
                int last = i - 1;
                while (last > 0 && !Quotes.wordLike(s.token(last).word()) && !isCloseMark(s, last)) {
                    last--;
                }
                content.add(new Span(s.token(0).start(), s.token(last).end()));
                int after = xl + 1;
                if (after < n && lower(s, after).equals(",") && after + 1 < n && !isFinal(s, after + 1)) {
                    content.add(new Span(s.token(after + 1).start(), contentEnd(s, after + 1)));
                }
            }
            if (content.isEmpty() || content.get(0).length() == 0) {
                return;
            }
            add(s, i, i + 1, content, sp, Optional.empty(), -1, -1, "according-to");
        }

        /**
         * "RT is, as Ms. Simonyan put it, 'providing a perspective …'", "As the memo puts it, …": the words between
         * "as" and "put it" are the speaker, the rest of the sentence is what was said.
         */
        void asPutIt(Sentence s, int i) {
            int n = s.tokens().size();
            int put = -1;
            for (int k = i + 2; k + 1 < n && k - i <= 9; k++) {
                String w = lower(s, k);
                if ((w.equals("put") || w.equals("puts")) && lower(s, k + 1).equals("it")) {
                    put = k;
                    break;
                }
                if (!Quotes.wordLike(s.token(k).word()) || lexicon.verb(s.token(k).word()) != null) {
                    return;
                }
            }
            if (put < 0) {
                return;
            }
            int head = put - 1;
            Graph g = graphs[s.index()];
            if (g != null && g.child(put, "nsubj") > i && g.child(put, "nsubj") < put) {
                head = g.child(put, "nsubj");
            }
            Speaker sp = new Speaker(i + 1, put - 1, head);
            int it = put + 1;
            List<Span> content = new ArrayList<>();
            int lead = 0;
            while (lead < i && !Quotes.wordLike(s.token(lead).word()) && !isOpenMark(s, lead)) {
                lead++;
            }
            if (lead < i) {
                int last = i - 1;
                while (last > 0 && !Quotes.wordLike(s.token(last).word()) && !isCloseMark(s, last)) {
                    last--;
                }
                content.add(new Span(s.token(lead).start(), s.token(last).end()));
            }
            int after = it + 1;
            while (after < n && (lower(s, after).equals(",") || lower(s, after).equals(":"))) {
                after++;
            }
            if (after < n && !isFinal(s, after)) {
                content.add(new Span(s.token(after).start(), contentEnd(s, after)));
            }
            if (content.isEmpty() || content.get(0).length() == 0 || claimed(s, lead < i ? lead : after)) {
                return;
            }
            add(s, put, it, content, sp, Optional.empty(), -1, -1, "as-put-it");
        }

        /** "X's statement that ...", "reports that ...". */
        void reportingNoun(Sentence s, int i) {
            Token t = s.token(i);
            if (!t.pos().isEmpty() && !t.isNoun()) {
                return;
            }
            Graph g = graphs[s.index()];
            int that = i + 1;
            if (g != null) {
                boolean mark = false;
                for (var d : s.parents(that)) {
                    if (d.relation().equals("mark")) {
                        mark = true;
                    }
                }
                if (!mark) {
                    return;
                }
            } else if (that + 1 >= s.tokens().size() || !bareStart(s, that + 1)) {
                return;
            }
            if (claimed(s, that)) {
                return;
            }
            Speaker sp = Speaker.NONE;
            if (g != null) {
                int poss = g.child(i, "nmod:poss");
                if (poss >= 0 && poss < i) {
                    int[] ext = g.extent(poss);
                    sp = new Speaker(ext[0], ext[1], poss);
                }
            } else {
                int k = i - 1;
                while (k >= 0 && !lower(s, k).endsWith("'s") && !lower(s, k).endsWith("’s") && i - k < 4
                        && Quotes.wordLike(s.token(k).word()) && !NOT_IN_NP.contains(lower(s, k))) {
                    k--;
                }
                if (k > 0 && (lower(s, k).equals("'s") || lower(s, k).equals("’s"))) {
                    Speaker p = leftNounPhrase(s, k, false);
                    sp = p;
                }
            }
            List<Span> content = List.of(new Span(s.token(that).start(), contentEnd(s, that)));
            if (content.get(0).length() == 0) {
                return;
            }
            if (!sp.present()) {
                // the unsourced report or claim itself is what speaks
                int first = i;
                while (first > 0 && (DETERMINERS.contains(lower(s, first - 1)) || s.token(first - 1).pos().startsWith("JJ"))) {
                    first--;
                }
                sp = new Speaker(first, i, i);
            }
            add(s, i, i, content, sp, Optional.empty(), -1, -1, "noun:that");
        }

        /**
         * A paragraph opened by a name and a colon: a headline "Pat Caddell: Democrat Voters Worried ..." or a
         * transcript line "PENCE: Well, look, ...". The content runs to the end of the paragraph.
         */
        void speakerLabel(Sentence s) {
            int n = s.tokens().size();
            int f = n > 0 && Quotes.isMark(s.token(0).word()) ? 1 : 0;
            for (int c = f + 1; c < Math.min(n, f + 5); c++) {
                if (!lower(s, c).equals(":")) {
                    continue;
                }
                for (int k = f; k < c; k++) {
                    if (!s.token(k).isCapitalized() && !s.token(k).word().equals("-") && !s.token(k).word().equals(".")) {
                        return;
                    }
                }
                int words = 0;
                for (int k = c + 1; k < n; k++) {
                    if (Quotes.wordLike(s.token(k).word())) {
                        words++;
                    }
                }
                if (words < Quotes.MIN_WORDS || claimed(s, c + 1)) {
                    return;
                }
                int lastSent = s.index();
                while (lastSent + 1 < sentences.size() && paragraph[lastSent + 1] == paragraph[s.index()]) {
                    lastSent++;
                }
                Sentence ls = sentences.get(lastSent);
                List<Span> content = List.of(new Span(s.token(c + 1).start(), ls.token(ls.tokens().size() - 1).end()));
                // "Said Ellis: ...": an inverted cue before the name is no part of it
                int from = f + 1 < c && lexicon.verb(s.token(f).word()) != null ? f + 1 : f;
                add(s, c, c, content, new Speaker(from, c - 1, c - 1), Optional.empty(), -1, -1, "label:colon");
                return;
            }
        }

        /**
         * "'Promise mama you'll keep your hands in sight,' Blige sings to Clinton": a quotation that ends its clause
         * (a comma, question or exclamation mark at its end) followed by a subject and a finite verb that the lexicon
         * does not list. The construction itself is the cue: narrative after a closed quotation never takes this
         * shape, and news uses it with any verb of speaking, singing, writing or gesture.
         */
        boolean unlistedVerbAfter(Quotes.Quote q) {
            if (!q.closed()) {
                return false;
            }
            Sentence s = sentences.get(q.closeSent());
            int n = s.tokens().size();
            int k = q.closeTok() + 1;
            boolean clauseEnd = q.closeTok() > 0 && Set.of(",", "?", "!").contains(lower(s, q.closeTok() - 1));
            if (k < n && lower(s, k).equals(",")) {
                clauseEnd = true;
                k++;
            }
            if (!clauseEnd || k >= n) {
                return false;
            }
            String w = lower(s, k);
            int last;
            if (Set.of("he", "she", "they", "i", "we").contains(w)) {
                last = k;
            } else if (s.token(k).isCapitalized() && !DETERMINERS.contains(w) && !NOT_IN_NP.contains(w) || DETERMINERS.contains(w)) {
                last = k;
                while (last + 1 < n && last - k < 7 && npToken(s, last + 1) && !lower(s, last + 1).equals("and")
                        && lexicon.verb(s.token(last + 1).word()) == null) {
                    last++;
                }
                if (!s.token(last).isCapitalized() && !nounLike(s, last)) {
                    return false;
                }
            } else {
                return false;
            }
            int v = skipLeftward(s, last + 1, n);
            if (v >= n || lexicon.verb(s.token(v).word()) != null || !finiteVerb(s, v)) {
                return false;
            }
            Graph g = graphs[s.index()];
            if (g != null) {
                int subj = g.child(v, "nsubj");
                if (subj < k || subj > last) {
                    return false;
                }
            }
            return add(s, v, v, List.of(q.span()), new Speaker(k, last, last), Optional.empty(), -1, -1, "verb:unlisted");
        }

        /** A finite verb other than an auxiliary, by its tag, or unparsed by its form. */
        boolean finiteVerb(Sentence s, int v) {
            String w = lower(s, v);
            if (AUXILIARIES.contains(w)) {
                return false;
            }
            String pos = s.token(v).pos();
            if (!pos.isEmpty()) {
                return pos.equals("VBD") || pos.equals("VBZ") || pos.equals("VBP");
            }
            return Quotes.wordLike(w) && !NOT_IN_NP.contains(w) && !w.endsWith("ly") && (w.endsWith("ed") || w.endsWith("s") && !w.endsWith("ss"));
        }

        boolean nounLike(Sentence s, int k) {
            String pos = s.token(k).pos();
            return pos.isEmpty() ? !DETERMINERS.contains(lower(s, k)) : pos.startsWith("NN") || pos.startsWith("PRP");
        }

        /**
         * "Sanders made the following comment: '...'", "The piece used one of the woman's quotes as its headline:
         * '...'": a clause ending in a colon right before a quotation, in its sentence or opening the next paragraph.
         * Its subject is the speaker and its verb the cue, whatever the verb.
         */
        boolean colonBefore(Quotes.Quote q) {
            Sentence s;
            int colon;
            if (q.openTok() > 0) {
                s = sentences.get(q.openSent());
                colon = q.openTok() - 1;
            } else {
                int p = q.openSent() - 1;
                if (p < 0 || paragraph[p] != paragraph[q.openSent()] - 1) {
                    return false;
                }
                s = sentences.get(p);
                colon = s.tokens().size() - 1;
            }
            if (colon < 1 || !lower(s, colon).equals(":") || quoted(s, colon)) {
                return false;
            }
            Graph g = graphs[s.index()];
            for (int v = colon - 1; v >= 0; v--) {
                if (quoted(s, v) || !s.token(v).pos().startsWith("VB") && !(g == null && s.token(v).pos().isEmpty() && looksFinite(s, v))) {
                    continue;
                }
                Speaker sp = Speaker.NONE;
                if (g != null) {
                    int subj = subjectOf(s, g, v);
                    if (subj >= 0 && subj < v) {
                        int[] ext = g.extent(subj);
                        sp = new Speaker(afterQuotation(s, ext[0], subj), Math.min(ext[1], v - 1), subj);
                    }
                } else {
                    sp = leftNounPhrase(s, v, false);
                }
                if (!sp.present() && g != null) {
                    // "made the following promise:": a participle without a subject of its own
                    continue;
                }
                if (!sp.present() || Set.of("it", "this", "that", "there", "what", "which").contains(lower(s, sp.head()))
                        || !nounLike(s, sp.head())
                        || !canSpeakOn(actor(s, sp)) && !lexicon.documentHead(lower(s, sp.head()))) {
                    // "The bias begins to show when ...:" is no one speaking
                    return false;
                }
                return add(s, v, v, List.of(q.span()), sp, Optional.empty(), -1, -1, "colon:quotation");
            }
            return false;
        }

        /**
         * A quotation signed after a dash: "'...' ― Maria Lopez, 34, Phoenix", the way vox-pop pieces and
         * collected reactions sign each quotation.
         */
        void dashSignatures() {
            for (Quotes.Quote q : quotes) {
                if (!q.real() || !q.closed()) {
                    continue;
                }
                Sentence s = sentences.get(q.closeSent());
                int d = q.closeTok() + 1;
                while (d < s.tokens().size() && isFinal(s, d)) {
                    d++;
                }
                if (d == s.tokens().size() && s.index() + 1 < sentences.size()
                        && paragraph[s.index() + 1] == paragraph[s.index()]) {
                    // the splitter ends the sentence at '.”', so the signature opens the next one
                    s = sentences.get(s.index() + 1);
                    d = 0;
                }
                int n = s.tokens().size();
                if (d + 1 >= n || !SIGNATURE_DASHES.contains(s.token(d).word()) || !s.token(d + 1).isCapitalized()) {
                    continue;
                }
                int last = d + 1;
                while (last + 1 < n && !lower(s, last + 1).equals(",") && !isFinal(s, last + 1) && last - d < 6) {
                    last++;
                }
                if (claimedSpan(q.start(), q.end())) {
                    continue;
                }
                add(s, d, d, List.of(q.span()), new Speaker(d + 1, last, last), Optional.empty(), -1, -1, "quote:signed");
            }
        }

        /** Quotations no cue claimed continue the last speaker of this or the previous paragraph. */
        void continuations() {
            for (Quotes.Quote q : quotes) {
                if (!q.real() || claimedSpan(q.start(), q.end()) || mostlyClaimed(q.span())) {
                    continue;
                }
                if (!opensSentence(q)) {
                    // a quotation inside a narrative sentence ("the primary requirement is a 'lawful source of
                    // income'", "'the nation has become \"more ...\"'") is someone's words the sentence reports, not
                    // the last speaker going on
                    continue;
                }
                Found prev = null;
                for (Found f : found) {
                    if (f.content().get(0).start() < q.start() && f.speaker().isPresent() && canSpeakOn(f.speaker().get())
                            && paragraph[q.openSent()] - paragraph[f.sentence()] <= 1 && paragraph[f.sentence()] <= paragraph[q.openSent()]
                            && (prev == null || f.content().get(0).start() > prev.content().get(0).start())) {
                        prev = f;
                    }
                }
                int before = q.openSent() - 1;
                // a speaker quoted earlier in the same paragraph goes on ("'...,' Obama said. He did not suggest
                // retaliation. '...'"); a new paragraph's sentence introduces a new one
                if (before >= 0 && (prev == null || prev.sentence() < before && paragraph[prev.sentence()] < paragraph[q.openSent()])
                        && paragraph[q.openSent()] - paragraph[before] <= 1
                        && previousSubject(sentences.get(before), q)) {
                    continue;
                }
                if (prev == null) {
                    continue;
                }
                if (paragraph[prev.sentence()] == paragraph[q.openSent()] && form(prev.content()).quoted() || turnGoesOn(prev, q)) {
                    // the same speaker goes on within the paragraph: one attribution, several pieces
                    List<Span> more = new ArrayList<>(prev.content());
                    more.add(q.span());
                    found.set(found.indexOf(prev), prev.withContent(more));
                    continue;
                }
                found.add(new Found(q.openSent(), -1, "", new Span(q.start(), q.start()), prev.speaker(),
                        List.of(q.span()), prev.kind(), prev.channel(), prev.anonymous(), "quote:continuation",
                        prev.speakerName().isEmpty() ? prev.speaker().get().text() : prev.speakerName()));
            }
        }

        /**
         * "Senator Lopez spoke at the rally on Friday. 'This election is about ...'": a quotation with no cue right
         * after a sentence whose subject is a person, group or institution, and nearer than any earlier speaker, is
         * that subject's. The sentence introduces the speaker, the quotation gives their words.
         */
        boolean previousSubject(Sentence s, Quotes.Quote q) {
            if (s.tokens().isEmpty() || quoteHolding(s.token(0).start(), s.token(s.tokens().size() - 1).end()) != null) {
                return false;
            }
            for (Found f : found) {
                if (f.sentence() == s.index()) {
                    return false;
                }
            }
            Graph g = graphs[s.index()];
            Speaker sp = Speaker.NONE;
            int verb = -1;
            if (g != null) {
                for (int k = 0; k < s.tokens().size() && verb < 0; k++) {
                    if (g.parent(k) == -1 && s.token(k).pos().startsWith("VB")) {
                        verb = k;
                    }
                }
                int subj = verb < 0 ? -1 : subjectOf(s, g, verb);
                if (subj >= 0 && subj < verb) {
                    int[] ext = g.extent(subj);
                    sp = new Speaker(ext[0], Math.min(ext[1], verb - 1), subj);
                }
            } else {
                sp = sentenceSubject(s, s.tokens().size());
            }
            if (!sp.present() || !nounLike(s, sp.head()) || Set.of("it", "this", "that", "there", "you").contains(lower(s, sp.head()))
                    || !canSpeakOn(actor(s, sp))) {
                return false;
            }
            int at = found.size();
            if (!add(s, sp.head(), sp.head(), List.of(q.span()), sp, Optional.empty(), -1, -1, "quote:previous-subject")) {
                return false;
            }
            Found f = found.get(at);
            // the sentence introduces the speaker; nothing in it is a cue
            found.set(at, new Found(q.openSent(), -1, "", new Span(q.start(), q.start()), f.speaker(), f.content(), f.kind(),
                    f.channel(), f.anonymous(), f.rule(), f.speakerName()));
            return true;
        }

        /**
         * "'We will rebuild every bridge. ... (no closing mark) / 'Every family deserves a safe road home,' she said.":
         * a quotation that opens its paragraph and runs to its end unclosed goes on in the next paragraph, news
         * style; when that paragraph's quotation has a speaker and the unclosed one has none, both are the same
         * speaker's words, one attribution.
         */
        void unclosedBeforeQuotedParagraph() {
            for (Quotes.Quote q : quotes) {
                if (!q.real() || q.closed() || !opensSentence(q) || claimedSpan(q.start(), q.end()) || mostlyClaimed(q.span())) {
                    continue;
                }
                int next = q.closeSent() + 1;
                if (next >= sentences.size() || paragraph[next] != paragraph[q.closeSent()] + 1) {
                    continue;
                }
                Quotes.Quote q2 = quoteOpening(next);
                if (q2 == null) {
                    continue;
                }
                for (int i = 0; i < found.size(); i++) {
                    Found f = found.get(i);
                    if (f.content().get(0).start() == q2.start() && f.speaker().isPresent() && paragraph[f.sentence()] == paragraph[next]) {
                        List<Span> more = new ArrayList<>();
                        more.add(q.span());
                        more.addAll(f.content());
                        found.set(i, f.withContent(more));
                        break;
                    }
                }
            }
        }

        /**
         * The previous attribution's content runs to the end of the paragraph just before the quotation ("PENCE: Well,
         * ..." or "Caddell continued: '...'"): the speaker's turn goes on into the quotation's paragraph.
         */
        boolean turnGoesOn(Found prev, Quotes.Quote q) {
            int p = paragraph[q.openSent()] - 1;
            Span last = prev.content().get(prev.content().size() - 1);
            int lastSent = q.openSent() - 1;
            if (lastSent < 0 || paragraph[lastSent] != p || !prev.rule().startsWith("label") && !form(prev.content()).quoted()) {
                return false;
            }
            int end = Math.min(text.length(), sentences.get(lastSent).end());
            if (last.end() > end || last.end() < sentences.get(lastSent).start()) {
                return false;
            }
            for (int c = last.end(); c < end; c++) {
                if (Character.isLetterOrDigit(text.charAt(c))) {
                    return false;
                }
            }
            return true;
        }

        /**
         * Whether a speaker may be carried over to a quotation with no cue: a person, group or institution ("he",
         * "Mr. Clarke", "officials", a known actor), not a leftover noun phrase ("the idea", "of brain cancer").
         */
        boolean canSpeakOn(Actor a) {
            if (!a.code().isEmpty()) {
                return true;
            }
            String[] w = a.text().strip().split("\\s+");
            if (w.length == 0 || w[0].isEmpty() || NOT_IN_NP.contains(w[0].toLowerCase(Locale.ROOT))) {
                return false;
            }
            if (w.length == 1 && Set.of("he", "she", "they", "i", "we").contains(w[0].toLowerCase(Locale.ROOT))) {
                return true;
            }
            for (String x : w) {
                String bare = x.replaceAll("[^\\p{L}]", "");
                if (!bare.isEmpty() && Character.isUpperCase(bare.charAt(0)) && !bare.equals(w[0]) || !bare.isEmpty()
                        && Character.isUpperCase(bare.charAt(0)) && !DETERMINERS.contains(bare.toLowerCase(Locale.ROOT))) {
                    return true;
                }
            }
            String head = w[w.length - 1].toLowerCase(Locale.ROOT);
            // "the governor", "the spokesman": a person by their office
            return lexicon.anonymousHead(head) || ANON_GOV_HEADS.contains(head) || lexicon.mediaHead(head) || Persons.titleHead(head);
        }

        /**
         * A quotation of four words or more opening sentence {@code k}: its mark is the sentence's first token, or the
         * last token of the sentence before in the paragraph (where the splitter leaves a straight mark).
         */
        Quotes.Quote quoteOpening(int k) {
            Quotes.Quote q = realOpenAt(sentences.get(k), 0);
            if (q != null || k == 0 || paragraph[k - 1] != paragraph[k]) {
                return q;
            }
            Sentence p = sentences.get(k - 1);
            int last = p.tokens().size() - 1;
            q = last >= 0 ? realOpenAt(p, last) : null;
            return q != null && q.closeSent() >= k ? q : null;
        }

        /** The quotation's opening mark starts its sentence (after a dash or bracket at most). */
        boolean opensSentence(Quotes.Quote q) {
            Sentence s = sentences.get(q.openSent());
            if (q.openTok() == s.tokens().size() - 1 && q.closeSent() > q.openSent()) {
                // 'Ms. Moore said. "Are we ...': the splitter may leave a straight opening mark at the end of the
                // sentence before; the quotation opens the next one
                return true;
            }
            for (int k = 0; k < q.openTok(); k++) {
                if (Quotes.wordLike(s.token(k).word())) {
                    return false;
                }
            }
            return true;
        }

        // ---------------------------------------------------------------- building an attribution

        boolean add(Sentence s, int cueFirst, int cueLast, List<Span> content, Speaker sp, Optional<Found> inherited,
                 int addrFirst, int addrLast, String rule) {
            for (Found f : found) {
                if (f.sentence() == s.index() && f.cueTok() == cueFirst) {
                    return false;
                }
            }
            Span cueSpan = new Span(s.token(cueFirst).start(), s.token(cueLast).end());
            if (sp.present() && sp.first() == sp.last() && lower(s, sp.first()).equals("it") && inherited.isEmpty()) {
                // "She says it underscores that …": a thing that "underscores" or "shows" inside someone's words is
                // part of what that speaker says, not a second source
                for (Found f : found) {
                    if (f.sentence() == s.index() && f.speaker().isPresent()) {
                        for (Span c : f.content()) {
                            if (c.start() <= s.token(sp.first()).start() && cueSpan.end() <= c.end()) {
                                return false;
                            }
                        }
                    }
                }
            }
            String cue = text.substring(cueSpan.start(), cueSpan.end());
            String channel = channel(s, cueFirst, addrFirst, addrLast, content);
            Optional<Actor> speaker;
            SourceKind kind;
            boolean anonymous;
            String name = "";
            if (inherited.isPresent()) {
                Found f = inherited.get();
                speaker = f.speaker();
                name = f.speakerName().isEmpty() && f.speaker().isPresent() ? f.speaker().get().text() : f.speakerName();
                kind = f.kind();
                anonymous = f.anonymous();
                if (channel.isEmpty()) {
                    channel = f.channel();
                }
            } else if (!sp.present()) {
                speaker = Optional.empty();
                kind = SourceKind.ANONYMOUS;
                anonymous = true;
            } else {
                if (sp.first() <= cueFirst && cueFirst <= sp.last() && cueLast < sp.last()) {
                    // "Said Ellis: ..." parsed as one name: the cue is not part of its speaker
                    sp = new Speaker(cueLast + 1, sp.last(), Math.max(sp.head(), cueLast + 1));
                }
                int last = sp.last();
                while (last > sp.first() && (lower(s, last).equals("'s") || lower(s, last).equals("’s")
                        || lower(s, last).equals("'") || lower(s, last).equals("’"))) {
                    last--;
                }
                sp = new Speaker(sp.first(), last, Math.min(sp.head(), last));
                speaker = Optional.of(actor(s, sp));
                kind = kind(s, sp, speaker.get());
                anonymous = kind == SourceKind.ANONYMOUS;
                String w = lower(s, sp.head());
                if (sp.first() == sp.last() && (w.equals("he") || w.equals("she"))) {
                    // a pronoun: the nearest person named before it; the actor index's antecedent when none is
                    Optional<Persons.Mention> ant = persons().antecedent(s.index(), sp.first(), w.equals("she"));
                    Actor a = speaker.get();
                    Found chain = samePronounBefore(s, w);
                    if (chain != null && ant.isPresent() && ant.get().sentence() > chain.sentence()
                            && !samePerson(ant.get().name(), chain.speakerName())) {
                        // another person was named since: "He also affirmed ... Iran's Judiciary Chief affirmed ...
                        // he reiterated" is the Judiciary Chief
                        chain = null;
                    }
                    if (chain != null) {
                        // "She says ... She adds ...": the same pronoun speaking again is the same person
                        name = chain.speakerName();
                        Actor p = chain.speaker().get();
                        speaker = Optional.of(new Actor(a.text(), p.code(), p.country(), p.sector(), a.start(), a.end()));
                    } else if (ant.isPresent()) {
                        name = ant.get().name();
                        Optional<ActorMention> m = actors.at(s.index(), sp.head());
                        String indexed = m.isPresent() && m.get().rule().startsWith("pronoun->")
                                ? m.get().rule().substring("pronoun->".length()) : "";
                        if (!indexed.isEmpty() && !samePerson(indexed, name) && !ant.get().actor().code().equals(a.code())) {
                            // the actor index resolves pronouns to dictionary actors only and may skip the person
                            Actor p = ant.get().actor();
                            speaker = Optional.of(new Actor(a.text(), p.code(), p.country(), p.sector(), a.start(), a.end()));
                        }
                    } else {
                        Optional<ActorMention> m = actors.at(s.index(), sp.head());
                        if (m.isPresent() && m.get().rule().startsWith("pronoun->")) {
                            name = m.get().rule().substring("pronoun->".length());
                        }
                    }
                } else {
                    Optional<Persons.Mention> named = persons().at(s.index(), sp.head());
                    if (named.isEmpty()) {
                        named = persons().within(s.index(), sp.first(), sp.last());
                    }
                    if (named.isPresent()) {
                        name = named.get().name();
                    }
                }
            }
            if (grantsAnonymity(s)) {
                anonymous = true;
            }
            if (channel.isEmpty() && lexicon.verb(s.token(cueFirst).word()) != null
                    && lexicon.verb(s.token(cueFirst).word()).lemma().equals("tweet")) {
                channel = "Twitter";
            }
            found.add(new Found(s.index(), cueFirst, cue, cueSpan, speaker, content, kind, channel, anonymous, rule, name));
            return true;
        }

        /** Two names of one person: equal, or sharing their last word ("Bill Clinton" and "Clinton"). */
        boolean samePerson(String a, String b) {
            String[] x = a.strip().split("\\s+");
            String[] y = b.strip().split("\\s+");
            return x[x.length - 1].equalsIgnoreCase(y[y.length - 1]);
        }

        /** The latest attribution in this or the two sentences before whose speaker is the same pronoun, resolved. */
        Found samePronounBefore(Sentence s, String pronoun) {
            Found best = null;
            for (Found f : found) {
                if (f.sentence() <= s.index() && s.index() - f.sentence() <= 2 && f.speaker().isPresent()
                        && !f.speakerName().isEmpty() && f.speaker().get().text().equalsIgnoreCase(pronoun)
                        && (best == null || f.sentence() >= best.sentence())) {
                    best = f;
                }
            }
            return best;
        }

        Actor actor(Sentence s, Speaker sp) {
            Token first = s.token(sp.first());
            Token last = s.token(sp.last());
            Optional<ActorMention> m = actors.at(s.index(), sp.head());
            if (m.isEmpty()) {
                m = actors.at(s.index(), sp.last());
            }
            if (m.isPresent()) {
                return m.get().actor();
            }
            String words = text.substring(first.start(), last.end());
            // "a US official": the country's government when only the country is known
            if (ANON_GOV_HEADS.contains(lower(s, sp.head()))) {
                for (ActorMention am : actors.mentions(s.index())) {
                    if (am.firstToken() >= sp.first() && am.lastToken() < sp.head() && am.actor().sector().isEmpty()
                            && !am.actor().country().isEmpty()) {
                        String country = am.actor().country();
                        return new Actor(words, country + "GOV", country, "GOV", first.start(), last.end());
                    }
                }
            }
            return new Actor(words, "", "", "", first.start(), last.end());
        }

        SourceKind kind(Sentence s, Speaker sp, Actor a) {
            if (a.sector().equals("MED") || isMedia(s, sp)) {
                return SourceKind.MEDIA;
            }
            String head = lower(s, sp.head());
            if (lexicon.documentHead(head) && !s.token(sp.head()).isProperNoun() && !properAfter(s, sp)) {
                return SourceKind.DOCUMENT;
            }
            if (lexicon.anonymousHead(head) && !properAfter(s, sp)) {
                return SourceKind.ANONYMOUS;
            }
            return SourceKind.NAMED;
        }

        boolean isMedia(Sentence s, Speaker sp) {
            List<String> words = words(s);
            for (int k = sp.first(); k <= sp.last(); k++) {
                int len = lexicon.outletAt(words, k);
                if (len > 0 && k + len - 1 >= sp.head() && k <= sp.head()) {
                    return true;
                }
            }
            return lexicon.mediaHead(lower(s, sp.head()));
        }

        /** A name after the head noun identifies the speaker: "spokesman John Kirby", "an official, Ali Hassan". */
        boolean properAfter(Sentence s, Speaker sp) {
            for (int k = sp.head() + 1; k <= sp.last(); k++) {
                Token t = s.token(k);
                if (t.isProperNoun() || t.pos().isEmpty() && t.isCapitalized()) {
                    // "officials in Washington" locate, they do not name
                    if (k > 0 && Set.of("in", "from", "of", "at", "with").contains(lower(s, k - 1))) {
                        continue;
                    }
                    return true;
                }
            }
            return false;
        }

        boolean grantsAnonymity(Sentence s) {
            for (int k = 0; k < s.tokens().size(); k++) {
                String w = lower(s, k);
                if (w.equals("anonymity") || w.equals("anonymously")) {
                    return true;
                }
                if (w.equals("authorized") && k > 0 && lower(s, k - 1).equals("not")) {
                    return true;
                }
            }
            return false;
        }

        String channel(Sentence s, int cue, int addrFirst, int addrLast, List<Span> content) {
            List<String> words = words(s);
            if (addrFirst >= 0) {
                for (int k = addrFirst; k <= addrLast; k++) {
                    int len = lexicon.outletAt(words, k);
                    if (len > 0) {
                        return span(s, k, k + len - 1);
                    }
                }
                if (lexicon.mediaHead(lower(s, addrLast))) {
                    return span(s, addrFirst, addrLast);
                }
            }
            int n = s.tokens().size();
            for (int k = Math.max(0, cue - 10); k < Math.min(n, cue + 10); k++) {
                if (inContent(s.token(k), content)) {
                    continue;
                }
                String w = lower(s, k);
                if (!Set.of("in", "on", "via", "through", "during", "to").contains(w)) {
                    continue;
                }
                int p = k + 1;
                while (p < n && p - k <= 4 && (DETERMINERS.contains(lower(s, p)) || s.token(p).pos().startsWith("JJ")
                        || s.token(p).pos().equals("PRP$") || lower(s, p).equals("press") || lower(s, p).equals("news")
                        || lower(s, p).equals("televised") || lower(s, p).equals("written") || lower(s, p).equals("joint"))) {
                    p++;
                }
                if (p >= n || inContent(s.token(p), content)) {
                    continue;
                }
                int len = lexicon.outletAt(words, p);
                if (len > 0 && !w.equals("to") || len > 0 && lexicon.verb(s.token(cue).word()) != null) {
                    return span(s, p, p + len - 1);
                }
                if (!w.equals("to") && lexicon.platform(s.token(p).word())) {
                    // "in an interview with CNN": the outlet is the channel
                    if (p + 2 < n && lower(s, p + 1).equals("with")) {
                        int l2 = lexicon.outletAt(words, p + 2);
                        if (l2 > 0) {
                            return span(s, p + 2, p + 1 + l2);
                        }
                    }
                    return span(s, k + 1, p);
                }
            }
            return "";
        }

        // ---------------------------------------------------------------- speakers

        Speaker speakerOf(Sentence s, Graph g, int cue, boolean participle) {
            if (g != null) {
                int subj = -1;
                for (int c : g.treeChildren(cue, "nsubj")) {
                    if (!quoted(s, c)) {
                        subj = subj < 0 || c < subj ? c : subj;
                    }
                }
                if (subj < 0) {
                    subj = subjectOf(s, g, cue);
                }
                if (subj >= 0 && !(lower(s, subj).equals("it") && passive(s, g, cue))) {
                    if (lower(s, subj).equals("that") || lower(s, subj).equals("who") || lower(s, subj).equals("which")) {
                        return Speaker.NONE;
                    }
                    int[] ext = g.extent(subj);
                    return new Speaker(ext[0], ext[1], subj);
                }
                int agent = g.child(cue, "obl:agent");
                if (agent >= 0) {
                    int[] ext = g.extent(agent);
                    return new Speaker(ext[0], ext[1], agent);
                }
                return Speaker.NONE;
            }
            if (participle || expletive(s, null, cue)) {
                return Speaker.NONE;
            }
            return leftNounPhrase(s, cue, true);
        }

        /** The subject of the clause a participle hangs on ("Dean ... poked at Trump, tweeting ..."), climbing the tree. */
        Speaker governingSubject(Sentence s, Graph g, int cue) {
            int t = cue;
            for (int depth = 0; depth < 5; depth++) {
                int p = g.parent(t);
                if (p < 0) {
                    return Speaker.NONE;
                }
                String rel = g.parentRel(t);
                // a participle the parser hung on a noun ("during the debate, tweeting") climbs through that noun too
                if (!(rel.startsWith("advcl") || rel.startsWith("xcomp") || rel.startsWith("conj") || rel.equals("dep")
                        || rel.startsWith("acl") && !rel.startsWith("acl:relcl") || rel.startsWith("obl")
                        || rel.startsWith("obj") || rel.startsWith("nmod") || rel.equals("amod") && t == cue)) {
                    return Speaker.NONE;
                }
                int subj = g.child(p, "nsubj");
                // a fronted participle takes the subject after it: "After saying ..., she was whisked off"
                if (subj >= 0 && (subj < cue || p > cue && s.token(0).pos().equals("IN"))) {
                    String w = lower(s, subj);
                    if (w.equals("that") || w.equals("who") || w.equals("which")) {
                        return Speaker.NONE;
                    }
                    int[] ext = g.extent(subj);
                    return new Speaker(ext[0], subj < cue ? Math.min(ext[1], cue - 1) : ext[1], subj);
                }
                t = p;
            }
            return Speaker.NONE;
        }

        /**
         * Unparsed: the noun phrase opening the sentence when a verb follows it (possibly after an appositive), as the
         * subject of a participle later in the sentence ("Dean, a former chairman, poked at Trump, tweeting ...").
         */
        Speaker sentenceSubject(Sentence s, int cue) {
            int k = 0;
            while (k < cue && (Set.of("but", "and", "then", "so", "yet").contains(lower(s, k)) || !Quotes.wordLike(s.token(k).word()))) {
                k++;
            }
            if (k >= cue) {
                return Speaker.NONE;
            }
            String w = lower(s, k);
            boolean pronoun = Set.of("he", "she", "they", "i", "we").contains(w);
            if (!pronoun && !(s.token(k).isCapitalized() && !NOT_IN_NP.contains(w) && !DETERMINERS.contains(w))) {
                return Speaker.NONE;
            }
            int last = k;
            while (!pronoun && last + 1 < cue && npToken(s, last + 1) && s.token(last + 1).isCapitalized()) {
                last++;
            }
            int v = last + 1;
            // an appositive: "Dean, a former chairman and candidate, poked ..."
            if (v < cue && lower(s, v).equals(",")) {
                int c = v + 1;
                while (c < cue && c - v < 14 && !lower(s, c).equals(",")) {
                    c++;
                }
                v = c < cue ? c + 1 : v;
            }
            v = skipLeftward(s, v, cue);
            if (v >= cue || !looksFinite(s, v)) {
                return Speaker.NONE;
            }
            return new Speaker(k, last, last);
        }

        /** Skips adverbs such as "then", "also" after a subject. */
        int skipLeftward(Sentence s, int v, int limit) {
            while (v < limit && (SKIPPABLE.contains(lower(s, v)) || TIME_WORDS.contains(lower(s, v)))) {
                v++;
            }
            return v;
        }

        /** An unparsed token that reads as a finite verb: "-ed"/"-s" forms or a known reporting verb. */
        boolean looksFinite(Sentence s, int v) {
            String w = lower(s, v);
            if (!Quotes.wordLike(w) || NOT_IN_NP.contains(w) && !Set.of("was", "is", "has", "had").contains(w)) {
                return false;
            }
            return lexicon.verb(w) != null || w.endsWith("ed") || Set.of("was", "is", "has", "had", "went", "took", "made",
                    "came", "gave", "spoke", "began", "appeared").contains(w);
        }

        /**
         * The cue's subject in the parse, leaving out words inside a quotation: in "'..., it will at some point,' said
         * James Acton" the parser may take "it" of the quotation as the subject. -1 when there is none.
         */
        int subjectOf(Sentence s, Graph g, int cue) {
            int best = -1;
            for (int c : g.children(cue, "nsubj")) {
                if (!quoted(s, c) && (best < 0 || Math.abs(c - cue) < Math.abs(best - cue))) {
                    best = c;
                }
            }
            return best;
        }

        boolean quoted(Sentence s, int tok) {
            return quoteHolding(s.token(tok).start(), s.token(tok).end()) != null;
        }

        boolean passive(Sentence s, Graph g, int cue) {
            return g.child(cue, "nsubj:pass") >= 0 || g.child(cue, "aux:pass") >= 0;
        }

        /** "it is reported that", "it was announced that": nobody is named. */
        boolean expletive(Sentence s, Graph g, int cue) {
            if (g != null) {
                int sp = g.child(cue, "nsubj:pass");
                return sp >= 0 && lower(s, sp).equals("it") || sp < 0 && g.child(cue, "aux:pass") >= 0
                        && g.child(cue, "obl:agent") < 0;
            }
            int k = cue - 1;
            while (k >= 0 && Set.of("been", "has", "have", "had", "is", "was", "be", "being", "widely", "also", "now")
                    .contains(lower(s, k))) {
                k--;
            }
            return k >= 0 && k < cue - 1 && lower(s, k).equals("it");
        }

        /** A participle hanging off a clause: "..., adding that", "while emphasizing". */
        /** The opening mark of "things such as, “…”", "a few questions, including “…”", "phrases like “…”"; else -1. */
        int quotationAfterExamples(Sentence s, int j) {
            int n = s.tokens().size();
            int k = j;
            while (k < n && k - j < 6 && npToken(s, k) && !lower(s, k).equals("including") && !lower(s, k).equals("like")
                    && !(lower(s, k).equals("such") && k + 1 < n && lower(s, k + 1).equals("as"))) {
                k++;
            }
            if (k == j || k >= n) {
                return -1;
            }
            if (lower(s, k).equals(",")) {
                k++;
            }
            if (k + 1 < n && lower(s, k).equals("such") && lower(s, k + 1).equals("as")) {
                k += 2;
            } else if (k < n && (lower(s, k).equals("including") || lower(s, k).equals("like"))) {
                k++;
            } else {
                return -1;
            }
            if (k < n && (lower(s, k).equals(",") || lower(s, k).equals(":"))) {
                k++;
            }
            return k < n && realOpenAt(s, k) != null ? k : -1;
        }

        /** The opening mark of "says Trump's “latest stunt is …”", "his “plan will fail …”" right after a cue; else -1. */
        int quotationAfterPossessive(Sentence s, int j) {
            int n = s.tokens().size();
            int k = j;
            if (k < n && s.token(k).pos().equals("PRP$")) {
                k++;
            } else {
                while (k < n && k - j < 5 && npToken(s, k) && !lower(s, k).equals("'s") && !lower(s, k).equals("’s")) {
                    k++;
                }
                if (k == j || k >= n || !(lower(s, k).equals("'s") || lower(s, k).equals("’s"))) {
                    return -1;
                }
                k++;
            }
            return k < n && realOpenAt(s, k) != null ? k : -1;
        }

        /** "The vote, she said, was …": a short subject and its cue set off by commas inside the sentence. */
        boolean parenthetical(Sentence s, int i) {
            int n = s.tokens().size();
            int r = skipAdverbials(s, i + 1);
            if (r >= n || !lower(s, r).equals(",")) {
                return false;
            }
            Speaker left = leftNounPhrase(s, i, false);
            if (!left.present() || left.first() < 2 || left.last() - left.first() >= 6
                    || !lower(s, left.first() - 1).equals(",") || !Quotes.wordLike(s.token(left.first() - 2).word())) {
                return false;
            }
            // a fronted adverbial ("As the phone rang, she said, “…”", "Asked about it, Reyes said, …") is no part of
            // what is said: the cue is the main clause
            int k = 0;
            while (k < left.first() && (!Quotes.wordLike(s.token(k).word()) || Set.of("and", "but", "so").contains(lower(s, k)))) {
                k++;
            }
            String tag = s.token(k).pos();
            return !(tag.equals("IN") || tag.equals("WRB") || tag.equals("VBN") || tag.equals("VBG") || tag.equals("TO"));
        }

        boolean participial(Sentence s, int i) {
            String w = lower(s, i);
            if (!w.endsWith("ing") || lexicon.verb(w) == null) {
                return false;
            }
            if (i == 0) {
                return false;
            }
            String prev = lower(s, i - 1);
            if (s.token(i).pos().equals("VBG") && (s.token(i - 1).pos().startsWith("NN") && !s.token(i - 1).pos().startsWith("NNP")
                    || TIME_WORDS.contains(prev))) {
                // "posted a series of messages on Friday saying that ...": a participle after a thing or a time, without
                // a comma, still speaks for the clause's subject; after a name the name speaks ("footage of Trump
                // saying"), and a progressive "was saying" is finite
                return true;
            }
            return prev.equals(",") || prev.equals("while") || prev.equals("and") || prev.equals("before")
                    || prev.equals("after") || prev.equals("when") || prev.equals("also") || prev.equals("—")
                    || Quotes.isMark(s.token(i - 1).word());
        }

        Optional<Found> previousInSentence(Sentence s, int cue) {
            Found best = null;
            for (Found f : found) {
                if (f.sentence() == s.index() && f.cueTok() >= 0 && f.cueTok() < cue) {
                    best = f;
                }
            }
            if (best == null && s.index() > 0) {
                for (Found f : found) {
                    if (f.sentence() == s.index() - 1 && paragraph[s.index() - 1] == paragraph[s.index()]) {
                        best = f;
                    }
                }
            }
            return Optional.ofNullable(best);
        }

        /**
         * The noun phrase ending just before the cue (skipping "also", "has" ...). With {@code acrossComma}, an
         * appositive comma may be crossed ("..., Mohsen Al-Mandalawi, declared").
         */
        Speaker leftNounPhrase(Sentence s, int cue, boolean acrossComma) {
            int k = cue - 1;
            while (k >= 0 && (SKIPPABLE.contains(lower(s, k)) || s.token(k).pos().equals("RB") || s.token(k).pos().equals("MD"))) {
                k--;
            }
            if (acrossComma && k > 0 && lower(s, k).equals(",") && npToken(s, k - 1)) {
                k--;
            }
            int last = k;
            int count = 0;
            while (k >= 0 && npToken(s, k) && count < 12) {
                k--;
                count++;
            }
            int first = k + 1;
            while (first <= last && (lower(s, first).equals("of") || lower(s, first).equals("and")
                    || !Quotes.wordLike(s.token(first).word()))) {
                first++;
            }
            if (first > last || !Quotes.wordLike(s.token(last).word())) {
                return Speaker.NONE;
            }
            Token lt = s.token(last);
            if (TIME_WORDS.contains(lower(s, last))) {
                return Speaker.NONE;
            }
            if (!lt.pos().isEmpty() && !(lt.isNoun() || lt.pos().startsWith("PRP") || lt.pos().equals("CD"))) {
                return Speaker.NONE;
            }
            if (lt.pos().isEmpty() && DETERMINERS.contains(lower(s, last)) && !lower(s, last).equals("one")) {
                return Speaker.NONE;
            }
            return new Speaker(first, last, last);
        }

        /** "said Trump", "said a spokesman for the ministry": the noun phrase right after an inverted cue. */
        Speaker rightNounPhrase(Sentence s, int from) {
            int n = s.tokens().size();
            int k = from;
            while (k < n && k - from < 10 && (npToken(s, k) || lower(s, k).equals("for")) && !TIME_WORDS.contains(lower(s, k))) {
                k++;
            }
            int last = k - 1;
            while (last >= from && (!Quotes.wordLike(s.token(last).word()) || lower(s, last).equals("of")
                    || lower(s, last).equals("for") || lower(s, last).equals("and"))) {
                last--;
            }
            if (last < from) {
                return Speaker.NONE;
            }
            Token ft = s.token(from);
            if (!ft.pos().isEmpty() && !(ft.isNoun() || ft.pos().startsWith("PRP") || ft.pos().equals("DT")
                    || ft.pos().startsWith("JJ") || ft.pos().equals("CD"))) {
                return Speaker.NONE;
            }
            int head = last;
            Graph g = graphs[s.index()];
            if (g != null) {
                for (int t = from; t <= last; t++) {
                    int p = g.parent(t);
                    if (p < from || p > last) {
                        head = t;
                        break;
                    }
                }
            } else {
                for (int t = from; t <= last; t++) {
                    if (lower(s, t).equals("of") || lower(s, t).equals("for")) {
                        head = Math.max(from, t - 1);
                        break;
                    }
                }
            }
            return new Speaker(from, last, head);
        }

        boolean npToken(Sentence s, int k) {
            Token t = s.token(k);
            String w = lower(s, k);
            if (w.equals("'s") || w.equals("’s") || w.equals("-") || w.equals("of") || w.equals("&")) {
                return true;
            }
            if (!t.pos().isEmpty()) {
                String p = t.pos();
                return p.startsWith("NN") || p.startsWith("JJ") || p.equals("DT") || p.startsWith("PRP") || p.equals("CD")
                        || p.equals("POS") || p.equals("HYPH") || p.equals("NNP") || (p.equals("CC") && w.equals("and"))
                        || p.equals("VBN") && k > 0 && s.token(k - 1).pos().equals("DT");
            }
            return Quotes.wordLike(w) && !NOT_IN_NP.contains(w) && lexicon.verb(w) == null && !SKIPPABLE.contains(w)
                    || w.equals("and");
        }

        // ---------------------------------------------------------------- content

        /** The end (exclusive character offset) of content starting at token {@code from}. */
        int contentEnd(Sentence s, int from) {
            int n = s.tokens().size();
            int last = n - 1;
            for (int k = from; k < n; k++) {
                Quotes.Quote q = openAt(s, k);
                if (q != null) {
                    if (q.closeSent() > s.index()) {
                        // "added that …, which is a problem because, “In the end, … . We vote for somebody.”": the
                        // speaker's own words run on to their closing mark
                        boolean introduced = q.real() && k > from + 1 && k + 4 < s.tokens().size()
                                && (lower(s, k - 1).equals(",") || lower(s, k - 1).equals(":"));
                        return k <= from + 1 || introduced ? q.end() : trimmedEnd(s, from, k - 1);
                    }
                    if (q.closeTok() > k) {
                        k = q.closeTok();
                        if (k + 1 < n && k > from && laterCueClause(s, k + 1)) {
                            last = k;
                            break;
                        }
                        continue;
                    }
                }
                String w = lower(s, k);
                if (k > from && (w.equals(",") || w.equals(";") || w.equals("—") || w.equals("--")) && k + 1 < n) {
                    if (w.equals(";") || participial(s, k + 1) || lower(s, k + 1).equals("according")
                            || laterCueClause(s, k + 1) || cueClauseBeforeQuotation(s, k + 1)) {
                        last = k - 1;
                        break;
                    }
                }
            }
            return trimmedEnd(s, from, last);
        }

        /** ", he said." / ", a US official told CNN." closing the sentence after some content. */
        boolean laterCueClause(Sentence s, int k) {
            int n = s.tokens().size();
            int c = k;
            while (c < n && c - k < 8 && lexicon.verb(s.token(c).word()) == null) {
                if (!npToken(s, c) && !SKIPPABLE.contains(lower(s, c))) {
                    return false;
                }
                c++;
            }
            if (c >= n || c == k || lexicon.verb(s.token(c).word()) == null) {
                return false;
            }
            int r = skipAdverbials(s, c + 1);
            CueLexicon.Verb v = lexicon.verb(s.token(c).word());
            if (v.tell() && r < n && !isFinal(s, r)) {
                r = skipAdverbials(s, Math.min(n, r + 1 + nounRun(s, r + 1)));
            }
            return r >= n || isFinal(s, r);
        }

        /**
         * ", O'Brien said, “…”": a subject and a cue introducing a quotation of their own after a comma end the content
         * of a cue before them ("Asked to describe the device, O'Brien said, “…”").
         */
        boolean cueClauseBeforeQuotation(Sentence s, int k) {
            int n = s.tokens().size();
            int c = k;
            while (c < n && c - k < 6 && npToken(s, c) && lexicon.verb(s.token(c).word()) == null) {
                c++;
            }
            if (c == k || c >= n || lexicon.verb(s.token(c).word()) == null || !verbUse(s, c)) {
                return false;
            }
            int r = skipAdverbials(s, c + 1);
            return r + 1 < n && (lower(s, r).equals(",") || lower(s, r).equals(":")) && realOpenAt(s, r + 1) != null;
        }

        int nounRun(Sentence s, int from) {
            int k = from;
            while (k < s.tokens().size() && npToken(s, k)) {
                k++;
            }
            return k - from;
        }

        int trimmedEnd(Sentence s, int from, int last) {
            while (last > from && !Quotes.wordLike(s.token(last).word()) && !isCloseMark(s, last)) {
                last--;
            }
            // a closing mark keeps the punctuation inside it; a stray one closes nothing we opened
            if (isCloseMark(s, last)) {
                Quotes.Quote q = quoteClosingAt(s, last);
                if (q == null || q.start() < s.token(from).start()) {
                    last--;
                    while (last > from && !Quotes.wordLike(s.token(last).word())) {
                        last--;
                    }
                }
            }
            return s.token(last).end();
        }

        boolean bareStart(Sentence s, int j) {
            Token t = s.token(j);
            String w = lower(s, j);
            if (!t.pos().isEmpty()) {
                return false;
            }
            return PRONOUNS.contains(w) || DETERMINERS.contains(w) && !w.equals("that") || t.isCapitalized() && Quotes.wordLike(w)
                    && !NOT_IN_NP.contains(w) || Character.isDigit(w.charAt(0));
        }

        /**
         * "Park said Kim's mental state is 'spiraling out of control'", "Lynch said there remains a 'significant
         * difference …'": a finite cue, then a clause without "that" which the parser took apart (the subject as the
         * cue's object, the cue as a parataxis or clausal subject of the clause's verb). The clause must start with a
         * noun phrase, have its own finite verb before any comma, and hold a quotation, so "said the words" or "said
         * the plan would work" read as before.
         */
        boolean parsedBareClause(Sentence s, Graph g, int i, int j) {
            String pos = s.token(i).pos();
            // a participle after a clause speaks as well ("..., saying anybody who complains ... 'is not having a
            // good night'", "After saying her right foot was 'so swollen ...'")
            boolean finite = pos.equals("VBD") || pos.equals("VBZ") || pos.equals("VBP") || pos.equals("VBG") && participial(s, i);
            if (!finite || g.child(i, "ccomp") >= 0) {
                return false;
            }
            Token t = s.token(j);
            if (!(t.pos().equals("DT") || t.pos().equals("PRP") || t.pos().equals("PRP$") || t.pos().equals("EX")
                    || t.pos().startsWith("NN")) || lower(s, j).equals("that")) {
                return false;
            }
            int n = s.tokens().size();
            boolean verb = false;
            for (int k = j + 1; k < n && k - j <= 12 && !verb; k++) {
                String w = lower(s, k);
                if (w.equals(",") || w.equals(";") || w.equals(":") || w.equals("that") || isFinal(s, k) || isOpenMark(s, k)) {
                    break;
                }
                String p = s.token(k).pos();
                verb = p.equals("VBZ") || p.equals("VBD") || p.equals("VBP") || p.equals("MD");
            }
            if (!verb) {
                return false;
            }
            for (int k = j + 1; k < n; k++) {
                if (realOpenAt(s, k) != null) {
                    return true;
                }
            }
            return false;
        }

        boolean nounPhraseStart(Sentence s, int j) {
            Token t = s.token(j);
            String w = lower(s, j);
            if (!t.pos().isEmpty()) {
                return t.pos().equals("DT") || t.pos().equals("PRP$") || t.isNoun() || t.pos().startsWith("JJ");
            }
            return DETERMINERS.contains(w) || t.isCapitalized() && !NOT_IN_NP.contains(w);
        }

        /** The addressee of "told"/"urged": the object in the parse, else a short noun phrase. */
        int[] objectAfter(Sentence s, Graph g, int cue, int j) {
            if (g != null) {
                int o = g.child(cue, "obj");
                if (o < 0) {
                    o = g.child(cue, "iobj");
                }
                if (o < 0) {
                    o = g.child(cue, "obl:on");
                }
                if (o >= j) {
                    int[] ext = g.extent(o);
                    if (ext[0] >= j && ext[0] <= j + 1) {
                        return new int[] {Math.max(j, ext[0]), ext[1]};
                    }
                }
            }
            int k = j;
            int n = s.tokens().size();
            while (k < n && k - j < 6 && npToken(s, k) && !lower(s, k).equals("that")) {
                k++;
            }
            if (k == j && g != null && Quotes.wordLike(s.token(j).word())) {
                // a mistagged addressee ("told co-host Joe Scarborough that", "co-host" read as a verb): a few words
                // up to the complementizer of the cue's clause
                for (int t = j + 1; t < n && t - j <= 5; t++) {
                    if (lower(s, t).equals("that") && g.parentRel(t).equals("mark")) {
                        return new int[] {j, t - 1};
                    }
                    if (!Quotes.wordLike(s.token(t).word()) || lexicon.verb(s.token(t).word()) != null) {
                        break;
                    }
                }
            }
            return k > j ? new int[] {j, k - 1} : null;
        }

        int skipAdverbials(Sentence s, int j) {
            int n = s.tokens().size();
            for (int round = 0; round < 4 && j < n; round++) {
                String w = lower(s, j);
                if (TIME_WORDS.contains(w)) {
                    j++;
                    continue;
                }
                if (ADVERBIAL_PREPS.contains(w) && j + 1 < n) {
                    int k = j + 1;
                    while (k < n && k - j <= 8 && !opener(s, k) && !lower(s, k).equals(",") && !isFinal(s, k)
                            && (npToken(s, k) || lower(s, k).equals("with") || lower(s, k).equals("on"))) {
                        k++;
                    }
                    if (k > j + 1) {
                        j = k;
                        continue;
                    }
                }
                break;
            }
            return j;
        }

        boolean opener(Sentence s, int j) {
            String w = lower(s, j);
            return w.equals("that") || w.equals(":") || w.equals("to") || Quotes.isDoubleMark(s.token(j).word());
        }

        boolean thatIsPronoun(Sentence s, int j) {
            Graph g = graphs[s.index()];
            int n = s.tokens().size();
            if (j + 1 < n && isOpenMark(s, j + 1)) {
                // "adding that “some of the things ...”": a quotation opens the clause, whatever the parse made of it
                return false;
            }
            if (g != null && s.token(j).pos().equals("IN") && j + 1 < n && !isFinal(s, j + 1) && !lower(s, j + 1).equals(",")) {
                // the tagger's complementizer: the parse sometimes hangs it on the verb as an object
                return false;
            }
            if (g != null) {
                String rel = g.parentRel(j);
                return !rel.equals("mark") && !rel.isEmpty() && (rel.startsWith("obj") || rel.startsWith("nsubj"));
            }
            return j + 1 < s.tokens().size() && (isFinal(s, j + 1) || lower(s, j + 1).equals(","));
        }

        int subtreeStart(Graph g, int head, int cue) {
            int[] ext = g.extent(head);
            // the extent leaves out clausal dependents; the mark "that" and an opening quotation are kept
            return ext[0];
        }

        int skipLeft(Sentence s, int k) {
            while (k >= 0 && (SKIPPABLE.contains(lower(s, k)) || s.token(k).pos().equals("RB"))) {
                k--;
            }
            return k;
        }

        // ---------------------------------------------------------------- quotations

        Quotes.Quote openAt(Sentence s, int k) {
            Token t = s.token(k);
            if (!Quotes.isMark(t.word())) {
                return null;
            }
            for (Quotes.Quote q : quotes) {
                if (q.openSent() == s.index() && q.openTok() == k) {
                    return q;
                }
            }
            return null;
        }

        Quotes.Quote realOpenAt(Sentence s, int k) {
            Quotes.Quote q = openAt(s, k);
            return q != null && q.real() ? q : null;
        }

        boolean isOpenMark(Sentence s, int k) {
            return openAt(s, k) != null;
        }

        boolean isCloseMark(Sentence s, int k) {
            return Quotes.isMark(s.token(k).word()) && quoteClosingAt(s, k) != null;
        }

        /** The quotation whose closing mark is token {@code k}, or the mark just before a boundary comma. */
        Quotes.Quote quoteClosingAt(Sentence s, int k) {
            for (int t = k; t >= Math.max(0, k - 2); t--) {
                if (!Quotes.isMark(s.token(t).word())) {
                    if (t < k && Quotes.wordLike(s.token(t).word())) {
                        break;
                    }
                    continue;
                }
                for (Quotes.Quote q : quotes) {
                    if (q.closed() && q.closeSent() == s.index() && q.closeTok() == t) {
                        return q;
                    }
                }
                break;
            }
            return null;
        }

        /** A quotation that closes at the very end of the previous sentence of the paragraph. */
        Quotes.Quote quoteEndingBefore(Sentence s) {
            int p = s.index() - 1;
            if (p < 0 || paragraph[p] != paragraph[s.index()]) {
                return null;
            }
            Sentence ps = sentences.get(p);
            Quotes.Quote q = quoteClosingAt(ps, ps.tokens().size() - 1);
            return q != null && q.real() ? q : null;
        }

        Quotes.Quote quoteHolding(int start, int end) {
            for (Quotes.Quote q : quotes) {
                if (q.start() <= start && end <= q.end() && q.real()) {
                    return q;
                }
            }
            return null;
        }

        boolean isWholeQuote(Span sp) {
            for (Quotes.Quote q : quotes) {
                if (q.start() == sp.start() && q.end() == sp.end()) {
                    return true;
                }
            }
            return false;
        }

        QuoteForm form(List<Span> content) {
            boolean quoted = false;
            boolean other = false;
            for (Span c : content) {
                boolean whole = false;
                for (Quotes.Quote q : quotes) {
                    if (!q.real()) {
                        continue;
                    }
                    if (q.start() == c.start() && q.end() >= c.end() - 1 || q.start() <= c.start() && c.end() <= q.end()) {
                        whole = true;
                        quoted = true;
                    } else if (c.start() <= q.start() && q.end() <= c.end()) {
                        quoted = true;
                    }
                }
                if (!whole) {
                    other = true;
                }
            }
            return !quoted ? QuoteForm.INDIRECT : other ? QuoteForm.MIXED : QuoteForm.DIRECT;
        }

        // ---------------------------------------------------------------- small helpers

        boolean claimed(Sentence s, int tok) {
            int c = s.token(tok).start();
            for (Found f : found) {
                for (Span sp : f.content()) {
                    if (sp.start() == c) {
                        return true;
                    }
                }
            }
            return false;
        }

        boolean claimedSpan(int start, int end) {
            Span probe = new Span(start, end);
            for (Found f : found) {
                for (Span sp : f.content()) {
                    if (sp.overlaps(probe) && sp.start() <= start && end <= sp.end() + 1 && !f.rule().equals("noun:that")) {
                        return true;
                    }
                }
            }
            return false;
        }

        boolean mostlyClaimed(Span q) {
            for (Found f : found) {
                int shared = 0;
                for (Span sp : f.content()) {
                    shared += Math.max(0, Math.min(sp.end(), q.end()) - Math.max(sp.start(), q.start()));
                }
                if (2 * shared > q.length()) {
                    return true;
                }
            }
            return false;
        }

        boolean inContent(Token t, List<Span> content) {
            for (Span sp : content) {
                if (sp.contains(t.start())) {
                    return true;
                }
            }
            return false;
        }

        boolean isFinal(Sentence s, int k) {
            String w = s.token(k).word();
            return (w.equals(".") || w.equals("!") || w.equals("?") || w.equals("...") || w.equals("…"))
                    && (k == s.tokens().size() - 1 || !Quotes.wordLike(s.token(k + 1).word()));
        }

        String lower(Sentence s, int k) {
            return s.token(k).word().toLowerCase(Locale.ROOT);
        }

        /** The sentence's words, built once per sentence: one cue per word made run-on sentences quadratic. */
        List<String> words(Sentence s) {
            List<String> w = words.get(s.index());
            if (w == null) {
                w = new ArrayList<>(s.tokens().size());
                for (Token t : s.tokens()) {
                    w.add(t.word());
                }
                w = Collections.unmodifiableList(w);
                words.put(s.index(), w);
            }
            return w;
        }

        String span(Sentence s, int from, int to) {
            return text.substring(s.token(from).start(), s.token(to).end());
        }
    }
}
