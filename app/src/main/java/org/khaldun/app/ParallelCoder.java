package org.khaldun.app;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import org.khaldun.article.ReadResult;
import org.khaldun.pipeline.ArticleLimitException;
import org.khaldun.pipeline.CodedArticle;
import org.khaldun.pipeline.CodingLimits;
import org.khaldun.pipeline.Pipeline;

/**
 * Codes articles on several threads and hands results back in input order. At most {@code window} articles are
 * in flight, so memory stays bounded however long the input is (back-pressure: the reader waits for the coders).
 *
 * <p>Each article is coded within {@link CodingLimits}; an article over a limit, or one whose coding fails in any
 * other way (including running out of heap on its own), becomes a {@link Failed} outcome naming the record, and
 * the other articles are still coded.
 */
final class ParallelCoder {

    /** What came of one input record, in input order. */
    sealed interface Outcome permits Coded, Failed {
    }

    record Coded(String record, CodedArticle article) implements Outcome {
    }

    record Failed(String record, String reason) implements Outcome {
    }

    private final Pipeline pipeline;
    private final int threads;
    private final int window;
    private final CodingLimits limits;

    ParallelCoder(Pipeline pipeline, int threads) {
        this(pipeline, threads, CodingLimits.DEFAULTS);
    }

    ParallelCoder(Pipeline pipeline, int threads, CodingLimits limits) {
        this.pipeline = Objects.requireNonNull(pipeline);
        this.threads = Math.max(1, threads);
        this.window = this.threads * 4;
        this.limits = Objects.requireNonNull(limits);
    }

    void run(Iterator<ReadResult> input, Consumer<Outcome> out) {
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "khaldun-coder");
            t.setDaemon(true);
            return t;
        });
        Deque<Future<Outcome>> inFlight = new ArrayDeque<>();
        try {
            while (input.hasNext()) {
                ReadResult r = input.next();
                inFlight.add(pool.submit(() -> code(r)));
                if (inFlight.size() >= window) {
                    out.accept(await(inFlight.poll()));
                }
            }
            while (!inFlight.isEmpty()) {
                out.accept(await(inFlight.poll()));
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private Outcome code(ReadResult r) {
        if (r instanceof ReadResult.Failed f) {
            return new Failed(f.record(), f.reason());
        }
        ReadResult.Ok ok = (ReadResult.Ok) r;
        try {
            return new Coded(ok.record(), pipeline.code(ok.article(), limits));
        } catch (ArticleLimitException e) {
            return new Failed(ok.record(), e.reason());
        } catch (OutOfMemoryError e) {
            // The article's own allocations are garbage once this frame unwinds, so the run can go on; a heap
            // too small for ordinary articles will show as one such failure after another.
            return new Failed(ok.record(), "coding failed: out of memory (the article is too large for the heap:"
                    + " lower --max-article-chars or raise -Xmx)");
        } catch (RuntimeException | StackOverflowError e) {
            return new Failed(ok.record(), "coding failed: " + e);
        }
    }

    private static Outcome await(Future<Outcome> f) {
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
    }
}
