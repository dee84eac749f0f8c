package org.khaldun.app;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.khaldun.article.ArticleSources;
import org.khaldun.article.InputFormat;
import org.khaldun.article.ReadOptions;
import org.khaldun.article.ReadResult;
import org.khaldun.pipeline.PipelineOptions;
import org.khaldun.pipeline.Pipelines;
import org.khaldun.store.EventStore;
import org.khaldun.store.IngestItem;
import org.khaldun.store.IngestOutcome;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "ingest", mixinStandardHelpOptions = true,
        description = {"Read, code and store articles in an event store (DuckDB file), clustering events reported by"
                + " several articles into one real-world event.",
                "Articles already stored (same URL, or same text when there is no URL) are skipped, so running the"
                        + " same input twice stores nothing twice. Exit 0: all stored or skipped; 1: some records"
                        + " failed (named on stderr); 2: usage error; 4: fatal error."})
final class IngestCommand implements Callable<Integer> {

    @Parameters(paramLabel = "PATH", arity = "0..*",
            description = "Files or folders (text, HTML, JSON lines, RSS/Atom feeds), or '-' for stdin (the default).")
    List<String> paths = new ArrayList<>();

    @Option(names = "--db", paramLabel = "FILE", defaultValue = EventStore.DEFAULT_FILE,
            description = "The store (created if missing). Default: ${DEFAULT-VALUE}.")
    Path db;

    @Option(names = "--input-format", paramLabel = "FORMAT",
            description = "text, html, jsonl or feed (default: from each file's extension, else sniffed).")
    InputFormat inputFormat;

    @Option(names = "--published", paramLabel = "YYYY-MM-DD",
            description = "Publication date for articles that carry none.")
    String published;

    @Option(names = "--source", paramLabel = "NAME", description = "Publisher for articles that name none.")
    String source;

    @Option(names = "--threads", paramLabel = "N", description = "Coding threads (default: all cores).")
    Integer threads;

    @Option(names = "--batch", paramLabel = "N", defaultValue = "64",
            description = "Articles per transaction. Default: ${DEFAULT-VALUE}.")
    int batch;

    @Option(names = "--actors", paramLabel = "FILE", description = "Extra actor dictionary in Khaldun's format (repeatable).")
    List<Path> actorFiles = new ArrayList<>();

    @Override
    public Integer call() {
        ReadOptions options;
        try {
            options = readOptions(inputFormat, published, source);
        } catch (IllegalArgumentException e) {
            System.err.println("khaldun: " + e.getMessage());
            return Main.EXIT_USAGE;
        }
        if (batch < 1) {
            System.err.println("khaldun: --batch must be at least 1");
            return Main.EXIT_USAGE;
        }
        List<String> inputs = paths.isEmpty() ? List.of("-") : paths;
        var pipeline = Pipelines.create(new PipelineOptions(actorFiles));
        int n = threads != null ? threads : Runtime.getRuntime().availableProcessors();
        Progress progress = Progress.onStderr();
        PrintStream err = System.err;
        try (EventStore store = EventStore.open(db); Stream<ReadResult> records = ArticleSources.read(inputs, options)) {
            Iterator<ReadResult> unseen = skippingStored(records.iterator(), store, progress);
            List<IngestItem> pending = new ArrayList<>();
            new ParallelCoder(pipeline, n).run(unseen, outcome -> {
                if (outcome instanceof ParallelCoder.Failed f) {
                    progress.failure();
                    err.println("khaldun: " + f.record() + ": " + f.reason());
                    return;
                }
                ParallelCoder.Coded c = (ParallelCoder.Coded) outcome;
                pending.add(new IngestItem(c.record(), c.article()));
                if (pending.size() >= batch) {
                    store(store, pending, progress, err);
                }
            });
            store(store, pending, progress, err);
        }
        progress.finish();
        if (progress.articles() == 0) {
            err.println("khaldun: no articles read from " + String.join(" ", inputs));
            return Main.EXIT_FAILURE;
        }
        return progress.failed() > 0 ? Main.EXIT_SOME_RECORDS_FAILED : Main.EXIT_OK;
    }

    private static void store(EventStore store, List<IngestItem> pending, Progress progress, PrintStream err) {
        if (pending.isEmpty()) {
            return;
        }
        for (IngestOutcome o : store.ingest(pending)) {
            if (o instanceof IngestOutcome.Stored s) {
                progress.article(s.events());
            } else if (o instanceof IngestOutcome.Duplicate) {
                progress.skipped();
            } else if (o instanceof IngestOutcome.Failed f) {
                progress.failure();
                err.println("khaldun: " + f.record() + ": " + f.reason());
            }
        }
        pending.clear();
    }

    /** Drops articles the store already holds before they reach the (costly) coder, counting them. */
    static Iterator<ReadResult> skippingStored(Iterator<ReadResult> in, EventStore store, Progress progress) {
        return new Iterator<>() {
            ReadResult next;

            @Override
            public boolean hasNext() {
                while (next == null && in.hasNext()) {
                    ReadResult r = in.next();
                    if (r instanceof ReadResult.Ok ok && store.storedSeq(ok.article()).isPresent()) {
                        progress.skipped();
                        continue;
                    }
                    next = r;
                }
                return next != null;
            }

            @Override
            public ReadResult next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                ReadResult r = next;
                next = null;
                return r;
            }
        };
    }

    static ReadOptions readOptions(InputFormat inputFormat, String published, String source) {
        LocalDate date = null;
        if (published != null) {
            try {
                date = LocalDate.parse(published);
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException("--published must be YYYY-MM-DD, got '" + published + "'");
            }
        }
        ReadOptions options = ReadOptions.defaults();
        if (inputFormat != null) {
            options = options.withFormat(inputFormat);
        }
        if (date != null) {
            options = options.withDefaultPublished(date);
        }
        if (source != null) {
            options = options.withDefaultSource(source);
        }
        return options;
    }
}
