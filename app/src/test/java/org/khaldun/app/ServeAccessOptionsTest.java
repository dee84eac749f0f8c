package org.khaldun.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How serve's options and environment decide who may write and read. */
class ServeAccessOptionsTest {

    @TempDir
    Path dir;

    @Test
    void withoutTokenFileOrEnvironmentTheServerIsReadOnly() {
        var a = ServeCommand.access(null, null, "open");
        assertThat(a.writesEnabled()).isFalse();
        assertThat(a.token()).isEmpty();
        assertThat(ServeCommand.access(null, "   ", "open").writesEnabled()).isFalse();
    }

    @Test
    void theTokenFileWinsOverTheEnvironmentAndIsTrimmed() throws Exception {
        Path f = Files.writeString(dir.resolve("token"), "from-the-file-0123456789\n");
        assertThat(ServeCommand.access(f, "from-the-environment-0123", "open").token()).hasValue("from-the-file-0123456789");
        assertThat(ServeCommand.access(null, "from-the-environment-0123", "token").readsNeedToken()).isTrue();
    }

    @Test
    void badTokensAndSettingsAreUsageErrors() throws Exception {
        assertThatThrownBy(() -> ServeCommand.access(Files.writeString(dir.resolve("short"), "abc"), null, "open"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ServeCommand.access(dir.resolve("missing"), null, "open"))
                .hasMessageContaining("cannot read");
        assertThatThrownBy(() -> ServeCommand.access(null, null, "token")).hasMessageContaining("needs a token");
        assertThatThrownBy(() -> ServeCommand.access(null, "x".repeat(20), "closed")).hasMessageContaining("--reads");
        CliRun run = CliRun.run("serve", "--db", dir.resolve("k.duckdb").toString(), "--reads", "token", "--port", "0");
        assertThat(run.exitCode()).isEqualTo(Main.EXIT_USAGE);
    }
}
