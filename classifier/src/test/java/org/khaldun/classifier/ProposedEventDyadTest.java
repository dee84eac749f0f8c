package org.khaldun.classifier;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.khaldun.actor.Actor;
import org.khaldun.article.Article;
import org.khaldun.codebook.TableCodebook;
import org.khaldun.event.DependencyEventCoder;
import org.khaldun.event.Event;
import org.khaldun.pipeline.CodedArticle;
import org.khaldun.pipeline.PipelineOptions;
import org.khaldun.pipeline.Pipelines;

/**
 * Who did what to whom when the classifier decides the type: the event's actor and recipient come from the pattern
 * coder's dependency rules applied to the sentence's best word for the type, not from the order of the mentions. The
 * classifier's opinion is given by hand, so each case says what happens once the type is decided.
 */
class ProposedEventDyadTest {

    private static final ClassifierGuidedCoder CODER = new ClassifierGuidedCoder(
            DependencyEventCoder.withBuiltinLexicon(TableCodebook.builtin()), PloverClassifier.builtin(),
            TableCodebook.builtin(), CoderChoice.COMBINED, CombinationRule.DEFAULT);

    private static Opinion sure(String className) {
        double[] p = new double[EventClasses.SIZE];
        int k = EventClasses.indexOf(className);
        p[k] = 0.95;
        p[EventClasses.NONE] = 0.05;
        return new Opinion(p, k, "", 0);
    }

    /** Codes one sentence: the pipeline parses it; the combined coder decides with the given opinion. */
    private static ClassifierGuidedCoder.Outcome decide(String text, String className, boolean withPatternEvents) {
        return decide(CODER, text, className, withPatternEvents);
    }

    /** The same with a proposed event's dyad from {@code source}, the combined coding only. */
    private static Event proposed(ClassifierGuidedCoder.DyadSource source, String text, String className) {
        return only(decide(CODER.withDyads(source), text, className, false).combined());
    }

    private static ClassifierGuidedCoder.Outcome decide(ClassifierGuidedCoder coder, String text, String className,
                                                        boolean withPatternEvents) {
        CodedArticle a = Pipelines.create(PipelineOptions.DEFAULTS).parsingEverySentence()
                .code(Article.of("t", "", "", text, null, ""));
        return coder.decide(a.article(), a.sentences(), a.actors(), a.times(),
                withPatternEvents ? a.events() : List.of(), s -> sure(className), CombinationRule.DEFAULT, true);
    }

    private static Event only(List<Event> events) {
        assertThat(events).hasSize(1);
        return events.get(0);
    }

    /** The event's actor and recipient are one country each (the explanation shows when they are not). */
    private static void assertDyad(Event e, String actor, String recipient) {
        assertThat(countries(e.actor())).as(e.explanation()).containsExactly(actor);
        assertThat(countries(e.recipient())).as(e.explanation()).containsExactly(recipient);
    }

    private static List<String> countries(List<Actor> actors) {
        return actors.stream().map(Actor::country).toList();
    }

    @Test
    void aProposedRequestOnXUrgedYToGetsXAsActorAndYAsRecipient() {
        ClassifierGuidedCoder.Outcome o = decide("Kenya urged Somalia to reopen the border crossing at Mandera.",
                "REQUEST/appeal", false);
        for (Event e : List.of(only(o.combined()), only(o.classifier()))) {
            assertThat(e.eventType()).isEqualTo("REQUEST");
            assertThat(countries(e.actor())).containsExactly("KEN");
            assertThat(countries(e.recipient())).containsExactly("SOM");
            assertThat(e.textInfo().trigger()).isEqualTo("urged");
            assertThat(e.explanation()).contains("dependency rules (actors)").contains("nsubj(Kenya");
        }
    }

    @Test
    void conjoinedAskersAreBothActorsAndTheSecondAskerIsNotTheRecipient() {
        Event e = only(decide("France and Germany urged Hungary to lift its veto on the aid package.",
                "REQUEST/appeal", false).combined());
        assertThat(countries(e.actor())).containsExactly("FRA", "DEU");
        assertThat(countries(e.recipient())).containsExactly("HUN");
    }

    @Test
    void aProposedEventOnAVerbTheLexiconDoesNotKnowTakesTheVerbsSubjectAndObject() {
        Event e = only(decide("Germany reassured Poland about the pipeline on Tuesday.", "SUPPORT", false)
                .combined());
        assertThat(e.textInfo().trigger()).isEqualTo("reassured");
        assertThat(countries(e.actor())).containsExactly("DEU");
        assertThat(countries(e.recipient())).containsExactly("POL");
    }

