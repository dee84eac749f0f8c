package org.khaldun.app.eval;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.khaldun.article.Article;
import org.khaldun.event.Event;

/**
 * Runs a coder over many articles on all cores (the pipeline is thread-safe) and keeps the results in input order.
 * The coder is a plain function so that scoring can be tested with hand-made events and no NLP.
 */
final class CodingRun {

    private CodingRun() {
    }

    /** Events of each article, in the order of {@code articles}. */
    static List<List<Event>> code(List<Article> articles, Function<Article, List<Event>> coder, PrintStream progress) {
        int threads = Math.max(1, Math.min(articles.size(), Runtime.getRuntime().availableProcessors()));
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        AtomicInteger done = new AtomicInteger();
        long t0 = System.nanoTime();
        int step = Math.max(1, articles.size() / 20);
        try {
            List<Future<List<Event>>> futures = new ArrayList<>();
            for (Article a : articles) {
                futures.add(pool.submit(() -> {
                    List<Event> events = coder.apply(a);
                    int n = done.incrementAndGet();
                    if (n % step == 0 || n == articles.size()) {
                        double s = (System.nanoTime() - t0) / 1e9;
                        progress.printf("coded %d/%d articles (%.1f/s)%n", n, articles.size(), n / s);
                    }
                    return events;
                }));
            }
            List<List<Event>> out = new ArrayList<>(articles.size());
            for (Future<List<Event>> f : futures) {
                out.add(f.get());
            }
            return out;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("coding failed: " + e.getCause(), e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    /** Events in text order (by trigger), facts only when {@code factsOnly}. */
    static List<Event> inTextOrder(List<Event> events, boolean factsOnly) {
        return events.stream().filter(e -> !factsOnly || e.modality().isFact())
                .sorted(Comparator.comparingInt((Event e) -> e.textInfo().triggerStart())
                        .thenComparingInt(e -> e.textInfo().sentenceIndex()))
                .toList();
    }
}
