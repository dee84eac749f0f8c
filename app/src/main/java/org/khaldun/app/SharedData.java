package org.khaldun.app;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where the team's read-only evaluation data lives. Only evaluation and benchmark commands look for it;
 * coding never does.
 */
public final class SharedData {

    private SharedData() {
    }

    /** {@code -Dkhaldun.shared}, else {@code $KHALDUN_SHARED}, else {@code ../shared} beside the working directory. */
    public static Path root() {
        String p = System.getProperty("khaldun.shared");
        if (p == null || p.isBlank()) {
            p = System.getenv("KHALDUN_SHARED");
        }
        if (p == null || p.isBlank()) {
            p = "../shared";
        }
        return Path.of(p);
    }

    /** A folder of {@code shared/data}, failing with a message that says how to point at it. */
    public static Path data(String folder) {
        Path d = root().resolve("data").resolve(folder);
        if (!Files.exists(d)) {
            throw new IllegalStateException("evaluation data not found at " + d.toAbsolutePath()
                    + " (set -Dkhaldun.shared or KHALDUN_SHARED to the shared folder, or pass --data)");
        }
        return d;
    }
}
