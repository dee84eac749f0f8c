package org.khaldun.classifier;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The combination rule on hand-made opinions: no NLP, no model. */
class CombinationRuleTest {

    private static final CombinationRule RULE = new CombinationRule(0.8, 0.2, 0.05, 0.6, 0.6);

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

    @Test
    void aConfidentNoEventVetoesEveryPatternEventOfTheSentence() {
        CombinationRule.Decision d = RULE.decide(List.of("ASSAULT", "ACCUSE"), opinion("ASSAULT", 0.05));
        assertThat(d.verdicts()).extracting(CombinationRule.Verdict::action)
                .containsExactly(CombinationRule.Action.VETO, CombinationRule.Action.VETO);
        assertThat(d.verdicts().get(0).reason()).contains("no event 0.95");
        assertThat(d.propose()).isEqualTo(-1);
    }

    @Test
    void anEventWhoseTypeTheClassifierSupportsIsKept() {
        CombinationRule.Decision d = RULE.decide(List.of("PROTEST"), opinion("PROTEST", 0.7, "COERCE", 0.2));
        assertThat(d.verdicts().get(0).action()).isEqualTo(CombinationRule.Action.KEEP);
        assertThat(d.verdicts().get(0).reason()).contains("agrees");
    }

    @Test
    void typeSupportAddsUpOverTheClassesOfOneType() {
        // REQUEST is two classes (appeal, demand): 0.15 + 0.15 supports a REQUEST event
        CombinationRule.Decision d = RULE.decide(List.of("REQUEST"),
                opinion("REQUEST/appeal", 0.15, "REQUEST/demand", 0.15, "ACCUSE", 0.5));
        assertThat(d.verdicts().get(0).action()).isEqualTo(CombinationRule.Action.KEEP);
    }

    @Test
    void aContradictedEventAloneInItsSentenceTakesTheClassifiersConfidentType() {
        CombinationRule.Decision d = RULE.decide(List.of("ASSAULT"), opinion("PROTEST", 0.85, "ASSAULT", 0.02));
        CombinationRule.Verdict v = d.verdicts().get(0);
        assertThat(v.action()).isEqualTo(CombinationRule.Action.RETYPE);
        assertThat(EventClasses.get(v.toClass()).ploverType()).isEqualTo("PROTEST");
    }

    @Test
    void aContradictionIsKeptWhenTheClassifierIsUnsureItself() {
        CombinationRule.Decision d = RULE.decide(List.of("ASSAULT"),
                opinion("PROTEST", 0.45, "COERCE", 0.4, "ASSAULT", 0.1));
        assertThat(d.verdicts().get(0).action()).isEqualTo(CombinationRule.Action.KEEP);
    }

    @Test
    void aStrayTriggerBesideASupportedEventIsDropped() {
        CombinationRule.Decision d = RULE.decide(List.of("ASSAULT", "AID"), opinion("ASSAULT", 0.9, "AID", 0.01));
        assertThat(d.verdicts()).extracting(CombinationRule.Verdict::action)
                .containsExactly(CombinationRule.Action.KEEP, CombinationRule.Action.VETO);
    }

    @Test
    void aSecondEventBesideASupportedOneIsKeptWhenNotImplausible() {
        CombinationRule.Decision d = RULE.decide(List.of("ASSAULT", "ACCUSE"),
                opinion("ASSAULT", 0.8, "ACCUSE", 0.1));
        assertThat(d.verdicts()).extracting(CombinationRule.Verdict::action)
                .containsExactly(CombinationRule.Action.KEEP, CombinationRule.Action.KEEP);
    }

    @Test
    void aSentenceWithoutPatternEventsGetsTheClassifiersConfidentType() {
        CombinationRule.Decision d = RULE.decide(List.of(), opinion("CONSULT", 0.75));
        assertThat(EventClasses.get(d.propose()).ploverType()).isEqualTo("CONSULT");
        assertThat(d.proposeReason()).contains("CONSULT 0.75");
    }

    @Test
    void nothingIsProposedBelowTheThresholdOrForNoEvent() {
        assertThat(RULE.decide(List.of(), opinion("CONSULT", 0.5)).propose()).isEqualTo(-1);
        assertThat(RULE.decide(List.of(), opinion("CONSULT", 0.1)).propose()).isEqualTo(-1);
    }

    @Test
    void statementsAreJudgedAsTheStatementClass() {
        CombinationRule.Decision d = RULE.decide(List.of(""), opinion("statement", 0.6));
        assertThat(d.verdicts().get(0).action()).isEqualTo(CombinationRule.Action.KEEP);
    }
}
