package org.khaldun.export;

import java.io.Writer;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.khaldun.json.Json;
import org.khaldun.store.EventCluster;
import org.khaldun.store.EventQuery;
import org.khaldun.store.EventStore;
import org.khaldun.store.EventWithArticle;
import org.khaldun.store.Location;
import org.khaldun.store.StoredEvent;

/**
 * GDELT 2.0 Event Database files: the Events table (one row per real-world event, i.e. cluster, 61 columns) and
 * the Mentions table (one row per mention, 16 columns), tab-separated, in GDELT's column order. The mapping and
 * what stays empty is documented in docs/exports.md.
 */
public final class GdeltExport {

    public static final List<String> EVENT_COLUMNS = List.of(
            "GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate",
            "Actor1Code", "Actor1Name", "Actor1CountryCode", "Actor1KnownGroupCode", "Actor1EthnicCode",
            "Actor1Religion1Code", "Actor1Religion2Code", "Actor1Type1Code", "Actor1Type2Code", "Actor1Type3Code",
            "Actor2Code", "Actor2Name", "Actor2CountryCode", "Actor2KnownGroupCode", "Actor2EthnicCode",
            "Actor2Religion1Code", "Actor2Religion2Code", "Actor2Type1Code", "Actor2Type2Code", "Actor2Type3Code",
            "IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass", "GoldsteinScale",
            "NumMentions", "NumSources", "NumArticles", "AvgTone",
            "Actor1Geo_Type", "Actor1Geo_FullName", "Actor1Geo_CountryCode", "Actor1Geo_ADM1Code",
            "Actor1Geo_ADM2Code", "Actor1Geo_Lat", "Actor1Geo_Long", "Actor1Geo_FeatureID",
            "Actor2Geo_Type", "Actor2Geo_FullName", "Actor2Geo_CountryCode", "Actor2Geo_ADM1Code",
            "Actor2Geo_ADM2Code", "Actor2Geo_Lat", "Actor2Geo_Long", "Actor2Geo_FeatureID",
            "ActionGeo_Type", "ActionGeo_FullName", "ActionGeo_CountryCode", "ActionGeo_ADM1Code",
            "ActionGeo_ADM2Code", "ActionGeo_Lat", "ActionGeo_Long", "ActionGeo_FeatureID",
            "DATEADDED", "SOURCEURL");

    public static final List<String> MENTION_COLUMNS = List.of(
            "GLOBALEVENTID", "EventTimeDate", "MentionTimeDate", "MentionType", "MentionSourceName",
            "MentionIdentifier", "SentenceID", "Actor1CharOffset", "Actor2CharOffset", "ActionCharOffset",
            "InRawText", "Confidence", "MentionDocLen", "MentionDocTone", "MentionDocTranslationInfo", "Extras");

    static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMddHHmmss").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter DAY = DateTimeFormatter.BASIC_ISO_DATE;

    private GdeltExport() {
    }

    /** One Events row per cluster with a mention matching the query; returns the row count. */
    public static long writeEvents(EventStore store, EventQuery q, Writer w, boolean header) {
        if (header) {
            Tsv.row(w, EVENT_COLUMNS, EVENT_COLUMNS.size());
        }
        long[] n = {0};
        store.forEachCluster(q, c -> {
            Tsv.row(w, eventRow(c), EVENT_COLUMNS.size());
            n[0]++;
        });
        return n[0];
    }

    static List<String> eventRow(EventCluster c) {
        List<String> r = new ArrayList<>(61);
        LocalDate d = c.date();
        r.add(Long.toString(c.id()));
        r.add(d.format(DAY));
        r.add(String.format("%04d%02d", d.getYear(), d.getMonthValue()));
        r.add(Integer.toString(d.getYear()));
        r.add(String.format(java.util.Locale.ROOT, "%.4f", d.getYear() + d.getDayOfYear() / 365.0));
        actor(r, c.actorCode(), c.actorText(), c.actorCountry(), c.actorSector());
        actor(r, c.recipientCode(), c.recipientText(), c.recipientCountry(), c.recipientSector());
        r.add(c.representativeSentence() <= 1 ? "1" : "0");
        String code = c.cameoCode();
        r.add(code);
        r.add(code.length() > 3 ? code.substring(0, 3) : code);
        r.add(c.cameoRoot());
        r.add(Integer.toString(c.quadClass()));
        r.add(Tsv.num(c.goldstein()));
        r.add(Integer.toString(c.numMentions()));
        r.add(Integer.toString(c.numSources()));
        r.add(Integer.toString(c.numArticles()));
        r.add("0");
        emptyGeo(r); // Actor1Geo: Khaldun does not locate actors, only events
        emptyGeo(r); // Actor2Geo
        geo(r, c.location().orElse(null));
        r.add(c.firstSeen() == null ? "" : STAMP.format(c.firstSeen()));
        r.add(c.sourceUrl());
        return r;
    }

