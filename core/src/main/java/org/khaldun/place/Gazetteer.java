package org.khaldun.place;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.khaldun.actor.ActorDictionary;
import org.khaldun.actor.ActorEntry;
import org.khaldun.actor.DatedCode;

/**
 * Khaldun's gazetteer: countries, admin-1 regions and cities with their names, codes, coordinates and
 * populations, indexed by token sequences the way the article tokenizer splits text.
 *
 * <p>The data is generated at build time from pinned registry packages (GeoNames data, CC BY 4.0; see
 * {@code docs/places.md}) into {@code org/khaldun/place/gazetteer.tsv}, plus Khaldun's own
 * {@code places.txt} (continents, world regions, common English names the packages lack). Country names,
 * demonyms and people nouns come from the actor dictionary, so "U.S.", "Britain" and "Iraqi" resolve to the
 * same countries actors are coded with, and country codes are the actor codes' spelling of ISO-3.
 *
 * <p>Immutable and thread-safe once built; {@link #builtin()} loads once per JVM.
 */
public final class Gazetteer {

    public static final String RESOURCE = "/org/khaldun/place/gazetteer.tsv";
    public static final String OWN_RESOURCE = "/org/khaldun/place/places.txt";

    /** How a name points at an entry. */
    public enum NameKind {
        /** the entry's own name or an alias of it */
        NAME,
        /** a nationality adjective or people noun of a country or region ("Iraqi", "Iraqis", "European") */
        DEMONYM
    }

    /** One reading of a name. */
    /**
     * One reading of a name.
     *
     * @param acronym the name is written in capitals ("US", "U.S.", "UAE"): it matches only text in capitals,
     *                and text in capitals (outside headlines and datelines) matches only such names
     */
    public record Sense(GazetteerEntry entry, NameKind kind, boolean acronym) {
    }

    /** Single words that admin-1 names reduce to once "Province" or "Region" is dropped, but that name nothing. */
    private static final Set<String> GENERIC = Set.of("north", "south", "east", "west", "northern", "southern",
            "eastern", "western", "central", "northeast", "northwest", "southeast", "southwest", "north east",
            "north west", "south east", "south west", "upper", "lower", "capital", "coast", "coastal", "greater",
            "new", "federal", "national", "island", "islands", "lakes", "highlands", "mountain", "valley", "river",
            "delta", "middle", "centre", "center", "interior", "border", "frontier", "metropolitan", "city",
            "special", "autonomous", "western cape", "far north", "far west", "littoral", "plateau", "savanes",
            "maritime", "west coast", "east coast", "north coast", "south coast");

    private static volatile Gazetteer builtin;

    private final List<GazetteerEntry> entries;
    private final Map<String, List<Sense>> byName;
    private final Map<String, GazetteerEntry> countriesByCode3;
    private final Map<String, GazetteerEntry> countriesByCode2;
    private final Map<String, GazetteerEntry> admin1ByKey;
    private final Map<Long, GazetteerEntry> byGeonameId;
    private final int maxNameTokens;
    private final String notice;

    private Gazetteer(List<GazetteerEntry> entries, Map<String, List<Sense>> byName, String notice) {
        this.entries = List.copyOf(entries);
        Map<String, List<Sense>> frozen = new HashMap<>(byName.size() * 2);
        int max = 1;
        for (Map.Entry<String, List<Sense>> e : byName.entrySet()) {
            frozen.put(e.getKey(), List.copyOf(e.getValue()));
            max = Math.max(max, e.getKey().split(" ").length);
        }
        this.byName = frozen;
        this.maxNameTokens = max;
        Map<String, GazetteerEntry> c3 = new HashMap<>();
        Map<String, GazetteerEntry> c2 = new HashMap<>();
        Map<String, GazetteerEntry> a1 = new HashMap<>();
        Map<Long, GazetteerEntry> ids = new HashMap<>(this.entries.size() * 2);
        for (GazetteerEntry g : this.entries) {
            if (g.geonameId() != 0 && g.level() == Level.CITY) {
                ids.putIfAbsent(g.geonameId(), g);
            }
            if (g.level() == Level.COUNTRY) {
                c3.putIfAbsent(g.country3(), g);
                c2.putIfAbsent(g.country2(), g);
            } else if (g.level() == Level.ADMIN1) {
                a1.putIfAbsent(g.country2() + "." + g.admin1Code(), g);
            }
        }
        this.countriesByCode3 = Map.copyOf(c3);
        this.countriesByCode2 = Map.copyOf(c2);
        this.admin1ByKey = Map.copyOf(a1);
        this.byGeonameId = ids;
        this.notice = notice;
    }

