package org.khaldun.fuzz;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;

/** The generated cases are reproducible, and a failing one says how to get it back. */
class FuzzTest {

    @Test
    void theSameSeedDrawsTheSameCase() {
        Fuzz.Gen a = new Fuzz.Gen(42);
        Fuzz.Gen b = new Fuzz.Gen(42);
        assertThat(a.bytes(100)).isEqualTo(b.bytes(100));
        assertThat(a.string(50)).isEqualTo(b.string(50));
        assertThat(a.list(0, 10, () -> a.between(0, 9))).isEqualTo(b.list(0, 10, () -> b.between(0, 9)));
    }

    @Test
    void casesAreNamedByFamilyIndexAndSeed() {
        List<String> names = Fuzz.cases("sample", 3, 500, g -> { }).map(DynamicTest::getDisplayName).toList();
        assertThat(names).containsExactly("sample #0 seed=500", "sample #1 seed=501", "sample #2 seed=502");
    }

    @Test
    void aFailingCaseNamesItsSeed() {
        Stream<DynamicTest> cases = Fuzz.cases("sample", 3, 500, g -> assertThat(g.between(0, 0)).isEqualTo(1));
        DynamicTest second = cases.skip(1).findFirst().orElseThrow();
        assertThatThrownBy(() -> second.getExecutable().execute()).isInstanceOf(AssertionError.class)
                .hasMessageStartingWith("sample case #1 (seed 501) failed: ");
    }

    @Test
    void sizesReachBothEnds() {
        Fuzz.Gen g = new Fuzz.Gen(7);
        List<Integer> sizes = g.list(200, 200, () -> g.size(3, 9));
        assertThat(sizes).contains(3, 9).allSatisfy(n -> assertThat(n).isBetween(3, 9));
    }
}
