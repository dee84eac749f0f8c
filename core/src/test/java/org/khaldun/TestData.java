package org.khaldun;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The team's shared, read-only data ({@code ../shared/data}, or {@code -Dkhaldun.shared}). CI has it; a clone without
 * it skips the tests that read it instead of failing on a missing file.
 */
public final class TestData {

    private TestData() {
    }

    /** The founding example article, "Iraq, Iran discuss withdrawal of US forces" (published 2024-02-08). */
    public static Path exampleArticle() {
        Path file = Path.of(System.getProperty("khaldun.shared", "../../shared"), "data", "examples",
                "iraq-iran-us-forces.txt");
        assumeTrue(Files.exists(file), "shared data not available: " + file);
        return file;
    }
}