    /** The gazetteer shipped in the jar, with the built-in actor dictionary's country names; loaded once per JVM. */
    public static Gazetteer builtin() {
        Gazetteer g = builtin;
        if (g == null) {
            synchronized (Gazetteer.class) {
                g = builtin;
                if (g == null) {
                    g = load(ActorDictionary.builtin());
                    builtin = g;
                }
            }
        }
        return g;
    }

    /** The shipped gazetteer with the country names of {@code actors}. */
    public static Gazetteer load(ActorDictionary actors) {
        try (InputStream data = Gazetteer.class.getResourceAsStream(RESOURCE);
             InputStream own = Gazetteer.class.getResourceAsStream(OWN_RESOURCE)) {
            if (data == null) {
                throw new IllegalStateException("gazetteer resource " + RESOURCE + " is missing from the class path: "
                        + "it is generated by the core module's build (generate-resources, needs Node.js and npm)");
            }
            if (own == null) {
                throw new IllegalStateException("resource " + OWN_RESOURCE + " is missing from the class path");
            }
            return load(new InputStreamReader(data, StandardCharsets.UTF_8), new InputStreamReader(own, StandardCharsets.UTF_8),
                    actors, 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A gazetteer from generated data and Khaldun's own file, keeping cities of at least {@code minPopulation}
     * (capitals and admin-1 seats always), with the country names of {@code actors}.
     */
    public static Gazetteer load(Reader data, Reader own, ActorDictionary actors, long minPopulation) throws IOException {
        return new Loader(actors, minPopulation).read(data, own).build();
    }

    public List<GazetteerEntry> entries() {
        return entries;
    }

    /** The readings of a name, given as its normalised tokens joined by single spaces ({@link #key}). */
    public List<Sense> lookup(String key) {
        List<Sense> s = byName.get(key);
        return s == null ? List.of() : s;
    }

    /** The most tokens any name has. */
    public int maxNameTokens() {
        return maxNameTokens;
    }

    /** The city with this GeoNames id, or null. */
    public GazetteerEntry byGeonameId(long geonameId) {
        return byGeonameId.get(geonameId);
    }

    public GazetteerEntry country(String code3) {
        return countriesByCode3.get(code3);
    }

    public GazetteerEntry countryOf2(String code2) {
        return countriesByCode2.get(code2);
    }

    public GazetteerEntry admin1Of(GazetteerEntry e) {
        return e.admin1Code().isEmpty() ? null : admin1ByKey.get(e.country2() + "." + e.admin1Code());
    }

    /** The attribution lines of the data (licence and source packages). */
    public String notice() {
        return notice;
    }

    /** The lookup key of a phrase: tokens as the article tokenizer splits them, normalised, joined by spaces. */
    public static String key(String phrase) {
        if (singleToken(phrase)) {
            // most names are one plain word: skip the tokenizer (a hundred thousand towns are keyed at load)
            return ActorDictionary.normalize(phrase);
        }
        StringBuilder b = new StringBuilder();
        for (String t : ActorDictionary.tokenize(phrase)) {
            if (b.length() > 0) {
                b.append(' ');
            }
            b.append(ActorDictionary.normalize(t));
        }
        return b.toString();
    }

    /** Reads the files and collects names. Not thread-safe. */
    private static final class Loader {
        private final ActorDictionary actors;
        private final long minPopulation;
        private final List<GazetteerEntry> entries = new ArrayList<>();
        private final Map<String, List<Sense>> byName = new HashMap<>(80_000);
        private final Map<String, String> cameo3 = new HashMap<>();
        private final StringBuilder notice = new StringBuilder();
        private final Map<String, String> admin1Names = new HashMap<>();

        Loader(ActorDictionary actors, long minPopulation) {
            this.actors = actors;
            this.minPopulation = minPopulation;
        }

        Loader read(Reader data, Reader own) throws IOException {
            List<String[]> rows = new ArrayList<>(40_000);
            BufferedReader in = new BufferedReader(data, 1 << 16);
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                if (line.startsWith("#")) {
                    if (line.startsWith("# NOTICE") || line.startsWith("#   ")) {
                        notice.append(line.substring(1).strip()).append('\n');
                    }
                    continue;
                }
                if (!line.isEmpty()) {
                    rows.add(line.split("\t", -1));
                }
            }
            for (String[] r : rows) {
                if (r[0].equals("A")) {
                    admin1Names.put(r[4] + "." + r[6], r[2]);
                }
            }
            cameoSpellings();
            for (String[] r : rows) {
                addRow(r);
            }
            readOwn(new BufferedReader(own));
            addActorNames();
            return this;
        }

        /** Actor codes spell a few ISO-3 codes the CAMEO way (TMP for TLS); countries take the actor spelling. */
        private void cameoSpellings() {
            Map<String, String> byName = new HashMap<>();
            for (ActorEntry e : actors.entries()) {
                if (e.kind() == ActorEntry.Kind.COUNTRY) {
                    for (DatedCode c : e.codes()) {
                        byName.put(key(e.phrase()), c.code());
                    }
                }
            }
            this.cameoByName = byName;
        }

        private Map<String, String> cameoByName = Map.of();

        private void addRow(String[] r) {
            String kind = r[0];
            String name = r[2];
            double lat = Double.parseDouble(r[7]);
            double lon = Double.parseDouble(r[8]);
            long pop = r[9].isEmpty() ? 0 : Long.parseLong(r[9]);
            List<String> aliases = r[3].isEmpty() ? List.of() : Arrays.asList(r[3].split("\\|"));
            switch (kind) {
                case "C": {
                    String code3 = r[5];
                    for (String n : concat(name, aliases)) {
                        String cameo = cameoByName.get(key(n));
                        if (cameo != null && !cameo.equals(code3) && cameo.length() == 3
                                && !actors.isCountryCode(code3)) {
                            code3 = cameo;
                            break;
                        }
                    }
                    GazetteerEntry g = add(0, name, Level.COUNTRY, r[4], code3, "", "", lat, lon, pop, "PCLI");
                    code3ByCode2.put(r[4], code3);
                    for (String n : concat(name, aliases)) {
                        name(n, g, NameKind.NAME);
                    }
                    break;
                }
                case "A": {
                    String fcode = r[10].replace("*", "");
                    GazetteerEntry g = add(0, name, Level.ADMIN1, r[4], "", r[6], name, lat, lon, pop, fcode);
                    for (String n : concat(name, aliases)) {
                        name(n, g, NameKind.NAME);
                    }
                    if (!r[5].isEmpty()) {
                        exactAbbreviations.put(r[5], g);
                    }
                    break;
                }
                case "P": {
                    String fcode = shared(r[10]);
                    boolean seat = fcode.equals("PPLC") || fcode.equals("PPLA");
                    if (!seat && pop < minPopulation) {
                        return;
                    }
                    String admin1 = admin1Names.getOrDefault(r[4] + "." + r[6], "");
                    // countries come first in the file: a town takes its country's code now, not in build()
                    GazetteerEntry g = add(Long.parseLong(r[1]), name, Level.CITY, shared(r[4]),
                            code3ByCode2.getOrDefault(r[4], ""), shared(r[6]), admin1,
                            lat, lon, pop, fcode);
                    name(name, g, NameKind.NAME);
                    for (String a : articleVariants(name)) {
                        name(a, g, NameKind.NAME);
                    }
                    break;
                }
                default:
                    throw new IllegalStateException("bad gazetteer line kind: " + kind);
            }
        }

        private final Map<String, String> sharedStrings = new HashMap<>();
        private final Map<String, String> code3ByCode2 = new HashMap<>();

        /** One copy of the short codes a hundred thousand towns repeat (country, admin-1, feature code). */
        private String shared(String s) {
            String c = sharedStrings.putIfAbsent(s, s);
            return c == null ? s : c;
        }

        /** "US" state and "NSW" style abbreviations, matched only as written in capitals. */
        final Map<String, GazetteerEntry> exactAbbreviations = new HashMap<>();

        /** "Al Fallūjah" is also written "Fallujah" and "Al-Fallujah". */
        private static List<String> articleVariants(String name) {
            int sp = name.indexOf(' ');
            if (sp < 0 || sp > 4) {
                return List.of();
            }
            String first = name.substring(0, sp).toLowerCase(Locale.ROOT);
            if (!Set.of("al", "ar", "as", "ad", "an", "ash", "at", "az", "ad-", "el", "ed", "es").contains(first)) {
                return List.of();
            }
            String rest = name.substring(sp + 1);
            return List.of(rest, name.substring(0, sp) + "-" + rest);
        }

        private void readOwn(BufferedReader in) throws IOException {
            int lineNo = 0;
            for (String raw = in.readLine(); raw != null; raw = in.readLine()) {
                lineNo++;
                String line = raw.strip();
                if (line.isEmpty() || line.startsWith("#")) {
                    continue;
                }
                String[] cols = line.split("\\s+", 2);
                switch (cols[0]) {
                    case "region": {
                        // region CODE GEONAMEID LAT LON Name | Alias
                        String[] f = cols[1].split("\\s+", 5);
                        GazetteerEntry g = add(Long.parseLong(f[1]), f[4].split("\\|")[0].strip(), Level.CONTINENT, "",
                                f[0], "", "", Double.parseDouble(f[2]), Double.parseDouble(f[3]), 0, "CONT");
                        for (String n : f[4].split("\\|")) {
                            name(n.strip(), g, NameKind.NAME);
                        }
                        break;
                    }
                    case "alias":
                    case "qualifier": {
                        // alias CC Name as listed = Alias | Alias; qualifier lines add names valid only after "Place,"
                        boolean qualifierOnly = cols[0].equals("qualifier");
                        String[] f = cols[1].split("\\s+", 2);
                        String[] sides = f[1].split("=", 2);
                        if (sides.length != 2) {
                            throw new IllegalStateException(OWN_RESOURCE + ":" + lineNo + ": expected 'alias CC NAME = ALIAS | ALIAS'");
                        }
                        String target = key(sides[0].strip());
                        GazetteerEntry g = null;
                        for (Sense s : byName.getOrDefault(target, List.of())) {
                            if (s.entry().country2().equals(f[0]) && s.kind() == NameKind.NAME
                                    && (g == null || s.entry().population() > g.population())) {
                                g = s.entry();
                            }
                        }
                        if (g != null) {
                            for (String a : sides[1].split("\\|")) {
                                if (qualifierOnly) {
                                    byName.computeIfAbsent(QUALIFIER_PREFIX + key(a.strip()), x -> new ArrayList<>(1))
                                            .add(new Sense(g, NameKind.NAME, false));
                                } else {
                                    name(a.strip(), g, NameKind.NAME);
                                }
                            }
                        }
                        break;
                    }
                    default:
                        throw new IllegalStateException(OWN_RESOURCE + ":" + lineNo + ": unknown line kind " + cols[0]);
                }
            }
        }

        /** Country names, demonyms and people nouns of the actor dictionary point at the same countries. */
        private void addActorNames() {
            Map<String, GazetteerEntry> byCode = new HashMap<>();
            for (GazetteerEntry g : entries) {
                if (g.level() == Level.COUNTRY || g.level() == Level.CONTINENT) {
                    byCode.putIfAbsent(g.country3(), g);
                }
            }
            for (ActorEntry e : actors.entries()) {
                NameKind kind;
                switch (e.kind()) {
                    case COUNTRY -> kind = NameKind.NAME;
                    case DEMONYM -> kind = NameKind.DEMONYM;
                    default -> {
                        continue;
                    }
                }
                if (e.codes().isEmpty() || e.codes().get(0).code().length() < 3) {
                    continue;
                }
                GazetteerEntry g = byCode.get(e.codes().get(0).code().substring(0, 3));
                if (g == null) {
                    continue;
                }
                String k = key(e.phrase());
                List<Sense> senses = byName.get(k);
                if (kind == NameKind.NAME && senses != null) {
                    boolean ownCountry = false;
                    boolean region = false;
                    for (Sense s : senses) {
                        ownCountry |= s.entry() == g;
                        region |= s.entry().level() == Level.ADMIN1 && s.entry().country2().equals(g.country2());
                    }
                    // "England" is a region of the United Kingdom in the gazetteer: keep that, finer reading
                    if (region && !ownCountry) {
                        continue;
                    }
                    // the actor dictionary decides which country a shared name means ("Congo" is the DRC)
                    senses.removeIf(s -> s.entry().level() == Level.COUNTRY && s.entry() != g);
                }
                name(e.phrase(), g, kind);
            }
        }

        private GazetteerEntry add(long geonameId, String name, Level level, String cc2, String cc3, String admin1Code,
                                   String admin1, double lat, double lon, long pop, String fcode) {
            GazetteerEntry g = new GazetteerEntry(entries.size(), geonameId, name, level, cc2, cc3, admin1Code, admin1,
                    lat, lon, pop, fcode);
            entries.add(g);
            return g;
        }

        private void name(String phrase, GazetteerEntry g, NameKind kind) {
            String k = key(phrase);
            if (k.isEmpty()) {
                return;
            }
            if (g.level() == Level.ADMIN1 && GENERIC.contains(k)) {
                return;
            }
            List<Sense> list = byName.computeIfAbsent(k, x -> new ArrayList<>(1));
            for (Sense s : list) {
                if (s.entry() == g) {
                    return;
                }
            }
            list.add(new Sense(g, kind, isAcronym(phrase)));
        }

        private static List<String> concat(String first, List<String> rest) {
            LinkedHashSet<String> out = new LinkedHashSet<>();
            out.add(first);
            out.addAll(rest);
            return new ArrayList<>(out);
        }

        Gazetteer build() {
            // cities carry their country's three-letter code (in the actor spelling) once all countries are read
            Map<String, String> code3 = new HashMap<>();
            for (GazetteerEntry g : entries) {
                if (g.level() == Level.COUNTRY) {
                    code3.put(g.country2(), g.country3());
                }
            }
            List<GazetteerEntry> out = new ArrayList<>(entries.size());
            Map<GazetteerEntry, GazetteerEntry> moved = new HashMap<>();
            for (GazetteerEntry g : entries) {
                GazetteerEntry n = g;
                if (g.country3().isEmpty() && !g.country2().isEmpty()) {
                    n = new GazetteerEntry(g.id(), g.geonameId(), g.name(), g.level(), g.country2(),
                            code3.getOrDefault(g.country2(), ""), g.admin1Code(), g.admin1(), g.lat(), g.lon(),
                            g.population(), g.featureCode());
                    moved.put(g, n);
                }
                out.add(n);
            }
            Map<String, List<Sense>> names = new HashMap<>(byName.size() * 2);
            for (Map.Entry<String, List<Sense>> e : byName.entrySet()) {
                List<Sense> senses = new ArrayList<>(e.getValue().size());
                for (Sense s : e.getValue()) {
                    senses.add(new Sense(moved.getOrDefault(s.entry(), s.entry()), s.kind(), s.acronym()));
                }
                names.put(e.getKey(), senses);
            }
            for (Map.Entry<String, GazetteerEntry> e : exactAbbreviations.entrySet()) {
                GazetteerEntry g = moved.getOrDefault(e.getValue(), e.getValue());
                names.computeIfAbsent(ABBREVIATION_PREFIX + e.getKey(), x -> new ArrayList<>(1)).add(new Sense(g, NameKind.NAME, true));
            }
            return new Gazetteer(out, names, notice.toString());
        }
    }

    /** No space, hyphen or possessive: the tokenizer would return the phrase as it is. */
    private static boolean singleToken(String phrase) {
        if (phrase.isEmpty() || phrase.endsWith("'s") || phrase.endsWith("\u2019s")) {
            return false;
        }
        for (int i = 0; i < phrase.length(); i++) {
            char c = phrase.charAt(i);
            if (Character.isWhitespace(c) || c == '-') {
                return false;
            }
        }
        return true;
    }

    /** A name written in capitals: two letters or more, none in lower case ("US", "U.S.", "UAE"). */
    static boolean isAcronym(String phrase) {
        int letters = 0;
        for (int i = 0; i < phrase.length(); i++) {
            char c = phrase.charAt(i);
            if (Character.isLetter(c)) {
                if (!Character.isUpperCase(c)) {
                    return false;
                }
                letters++;
            }
        }
        return letters >= 2;
    }

    /** Keys of capital-letter abbreviations ("NSW", "TX") start with this, so they never meet ordinary words. */
    static final String ABBREVIATION_PREFIX = "=";

    /** Keys of names that count only as a comma qualifier ("Miss.", "Man.") start with this. */
    static final String QUALIFIER_PREFIX = "~";

    /** Readings of an abbreviation that names a region only right after "Place," ("Tupelo, Miss."). */
    public List<Sense> lookupQualifier(String key) {
        List<Sense> s = byName.get(QUALIFIER_PREFIX + key);
        return s == null ? Collections.emptyList() : s;
    }

    /** Readings of an abbreviation written in capitals ("NSW", "TX"). */
    public List<Sense> lookupAbbreviation(String written) {
        List<Sense> s = byName.get(ABBREVIATION_PREFIX + written);
        return s == null ? Collections.emptyList() : s;
    }
}
