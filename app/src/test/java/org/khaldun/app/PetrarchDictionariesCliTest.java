package org.khaldun.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.khaldun.json.Json;

/**
 * Analysts keep the PETRARCH/TABARI dictionaries they own: {@code khaldun code} takes them on the command line. The
 * dictionaries are PETRARCH's own validation dictionaries (fictional actors: Arnor, Gondor, Mordor…); the sentences
 * are written here in the style of PETRARCH's unit tests.
 */
class PetrarchDictionariesCliTest {

    static final Path DICTS = Path.of(System.getProperty("khaldun.shared", "../shared"), "data",
            "petrarch-conformance", "dictionaries");
    static final String VERBS = DICTS.resolve("PETR.Validate.verbs.txt").toString();
    static final String ACTORS = DICTS.resolve("PETR.Validate.actors.txt").toString();
    static final String AGENTS = DICTS.resolve("PETR.Validate.agents.txt").toString();
    static final String DISCARDS = DICTS.resolve("PETR.Validate.discards.txt").toString();

    static final String ARTICLE = "Arnor and Gondor mend fences\n\n"
            + "Arnor is about to restore full diplomatic ties with Gondor almost five years after crowds burned down "
            + "its embassy.\n"
            + "Sam Gamgee attacked Mordor.\n"
            + "The Gondor government condemned Mordor on Tuesday.\n"
            + "The ambassadors of Arnor, Osgiliath and Gondor visited Ithilen.\n";

    @TempDir
    static Path dir;

    static CliRun compat;

    @BeforeAll
    static void codeInCompatibilityMode() throws IOException {
        org.junit.jupiter.api.Assumptions.assumeTrue(java.nio.file.Files.isDirectory(DICTS),
                "shared data not available: " + DICTS);
        Path f = write("mend.txt", ARTICLE);
        compat = CliRun.run("code", "--published", "2009-05-04", "--petrarch-verbs", VERBS, "--petrarch-actors",
                ACTORS, "--petrarch-agents", AGENTS, "--petrarch-discards", DISCARDS, f.toString());
    }

    @Test
    void aVerbPatternFromTheUsersDictionaryCodesTheEvent() {
        assertThat(compat.exitCode()).isEqualTo(Main.EXIT_OK);
        Map<String, Object> e = event(compat, "ARN", "GON");
        assertThat(cameo(e).get("code")).isEqualTo("064");
        assertThat((String) e.get("explanation")).startsWith("petrarch:")
                .contains("PETR.Validate.verbs.txt:991").contains("* DIPLOMATIC")
                .contains("PETR.Validate.actors.txt:45");
    }

    @Test
    void offsetsPointAtTheVerbAndTheActorsInTheArticle() {
        Map<String, Object> e = event(compat, "ARN", "GON");
        Map<?, ?> info = (Map<?, ?>) e.get("text_info");
        int ts = ((Number) info.get("trigger_start")).intValue();
        int te = ((Number) info.get("trigger_end")).intValue();
        assertThat(ARTICLE.substring(ts, te)).isEqualTo("restore");
        Map<?, ?> actor = (Map<?, ?>) ((List<?>) e.get("actor")).get(0);
        Map<?, ?> recipient = (Map<?, ?>) ((List<?>) e.get("recipient")).get(0);
        assertThat(actor.get("text")).isEqualTo("Arnor");
        assertThat(recipient.get("text")).isEqualTo("Gondor");
        int rs = ((Number) recipient.get("start")).intValue();
        assertThat(ARTICLE.substring(rs, rs + 6)).isEqualTo("Gondor");
    }

    @Test
    void knownCameoCodesGetGoldsteinQuadClassAndPlover() {
        Map<String, Object> e = event(compat, "ARN", "GON");
        assertThat(((Number) cameo(e).get("quad_class")).intValue()).isEqualTo(2);
        assertThat(e.get("event")).isNotEqualTo("");
    }

    @Test
    void aDatedActorCodeFollowsThePublicationDate() {
        Map<String, Object> e = event(compat, "HOBMIL", "MOR");
        assertThat(cameo(e).get("code")).isEqualTo("223");
    }

    @Test
    void agentsExtendTheActorCode() {
        Map<String, Object> e = event(compat, "GONGOV", "MOR");
        assertThat(cameo(e).get("code")).isEqualTo("122");
        assertThat((String) e.get("explanation")).contains("PETR.Validate.agents.txt:");
        Map<?, ?> actor = (Map<?, ?>) ((List<?>) e.get("actor")).get(0);
        assertThat(actor.get("text")).isEqualTo("The Gondor government");
        assertThat(actor.get("country")).isEqualTo("GON");
        assertThat(actor.get("sector")).isEqualTo("GOV");
    }

    @Test
    void aCompoundInAShortSentenceYieldsOneEventPerMember() {
        assertThat(compat.lines()).anySatisfy(l -> assertThat(l).contains("\"code\":\"OSGGOV\""));
        Map<String, Object> e = event(compat, "ARNGOV", "ITH");
        assertThat(cameo(e).get("code")).isEqualTo("032");
    }

