package org.khaldun.app;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import org.khaldun.article.ArticleSources;
import org.khaldun.article.FeedArticles;
import org.khaldun.fetch.FeedFetcher;
import org.khaldun.article.ReadOptions;
import org.khaldun.article.ReadResult;
import org.khaldun.pipeline.PipelineOptions;
import org.khaldun.pipeline.Pipelines;
import org.khaldun.store.EventStore;
import org.khaldun.store.IngestItem;
import org.khaldun.store.IngestOutcome;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
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
            description = "Files or folders (text, HTML, JSON lines, RSS/Atom feeds), http(s) URLs of RSS/Atom feeds,"
                    + " or '-' for stdin (the default).")
    List<String> paths = new ArrayList<>();

    @Option(names = "--db", paramLabel = "FILE", defaultValue = EventStore.DEFAULT_FILE,
            description = "The store (created if missing). Default: ${DEFAULT-VALUE}.")
    Path db;

    @Mixin
    InputOptions input = new InputOptions();

    @Option(names = "--threads", paramLabel = "N", description = "Coding threads (default: all cores).")
    Integer threads;

    @Option(names = "--batch", paramLabel = "N", defaultValue = "64",
            description = "Articles per transaction. Default: ${DEFAULT-VALUE}.")
    int batch;

    @Option(names = "--actors", paramLabel = "FILE", description = "Extra actor dictionary in Khaldun's format (repeatable).")
    List<Path> actorFiles = new ArrayList<>();

    @Option(names = "--allow-private-urls", negatable = false,
            description = "Let feed URLs reach loopback and private-network addresses (refused by default).")
    boolean allowPrivateUrls;

    @Option(names = "--fetch-timeout", paramLabel = "SECONDS", defaultValue = "20",
            description = "Connect timeout, and again whole-answer timeout, per feed URL. Default: ${DEFAULT-VALUE}.")
    int fetchTimeout;

    @Option(names = "--max-fetch-bytes", paramLabel = "BYTES", defaultValue = "16777216",
            description = "Largest feed fetched by URL. Default: ${DEFAULT-VALUE} (16 MiB).")
    long maxFetchBytes;

    @Override
    public Integer call() {
        ReadOptions options;
        try {
            options = input.readOptions();
        } catch (IllegalArgumentException e) {
            System.err.println("khaldun: " + e.getMessage());
            return Main.EXIT_USAGE;
        }
        if (fetchTimeout < 1 || maxFetchBytes < 1) {
            System.err.println("khaldun: --fetch-timeout and --max-fetch-bytes must be positive");
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
        try (EventStore store = EventStore.open(db); Stream<ReadResult> records = read(inputs, options,
                new FeedFetcher(new FeedFetcher.Policy(allowPrivateUrls, Duration.ofSeconds(fetchTimeout), maxFetchBytes)))) {
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

    /**
     * The records of all inputs in argument order: files, folders and stdin as {@link ArticleSources} reads them,
     * feeds named by URL fetched (lazily, when the stream reaches them) under the fetcher's safeguards. A URL that is
     * refused or fails is one failed record naming the URL and the reason.
     */
    static Stream<ReadResult> read(List<String> inputs, ReadOptions options, FeedFetcher fetcher) {
        List<List<String>> groups = new ArrayList<>();
        for (String in : inputs) {
            boolean url = FeedFetcher.isUrl(in);
            if (url || groups.isEmpty() || FeedFetcher.isUrl(groups.get(groups.size() - 1).get(0))) {
                groups.add(new ArrayList<>());
            }
            groups.get(groups.size() - 1).add(in);
        }
        return groups.stream().flatMap(g -> FeedFetcher.isUrl(g.get(0)) ? fetchFeed(g.get(0), options, fetcher)
                : ArticleSources.read(g, options));
    }

    private static Stream<ReadResult> fetchFeed(String url, ReadOptions options, FeedFetcher fetcher) {
        try {
            FeedFetcher.Fetched f = fetcher.fetch(url);
            String id = "url-" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(url.getBytes(StandardCharsets.UTF_8))).substring(0, 12);
            return FeedArticles.parse(url, id, f.text(), options).stream();
        } catch (FeedFetcher.RefusedException e) {
            return Stream.of(new ReadResult.Failed(url, e.getMessage()));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
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
}
