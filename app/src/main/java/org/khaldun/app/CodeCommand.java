package org.khaldun.app;

import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.khaldun.article.ArticleSources;
import org.khaldun.article.ReadOptions;
import org.khaldun.article.ReadResult;
import org.khaldun.classifier.ClassifierPipelines;
import org.khaldun.event.Event;
import org.khaldun.output.EventJson;
import org.khaldun.output.EventTsv;
import org.khaldun.petrarch.PetrarchFiles;
import org.khaldun.petrarch.PetrarchFormatException;
import org.khaldun.pipeline.CodedArticle;
import org.khaldun.pipeline.CodingLimits;
import org.khaldun.pipeline.Pipeline;
import org.khaldun.pipeline.PipelineOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "code", mixinStandardHelpOptions = true,
        description = {"Code news articles into political events, one PLOVER-style JSON object per line on stdout.",
                "Progress and per-record errors go to stderr. Exit 0: all coded; 1: some records failed (named on"
                        + " stderr), the rest coded; 2: usage error; 4: fatal error."})
final class CodeCommand implements Callable<Integer> {

    enum OutputFormat { jsonl, tsv }

    @Parameters(paramLabel = "PATH", arity = "0..*",
            description = "Files or folders (recursive), or '-' for stdin (the default).")
    List<String> paths = new ArrayList<>();

    @Mixin
    InputOptions input = new InputOptions();

    @Option(names = "--format", defaultValue = "jsonl", paramLabel = "FORMAT",
            description = "Output: jsonl (PLOVER-style, canonical) or tsv (one row per event, with header). Default: ${DEFAULT-VALUE}.")
    OutputFormat format;

    @Option(names = "--threads", paramLabel = "N", description = "Coding threads (default: all cores).")
    Integer threads;

    @Option(names = "--facts-only", description = "Drop negated, hypothetical and future events instead of flagging them.")
    boolean factsOnly;

    @Option(names = "--actors", paramLabel = "FILE", description = "Extra actor dictionary in Khaldun's format (repeatable).")
    List<Path> actorFiles = new ArrayList<>();

    @Mixin
    CoderOptions coding = new CoderOptions();

    @Option(names = "--max-article-chars", paramLabel = "N",
            description = {"Largest article text coded, in characters (default: ${DEFAULT-VALUE}); a larger article"
                    + " fails alone. Also raises the input limit per record (5 MiB) to 4 bytes per character when larger."},
            defaultValue = "" + CodingLimits.DEFAULT_MAX_ARTICLE_CHARS)
    int maxArticleChars;

    @Option(names = "--max-sentences", paramLabel = "N",
            description = "Most sentences per article (default: ${DEFAULT-VALUE}); an article with more fails alone.",
            defaultValue = "" + CodingLimits.DEFAULT_MAX_SENTENCES)
    int maxSentences;

    @Option(names = "--article-timeout", paramLabel = "SECONDS",
            description = "Time budget per article in seconds, decimals allowed; 0 for none (default: ${DEFAULT-VALUE})."
                    + " An article over it fails alone, named on stderr; the others are still coded.",
            defaultValue = "60")
    double articleTimeout;

    @Mixin
    PetrarchDictionaryOptions petrarch = new PetrarchDictionaryOptions();

    @Override
    public Integer call() {
        ReadOptions options;
        CodingLimits limits;
        PetrarchFiles petrarchFiles;
        try {
            limits = codingLimits();
            options = input.readOptions();
            if (4L * maxArticleChars > options.maxArticleBytes()) {
                // a UTF-8 character takes at most 4 bytes: an article the coder accepts must get through the reader
                options = options.withMaxArticleBytes(Math.min(ReadOptions.MAX_LIMIT, 4L * maxArticleChars));
            }
            petrarchFiles = petrarch.files();
        } catch (IllegalArgumentException e) {
            System.err.println("khaldun: " + e.getMessage());
            return Main.EXIT_USAGE;
        }
        List<String> inputs = paths.isEmpty() ? List.of("-") : paths;
        PipelineOptions pipelineOptions = new PipelineOptions(actorFiles, petrarchFiles);
        Pipeline pipeline;
        try {
            pipeline = ClassifierPipelines.create(pipelineOptions, coding.coder, coding.rule());
        } catch (PetrarchFormatException e) {
            System.err.println("khaldun: " + e.getMessage() + " (--strict-dictionaries: fix the line or drop the option)");
            return Main.EXIT_USAGE;
        }
        petrarch.reportSkipped(System.err);
        petrarch.reportMode(System.err);
        int n = threads != null ? threads : Runtime.getRuntime().availableProcessors();
        Progress progress = Progress.onStderr();
        PrintStream err = System.err;
        BufferedWriter out = new BufferedWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), 1 << 16);
        try (Stream<ReadResult> records = ArticleSources.read(inputs, options)) {
            if (format == OutputFormat.tsv) {
                out.write(EventTsv.header());
                out.newLine();
            }
            Iterator<ReadResult> it = records.iterator();
            new ParallelCoder(pipeline, n, limits).run(it, outcome -> {
                if (outcome instanceof ParallelCoder.Failed f) {
                    progress.failure();
                    err.println("khaldun: " + f.record() + ": " + f.reason());
                    return;
                }
                CodedArticle c = ((ParallelCoder.Coded) outcome).article();
                int written = 0;
                try {
                    for (Event e : c.events()) {
                        if (factsOnly && !e.modality().isFact()) {
                            continue;
                        }
                        out.write(format == OutputFormat.tsv ? EventTsv.toRow(e, c.article()) : EventJson.toJson(e, c.article()));
                        out.newLine();
                        written++;
                    }
                    out.flush();
                } catch (java.io.IOException e) {
                    throw new UncheckedIOException(e);
                }
                progress.article(written);
            });
            out.flush();
        } catch (java.io.IOException e) {
            throw new UncheckedIOException(e);
        }
        progress.finish();
        if (progress.articles() == 0) {
            err.println("khaldun: no articles read from " + String.join(" ", inputs));
            return Main.EXIT_FAILURE;
        }
        return progress.failed() > 0 ? Main.EXIT_SOME_RECORDS_FAILED : Main.EXIT_OK;
    }

    private CodingLimits codingLimits() {
        if (maxArticleChars <= 0) {
            throw new IllegalArgumentException("--max-article-chars must be a positive number, got " + maxArticleChars);
        }
        if (maxSentences <= 0) {
            throw new IllegalArgumentException("--max-sentences must be a positive number, got " + maxSentences);
        }
        if (!(articleTimeout >= 0) || articleTimeout > 86_400) {
            throw new IllegalArgumentException("--article-timeout must be 0 (none) to 86400 seconds, got " + articleTimeout);
        }
        return new CodingLimits(maxArticleChars, maxSentences, Duration.ofNanos(Math.round(articleTimeout * 1e9)));
    }
}
