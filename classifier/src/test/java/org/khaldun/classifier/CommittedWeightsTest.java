package org.khaldun.classifier;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The weights committed as a resource load, fit this Khaldun's classes and embedder, and are small. */
class CommittedWeightsTest {

    @Test
    void theCommittedWeightsLoadWithAVersionAndAHash() {
        ClassifierWeights w = ClassifierWeights.builtin();
        assertThat(w.version()).matches("\\d{4}\\.\\d+\\.\\d+");
        assertThat(w.id()).matches("\\d{4}\\.\\d+\\.\\d+\\+[0-9a-f]{12}");
        assertThat(w.classes()).isEqualTo(EventClasses.ALL.stream().map(EventClass::name).toList());
        assertThat(w.modes()).isEqualTo(EventClasses.modes());
        assertThat(w.embedder()).isEqualTo(SentenceEmbedder.MODEL_ID);
        assertThat(w.training()).contains("train split");
        assertThat(w.toBytes().length).isLessThan(4 << 20);
    }

    @Test
    void theBuiltinClassifierTellsAnAttackFromASportsResult() {
        PloverClassifier c = PloverClassifier.builtin();
        Opinion attack = c.classify("Israeli warplanes bombed Hamas positions in Gaza on Monday, killing three.");
        assertThat(attack.bestClass().ploverType()).isEqualTo("ASSAULT");
        Opinion sport = c.classify("Wales beat England 24-18 at the Millennium Stadium on Saturday.");
        assertThat(sport.ofType("ASSAULT")).isLessThan(attack.ofType("ASSAULT"));
    }
}
