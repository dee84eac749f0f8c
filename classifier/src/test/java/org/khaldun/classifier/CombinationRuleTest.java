package org.khaldun.classifier;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The combination rule on hand-made opinions: no NLP, no model. */
class CombinationRuleTest {

    private static final CombinationRule RULE = new CombinationRule(3.0, 2.0, 0.3, 0.4, 0);

    /** An opinion that gives {@code p} to each named class and spreads the rest over "no event". */
    private static Opinion opinion(Object... classAndProbability) {
        double[] p = new double[EventClasses.SIZE];
        double rest = 1;
        for (int i = 0; i < classAndProbability.length; i += 2) {
            int k = EventClasses.indexOf((String) classAndProbability[i]);
            p[k] = (Double) classAndProbability[i + 1];
            rest -= p[k];
        }
        p[EventClasses.NONE] += rest;
        int best = 0;
        for (int k = 1; k < p.length; k++) {
            if (p[k] > p[best]) {
                best = k;
            }
        }
        return new Opinion(p, best, "", 0);
    }

    private static List<CombinationRule.Action> actions(CombinationRule.Decision d) {
        return d.verdicts().stream().map(CombinationRule.Verdict::action).toList();
    }

    @Test
    void anEventWhoseTypeTheClassifierAlsoFavoursIsKeptAsThePatternsCodedIt() {
        CombinationRule.Decision d = RULE.decide(List.of("PROTEST"), opinion("PROTEST", 0.7, "COERCE", 0.2));
        assertThat(actions(d)).containsExactly(CombinationRule.Action.KEEP);
        assertThat(d.verdicts().get(0).agreed()).isTrue();
        assertThat(d.verdicts().get(0).reason()).contains("agrees");
    }

    @Test
    void eachVerdictCarriesTheFusedProbabilityOfTheTypeTheEventEndsWithAsItsConfidence() {
        Opinion o = opinion("PROTEST", 0.3, "COERCE", 0.4);
        CombinationRule.Decision d = RULE.decide(List.of("PROTEST"), o);
        // PROTEST 0.3 × 3 against COERCE 0.4 and no event 0.3: 0.9 / 1.6
        assertThat(d.verdicts().get(0).confidence()).isCloseTo(0.9 / 1.6, org.assertj.core.api.Assertions.within(1e-9));
        CombinationRule.Decision proposed = RULE.decide(List.of(), opinion("CONSULT", 0.75));
        // no pattern event: no event 0.25 × 2 against CONSULT 0.75
        assertThat(proposed.proposeConfidence()).isCloseTo(0.75 / 1.25, org.assertj.core.api.Assertions.within(1e-9));
    }

    @Test
    void thePatternCodersFindingTipsAnUnsureClassifier() {
        // the classifier leans to COERCE, but PROTEST coded by the patterns gets 3 × 0.3 against 0.4
        CombinationRule.Decision d = RULE.decide(List.of("PROTEST"), opinion("PROTEST", 0.3, "COERCE", 0.4));
        assertThat(actions(d)).containsExactly(CombinationRule.Action.KEEP);
        assertThat(d.verdicts().get(0).agreed()).isTrue();
    }

    @Test
    void aConfidentNoEventDropsEveryPatternEventOfTheSentence() {
        CombinationRule.Decision d = RULE.decide(List.of("ASSAULT", "ACCUSE"), opinion("ASSAULT", 0.03));
        assertThat(actions(d)).containsExactly(CombinationRule.Action.VETO, CombinationRule.Action.VETO);
        assertThat(d.propose()).isEqualTo(-1);
    }

    @Test
    void typeProbabilityAddsUpOverTheClassesOfOneType() {
        // REQUEST is two classes (appeal, demand): 0.2 + 0.2, weighted, outweighs ACCUSE 0.5
        CombinationRule.Decision d = RULE.decide(List.of("REQUEST"),
                opinion("REQUEST/appeal", 0.2, "REQUEST/demand", 0.2, "ACCUSE", 0.5));
        assertThat(actions(d)).containsExactly(CombinationRule.Action.KEEP);
        assertThat(d.verdicts().get(0).agreed()).isTrue();
    }

