package org.khaldun.serve;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.http.HandlerType;
import io.javalin.http.HttpResponseException;
import io.javalin.http.staticfiles.Location;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.ServerConnector;
import org.khaldun.article.Article;
import org.khaldun.article.BadInputException;
import org.khaldun.article.DebrisMarker;
import org.khaldun.article.JsonlArticles;
import org.khaldun.article.ReadOptions;
import org.khaldun.json.Json;
import org.khaldun.json.JsonException;
import org.khaldun.pipeline.CodedArticle;
import org.khaldun.pipeline.Pipeline;
import org.khaldun.store.AggregateRequest;
import org.khaldun.store.AggregateRow;
import org.khaldun.store.ArticleWithEvents;
import org.khaldun.store.EventCluster;
import org.khaldun.store.EventStore;
import org.khaldun.store.Granularity;
import org.khaldun.store.GroupedIngest;
import org.khaldun.store.IngestItem;
import org.khaldun.store.IngestOutcome;
import org.khaldun.store.NetworkEdge;
import org.khaldun.store.Page;
import org.khaldun.store.PageRequest;
import org.khaldun.store.StoreStats;
import org.khaldun.store.StoredArticle;
import org.khaldun.store.StoredEvent;
import org.khaldun.store.StoredSentence;

/**
 * The analyst's workbench: a JSON API over an {@link EventStore} under {@code /api/} and the web UI that uses it,
 * served by one Javalin server. Everything the server does is in this class: the route table
 * ({@link #routes()}), the handlers below it, and the mapping of every failure to {@code {"error": {"code",
 * "message"}}} with its HTTP status. The API is documented in docs/serve.md and {@code /api/openapi.json}.
 */
public final class Workbench implements AutoCloseable {

    /** Largest request body accepted (POST /api/articles), in bytes. */
    public static final long DEFAULT_MAX_BODY = 4L * 1024 * 1024;
    /** Articles one POST may carry. */
    public static final int MAX_POST_ARTICLES = 100;
    /** How long a posted article waits for a free core before the server answers 503 {@code busy}. */
    public static final java.time.Duration DEFAULT_CODING_WAIT = java.time.Duration.ofSeconds(30);
    /** Rows a page may hold. */
    public static final int MAX_LIMIT = 500;
    /** Features one GeoJSON answer may hold. */
    public static final int MAX_GEO = 5000;
    /** Store rows one request may examine for the row-by-row filters before it returns what it has. */
    static final int MAX_SCAN = 20_000;

    /** One route: method, path (Javalin/OpenAPI {@code {param}} syntax) and handler. */
    public record Route(String method, String path, Handler handler) {
    }

    private static final String WEB = "/org/khaldun/serve/web";
    private static final String JSON = "application/json; charset=utf-8";
    /** The UI loads scripts, styles and data from this server only, and nothing inline runs. */
    static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:;"
            + " connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    private final EventStore store;
    /** Posts coded at the same time are stored together: one commit and one new generation for the lot. */
    private final GroupedIngest grouped;
    private final Supplier<Pipeline> pipeline;
    private final ArticleAnnotations annotations;
    private final long maxBody;
    private final Access access;
    /** Coding is CPU-bound: POSTs beyond the cores wait their turn instead of all slowing down together. */
    private final Semaphore coding = new Semaphore(Math.max(1, Runtime.getRuntime().availableProcessors()));
    /** Posts waiting for a posting thread beyond which a post is answered 503 at once. */
    static final int MAX_QUEUED_POSTS = 1000;
    /**
     * The threads that code and store posted articles (they wait for {@link #coding} first), apart from the HTTP
     * workers; daemons, so a server that is never closed does not keep the JVM alive.
     */
    private final ExecutorService posting = postingThreads();
    private final List<Route> routes;
    /** How long a POST waits for a coding slot before it is answered 503 (clients retry after Retry-After). */
    private volatile java.time.Duration codingWait = DEFAULT_CODING_WAIT;
    private Javalin app;
    /** Read answers by store generation: identical concurrent reads (the dashboard's defaults) cost one query. */
    private volatile ResponseCache cache = new ResponseCache(DEFAULT_CACHE_BYTES);
    /** Memory the read cache may hold. */
    public static final long DEFAULT_CACHE_BYTES = 64L * 1024 * 1024;
    /**
     * Requests worked on at once by default: 0, Jetty's pool of up to 250 threads. A bounded pool ({@code --workers
     * N}, e.g. the cores + 2) queues requests first come first served instead of time-sharing the cores; measured on
     * two cores it gave the same latencies (BENCHMARKS.md), so the default stays Jetty's. Posted articles are coded
     * on threads of their own either way.
     */
    public static final int DEFAULT_WORKERS = 0;
    /** Connections the kernel keeps waiting to be accepted (Linux caps it at net.core.somaxconn). */
    static final int ACCEPT_QUEUE = 1024;
    /** Threads of the HTTP pool beyond the workers: Jetty's acceptor and selector. */
    private static final int JETTY_OWN_THREADS = 2;
    private int workers = DEFAULT_WORKERS;
    private RequestTimings timings;

