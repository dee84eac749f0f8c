package org.khaldun.store;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.khaldun.article.Article;
import org.khaldun.article.DebrisMarker;
import org.khaldun.pipeline.CodedArticle;
import org.khaldun.pipeline.Pipelines;

/** Small hand-written news articles, coded once per JVM by the real pipeline. */
public final class StoreFixtures {

    public static final LocalDate PUBLISHED = LocalDate.of(2024, 2, 8);

    public static final Article GAZA_A = article("gaza-a", "https://agency-a.example/gaza", "Agency A",
            "Israeli jets strike Gaza\n\nIsraeli warplanes bombed Hamas positions in Gaza on Tuesday, the Israeli"
                    + " military said.", PUBLISHED);
    public static final Article GAZA_B = article("gaza-b", "https://paper-b.example/strikes", "Paper B",
            "Gaza hit by air strikes\n\nThe Israeli army attacked Hamas targets in the Gaza Strip on Tuesday night.",
            PUBLISHED);
    /** The same wording a week later: another attack. */
    public static final Article GAZA_NEXT_WEEK = article("gaza-c", "https://agency-a.example/gaza-2", "Agency A",
            "Israeli jets strike Gaza again\n\nIsraeli warplanes bombed Hamas positions in Gaza on Tuesday, the"
                    + " Israeli military said.", PUBLISHED.plusDays(7));
    /** The same attackers and target on the same day, in another region (the West Bank). */
    public static final Article NABLUS = article("nablus", "https://paper-c.example/nablus", "Paper C",
            "Raid in Nablus\n\nThe Israeli army attacked Hamas fighters in Nablus on Tuesday.", PUBLISHED);
    public static final Article KHARKIV = article("kharkiv", "https://paper-b.example/kharkiv", "Paper B",
            "Russia shells Kharkiv\n\nRussian forces shelled Ukrainian positions near Kharkiv on Monday.", PUBLISHED);
    public static final Article TALKS = article("talks", "", "",
            "Talks in Baghdad\n\nOn Monday, the Iraqi foreign minister received his Iranian counterpart in Baghdad.",
            PUBLISHED);
    public static final Article ACCUSATION = article("accusation", "https://agency-a.example/accuse", "Agency A",
            "Washington blames Tehran\n\nThe United States accused Iran of supporting militias on Wednesday.",
            PUBLISHED);

    public static final List<Article> ALL = List.of(GAZA_A, GAZA_B, KHARKIV, TALKS, ACCUSATION);

    private static final Map<String, CodedArticle> CODED = new ConcurrentHashMap<>();

    private StoreFixtures() {
    }

    public static Article article(String id, String url, String source, String text, LocalDate published) {
        return DebrisMarker.standard().mark(Article.of(id, url, "", text, published, source));
    }

    public static CodedArticle coded(Article a) {
        return CODED.computeIfAbsent(a.id() + "|" + a.url() + "|" + a.text().hashCode(),
                k -> Pipelines.defaultPipeline().code(a));
    }

    public static List<IngestItem> items(List<Article> articles) {
        return articles.stream().map(a -> new IngestItem(a.id() + ".txt", coded(a))).toList();
    }

    // the three lives of a store the derived tables' equivalence tests check them in

    /** {@code check} after every article and then a later batch that joins their clusters (same day, next week). */
    static void afterTwoIngests(java.nio.file.Path dir, java.util.function.Consumer<EventStore> check) {
        try (EventStore s = EventStore.open(dir.resolve("k.duckdb"))) {
            s.ingest(items(ALL));
            s.ingest(items(List.of(NABLUS, GAZA_NEXT_WEEK)));
            check.accept(s);
        }
    }

    /** {@code check} on a reopened store (tables built from the database), and after one more ingest. */
    static void afterReopening(java.nio.file.Path dir, java.util.function.Consumer<EventStore> check) {
        java.nio.file.Path file = dir.resolve("k.duckdb");
        try (EventStore s = EventStore.open(file)) {
            s.ingest(items(ALL));
        }
        try (EventStore s = EventStore.open(file)) {
            check.accept(s);
            s.ingest(items(List.of(NABLUS)));
            check.accept(s);
        }
    }

    /** {@code check} after the article gaza-b was recoded as if it told another story (Kharkiv): new events. */
    static void afterRecode(java.nio.file.Path dir, java.util.function.Consumer<EventStore> check) {
        try (EventStore s = EventStore.open(dir.resolve("k.duckdb"))) {
            s.ingest(items(ALL));
            long seq = s.articleById("gaza-b").orElseThrow().article().seq();
            s.recode(List.of(new IngestItem(EventStore.recodeRecord(seq), coded(KHARKIV))));
            check.accept(s);
        }
    }
}
