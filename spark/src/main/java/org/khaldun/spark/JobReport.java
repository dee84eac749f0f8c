package org.khaldun.spark;

import org.khaldun.output.JsonWriter;

/**
 * What a run did, printed and written as {@code report.json} next to the events.
 *
 * @param articlesRead    input records (blank lines not counted)
 * @param articlesCoded   records that became articles and went through the coder
 * @param articlesFailed  records in the error output
 * @param eventsWritten   rows written to {@code events/}
 * @param mentionsWritten rows written to {@code mentions/}
 * @param tokens          tokens in the coded articles
 * @param codingCpuSeconds CPU time of the coding threads, summed over executors (excludes Spark's own work
 *                        and model loading): divide by articles for the cost of one article on one core
 * @param wallSeconds     from reading to the last write, as the driver saw it
 * @param partitions      partitions the articles were coded in
 */
public record JobReport(String input, String output, String errors, long articlesRead, long articlesCoded,
                        long articlesFailed, long eventsWritten, long mentionsWritten, long tokens,
                        double codingCpuSeconds, double wallSeconds, int partitions) {

    /** CPU milliseconds per coded article, the figure that scales to a cluster (articles per core-day). */
    public double cpuMillisPerArticle() {
        return articlesCoded == 0 ? 0 : codingCpuSeconds * 1000 / articlesCoded;
    }

    public String toJson() {
        StringBuilder b = new StringBuilder(512);
        new JsonWriter(b).beginObject()
                .field("input", input)
                .field("output", output)
                .field("errors", errors)
                .field("articles_read", articlesRead)
                .field("articles_coded", articlesCoded)
                .field("articles_failed", articlesFailed)
                .field("events_written", eventsWritten)
                .field("mentions_written", mentionsWritten)
                .field("tokens", tokens)
                .field("partitions", partitions)
                .field("coding_cpu_seconds", round(codingCpuSeconds))
                .field("cpu_ms_per_article", round(cpuMillisPerArticle()))
                .field("wall_seconds", round(wallSeconds))
                .endObject();
        return b.toString();
    }

    private static double round(double d) {
        return Math.round(d * 1000) / 1000.0;
    }
}