    /**
     * @param store    the event store (the caller keeps ownership and closes it)
     * @param pipeline the pipeline that codes posted articles and recomputes annotations; asked for on first use,
     *                 so a server that only reads never loads the language models
     */
    public Workbench(EventStore store, Supplier<Pipeline> pipeline, long maxBody) {
        this(store, pipeline, maxBody, Access.READ_ONLY);
    }

    /**
     * @param access who may write and read (see {@link Access}); {@link #Workbench(EventStore, Supplier, long)}
     *               serves reads to anyone and refuses every write
     */
    public Workbench(EventStore store, Supplier<Pipeline> pipeline, long maxBody, Access access) {
        this.access = java.util.Objects.requireNonNull(access);
        this.store = store;
        this.grouped = new GroupedIngest(store);
        this.pipeline = pipeline;
        this.annotations = new ArticleAnnotations(a -> pipeline.get().code(a));
        this.maxBody = maxBody;
        this.routes = routes();
    }

    /** The API, in the order the OpenAPI document lists it. */
    private List<Route> routes() {
        return List.of(
                new Route("GET", "/api/openapi.json", this::openApi),
                new Route("GET", "/api/stats", cached(this::stats)),
                new Route("GET", "/api/events", cached(this::events)),
                new Route("GET", "/api/events/{id}", cached(this::event)),
                new Route("GET", "/api/clusters", cached(this::clusters)),
                new Route("GET", "/api/clusters/{id}", cached(this::cluster)),
                new Route("GET", "/api/articles", cached(this::articles)),
                new Route("POST", "/api/articles", this::postArticles),
                new Route("GET", "/api/articles/{seq}", cached(this::article)),
                new Route("GET", "/api/articles/by-id/{id}", cached(this::articleById)),
                new Route("GET", "/api/series", cached(this::series)),
                new Route("GET", "/api/aggregate", cached(this::aggregate)),
                new Route("GET", "/api/network", cached(this::network)),
                new Route("GET", "/api/geo/events", cached(this::geoEvents)));
    }

    /**
     * Sets how many requests are worked on at once (default {@link #DEFAULT_WORKERS}); further requests queue, first
     * come first served. 0: Jetty's default pool of up to 250 threads. Before {@link #start}.
     */
    public Workbench withWorkers(int n) {
        if (n < 0) {
            throw new IllegalArgumentException("workers must be >= 0: " + n);
        }
        this.workers = n;
        return this;
    }

    /** Records where each request's time goes ({@link RequestTimings}); before {@link #start}. */
    public Workbench withTimings(RequestTimings t) {
        this.timings = t;
        return this;
    }

    /** Sets how long a POST waits for a coding slot (default {@link #DEFAULT_CODING_WAIT}). */
    public Workbench withCodingWait(java.time.Duration wait) {
        this.codingWait = wait;
        return this;
    }

    /**
     * The handler, answered from {@link #cache} when the same request (path and query parameters, in any order) was
     * answered since the store last changed, or is being answered right now. Authorisation has run before.
     */
    private Handler cached(Handler h) {
        Handler c = cachedOnly(h);
        return ctx -> {
            if (timings == null) {
                c.handle(ctx);
                return;
            }
            long a0 = RequestTimings.allocatedBytes();
            long t0 = System.nanoTime();
            try {
                c.handle(ctx);
            } finally {
                ctx.attribute(RequestTimings.HANDLER, System.nanoTime() - t0);
                ctx.attribute(RequestTimings.ALLOCATED, RequestTimings.allocatedBytes() - a0);
                ctx.attribute(RequestTimings.KIND, ctx.endpointHandlerPath());
            }
        };
    }

    private Handler cachedOnly(Handler h) {
        return ctx -> {
            ResponseCache cache = this.cache;
            if (cache == null) {
                h.handle(ctx);
                return;
            }
            ResponseCache.Answer a = cache.get(store.generation(), cacheKey(ctx), () -> {
                h.handle(ctx);
                InputStream in = ctx.resultInputStream();
                byte[] body = in == null ? new byte[0] : in.readAllBytes();
                ctx.result(body);
                return new ResponseCache.Answer(ctx.statusCode(), ctx.res().getContentType(), body);
            });
            ctx.status(a.status());
            if (a.contentType() != null) {
                ctx.contentType(a.contentType());
            }
            ctx.result(a.body());
        };
    }

    private static String cacheKey(Context ctx) {
        StringBuilder k = new StringBuilder(ctx.path());
        new java.util.TreeMap<>(ctx.queryParamMap()).forEach((name, values) -> {
            for (String v : values) {
                k.append('\n').append(name).append('=').append(v);
            }
        });
        return k.toString();
    }

    /** Sets the memory the read cache may hold; 0 turns it off (every request runs its query). */
    public Workbench withCacheBytes(long bytes) {
        this.cache = bytes > 0 ? new ResponseCache(bytes) : null;
        return this;
    }