    @Test
    void anEventReportedBySomeoneElseHasTheReportedClausesActorsNotTheSpeaker() {
        Event e = only(decide("Pakistan said that Indian soldiers harassed Pakistani diplomats in New Delhi.",
                "COERCE", false).combined());
        assertThat(e.textInfo().trigger()).isEqualTo("harassed");
        assertThat(countries(e.actor())).containsExactly("IND");
        assertThat(countries(e.recipient())).containsExactly("PAK");
        assertThat(e.explanation()).contains("said-by=");
    }

    @Test
    void aProposedAccusationInASentenceThatReportsSpeechIsTheSpeakersNotTheReportedClausesSubject() {
        // ACCUSE is verbal (CAMEO quad class 3): saying that the soldiers harassed diplomats is Pakistan's accusation
        Event e = only(decide("Pakistan said that Indian soldiers harassed Pakistani diplomats in New Delhi.",
                "ACCUSE", false).combined());
        assertThat(e.textInfo().trigger()).isEqualTo("said");
        assertDyad(e, "PAK", "IND");
    }

    @Test
    void aProposedAssaultInsideAReportedClauseTakesTheAttackerOfThatClause() {
        // ASSAULT is material (quad class 4): the shelling is the event, the one who reports it is only its source
        Event e = only(decide("Armenia said Azerbaijani forces shelled Armenian villages overnight.", "ASSAULT",
                false).combined());
        assertThat(e.textInfo().trigger()).isEqualTo("shelled");
        assertDyad(e, "AZE", "ARM");
    }

    @Test
    void aKindOfAdjectiveOnTheObjectIsNotTheRecipientWhenANamedActorFollows() {
        // "military equipment" says what was withheld, not from whom ("withhold" has no lexicon entry: the stand-in reads
        // its object first, and the kind-of adjective there gives way to the named actor after it)
        Event e = only(decide("The United States withheld military equipment from Pakistan on Tuesday.", "REJECT", false)
                .combined());
        assertDyad(e, "USA", "PAK");
        assertThat(e.explanation()).contains("kind-of adjective, not a participant");
        // where the lexicon knows the verb, its rules name whom the aid was for without the fallback
        Event suspended = only(decide("The United States suspended military aid to Pakistan on Tuesday.", "REJECT",
                false).combined());
        assertDyad(suspended, "USA", "PAK");
    }

    @Test
    void aMissingRecipientIsANamedActorAfterTheWordBeforeABareSectorWord() {
        Event e = only(decide("Australia offered to send troops to Jordan.", "AGREE", false).combined());
        assertDyad(e, "AUS", "JOR");
    }

    @Test
    void aMissingRecipientIsTheNextMentionAfterTheWordNotOneBeforeIt() {
        Event e = only(decide("Days after a visit to Kenya, Uganda formally accepted the proposal submitted by Tanzania.",
                "AGREE", false).combined());
        assertDyad(e, "UGA", "TZA");
    }

    @Test
    void withTheFillBeforeThisRoundAReportedAccusationTookTheReportedClausesSubject() {
        Event e = proposed(ClassifierGuidedCoder.DyadSource.DEPENDENCY_THEN_MENTIONS,
                "Pakistan said that Indian soldiers harassed Pakistani diplomats in New Delhi.", "ACCUSE");
        assertThat(countries(e.actor())).containsExactly("IND");
    }

    @Test
    void aPassiveTargetOfAProposedAttackIsTheRecipientAndTheByPhraseTheActor() {
        Event e = only(decide("Armenian troops were ambushed by Azerbaijani soldiers overnight.", "ASSAULT", false)
                .combined());
        assertDyad(e, "AZE", "ARM");
    }

    @Test
    void whenTheRulesNameNoRecipientTheNextMentionOfAnotherActorAfterTheWordIsTheRecipientAndTheExplanationSaysSo() {
        Event e = only(decide("Kenya protested on Monday as Somali troops gathered near the border.", "PROTEST",
                false).combined());
        assertThat(countries(e.actor())).containsExactly("KEN");
        assertThat(countries(e.recipient())).containsExactly("SOM");
        assertThat(e.explanation()).contains("(next mention after the word)");
    }

    @Test
    void withTheRulesAloneARecipientTheyDoNotNameStaysEmpty() {
        Event e = proposed(ClassifierGuidedCoder.DyadSource.DEPENDENCY,
                "Kenya protested on Monday as Somali troops gathered near the border.", "PROTEST");
        assertThat(countries(e.actor())).containsExactly("KEN");
        assertThat(e.recipient()).isEmpty();
    }

    @Test
    void aRetypedEventWithNoWordOfTheNewTypeKeepsThePatternCodersActors() {
        Event e = only(decide("Kenya urged Somalia to reopen the border crossing at Mandera.", "ASSAULT", true)
                .combined());
        assertThat(e.eventType()).isEqualTo("ASSAULT");
        assertThat(e.textInfo().trigger()).isEqualTo("urged");
        assertThat(countries(e.actor())).containsExactly("KEN");
        assertThat(e.explanation()).contains("classifier (type), pattern (actors)");
    }
}
