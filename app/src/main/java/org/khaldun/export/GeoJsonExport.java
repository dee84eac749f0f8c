package org.khaldun.export;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import org.khaldun.output.JsonWriter;
import org.khaldun.store.EventQuery;
import org.khaldun.store.EventStore;
import org.khaldun.store.Location;
import org.khaldun.store.StoredEvent;

/**
 * A GeoJSON FeatureCollection of points: one per real-world event (cluster) with a located place, or one per
 * mention. Events without coordinates are left out (and counted on stderr by the command).
 */
public final class GeoJsonExport {

    private GeoJsonExport() {
    }

    /** Writes the collection; returns {features written, events without coordinates}. */
    public static long[] write(EventStore store, EventQuery q, boolean clusters, Writer w) {
        long[] n = {0, 0};
        try {
            w.write("{\"type\":\"FeatureCollection\",\"features\":[\n");
            if (clusters) {
                store.forEachCluster(q, c -> feature(w, n, c.location().orElse(null), b -> b
                        .field("cluster_id", c.id()).field("date", c.date().toString())
                        .field("actor", c.actorCode()).field("recipient", c.recipientCode())
                        .field("event", c.eventType()).field("cameo", c.cameoCode())
                        .field("quad_class", c.quadClass()).field("goldstein", c.goldstein())
                        .field("num_mentions", c.numMentions()).field("num_articles", c.numArticles())
                        .field("source_url", c.sourceUrl())));
            } else {
                store.forEachEvent(q, ea -> {
                    StoredEvent e = ea.event();
                    feature(w, n, e.location().orElse(null), b -> b
                            .field("id", e.id()).field("cluster_id", e.clusterId()).field("date", e.date().toString())
                            .field("actor", e.actorCode()).field("recipient", e.recipientCode())
                            .field("event", e.eventType()).field("cameo", e.cameoCode())
                            .field("quad_class", e.quadClass()).field("goldstein", e.goldstein())
                            .field("article_id", e.articleId()).field("url", ea.article().url()));
                });
            }
            w.write("\n]}\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return n;
    }

    private static void feature(Writer w, long[] n, Location l, java.util.function.Consumer<JsonWriter> props) {
        if (l == null || Double.isNaN(l.lat()) || Double.isNaN(l.lon())) {
            n[1]++;
            return;
        }
        StringBuilder b = new StringBuilder(400);
        JsonWriter j = new JsonWriter(b);
        j.beginObject().field("type", "Feature");
        j.name("geometry").beginObject().field("type", "Point").name("coordinates").beginArray()
                .value(l.lon()).value(l.lat()).endArray().endObject();
        j.name("properties").beginObject();
        props.accept(j);
        j.field("place", l.name()).field("country", l.countryCode());
        j.endObject().endObject();
        try {
            w.write((n[0] == 0 ? "" : ",\n") + b);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        n[0]++;
    }
}
