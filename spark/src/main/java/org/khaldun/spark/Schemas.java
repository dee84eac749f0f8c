package org.khaldun.spark;

import static org.apache.spark.sql.types.DataTypes.BooleanType;
import static org.apache.spark.sql.types.DataTypes.DateType;
import static org.apache.spark.sql.types.DataTypes.DoubleType;
import static org.apache.spark.sql.types.DataTypes.IntegerType;
import static org.apache.spark.sql.types.DataTypes.LongType;
import static org.apache.spark.sql.types.DataTypes.StringType;
import static org.apache.spark.sql.types.DataTypes.createArrayType;
import static org.apache.spark.sql.types.DataTypes.createStructField;
import static org.apache.spark.sql.types.DataTypes.createStructType;

import java.util.List;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * The tables the job writes. Column names follow the JSON schema ({@code docs/output-schema.md}); nested
 * objects are flattened where an analyst filters on them ({@code cameo_code}, {@code negated},
 * {@code trigger_start}) and the full canonical event line is kept in {@code json}. Names are a contract:
 * add, never rename.
 */
public final class Schemas {

    private Schemas() {
    }

    public static final StructType ACTOR = createStructType(List.of(
            field("text", StringType, false),
            field("code", StringType, false),
            field("country", StringType, false),
            field("sector", StringType, false),
            field("start", IntegerType, false),
            field("end", IntegerType, false)));

    /** One row per event; written partitioned by {@code date}. */
    public static final StructType EVENT = createStructType(List.of(
            field("id", StringType, false),
            field("article_id", StringType, false),
            field("date", DateType, true),
            field("date_value", StringType, false),
            field("date_precision", StringType, false),
            field("date_modifier", StringType, false),
            field("date_text", StringType, false),
            field("date_from_publication", BooleanType, false),
            field("published", DateType, true),
            field("actor", createArrayType(ACTOR, false), false),
            field("recipient", createArrayType(ACTOR, false), false),
            field("event", StringType, false),
            field("mode", StringType, false),
            field("context", createArrayType(StringType, false), false),
            field("cameo_code", StringType, false),
            field("goldstein", DoubleType, false),
            field("quad_class", IntegerType, false),
            field("negated", BooleanType, false),
            field("hypothetical", BooleanType, false),
            field("future", BooleanType, false),
            field("sentence_index", IntegerType, false),
            field("sentence_start", IntegerType, false),
            field("sentence_end", IntegerType, false),
            field("trigger", StringType, false),
            field("trigger_start", IntegerType, false),
            field("trigger_end", IntegerType, false),
            field("sentence", StringType, false),
            field("explanation", StringType, false),
            field("codebook", StringType, false),
            field("url", StringType, false),
            field("publisher", StringType, false),
            field("json", StringType, false)));

    /**
     * One row per span of text an event rests on: its trigger, each actor, each recipient. Offsets are
     * characters of the article text, as in the JSON output, so a viewer can highlight them.
     */
    public static final StructType MENTION = createStructType(List.of(
            field("event_id", StringType, false),
            field("article_id", StringType, false),
            field("sentence_index", IntegerType, false),
            field("role", StringType, false),
            field("text", StringType, false),
            field("code", StringType, false),
            field("start", IntegerType, false),
            field("end", IntegerType, false)));

    /** Records that could not be coded; the job goes on without them. */
    public static final StructType ERROR = createStructType(List.of(
            field("record_id", StringType, false),
            field("where", StringType, false),
            field("reason", StringType, false)));

    /** What coding one input record gave: its events and mentions, or why it failed. Kept between stages only. */
    public static final StructType RESULT = createStructType(List.of(
            field("record_id", StringType, false),
            field("where", StringType, false),
            field("error", StringType, true),
            field("events", createArrayType(EVENT, false), false),
            field("mentions", createArrayType(MENTION, false), false),
            field("tokens", LongType, false),
            field("cpu_nanos", LongType, false)));

    private static StructField field(String name, org.apache.spark.sql.types.DataType type, boolean nullable) {
        return createStructField(name, type, nullable);
    }
}
