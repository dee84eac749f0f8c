package org.khaldun.spark.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class CpuPinningTest {

    @Test
    void readsTheKernelsCpuListWithRangesAndSingleCpus() {
        assertThat(CpuPinning.parseList(" 0-3,8,10-11\n")).containsExactly(0, 1, 2, 3, 8, 10, 11);
        assertThat(CpuPinning.parseList("5")).containsExactly(5);
    }

    @Test
    void aMasterOfNCoresRunsOnTheFirstNCpusThisProcessMayUse() {
        List<Integer> allowed = CpuPinning.parseList("4-7");
        assertThat(CpuPinning.prefix(allowed, 1)).containsExactly("taskset", "-c", "4");
        assertThat(CpuPinning.prefix(allowed, 2)).containsExactly("taskset", "-c", "4,5");
    }

    @Test
    void aMasterWithMoreCoresThanTheProcessMayUseIsRefusedWithTheReason() {
        assertThatThrownBy(() -> CpuPinning.prefix(List.of(0, 1), 4))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("local[4] needs 4 CPUs, this process may use 2");
    }

    @Test
    void thisProcessMayUseAtLeastOneCpu() {
        assertThat(CpuPinning.allowedCpus()).isNotEmpty();
    }
}