    /** Reads answered from the cache (or from an identical request in flight), and reads that ran their query. */
    public long[] cacheHitsAndMisses() {
        ResponseCache c = cache;
        return c == null ? new long[2] : new long[] {c.hits(), c.misses()};
    }

    public List<Route> routeTable() {
        return routes;
    }

    /** Starts listening on {@code host:port} (port 0: any free port, see {@link #port()}). */
    public Workbench start(String host, int port) {
        app = Javalin.create(config -> {
            config.showJavalinBanner = false;
            config.http.maxRequestSize = maxBody;
            config.http.prefer405over404 = true;
            config.http.defaultContentType = JSON;
            if (workers > 0 || timings != null) {
                config.jetty.threadPool = RequestTimings.pool(workers > 0 ? workers + JETTY_OWN_THREADS : 250,
                        timings != null);
            }
            // Javalin's own connector listens with the JVM's default backlog of 50 connections waiting to be
            // accepted: when 200 clients connect at once the kernel drops the overflowing SYNs
            // (TcpExtListenOverflows) and each of those clients retries a second later, a 1 s answer from a server
            // that answers in milliseconds. Ours is the same connector with room for a crowd.
            config.jetty.addConnector((server, http) -> {
                ServerConnector c = new ServerConnector(server, new HttpConnectionFactory(http));
                c.setHost(host);
                c.setPort(port);
                c.setAcceptQueueSize(ACCEPT_QUEUE);
                return c;
            });
            config.staticFiles.add(sf -> {
                sf.hostedPath = "/";
                sf.directory = WEB;
                sf.location = Location.CLASSPATH;
                sf.headers = securityHeaders();
            });
            config.router.mount(router -> {
                router.before(ctx -> securityHeaders().forEach(ctx::header));
                router.before("/api/*", this::authorize);
                for (Route r : routes) {
                    router.addHttpHandler(HandlerType.valueOf(r.method()), r.path(), r.handler());
                }
                router.exception(ApiException.class, (e, ctx) -> error(ctx, e.status(), e.code(), e.getMessage()));
                router.exception(HttpResponseException.class, (e, ctx) -> error(ctx, e.getStatus(),
                        codeOf(e.getStatus()), e.getMessage()));
                router.exception(Exception.class, (e, ctx) -> error(ctx, 500, "internal",
                        "the server failed on this request: " + (e.getMessage() == null ? e.toString() : e.getMessage())));
                router.error(404, ctx -> {
                    if (ctx.path().startsWith("/api") && ctx.result() == null) {
                        error(ctx, 404, "not_found", "no such API route: " + ctx.method() + " " + ctx.path()
                                + " (see /api/openapi.json)");
                    }
                });
                router.error(405, ctx -> error(ctx, 405, "method_not_allowed",
                        ctx.method() + " is not allowed on " + ctx.path()));
            });
        });
        app.start(host, port);
        if (timings != null) {
            // connections opened from now on report their requests
            for (org.eclipse.jetty.server.Connector c : app.jettyServer().server().getConnectors()) {
                ((org.eclipse.jetty.server.AbstractConnector) c).addBean(timings);
            }
        }
        return this;
    }

    public int port() {
        return app.port();
    }

    @Override
    public void close() {
        if (app != null) {
            app.stop();
        }
        posting.shutdownNow();
    }

