package org.khaldun.actor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ActorDictionaryTest {

    @Test
    void theBuiltinDictionaryCoversSovereignStatesAndMore() {
        ActorDictionary d = ActorDictionary.builtin();
        assertThat(d.size()).isGreaterThan(1500);
        long countries = d.entries().stream().filter(e -> e.kind() == ActorEntry.Kind.COUNTRY)
                .map(e -> e.codes().get(0).code()).distinct().count();
        assertThat(countries).isGreaterThan(195);
        assertThat(d.isCountryCode("PSE")).isTrue();
        assertThat(d.isCountryCode("KSV")).isTrue();
        assertThat(d.isCountryCode("IGO")).isFalse();
    }

    @Test
    void noBuiltinPhraseIsSilentlyShadowedByAnotherKind() {
        Map<List<String>, ActorEntry> seen = new HashMap<>();
        for (ActorEntry e : ActorDictionary.builtin().entries()) {
            List<String> key = e.tokens().stream().map(ActorDictionary::normalize).toList();
            ActorEntry before = seen.put(key, e);
            if (before != null) {
                assertThat(before.kind()).as(e.phrase() + " at " + e.source() + " and " + before.source())
                        .isEqualTo(e.kind());
                assertThat(before.codes()).as(e.phrase()).isEqualTo(e.codes());
            }
        }
    }

    @Test
    void phrasesAreTokenisedLikeArticleText() {
        assertThat(ActorDictionary.tokenize("al-Qaeda")).containsExactly("al", "-", "Qaeda");
        assertThat(ActorDictionary.tokenize("People's Liberation Army")).containsExactly("People", "'s", "Liberation", "Army");
        assertThat(ActorDictionary.tokenize("U.S.")).containsExactly("U.S.");
    }

    @Test
    void aUserFileAddsAndOverridesEntries(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("mine.actors");
        Files.writeString(file, "# my actors\n"
                + "group  IRQREB  Saraya Awliya al-Dam   # a faction\n"
                + "person IRQGOV@2022-10-27..  Mohsen Al-Mandalawi\n"
                + "country XYZ  Freedonia | =FRD\n");
        ActorDictionary d = ActorDictionary.builtin().withFiles(List.of(file));
        Recognized r = Recognized.of(new DictionaryActorRecognizer(d),
                "Saraya Awliya al-Dam attacked. Freedonia and FRD replied, not frd. Mohsen Al-Mandalawi spoke.",
                LocalDate.of(2024, 2, 7));
        assertThat(r.first("Saraya Awliya al-Dam").actor().code()).isEqualTo("IRQREB");
        assertThat(r.first("Saraya Awliya al-Dam").rule()).contains("mine.actors:2");
        assertThat(r.first("Freedonia").actor().code()).isEqualTo("XYZ");
        assertThat(r.withText("FRD")).hasSize(1);
        assertThat(r.withText("frd")).isEmpty();
        assertThat(r.first("Mohsen Al-Mandalawi").actor().code()).isEqualTo("IRQGOV");
    }

    @Test
    void aBadLineIsReportedWithFileAndLine(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("bad.actors");
        Files.writeString(file, "country IRQ Iraq\n\ncontry IRN Iran\n");
        assertThatThrownBy(() -> ActorDictionary.builder().load(file))
                .isInstanceOf(DictionaryException.class)
                .hasMessageContaining("bad.actors:3")
                .hasMessageContaining("unknown kind 'contry'");
    }

    @Test
    void badCodesAndDatesAreReportedWithTheirLine() {
        assertThatThrownBy(() -> ActorDictionary.builder().load("x.actors", new StringReader("person usagov Joe\n")))
                .hasMessageStartingWith("x.actors:1: bad code 'usagov'");
        assertThatThrownBy(() -> ActorDictionary.builder().load("x.actors",
                new StringReader("# c\nperson USAGOV@2021-13-01.. Joe\n")))
                .hasMessageStartingWith("x.actors:2: bad date '2021-13-01'");
        assertThatThrownBy(() -> ActorDictionary.builder().load("x.actors", new StringReader("agent GOVX officials\n")))
                .hasMessageContaining("x.actors:1");
        assertThatThrownBy(() -> ActorDictionary.builder().load("x.actors", new StringReader("country IRQ\n")))
                .hasMessageContaining("x.actors:1: expected 'KIND CODES PHRASE");
        assertThatThrownBy(() -> ActorDictionary.builder().load(Path.of("/nonexistent/none.actors")))
                .isInstanceOf(DictionaryException.class).hasMessageContaining("none.actors");
    }

    @Test
    void entriesFromOtherReadersCanBeAddedThroughTheBuilder() {
        ActorEntry e = ActorEntry.of(ActorEntry.Kind.PERSON, "JOHN DOE",
                List.of(new DatedCode("ABCGOV", LocalDate.of(2020, 1, 1), null)), ActorEntry.Casing.ANY, Set.of(),
                "petrarch.txt:12");
        ActorDictionary d = ActorDictionary.builder().loadBuiltin().add(e).build();
        Recognized r = Recognized.of(new DictionaryActorRecognizer(d), "John Doe met the press.", LocalDate.of(2024, 1, 1));
        assertThat(r.first("John Doe").actor().code()).isEqualTo("ABCGOV");
        assertThat(r.first("John Doe").rule()).contains("petrarch.txt:12");
    }

    @Test
    void datedCodesPickThePeriodOfThePublicationDate() {
        ActorEntry biden = ActorDictionary.builtin().entries().stream()
                .filter(e -> e.phrase().equals("Joe Biden")).findFirst().orElseThrow();
        assertThat(biden.codeOn(LocalDate.of(2015, 6, 1))).contains("USAGOV");
        assertThat(biden.codeOn(LocalDate.of(2019, 6, 1))).contains("USAELI");
        assertThat(biden.codeOn(LocalDate.of(2025, 1, 19))).contains("USAGOV");
        assertThat(biden.codeOn(LocalDate.of(2025, 1, 20))).contains("USAELI");
        assertThat(biden.codeOn(null)).contains("USAELI");
    }
}
