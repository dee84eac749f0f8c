package org.khaldun.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** The trigger lexicon as a maintainer edits it. */
class EventLexiconTest {

    private final EventLexicon lex = EventLexicon.builtin();
    private final EventFixtures.RootCodebook cameo = new EventFixtures.RootCodebook();

    @Test
    void everyCodeTheLexiconCanGiveIsACameoCode() {
        List<String> bad = new ArrayList<>();
        for (TriggerEntry e : lex.entries()) {
            if (!e.code().isEmpty() && !cameo.knows(e.code())) {
                bad.add(e.lemma() + "[" + e.code() + "] line " + e.line());
            }
            for (TriggerEntry.Rule r : e.rules()) {
                if (!r.code().isEmpty() && !cameo.knows(r.code())) {
                    bad.add(e.lemma() + "[" + r.code() + "] line " + r.line());
                }
                if (r.options().stanceCode() != null && !cameo.knows(r.options().stanceCode())) {
                    bad.add(e.lemma() + " stance " + r.options().stanceCode());
                }
            }
        }
        assertThat(bad).isEmpty();
    }

    @Test
    void everyCameoRootHasTriggers() {
        Set<String> roots = new TreeSet<>();
        for (TriggerEntry e : lex.entries()) {
            if (!e.code().isEmpty()) {
                roots.add(e.code().substring(0, 2));
            }
            for (TriggerEntry.Rule r : e.rules()) {
                if (!r.code().isEmpty()) {
                    roots.add(r.code().substring(0, 2));
                }
            }
        }
        assertThat(roots).containsExactly("01", "02", "03", "04", "05", "06", "07", "08", "09", "10", "11", "12",
                "13", "14", "15", "16", "17", "18", "19", "20");
        assertThat(lex.entries().stream().filter(TriggerEntry::codesEvents).count()).isGreaterThan(250);
    }

    @Test
    void surfaceFormsCoverRegularAndIrregularInflections() {
        for (String w : List.of("visits", "visited", "visiting", "accuses", "accused", "criticizing", "criticised",
                "talks", "airstrikes", "sanctions", "said", "met", "fought", "withdrew", "kidnapped", "shelled",
                "urges", "denied", "denies", "threatening", "attacks", "protest", "clashes", "strikes")) {
            assertThat(lex.isTriggerForm(w)).as(w).isTrue();
        }
        for (String w : List.of("weather", "the", "football", "economy")) {
            assertThat(lex.isTriggerForm(w)).as(w).isFalse();
        }
    }

    @Test
    void complementTopicsGiveFamilySubCodes() {
        EventLexicon.Topic withdraw = lex.topic("withdrawal").orElseThrow();
        assertThat(withdraw.codeByFamily()).containsEntry("appeal", "0256").containsEntry("demand", "1056");
        assertThat(lex.topic("pull_out")).contains(withdraw);
        assertThat(lex.topic("talks").or(() -> lex.topic("talk")).orElseThrow().codeByFamily())
                .containsEntry("appeal", "026");
    }

    @Test
    void aMalformedLineIsReportedWithItsNumber() {
        assertThatThrownBy(() -> EventLexicon.parse(List.of("V attack 190", "| obj@NOPE => 195")))
                .hasMessageContaining("NOPE");
        assertThatThrownBy(() -> EventLexicon.parse(List.of("# c", "V attack 19x")))
                .hasMessageContaining("line 2");
        assertThatThrownBy(() -> EventLexicon.parse(List.of("V attack 190", "V attack 195")))
                .hasMessageContaining("duplicate");
    }

    @Test
    void aSmallLexiconParsesWithRulesClassesAndOptions() {
        EventLexicon small = EventLexicon.parse(List.of(
                "version test-1",
                "class AIR: air aerial",
                "N strike 190 targets=nmod:on",
                "| compound@AIR => 195",
                "V say 010 speech forms=said"));
        TriggerEntry strike = small.noun("strike").orElseThrow();
        assertThat(strike.rules()).hasSize(1);
        assertThat(strike.rules().get(0).code()).isEqualTo("195");
        assertThat(strike.options().targets()).containsExactly("nmod:on");
        assertThat(small.verb("say").orElseThrow().options().speech()).isTrue();
        assertThat(small.isTriggerForm("said")).isTrue();
        assertThat(small.isTriggerForm("strikes")).isTrue();
        assertThat(small.version()).isEqualTo("test-1");
    }
}
