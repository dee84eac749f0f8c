package org.khaldun.app;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.khaldun.petrarch.PetrarchFiles;
import org.khaldun.petrarch.PetrarchFormatException;
import picocli.CommandLine.Option;

/**
 * The {@code --petrarch-*} options of {@code khaldun code}: dictionaries an analyst already keeps in PETRARCH/TABARI
 * format. Actors and agents join Khaldun's actor dictionary; a verbs dictionary switches to PETRARCH compatibility
 * mode. Lenient by default (bad lines are skipped and listed on stderr, as PETRARCH skips them).
 */
final class PetrarchDictionaryOptions {

    /** At most this many skipped lines are listed one by one. */
    static final int LISTED = 20;

    @Option(names = "--petrarch-actors", paramLabel = "FILE",
            description = "PETRARCH/TABARI actors dictionary (repeatable); its actors join Khaldun's.")
    List<Path> actors = new ArrayList<>();

    @Option(names = "--petrarch-agents", paramLabel = "FILE",
            description = "PETRARCH/TABARI agents dictionary (PRESIDENT [~GOV] …); its agents join Khaldun's.")
    Path agents;

    @Option(names = "--petrarch-verbs", paramLabel = "FILE",
            description = "PETRARCH verbs dictionary (e.g. CAMEO.2.0.txt): PETRARCH compatibility mode, events coded"
                    + " with these verbs and the --petrarch-actors over constituency parses (much slower).")
    Path verbs;

    @Option(names = "--petrarch-discards", paramLabel = "FILE",
            description = "PETRARCH discards list (needs --petrarch-verbs).")
    Path discards;

    @Option(names = "--strict-dictionaries",
            description = "Stop at the first unreadable line of a PETRARCH dictionary (exit 2) instead of skipping it.")
    boolean strict;

    private final List<PetrarchFormatException> skipped = Collections.synchronizedList(new ArrayList<>());

    /**
     * The files as the pipeline takes them.
     *
     * @throws IllegalArgumentException for a usage error (a missing file, a combination that cannot work)
     */
    PetrarchFiles files() {
        if (discards != null && verbs == null) {
            throw new IllegalArgumentException("--petrarch-discards needs --petrarch-verbs");
        }
        if (verbs != null && actors.isEmpty()) {
            throw new IllegalArgumentException("--petrarch-verbs needs --petrarch-actors: PETRARCH compatibility mode"
                    + " codes actors with your PETRARCH actors dictionary");
        }
        PetrarchFiles files = new PetrarchFiles(actors, agents, verbs, discards, strict ? null : skipped::add);
        for (Path p : files.all()) {
            if (!Files.isRegularFile(p) || !Files.isReadable(p)) {
                throw new IllegalArgumentException("cannot read dictionary " + p);
            }
        }
        return files;
    }

    /** The lenient summary: how many lines were skipped, and where. */
    void reportSkipped(PrintStream err) {
        List<PetrarchFormatException> bad;
        synchronized (skipped) {
            bad = List.copyOf(skipped);
        }
        if (bad.isEmpty()) {
            return;
        }
        err.println("khaldun: skipped " + bad.size() + " unreadable line" + (bad.size() == 1 ? "" : "s")
                + " of PETRARCH dictionaries (--strict-dictionaries stops at the first instead):");
        for (int i = 0; i < Math.min(LISTED, bad.size()); i++) {
            err.println("khaldun:   " + bad.get(i).getMessage());
        }
        if (bad.size() > LISTED) {
            err.println("khaldun:   … and " + (bad.size() - LISTED) + " more");
        }
    }

    /** One line saying which coder runs, so nobody mistakes compatibility-mode output for Khaldun's own. */
    void reportMode(PrintStream err) {
        if (verbs != null) {
            err.println("khaldun: PETRARCH compatibility mode: events coded with " + verbs.getFileName()
                    + " over constituency parses (slow: see docs/petrarch.md)");
        }
    }
}
