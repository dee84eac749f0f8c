package org.khaldun.app;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.khaldun.article.Article;
import org.khaldun.pipeline.Pipelines;
import org.khaldun.serve.Workbench;
import org.khaldun.store.EventStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "serve", mixinStandardHelpOptions = true,
        description = {"Serve the analyst's workbench for an event store: the web UI (event table, article view,"
                + " dyad timeline, actor network, map) and its JSON API under /api/ (see docs/serve.md).",
                "Runs until interrupted (Ctrl-C). Exit 4 when the store cannot be opened or the port is taken."})
final class ServeCommand implements Callable<Integer> {

    @Option(names = "--db", paramLabel = "FILE", defaultValue = EventStore.DEFAULT_FILE,
            description = "The store (created if missing). Default: ${DEFAULT-VALUE}.")
    Path db;

    @Option(names = "--port", paramLabel = "N", defaultValue = "8080",
            description = "TCP port; 0 picks a free one. Default: ${DEFAULT-VALUE}.")
    int port;

    @Option(names = "--host", paramLabel = "ADDRESS", defaultValue = "127.0.0.1",
            description = "Address to listen on. Default: ${DEFAULT-VALUE} (this machine only; the API has no"
                    + " authentication).")
    String host;

    @Option(names = "--max-body", paramLabel = "BYTES", defaultValue = "" + Workbench.DEFAULT_MAX_BODY,
            description = "Largest request body accepted (POST /api/articles). Default: ${DEFAULT-VALUE}.")
    long maxBody;

    @Option(names = "--no-warm", negatable = false,
            description = "Do not load the language models at start (they load on the first article view or POST).")
    boolean noWarm;

    /** Opened by the shutdown hook (Ctrl-C): the server stops and the store is closed. */
    static final CountDownLatch STOP = new CountDownLatch(1);

    @Override
    public Integer call() throws InterruptedException {
        if (port < 0 || port > 65535) {
            System.err.println("khaldun: --port must be 0..65535");
            return Main.EXIT_USAGE;
        }
        return serveAndClose(EventStore.open(db), host, port, maxBody, !noWarm);
    }

    /**
     * Serves {@code store} until Ctrl-C (or {@link #STOP}), then stops the server and closes the store before the
     * JVM exits: the shutdown hook waits for that, since the JVM halts as soon as its hooks return.
     */
    static int serveAndClose(EventStore store, String host, int port, long maxBody, boolean warm)
            throws InterruptedException {
        CountDownLatch closed = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            STOP.countDown();
            try {
                closed.await(30, java.util.concurrent.TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "khaldun-serve-stop");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            return serve(store, host, port, maxBody, warm, STOP, null);
        } finally {
            store.close();
            closed.countDown();
        }
    }

    /**
     * Serves {@code store} until {@code stop} opens, printing the URL on stdout. {@code started}, when given,
     * receives the running server (for callers that stop it themselves).
     */
    static int serve(EventStore store, String host, int port, long maxBody, boolean warm, CountDownLatch stop,
                     java.util.function.Consumer<Workbench> started) throws InterruptedException {
        try (Workbench wb = new Workbench(store, Pipelines::defaultPipeline, maxBody).start(host, port)) {
            String shown = host.equals("0.0.0.0") || host.equals("::") ? "localhost" : host;
            System.out.printf("Khaldun workbench: http://%s:%d/  (API: http://%s:%d/api/openapi.json; Ctrl-C stops)%n",
                    shown.contains(":") ? "[" + shown + "]" : shown, wb.port(), shown.contains(":") ? "[" + shown + "]"
                            : shown, wb.port());
            System.out.flush();
            if (warm) {
                Thread t = new Thread(() -> Pipelines.defaultPipeline().code(Article.of("warm-up", "", "",
                        "The minister met his counterpart in Paris on Monday.", null, "")), "khaldun-warm-models");
                t.setDaemon(true);
                t.start();
            }
            if (started != null) {
                started.accept(wb);
            }
            stop.await();
        } catch (RuntimeException e) {
            if (e.getCause() instanceof java.net.BindException || e instanceof IllegalStateException) {
                System.err.println("khaldun: cannot listen on " + host + ":" + port + ": " + e.getMessage());
                return Main.EXIT_FAILURE;
            }
            throw e;
        }
        return Main.EXIT_OK;
    }
}
