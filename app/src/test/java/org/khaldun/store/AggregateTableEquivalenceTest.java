package org.khaldun.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Dyad series, aggregates and the actor network of mentions are answered from the store's pre-aggregated table
 * ({@link EventCube}) instead of a GROUP BY over every event; the analyst must get what the SQL gives: the same
 * periods, dyads, groups and counts in the same order, and the same Goldstein sums and means (to 1e-9: the SQL's
 * floating-point sums depend on DuckDB's summation order, the table's are exact in tenths).
 */
class AggregateTableEquivalenceTest {

    @TempDir
    Path dir;

    @Test
    void seriesAggregatesAndNetworksOfEveryFilterAreTheSqlAnswers() {
        StoreFixtures.afterTwoIngests(dir, AggregateTableEquivalenceTest::assertSameAnswers);
    }

    @Test
    void theTableBuiltWhenTheStoreOpensGivesTheSameAnswers() {
        StoreFixtures.afterReopening(dir, AggregateTableEquivalenceTest::assertSameAnswers);
    }

    @Test
    void aRecodedArticleLeavesItsOldEventsOutOfSeriesAndNetworks() {
        StoreFixtures.afterRecode(dir, s -> {
            assertSameAnswers(s);
            s.foldAggregates();
            assertSameAnswers(s);
        });
    }

    @Test
    void aggregatesOverWholeMonthsAddUpTheMonthsAsTheSqlDoesBeforeAndAfterLaterIngestsAndRecodes() {
        StoreFixtures.afterReopening(dir, AggregateTableEquivalenceTest::assertSameMonthlyWindows);
        StoreFixtures.afterRecode(dir.resolve("recode"), s -> {
            s.foldAggregates(); // a base with the recode's negative rows folded in
            assertSameMonthlyWindows(s);
            s.ingest(StoreFixtures.items(List.of(StoreFixtures.NABLUS))); // new rows in the delta, same base
            assertSameMonthlyWindows(s);
        });
    }

    /**
     * Windows around the stored events' dates that start on the first of a month or inside one, and end on a
     * month's last day or inside one (whole months in between come from the month cache), each asked twice.
     */
    private static void assertSameMonthlyWindows(EventStore s) {
        List<LocalDate> dates = s.eventsBySql(EventQuery.ALL, PageRequest.first(1000)).items().stream()
                .map(StoredEvent::date).filter(java.util.Objects::nonNull).sorted().toList();
        assertThat(dates).isNotEmpty();
        LocalDate first = dates.get(0).withDayOfMonth(1);
        LocalDate last = dates.get(dates.size() - 1);
        List<LocalDate[]> windows = new java.util.ArrayList<>();
        for (int before : new int[] {0, 1, 2}) {
            for (int startDay : new int[] {1, 2, 15}) {
                for (int after : new int[] {0, 1}) {
                    LocalDate from = first.minusMonths(before).withDayOfMonth(startDay);
                    LocalDate end = last.plusMonths(after);
                    windows.add(new LocalDate[] {from, end.withDayOfMonth(end.lengthOfMonth())});
                    windows.add(new LocalDate[] {from, end});
                    windows.add(new LocalDate[] {from, end.withDayOfMonth(1)});
                }
            }
        }
        for (LocalDate d : dates) { // exactly the month of an event, and a month ending the day before it
            windows.add(new LocalDate[] {d.withDayOfMonth(1), d.withDayOfMonth(d.lengthOfMonth())});
            windows.add(new LocalDate[] {d.minusMonths(1), d.minusDays(1)});
        }
        int n = 0;
        for (LocalDate[] w : windows) {
            for (EventQuery q : List.of(EventQuery.ALL, EventQuery.ALL.withQuadClass(4),
                    EventQuery.ALL.withCountry("ISR"))) {
                Granularity g = n % 2 == 0 ? Granularity.MONTH : Granularity.YEAR;
                AggregateRequest r = new AggregateRequest(q.withDates(w[0], w[1]), g,
                        AggregateRequest.GroupBy.values()[n % 3], n % 4 < 2 ? AggregateRequest.Dyad.COUNTRY
                        : AggregateRequest.Dyad.CODE, false);
                n++;
                List<AggregateRow> sql = s.aggregateBySql(r);
                assertSameRows(r, s.aggregate(r), sql);
                assertSameRows(r, s.aggregate(r), sql); // the second time from the month cache
            }
        }
        assertThat(n).isGreaterThan(50);
    }

