package org.khaldun.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * "Real-world events with a mention matching the query" is answered from the event index and the in-memory cluster
 * table ({@link ClusterTable}) instead of a semi-join over every event; the analyst must get what the SQL gives: the
 * same clusters, with every field, in the same order (the cluster's date, then its id), page by page, and the same
 * count.
 */
class ClusterTableEquivalenceTest {

    @TempDir
    Path dir;

    @Test
    void everyFilterAndPageGivesTheSameClustersAsSql() {
        // the later batch joins existing clusters and moves their dates
        StoreFixtures.afterTwoIngests(dir, ClusterTableEquivalenceTest::assertSameAnswers);
    }

    @Test
    void theTableBuiltWhenTheStoreOpensGivesTheSameAnswers() {
        StoreFixtures.afterReopening(dir, ClusterTableEquivalenceTest::assertSameAnswers);
    }

    @Test
    void aRecodedArticleLeavesTheClustersItNoLongerMentions() {
        StoreFixtures.afterRecode(dir, s -> {
            // Kharkiv's clusters appear, and the store answers as SQL does
            assertThat(s.clusters(EventQuery.ALL.withActor("RUS"), PageRequest.first(50)).items()).isNotEmpty();
            assertThat(ids(s.clusters(EventQuery.ALL, PageRequest.first(50)))).isEqualTo(
                    ids(s.clustersBySql(EventQuery.ALL, PageRequest.first(50))));
            assertSameAnswers(s);
        });
    }

    private static List<Long> ids(Page<EventCluster> page) {
        return page.items().stream().map(EventCluster::id).toList();
    }

    private static void assertSameAnswers(EventStore s) {
        List<StoredEvent> all = s.eventsBySql(EventQuery.ALL, PageRequest.first(1000)).items();
        assertThat(all).isNotEmpty();
        long total = s.countClustersBySql(EventQuery.ALL);
        assertThat(total).isGreaterThan(3);
        int nonEmpty = 0;
        for (EventQuery q : EventIndexEquivalenceTest.queries(all)) {
            long n = s.countClustersBySql(q);
            assertThat(s.countClusters(q)).as("count of %s", q).isEqualTo(n);
            nonEmpty += n > 0 ? 1 : 0;
            for (PageRequest.Order order : PageRequest.Order.values()) {
                // pages of two, to cross page boundaries on these small answers
                for (long offset = 0; offset <= n; offset += 2) {
                    PageRequest page = new PageRequest(2, offset, order);
                    Page<EventCluster> table = s.clustersByIndex(q, page);
                    Page<EventCluster> sql = s.clustersBySql(q, page);
                    assertThat(table).as("page %s of %s", page, q).isNotNull();
                    assertThat(table.items()).as("page %s of %s", page, q).isEqualTo(sql.items());
                    assertThat(table.hasMore()).as("more after page %s of %s", page, q).isEqualTo(sql.hasMore());
                }
            }
        }
        assertThat(nonEmpty).isGreaterThan(50);
        // what the API calls answers the same
        PageRequest first = PageRequest.first(50);
        assertThat(s.clusters(EventQuery.ALL, first).items()).hasSize((int) Math.min(50, total))
                .isEqualTo(s.clustersBySql(EventQuery.ALL, first).items());
    }
}
