package org.khaldun.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.khaldun.store.StoreFixtures.ACCUSATION;
import static org.khaldun.store.StoreFixtures.ALL;
import static org.khaldun.store.StoreFixtures.GAZA_A;
import static org.khaldun.store.StoreFixtures.GAZA_B;
import static org.khaldun.store.StoreFixtures.GAZA_NEXT_WEEK;
import static org.khaldun.store.StoreFixtures.NABLUS;
import static org.khaldun.store.StoreFixtures.KHARKIV;
import static org.khaldun.store.StoreFixtures.TALKS;
import static org.khaldun.store.StoreFixtures.items;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.khaldun.article.Article;

class EventStoreTest {

    @TempDir
    Path dir;

    private EventStore store(String name, List<Article> articles) {
        EventStore s = EventStore.open(dir.resolve(name));
        s.ingest(items(articles));
        return s;
    }

    @Test
    void ingestingTheSameArticlesTwiceStoresNothingTwice() {
        try (EventStore s = EventStore.open(dir.resolve("k.duckdb"))) {
            List<IngestOutcome> first = s.ingest(items(ALL));
            assertThat(first).allMatch(o -> o instanceof IngestOutcome.Stored);
            StoreStats before = s.stats();
            assertThat(before.articles()).isEqualTo(ALL.size());
            assertThat(before.events()).isPositive();

            List<IngestOutcome> second = s.ingest(items(ALL));
            assertThat(second).allMatch(o -> o instanceof IngestOutcome.Duplicate);
            assertThat(s.stats()).isEqualTo(before);
        }
    }

    @Test
    void anArticleWithoutUrlIsKnownAgainByItsTextAndOneWithUrlByItsUrl() {
        Article sameTextOtherId = StoreFixtures.article("talks-copy", "", "", TALKS.text(), TALKS.published().get());
        Article sameUrlOtherText = StoreFixtures.article("gaza-a-update", GAZA_A.url(), "Agency A",
                GAZA_A.text() + " Hamas said it would retaliate.", GAZA_A.published().get());
        try (EventStore s = store("k.duckdb", List.of(TALKS, GAZA_A))) {
            List<IngestOutcome> again = s.ingest(items(List.of(sameTextOtherId, sameUrlOtherText)));
            assertThat(again).allMatch(o -> o instanceof IngestOutcome.Duplicate);
            assertThat(((IngestOutcome.Duplicate) again.get(0)).why()).contains("same text");
            assertThat(((IngestOutcome.Duplicate) again.get(1)).why()).contains("same URL");
            assertThat(s.storedSeq(sameTextOtherId)).isPresent();
        }
    }

    @Test
    void twoArticlesReportingTheSameAttackAreOneRealWorldEventWithTwoMentions() {
        try (EventStore s = store("k.duckdb", ALL)) {
            List<EventCluster> attacks = s.clusters(EventQuery.ALL.withActor("ISR").withEventType("ASSAULT"),
                    PageRequest.first(10)).items();
            assertThat(attacks).hasSize(1);
            EventCluster attack = attacks.get(0);
            assertThat(attack.numMentions()).isEqualTo(2);
            assertThat(attack.numArticles()).isEqualTo(2);
            assertThat(attack.numSources()).isEqualTo(2);
            assertThat(attack.date()).isEqualTo(LocalDate.of(2024, 2, 6));
            assertThat(s.mentions(attack.id())).extracting(StoredEvent::articleId)
                    .containsExactlyInAnyOrder("gaza-a", "gaza-b");
            // the first report founded the cluster and stands for it
            assertThat(attack.sourceUrl()).isEqualTo(GAZA_A.url());
            // one report says "in Gaza" (the city), the other "in the Gaza Strip" (its region): one place for
            // coreference, while each mention keeps the place its sentence named
            assertThat(s.mentions(attack.id())).extracting(m -> m.location().orElseThrow().name())
                    .containsExactlyInAnyOrder("Gaza", "Gaza Strip");

            // Russian shelling of Ukraine (same type, same days) stays a different event
            List<EventCluster> assaults = s.clusters(EventQuery.ALL.withEventType("ASSAULT"), PageRequest.first(10))
                    .items();
            assertThat(assaults).hasSize(2);
            assertThat(s.countClusters(EventQuery.ALL)).isLessThan(s.countEvents(EventQuery.ALL));
        }
    }

