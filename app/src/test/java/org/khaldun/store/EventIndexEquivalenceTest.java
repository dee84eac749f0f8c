package org.khaldun.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.khaldun.store.StoreFixtures.ALL;
import static org.khaldun.store.StoreFixtures.GAZA_NEXT_WEEK;
import static org.khaldun.store.StoreFixtures.KHARKIV;
import static org.khaldun.store.StoreFixtures.NABLUS;
import static org.khaldun.store.StoreFixtures.items;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Event lists, counts, an article's events and a cluster's mentions are answered from the event index
 * ({@link EventIndex}), an article's row and sentences from the article index ({@link RowIndex}); the analyst
 * must get exactly what the SQL over the database gives: the same events, with every field, in the same order, page
 * by page, and the same article with the same sentences.
 */
class EventIndexEquivalenceTest {

    @TempDir
    Path dir;

    @Test
    void everyFilterAndPageGivesTheSameEventsFromTheIndexAsFromSql() {
        try (EventStore s = EventStore.open(dir.resolve("k.duckdb"))) {
            s.ingest(items(ALL));
            s.ingest(items(List.of(NABLUS, GAZA_NEXT_WEEK)));
            assertSameAnswers(s);
        }
    }

    @Test
    void lostEventAndArticleIndexesAreRebuiltFromTheDatabaseWithTheSameAnswers() throws Exception {
        Path file = dir.resolve("k.duckdb");
        try (EventStore s = EventStore.open(file)) {
            s.ingest(items(ALL));
        }
        delete(EventStore.eventIndexPath(file));
        delete(EventStore.articleIndexPath(file));
        delete(EventStore.clusterIndexPath(file));
        try (EventStore s = EventStore.open(file)) {
            assertThat(s.countEvents(EventQuery.ALL)).isEqualTo(s.countEventsBySql(EventQuery.ALL)).isPositive();
            s.ingest(items(List.of(NABLUS)));
            assertSameAnswers(s);
        }
    }

    @Test
    void aRecodedArticleIsAnsweredWithItsNewEvents() {
        try (EventStore s = EventStore.open(dir.resolve("k.duckdb"))) {
            s.ingest(items(ALL));
            long seq = s.articleById("gaza-b").orElseThrow().article().seq();
            // recoded as if the coder now read another story in it: its events change completely
            s.recode(List.of(new IngestItem(EventStore.recodeRecord(seq), StoreFixtures.coded(KHARKIV))));
            assertThat(s.events(EventQuery.ALL.withActor("RUS"), PageRequest.first(10)).items())
                    .extracting(StoredEvent::articleSeq).contains(seq);
            assertSameAnswers(s);
        }
    }

    @Test
    void eventAndArticleIndexesThatMissedARecodeAreRebuiltWhenTheStoreOpens() throws Exception {
        Path file = dir.resolve("k.duckdb");
        Path index = EventStore.eventIndexPath(file);
        Path saved = dir.resolve("saved-index");
        Path articles = EventStore.articleIndexPath(file);
        Path savedArticles = dir.resolve("saved-articles");
        Path clusterRows = EventStore.clusterIndexPath(file);
        Path savedClusters = dir.resolve("saved-clusters");
        try (EventStore s = EventStore.open(file)) {
            s.ingest(items(ALL));
        }
        copy(index, saved);
        copy(articles, savedArticles);
        copy(clusterRows, savedClusters);
        try (EventStore s = EventStore.open(file)) {
            long seq = s.articleById("gaza-b").orElseThrow().article().seq();
            s.recode(List.of(new IngestItem(EventStore.recodeRecord(seq), StoreFixtures.coded(KHARKIV))));
        }
        // as after a crash between the recode's database commit and the index commit
        delete(index);
        copy(saved, index);
        delete(articles);
        copy(savedArticles, articles);
        delete(clusterRows);
        copy(savedClusters, clusterRows);
        try (EventStore s = EventStore.open(file)) {
            assertSameAnswers(s);
        }
    }

    private static void assertSameAnswers(EventStore s) {
        List<StoredEvent> all = s.eventsBySql(EventQuery.ALL, PageRequest.first(1000)).items();
        assertThat(all).isNotEmpty();
        List<EventQuery> queries = queries(all);
        for (int n = 0; n < queries.size(); n++) {
            EventQuery q = queries.get(n);
            assertThat(EventIndex.answers(q)).isTrue();
            assertThat(s.countEventsByIndex(q)).as("count of %s", q).isEqualTo(s.countEventsBySql(q));
            for (PageRequest.Order order : PageRequest.Order.values()) {
                assertSamePage(s, q, new PageRequest(50, 0, order));
                if (n % 4 == 0) { // walking page by page, on a sample of the queries
                    PageRequest page = new PageRequest(2, 0, order);
                    for (int i = 0; i < 4; i++) {
                        assertSamePage(s, q, page);
                        page = page.next();
                    }
                }
            }
        }
        // what the public methods answer is the index's answer
        assertThat(s.events(EventQuery.ALL, PageRequest.first(3)).items())
                .isEqualTo(s.eventsByIndex(EventQuery.ALL, PageRequest.first(3)).items());
        Set<Long> articles = new LinkedHashSet<>();
        Set<Long> clusters = new LinkedHashSet<>();
        for (StoredEvent e : all) {
            articles.add(e.articleSeq());
            clusters.add(e.clusterId());
        }
        for (long a : articles) {
            // public: article() and mentions() take their events from the index
            assertThat(s.article(a).orElseThrow().events()).isEqualTo(s.articleEventsBySql(a));
            // and the article's row and sentences from the article index
            assertThat(s.articleRowByIndex(a)).isEqualTo(s.articleRowBySql(a)).isPresent();
            ArticleWithEvents view = s.article(a).orElseThrow();
            assertThat(new RowIndex.Article(view.article(), view.sentences())).isEqualTo(s.articleRowBySql(a).get());
            // and one event of it by its id, as the event view asks
            StoredEvent first = view.events().get(0);
            assertThat(s.event(a, first.seq())).contains(first);
        }
        for (long c : clusters) {
            assertThat(s.mentions(c)).isEqualTo(s.mentionsBySql(c)).isNotEmpty();
            assertThat(s.clusterByIndex(c)).isEqualTo(s.clusterBySql(c)).isPresent();
        }
    }

