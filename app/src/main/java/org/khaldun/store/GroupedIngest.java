package org.khaldun.store;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.function.Function;

/**
 * Ingest for many concurrent writers (the workbench's posting threads): whoever gets to write takes every
 * submission waiting by then and stores them in one transaction, so N articles posted together cost one commit, one
 * publication of the indexes and one new store generation (which empties the read cache) instead of N in a row.
 * While one batch is written the next gathers; with a single writer it is {@link EventStore#ingest} as before.
 *
 * <p>Each submission gets exactly the outcomes {@link EventStore#ingest} would have given it on its own, in its order:
 * two waiting submissions holding the same article (same URL, or same text without URL) never go into one batch,
 * so the later one is told "duplicate of stored article N" as it would be after the first, never "duplicate of
 * another request's record". A batch that fails is retried article by article by the store, so a bad article fails
 * alone, whoever submitted it. Thread-safe.
 */
public final class GroupedIngest {

    private record Submission(List<IngestItem> items, Set<String> keys,
                              CompletableFuture<List<IngestOutcome>> outcomes) {
    }

    private final Function<List<IngestItem>, List<IngestOutcome>> store;
    private final ArrayDeque<Submission> waiting = new ArrayDeque<>();
    private final Object writing = new Object();

    /** Over {@code store}'s {@link EventStore#ingest}. */
    public GroupedIngest(EventStore store) {
        this(store::ingest);
    }

    /** Over any ingest with {@link EventStore#ingest}'s contract (outcomes one per item, in order). */
    GroupedIngest(Function<List<IngestItem>, List<IngestOutcome>> store) {
        this.store = Objects.requireNonNull(store);
    }

    /** Stores {@code items}, alone or with other submissions waiting at the time; their outcomes, in order. */
    public List<IngestOutcome> ingest(List<IngestItem> items) {
        Set<String> keys = new HashSet<>();
        for (IngestItem item : items) {
            keys.add(EventStore.dedupKey(item.coded().article()));
        }
        Submission mine = new Submission(List.copyOf(items), keys, new CompletableFuture<>());
        synchronized (waiting) {
            waiting.add(mine);
        }
        while (!mine.outcomes().isDone()) {
            synchronized (writing) {
                if (!mine.outcomes().isDone()) {
                    writeBatch();
                }
            }
        }
        try {
            return mine.outcomes().get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the store", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    /** Submissions waiting to be written (tests). */
    int waiting() {
        synchronized (waiting) {
            return waiting.size();
        }
    }

    /** One transaction for the waiting submissions that share no article, in the order they came. */
    private void writeBatch() {
        List<Submission> batch = new ArrayList<>();
        synchronized (waiting) {
            Set<String> taken = new HashSet<>();
            for (Iterator<Submission> it = waiting.iterator(); it.hasNext(); ) {
                Submission s = it.next();
                if (s.keys().stream().noneMatch(taken::contains)) {
                    taken.addAll(s.keys());
                    batch.add(s);
                    it.remove();
                }
            }
        }
        if (batch.isEmpty()) {
            return;
        }
        List<IngestItem> all = new ArrayList<>();
        for (Submission s : batch) {
            all.addAll(s.items());
        }
        List<IngestOutcome> outcomes;
        try {
            outcomes = store.apply(all);
            if (outcomes.size() != all.size()) {
                throw new IllegalStateException(outcomes.size() + " outcomes for " + all.size() + " articles");
            }
        } catch (RuntimeException | Error e) {
            batch.forEach(s -> s.outcomes().completeExceptionally(e));
            return;
        }
        int at = 0;
        for (Submission s : batch) {
            s.outcomes().complete(List.copyOf(outcomes.subList(at, at + s.items().size())));
            at += s.items().size();
        }
    }
}