    private static void assertSameAnswers(EventStore s) {
        List<StoredEvent> all = s.eventsBySql(EventQuery.ALL, PageRequest.first(1000)).items();
        assertThat(all).isNotEmpty();
        int answered = 0;
        AggregateRequest.GroupBy[] groupings = AggregateRequest.GroupBy.values();
        Granularity[] granularities = Granularity.values();
        for (EventQuery q : EventIndexEquivalenceTest.queries(all)) {
            if (!q.text().isEmpty()) {
                continue; // a text filter needs the sentences: SQL answers it
            }
            assertThat(s.aggregatesFromTable(q)).isTrue();
            // each query with one granularity, grouping and dyad kind, cycling through them all
            int n = answered++;
            Granularity g = granularities[n % granularities.length];
            assertSameSeries(q, s.dyadSeries(q.actor(), q.recipient(), g, q), s.dyadSeriesBySql(q, g));
            AggregateRequest r = new AggregateRequest(q, granularities[(n + 1) % granularities.length],
                    groupings[n % groupings.length], n % 2 == 0 ? AggregateRequest.Dyad.COUNTRY
                    : AggregateRequest.Dyad.CODE, false);
            assertSameRows(r, s.aggregate(r), s.aggregateBySql(r));
            boolean byCountry = n % 2 == 1;
            assertSameEdges(q, s.actorNetwork(q, false, byCountry), s.actorNetworkBySql(q, false, byCountry));
        }
        assertThat(answered).isGreaterThan(50);
        // the whole store, by every granularity: something to compare
        assertThat(s.dyadSeries("", "", Granularity.DAY, EventQuery.ALL)).isNotEmpty();
        assertThat(s.actorNetwork(EventQuery.ALL, false, true)).isNotEmpty();
    }

    private static void assertSameSeries(EventQuery q, List<SeriesPoint> table, List<SeriesPoint> sql) {
        assertThat(table).as("series of %s", q).hasSameSizeAs(sql);
        for (int i = 0; i < sql.size(); i++) {
            SeriesPoint a = table.get(i);
            SeriesPoint b = sql.get(i);
            assertThat(a.period()).as("period of %s", q).isEqualTo(b.period());
            assertThat(a.count()).isEqualTo(b.count());
            assertThat(a.quadCounts()).isEqualTo(b.quadCounts());
            assertThat(a.goldsteinSum()).isCloseTo(b.goldsteinSum(), within(1e-9));
            assertThat(a.goldsteinMean()).isCloseTo(b.goldsteinMean(), within(1e-9));
        }
    }

    private static void assertSameRows(AggregateRequest r, List<AggregateRow> table, List<AggregateRow> sql) {
        assertThat(table).as("aggregate %s", r).hasSameSizeAs(sql);
        for (int i = 0; i < sql.size(); i++) {
            AggregateRow a = table.get(i);
            AggregateRow b = sql.get(i);
            assertThat(List.of(a.actor(), a.recipient(), a.period(), a.group(), a.count())).as("row %d of %s", i, r)
                    .isEqualTo(List.of(b.actor(), b.recipient(), b.period(), b.group(), b.count()));
            assertThat(a.goldsteinSum()).isCloseTo(b.goldsteinSum(), within(1e-9));
            assertThat(a.goldsteinMean()).isCloseTo(b.goldsteinMean(), within(1e-9));
        }
    }

    private static void assertSameEdges(EventQuery q, List<NetworkEdge> table, List<NetworkEdge> sql) {
        assertThat(table).as("network of %s", q).hasSameSizeAs(sql);
        for (int i = 0; i < sql.size(); i++) {
            NetworkEdge a = table.get(i);
            NetworkEdge b = sql.get(i);
            assertThat(List.of(a.actor(), a.recipient(), a.count())).as("edge %d of %s", i, q)
                    .isEqualTo(List.of(b.actor(), b.recipient(), b.count()));
            assertThat(a.goldsteinSum()).isCloseTo(b.goldsteinSum(), within(1e-9));
            assertThat(a.goldsteinMean()).isCloseTo(b.goldsteinMean(), within(1e-9));
        }
    }
}