    private static ExecutorService postingThreads() {
        int threads = 4 * Math.max(1, Runtime.getRuntime().availableProcessors());
        AtomicInteger n = new AtomicInteger();
        return new ThreadPoolExecutor(threads, threads, 30, TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(MAX_QUEUED_POSTS), r -> {
                    Thread t = new Thread(r, "khaldun-post-" + n.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                });
    }

    private static Map<String, String> securityHeaders() {
        return Map.of("Content-Security-Policy", CSP, "X-Content-Type-Options", "nosniff",
                "Referrer-Policy", "no-referrer", "X-Frame-Options", "DENY");
    }

    private static String codeOf(int status) {
        return switch (status) {
            case 400 -> "bad_request";
            case 404 -> "not_found";
            case 405 -> "method_not_allowed";
            case 401 -> "unauthorized";
            case 403 -> "forbidden";
            case 413 -> "body_too_large";
            case 415 -> "unsupported_media_type";
            case 503 -> "unavailable";
            default -> status >= 500 ? "internal" : "http_" + status;
        };
    }

    private static void error(Context ctx, int status, String code, String message) {
        ctx.status(status);
        json(ctx, Map.of("error", Views.map("code", code, "message", message == null ? "" : message)));
    }

    private static void json(Context ctx, Object value) {
        ctx.contentType(JSON).result(Json.write(value));
    }

    /**
     * Refuses a request its caller may not make, before its handler runs (and before a body is read): a write
     * without a configured token is 403 {@code writes_disabled}; a write, or a read when reads are closed, without
     * the right {@code Authorization: Bearer} token is 401 {@code unauthorized}. The OpenAPI document stays open.
     */
    private void authorize(Context ctx) {
        String method = ctx.method().name();
        boolean read = method.equals("GET") || method.equals("HEAD") || method.equals("OPTIONS");
        if (read && (!access.readsNeedToken() || ctx.path().equals("/api/openapi.json"))) {
            return;
        }
        if (!read && routes.stream().noneMatch(r -> r.method().equals(method) && routePattern(r.path())
                .matcher(ctx.path()).matches())) {
            return; // no such write route: the router answers 404 or 405
        }
        if (!read) {
            // refused before its body is read: the connection is closed after the answer, so the unread body
            // cannot be taken for the client's next request on a kept-alive connection
            ctx.header("Connection", "close");
        }
        if (!read && !access.writesEnabled()) {
            throw new ApiException(403, "writes_disabled", "this server is read-only: it was started without an API"
                    + " token (serve --token-file FILE, or the KHALDUN_TOKEN environment variable), so nothing can"
                    + " change its store");
        }
        if (!access.authorizes(ctx.header("Authorization"))) {
            ctx.header("WWW-Authenticate", "Bearer realm=\"khaldun\"");
            throw new ApiException(401, "unauthorized", (read ? "reading" : "changing") + " this store needs the"
                    + " server's API token: send the header Authorization: Bearer TOKEN");
        }
    }

    private static java.util.regex.Pattern routePattern(String path) {
        return java.util.regex.Pattern.compile(path.replaceAll("\\{[^/}]+}", "[^/]+"));
    }

    /**
     * The request body, refused with 413 past {@code maxBody} bytes. Jetty's own limit checks only the declared
     * Content-Length; a chunked body declares none, so the bytes are counted as they arrive and reading stops at
     * the limit instead of buffering whatever the client sends.
     */
    private byte[] boundedBody(Context ctx) throws IOException {
        long declared = ctx.req().getContentLengthLong();
        ctx.header("Connection", "close"); // removed below once the whole body is read
        if (declared > maxBody) {
            throw tooLarge(declared);
        }
        try (InputStream in = ctx.req().getInputStream()) {
            byte[] body = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBody + 1));
            if (body.length > maxBody) {
                throw tooLarge(-1);
            }
            ctx.res().setHeader("Connection", null);
            return body;
        }
    }

    private ApiException tooLarge(long declared) {
        return new ApiException(413, "body_too_large", "the request body "
                + (declared >= 0 ? "has " + declared + " bytes" : "is larger than that") + "; at most " + maxBody
                + " bytes (serve --max-body) and " + MAX_POST_ARTICLES + " articles per request");
    }

    // ------------------------------------------------------------------------------------------------ handlers

    private void openApi(Context ctx) throws IOException {
        try (InputStream in = Workbench.class.getResourceAsStream("/org/khaldun/serve/openapi.json")) {
            if (in == null) {
                throw new IllegalStateException("openapi.json is missing from the build");
            }
            ctx.contentType(JSON).result(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    private void stats(Context ctx) {
        StoreStats s = store.stats();
        json(ctx, Views.map("articles", s.articles(), "sentences", s.sentences(), "events", s.events(),
                "clusters", s.clusters(), "first_date", s.firstDate().map(Object::toString).orElse(null),
                "last_date", s.lastDate().map(Object::toString).orElse(null),
                "events_by_codebook", new LinkedHashMap<String, Object>(s.eventsByCodebook())));
    }

    /** Raw events (mentions), one page. */
    private void events(Context ctx) {
        Map<String, List<String>> p = params(ctx);
        EventFilter f = EventFilter.parse(p);
        Paging paging = Paging.of(p, 50);
        Scan<StoredEvent> scan = scan((req) -> store.events(f.store(), req), f::accepts, f.hasResidual(), paging);
        Map<String, Object> out = page(scan, paging, e -> Views.event(e, false));
        if (EventFilter.bool(p, "count") && !f.hasResidual()) {
            out.put("total", store.countEvents(f.store()));
        }
        json(ctx, out);
    }

    private void event(Context ctx) {
        String id = ctx.pathParam("id");
        String[] parts = id.split("-", -1);
        if (parts.length != 2 || !parts[0].matches("\\d{1,18}") || !parts[1].matches("\\d{1,18}")) {
            throw ApiException.badRequest("an event id is ARTICLE_SEQ-EVENT_SEQ, as in the id field of events: " + id);
        }
        long articleSeq = Long.parseLong(parts[0]);
        long seq = Long.parseLong(parts[1]);
        StoredEvent e = store.event(articleSeq, seq).orElseThrow(() -> ApiException.notFound("no event " + id));
        Map<String, Object> out = Views.event(e, true);
        store.cluster(e.clusterId()).ifPresent(c -> out.put("cluster", Views.cluster(c)));
        json(ctx, out);
    }

    private void clusters(Context ctx) {
        Map<String, List<String>> p = params(ctx);
        EventFilter f = EventFilter.parse(p);
        Paging paging = Paging.of(p, 50);
        Scan<EventCluster> scan = scan(req -> store.clusters(f.store(), req), f::accepts, f.hasResidual(), paging);
        Map<String, Object> out = page(scan, paging, Views::cluster);
        if (EventFilter.bool(p, "count") && !f.hasResidual()) {
            out.put("total", store.countClusters(f.store()));
        }
        json(ctx, out);
    }

    private void cluster(Context ctx) {
        long id = longParam(ctx.pathParam("id"), "cluster id");
        EventCluster c = store.cluster(id).orElseThrow(() -> ApiException.notFound("no cluster " + id));
        Map<String, Object> out = Views.cluster(c);
        out.put("mentions", store.mentions(id).stream().map(e -> (Object) Views.event(e, false)).toList());
        json(ctx, out);
    }

    private void articles(Context ctx) {
        Map<String, List<String>> p = params(ctx);
        String q = one(p, "q");
        if (q.isEmpty()) {
            throw ApiException.badRequest("q is required: a full-text query on article titles and texts");
        }
        Paging paging = Paging.of(p, 20);
        Page<StoredArticle> page = store.searchArticles(q, new PageRequest(paging.limit, paging.offset, paging.order));
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("items", page.items().stream().map(a -> (Object) Views.articleSummary(a)).toList());
        out.put("limit", paging.limit);
        out.put("offset", paging.offset);
        out.put("next_cursor", page.hasMore() ? Paging.cursor(paging.offset + page.items().size()) : null);
        json(ctx, out);
    }

    private void article(Context ctx) {
        long seq = longParam(ctx.pathParam("seq"), "article seq");
        ArticleWithEvents a = store.article(seq).orElseThrow(() -> ApiException.notFound("no article " + seq));
        json(ctx, articleView(a, !"false".equals(ctx.queryParam("annotations"))));
    }

    private void articleById(Context ctx) {
        String id = ctx.pathParam("id");
        ArticleWithEvents a = store.articleById(id).orElseThrow(() -> ApiException.notFound("no article with id " + id));
        json(ctx, articleView(a, !"false".equals(ctx.queryParam("annotations"))));
    }

    private Map<String, Object> articleView(ArticleWithEvents a, boolean withAnnotations) {
        StoredArticle art = a.article();
        Map<String, Object> out = Views.articleSummary(art);
        out.put("text", art.text());
        List<Object> sentences = new ArrayList<>();
        for (StoredSentence s : a.sentences()) {
            sentences.add(Views.map("index", s.index(), "start", s.start(), "end", s.end()));
        }
        out.put("sentences", sentences);
        out.put("events", a.events().stream().map(e -> (Object) Views.event(e, true)).toList());
        if (withAnnotations) {
            Article forCoding = store.articleForCoding(art.seq()).orElseThrow(
                    () -> ApiException.notFound("no article " + art.seq()));
            out.put("annotations", annotations.of(forCoding, art.contentHash()));
        }
        return out;
    }

    /** Codes and stores posted articles: a JSON object, an array of them, or JSON lines (one object a line). */
    private void postArticles(Context ctx) throws InterruptedException, IOException {
        byte[] body = boundedBody(ctx);
        if (body.length == 0) {
            throw ApiException.badRequest("the body is empty: send an article as JSON ({\"text\": ..., \"title\": ...,"
                    + " \"published\": \"YYYY-MM-DD\", \"url\": ..., \"id\": ..., \"source\": ...})");
        }
        List<Posted> lines = articleLines(body, ctx.contentType());
        if (lines.size() > MAX_POST_ARTICLES) {
            throw new ApiException(413, "too_many_articles", lines.size() + " articles in one request; at most "
                    + MAX_POST_ARTICLES);
        }
        // Coding takes up to a second of CPU per article (or a wait for a free core): done on the posting threads, so
        // that the HTTP workers stay free for reads and a bounded worker pool cannot be filled by posts.
        CompletableFuture<Void> answered = new CompletableFuture<>();
        try {
            posting.execute(() -> {
                try {
                    codeAndStore(ctx, lines);
                    answered.complete(null);
                } catch (Throwable t) {
                    answered.completeExceptionally(t);
                }
            });
        } catch (RejectedExecutionException e) {
            ctx.header("Retry-After", "10");
            throw new ApiException(503, "busy", MAX_QUEUED_POSTS + " posts are already waiting to be coded; nothing of"
                    + " this request was stored, retry later (Retry-After)");
        }
        ctx.future(() -> answered);
    }

    private void codeAndStore(Context ctx, List<Posted> lines) throws InterruptedException {
        LocalDate today = LocalDate.now(java.time.ZoneOffset.UTC);
        ReadOptions options = ReadOptions.defaults();
        List<Map<String, Object>> results = new ArrayList<>();
        List<IngestItem> items = new ArrayList<>();
        List<Integer> itemIndex = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String record = "api#item" + (i + 1);
            try {
                String line = lines.get(i).json();
                if (line == null) {
                    throw new BadInputException(lines.get(i).unreadable());
                }
                Article a = DebrisMarker.standard().mark(JsonlArticles.parse(line,
                        "api-" + today + "-" + Integer.toHexString(line.hashCode()), options));
                results.add(null);
                // beyond the cores' capacity, posts would queue until clients time out while the server still
                // codes and stores them; saying 503 early lets a client back off and retry without guessing
                if (!coding.tryAcquire(codingWait.toMillis(), TimeUnit.MILLISECONDS)) {
                    ctx.header("Retry-After", "10");
                    throw new ApiException(503, "busy", "every core is coding other posted articles; nothing of"
                            + " this request was stored, retry later (Retry-After)");
                }
                CodedArticle coded;
                try {
                    coded = pipeline.get().code(a);
                } finally {
                    coding.release();
                }
                items.add(new IngestItem(record, coded));
                itemIndex.add(i);
            } catch (BadInputException e) {
                results.add(Views.map("record", record, "status", "failed", "reason", e.getMessage()));
            }
        }
        if (items.isEmpty()) {
            throw ApiException.badRequest(lines.size() == 1 ? String.valueOf(results.get(0).get("reason"))
                    : "no article could be read: " + results.stream().map(r -> r.get("record") + ": " + r.get("reason"))
                    .toList());
        }
        List<IngestOutcome> outcomes = grouped.ingest(items);
        boolean stored = false;
        for (int k = 0; k < outcomes.size(); k++) {
            IngestOutcome o = outcomes.get(k);
            Map<String, Object> r;
            if (o instanceof IngestOutcome.Stored s) {
                r = Views.map("record", s.record(), "status", "stored", "article_seq", s.seq(), "events", s.events(),
                        "url", "/api/articles/" + s.seq());
            } else if (o instanceof IngestOutcome.Duplicate d) {
                r = Views.map("record", d.record(), "status", "duplicate", "article_seq", d.existingSeq(),
                        "reason", d.why(), "url", "/api/articles/" + d.existingSeq());
            } else {
                IngestOutcome.Failed f = (IngestOutcome.Failed) o;
                r = Views.map("record", f.record(), "status", "failed", "reason", f.reason());
            }
            stored |= o instanceof IngestOutcome.Stored;
            results.set(itemIndex.get(k), r);
        }
        ctx.status(stored ? 201 : 200);
        json(ctx, Views.map("results", results));
    }

    /** One article's JSON text, or why its bytes are not text (then {@code json} is null). */
    private record Posted(String json, String unreadable) {
    }

    /**
     * The body as one JSON text per article. Bytes that are not UTF-8 are named by offset rather than stored as
     * U+FFFD: in JSON lines they fail their own line only; in one JSON text they fail the request.
     */
    private static List<Posted> articleLines(byte[] body, String contentType) {
        String ct = contentType == null ? "" : contentType.toLowerCase(Locale.ROOT);
        if (ct.contains("ndjson") || ct.contains("jsonl") || ct.contains("json-seq")) {
            List<Posted> out = new ArrayList<>();
            for (int from = 0; from < body.length; ) {
                int to = from;
                while (to < body.length && body[to] != '\n') {
                    to++; // a newline byte never occurs inside a multi-byte UTF-8 sequence
                }
                try {
                    JsonlArticles.decodeUtf8(body, from, to - from, from).lines().map(String::strip)
                            .filter(l -> !l.isEmpty()).forEach(l -> out.add(new Posted(l, null)));
                } catch (BadInputException e) {
                    out.add(new Posted(null, e.getMessage()));
                }
                from = to + 1;
            }
            return out;
        }
        if (!ct.isEmpty() && !ct.contains("json")) {
            throw new ApiException(415, "unsupported_media_type", "send application/json (an article or an array of"
                    + " articles) or application/x-ndjson (one article a line), not " + contentType);
        }
        String trimmed;
        try {
            trimmed = JsonlArticles.decodeUtf8(body, 0, body.length, 0).strip();
        } catch (BadInputException e) {
            throw ApiException.badRequest(e.getMessage() + ": the body must be UTF-8");
        }
        if (trimmed.startsWith("[")) {
            Object parsed;
            try {
                parsed = Json.parse(trimmed);
            } catch (JsonException e) {
                throw ApiException.badRequest("broken JSON at line " + e.line() + ", column " + e.column() + ": "
                        + e.detail());
            }
            List<Posted> out = new ArrayList<>();
            for (Object o : (List<?>) parsed) {
                out.add(new Posted(Json.write(o), null));
            }
            return out;
        }
        return List.of(new Posted(trimmed.replace('\n', ' ').replace('\r', ' '), null));
    }

    private void series(Context ctx) {
        Map<String, List<String>> p = params(ctx);
        EventFilter f = noResidual(EventFilter.parse(p), "series");
        Granularity g = granularity(p);
        List<Object> points = store.dyadSeries(f.store().actor(), f.store().recipient(), g, f.store()).stream()
                .map(x -> (Object) Views.series(x)).toList();
        json(ctx, Views.map("actor", f.store().actor(), "recipient", f.store().recipient(),
                "granularity", g.name().toLowerCase(Locale.ROOT), "points", points));
    }

    private void aggregate(Context ctx) {
        Map<String, List<String>> p = params(ctx);
        EventFilter f = noResidual(EventFilter.parse(p), "aggregates");
        AggregateRequest.GroupBy groupBy = enumParam(p, "group_by", AggregateRequest.GroupBy.class,
                AggregateRequest.GroupBy.QUAD_CLASS);
        AggregateRequest.Dyad dyad = enumParam(p, "dyad", AggregateRequest.Dyad.class, AggregateRequest.Dyad.COUNTRY);
        int limit = Paging.intParam(p, "limit", 10_000, 1, 100_000);
        List<AggregateRow> rows = store.aggregate(new AggregateRequest(f.store(), granularity(p), groupBy, dyad,
                EventFilter.bool(p, "clustered")));
        ctx.contentType(JSON).result(Views.aggregateJson(rows, limit));
    }

    private void network(Context ctx) {
        Map<String, List<String>> p = params(ctx);
        EventFilter f = noResidual(EventFilter.parse(p), "the network");
        int limit = Paging.intParam(p, "limit", 200, 1, 5000);
        List<NetworkEdge> edges = new ArrayList<>(store.actorNetwork(f.store(), EventFilter.bool(p, "clustered"),
                !"false".equals(one(p, "by_country"))));
        // the heaviest edges; ties broken by the pair so the answer is stable
        edges.sort(Comparator.comparingLong(NetworkEdge::count).reversed().thenComparing(NetworkEdge::actor)
                .thenComparing(NetworkEdge::recipient));
        boolean truncated = edges.size() > limit;
        List<NetworkEdge> top = edges.subList(0, Math.min(limit, edges.size()));
        Map<String, long[]> nodes = new TreeMap<>();
        for (NetworkEdge e : top) {
            nodes.computeIfAbsent(e.actor(), k -> new long[2])[0] += e.count();
            nodes.computeIfAbsent(e.recipient(), k -> new long[2])[1] += e.count();
        }
        List<Object> nodeList = new ArrayList<>();
        nodes.forEach((k, v) -> nodeList.add(Views.map("id", k, "out", v[0], "in", v[1])));
        json(ctx, Views.map("nodes", nodeList, "edges", top.stream().map(e -> (Object) Views.edge(e)).toList(),
                "truncated", truncated));
    }

    /** Events with coordinates as a GeoJSON FeatureCollection (newest first). */
    private void geoEvents(Context ctx) {
        Map<String, List<String>> p = params(ctx);
        EventFilter f = EventFilter.parse(p);
        int limit = Paging.intParam(p, "limit", 1000, 1, MAX_GEO);
        Paging paging = new Paging(limit, 0, PageRequest.Order.DATE_DESC);
        Predicate<StoredEvent> located = e -> e.location().isPresent() && !Double.isNaN(e.location().get().lat())
                && !Double.isNaN(e.location().get().lon());
        Scan<StoredEvent> scan = scan(req -> store.events(f.store(), req), located.and(f::accepts), true, paging);
        List<Object> features = new ArrayList<>();
        for (StoredEvent e : scan.items) {
            org.khaldun.store.Location l = e.location().get();
            Map<String, Object> props = Views.map("id", Views.eventId(e), "date", String.valueOf(e.date()),
                    "actor", e.actorCode(), "recipient", e.recipientCode(), "event_type", e.eventType(),
                    "cameo", e.cameoCode(), "quad_class", e.quadClass(), "goldstein", e.goldstein(),
                    "place", l.name(), "country", l.countryCode(), "trigger", e.trigger(),
                    "article_seq", e.articleSeq());
            features.add(Views.map("type", "Feature", "id", Views.eventId(e),
                    "geometry", Views.map("type", "Point", "coordinates", List.of(l.lon(), l.lat())),
                    "properties", props));
        }
        ctx.contentType("application/geo+json; charset=utf-8").result(Json.write(Views.map(
                "type", "FeatureCollection", "features", features, "truncated", scan.next >= 0)));
    }

    // ------------------------------------------------------------------------------------------------ paging

    /** limit, offset/cursor and order of a list request. */
    record Paging(int limit, long offset, PageRequest.Order order) {

        static Paging of(Map<String, List<String>> p, int defaultLimit) {
            int limit = intParam(p, "limit", defaultLimit, 1, MAX_LIMIT);
            String cursor = one(p, "cursor");
            String offsetParam = one(p, "offset");
            if (!cursor.isEmpty() && !offsetParam.isEmpty()) {
                throw ApiException.badRequest("give cursor or offset, not both");
            }
            long offset = 0;
            if (!cursor.isEmpty()) {
                offset = decodeCursor(cursor);
            } else if (!offsetParam.isEmpty()) {
                offset = longParam(offsetParam, "offset");
            }
            String order = one(p, "order").toLowerCase(Locale.ROOT);
            PageRequest.Order o = switch (order) {
                case "", "desc", "newest" -> PageRequest.Order.DATE_DESC;
                case "asc", "oldest" -> PageRequest.Order.DATE_ASC;
                default -> throw ApiException.badRequest("order must be desc (newest first) or asc: " + order);
            };
            return new Paging(limit, offset, o);
        }

        /** Cursors are opaque to clients; today they carry the store offset of the next row to examine. */
        static String cursor(long offset) {
            return Base64.getUrlEncoder().withoutPadding().encodeToString(("o" + offset).getBytes(StandardCharsets.US_ASCII));
        }

        static long decodeCursor(String c) {
            try {
                String s = new String(Base64.getUrlDecoder().decode(c), StandardCharsets.US_ASCII);
                if (s.startsWith("o") && s.substring(1).matches("\\d{1,18}")) {
                    return Long.parseLong(s.substring(1));
                }
            } catch (IllegalArgumentException e) {
                // falls through to the error below
            }
            throw ApiException.badRequest("cursor is not one this server gave out: " + c);
        }

        static int intParam(Map<String, List<String>> p, String name, int dflt, int min, int max) {
            String v = one(p, name);
            if (v.isEmpty()) {
                return dflt;
            }
            if (!v.matches("\\d{1,9}") || Integer.parseInt(v) < min || Integer.parseInt(v) > max) {
                throw ApiException.badRequest(name + " must be a whole number in " + min + ".." + max + ": " + v);
            }
            return Integer.parseInt(v);
        }
    }

    /** Rows of one page and where the next page starts in the store's order (-1: no more rows). */
    private record Scan<T>(List<T> items, long next, long scanned) {
    }

    /**
     * One page of rows that pass {@code accept}. Without row-by-row filters this is one store page. With them, the
     * store's pages are read in order and filtered here until the page is full, the rows run out, or
     * {@link #MAX_SCAN} rows were examined (then the page may be short and the cursor continues the scan).
     */
    private static <T> Scan<T> scan(java.util.function.Function<PageRequest, Page<T>> fetch, Predicate<T> accept,
                                    boolean filtered, Paging paging) {
        if (!filtered) {
            Page<T> page = fetch.apply(new PageRequest(paging.limit, paging.offset, paging.order));
            return new Scan<>(page.items(), page.hasMore() ? paging.offset + page.items().size() : -1,
                    page.items().size());
        }
        List<T> items = new ArrayList<>();
        long pos = paging.offset;
        int chunk = Math.min(PageRequest.MAX_LIMIT, Math.max(200, paging.limit * 4));
        long scanned = 0;
        while (scanned < MAX_SCAN) {
            Page<T> page = fetch.apply(new PageRequest(chunk, pos, paging.order));
            for (int i = 0; i < page.items().size(); i++) {
                T row = page.items().get(i);
                if (accept.test(row)) {
                    items.add(row);
                    if (items.size() == paging.limit) {
                        boolean last = !page.hasMore() && i == page.items().size() - 1;
                        return new Scan<>(items, last ? -1 : pos + i + 1, scanned + i + 1);
                    }
                }
            }
            scanned += page.items().size();
            pos += page.items().size();
            if (!page.hasMore()) {
                return new Scan<>(items, -1, scanned);
            }
        }
        return new Scan<>(items, pos, scanned);
    }

    private static <T> Map<String, Object> page(Scan<T> scan, Paging paging,
                                                java.util.function.Function<T, Map<String, Object>> view) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("items", scan.items.stream().map(x -> (Object) view.apply(x)).toList());
        out.put("limit", paging.limit);
        out.put("offset", paging.offset);
        out.put("order", paging.order == PageRequest.Order.DATE_ASC ? "asc" : "desc");
        out.put("next_cursor", scan.next >= 0 ? Paging.cursor(scan.next) : null);
        out.put("scanned", scan.scanned);
        return out;
    }

    // ------------------------------------------------------------------------------------------------ parameters

    private static Map<String, List<String>> params(Context ctx) {
        return ctx.queryParamMap();
    }

    private static String one(Map<String, List<String>> p, String name) {
        List<String> v = p.get(name);
        if (v == null || v.isEmpty()) {
            return "";
        }
        if (v.size() > 1) {
            throw ApiException.badRequest(name + " is given " + v.size() + " times; give it once");
        }
        return v.get(0).strip();
    }

    private static long longParam(String v, String what) {
        if (v == null || !v.matches("-?\\d{1,19}")) {
            throw ApiException.badRequest(what + " must be a whole number: " + v);
        }
        try {
            return Long.parseLong(v);
        } catch (NumberFormatException e) {
            throw ApiException.badRequest(what + " is out of range: " + v);
        }
    }

    private static Granularity granularity(Map<String, List<String>> p) {
        return enumParam(p, "granularity", Granularity.class, Granularity.MONTH);
    }

    private static <E extends Enum<E>> E enumParam(Map<String, List<String>> p, String name, Class<E> type, E dflt) {
        String v = one(p, name);
        if (v.isEmpty()) {
            return dflt;
        }
        try {
            return Enum.valueOf(type, v.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest(name + " must be one of " + java.util.Arrays.stream(type.getEnumConstants())
                    .map(x -> x.name().toLowerCase(Locale.ROOT)).toList() + ": " + v);
        }
    }

    private static EventFilter noResidual(EventFilter f, String what) {
        if (f.hasResidual()) {
            throw ApiException.badRequest("place and loc_country filter event lists and the map, not "
                    + what + " (the store cannot group by them)");
        }
        return f;
    }
}
