package org.khaldun.export;

import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import org.khaldun.codebook.CameoCode;
import org.khaldun.codebook.Codebook;
import org.khaldun.codebook.TableCodebook;
import org.khaldun.store.EventQuery;
import org.khaldun.store.EventStore;
import org.khaldun.store.EventWithArticle;
import org.khaldun.store.Location;
import org.khaldun.store.StoredEvent;

/**
 * ICEWS coded event data layout: the 20 columns of the ICEWS event files in their order, plus the article URL as
 * a 21st column. One row per mention, as ICEWS rows are per story sentence. Mapping in docs/exports.md.
 */
public final class IcewsExport {

    public static final List<String> COLUMNS = List.of("Event ID", "Event Date", "Source Name", "Source Sectors",
            "Source Country", "Event Text", "CAMEO Code", "Intensity", "Target Name", "Target Sectors",
            "Target Country", "Story ID", "Sentence Number", "Publisher", "City", "District", "Province", "Country",
            "Latitude", "Longitude", "URL");

    private IcewsExport() {
    }

    public static long write(EventStore store, EventQuery q, Writer w, boolean header) {
        Codebook codebook = TableCodebook.builtin();
        if (header) {
            Tsv.row(w, COLUMNS, COLUMNS.size());
        }
        long[] n = {0};
        store.forEachEvent(q, ea -> {
            Tsv.row(w, row(ea, codebook), COLUMNS.size());
            n[0]++;
        });
        return n[0];
    }

    static List<String> row(EventWithArticle ea, Codebook codebook) {
        StoredEvent e = ea.event();
        List<String> r = new ArrayList<>(COLUMNS.size());
        r.add(e.id());
        r.add(e.date().toString());
        r.add(e.actorText());
        r.add(sectors(e.actorCodes(), e.actorCountry(), e.actorSector()));
        r.add(e.actorCountry());
        r.add(codebook.cameo(e.cameoCode()).map(CameoCode::label).orElse(""));
        r.add(e.cameoCode());
        r.add(Tsv.num(e.goldstein()));
        r.add(e.recipientText());
        r.add(sectors(e.recipientCodes(), e.recipientCountry(), e.recipientSector()));
        r.add(e.recipientCountry());
        r.add(e.articleId());
        r.add(Integer.toString(e.sentenceIndex() + 1));
        r.add(ea.article().source());
        Location l = e.location().orElse(null);
        boolean city = l != null && l.geonamesId() != 0;
        r.add(city ? l.name() : "");
        r.add("");
        r.add(l == null ? "" : l.admin1());
        r.add(l == null ? "" : l.countryCode());
        r.add(l == null || Double.isNaN(l.lat()) ? "" : Double.toString(l.lat()));
        r.add(l == null || Double.isNaN(l.lon()) ? "" : Double.toString(l.lon()));
        r.add(ea.article().url());
        return r;
    }

    /** The role codes after the country of the first actor code, comma-separated ("GOV,MIL"). */
    static String sectors(String codes, String country, String sector) {
        String first = codes.contains(";") ? codes.substring(0, codes.indexOf(';')) : codes;
        String roles = first.startsWith(country) ? first.substring(country.length()) : "";
        if (roles.isEmpty()) {
            return sector;
        }
        List<String> parts = new ArrayList<>();
        for (int i = 0; i + 3 <= roles.length(); i += 3) {
            parts.add(roles.substring(i, i + 3));
        }
        return String.join(",", parts);
    }
}
