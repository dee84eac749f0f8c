package org.khaldun.app;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.concurrent.Callable;
import org.khaldun.export.AggregateExport;
import org.khaldun.export.GdeltExport;
import org.khaldun.export.GeoJsonExport;
import org.khaldun.export.IcewsExport;
import org.khaldun.export.NetworkExport;
import org.khaldun.export.PloverJsonlExport;
import org.khaldun.export.PolecatExport;
import org.khaldun.store.AggregateRequest;
import org.khaldun.store.EventQuery;
import org.khaldun.store.EventStore;
import org.khaldun.store.Granularity;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "export", mixinStandardHelpOptions = true,
        description = {"Export stored events in the layout of another event data set, as aggregates, as map"
                + " points or as an actor network. Formats and their column mappings: docs/exports.md.",
                "Output goes to --out, or stdout. Filters select the events (mentions); cluster formats take the"
                        + " real-world events with at least one matching mention."})
final class ExportCommand implements Callable<Integer> {

    enum Format { plover, gdelt, gdelt_mentions, icews, polecat, parquet, aggregate, geojson, graphml, gexf }

    enum GroupBy { cameo_root, quad_class, plover_type }

    @Option(names = "--db", paramLabel = "FILE", defaultValue = EventStore.DEFAULT_FILE,
            description = "The store. Default: ${DEFAULT-VALUE}.")
    Path db;

    @Option(names = "--format", required = true, paramLabel = "FORMAT", converter = FormatConverter.class,
            description = "plover (canonical JSON lines), gdelt (Events, 61 columns), gdelt-mentions (16 columns),"
                    + " icews (20 columns + URL), polecat (40 columns), parquet (needs --out), aggregate, geojson,"
                    + " graphml, gexf.")
    Format format;

    @Option(names = "--out", paramLabel = "PATH", description = "Output file (default: stdout).")
    Path out;

    @Option(names = "--actor", paramLabel = "CODE", description = "Actor code prefix (IRQ, IRQGOV).")
    String actor;

    @Option(names = "--recipient", paramLabel = "CODE", description = "Recipient code prefix.")
    String recipient;

    @Option(names = "--country", paramLabel = "ISO3", description = "Country of actor, recipient or place.")
    String country;

    @Option(names = "--sector", paramLabel = "SECTOR", description = "Sector of actor or recipient (GOV, MIL, ...).")
    String sector;

    @Option(names = "--cameo", paramLabel = "CODE", description = "CAMEO code prefix, e.g. 19 or 043.")
    String cameo;

    @Option(names = "--event-type", paramLabel = "TYPE", description = "PLOVER event type, e.g. ASSAULT.")
    String eventType;

    @Option(names = "--quad", paramLabel = "1-4", description = "Quad class.")
    Integer quad;

    @Option(names = "--from", paramLabel = "YYYY-MM-DD", description = "First event date.")
    String from;

    @Option(names = "--to", paramLabel = "YYYY-MM-DD", description = "Last event date.")
    String to;

    @Option(names = "--text", paramLabel = "QUERY", description = "Full-text query on the event's sentence.")
    String text;

    @Option(names = "--source-kind", paramLabel = "KIND", description = "What the claim rests on: article (the reporter's own voice), named, anonymous, media or document.")
    String sourceKind;

    @Option(names = "--facts-only", description = "Leave out negated, hypothetical and future events.")
    boolean factsOnly;

    @Option(names = "--one-a-day", description = "At most one event per actor, recipient, CAMEO code and day.")
    boolean oneADay;

    @Option(names = "--clusters", description = "parquet, aggregate, geojson, graphml, gexf: real-world events"
            + " (clusters) instead of mentions.")
    boolean clusters;

    @Option(names = "--header", negatable = true, description = "Write a header row (default: yes for icews and"
            + " polecat, no for gdelt and gdelt-mentions, as in the original files).")
    Boolean header;

    @Option(names = "--granularity", defaultValue = "MONTH", paramLabel = "UNIT",
            description = "aggregate: day, week, month or year. Default: month.")
    Granularity granularity;

    @Option(names = "--group-by", defaultValue = "quad_class", paramLabel = "GROUP",
            converter = GroupByConverter.class,
            description = "aggregate: cameo-root, quad-class or plover-type. Default: quad-class.")
    GroupBy groupBy;

