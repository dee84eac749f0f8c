package org.khaldun.app;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** The benchmark's switches do what their names say. */
class BenchOptionsTest {

    private static BenchCommand parse(String... args) {
        BenchCommand bench = new BenchCommand();
        new CommandLine(bench).setCaseInsensitiveEnumValuesAllowed(true).parseArgs(args);
        return bench;
    }

    @Test
    void theFilterCheckRunsUnlessSwitchedOff() {
        assertThat(parse().filterCheck).isTrue();
        assertThat(parse("--no-filter-check").filterCheck).isFalse();
        assertThat(parse("--filter-check").filterCheck).isTrue();
    }
}