    private static void assertSamePage(EventStore s, EventQuery q, PageRequest page) {
        Page<StoredEvent> byIndex = s.eventsByIndex(q, page);
        Page<StoredEvent> bySql = s.eventsBySql(q, page);
        assertThat(byIndex.items()).as("%s, %s", q, page).isEqualTo(bySql.items());
        assertThat(byIndex.hasMore()).as("more after %s, %s", q, page).isEqualTo(bySql.hasMore());
    }

    /** Every filter alone and in pairs, with values taken from the stored events (and some that match nothing). */
    static List<EventQuery> queries(List<StoredEvent> events) {
        List<EventQuery> single = new ArrayList<>();
        single.add(EventQuery.ALL);
        single.add(EventQuery.ALL.withActor("ZZZ"));
        single.add(EventQuery.ALL.withText("warplanes OR shelled"));
        single.add(EventQuery.ALL.withText("\"Hamas positions\""));
        single.add(EventQuery.ALL.withText("attack*"));
        single.add(EventQuery.ALL.withText("nothingmatchesthis"));
        single.add(EventQuery.ALL.withFactsOnly(true));
        for (StoredEvent e : events) {
            for (String code : e.actorCodes().split(";")) {
                if (code.length() >= 3) {
                    single.add(EventQuery.ALL.withActor(code.substring(0, 3)));
                    single.add(EventQuery.ALL.withActor(code));
                }
            }
            for (String code : e.recipientCodes().split(";")) {
                if (code.length() >= 3) {
                    single.add(EventQuery.ALL.withRecipient(code.substring(0, 3)));
                }
            }
            single.add(EventQuery.ALL.withCountry(e.actorCountry()));
            single.add(EventQuery.ALL.withCountry(e.recipientCountry()));
            e.location().ifPresent(l -> single.add(EventQuery.ALL.withCountry(l.countryCode())));
            single.add(EventQuery.ALL.withSector(e.actorSector()));
            single.add(EventQuery.ALL.withCameo(e.cameoRoot()));
            single.add(EventQuery.ALL.withCameo(e.cameoCode()));
            single.add(EventQuery.ALL.withEventType(e.eventType()));
            single.add(EventQuery.ALL.withQuadClass(e.quadClass()));
            single.add(EventQuery.ALL.withDates(e.date(), e.date()));
            single.add(EventQuery.ALL.withDates(e.date().minusDays(1), null));
            single.add(EventQuery.ALL.withDates(null, e.date()));
            single.add(EventQuery.ALL.withSourceKind(e.sourceKind()));
            single.add(EventQuery.ALL.withCodebook(e.codebook()));
            single.add(EventQuery.ALL.withText(e.trigger()));
        }
        List<EventQuery> distinct = new ArrayList<>(new LinkedHashSet<>(single));
        List<EventQuery> out = new ArrayList<>(distinct);
        // pairs: each query combined with a few others' criteria
        for (int i = 0; i < distinct.size(); i++) {
            EventQuery a = distinct.get(i);
            EventQuery b = distinct.get((i * 7 + 3) % distinct.size());
            out.add(combine(a, b));
        }
        return out;
    }

    private static EventQuery combine(EventQuery a, EventQuery b) {
        EventQuery q = a;
        if (!b.actor().isEmpty()) {
            q = q.withActor(b.actor());
        }
        if (!b.recipient().isEmpty()) {
            q = q.withRecipient(b.recipient());
        }
        if (!b.country().isEmpty()) {
            q = q.withCountry(b.country());
        }
        if (!b.cameo().isEmpty()) {
            q = q.withCameo(b.cameo());
        }
        if (b.quadClass() != 0) {
            q = q.withQuadClass(b.quadClass());
        }
        if (!b.text().isEmpty()) {
            q = q.withText(b.text());
        }
        if (b.from().isPresent() || b.to().isPresent()) {
            q = q.withDates(b.from().orElse(null), b.to().orElse(null));
        }
        return q;
    }

    private static void copy(Path from, Path to) throws Exception {
        Files.createDirectories(to);
        try (var files = Files.list(from)) {
            for (Path f : files.toList()) {
                if (!f.getFileName().toString().equals("write.lock")) {
                    Files.copy(f, to.resolve(f.getFileName()), StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }

    private static void delete(Path p) throws Exception {
        try (var files = Files.walk(p)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        }
    }
}
