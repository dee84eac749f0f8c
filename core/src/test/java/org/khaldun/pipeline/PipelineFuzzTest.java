package org.khaldun.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.khaldun.article.Article;
import org.khaldun.article.ArticleSources;
import org.khaldun.article.InputFormat;
import org.khaldun.article.ReadOptions;
import org.khaldun.article.ReadResult;
import org.khaldun.article.DebrisMarker;
import org.khaldun.event.Event;
import org.khaldun.event.TextInfo;
import org.khaldun.fuzz.Fuzz;
import org.khaldun.fuzz.Fuzz.Gen;
import org.khaldun.json.Json;
import org.khaldun.nlp.Sentence;
import org.khaldun.nlp.Token;
import org.khaldun.output.EventJson;

/**
 * Hostile articles through the whole coder (the shared CoreNLP engine): every article ends in events whose
 * offsets point at the text they quote, or in a per-article limit error that names the limit; never an
 * exception from inside a stage, never a hang. Generated cases come from {@link Fuzz} with a fixed seed per case;
 * the seed is in each case's name.
 */
class PipelineFuzzTest {

    private static final Pipeline PIPELINE = Pipelines.defaultPipeline();

    /** Words that reach every stage: actors, event verbs, speech, dates, places, negation and modality. */
    private static final List<String> NEWSY = List.of("Iraq", "Iran", "Iraqi", "Iranian", "the", "foreign", "minister",
            "police", "rebels", "protesters", "the United Nations", "Baghdad", "Mosul", "Kyiv", "Russia", "Ukraine",
            "met", "attacked", "accused", "condemned", "said", "will", "not", "did", "visit", "signed", "an", "agreement",
            "with", "against", "in", "on", "Monday", "last week", "2024-02-07", "yesterday", "\"", "'", ",", ";", "(",
            ")", "according to", "officials", "killed", "arrested", "threatened", "to", "sanctions", "Read more:",
            "Share this", "By", "Reuters", "-", "--", "...", "U.S.", "Mr.", "Dr.", "No.", "e.g.", "\n", "\n\n");

    /** Characters that break naive offset and width arithmetic. */
    private static final List<String> HOSTILE = List.of("\u200B", "\u200C", "\u200D", "\u2060", "\uFEFF", "\u200E",
            "\u200F", "\u202A", "\u202B", "\u202C", "\u202D", "\u202E", "\u2066", "\u2067", "\u2068", "\u2069", "\u061C",
            "\u00AD", "\u0301", "\u0627\u0644\u0639\u0631\u0627\u0642", "\u05D9\u05E8\u05D5\u05E9\u05DC\u05D9\u05DD",
            "\uD83D\uDE00", "\uD83C\uDDEE\uD83C\uDDF6", "\u4E2D\u56FD", "\u0000", "\u0007", "\t", "\u00A0", "\u2028",
            "\u2029", "\u3000", "\uFFFD", "\uD800", "\uDFFF", "\u0085", "&amp;", "<b>", "\\", "%s", "${x}");

    /** One to ten sentences of one to forty words: mostly news words, some hostile characters, some noise. */
    private static String hostileArticle(Gen g) {
        return String.join(" ", g.list(1, 10, () -> String.join(" ", g.list(1, 40, () -> switch (g.weighted(6, 2, 1)) {
            case 0 -> g.oneOf(NEWSY);
            case 1 -> g.oneOf(HOSTILE);
            default -> g.string(6);
        })) + "."));
    }

    private static Article article(String text) {
        Article a = Article.of("fuzz", "", "", text, LocalDate.of(2024, 2, 8), "");
        return DebrisMarker.standard().mark(a);
    }

