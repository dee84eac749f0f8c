package org.khaldun.export;

import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.khaldun.json.Json;
import org.khaldun.store.EventQuery;
import org.khaldun.store.EventStore;
import org.khaldun.store.EventWithArticle;
import org.khaldun.store.Location;
import org.khaldun.store.StoredEvent;

/**
 * POLECAT layout (PLOVER-coded event data): the 40 columns of the POLECAT weekly files in their order. One row per
 * mention. Mapping and empty columns in docs/exports.md.
 */
public final class PolecatExport {

    public static final List<String> COLUMNS = List.of("Event ID", "Event Date", "Event Type", "Event Mode",
            "Event Intensity", "Quad Code", "Contexts", "Actor Name", "Actor Country", "Actor COW",
            "Primary Actor Sector", "Actor Sectors", "Actor Title", "Actor Name Raw", "Wikipedia Actor ID",
            "Recipient Name", "Recipient Country", "Recipient COW", "Primary Recipient Sector", "Recipient Sectors",
            "Recipient Title", "Recipient Name Raw", "Wikipedia Recipient ID", "Placename", "City", "District",
            "Province", "Country", "Latitude", "Longitude", "GeoNames ID", "Raw Placename", "Feature Type", "Source",
            "Publication Date", "Story People", "Story Organizations", "Story Locations", "Language", "Version");

    private PolecatExport() {
    }

    public static long write(EventStore store, EventQuery q, Writer w, boolean header) {
        if (header) {
            Tsv.row(w, COLUMNS, COLUMNS.size());
        }
        long[] n = {0};
        store.forEachEvent(q, ea -> {
            Tsv.row(w, row(ea), COLUMNS.size());
            n[0]++;
        });
        return n[0];
    }

    static List<String> row(EventWithArticle ea) {
        StoredEvent e = ea.event();
        Map<String, Object> json = Json.parseObject(e.json());
        List<String> r = new ArrayList<>(COLUMNS.size());
        r.add(e.id());
        r.add(e.date().toString());
        r.add(e.eventType());
        r.add(e.mode());
        r.add(Tsv.num(e.goldstein()));
        r.add(Integer.toString(e.quadClass()));
        r.add(json.get("context") instanceof List<?> l ? String.join(";", l.stream().map(Object::toString).toList()) : "");
        // Actor Name … Wikipedia Actor ID
        party(r, e.actorCode(), e.actorText(), e.actorCountry(), e.actorSector(), e.actorCodes());
        party(r, e.recipientCode(), e.recipientText(), e.recipientCountry(), e.recipientSector(), e.recipientCodes());
        Location l = e.location().orElse(null);
        boolean city = l != null && l.geonamesId() != 0;
        r.add(l == null ? "" : l.name());
        r.add(city ? l.name() : "");
        r.add("");
        r.add(l == null ? "" : l.admin1());
        r.add(l == null ? "" : l.countryCode());
        r.add(l == null || Double.isNaN(l.lat()) ? "" : Double.toString(l.lat()));
        r.add(l == null || Double.isNaN(l.lon()) ? "" : Double.toString(l.lon()));
        r.add(l == null || l.geonamesId() == 0 ? "" : Long.toString(l.geonamesId()));
        r.add(l == null ? "" : l.name());
        r.add("");
        r.add(ea.article().source());
        r.add(ea.article().published().map(Object::toString).orElse(""));
        r.add("");
        r.add("");
        r.add("");
        r.add("en");
        r.add(e.codebook());
        return r;
    }

    /** Name, Country, COW, Primary Sector, Sectors, Title, Name Raw, Wikipedia ID. */
    private static void party(List<String> r, String code, String text, String country, String sector, String codes) {
        r.add(code);
        r.add(country);
        r.add("");
        r.add(sector);
        r.add(IcewsExport.sectors(codes, country, sector).replace(',', ';'));
        r.add("");
        r.add(text);
        r.add("");
    }
}
