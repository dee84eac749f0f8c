package org.khaldun.app;

import java.io.InputStream;
import java.io.PrintStream;
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
import org.khaldun.classifier.ClassifierPipelines;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Code the example articles bundled with Khaldun and show their events.")
final class DemoCommand implements Callable<Integer> {

    static final String ARTICLES = "/org/khaldun/app/demo/articles.jsonl";

    @Option(names = "--json", description = "Print the full JSON lines instead of the readable summary.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        if (!json) {
            out.println("Khaldun demo: coding the example articles bundled with Khaldun (written for it, see");
            out.println("app/src/main/resources/org/khaldun/app/demo/). Loading language models takes a few seconds...");
            out.println();
        }
        Pipeline pipeline = ClassifierPipelines.defaultPipeline();
        int events = 0;
        try (InputStream in = DemoCommand.class.getResourceAsStream(ARTICLES);
             Stream<ReadResult> records = ArticleSources.read(List.of(ArticleSources.STDIN),
                     ReadOptions.defaults().withFormat(InputFormat.JSONL), in)) {
            for (ReadResult r : (Iterable<ReadResult>) records::iterator) {
                if (r instanceof ReadResult.Failed f) {
                    System.err.println("khaldun: " + f.record() + ": " + f.reason());
                    continue;
                }
                CodedArticle coded = pipeline.code(((ReadResult.Ok) r).article());
                events += coded.events().size();
                if (json) {
                    coded.events().forEach(e -> out.println(EventJson.toJson(e, coded.article())));
                } else {
                    print(out, coded);
                }
            }
        }
        if (!json) {
            out.printf("%d events. Each one in full (sentence, offsets, explanation): ./khaldun demo --json%n", events);
            out.println("Code your own articles: ./khaldun code --published 2024-02-08 article.txt");
        }
        return Main.EXIT_OK;
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