    /** What every coded article must satisfy, whatever its text. */
    private static void assertSound(CodedArticle coded) {
        String text = coded.article().text();
        for (Sentence s : coded.sentences()) {
            assertThat(s.start()).isBetween(0, s.end());
            assertThat(s.end()).isLessThanOrEqualTo(text.length());
            assertThat(s.text()).isEqualTo(text.substring(s.start(), s.end()));
            for (Token t : s.tokens()) {
                assertThat(t.start()).isBetween(s.start(), t.end());
                assertThat(t.end()).isLessThanOrEqualTo(s.end());
            }
        }
        for (Event e : coded.events()) {
            TextInfo ti = e.textInfo();
            assertThat(ti.sentenceIndex()).isBetween(0, coded.sentences().size() - 1);
            assertThat(ti.start()).isBetween(0, ti.triggerStart());
            assertThat(ti.triggerStart()).isLessThan(ti.triggerEnd());
            assertThat(ti.triggerEnd()).isLessThanOrEqualTo(ti.end());
            assertThat(ti.end()).isLessThanOrEqualTo(text.length());
            assertThat(ti.sentence()).isEqualTo(text.substring(ti.start(), ti.end()));
            assertThat(coded.article().inDebris(ti.triggerStart(), ti.triggerEnd())).isFalse();
            // the output line is valid JSON that reads back, whatever characters the article holds
            Map<String, Object> json = Json.parseObject(EventJson.toJson(e, coded.article()));
            assertThat(json).containsKey("text_info");
        }
    }

    @TestFactory
    Stream<DynamicTest> hostileTextEndsInSoundEventsOrALimitError() {
        return Fuzz.cases("hostile articles", 60, 11_000_000, g ->
                assertSound(PIPELINE.code(article(hostileArticle(g)), CodingLimits.DEFAULTS)));
    }

    /** End to end: JSON lines of hostile articles among broken lines, read, then coded. */
    @TestFactory
    Stream<DynamicTest> hostileJsonLinesAreReadAndCodedOrFailAloneNamingTheirLine() {
        return Fuzz.cases("hostile JSON lines", 20, 12_000_000, g ->
                hostileJsonLinesCase(g.list(0, 8, () -> hostileArticle(g)), g.list(0, 8, () -> garbage(g))));
    }

    private static void hostileJsonLinesCase(List<String> texts, List<String> garbage) {
        StringBuilder in = new StringBuilder();
        for (int i = 0; i < Math.max(texts.size(), garbage.size()); i++) {
            if (i < texts.size()) {
                in.append(Json.write(Map.of("id", "a" + i, "text", texts.get(i), "published", "2024-02-08"))).append('\n');
            }
            if (i < garbage.size()) {
                in.append(garbage.get(i)).append('\n');
            }
        }
        byte[] bytes = in.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
        try (var results = ArticleSources.read(List.of("-"), ReadOptions.defaults().withFormat(InputFormat.JSONL),
                new java.io.ByteArrayInputStream(bytes))) {
            results.forEach(r -> {
                assertThat(r.record()).matches("stdin(:\\d+)?");
                if (r instanceof ReadResult.Ok ok) {
                    assertSound(PIPELINE.code(ok.article(), CodingLimits.DEFAULTS));
                } else {
                    assertThat(((ReadResult.Failed) r).reason()).isNotBlank().doesNotContain("Exception");
                }
            });
        }
    }

    /** A line that is not a sound article: noise (kept on one line), or JSON with a broken or wrong-typed field. */
    private static String garbage(Gen g) {
        return g.bool() ? g.string(40).replace('\n', ' ').replace('\r', ' ')
                : g.oneOf("{", "{\"text\": 5}", "{\"text\": \"\\ud800 Iraq\"}", "{\"id\": [], \"text\": \"x\"}",
                        "{\"text\": \"Iraq\", \"published\": \"2024-02-30\"}", "[]", "null", "\"text\"");
    }

    // ---- very long sentences: thousands of tokens, not parsed, still coded

    @TestFactory
    Stream<DynamicTest> aSentenceOfThousandsOfTokensIsCodedWithoutParsingIt() {
        return Fuzz.cases("long sentences", 3, 13_000_000, g -> longSentenceCase(g.between(1_000, 4_000)));
    }

