package org.khaldun.app;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.khaldun.article.Article;
import org.khaldun.pipeline.Pipelines;
import org.khaldun.serve.Access;
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
            description = "Address to listen on. Default: ${DEFAULT-VALUE} (this machine only).")
    String host;

    @Option(names = "--max-body", paramLabel = "BYTES", defaultValue = "" + Workbench.DEFAULT_MAX_BODY,
            description = "Largest request body accepted (POST /api/articles). Default: ${DEFAULT-VALUE}.")
    long maxBody;

    @Option(names = "--token-file", paramLabel = "FILE",
            description = "File holding the API token (one line, at least 16 characters) that writes (POST"
                    + " /api/articles) and closed reads need, sent as 'Authorization: Bearer TOKEN'. Else the"
                    + " KHALDUN_TOKEN environment variable; with neither, the server is read-only.")
    Path tokenFile;

    @Option(names = "--reads", paramLabel = "open|token", defaultValue = "open",
            description = "Whether reading the API needs the token too. Default: ${DEFAULT-VALUE}.")
    String reads;

    @Option(names = "--workers", paramLabel = "N", description = "Requests worked on at once; further ones wait in a"
            + " first-come-first-served queue (e.g. the cores + 2); default 0: Jetty's pool of up to 250 threads.")
    Integer workers;

    @Option(names = "--no-warm", negatable = false,
            description = "Do not load the language models at start (they load on the first article view or POST).")
    boolean noWarm;

    /** Requests the server works on at once (--workers). */
    static final java.util.concurrent.atomic.AtomicInteger WORKERS = new java.util.concurrent.atomic.AtomicInteger(
            Workbench.DEFAULT_WORKERS);

    /** Opened by the shutdown hook (Ctrl-C): the server stops and the store is closed. */
    static final CountDownLatch STOP = new CountDownLatch(1);

    @Override
    public Integer call() throws InterruptedException {
        if (port < 0 || port > 65535) {
            System.err.println("khaldun: --port must be 0..65535");
            return Main.EXIT_USAGE;
        }
        Access access;
        try {
            access = access(tokenFile, System.getenv(TOKEN_ENV), reads);
        } catch (IllegalArgumentException e) {
            System.err.println("khaldun: " + e.getMessage());
            return Main.EXIT_USAGE;
        }
        if (!access.writesEnabled()) {
            System.err.println("khaldun: no API token configured (--token-file or " + TOKEN_ENV + "): the server is"
                    + " read-only, POST /api/articles answers 403");
        }
        if (workers != null && workers < 0) {
            System.err.println("khaldun: --workers must be >= 0");
            return Main.EXIT_USAGE;
        }
        if (workers != null) {
            WORKERS.set(workers);
        }
        return serveAndClose(EventStore.open(db), host, port, maxBody, !noWarm, access);
    }

    static final String TOKEN_ENV = "KHALDUN_TOKEN";

    /** The access rules from the options: the token file wins over the environment; none means read-only. */
    static Access access(Path tokenFile, String tokenEnv, String reads) {
        boolean closed = switch (reads == null ? "open" : reads) {
            case "open" -> false;
            case "token" -> true;
            default -> throw new IllegalArgumentException("--reads must be open or token, not " + reads);
        };
        String token = null;
        if (tokenFile != null) {
            try {
                token = java.nio.file.Files.readString(tokenFile).strip();
            } catch (java.io.IOException e) {
                throw new IllegalArgumentException("cannot read --token-file " + tokenFile + ": " + e.getMessage());
            }
        } else if (tokenEnv != null && !tokenEnv.isBlank()) {
            token = tokenEnv.strip();
        }
        return token == null ? new Access(java.util.Optional.empty(), closed) : Access.withToken(token, closed);
    }

    /**
     * Serves {@code store} until Ctrl-C (or {@link #STOP}), then stops the server and closes the store before the
     * JVM exits: the shutdown hook waits for that, since the JVM halts as soon as its hooks return.
     */
    static int serveAndClose(EventStore store, String host, int port, long maxBody, boolean warm, Access access)
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
            return serve(store, host, port, maxBody, warm, access, STOP, null);
        } finally {
            store.close();
            closed.countDown();
        }
    }

    /**
     * Serves {@code store} until {@code stop} opens, printing the URL on stdout. {@code started}, when given,
     * receives the running server (for callers that stop it themselves).
     */
    static int serve(EventStore store, String host, int port, long maxBody, boolean warm, Access access,
                     CountDownLatch stop, java.util.function.Consumer<Workbench> started) throws InterruptedException {
        try (Workbench wb = new Workbench(store, Pipelines::defaultPipeline, maxBody, access)
                .withWorkers(WORKERS.get()).start(host, port)) {
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
