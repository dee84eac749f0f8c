package org.khaldun.spark;

import java.io.Serializable;

/**
 * One input record on its way to the coder: a JSON-lines line, or a Parquet row rewritten as the same JSON
 * object, so both formats go through one parser ({@link org.khaldun.article.JsonlArticles}) and one set of
 * rules. Records that could not even be read carry the reason instead.
 *
 * @param where      where the record is, for error reports: {@code path:line} or {@code path#row}
 * @param fallbackId article id when the record has none: the file name without extension, a colon, and
 *                   the line (or row) number from 1, as the command line does; stable however the input is
 *                   split into partitions, which keeps event ids stable too
 * @param json       the record as a JSON object, or null when it could not be read
 * @param error      why it could not be read, or null
 */
public record InputRecord(String where, String fallbackId, String json, String error) implements Serializable {

    private static final long serialVersionUID = 1L;

    public static InputRecord ok(String where, String fallbackId, String json) {
        return new InputRecord(where, fallbackId, json, null);
    }

    public static InputRecord failed(String where, String fallbackId, String error) {
        return new InputRecord(where, fallbackId, null, error);
    }
}