    @Test
    void theSameAttackersAndTargetOnTheSameDayInAnotherRegionAreAnotherEvent() {
        try (EventStore s = store("k.duckdb", List.of(GAZA_A, GAZA_B, NABLUS))) {
            List<EventCluster> attacks = s.clusters(EventQuery.ALL.withActor("ISR").withEventType("ASSAULT"),
                    PageRequest.first(10)).items();
            assertThat(attacks).hasSize(2);
            assertThat(attacks).extracting(c -> c.location().orElseThrow().admin1() + ":" + c.numMentions())
                    .containsExactlyInAnyOrder("Gaza Strip:2", "West Bank:1");
        }
    }

    @Test
    void theSameAttackReportedAWeekLaterIsAnotherEvent() {
        try (EventStore s = store("k.duckdb", List.of(GAZA_A, GAZA_NEXT_WEEK))) {
            List<EventCluster> attacks = s.clusters(EventQuery.ALL.withActor("ISR"), PageRequest.first(10)).items();
            assertThat(attacks).hasSize(2).allMatch(c -> c.numMentions() == 1);
        }
    }

    @Test
    void clusterIdsAreTheSameInEveryStoreFedTheSameArticlesInTheSameOrder() {
        Set<Long> a = new HashSet<>();
        Set<Long> b = new HashSet<>();
        try (EventStore s = store("a.duckdb", ALL)) {
            s.clusters(EventQuery.ALL, PageRequest.first(100)).items().forEach(c -> a.add(c.id()));
        }
        try (EventStore s = EventStore.open(dir.resolve("b.duckdb"))) {
            for (Article art : ALL) { // one article per transaction this time
                s.ingest(items(List.of(art)));
            }
            s.clusters(EventQuery.ALL, PageRequest.first(100)).items().forEach(c -> b.add(c.id()));
        }
        assertThat(a).isNotEmpty().isEqualTo(b);
    }

    @Test
    void queriesFilterByActorRecipientCodeTypeQuadDateTextAndSector() {
        try (EventStore s = store("k.duckdb", ALL)) {
            assertThat(events(s, EventQuery.ALL.withActor("ISR"))).allMatch(e -> e.actorCode().startsWith("ISR"))
                    .hasSize(2);
            assertThat(events(s, EventQuery.ALL.withActor("ISRMIL").withRecipient("PSE"))).hasSize(2);
            assertThat(events(s, EventQuery.ALL.withCameo("19"))).allMatch(e -> e.cameoCode().startsWith("19"))
                    .extracting(StoredEvent::articleId).contains("gaza-a", "gaza-b", "kharkiv");
            assertThat(events(s, EventQuery.ALL.withCameo("04"))).isNotEmpty()
                    .allMatch(e -> e.cameoCode().startsWith("04") && e.eventType().equals("CONSULT"));
            assertThat(events(s, EventQuery.ALL.withQuadClass(4))).allMatch(e -> e.quadClass() == 4).hasSize(3);
            assertThat(events(s, EventQuery.ALL.withEventType("ACCUSE"))).isNotEmpty()
                    .allMatch(e -> e.actorCode().startsWith("USA") && e.articleId().equals("accusation"));
            assertThat(events(s, EventQuery.ALL.withCountry("IRN"))).isNotEmpty()
                    .allMatch(e -> e.actorCountry().equals("IRN") || e.recipientCountry().equals("IRN"));
            assertThat(events(s, EventQuery.ALL.withSector("MIL"))).isNotEmpty()
                    .allMatch(e -> e.actorSector().equals("MIL") || e.recipientSector().equals("MIL"));
            assertThat(events(s, EventQuery.ALL.withDates(LocalDate.of(2024, 2, 6), LocalDate.of(2024, 2, 6))))
                    .isNotEmpty().allMatch(e -> e.date().equals(LocalDate.of(2024, 2, 6)));
            assertThat(events(s, EventQuery.ALL.withText("warplanes"))).extracting(StoredEvent::articleId)
                    .containsExactly("gaza-a");
            assertThat(events(s, EventQuery.ALL.withText("bomb"))).extracting(StoredEvent::articleId)
                    .containsExactly("gaza-a"); // "bombed": words match by stem
            assertThat(events(s, EventQuery.ALL.withText("zeppelin"))).isEmpty();
            assertThat(events(s, EventQuery.ALL.withFactsOnly(true))).allMatch(StoredEvent::isFact);
        }
    }

