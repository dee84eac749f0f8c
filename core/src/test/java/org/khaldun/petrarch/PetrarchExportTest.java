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

    @Test
    void petrarchActorsBecomeKhaldunActorEntriesWithTheSameDatedCodes() {
        PetrarchActors actors = PetrarchReader.readActors("p.actors", """
                UNITED_STATES [USA]
                +U.S.
                GOLLUM
                \t[HOB <950601]
                \t[HOBGOV 19950601-19990815]
                AL-QAEDA [IMGMOSALQ]
                BOROMIR [---]
                """);
        List<org.khaldun.actor.ActorEntry> entries = PetrarchActorAdapter.actorEntries(actors);
        assertThat(entries).extracting(org.khaldun.actor.ActorEntry::phrase)
                .containsExactly("United States", "U.S.", "Gollum", "al-Qaeda");
        assertThat(entries.get(0).kind()).isEqualTo(org.khaldun.actor.ActorEntry.Kind.COUNTRY);
        assertThat(entries.get(3).kind()).isEqualTo(org.khaldun.actor.ActorEntry.Kind.GROUP);
        org.khaldun.actor.ActorEntry gollum = entries.get(2);
        assertThat(gollum.kind()).isEqualTo(org.khaldun.actor.ActorEntry.Kind.PERSON);
        assertThat(gollum.source()).isEqualTo("p.actors:3");
        // PETRARCH's last day is included; Khaldun's periods end the day before "to"
        assertThat(gollum.codeOn(LocalDate.of(1999, 8, 15))).hasValue("HOBGOV");
        assertThat(gollum.codeOn(LocalDate.of(1995, 6, 2))).hasValue("HOBGOV");
        assertThat(gollum.codeOn(LocalDate.of(1990, 1, 1))).hasValue("HOB");
    }

    @Test
    void petrarchAgentsBecomeKhaldunAgentEntries() {
        PetrarchDictionaries d = new PetrarchDictionaries(PetrarchReader.readVerbs("v", "--- X [---] ---\nX\n"),
                PetrarchReader.readActors("a", "GONDOR [GON]\n"),
                PetrarchReader.readAgents("g", "BORDER_POLICE {} [~COP]\n"), null);
        org.khaldun.actor.ActorDictionary dict = PetrarchActorAdapter
                .addTo(org.khaldun.actor.ActorDictionary.builder(), d).build();
        assertThat(dict.entries()).extracting(e -> e.phrase() + " " + e.kind() + " " + e.codes().get(0).code())
                .containsExactly("Gondor COUNTRY GON", "border police AGENT COP");
    }
}
