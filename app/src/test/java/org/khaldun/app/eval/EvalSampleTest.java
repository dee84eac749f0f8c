package org.khaldun.app.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class EvalSampleTest {

    private final List<Integer> hundred = IntStream.range(0, 100).boxed().toList();

    @Test
    void aLimitTakesEvenlySpacedItemsSoGroupedLabelsStayMixed() {
        assertThat(EvalSample.sample(hundred, 4)).containsExactly(0, 25, 50, 75);
        assertThat(EvalSample.sample(hundred, 4)).isEqualTo(EvalSample.sample(hundred, 4));
    }

    @Test
    void noLimitOrATooLargeOneTakesEverything() {
        assertThat(EvalSample.sample(hundred, 0)).hasSize(100);
        assertThat(EvalSample.sample(hundred, 500)).hasSize(100);
    }

    @Test
    void theLimitComesFromASystemProperty() {
        String before = System.getProperty(EvalSample.PROPERTY);
        try {
            System.setProperty(EvalSample.PROPERTY, "50");
            assertThat(EvalSample.limit()).isEqualTo(50);
            System.setProperty(EvalSample.PROPERTY, "");
            assertThat(EvalSample.limit()).isZero();
            System.setProperty(EvalSample.PROPERTY, "fifty");
            assertThatThrownBy(EvalSample::limit).hasMessageContaining(EvalSample.PROPERTY);
        } finally {
            if (before == null) {
                System.clearProperty(EvalSample.PROPERTY);
            } else {
                System.setProperty(EvalSample.PROPERTY, before);
            }
        }
    }
}
