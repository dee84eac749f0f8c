package org.khaldun.dedup;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CoreferenceTest {

    private static final Coreference COREF = Coreference.standard();
    private static final CorefKey ATTACK = CorefKey.of(List.of("ISRMIL"), List.of("PSEREB"), "ASSAULT", "195", "", true);

    private static DateSpan day(int d) {
        return new DateSpan(LocalDate.of(2024, 2, d), "day", false);
    }

    @Test
    void reportsOfTheSameDyadAndActionOnTheSameOrNextDayAreOneEvent() {
        List<ClusterAnchor> clusters = new ArrayList<>();
        Coreference.Assignment first = COREF.assign(ATTACK, day(6), clusters);
        assertThat(first.founded()).isTrue();
        clusters.add(first.cluster());
        assertThat(COREF.assign(ATTACK, day(6), clusters).cluster().id()).isEqualTo(first.cluster().id());
        assertThat(COREF.assign(ATTACK, day(7), clusters).cluster().id()).isEqualTo(first.cluster().id());
        assertThat(COREF.assign(ATTACK, day(9), clusters).founded()).isTrue();
    }

    @Test
    void theKeyComparesActorSetsAndPloverTypeNotTheExactCameoCode() {
        CorefKey other = CorefKey.of(List.of("ISRMIL"), List.of("PSEREB"), "ASSAULT", "190", "", true);
        assertThat(other.value()).isEqualTo(ATTACK.value());
        assertThat(CorefKey.of(List.of("IRN", "IRQ"), List.of(), "", "040", "", true).value())
                .isEqualTo(CorefKey.of(List.of("IRQ", "IRN"), List.of(), "", "043", "", true).value())
                .contains("CAMEO:04");
    }

    @Test
    void aDeniedAttackIsNotTheAttack() {
        CorefKey denied = CorefKey.of(List.of("ISRMIL"), List.of("PSEREB"), "ASSAULT", "195", "", false);
        assertThat(denied.value()).isNotEqualTo(ATTACK.value());
    }

    @Test
    void aMonthPrecisionReportJoinsADayInThatMonthButADayReportPrefersItsOwnPrecision() {
        DateSpan february = new DateSpan(LocalDate.of(2024, 2, 1), "month", false);
        ClusterAnchor dayCluster = new ClusterAnchor(5, day(6));
        ClusterAnchor monthCluster = new ClusterAnchor(9, february);
        assertThat(COREF.match(february, List.of(dayCluster))).contains(dayCluster);
        assertThat(COREF.match(day(6), List.of(monthCluster, dayCluster))).contains(dayCluster);
        assertThat(COREF.match(new DateSpan(LocalDate.of(2024, 3, 1), "month", false), List.of(dayCluster))).isEmpty();
    }

    @Test
    void anUndatedReportMayReferToTheDaysBeforePublication() {
        DateSpan undated = new DateSpan(LocalDate.of(2024, 2, 8), "day", true);
        assertThat(COREF.match(undated, List.of(new ClusterAnchor(1, day(6))))).isPresent();
        assertThat(COREF.match(day(8), List.of(new ClusterAnchor(1, day(6))))).isEmpty();
    }

    @Test
    void clusterIdsArePositiveAndDependOnlyOnKeyAndFoundingDate() {
        long id = Coreference.clusterId(ATTACK, day(6));
        assertThat(id).isPositive().isEqualTo(Coreference.clusterId(ATTACK, day(6)))
                .isNotEqualTo(Coreference.clusterId(ATTACK, day(7)));
    }
}
