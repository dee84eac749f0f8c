package org.khaldun.app;

import java.io.PrintStream;

/**
 * Progress on stderr: a bar redrawn in place when stderr is a terminal, nothing while running otherwise (logs stay
 * clean), and one summary line at the end either way.
 */
final class Progress {

    private final PrintStream err;
    private final boolean interactive;
    private final long startNanos = System.nanoTime();
    private long lastDraw;
    private int articles;
    private int failed;
    private int skipped;
    private long events;

    Progress(PrintStream err, boolean interactive) {
        this.err = err;
        this.interactive = interactive;
    }

    static Progress onStderr() {
        return new Progress(System.err, System.console() != null);
    }

    void article(int newEvents) {
        articles++;
        events += newEvents;
        draw();
    }

    void failure() {
        articles++;
        failed++;
        draw();
    }

    /** An article that was already stored (ingest): read, not coded again. */
    void skipped() {
        articles++;
        skipped++;
        draw();
    }

    int skippedCount() {
        return skipped;
    }

    int failed() {
        return failed;
    }

    int articles() {
        return articles;
    }

    long events() {
        return events;
    }

    private void draw() {
        if (!interactive) {
            return;
        }
        long now = System.nanoTime();
        if (now - lastDraw < 200_000_000L) {
            return;
        }
        lastDraw = now;
        double secs = (now - startNanos) / 1e9;
        int width = 30;
        int filled = (int) (articles / 10 % (width + 1));
        String bar = "=".repeat(filled) + " ".repeat(width - filled);
        err.printf("\r[%s] %d articles, %d events, %d failed%s, %.1f articles/s ", bar, articles, events, failed,
                skipped > 0 ? ", " + skipped + " already stored" : "", articles / Math.max(secs, 1e-9));
        err.flush();
    }

    void finish() {
        double secs = (System.nanoTime() - startNanos) / 1e9;
        if (interactive) {
            err.print("\r" + " ".repeat(90) + "\r");
        }
        int coded = articles - failed - skipped;
        err.printf("khaldun: coded %d article%s (%d failed%s), %d event%s in %.1f s%n", coded,
                coded == 1 ? "" : "s", failed, skipped > 0 ? ", " + skipped + " already stored, skipped" : "", events,
                events == 1 ? "" : "s", secs);
    }
}