    @Test
    void eventsAreFoundByWhatTheirClaimRestsOn() {
        try (EventStore s = store("k.duckdb", ALL)) {
            // "..., the Israeli military said": the agency was told by a named source
            assertThat(events(s, EventQuery.ALL.withSourceKind("named"))).isNotEmpty()
                    .allSatisfy(e -> assertThat(e.sourceKind()).isEqualTo("named"))
                    .extracting(StoredEvent::articleId).contains("gaza-a").doesNotContain("gaza-b", "kharkiv");
            // the reporter's own voice
            assertThat(events(s, EventQuery.ALL.withSourceKind("ARTICLE"))).extracting(StoredEvent::articleId)
                    .contains("gaza-b", "kharkiv").doesNotContain("gaza-a");
            assertThat(s.countEvents(EventQuery.ALL.withSourceKind("named"))
                    + s.countEvents(EventQuery.ALL.withSourceKind("article"))
                    + s.countEvents(EventQuery.ALL.withSourceKind("anonymous"))
                    + s.countEvents(EventQuery.ALL.withSourceKind("media"))
                    + s.countEvents(EventQuery.ALL.withSourceKind("document")))
                    .isEqualTo(s.countEvents(EventQuery.ALL));
            // a real-world event is found by any of its mentions: the Gaza attack rests on the military's word
            // in one report and on the reporter's in the other
            assertThat(s.clusters(EventQuery.ALL.withActor("ISR").withSourceKind("article"), PageRequest.first(5))
                    .items()).singleElement().satisfies(c -> assertThat(c.numMentions()).isEqualTo(2));
        }
    }

    @Test
    void aStoreWrittenBeforeSourceKindsWereStoredGetsThemFromItsEventsWhenItOpens() throws Exception {
        Path file = dir.resolve("old.duckdb");
        long named;
        try (EventStore s = store("old.duckdb", ALL)) {
            named = s.countEvents(EventQuery.ALL.withSourceKind("named"));
        }
        assertThat(named).isPositive();
        try (var c = java.sql.DriverManager.getConnection("jdbc:duckdb:" + file); var st = c.createStatement()) {
            st.execute("UPDATE events SET source_kind = ''");
        }
        try (EventStore s = EventStore.open(file)) {
            assertThat(s.countEvents(EventQuery.ALL.withSourceKind("named"))).isEqualTo(named);
            assertThat(s.countEvents(EventQuery.ALL.withSourceKind("article"))).isPositive();
        }
    }

    @Test
    void pagesWalkThroughEveryEventOnceInAStableOrder() {
        try (EventStore s = store("k.duckdb", ALL)) {
            long total = s.countEvents(EventQuery.ALL);
            List<String> seen = new ArrayList<>();
            PageRequest p = PageRequest.first(2);
            while (true) {
                Page<StoredEvent> page = s.events(EventQuery.ALL, p);
                page.items().forEach(e -> seen.add(e.id() + "@" + e.seq()));
                if (!page.hasMore()) {
                    break;
                }
                p = p.next();
            }
            assertThat(seen).hasSize((int) total).doesNotHaveDuplicates();
            List<StoredEvent> newest = s.events(EventQuery.ALL, PageRequest.first(100)).items();
            for (int i = 1; i < newest.size(); i++) {
                assertThat(newest.get(i - 1).date()).isAfterOrEqualTo(newest.get(i).date());
            }
        }
    }

    @Test
    void oneADayKeepsOneEventPerDyadCodeAndDay() {
        Article repeat = StoreFixtures.article("gaza-a-repeat", "https://paper-c.example/gaza", "Paper C",
                GAZA_A.text(), GAZA_A.published().get());
        try (EventStore s = store("k.duckdb", List.of(GAZA_A, repeat))) {
            assertThat(events(s, EventQuery.ALL.withActor("ISR"))).hasSize(2);
            assertThat(events(s, EventQuery.ALL.withActor("ISR").withOneADay(true))).hasSize(1);
        }
    }

    @Test
    void anArticleComesBackWithItsSentencesAndEvents() {
        try (EventStore s = store("k.duckdb", ALL)) {
            ArticleWithEvents a = s.articleById("gaza-a").orElseThrow();
            assertThat(a.article().url()).isEqualTo(GAZA_A.url());
            assertThat(a.article().text()).isEqualTo(GAZA_A.text());
            assertThat(a.sentences()).isNotEmpty();
            assertThat(a.events()).isNotEmpty().allMatch(e -> e.articleId().equals("gaza-a"));
            StoredEvent e = a.events().get(0);
            StoredSentence sentence = a.sentences().get(e.sentenceIndex());
            assertThat(a.article().text().substring(sentence.start(), sentence.end())).isEqualTo(sentence.text());
            assertThat(e.json()).contains("\"article_id\":\"gaza-a\"");
            assertThat(s.searchArticles("Kharkiv", PageRequest.first(10)).items()).extracting(StoredArticle::id)
                    .containsExactly("kharkiv");
        }
    }

