package org.khaldun.app;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import org.khaldun.article.InputFormat;
import org.khaldun.article.ReadOptions;
import picocli.CommandLine.Option;

/** How to read the inputs: the options {@code code} and {@code ingest} share, so both read articles alike. */
final class InputOptions {

    @Option(names = "--input-format", paramLabel = "FORMAT",
            description = "text, html, jsonl or feed (default: from each file's extension, else sniffed).")
    InputFormat inputFormat;

    @Option(names = "--published", paramLabel = "YYYY-MM-DD",
            description = "Publication date for articles that carry none (anchors relative dates such as 'On Wednesday').")
    String published;

    @Option(names = "--source", paramLabel = "NAME", description = "Publisher for articles that name none.")
    String source;

    /** @throws IllegalArgumentException for a malformed {@code --published} date */
    ReadOptions readOptions() {
        ReadOptions options = ReadOptions.defaults();
        if (published != null) {
            try {
                options = options.withDefaultPublished(LocalDate.parse(published));
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException("--published must be YYYY-MM-DD, got '" + published + "'");
            }
        }
        if (inputFormat != null) {
            options = options.withFormat(inputFormat);
        }
        if (source != null) {
            options = options.withDefaultSource(source);
        }
        return options;
    }
}