    @Option(names = "--by-country", description = "aggregate, graphml, gexf: dyads of countries, not full actor codes.")
    boolean byCountry;

    @Option(names = "--json", description = "aggregate: JSON lines instead of TSV.")
    boolean json;

    static final class FormatConverter implements picocli.CommandLine.ITypeConverter<Format> {
        @Override
        public Format convert(String value) {
            return Format.valueOf(value.strip().toLowerCase(java.util.Locale.ROOT).replace('-', '_'));
        }
    }

    static final class GroupByConverter implements picocli.CommandLine.ITypeConverter<GroupBy> {
        @Override
        public GroupBy convert(String value) {
            return GroupBy.valueOf(value.strip().toLowerCase(java.util.Locale.ROOT).replace('-', '_'));
        }
    }

    @Override
    public Integer call() {
        EventQuery q;
        try {
            q = query();
        } catch (IllegalArgumentException e) {
            System.err.println("khaldun: " + e.getMessage());
            return Main.EXIT_USAGE;
        }
        if (!Files.exists(db)) {
            System.err.println("khaldun: no store at " + db + " (create one with 'khaldun ingest --db " + db + " ...')");
            return Main.EXIT_USAGE;
        }
        if (format == Format.parquet && out == null) {
            System.err.println("khaldun: --format parquet needs --out FILE.parquet");
            return Main.EXIT_USAGE;
        }
        try (EventStore store = EventStore.open(db)) {
            if (format == Format.parquet) {
                long n = store.exportParquet(q, clusters, out);
                System.err.printf("khaldun: wrote %d %s to %s%n", n, clusters ? "clusters" : "events", out);
                return Main.EXIT_OK;
            }
            try (Writer w = writer()) {
                long n = write(store, q, w);
                w.flush();
                System.err.printf("khaldun: wrote %d row%s%s%n", n, n == 1 ? "" : "s", out == null ? "" : " to " + out);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Main.EXIT_OK;
    }

    private long write(EventStore store, EventQuery q, Writer w) {
        return switch (format) {
            case plover -> PloverJsonlExport.write(store, q, w);
            case gdelt -> GdeltExport.writeEvents(store, q, w, header != null && header);
            case gdelt_mentions -> GdeltExport.writeMentions(store, q, w, header != null && header);
            case icews -> IcewsExport.write(store, q, w, header == null || header);
            case polecat -> PolecatExport.write(store, q, w, header == null || header);
            case aggregate -> AggregateExport.write(store, new AggregateRequest(q, granularity,
                    AggregateRequest.GroupBy.valueOf(groupBy.name().toUpperCase(java.util.Locale.ROOT)),
                    byCountry ? AggregateRequest.Dyad.COUNTRY : AggregateRequest.Dyad.CODE, clusters), w, json);
            case geojson -> {
                long[] n = GeoJsonExport.write(store, q, clusters, w);
                if (n[1] > 0) {
                    System.err.printf("khaldun: %d %s without coordinates left out%n", n[1],
                            clusters ? "clusters" : "events");
                }
                yield n[0];
            }
            case graphml -> NetworkExport.write(store, q, clusters, byCountry, NetworkExport.Format.GRAPHML, w);
            case gexf -> NetworkExport.write(store, q, clusters, byCountry, NetworkExport.Format.GEXF, w);
            case parquet -> throw new IllegalStateException("handled above");
        };
    }

    private Writer writer() throws IOException {
        if (out == null) {
            return new BufferedWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), 1 << 16) {
                @Override
                public void close() throws IOException {
                    flush(); // stdout stays open
                }
            };
        }
        Path parent = out.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        return Files.newBufferedWriter(out, StandardCharsets.UTF_8);
    }

    EventQuery query() {
        EventQuery q = EventQuery.ALL.withActor(actor).withRecipient(recipient).withCountry(country)
                .withSector(sector).withCameo(cameo).withEventType(eventType).withQuadClass(quad == null ? 0 : quad)
                .withDates(date("--from", from), date("--to", to)).withText(text).withSourceKind(sourceKind)
                .withFactsOnly(factsOnly).withOneADay(oneADay);
        return q;
    }

    private static LocalDate date(String option, String value) {
        if (value == null) {
            return null;
        }
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(option + " must be YYYY-MM-DD, got '" + value + "'");
        }
    }
}
