package org.khaldun.codebook;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.khaldun.event.Cameo;

/**
 * The {@link Codebook} read from Khaldun's own tables ({@code cameo.tsv}, {@code cameo-plover.tsv},
 * {@code codebook.version}; format in docs/codebook.md). Every line is checked when the tables load, and a bad line
 * fails loudly with {@code resource:line}, so a broken table can never code events silently. Lookups are plain hash
 * map reads; the PLOVER parent fallback is resolved once at load time. Immutable and thread-safe.
 */
public final class TableCodebook implements Codebook {

    static final String BASE = "org/khaldun/codebook/";
    static final String CAMEO_TABLE = BASE + "cameo.tsv";
    static final String PLOVER_TABLE = BASE + "cameo-plover.tsv";
    static final String VERSION_FILE = BASE + "codebook.version";

    private static final Pattern CODE = Pattern.compile("(0[1-9]|1[0-9]|20)([0-9]{1,2})?");
    private static final Pattern CONTEXT = Pattern.compile("[a-z][a-z_]*");
    private static final String NONE = "-";

    private final String version;
    private final Map<String, CameoCode> cameo;
    /** Own row of a code in the crosswalk; {@code eventType} "-" marks a code PLOVER drops. */
    private final Map<String, PloverCoding> ploverRows;
    /** Every CAMEO code → the crosswalk row that applies to it (its own or its nearest parent's). */
    private final Map<String, String> ploverRowOf;

    private TableCodebook(String version, Map<String, CameoCode> cameo, Map<String, PloverCoding> ploverRows,
                          Map<String, String> ploverRowOf) {
        this.version = version;
        this.cameo = cameo;
        this.ploverRows = ploverRows;
        this.ploverRowOf = ploverRowOf;
    }

    /** The tables shipped with Khaldun, loaded once per JVM on first use. */
    public static TableCodebook builtin() {
        return Builtin.INSTANCE;
    }

    private static final class Builtin {
        static final TableCodebook INSTANCE = loadBuiltin();
    }

