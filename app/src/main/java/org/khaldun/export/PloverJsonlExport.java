package org.khaldun.export;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import org.khaldun.store.EventQuery;
import org.khaldun.store.EventStore;

/** The canonical event JSON lines (docs/output-schema.md), exactly as {@code khaldun code} wrote them. */
public final class PloverJsonlExport {

    private PloverJsonlExport() {
    }

    public static long write(EventStore store, EventQuery q, Writer w) {
        long[] n = {0};
        store.forEachEvent(q, ea -> {
            try {
                w.write(ea.event().json());
                w.write('\n');
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            n[0]++;
        });
        return n[0];
    }
}
