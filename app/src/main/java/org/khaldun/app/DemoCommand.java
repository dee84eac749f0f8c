package org.khaldun.app;

import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.khaldun.actor.Actor;
import org.khaldun.article.Article;
import org.khaldun.article.ArticleSources;
import org.khaldun.article.InputFormat;
import org.khaldun.article.ReadOptions;
import org.khaldun.article.ReadResult;
import org.khaldun.event.Event;
import org.khaldun.output.EventJson;
import org.khaldun.pipeline.CodedArticle;
import org.khaldun.pipeline.Pipeline;
import org.khaldun.pipeline.Pipelines;
import org.khaldun.serve.Workbench;
import org.khaldun.store.EventStore;
import org.khaldun.store.IngestItem;
import org.khaldun.store.IngestOutcome;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "demo", mixinStandardHelpOptions = true,
        description = {"Code the example articles bundled with Khaldun, show their events, store them in an event"
                + " store and open the workbench on it (web UI and API; Ctrl-C stops).",
                "--no-serve (or --json) only prints."})
final class DemoCommand implements Callable<Integer> {

    static final String ARTICLES = "/org/khaldun/app/demo/articles.jsonl";

    @Option(names = "--json", description = "Print the full JSON lines instead of the readable summary (no server).")
    boolean json;

    @Option(names = "--no-serve", description = "Print the events only: no store, no server.")
    boolean noServe;

    @Option(names = "--db", paramLabel = "FILE", defaultValue = "khaldun-demo.duckdb",
            description = "Store the examples go into (created if missing; already stored ones are skipped)."
                    + " Default: ${DEFAULT-VALUE}.")
    Path db;

    @Option(names = "--port", paramLabel = "N", defaultValue = "8080",
            description = "Port of the workbench; 0 picks a free one. Default: ${DEFAULT-VALUE}.")
    int port;

    @Override
    public Integer call() throws Exception {
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        if (!json) {
            out.println("Khaldun demo: coding the example articles bundled with Khaldun (written for it, see");
            out.println("app/src/main/resources/org/khaldun/app/demo/). Loading language models takes a few seconds...");
            out.println();
        }
        Pipeline pipeline = Pipelines.defaultPipeline();
        int events = 0;
        List<IngestItem> coded = new ArrayList<>();
        try (InputStream in = DemoCommand.class.getResourceAsStream(ARTICLES);
             Stream<ReadResult> records = ArticleSources.read(List.of(ArticleSources.STDIN),
                     ReadOptions.defaults().withFormat(InputFormat.JSONL), in)) {
            for (ReadResult r : (Iterable<ReadResult>) records::iterator) {
                if (r instanceof ReadResult.Failed f) {
                    System.err.println("khaldun: " + f.record() + ": " + f.reason());
                    continue;
                }
                CodedArticle c = pipeline.code(((ReadResult.Ok) r).article());
                coded.add(new IngestItem("demo:" + r.record(), c));
                events += c.events().size();
                if (json) {
                    c.events().forEach(e -> out.println(EventJson.toJson(e, c.article())));
                } else {
                    print(out, c);
                }
            }
        }
        if (!json) {
            out.printf("%d events. Each one in full (sentence, offsets, explanation): ./khaldun demo --json%n", events);
            out.println("Code your own articles: ./khaldun code --published 2024-02-08 article.txt");
        }
        if (json || noServe) {
            return Main.EXIT_OK;
        }
        out.println();
        EventStore store = EventStore.open(db);
        try {
            long stored = store.ingest(coded).stream().filter(o -> o instanceof IngestOutcome.Stored).count();
            var stats = store.stats();
            out.printf("Stored %d new articles in %s (%d articles, %d events in all).%n", stored, db, stats.articles(),
                    stats.events());
        } catch (RuntimeException e) {
            store.close();
            throw e;
        }
        return ServeCommand.serveAndClose(store, "127.0.0.1", port, Workbench.DEFAULT_MAX_BODY, false);
    }

    private static void print(PrintStream out, CodedArticle coded) {
        Article a = coded.article();
        out.printf("== %s  (published %s)%n", a.title(), a.published().map(Object::toString).orElse("unknown"));
        if (!a.debris().isEmpty()) {
            out.printf("   ignored as scraping debris: %s%n", a.debris().stream()
                    .map(d -> "\"" + a.text().substring(d.start(), d.end()).strip() + "\"").collect(Collectors.joining(", ")));
        }
        for (Event e : coded.events()) {
            String flags = e.modality().isFact() ? "" : " [" + flags(e) + "]";
            out.printf("   %s  %-22s %-9s %-8s %-22s %s%s%n", e.date().date(), codes(e.actor()), e.eventType(),
                    e.cameo().code(), codes(e.recipient()), "\"" + e.textInfo().trigger() + "\"", flags);
        }
        out.println();
    }

    private static String flags(Event e) {
        StringBuilder b = new StringBuilder();
        if (e.modality().negated()) {
            b.append("negated ");
        }
        if (e.modality().hypothetical()) {
            b.append("hypothetical ");
        }
        if (e.modality().future()) {
            b.append("future ");
        }
        return b.toString().strip();
    }

    private static String codes(List<Actor> actors) {
        return actors.isEmpty() ? "-" : actors.stream().map(Actor::code).collect(Collectors.joining("+"));
    }
}