    private static void longSentenceCase(int tokens) {
        List<String> words = List.of("Iraqi", "forces", "attacked", "rebels", "near", "Mosul", "and", "the", "Iranian",
                "minister", "condemned", "it", ",");
        StringBuilder sb = new StringBuilder("Iraq condemned Iran on Monday. ");
        for (int i = 0; i < tokens; i++) {
            sb.append(words.get(i % words.size())).append(' ');
        }
        sb.append("end. Iran accused Iraq on Tuesday.");
        CodedArticle coded = PIPELINE.code(article(sb.toString()), CodingLimits.DEFAULTS);
        assertSound(coded);
        Sentence longest = coded.sentences().stream().max((a, b) -> a.tokens().size() - b.tokens().size()).orElseThrow();
        assertThat(longest.tokens().size()).isGreaterThan(org.khaldun.nlp.CoreNlpEngine.DEFAULT_MAX_PARSE_TOKENS);
        assertThat(longest.parsed()).as("a run-on sentence is not parsed").isFalse();
        // the short sentences around it are still coded
        assertThat(coded.events()).extracting(e -> e.textInfo().trigger()).contains("condemned", "accused");
    }

    /**
     * Regression: CoreNLP's lexer backtracks within a run of characters without a space, so 40,000 characters of
     * {@code &amp;…}, {@code Iraq-Iran-…}, e-mail-like text or emoji took 20 s to over a minute to split. A run
     * over {@link org.khaldun.nlp.CoreNlpEngine#MAX_WORD_CHARS} is now one token as it stands.
     */
    @TestFactory
    Stream<DynamicTest> aRunOfThousandsOfCharactersWithoutASpaceIsOneToken() {
        return Fuzz.cases("runs without spaces", 8, 14_000_000, g ->
                spacelessRunCase(g.oneOf(SPACELESS_UNITS), g.size(101, 60_000)));
    }

    private static void spacelessRunCase(String unit, int chars) {
        String run = unit.repeat(chars / unit.length() + 1);
        String text = "Iraq condemned Iran on Monday. " + run + " Iran accused Iraq on Tuesday.";
        CodedArticle coded = PIPELINE.code(article(text), CodingLimits.DEFAULTS);
        assertSound(coded);
        assertThat(coded.sentences()).flatExtracting(Sentence::tokens).extracting(Token::word).contains(run);
        assertThat(coded.events()).extracting(e -> e.textInfo().trigger()).contains("condemned", "accused");
    }

    private static final List<String> SPACELESS_UNITS = List.of("&amp;", "Iraq-Iran-", "a@b.c", "\uD83D\uDE00",
            "http://x.org/", "...", "(", "U.S.", "1,0");

    /**
     * Regression: a "sentence" of 30,000 tokens (no full stop) cost its length squared in attribution and
     * places (20 s); it is now cut into pieces of 500 to 999 tokens, none of them parsed (token rules such as
     * "Iraq said" still apply to them, as they did to the whole).
     */
    @Test
    void aRunOnSentenceIsCutIntoUnparsedPieces() {
        String text = "\" Iraq said \" , Iraq and Iran met the U.S. police in Baghdad , ".repeat(1_000);
        CodedArticle coded = PIPELINE.code(article(text), CodingLimits.DEFAULTS);
        assertSound(coded);
        assertThat(coded.sentences()).hasSizeGreaterThan(10).allSatisfy(s -> {
            assertThat(s.tokens().size()).isBetween(org.khaldun.nlp.CoreNlpEngine.MAX_SENTENCE_TOKENS,
                    2 * org.khaldun.nlp.CoreNlpEngine.MAX_SENTENCE_TOKENS - 1);
            assertThat(s.parsed()).isFalse();
        });
    }

    // ---- 100,000-sentence articles