    @Test
    void seriesAndAggregatesCountTheEvents() {
        try (EventStore s = store("k.duckdb", ALL)) {
            List<SeriesPoint> series = s.dyadSeries("ISR", "PSE", Granularity.DAY, EventQuery.ALL);
            assertThat(series).hasSize(1);
            assertThat(series.get(0).count()).isEqualTo(2);
            assertThat(series.get(0).quadCounts()[3]).isEqualTo(2);
            assertThat(series.get(0).goldsteinMean()).isNegative();

            long events = s.countEvents(EventQuery.ALL);
            List<AggregateRow> rows = s.aggregate(new AggregateRequest(EventQuery.ALL, Granularity.MONTH,
                    AggregateRequest.GroupBy.CAMEO_ROOT, AggregateRequest.Dyad.CODE, false));
            assertThat(rows.stream().mapToLong(AggregateRow::count).sum()).isEqualTo(events);
            assertThat(rows).anyMatch(r -> r.group().equals("19") && r.actor().equals("ISRMIL"));
            List<AggregateRow> clustered = s.aggregate(new AggregateRequest(EventQuery.ALL, Granularity.MONTH,
                    AggregateRequest.GroupBy.PLOVER_TYPE, AggregateRequest.Dyad.COUNTRY, true));
            assertThat(clustered.stream().mapToLong(AggregateRow::count).sum())
                    .isEqualTo(s.countClusters(EventQuery.ALL));
        }
    }

    @Test
    void recodingReplacesTheEventsOfAnArticleAndKeepsClustersConsistent() {
        try (EventStore s = store("k.duckdb", ALL)) {
            StoreStats before = s.stats();
            long seq = s.articleById("gaza-b").orElseThrow().article().seq();
            List<IngestOutcome> out = s.recode(List.of(new IngestItem(EventStore.recodeRecord(seq),
                    StoreFixtures.coded(GAZA_B))));
            assertThat(out).singleElement().isInstanceOf(IngestOutcome.Stored.class);
            StoreStats after = s.stats();
            assertThat(after.events()).isEqualTo(before.events());
            assertThat(after.clusters()).isEqualTo(before.clusters());
            assertThat(after.articles()).isEqualTo(before.articles());
            EventCluster attack = s.clusters(EventQuery.ALL.withActor("ISR"), PageRequest.first(5)).items().get(0);
            assertThat(attack.numMentions()).isEqualTo(2);
        }
    }

    @Test
    void aBadRecordInARecodeBatchFailsAloneAndTheOthersAreRecoded() {
        try (EventStore s = store("k.duckdb", ALL)) {
            StoreStats before = s.stats();
            long seq = s.articleById("gaza-b").orElseThrow().article().seq();
            List<IngestOutcome> out = s.recode(List.of(
                    new IngestItem("store:not-a-number", StoreFixtures.coded(KHARKIV)),
                    new IngestItem(EventStore.recodeRecord(seq), StoreFixtures.coded(GAZA_B))));
            assertThat(out).hasSize(2);
            assertThat(out.get(0)).isInstanceOfSatisfying(IngestOutcome.Failed.class,
                    f -> assertThat(f.record()).isEqualTo("store:not-a-number"));
            assertThat(out.get(1)).isInstanceOf(IngestOutcome.Stored.class);
            assertThat(s.stats().events()).isEqualTo(before.events());
            assertThat(s.stats().articles()).isEqualTo(before.articles());
        }
    }

    @Test
    void aReopenedStoreKeepsItsEventsAndFindsTheirText() {
        Path file = dir.resolve("k.duckdb");
        try (EventStore s = store("k.duckdb", List.of(GAZA_A, KHARKIV))) {
            assertThat(s.countEvents(EventQuery.ALL)).isPositive();
        }
        try (EventStore s = EventStore.open(file)) {
            s.ingest(items(List.of(ACCUSATION)));
            assertThat(s.stats().articles()).isEqualTo(3);
            assertThat(events(s, EventQuery.ALL.withText("shelled"))).extracting(StoredEvent::articleId)
                    .containsExactly("kharkiv");
        }
    }

    @Test
    void aLostTextIndexIsRebuiltFromTheDatabase() throws Exception {
        Path file = dir.resolve("k.duckdb");
        try (EventStore s = store("k.duckdb", List.of(GAZA_A, KHARKIV))) {
            assertThat(s.stats().articles()).isEqualTo(2);
        }
        try (var files = java.nio.file.Files.walk(EventStore.textIndexPath(file))) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
        try (EventStore s = EventStore.open(file)) {
            assertThat(events(s, EventQuery.ALL.withText("warplanes"))).hasSize(1);
        }
    }

    private static List<StoredEvent> events(EventStore s, EventQuery q) {
        return s.events(q, PageRequest.first(1000)).items();
    }
}