    @Test
    void aContradictedEventTakesTheClassifiersConfidentTypeAndKeepsItsActors() {
        CombinationRule.Decision d = RULE.decide(List.of("ASSAULT"), opinion("PROTEST", 0.85, "ASSAULT", 0.02));
        CombinationRule.Verdict v = d.verdicts().get(0);
        assertThat(v.action()).isEqualTo(CombinationRule.Action.RETYPE);
        assertThat(EventClasses.get(v.toClass()).ploverType()).isEqualTo("PROTEST");
        assertThat(d.propose()).as("the retyped event is the sentence's event").isEqualTo(-1);
    }

    @Test
    void onlyTheLeastPlausibleOfSeveralContradictedEventsIsRetyped() {
        CombinationRule.Decision d = RULE.decide(List.of("ACCUSE", "AID"),
                opinion("PROTEST", 0.6, "ACCUSE", 0.15, "AID", 0.01));
        assertThat(actions(d)).containsExactly(CombinationRule.Action.KEEP, CombinationRule.Action.RETYPE);
    }

    @Test
    void aStrayTriggerBesideTheSentencesEventIsDropped() {
        CombinationRule.Decision d = RULE.decide(List.of("ASSAULT", "AID"), opinion("ASSAULT", 0.9, "AID", 0.01));
        assertThat(actions(d)).containsExactly(CombinationRule.Action.KEEP, CombinationRule.Action.VETO);
    }

    @Test
    void aSecondEventBesideTheSentencesEventIsKeptWhenPlausible() {
        CombinationRule.Decision d = RULE.decide(List.of("ASSAULT", "ACCUSE"),
                opinion("ASSAULT", 0.5, "ACCUSE", 0.4));
        assertThat(actions(d)).containsExactly(CombinationRule.Action.KEEP, CombinationRule.Action.KEEP);
        assertThat(d.verdicts().get(1).agreed()).isFalse();
    }

    @Test
    void aSentenceWithoutPatternEventsGetsTheClassifiersConfidentType() {
        CombinationRule.Decision d = RULE.decide(List.of(), opinion("CONSULT", 0.75));
        assertThat(EventClasses.get(d.propose()).ploverType()).isEqualTo("CONSULT");
        assertThat(d.proposeReason()).contains("CONSULT 0.75");
    }

    @Test
    void theParsersSilenceCountsAgainstAnEventTheClassifierOnlyLeansTo() {
        // CONSULT 0.5 against no event 0.5 × 2 once the patterns found nothing
        assertThat(RULE.decide(List.of(), opinion("CONSULT", 0.5)).propose()).isEqualTo(-1);
        assertThat(RULE.decide(List.of(), opinion("CONSULT", 0.1)).propose()).isEqualTo(-1);
    }

    @Test
    void withNeutralWeightsTheTypesAreTheClassifiersAlone() {
        CombinationRule neutral = new CombinationRule(1, 1, 1.01, 0, 0);
        CombinationRule.Decision d = neutral.decide(List.of("ASSAULT", "PROTEST"),
                opinion("PROTEST", 0.35, "ASSAULT", 0.3, "COERCE", 0.05));
        assertThat(actions(d)).containsExactly(CombinationRule.Action.VETO, CombinationRule.Action.KEEP);
        assertThat(neutral.decide(List.of(), opinion("CONSULT", 0.4, "AID", 0.3)).propose())
                .isEqualTo(EventClasses.indexOf("CONSULT"));
    }

    @Test
    void statementsAreJudgedAsTheStatementClass() {
        CombinationRule.Decision d = RULE.decide(List.of(""), opinion("statement", 0.6));
        assertThat(actions(d)).containsExactly(CombinationRule.Action.KEEP);
        assertThat(d.verdicts().get(0).agreed()).isTrue();
    }
}
