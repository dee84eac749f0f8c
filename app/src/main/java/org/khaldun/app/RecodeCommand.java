package org.khaldun.app;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.Callable;
import org.khaldun.article.ReadResult;
import org.khaldun.codebook.TableCodebook;
import org.khaldun.pipeline.PipelineOptions;
import org.khaldun.pipeline.Pipelines;
import org.khaldun.store.EventStore;
import org.khaldun.store.IngestItem;
import org.khaldun.store.IngestOutcome;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "recode", mixinStandardHelpOptions = true,
        description = {"Code the stored articles again with this version of Khaldun's dictionaries and codebook,"
                + " replacing their events and updating the clusters they belong to.",
                "By default only articles coded with another codebook version are recoded; --all recodes every one."
                        + " Each event keeps the codebook version it was coded with."})
final class RecodeCommand implements Callable<Integer> {

    @Option(names = "--db", paramLabel = "FILE", defaultValue = EventStore.DEFAULT_FILE,
            description = "The store. Default: ${DEFAULT-VALUE}.")
    Path db;

    @Option(names = "--all", description = "Recode every article, not only those of other codebook versions.")
    boolean all;

    @Option(names = "--threads", paramLabel = "N", description = "Coding threads (default: all cores).")
    Integer threads;

    @Option(names = "--batch", paramLabel = "N", defaultValue = "64", description = "Articles per transaction.")
    int batch;

    @Option(names = "--actors", paramLabel = "FILE", description = "Extra actor dictionary in Khaldun's format (repeatable).")
    List<Path> actorFiles = new ArrayList<>();

    @Override
    public Integer call() {
        if (!Files.exists(db)) {
            System.err.println("khaldun: no store at " + db);
            return Main.EXIT_USAGE;
        }
        PrintStream err = System.err;
        String version = TableCodebook.builtin().version();
        var pipeline = Pipelines.create(new PipelineOptions(actorFiles));
        int n = threads != null ? threads : Runtime.getRuntime().availableProcessors();
        Progress progress = Progress.onStderr();
        try (EventStore store = EventStore.open(db)) {
            List<Long> seqs = store.articlesToRecode(version, all);
            if (seqs.isEmpty()) {
                err.println("khaldun: every stored article is coded with " + version + "; nothing to recode"
                        + " (--all recodes anyway)");
                return Main.EXIT_OK;
            }
            Iterator<Long> it = seqs.iterator();
            Iterator<ReadResult> articles = new Iterator<>() {
                @Override
                public boolean hasNext() {
                    return it.hasNext();
                }

                @Override
                public ReadResult next() {
                    if (!it.hasNext()) {
                        throw new NoSuchElementException();
                    }
                    long seq = it.next();
                    String record = EventStore.recodeRecord(seq);
                    return store.articleForCoding(seq).<ReadResult>map(a -> new ReadResult.Ok(record, a))
                            .orElseGet(() -> new ReadResult.Failed(record, "article vanished from the store"));
                }
            };
            List<IngestItem> pending = new ArrayList<>();
            Runnable flush = () -> {
                for (IngestOutcome o : store.recode(pending)) {
                    if (o instanceof IngestOutcome.Stored s) {
                        progress.article(s.events());
                    } else if (o instanceof IngestOutcome.Failed f) {
                        progress.failure();
                        err.println("khaldun: " + f.record() + ": " + f.reason());
                    }
                }
                pending.clear();
            };
            new ParallelCoder(pipeline, n).run(articles, outcome -> {
                if (outcome instanceof ParallelCoder.Failed f) {
                    progress.failure();
                    err.println("khaldun: " + f.record() + ": " + f.reason());
                    return;
                }
                ParallelCoder.Coded c = (ParallelCoder.Coded) outcome;
                pending.add(new IngestItem(c.record(), c.article()));
                if (pending.size() >= batch) {
                    flush.run();
                }
            });
            if (!pending.isEmpty()) {
                flush.run();
            }
        }
        progress.finish();
        return progress.failed() > 0 ? Main.EXIT_SOME_RECORDS_FAILED : Main.EXIT_OK;
    }
}
