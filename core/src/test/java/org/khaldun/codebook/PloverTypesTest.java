package org.khaldun.codebook;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PloverTypesTest {

    @Test
    void ploverHasSixteenEventTypes() {
        assertThat(PloverTypes.ALL).hasSize(16).doesNotHaveDuplicates()
                .startsWith("AGREE", "CONSULT").endsWith("COERCE", "ASSAULT");
    }

    @Test
    void modesBelongToTheirType() {
        assertThat(PloverTypes.isValidMode("ASSAULT", "aerial")).isTrue();
        assertThat(PloverTypes.isValidMode("ASSAULT", "visit")).isFalse();
        assertThat(PloverTypes.isValidMode("CONSULT", "visit")).isTrue();
        assertThat(PloverTypes.isValidMode("PROTEST", "strike")).isTrue();
        assertThat(PloverTypes.isValidMode("AGREE", "")).as("no mode is always allowed").isTrue();
        assertThat(PloverTypes.modes("AGREE")).isEmpty();
    }

    @Test
    void typesAreUpperCaseAsPloverWritesThem() {
        assertThat(PloverTypes.isType("ASSAULT")).isTrue();
        assertThat(PloverTypes.isType("assault")).isFalse();
        assertThat(PloverTypes.isType("FIGHT")).isFalse();
        assertThat(PloverTypes.isType(null)).isFalse();
    }
}