    private static TableCodebook loadBuiltin() {
        try (Reader c = resource(CAMEO_TABLE); Reader p = resource(PLOVER_TABLE); Reader v = resource(VERSION_FILE)) {
            return load(readVersion(v, VERSION_FILE), c, CAMEO_TABLE, p, PLOVER_TABLE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the codebook tables", e);
        }
    }

    static Reader resource(String name) {
        InputStream in = TableCodebook.class.getClassLoader().getResourceAsStream(name);
        if (in == null) {
            throw new IllegalStateException("codebook resource missing from the class path: " + name);
        }
        return new InputStreamReader(in, StandardCharsets.UTF_8);
    }

    static String readVersion(Reader in, String name) throws IOException {
        String version = null;
        List<String> lines = lines(in);
        for (int i = 0; i < lines.size(); i++) {
            String[] f = fields(lines.get(i));
            if (f == null) {
                continue;
            }
            if (f.length == 2 && f[0].equals("version") && f[1].startsWith("khaldun-codebook-")) {
                version = f[1];
            } else if (!(f.length == 2 && f[0].equals("tables-sha256"))) {
                throw error(name, i + 1, "expected 'version<TAB>khaldun-codebook-…' or 'tables-sha256<TAB>…'");
            }
        }
        if (version == null) {
            throw new IllegalStateException(name + ": no version line");
        }
        return version;
    }

    /**
     * Reads and checks a CAMEO table and a crosswalk in Khaldun's format. {@code cameoName} and {@code ploverName}
     * name the sources in error messages.
     *
     * @throws IllegalStateException naming {@code source:line} for the first bad line
     */
    public static TableCodebook load(String version, Reader cameoTable, String cameoName, Reader ploverTable,
                                     String ploverName) throws IOException {
        Map<String, CameoCode> cameo = new LinkedHashMap<>();
        Map<String, Integer> cameoLine = new HashMap<>();
        List<String> lines = lines(cameoTable);
        for (int i = 0; i < lines.size(); i++) {
            String[] f = fields(lines.get(i));
            if (f == null) {
                continue;
            }
            int n = i + 1;
            if (f.length != 4) {
                throw error(cameoName, n, "expected 4 TAB-separated columns (code, goldstein, quad, label), found "
                        + f.length);
            }
            String code = checkCode(f[0], cameoName, n);
            double goldstein;
            try {
                goldstein = Double.parseDouble(f[1]);
            } catch (NumberFormatException e) {
                throw error(cameoName, n, "Goldstein weight is not a number: '" + f[1] + "'");
            }
            if (!(goldstein >= -10.0 && goldstein <= 10.0)) {
                throw error(cameoName, n, "Goldstein weight " + f[1] + " is outside [-10, 10]");
            }
            int quad;
            try {
                quad = Integer.parseInt(f[2]);
            } catch (NumberFormatException e) {
                throw error(cameoName, n, "quad class is not a number: '" + f[2] + "'");
            }
            if (quad < 1 || quad > 4) {
                throw error(cameoName, n, "quad class " + quad + " is not 1..4");
            }
            if (f[3].isBlank()) {
                throw error(cameoName, n, "empty label");
            }
            if (code.length() > 2) {
                String parent = parent(code);
                CameoCode p = cameo.get(parent);
                if (p == null) {
                    throw error(cameoName, n, "code " + code + " comes before or without its parent " + parent);
                }
                if (p.quadClass() != quad) {
                    throw error(cameoName, n, "code " + code + " has quad class " + quad + " but its parent " + parent
                            + " has " + p.quadClass() + " (a root's codes share its quad class)");
                }
            }
            if (cameo.putIfAbsent(code, new CameoCode(code, f[3].strip(), goldstein, quad)) != null) {
                throw error(cameoName, n, "code " + code + " already defined on line " + cameoLine.get(code));
            }
            cameoLine.put(code, n);
        }
        if (cameo.isEmpty()) {
            throw new IllegalStateException(cameoName + ": no codes");
        }

        Map<String, PloverCoding> rows = new HashMap<>();
        Map<String, Integer> rowLine = new HashMap<>();
        lines = lines(ploverTable);
        for (int i = 0; i < lines.size(); i++) {
            String[] f = fields(lines.get(i));
            if (f == null) {
                continue;
            }
            int n = i + 1;
            if (f.length != 6) {
                throw error(ploverName, n, "expected 6 TAB-separated columns (cameo, event, mode, contexts, origin, "
                        + "note), found " + f.length);
            }
            String code = checkCode(f[0], ploverName, n);
            if (!cameo.containsKey(code)) {
                throw error(ploverName, n, "CAMEO code " + code + " is not in " + cameoName);
            }
            String event = f[1];
            String mode = f[2].equals(NONE) ? "" : f[2];
            List<String> contexts = f[3].equals(NONE) ? List.of() : Arrays.asList(f[3].split(","));
            if (!event.equals(NONE) && !PloverTypes.isType(event)) {
                throw error(ploverName, n, "'" + event + "' is not a PLOVER event type " + PloverTypes.ALL);
            }
            if (event.equals(NONE) && (!mode.isEmpty() || !contexts.isEmpty())) {
                throw error(ploverName, n, "a dropped code ('-' event) cannot have a mode or contexts");
            }
            if (!PloverTypes.isValidMode(event, mode)) {
                throw error(ploverName, n, "'" + mode + "' is not a PLOVER mode of " + event + " "
                        + PloverTypes.modes(event));
            }
            for (String c : contexts) {
                if (!CONTEXT.matcher(c).matches()) {
                    throw error(ploverName, n, "context '" + c + "' is not a lower_case PLOVER context name");
                }
            }
            if (!f[4].equals("crosswalk") && !f[4].equals("corrected") && !f[4].equals("khaldun")) {
                throw error(ploverName, n, "origin must be crosswalk, corrected or khaldun, not '" + f[4] + "'");
            }
            if (!f[4].equals("crosswalk") && f[5].equals(NONE)) {
                throw error(ploverName, n, "a " + f[4] + " row needs a note saying why it differs from the crosswalk");
            }
            if (rows.putIfAbsent(code, new PloverCoding(event, mode, contexts)) != null) {
                throw error(ploverName, n, "code " + code + " already mapped on line " + rowLine.get(code));
            }
            rowLine.put(code, n);
        }

        Map<String, String> rowOf = new HashMap<>();
        for (String code : cameo.keySet()) {
            String c = code;
            while (!rows.containsKey(c) && c.length() > 2) {
                c = parent(c);
            }
            if (!rows.containsKey(c)) {
                throw error(cameoName, cameoLine.get(code), "code " + code + " has no row in " + ploverName
                        + " and neither has any parent: map it, or drop it with event '-'");
            }
            rowOf.put(code, c);
        }
        return new TableCodebook(version, Collections.unmodifiableMap(cameo), Map.copyOf(rows), Map.copyOf(rowOf));
    }

    @Override
    public Optional<CameoCode> cameo(String code) {
        return code == null ? Optional.empty() : Optional.ofNullable(cameo.get(code));
    }

    /**
     * The CAMEO side of an event for {@code code}: code, Goldstein weight and quad class.
     */
    public Optional<Cameo> eventCameo(String code) {
        return cameo(code).map(c -> new Cameo(c.code(), c.goldstein(), c.quadClass()));
    }

    /**
     * The PLOVER coding of a CAMEO code: its own crosswalk row, else its nearest parent's. Empty for codes not in
     * the CAMEO table and for codes PLOVER drops (see {@link #droppedByPlover}).
     */
    @Override
    public Optional<PloverCoding> plover(String cameoCode) {
        String row = cameoCode == null ? null : ploverRowOf.get(cameoCode);
        if (row == null) {
            return Optional.empty();
        }
        PloverCoding coding = ploverRows.get(row);
        return coding.eventType().equals(NONE) ? Optional.empty() : Optional.of(coding);
    }

    /** True for a known CAMEO code that PLOVER has no event type for (the public statements, 01x). */
    public boolean droppedByPlover(String cameoCode) {
        String row = cameoCode == null ? null : ploverRowOf.get(cameoCode);
        return row != null && ploverRows.get(row).eventType().equals(NONE);
    }

    /**
     * The code whose crosswalk row gives {@code cameoCode} its PLOVER coding: the code itself, or the parent it falls
     * back to. Lets an explanation say "1951 coded as 195".
     */
    public Optional<String> ploverRowFor(String cameoCode) {
        return cameoCode == null ? Optional.empty() : Optional.ofNullable(ploverRowOf.get(cameoCode));
    }

    /** Every CAMEO code in table order (roots first in each family, leading zeros kept). */
    public List<CameoCode> codes() {
        return List.copyOf(cameo.values());
    }

    @Override
    public String version() {
        return version;
    }

    /**
     * SHA-256 of the data lines (not comments) of both tables: {@code codebook.version} records it, and a test
     * fails when the tables change without a version bump.
     */
    static String tablesDigest(Reader cameoTable, Reader ploverTable) throws IOException {
        MessageDigest sha;
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        for (Reader r : List.of(cameoTable, ploverTable)) {
            for (String line : lines(r)) {
                if (fields(line) != null) {
                    sha.update((line.strip() + "\n").getBytes(StandardCharsets.UTF_8));
                }
            }
        }
        return HexFormat.of().formatHex(sha.digest());
    }

    /** The code one level up: "0231" → "023", "023" → "02". */
    static String parent(String code) {
        return code.length() == 4 ? code.substring(0, 3) : code.substring(0, 2);
    }

    private static String checkCode(String code, String name, int line) {
        if (!CODE.matcher(code).matches()) {
            throw error(name, line, "'" + code + "' is not a CAMEO event code (2 to 4 digits, root 01..20, as text)");
        }
        return code;
    }

    private static List<String> lines(Reader in) throws IOException {
        BufferedReader r = in instanceof BufferedReader b ? b : new BufferedReader(in);
        List<String> lines = new ArrayList<>();
        for (String l = r.readLine(); l != null; l = r.readLine()) {
            lines.add(l);
        }
        return lines;
    }

    /** Columns of a data line, or null for blank and comment lines. */
    private static String[] fields(String line) {
        if (line.isBlank() || line.startsWith("#")) {
            return null;
        }
        String[] f = line.split("\t", -1);
        for (int i = 0; i < f.length; i++) {
            f[i] = f[i].strip();
        }
        return f;
    }

    private static IllegalStateException error(String name, int line, String message) {
        return new IllegalStateException(name + ":" + line + ": " + message);
    }
}
