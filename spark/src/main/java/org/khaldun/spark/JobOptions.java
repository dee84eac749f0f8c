package org.khaldun.spark;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * What {@link CodeJob} is asked to do.
 *
 * @param input        articles: a file, a folder or a glob, on any Hadoop file system
 * @param output       folder receiving {@code events/}, {@code mentions/}, {@code report.json} (and
 *                     {@code errors/} unless {@code errors} says otherwise)
 * @param format       input format
 * @param errors       where records that could not be coded go
 * @param errorsFormat {@code jsonl} (default: small, read by people) or {@code parquet}
 * @param partitions   repartition the articles into this many partitions before coding; 0 (default): as
 *                     many as the input has splits, but at least twice the cluster's cores
 *                     ({@code spark.default.parallelism}), so that a few large or compressed files (a gzip
 *                     file is one split) still keep every core busy
 * @param overwrite    replace existing outputs instead of refusing to start
 * @param published    publication date for articles whose input gives none (anchors "on Wednesday")
 */
public record JobOptions(String input, String output, Format format, String errors, Format errorsFormat,
                         int partitions, boolean overwrite, Optional<LocalDate> published) {

    public enum Format {
        JSONL, PARQUET;

        static Format parse(String s) {
            return switch (s.toLowerCase(Locale.ROOT)) {
                case "jsonl", "json" -> JSONL;
                case "parquet" -> PARQUET;
                default -> throw new IllegalArgumentException("unknown format \"" + s + "\" (want jsonl or parquet)");
            };
        }
    }

    public static final String USAGE = """
            usage: spark-submit --class org.khaldun.spark.CodeJob khaldun-spark-all.jar \\
                     --input PATH --output PATH [--format jsonl|parquet] [--errors PATH]
                     [--errors-format jsonl|parquet] [--partitions N] [--published YYYY-MM-DD] [--overwrite]
            """;

    public JobOptions {
        Objects.requireNonNull(input, "input");
        Objects.requireNonNull(output, "output");
        Objects.requireNonNull(format, "format");
        errors = errors == null ? stripSlash(output) + "/errors" : errors;
        errorsFormat = errorsFormat == null ? Format.JSONL : errorsFormat;
        if (partitions < 0) {
            throw new IllegalArgumentException("--partitions must be 0 or more: " + partitions);
        }
        published = published == null ? Optional.empty() : published;
    }

    public String eventsPath() {
        return stripSlash(output) + "/events";
    }

    public String mentionsPath() {
        return stripSlash(output) + "/mentions";
    }

    public String reportPath() {
        return stripSlash(output) + "/report.json";
    }

    /**
     * Command-line arguments ({@code --name value} or {@code --name=value}).
     *
     * @throws IllegalArgumentException with a message for the user
     */
    public static JobOptions parse(String... args) {
        String input = null;
        String output = null;
        String format = null;
        String errors = null;
        String errorsFormat = null;
        int partitions = 0;
        boolean overwrite = false;
        LocalDate published = null;
        for (int i = 0; i < args.length; i++) {
            String name = args[i];
            String value = null;
            int eq = name.indexOf('=');
            if (name.startsWith("--") && eq > 0) {
                value = name.substring(eq + 1);
                name = name.substring(0, eq);
            }
            if (name.equals("--overwrite")) {
                overwrite = true;
                continue;
            }
            if (value == null) {
                if (i + 1 >= args.length) {
                    throw new IllegalArgumentException(name + " needs a value");
                }
                value = args[++i];
            }
            switch (name) {
                case "--input" -> input = value;
                case "--output" -> output = value;
                case "--format" -> format = value;
                case "--errors" -> errors = value;
                case "--errors-format" -> errorsFormat = value;
                case "--partitions" -> {
                    try {
                        partitions = Integer.parseInt(value);
                    } catch (NumberFormatException e) {
                        throw new IllegalArgumentException("--partitions must be a number: " + value);
                    }
                }
                case "--published" -> {
                    try {
                        published = LocalDate.parse(value);
                    } catch (DateTimeParseException e) {
                        throw new IllegalArgumentException("--published must be YYYY-MM-DD: " + value);
                    }
                }
                default -> throw new IllegalArgumentException("unknown option " + name);
            }
        }
        if (input == null || output == null) {
            throw new IllegalArgumentException("--input and --output are required");
        }
        Format f = format != null ? Format.parse(format)
                : stripSlash(input).toLowerCase(Locale.ROOT).endsWith(".parquet") ? Format.PARQUET : Format.JSONL;
        return new JobOptions(input, output, f, errors, errorsFormat == null ? null : Format.parse(errorsFormat),
                partitions, overwrite, Optional.ofNullable(published));
    }

    private static String stripSlash(String p) {
        return p.length() > 1 && p.endsWith("/") ? p.substring(0, p.length() - 1) : p;
    }
}
