package org.khaldun.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.khaldun.json.Json;

/** The command-line contract other people script against: stdout carries events only, stderr the rest. */
class CodeCommandTest {

    static final String ARTICLE = "Iran and Iraq discuss border security\n\n"
            + "On Monday, the Iraqi foreign minister received his Iranian counterpart in Baghdad.\n"
            + "The two ministers discussed border security.\n";

    @TempDir
    Path dir;

    @Test
    void everyStdoutLineIsOneJsonEventAndDiagnosticsGoToStderr() throws IOException {
        Path f = write("talks.txt", ARTICLE);
        CliRun run = CliRun.run("code", "--published", "2025-03-12", f.toString());
        assertThat(run.exitCode()).isEqualTo(Main.EXIT_OK);
        assertThat(run.lines()).isNotEmpty();
        for (String line : run.lines()) {
            Map<String, Object> event = Json.parseObject(line);
            assertThat(event).containsKeys("id", "article_id", "date", "actor", "recipient", "event", "mode", "context",
                    "cameo", "text_info", "modality", "explanation", "codebook");
            assertThat(event.get("article_id")).isEqualTo("talks");
        }
        assertThat(run.stderr()).contains("coded 1 article");
    }

    @Test
    void eventIdsAreStableAcrossRuns() throws IOException {
        Path f = write("talks.txt", ARTICLE);
        CliRun first = CliRun.run("code", "--published", "2025-03-12", f.toString());
        CliRun second = CliRun.run("code", "--published", "2025-03-12", "--threads", "1", f.toString());
        assertThat(ids(second)).isEqualTo(ids(first)).doesNotHaveDuplicates();
    }

    @Test
    void aBrokenJsonLineIsNamedOnStderrAndTheOtherRecordsAreStillCoded() throws IOException {
        String good = Json.write(Map.of("id", "a1", "title", "Iraq and Iran discuss security",
                "text", "The Iraqi foreign minister received his Iranian counterpart on Monday.", "published", "2025-03-12"));
        Path f = write("feed.jsonl", good + "\n{\"id\": \"broken\", \"text\": \n" + good.replace("a1", "a2") + "\n");
        CliRun run = CliRun.run("code", f.toString());
        assertThat(run.exitCode()).isEqualTo(Main.EXIT_SOME_RECORDS_FAILED);
        assertThat(run.stderr()).contains("feed.jsonl:2");
        assertThat(articleIds(run)).contains("a1", "a2");
    }

    @Test
    void anEmptyFileAndABinaryFileFailAloneWithAClearMessage() throws IOException {
        write("a-empty.txt", "");
        Files.write(dir.resolve("b-binary.txt"), new byte[] {0, 1, 2, 3, (byte) 0xff, 0, 0, 7});
        write("c-good.txt", ARTICLE);
        CliRun run = CliRun.run("code", "--published", "2025-03-12", dir.toString());
        assertThat(run.exitCode()).isEqualTo(Main.EXIT_SOME_RECORDS_FAILED);
        assertThat(run.stderr()).contains("a-empty.txt").contains("b-binary.txt").doesNotContain("Exception");
        assertThat(articleIds(run)).containsOnly("c-good");
    }

    @Test
    void articlesAreReadFromStdinWithADash() {
        CliRun run = CliRun.withStdin(ARTICLE, "code", "--published", "2025-03-12", "-");
        assertThat(run.exitCode()).isEqualTo(Main.EXIT_OK);
        assertThat(articleIds(run)).allMatch(id -> id.startsWith("stdin-"));
    }

    @Test
    void aBadPublicationDateIsAUsageError() throws IOException {
        Path f = write("talks.txt", ARTICLE);
        CliRun run = CliRun.run("code", "--published", "8 Feb 2024", f.toString());
        assertThat(run.exitCode()).isEqualTo(Main.EXIT_USAGE);
        assertThat(run.stderr()).contains("--published must be YYYY-MM-DD");
        assertThat(run.stdout()).isEmpty();
    }

    @Test
    void aMissingFileIsReportedAndNothingElseIsLost() throws IOException {
        Path f = write("talks.txt", ARTICLE);
        CliRun run = CliRun.run("code", "--published", "2025-03-12", dir.resolve("nope.txt").toString(), f.toString());
        assertThat(run.exitCode()).isEqualTo(Main.EXIT_SOME_RECORDS_FAILED);
        assertThat(run.stderr()).contains("nope.txt");
        assertThat(articleIds(run)).contains("talks");
    }

    @Test
    void tsvHasAHeaderAndOneRowPerJsonEvent() throws IOException {
        Path f = write("talks.txt", ARTICLE);
        CliRun json = CliRun.run("code", "--published", "2025-03-12", f.toString());
        CliRun tsv = CliRun.run("code", "--format", "tsv", "--published", "2025-03-12", f.toString());
        assertThat(tsv.lines().get(0)).startsWith("id\tarticle_id\tdate");
        assertThat(tsv.lines()).hasSize(json.lines().size() + 1);
    }

    @Test
    void factsOnlyDropsFlaggedEvents() throws IOException {
        Path f = write("threat.txt", "Talks stall\n\nIran will not meet Iraqi officials next week, the foreign ministry said.\n"
                + "Iraqi troops attacked Islamic State fighters near Mosul on Sunday.\n");
        CliRun all = CliRun.run("code", "--published", "2025-03-12", f.toString());
        CliRun facts = CliRun.run("code", "--published", "2025-03-12", "--facts-only", f.toString());
        for (String line : facts.lines()) {
            assertThat(Json.parseObject(line).get("modality").toString()).doesNotContain("true");
        }
        assertThat(all.stdout()).contains("\"negated\":true");
        assertThat(facts.lines()).isNotEmpty().hasSizeLessThan(all.lines().size());
    }

    private List<String> ids(CliRun run) {
        return run.lines().stream().map(l -> (String) Json.parseObject(l).get("id")).toList();
    }

    private List<String> articleIds(CliRun run) {
        return run.lines().stream().map(l -> (String) Json.parseObject(l).get("article_id")).distinct().toList();
    }

    private Path write(String name, String content) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, content, StandardCharsets.UTF_8);
        return p;
    }
}
