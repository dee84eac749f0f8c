package org.khaldun.event;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.khaldun.actor.Actor;
import org.khaldun.actor.ActorIndex;
import org.khaldun.article.Article;
import org.khaldun.event.EventFixtures.Actors;
import org.khaldun.nlp.Sentence;

/**
 * The dyad the pattern coder's dependency rules give a word chosen from outside (a coder that decided the event's type
 * on its own asks who did it to whom), whether or not the lexicon made the word fire.
 */
class TriggerRolesTest {

    private static final DependencyEventCoder CODER =
            DependencyEventCoder.withBuiltinLexicon(new EventFixtures.RootCodebook());

    private record Parsed(Article article, Sentence sentence, ActorIndex index) {
        int token(String word) {
            for (int i = 0; i < sentence.tokens().size(); i++) {
                if (sentence.token(i).word().equals(word)) {
                    return i;
                }
            }
            throw new AssertionError("no token '" + word + "' in " + sentence.text());
        }

        TriggerRoles roles(String word) {
            return CODER.roles(article, sentence, index, new EventFixtures.PublicationTimes(EventFixtures.PUBLISHED),
                    token(word)).orElseThrow();
        }
    }

    private static Parsed parse(String text, Actors actors) {
        List<Sentence> parsed = EventFixtures.NLP.parse(EventFixtures.NLP.split(text));
        return new Parsed(EventFixtures.article("t", text), parsed.get(0), actors.index(parsed));
    }

    private static List<String> codes(List<Actor> actors) {
        return actors.stream().map(Actor::code).toList();
    }

    @Test
    void theAskerOfAnAppealIsTheActorAndTheOneAskedTheRecipient() {
        TriggerRoles r = parse("Kenya urged Somalia to reopen the border crossing at Mandera.",
                new Actors().with("Kenya", "KEN").with("Somalia", "SOM")).roles("urged");
        assertThat(codes(r.actor())).containsExactly("KEN");
        assertThat(codes(r.recipient())).containsExactly("SOM");
        assertThat(r.code()).startsWith("02");
        assertThat(r.explanation()).contains("nsubj(Kenya→KEN)").contains("obj(Somalia→SOM)");
    }

    @Test
    void aVerbTheLexiconDoesNotKnowStillGetsItsSubjectAsActorAndItsObjectAsRecipient() {
        Parsed p = parse("Germany reassured Poland about the pipeline on Tuesday.",
                new Actors().with("Germany", "DEU").with("Poland", "POL"));
        assertThat(CODER.code(p.article(), List.of(p.sentence()), p.index(),
                new EventFixtures.PublicationTimes(EventFixtures.PUBLISHED))).as("the pattern coder codes nothing")
                .isEmpty();
        TriggerRoles r = p.roles("reassured");
        assertThat(codes(r.actor())).containsExactly("DEU");
        assertThat(codes(r.recipient())).containsExactly("POL");
        assertThat(r.code()).isEmpty();
    }

    @Test
    void aPassiveSubjectIsTheRecipientAndTheByPhraseTheActor() {
        TriggerRoles r = parse("Armenian positions were shelled by Azerbaijani forces overnight.",
                new Actors().with("Armenian positions", "ARMMIL").with("Azerbaijani forces", "AZEMIL"))
                .roles("shelled");
        assertThat(codes(r.actor())).containsExactly("AZEMIL");
        assertThat(codes(r.recipient())).containsExactly("ARMMIL");
    }

    @Test
    void conjoinedSubjectsAreEachAnActorInTextOrder() {
        TriggerRoles r = parse("France and Germany welcomed Moldova into the talks.",
                new Actors().with("France", "FRA").with("Germany", "DEU").with("Moldova", "MDA")).roles("welcomed");
        assertThat(codes(r.actor())).containsExactly("FRA", "DEU");
        assertThat(codes(r.recipient())).containsExactly("MDA");
    }

    @Test
    void inReportedSpeechTheEmbeddedClauseKeepsItsOwnActorsAndTheSpeakerStandsApart() {
        TriggerRoles r = parse("Pakistan said that Indian troops raided a Kashmiri village on Friday.",
                new Actors().with("Pakistan", "PAK").with("Indian troops", "INDMIL").with("Kashmiri village", "IND"))
                .roles("raided");
        assertThat(codes(r.actor())).containsExactly("INDMIL");
        assertThat(codes(r.recipient())).containsExactly("IND");
        assertThat(codes(r.saidBy())).containsExactly("PAK");
    }

    @Test
    void aNegatedWordCarriesItsNegation() {
        TriggerRoles r = parse("Chile did not recall its ambassador from Peru.",
                new Actors().with("Chile", "CHL").with("Peru", "PER")).roles("recall");
        assertThat(r.modality().negated()).isTrue();
        assertThat(codes(r.actor())).containsExactly("CHL");
    }

    @Test
    void candidateWordsOfATypeIncludeLexiconWordsOfThatCodeAndNoOthers() {
        Parsed p = parse("Kenya urged Somalia to reopen the border crossing at Mandera.",
                new Actors().with("Kenya", "KEN").with("Somalia", "SOM"));
        assertThat(CODER.candidateTriggers(p.sentence(), c -> c.startsWith("02"))).contains(p.token("urged"));
        assertThat(CODER.candidateTriggers(p.sentence(), c -> c.startsWith("19"))).doesNotContain(p.token("urged"));
    }
}