    @Test
    void compatibilityModeIsAnnouncedOnStderrAndEventIdsAreDistinct() {
        assertThat(compat.stderr()).contains("PETRARCH compatibility mode");
        assertThat(ids(compat)).doesNotHaveDuplicates();
    }

    @Test
    void aStoryDiscardDropsTheWholeArticle() throws IOException {
        Path f = write("storm.txt", "Storm\n\nArnor restored diplomatic ties with Gondor.\n"
                + "The typhoon hit the coast of Gondor.\n");
        CliRun run = CliRun.run("code", "--published", "2009-05-04", "--petrarch-verbs", VERBS, "--petrarch-actors",
                ACTORS, "--petrarch-discards", DISCARDS, f.toString());
        assertThat(run.exitCode()).isEqualTo(Main.EXIT_OK);
        assertThat(run.lines()).isEmpty();
    }

    @Test
    void userActorsAloneAreUsedByKhaldunsOwnCoder() throws IOException {
        Path actors = write("mine.actors.txt", "ARNOR [ARN]\n+ARNORIAN\nGONDOR [GON]\n");
        Path f = write("talks.txt", "Talks\n\nArnor condemned Gondor on Tuesday for the border raid.\n");
        CliRun run = CliRun.run("code", "--published", "2024-02-08", "--petrarch-actors", actors.toString(),
                f.toString());
        assertThat(run.exitCode()).isEqualTo(Main.EXIT_OK);
        Map<String, Object> e = event(run, "ARN", "GON");
        assertThat((String) e.get("explanation")).doesNotStartWith("petrarch:");
        assertThat(run.stderr()).doesNotContain("compatibility mode");
    }

    @Test
    void aBadDictionaryLineIsSkippedAndSummarisedByDefault() throws IOException {
        Path actors = write("bad.actors.txt", "ARNOR [ARN]\nGONDOR\n\t[GON <9908223]\n\t[GON]\n");
        Path f = write("talks.txt", "Talks\n\nArnor condemned Gondor on Tuesday for the border raid.\n");
        CliRun run = CliRun.run("code", "--published", "2024-02-08", "--petrarch-actors", actors.toString(),
                f.toString());
        assertThat(run.exitCode()).isEqualTo(Main.EXIT_OK);
        assertThat(run.stderr()).contains("skipped 1 unreadable line").contains("bad.actors.txt:3");
        assertThat(run.lines()).isNotEmpty();
    }

    @Test
    void strictDictionariesStopAtTheBadLineWithAUsageError() throws IOException {
        Path actors = write("bad.actors.txt", "ARNOR [ARN]\nGONDOR\n\t[GON <9908223]\n\t[GON]\n");
        Path f = write("talks.txt", "Talks\n\nArnor condemned Gondor on Tuesday for the border raid.\n");
        CliRun run = CliRun.run("code", "--published", "2024-02-08", "--strict-dictionaries", "--petrarch-actors",
                actors.toString(), f.toString());
        assertThat(run.exitCode()).isEqualTo(Main.EXIT_USAGE);
        assertThat(run.stderr()).contains("bad.actors.txt:3");
        assertThat(run.stdout()).isEmpty();
    }

    @Test
    void verbsWithoutActorsOrAMissingDictionaryAreUsageErrors() throws IOException {
        Path f = write("talks.txt", "Talks\n\nArnor condemned Gondor.\n");
        CliRun noActors = CliRun.run("code", "--petrarch-verbs", VERBS, f.toString());
        assertThat(noActors.exitCode()).isEqualTo(Main.EXIT_USAGE);
        assertThat(noActors.stderr()).contains("--petrarch-actors");
        CliRun missing = CliRun.run("code", "--petrarch-actors", dir.resolve("nope.txt").toString(), f.toString());
        assertThat(missing.exitCode()).isEqualTo(Main.EXIT_USAGE);
        assertThat(missing.stderr()).contains("nope.txt");
    }

    private static Map<String, Object> event(CliRun run, String source, String target) {
        for (String line : run.lines()) {
            Map<String, Object> e = Json.parseObject(line);
            if (code(e.get("actor")).equals(source) && code(e.get("recipient")).equals(target)) {
                return e;
            }
        }
        throw new AssertionError("no " + source + " → " + target + " event in:\n" + run.stdout() + run.stderr());
    }

    private static String code(Object actors) {
        List<?> l = (List<?>) actors;
        return l.isEmpty() ? "" : String.valueOf(((Map<?, ?>) l.get(0)).get("code"));
    }

    private static Map<?, ?> cameo(Map<String, Object> e) {
        return (Map<?, ?>) e.get("cameo");
    }

    private static List<String> ids(CliRun run) {
        return run.lines().stream().map(l -> (String) Json.parseObject(l).get("id")).toList();
    }

    private static Path write(String name, String content) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, content, StandardCharsets.UTF_8);
        return p;
    }
}
