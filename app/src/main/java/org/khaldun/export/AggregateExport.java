package org.khaldun.export;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.List;
import org.khaldun.output.JsonWriter;
import org.khaldun.store.AggregateRequest;
import org.khaldun.store.AggregateRow;
import org.khaldun.store.EventStore;

/** Dyad × period counts by group with Goldstein sum and mean, as TSV (with header) or JSON lines. */
public final class AggregateExport {

    public static final List<String> COLUMNS = List.of("actor", "recipient", "period", "group", "count",
            "goldstein_sum", "goldstein_mean");

    private AggregateExport() {
    }

    public static long write(EventStore store, AggregateRequest req, Writer w, boolean json) {
        List<AggregateRow> rows = store.aggregate(req);
        if (!json) {
            Tsv.row(w, COLUMNS, COLUMNS.size());
        }
        for (AggregateRow a : rows) {
            if (json) {
                StringBuilder b = new StringBuilder(160);
                new JsonWriter(b).beginObject().field("actor", a.actor()).field("recipient", a.recipient())
                        .field("period", a.period().toString()).field("group", a.group()).field("count", a.count())
                        .field("goldstein_sum", a.goldsteinSum()).field("goldstein_mean", a.goldsteinMean())
                        .endObject();
                try {
                    w.write(b.append('\n').toString());
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            } else {
                Tsv.row(w, List.of(a.actor(), a.recipient(), a.period().toString(), a.group(),
                        Long.toString(a.count()), Tsv.num(a.goldsteinSum()), Tsv.num(a.goldsteinMean())), COLUMNS.size());
            }
        }
        return rows.size();
    }
}
