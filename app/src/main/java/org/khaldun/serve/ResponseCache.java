package org.khaldun.serve;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;

/**
 * Answers of read requests, kept for the store generation they were computed in ({@code EventStore.generation()}),
 * so that many analysts opening the same dashboard cost one query: identical requests arriving together wait for the
 * first one's answer instead of each running it, and later ones are served from memory until the store changes.
 *
 * <p>Bounded by the bytes it holds (least recently used answers go first). A write moves the store to a new
 * generation, and the first request that sees it empties the cache, so no answer older than the last write the
 * request could have seen is ever served. Thread-safe.
 */
final class ResponseCache {

    /** One answer: status, content type and body as sent. */
    record Answer(int status, String contentType, byte[] body) {
    }

    @FunctionalInterface
    interface Computation {
        Answer compute() throws Exception;
    }

    private final long maxBytes;
    private final LinkedHashMap<String, Answer> done = new LinkedHashMap<>(64, 0.75f, true);
    private final ConcurrentHashMap<String, CompletableFuture<Answer>> running = new ConcurrentHashMap<>();
    private long bytes;
    private long generation = Long.MIN_VALUE;
    private long hits;
    private long misses;

    ResponseCache(long maxBytes) {
        this.maxBytes = maxBytes;
    }

    /**
     * The answer to {@code key} in store generation {@code gen}: from the cache, from an identical request being
     * answered right now, or computed by {@code compute} (on the caller's thread). Only 200 answers are kept.
     */
    Answer get(long gen, String key, Computation compute) throws Exception {
        String k = gen + "\n" + key;
        synchronized (this) {
            if (gen > generation) {
                done.clear();
                bytes = 0;
                generation = gen;
            }
            Answer a = done.get(k);
            if (a != null) {
                hits++;
                return a;
            }
            misses++;
        }
        CompletableFuture<Answer> mine = new CompletableFuture<>();
        CompletableFuture<Answer> other = running.putIfAbsent(k, mine);
        if (other != null) {
            try {
                Answer a = other.get();
                synchronized (this) {
                    misses--;
                    hits++;
                }
                return a;
            } catch (ExecutionException e) {
                return compute.compute(); // the first request failed: this one answers (and fails) on its own
            }
        }
        try {
            Answer a = compute.compute();
            if (a.status() == 200) {
                put(gen, k, a);
            }
            mine.complete(a);
            return a;
        } catch (Exception | Error e) {
            mine.completeExceptionally(e);
            throw e;
        } finally {
            running.remove(k, mine);
        }
    }

    private synchronized void put(long gen, String k, Answer a) {
        long size = a.body().length + k.length() + 64L;
        if (gen != generation || size > maxBytes / 4) {
            return; // computed before a write another request has seen, or too large to be worth keeping
        }
        Answer old = done.put(k, a);
        if (old != null) {
            bytes -= old.body().length + k.length() + 64L;
        }
        bytes += size;
        Iterator<Map.Entry<String, Answer>> it = done.entrySet().iterator();
        while (bytes > maxBytes && it.hasNext()) {
            Map.Entry<String, Answer> e = it.next();
            bytes -= e.getValue().body().length + e.getKey().length() + 64L;
            it.remove();
        }
    }

    synchronized long hits() {
        return hits;
    }

    synchronized long misses() {
        return misses;
    }
}
