package org.khaldun.petrarch;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

class PetrarchExportTest {

    @Test
    void everyActorNameCarriesTheActorsDatedCodes() {
        PetrarchActors actors = PetrarchReader.readActors("a", "BARACK_OBAMA [USAELI]\n+OBAMA\n\t[USAGOV >20090120]\n");
        List<PetrarchExport.ActorName> names = PetrarchExport.actorNames(actors);
        assertThat(names).extracting(PetrarchExport.ActorName::name).containsExactly("barack obama", "obama");
        assertThat(names).extracting(PetrarchExport.ActorName::primary).containsExactly(true, false);
        assertThat(DatedCode.resolve(names.get(1).codes(), LocalDate.of(2010, 1, 1))).isEqualTo("USAGOV");
    }

    @Test
    void verbPatternsBecomeLemmaPatternCodeRules() {
        PetrarchVerbs verbs = PetrarchReader.readVerbs("v", """
                --- RESTORE  [064]  ---
                RESTORE
                - * DIPLOMATIC TIES [0641]
                +BREAK_OFF [195]
                """);
        List<PetrarchExport.VerbRule> rules = PetrarchExport.verbRules(verbs);
        assertThat(rules).extracting(r -> r.lemma() + "|" + r.pattern() + "|" + r.code()).containsExactly(
                "restore|* DIPLOMATIC TIES|0641", "restore|*|064", "break|* DIPLOMATIC TIES|0641", "break|*|195");
        assertThat(rules.get(0).forms()).contains("restored", "restoring");
        assertThat(rules.get(3).after()).containsExactly("off");
        assertThat(rules.get(0).source()).isEqualTo(new SourceLine("v", 3));
    }

    @Test
    void thePhoenixDictionariesLoadThroughOneEntryPoint() {
        Path dir = Path.of(System.getProperty("khaldun.shared", "../shared"), "data", "phoenix-dictionaries");
        Assumptions.assumeTrue(Files.exists(dir.resolve("CAMEO.2.0.txt")), "Phoenix dictionaries not available");
        List<PetrarchFormatException> skipped = new ArrayList<>();
        PetrarchDictionaries d = PetrarchDictionaries.load(dir.resolve("CAMEO.2.0.txt"),
                List.of(dir.resolve("Phoenix.MilNonState.actors.txt")), dir.resolve("Phoenix.agents.txt"),
                dir.resolve("Phoenix.discards.txt"), skipped::add);
        assertThat(d.verbs().blocks()).hasSize(397);
        assertThat(PetrarchExport.agentNouns(d.agents())).anySatisfy(a -> {
            assertThat(a.noun()).isEqualTo("border patrol police");
            assertThat(a.code()).isEqualTo("COP");
        });
        // the few malformed lines of these long-lived files are reported with their place, not fatal
        assertThat(skipped).isNotEmpty().allSatisfy(e -> assertThat(e.getMessage()).matches("[\\w.]+:\\d+: .*"));
    }
}