    @Test
    void anArticleOfAHundredThousandSentencesFailsOnTheSentenceLimitNamingIt() {
        String text = "Yes! ".repeat(100_000);
        assertThatThrownBy(() -> PIPELINE.code(article(text), CodingLimits.DEFAULTS))
                .isInstanceOfSatisfying(ArticleLimitException.class, e -> {
                    assertThat(e.limit()).isEqualTo(ArticleLimitException.Limit.SENTENCES);
                    assertThat(e.reason()).isEqualTo(
                            "article has 100,000 sentences, over the limit of 20,000 sentences per article");
                });
    }

    @Test
    void aHundredThousandSentencesWithoutActorsAreCodedWhenTheLimitAllowsThem() {
        String text = "Yes! ".repeat(100_000);
        CodedArticle coded = PIPELINE.code(article(text), CodingLimits.DEFAULTS.withMaxSentences(200_000));
        assertThat(coded.sentences()).hasSize(100_000);
        assertThat(coded.events()).isEmpty();
    }

    @Test
    void anArticleOverTheSizeLimitIsRefusedBeforeAnyWork() {
        String text = "Iraq condemned Iran. ".repeat(2_500_000); // 52.5 million characters
        AtomicLong clockReads = new AtomicLong();
        Pipeline counting = PIPELINE.withClock(() -> {
            clockReads.incrementAndGet();
            return System.nanoTime();
        });
        Article huge = Article.of("huge", "", "", text, null, "");
        assertThatThrownBy(() -> counting.code(huge, CodingLimits.DEFAULTS))
                .isInstanceOfSatisfying(ArticleLimitException.class, e -> {
                    assertThat(e.limit()).isEqualTo(ArticleLimitException.Limit.ARTICLE_CHARS);
                    assertThat(e.reason()).isEqualTo("article text is 52,500,000 characters, over the limit of "
                            + "1,000,000 characters per article");
                });
        assertThat(clockReads).as("no stage started").hasValue(0);
    }

    // ---- time budget (a fake clock: no test waits for real time)

    @Test
    void anArticleOverItsTimeBudgetFailsNamingTheBudgetAndTheStageReached() {
        AtomicLong now = new AtomicLong();
        // every look at the clock is one second later
        Pipeline slow = PIPELINE.withClock(() -> now.addAndGet(1_000_000_000L));
        Article a = article("Iraq condemned Iran on Monday. The Iranian minister accused Iraq.");
        assertThatThrownBy(() -> slow.code(a, CodingLimits.DEFAULTS.withTimeBudget(Duration.ofMillis(2500))))
                .isInstanceOfSatisfying(ArticleLimitException.class, e -> {
                    assertThat(e.limit()).isEqualTo(ArticleLimitException.Limit.TIME_BUDGET);
                    assertThat(e.reason()).startsWith("article took longer than the time budget of 2.5 s per article"
                            + " (stopped after actors");
                });
        // the same article within budget, and the pipeline is still usable after the failure
        assertSound(slow.code(a, CodingLimits.DEFAULTS.withTimeBudget(Duration.ofHours(1))));
        assertThat(slow.code(a, CodingLimits.DEFAULTS.withTimeBudget(Duration.ZERO)).events()).isNotEmpty();
    }

    @Test
    void theParseStageIsStoppedBetweenBatchesOfSentences() {
        AtomicLong now = new AtomicLong();
        Pipeline slow = PIPELINE.withClock(() -> now.addAndGet(1_000_000_000L));
        Article a = article("Iraq condemned Iran on Monday. ".repeat(3 * Pipeline.PARSE_BATCH));
        // split, actors and the first batch: clock reads at 1 s (start), 2 (t0), 3 (after split), 4 (t1),
        // 5 (after actors), 6 (t2), 7 (after batch 1)
        assertThatThrownBy(() -> slow.code(a, CodingLimits.DEFAULTS.withTimeBudget(Duration.ofMillis(5500))))
                .isInstanceOfSatisfying(ArticleLimitException.class, e -> assertThat(e.reason())
                        .contains("(stopped in parse, 32 of 96 sentences done"));
    }
}
