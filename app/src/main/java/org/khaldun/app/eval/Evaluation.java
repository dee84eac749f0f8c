package org.khaldun.app.eval;

import java.io.PrintStream;
import java.nio.file.Path;

/**
 * One accuracy evaluation against an annotated data set. {@code ./khaldun evaluate NAME [--data DIR]} runs it and
 * prints its report (Markdown) to stdout; EVALUATION.md quotes these reports with the command that made them.
 */
public interface Evaluation {

    /** Command-line name, e.g. {@code petrarch}, {@code tempeval}. */
    String name();

    /** One line for {@code ./khaldun evaluate --help}. */
    String description();

    /** Default data location, relative to the shared data folder (e.g. {@code petrarch-conformance}). */
    String defaultDataFolder();

    /**
     * Runs the evaluation on the data in {@code data}; progress to {@code progress}; returns the report as Markdown.
     *
     * @throws Exception when the data cannot be read; the message names the file
     */
    String run(Path data, PrintStream progress) throws Exception;
}
