package org.khaldun.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.khaldun.actor.ActorDictionary;
import org.khaldun.actor.DictionaryActorRecognizer;
import org.khaldun.article.Article;
import org.khaldun.article.ReadResult;
import org.khaldun.attribution.RuleAttributionFinder;
import org.khaldun.codebook.TableCodebook;
import org.khaldun.event.DependencyEventCoder;
import org.khaldun.json.Json;
import org.khaldun.nlp.CoreNlpEngine;
import org.khaldun.nlp.NlpEngine;
import org.khaldun.nlp.Sentence;
import org.khaldun.pipeline.CodingLimits;
import org.khaldun.pipeline.Pipeline;
import org.khaldun.place.GazetteerPlaceRecognizer;
import org.khaldun.time.RuleTimeResolver;

/** Limits per article: an article over one fails alone, named with the limit; the others are still coded. */
class ArticleLimitsCliTest {

    static final String TALKS = "Iraq and Iran discuss security\n\n"
            + "On Monday, the Iraqi foreign minister received his Iranian counterpart in Baghdad.\n";

    @TempDir
    Path dir;

    @Test
    void anArticleOverItsTimeBudgetFailsAloneAndTheArticlesAfterItAreCoded() {
        AtomicLong now = new AtomicLong();
        // an engine whose splitting of one article "takes" two minutes on the pipeline's clock
        NlpEngine engine = new NlpEngine() {
            @Override
            public List<Sentence> split(String text) {
                if (text.contains("Mosul")) {
                    now.addAndGet(Duration.ofMinutes(2).toNanos());
                }
                return CoreNlpEngine.shared().split(text);
            }

            @Override
            public List<Sentence> tag(List<Sentence> sentences) {
                return CoreNlpEngine.shared().tag(sentences);
            }

            @Override
            public List<Sentence> parse(List<Sentence> sentences) {
                return CoreNlpEngine.shared().parse(sentences);
            }
        };
        Pipeline pipeline = new Pipeline(engine, new DictionaryActorRecognizer(ActorDictionary.builtin()),
                new RuleTimeResolver(), new RuleAttributionFinder(), GazetteerPlaceRecognizer.builtin(),
                DependencyEventCoder.withBuiltinLexicon(TableCodebook.builtin())).withClock(now::get);
        Iterator<ReadResult> input = List.<ReadResult>of(
                ok("feed.jsonl:1", "a1", "The Iraqi foreign minister received his Iranian counterpart on Monday."),
                ok("feed.jsonl:2", "slow", "Iraqi troops attacked Islamic State fighters near Mosul on Sunday."),
                ok("feed.jsonl:3", "a3", "Iran accused Iraq of shelling its border on Tuesday.")).iterator();

        List<ParallelCoder.Outcome> outcomes = new ArrayList<>();
        new ParallelCoder(pipeline, 1, CodingLimits.DEFAULTS).run(input, outcomes::add);

        assertThat(outcomes).hasSize(3);
        assertThat(outcomes.get(0)).isInstanceOf(ParallelCoder.Coded.class);
        assertThat(outcomes.get(1)).isInstanceOfSatisfying(ParallelCoder.Failed.class, f -> {
            assertThat(f.record()).isEqualTo("feed.jsonl:2");
            assertThat(f.reason()).startsWith("article took longer than the time budget of 60 s per article");
        });
        assertThat(outcomes.get(2)).isInstanceOfSatisfying(ParallelCoder.Coded.class,
                c -> assertThat(c.article().events()).isNotEmpty());
    }

    @Test
    void anArticleOverTheCharacterLimitIsNamedOnStderrAndTheOthersAreCoded() throws IOException {
        write("a-long.txt", TALKS + "The ministers discussed border security. ".repeat(20));
        write("b-short.txt", TALKS);
        CliRun run = CliRun.run("code", "--published", "2025-03-12", "--max-article-chars", "400", dir.toString());
        assertThat(run.exitCode()).isEqualTo(Main.EXIT_SOME_RECORDS_FAILED);
        assertThat(run.stderr()).contains("a-long.txt: article text is ")
                .contains("over the limit of 400 characters per article");
        assertThat(articleIds(run)).containsExactly("b-short");
    }

    @Test
    void theSentenceLimitIsAnOption() throws IOException {
        write("talks.txt", TALKS + "The ministers met. They talked. They left.\n");
        CliRun run = CliRun.run("code", "--published", "2025-03-12", "--max-sentences", "2", dir.toString());
        assertThat(run.exitCode()).isEqualTo(Main.EXIT_SOME_RECORDS_FAILED);
        assertThat(run.stderr()).contains("talks.txt: article has 5 sentences, over the limit of 2 sentences per article");
    }

    @Test
    void aTimeoutTooShortForAnyArticleFailsEachOneByNameWithTheBudget() throws IOException {
        write("talks.txt", TALKS);
        CliRun run = CliRun.run("code", "--published", "2025-03-12", "--article-timeout", "0.000000001", dir.toString());
        assertThat(run.exitCode()).isEqualTo(Main.EXIT_SOME_RECORDS_FAILED);
        assertThat(run.stderr()).contains("talks.txt: article took longer than the time budget of 1 ns per article");
        assertThat(run.stdout()).isEmpty();
    }

    @Test
    void badLimitValuesAreUsageErrors() {
        assertThat(CliRun.run("code", "--max-article-chars", "0", "-").exitCode()).isEqualTo(Main.EXIT_USAGE);
        assertThat(CliRun.run("code", "--max-sentences", "-3", "-").exitCode()).isEqualTo(Main.EXIT_USAGE);
        CliRun negative = CliRun.run("code", "--article-timeout", "-1", "-");
        assertThat(negative.exitCode()).isEqualTo(Main.EXIT_USAGE);
        assertThat(negative.stderr()).contains("--article-timeout must be 0 (none) to 86400 seconds");
    }

    @Test
    void theLimitsAndTheirDefaultsAreDocumentedInHelp() {
        String help = CliRun.run("code", "--help").stdout().replaceAll("\\s+", " ");
        assertThat(help).contains("--max-article-chars=N").contains("(default: 1000000)")
                .contains("--max-sentences=N").contains("(default: 20000)")
                .contains("--article-timeout=SECONDS").contains("(default: 60)");
    }

    private static ReadResult ok(String record, String id, String text) {
        return new ReadResult.Ok(record, Article.of(id, "", "", text, java.time.LocalDate.of(2025, 3, 12), ""));
    }

    private List<String> articleIds(CliRun run) {
        return run.lines().stream().map(l -> (String) Json.parseObject(l).get("article_id")).distinct().toList();
    }

    private void write(String name, String content) throws IOException {
        Files.writeString(dir.resolve(name), content, StandardCharsets.UTF_8);
    }
}