    /** Code, Name, CountryCode, KnownGroupCode, EthnicCode, Religion1Code, Religion2Code, Type1..3Code. */
    private static void actor(List<String> r, String code, String name, String country, String sector) {
        r.add(code);
        r.add(name == null ? "" : name.toUpperCase(java.util.Locale.ROOT));
        r.add(country);
        // IGOUNO, NGOHRW: the organisation after the IGO/NGO prefix is GDELT's known group code
        boolean group = country.isEmpty() && (code.startsWith("IGO") || code.startsWith("NGO")) && code.length() >= 6;
        r.add(group ? code.substring(3, 6) : "");
        r.add("");
        r.add("");
        r.add("");
        String roles = code.length() > (group ? 6 : 3) ? code.substring(group ? 6 : 3) : "";
        r.add(!sector.isEmpty() ? sector : part(roles, 0));
        r.add(!sector.isEmpty() && roles.startsWith(sector) ? part(roles, 1) : part(roles, sector.isEmpty() ? 1 : 0));
        r.add(!sector.isEmpty() && roles.startsWith(sector) ? part(roles, 2) : part(roles, sector.isEmpty() ? 2 : 1));
    }

    private static String part(String roles, int i) {
        int from = i * 3;
        return roles.length() >= from + 3 ? roles.substring(from, from + 3) : "";
    }

    private static void emptyGeo(List<String> r) {
        for (int i = 0; i < 8; i++) {
            r.add("");
        }
    }

    /** Type, FullName, CountryCode, ADM1Code, ADM2Code, Lat, Long, FeatureID. */
    static void geo(List<String> r, Location l) {
        if (l == null) {
            emptyGeo(r);
            return;
        }
        boolean us = l.countryCode().equals("USA");
        boolean country = l.admin1().isEmpty() && l.geonamesId() == 0;
        boolean state = !l.admin1().isEmpty() && l.geonamesId() == 0;
        r.add(country ? "1" : state ? (us ? "2" : "5") : (us ? "3" : "4"));
        StringBuilder full = new StringBuilder(l.name());
        if (!l.admin1().isEmpty() && !l.admin1().equals(l.name())) {
            full.append(", ").append(l.admin1());
        }
        r.add(full.toString());
        r.add(l.countryCode());
        r.add(l.admin1());
        r.add("");
        r.add(Double.isNaN(l.lat()) ? "" : Double.toString(l.lat()));
        r.add(Double.isNaN(l.lon()) ? "" : Double.toString(l.lon()));
        r.add(l.geonamesId() == 0 ? "" : Long.toString(l.geonamesId()));
    }

    /** One Mentions row per mention matching the query; returns the row count. */
    public static long writeMentions(EventStore store, EventQuery q, Writer w, boolean header) {
        if (header) {
            Tsv.row(w, MENTION_COLUMNS, MENTION_COLUMNS.size());
        }
        long[] n = {0};
        store.forEachEvent(q, ea -> {
            Tsv.row(w, mentionRow(ea), MENTION_COLUMNS.size());
            n[0]++;
        });
        return n[0];
    }

    static List<String> mentionRow(EventWithArticle ea) {
        StoredEvent e = ea.event();
        Map<String, Object> json = Json.parseObject(e.json());
        List<String> r = new ArrayList<>(16);
        r.add(Long.toString(e.clusterId()));
        Instant first = ea.clusterFirstSeen() == null ? ea.article().ingestedAt() : ea.clusterFirstSeen();
        r.add(first == null ? "" : STAMP.format(first));
        r.add(ea.article().ingestedAt() == null ? "" : STAMP.format(ea.article().ingestedAt()));
        r.add("1");
        r.add(!ea.article().source().isEmpty() ? ea.article().source() : host(ea.article().url()));
        r.add(!ea.article().url().isEmpty() ? ea.article().url() : ea.article().id());
        r.add(Integer.toString(e.sentenceIndex() + 1));
        r.add(offset(json.get("actor")));
        r.add(offset(json.get("recipient")));
        r.add(json.get("text_info") instanceof Map<?, ?> ti && ti.get("trigger_start") instanceof Number n
                ? Long.toString(n.longValue()) : "-1");
        r.add("1");
        r.add("");
        r.add(Integer.toString(ea.article().textLength()));
        r.add("0");
        r.add("");
        r.add("");
        return r;
    }

    private static String offset(Object actors) {
        if (actors instanceof List<?> l && !l.isEmpty() && l.get(0) instanceof Map<?, ?> m
                && m.get("start") instanceof Number n) {
            return Long.toString(n.longValue());
        }
        return "-1";
    }

    static String host(String url) {
        try {
            String h = url.isEmpty() ? null : java.net.URI.create(url.strip()).getHost();
            return h == null ? "" : h.startsWith("www.") ? h.substring(4) : h;
        } catch (IllegalArgumentException e) {
            return "";
        }
    }
}
