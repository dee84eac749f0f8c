package org.khaldun.attribution;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.khaldun.actor.Actor;
import org.khaldun.actor.ActorIndex;
import org.khaldun.actor.ActorMention;
import org.khaldun.article.Article;
import org.khaldun.nlp.CoreNlpEngine;
import org.khaldun.nlp.NlpEngine;
import org.khaldun.nlp.Sentence;
import org.khaldun.nlp.Token;

class RuleAttributionFinderTest {

    private static final NlpEngine NLP = CoreNlpEngine.shared();
    private static final AttributionFinder FINDER = new RuleAttributionFinder();
    private static final ActorIndex NO_ACTORS = sentence -> List.of();

    // ------------------------------------------------------------------ direct quotes

    @Test
    void aQuoteClosedByHeSaidIsAttributedToThePersonThePronounRefersTo() {
        String text = "Mohsen Al-Mandalawi met the delegation on Wednesday. "
                + "\"The US attacks on Iraqi sites violate international law,\" he said.";
        Doc d = parse(text);
        // the actor recogniser resolves "he" to the speaker of parliament
        ActorIndex actors = new Mentions(d).add("he", "IRQLEG");
        Attribution a = only(FINDER.find(d.article, d.sentences, actors));
        assertThat(a.speakerCode()).isEqualTo("IRQLEG");
        assertThat(a.speakerText()).isEqualTo("he");
        assertThat(a.cue()).isEqualTo("said");
        assertThat(a.form()).isEqualTo(QuoteForm.DIRECT);
        assertThat(content(text, a)).isEqualTo("\"The US attacks on Iraqi sites violate international law,\"");
        assertThat(a.kind()).isEqualTo(SourceKind.NAMED);
    }

    @Test
    void aCurlyQuoteAfterHeSaidColonIsDirectSpeech() {
        String text = "He said: “We will not accept foreign forces on our soil.”";
        Attribution a = only(find(text));
        assertThat(a.form()).isEqualTo(QuoteForm.DIRECT);
        assertThat(content(text, a)).isEqualTo("“We will not accept foreign forces on our soil.”");
        assertThat(a.speakerText()).isEqualTo("He");
    }

    @Test
    void aQuotationOpenedInOneSentenceAndClosedInALaterOneIsOneContent() {
        String text = "“The talks went well. We agreed on a timetable. The forces will leave,” the minister said.";
        Attribution a = only(find(text));
        assertThat(content(text, a)).startsWith("“The talks went well.").endsWith("The forces will leave,”");
        assertThat(a.speakerText()).isEqualTo("the minister");
        assertThat(a.form()).isEqualTo(QuoteForm.DIRECT);
    }

    @Test
    void aQuoteInterruptedByItsCueIsOneAttributionInTwoPieces() {
        String text = "\"We will respond,\" the spokesman said, \"and we will do so at a time of our choosing.\"";
        Attribution a = only(find(text));
        assertThat(a.content()).hasSize(2);
        assertThat(a.content().get(1).of(text)).isEqualTo("\"and we will do so at a time of our choosing.\"");
    }

    @Test
    void invertedCuesTakeTheirSpeakerFromAfterTheVerb() {
        String text = "\"This is a dangerous escalation by the government,\" said Ali Hassan, a member of parliament.";
        Attribution a = only(find(text));
        assertThat(a.speakerText()).startsWith("Ali Hassan");
    }

    @Test
    void scareQuotesAroundOneNameAreNotAQuote() {
        String text = "Iran praised its recent anti-\"Israel\" legislation and its stance on the \"Zionist entity\".";
        assertThat(find(text)).isEmpty();
    }

    @Test
    void aQuotationWithoutACueContinuesTheSpeakerOfTheParagraph() {
        String text = "\"We will not leave,\" the commander said. \"Our forces are ready for any attack on the base.\"";
        Attribution a = only(find(text));
        assertThat(a.content()).hasSize(2);
        assertThat(a.speakerText()).isEqualTo("the commander");
    }

    @Test
    void aCueClauseAfterAQuotationMayTrailOnWithARelativeClause() {
        String text = "\"There is a need for more oversight and transparency,\" said Ronald R. Fieldstone, a Miami lawyer "
                + "who has been involved in development projects.";
        Attribution a = only(find(text));
        assertThat(a.speakerText()).startsWith("Ronald R. Fieldstone");
        assertThat(a.form()).isEqualTo(QuoteForm.DIRECT);
    }

    @Test
    void aCueClauseAfterAQuotationMayTrailOnWithAPrepositionalPhrase() {
        String text = "\"It is finished, and everybody knows it,\" she said of the election, in which she was sure he would win.";
        Attribution a = only(find(text).stream().filter(x -> x.form().quoted()).toList());
        assertThat(a.speakerText()).isEqualTo("she");
        assertThat(a.content().get(0).of(text)).startsWith("\"It is finished");
    }

    @Test
    void theSpeakerIsNeverAWordInsideTheQuotation() {
        String text = "\"If it does not have the weapons yet, it will at some point, probably sooner than later,\" said "
                + "James Acton, a physicist who is co-director of the Nuclear Policy Program.";
        Attribution a = only(find(text));
        assertThat(a.speakerText()).startsWith("James Acton");
    }

    @Test
    void aParticipleCueWithoutSubjectSpeaksForTheSubjectOfItsClauseNotForItsObject() {
        String text = "Dean, a former party chairman, poked at Trump during the Monday night debate, tweeting, "
                + "\"Notice Trump sniffing all the time.\"";
        Attribution a = only(find(text));
        assertThat(a.speakerText()).startsWith("Dean");
    }

    @Test
    void aSentenceOpeningInvertedCueNamesItsSpeakerAfterTheVerb() {
        String text = "Said Ellis: \"I don't get the sense she is the least bit interested in tax reform.\"";
        Attribution a = only(find(text));
        assertThat(a.speakerText()).isEqualTo("Ellis");
    }

    @Test
    void aLabelInQuotationMarksMakesTheLabellingVerbACue() {
        String text = "Ohio Democratic Party Chairman David Pepper called Friday's decision a \"huge win for Ohio voters.\"";
        Attribution a = only(find(text));
        assertThat(a.speakerText()).endsWith("David Pepper");
        assertThat(a.content().get(0).of(text)).startsWith("Friday's decision");
        assertThat(a.form()).isEqualTo(QuoteForm.MIXED);
    }

    @Test
    void aQuotationInsideANarrativeSentenceDoesNotContinueTheLastSpeaker() {
        String text = "\"We will win this state by a wide margin,\" Smith said.\n\n"
                + "The main requirement is a \"lawful source of investment income\" for every applicant.";
        Attribution a = only(find(text));
        assertThat(a.speakerText()).isEqualTo("Smith");
        assertThat(a.content()).hasSize(1);
    }

    @Test
    void aTranscriptTurnGoesOnIntoAQuotedParagraphWithoutLabel() {
        String text = "WALLACE: Do you really see those two as equivalent, Governor?\n\n"
                + "PENCE: Well, look, you know, he has been out there saying some pretty tough stuff.\n\n"
                + "\"But the truth is that the campaign has a unique way of communicating to the people.\"";
        List<Attribution> all = find(text);
        assertThat(all).hasSize(2);
        assertThat(all.get(1).speakerText()).isEqualTo("PENCE");
        assertThat(all.get(1).content()).hasSize(2);
    }

    // ------------------------------------------------------------------ signed quotations (vox pops)

    /** Long lines, one paragraph each, as a scraped collection of readers' or voters' reactions comes. */
    private static final String VOX_POP = "The Election Seen From Main Street.\n\n"
            + "Photo/Agency.\n\n"
            + "”We work hard every day and we pay our taxes. Nobody should tell us that we do not belong here, because "
            + "this country is our home and we have built it too.”― Maria Lopez\n"
            + "“I am worried about the economy and about the jobs that are leaving my state for good, and neither "
            + "candidate has told me how they would bring them back.” ― Daniel Ortiz, 52, Youngstown\n";

    @Test
    void eachQuotationSignedAfterADashBelongsToItsSigner() {
        List<Attribution> all = find(VOX_POP);
        assertThat(all).extracting(Attribution::rule).containsOnly("quote:signed");
        assertThat(all).extracting(Attribution::speakerText).containsExactly("Maria Lopez", "Daniel Ortiz");
        assertThat(content(VOX_POP, all.get(1))).startsWith("“I am worried").endsWith("bring them back.”");
        assertThat(all.get(1).form()).isEqualTo(QuoteForm.DIRECT);
    }

    @Test
    void aClosingQuotationMarkThatOpensAParagraphOpensAQuotation() {
        // the first quotation starts with a misshapen '”'; read as a closing mark it would leave "Nobody should
        // tell us that ..." outside any quotation, a reported claim of "Nobody"
        Attribution first = find(VOX_POP).get(0);
        assertThat(content(VOX_POP, first)).startsWith("”We work hard").endsWith("built it too.”");
        assertThat(first.speakerText()).isEqualTo("Maria Lopez");
    }

    // ------------------------------------------------------------------ round 4: cues the parse or the tagger hid

    @Test
    void aTitleQuotedInsideTheAddresseeDoesNotHideTheThatClauseAfterIt() {
        String text = "The senator told Fox’s “Sunday Briefing” on Friday that “nobody in this building wants a shutdown.”";
        Attribution a = byCue(find(text), "told");
        assertThat(a.speakerText()).isEqualTo("The senator");
        assertThat(content(text, a)).isEqualTo("that “nobody in this building wants a shutdown.”");
        assertThat(a.form()).isEqualTo(QuoteForm.MIXED);
    }

    @Test
    void whatAnAddresseeIsToldToDoIsTheContent() {
        String text = "The governor told his supporters to “stay home and keep the roads clear for the crews.”";
        Attribution a = byCue(find(text), "told");
        assertThat(a.speakerText()).isEqualTo("The governor");
        assertThat(content(text, a)).isEqualTo("to “stay home and keep the roads clear for the crews.”");
    }

    @Test
    void encouragingSomeoneToDoSomethingIsReportedSpeech() {
        String text = "The mayor encouraged residents to “report anything that looks out of place to the police.”";
        Attribution a = byCue(find(text), "encouraged");
        assertThat(a.speakerText()).isEqualTo("The mayor");
        assertThat(content(text, a)).startsWith("to “report anything");
    }

    @Test
    void aThatOpeningAQuotationStartsTheContentWhateverTheParseMadeOfIt() {
        String text = "“We will win this district,” she said, adding that “some of the people they are sending here are simply lost.”";
        Attribution a = byCue(find(text), "adding");
        assertThat(content(text, a)).isEqualTo("that “some of the people they are sending here are simply lost.”");
        assertThat(a.speakerText()).isEqualTo("she");
    }

    @Test
    void aParticipleAfterAClauseSpeaksForTheClausesSubjectNotForTheNounBeforeItsComma() {
        String text = "Senator Maria Lopez dismissed the criticism, saying anyone who reads the bill “will see that it protects every family.”";
        Attribution a = byCue(find(text), "saying");
        assertThat(a.speakerText()).contains("Maria Lopez");
        assertThat(content(text, a)).startsWith("anyone who reads the bill").endsWith("protects every family.”");
    }

    @Test
    void saidOpeningTheSentenceBeforeANameAndAColonIsAnInvertedCue() {
        String text = "Said Morgan: “I do not think she cares about the budget at all.”";
        Attribution a = only(find(text));
        assertThat(a.cue()).isEqualTo("Said");
        assertThat(a.speakerText()).isEqualTo("Morgan");
        assertThat(content(text, a)).isEqualTo("“I do not think she cares about the budget at all.”");
    }

    @Test
    void aSpeakerAfterAQuotationStartsAfterItsClosingMark() {
        String text = "“That is the spirit, Frank — all the way, my friend,” Diane said to the candidate, who smiled at her.";
        Attribution a = byCue(find(text), "said");
        assertThat(a.speakerText()).isEqualTo("Diane");
        assertThat(content(text, a)).isEqualTo("“That is the spirit, Frank — all the way, my friend,”");
    }

    @Test
    void aPartyLabelInBracketsStaysWithTheNameItFollows() {
        String text = "“He would make a fine judge. Not just fine, excellent,” Sen. Robert Hale (D-Ore.) said in an interview.";
        Attribution a = byCue(find(text), "said");
        assertThat(a.speakerText()).startsWith("Sen. Robert Hale");
        assertThat(a.speakerName()).isEqualTo("Robert Hale");
    }

    @Test
    void aNewSentenceWhoseCueHasItsOwnQuotedContentDoesNotClaimTheQuotationBeforeIt() {
        String text = "Moscow insisted that the government “stop its reckless provocations.” The agency said the country "
                + "had shown “complete contempt for the repeated demands of its neighbours.”";
        List<Attribution> all = find(text);
        Attribution said = byCue(all, "said");
        assertThat(said.speakerText()).isEqualTo("The agency");
        assertThat(content(text, said)).startsWith("the country had shown").endsWith("its neighbours.”");
        Attribution insisted = byCue(all, "insisted");
        assertThat(insisted.speakerText()).isEqualTo("Moscow");
        assertThat(all).filteredOn(a -> a.content().stream().anyMatch(c -> c.overlaps(insisted.content().get(0))))
                .containsExactly(insisted);
    }

    @Test
    void aVerbOfAttackOrPraiseWhoseObjectIsAQuotationAttributesTheQuotation() {
        String text = "The candidate attacked “the careless spending of the last four years in this state” at the rally.";
        Attribution a = byCue(find(text), "attacked");
        assertThat(a.speakerText()).isEqualTo("The candidate");
        assertThat(content(text, a)).isEqualTo("“the careless spending of the last four years in this state”");
        assertThat(find("Government troops attacked rebel positions near the border on Monday.")).isEmpty();
    }

    @Test
    void aSentenceAsksForAParseWhenItHoldsAQuotationMarkAndAReportingVerb() {
        assertThat(FINDER.wantsParse(NLP.split("“We will win,” she said.").get(0))).isTrue();
        assertThat(FINDER.wantsParse(NLP.split("The “quiet season” was mild.").get(0))).isFalse();
        assertThat(FINDER.wantsParse(NLP.split("She said the season was mild.").get(0))).isFalse();
    }

    @Test
    void aCueEndingItsParagraphWithAColonTakesTheQuotationOpeningTheNextParagraph() {
        String text = "The mayor spoke after the vote. In a statement, the mayor said:\n\n"
                + "“The council has made a grave mistake tonight, and the city will pay for it for years.”\n\n"
                + "The council did not respond.";
        Attribution a = byCue(find(text), "said");
        assertThat(a.speakerText()).isEqualTo("the mayor");
        assertThat(content(text, a)).isEqualTo("“The council has made a grave mistake tonight, and the city will pay for it for years.”");
        assertThat(a.form()).isEqualTo(QuoteForm.DIRECT);
    }

    @Test
    void whatASpeakerVowsToDoIsTheContentOfTheVow() {
        String text = "The nominee vowed to severely punish “those who leak classified documents to the press.”";
        Attribution a = byCue(find(text), "vowed");
        assertThat(a.speakerText()).isEqualTo("The nominee");
        assertThat(content(text, a)).isEqualTo("to severely punish “those who leak classified documents to the press.”");
    }

    // ------------------------------------------------------------------ who the speaker is

    @Test
    void aPronounSpeakerIsNamedByTheNearestPersonBeforeEvenWhenNoDictionaryKnowsThem() {
        String text = "Kevin Sullivan, the state's tax commissioner, met reporters on Monday. "
                + "\"There has been no illegal disclosure by anyone at the agency,\" he said.";
        Attribution a = only(find(text));
        assertThat(a.speakerText()).isEqualTo("he");
        assertThat(a.speakerName()).isEqualTo("Kevin Sullivan");
        assertThat(a.speakerDisplayName()).isEqualTo("Kevin Sullivan");
    }

    @Test
    void aPronounSpeakerIsTheSubjectOfThePreviousSentenceNotAPossessorInIt() {
        String text = "Conservative economist Aparna Mathur said Ivanka Trump's statement did not clarify the matter.\n\n"
                + "\"I don't see details about who is left out, who is eligible,\" she said.";
        Attribution a = find(text).stream().filter(x -> x.form().quoted()).findFirst().orElseThrow();
        assertThat(a.speakerName()).isEqualTo("Aparna Mathur");
    }

    @Test
    void aCourtesyTitleTellsWhichPersonAPronounCanBe() {
        String text = "Ms. Simonyan met Michael Grynbaum in July. "
                + "\"We provide a perspective you won't get from the mainstream press,\" she said.";
        Attribution a = only(find(text));
        assertThat(a.speakerName()).isEqualTo("Simonyan");
    }

    @Test
    void aBareSurnameSpeakerIsNamedInFull() {
        String text = "Michael Tanner, an analyst at the Cato Institute, studied the plan. "
                + "\"There's no legal way to exclude a single mother,\" Tanner said.";
        Attribution a = only(find(text));
        assertThat(a.speakerText()).isEqualTo("Tanner");
        assertThat(a.speakerName()).isEqualTo("Michael Tanner");
    }

    @Test
    void aHyphenatedNameIsOneNameAndItsBareFormIsTheSamePerson() {
        String text = "On Wednesday, the Acting Speaker of the Iraqi Parliament, Mohsen Al-Mandalawi, received a delegation. "
                + "In the meeting, Al-Mandalawi declared that \"the upcoming weeks will witness new laws\".";
        Attribution a = only(find(text));
        assertThat(a.speakerText()).isEqualTo("Al-Mandalawi");
        assertThat(a.speakerName()).isEqualTo("Mohsen Al-Mandalawi");
    }

    @Test
    void aSpeakerGivenWithTitleAndNameIsNamedByTheName() {
        String text = "On Wednesday, the Acting Speaker of the Iraqi Parliament, Mohsen Al-Mandalawi, declared that "
                + "foreign forces must leave.";
        Attribution a = only(find(text));
        assertThat(a.speakerName()).isEqualTo("Mohsen Al-Mandalawi");
    }

    @Test
    void aTitleUsedAloneNamesThePersonIntroducedWithIt() {
        String text = "The speaker received Iranian Judiciary Chief Gholamhossein Mohseni Ejei and his delegation. "
                + "On his part, Iran's Judiciary Chief affirmed that the parliament is playing an exceptional role.";
        Attribution a = only(find(text));
        assertThat(a.speakerText()).isEqualTo("Iran's Judiciary Chief");
        assertThat(a.speakerName()).isEqualTo("Gholamhossein Mohseni Ejei");
    }

    @Test
    void aTitleNoOneWasIntroducedWithIsNoPerson() {
        String text = "The Foreign Minister said that the talks would resume next week.";
        Attribution a = only(find(text));
        assertThat(a.speakerName()).isEmpty();
    }

    @Test
    void aPronounAfterAnotherPersonSpokeIsThatPersonNotTheEarlierSpeaker() {
        String text = "Kevin Sullivan, the state's tax commissioner, met reporters on Monday. "
                + "He said that the agency had done nothing wrong. "
                + "Senator Mary Clarke affirmed that the inquiry would go on. "
                + "Moreover, she said that the agency must answer her questions.";
        List<Attribution> all = find(text);
        Attribution last = all.stream().filter(x -> x.speakerText().equals("she")).findFirst().orElseThrow();
        assertThat(last.speakerName()).isEqualTo("Mary Clarke");
    }

    @Test
    void aParticipleAfterAQuotationNeverTakesItsObjectAsSpeaker() {
        String text = "He said that \"the attacks violate international law\", emphasizing the parliament's "
                + "determination to remove foreign forces.";
        assertThat(find(text)).noneMatch(a -> a.speakerText().contains("determination"));
    }

    @Test
    void aQuotedClauseWithoutThatIsReportedSpeechEvenWhenTheParserSplitsItFromItsCue() {
        String text = "Governor Mills said the state's budget is \"in far better shape than anyone predicted.\"";
        Attribution a = only(find(text));
        assertThat(a.speakerText()).isEqualTo("Governor Mills");
        assertThat(content(text, a)).isEqualTo("the state's budget is \"in far better shape than anyone predicted.\"");
        assertThat(a.form().quoted()).isTrue();
    }

    @Test
    void asSomeonePutItNamesTheSpeakerOfTheRestOfTheSentence() {
        String text = "The station is, as its editor put it, \"a window on a world the networks ignore.\"";
        Attribution a = only(find(text));
        assertThat(a.cue()).isEqualTo("put it");
        assertThat(a.speakerText()).isEqualTo("its editor");
        assertThat(a.content()).hasSize(2);
        assertThat(content(text, a)).startsWith("The station is");
    }

    @Test
    void theNameTrackerWorksOnUnparsedSentencesToo() {
        String text = "Kevin Sullivan, the state's tax commissioner, met reporters on Monday. "
                + "\"There has been no illegal disclosure by anyone at the agency,\" he said.";
        Article article = Article.of("t", "", "", text, null, "");
        Attribution a = only(FINDER.find(article, NLP.split(text), NO_ACTORS));
        assertThat(a.speakerName()).isEqualTo("Kevin Sullivan");
    }

    // ------------------------------------------------------------------ indirect and mixed

    @Test
    void declaredThatIsIndirectSpeechWithTheComplementizerInTheContent() {
        String text = "The minister declared that the government will hold early elections next year.";
        Attribution a = only(find(text));
        assertThat(a.form()).isEqualTo(QuoteForm.INDIRECT);
        assertThat(content(text, a)).isEqualTo("that the government will hold early elections next year");
        assertThat(a.speakerText()).isEqualTo("The minister");
    }

    @Test
    void saidWithoutThatStillIntroducesReportedSpeech() {
        String text = "The prime minister said the plan would end the presence of foreign troops.";
        Attribution a = only(find(text));
        assertThat(content(text, a)).isEqualTo("the plan would end the presence of foreign troops");
    }

    @Test
    void quotedWordsAfterSaidThatMakeMixedSpeech() {
        String text = "He said that \"the US attacks on Iraqi sites and officials violate international law\".";
        Attribution a = only(find(text));
        assertThat(a.form()).isEqualTo(QuoteForm.MIXED);
    }

    @Test
    void aParticipleCueKeepsTheSpeakerOfTheClauseItHangsOn() {
        String text = "Al-Mandalawi declared that the laws will be passed, adding that the country is strong.";
        List<Attribution> all = find(text);
        assertThat(all).hasSize(2);
        Attribution adding = all.get(1);
        assertThat(adding.cue()).isEqualTo("adding");
        assertThat(adding.speakerText()).isEqualTo("Al-Mandalawi");
        assertThat(content(text, adding)).isEqualTo("that the country is strong");
        assertThat(content(text, all.get(0))).isEqualTo("that the laws will be passed");
    }

    @Test
    void accordingToNamesTheSourceOfTheRestOfTheSentence() {
        String text = "According to the Iraqi Foreign Ministry, the talks will start in February.";
        Attribution a = only(find(text));
        assertThat(a.cue()).isEqualTo("According to");
        assertThat(a.speakerText()).isEqualTo("the Iraqi Foreign Ministry");
        assertThat(content(text, a)).isEqualTo("the talks will start in February");
    }

    @Test
    void aReportingNounWithAThatClauseIsAnAttribution() {
        String text = "The minister's statement that the border would reopen surprised traders.";
        Attribution a = only(find(text));
        assertThat(a.cue()).isEqualTo("statement");
        assertThat(a.speakerText()).isEqualTo("The minister");
        assertThat(content(text, a)).startsWith("that the border would reopen");
    }

    // ------------------------------------------------------------------ kinds of source

    @Test
    void aUsOfficialToldCnnIsAnAnonymousOfficialSpeakingThroughCnn() {
        String text = "The talks will center on the next phase of the coalition, a US official told CNN.";
        Doc d = parse(text);
        ActorIndex actors = new Mentions(d).add("US official", "USAGOV");
        Attribution a = only(FINDER.find(d.article, d.sentences, actors));
        assertThat(a.kind()).isEqualTo(SourceKind.ANONYMOUS);
        assertThat(a.anonymous()).isTrue();
        assertThat(a.speakerCode()).isEqualTo("USAGOV");
        assertThat(a.channel()).isEqualTo("CNN");
        assertThat(content(text, a)).isEqualTo("The talks will center on the next phase of the coalition");
    }

    @Test
    void sourcesIndicatedIsAnonymous() {
        String text = "In late January, sources indicated that the United States and Iraq are about to begin talks.";
        Attribution a = only(find(text));
        assertThat(a.kind()).isEqualTo(SourceKind.ANONYMOUS);
        assertThat(a.speakerText()).isEqualTo("sources");
    }

    @Test
    void officialsWithoutANameAreAnonymousAndANamedSpokesmanIsNot() {
        assertThat(only(find("Iraqi officials said the strikes killed four fighters.")).kind())
                .isEqualTo(SourceKind.ANONYMOUS);
        assertThat(only(find("Pentagon spokesman John Kirby said the strikes killed four fighters.")).kind())
                .isEqualTo(SourceKind.NAMED);
    }

    @Test
    void onConditionOfAnonymityFlagsTheSource() {
        String text = "A senior diplomat, who spoke on condition of anonymity, said the talks had collapsed.";
        Attribution a = only(find(text));
        assertThat(a.anonymous()).isTrue();
    }

    @Test
    void itIsReportedHasNoSpeakerAndIsAnonymous() {
        String text = "It is reported that the militia withdrew from the city overnight.";
        Attribution a = only(find(text));
        assertThat(a.speaker()).isEmpty();
        assertThat(a.kind()).isEqualTo(SourceKind.ANONYMOUS);
    }

    @Test
    void aNewsOutletReportingIsAMediaSource() {
        String text = "The strikes proved potent, with CNN reporting that the airstrikes made the talks more urgent.";
        Attribution a = only(find(text));
        assertThat(a.kind()).isEqualTo(SourceKind.MEDIA);
        assertThat(a.speakerText()).isEqualTo("CNN");
    }

    @Test
    void theReportSaidIsADocumentSource() {
        String text = "The report said that the militia had recruited hundreds of children.";
        assertThat(only(find(text)).kind()).isEqualTo(SourceKind.DOCUMENT);
    }

    @Test
    void saidInAStatementIsANamedSpeakerWithAStatementChannel() {
        String text = "The army said in a statement that two soldiers were killed near the border.";
        Attribution a = only(find(text));
        assertThat(a.kind()).isEqualTo(SourceKind.NAMED);
        assertThat(a.channel()).isEqualTo("a statement");
    }

    // ------------------------------------------------------------------ without a parse

    @Test
    void unparsedSentencesAreAttributedFromTokensAndQuotationMarks() {
        String text = "\"We will not leave Iraq before the job is done,\" the general said. "
                + "Officials told Reuters that the base was attacked twice.";
        Article article = Article.of("t", "", "", text, null, "");
        List<Attribution> all = FINDER.find(article, NLP.split(text), NO_ACTORS);
        assertThat(all).hasSize(2);
        assertThat(all.get(0).speakerText()).isEqualTo("the general");
        assertThat(all.get(0).form()).isEqualTo(QuoteForm.DIRECT);
        assertThat(all.get(1).speakerText()).isEqualTo("Officials");
        assertThat(all.get(1).channel()).isEqualTo("Reuters");
        assertThat(all.get(1).kind()).isEqualTo(SourceKind.ANONYMOUS);
    }

    // ------------------------------------------------------------------ sources of events

    @Test
    void theSourceOfAnEventIsTheInnermostAttributionHoldingItsTrigger() {
        String text = "He said that sources told him that the militia attacked the base. The army withdrew.";
        Doc d = parse(text);
        ArticleAttributions attributions = FINDER.attribute(d.article, d.sentences, NO_ACTORS);
        Optional<Attribution> ofAttack = attributions.sourceOf(text.indexOf("attacked"));
        assertThat(ofAttack).isPresent();
        assertThat(ofAttack.get().speakerText()).isEqualTo("sources");
        assertThat(attributions.sourceOf(text.indexOf("withdrew"))).isEmpty();
    }

    // ------------------------------------------------------------------ the example article

    @Test
    void theExampleArticleAttributesItsQuotesAndItsSecondHandSources() throws IOException {
        Path file = org.khaldun.TestData.exampleArticle();
        String raw = Files.readString(file, StandardCharsets.UTF_8);
        int nl = raw.indexOf('\n');
        String text = raw.substring(0, nl) + "\n\n" + raw.substring(nl + 1);
        Doc d = parse(text);
        List<Attribution> all = FINDER.find(d.article, d.sentences, NO_ACTORS);

        Attribution declared = byCue(all, "declared");
        assertThat(declared.speakerText()).isEqualTo("Al-Mandalawi");
        assertThat(declared.form().quoted()).isTrue();
        assertThat(content(text, declared)).contains("the upcoming weeks will witness");

        Attribution said = byCue(all, "said");
        assertThat(said.speakerText()).isEqualTo("He");
        assertThat(content(text, said)).contains("the US attacks on Iraqi sites");
        assertThat(said.form()).isEqualTo(QuoteForm.MIXED);

        Attribution called = byCue(all, "called");
        assertThat(content(text, called)).contains("enact laws to hold the Zionist entity");
        assertThat(called.form().quoted()).isTrue();

        assertThat(all).anySatisfy(a -> {
            assertThat(a.speakerText()).isEqualTo("Iran's Judiciary Chief");
            assertThat(content(text, a)).startsWith("that the Iraqi parliament is playing an exceptional role");
        });
        Attribution indicated = byCue(all, "indicated");
        assertThat(indicated.kind()).isEqualTo(SourceKind.ANONYMOUS);

        Attribution told = byCue(all, "told");
        assertThat(told.speakerText()).isEqualTo("a US official");
        assertThat(told.anonymous()).isTrue();
        assertThat(told.channel()).isEqualTo("CNN");

        Attribution reporting = byCue(all, "reporting");
        assertThat(reporting.kind()).isEqualTo(SourceKind.MEDIA);

        // scare quotes: "Israel" in anti-"Israel" and in "with "Israel"" are never contents of their own
        for (Attribution a : all) {
            for (Span c : a.content()) {
                assertThat(c.of(text)).isNotEqualTo("\"Israel\"");
            }
        }
        // the headline's event is the article's own claim
        assertThat(new ArticleAttributions(all).sourceOf(text.indexOf("discuss"))).isEmpty();
    }

    @Test
    void withTheDictionaryRecogniserTheExampleSpeakersCarryActorCodes() throws IOException {
        Path file = org.khaldun.TestData.exampleArticle();
        String raw = Files.readString(file, StandardCharsets.UTF_8);
        int nl = raw.indexOf('\n');
        String text = raw.substring(0, nl) + "\n\n" + raw.substring(nl + 1);
        Doc d = parse(text);
        ActorIndex actors = org.khaldun.actor.DictionaryActorRecognizer.builtin().recognize(d.article, d.sentences);
        List<Attribution> all = FINDER.find(d.article, d.sentences, actors);
        assertThat(byCue(all, "declared").speakerCode()).isEqualTo("IRQLEG");
        assertThat(byCue(all, "said").speakerCode()).isEqualTo("IRQLEG");
        assertThat(byCue(all, "told").speakerCode()).isEqualTo("USAGOV");
        // "called Iraq's criminalization of normalization ... highly virtuous" reports no speech
        assertThat(all).noneSatisfy(a -> assertThat(content(text, a)).startsWith("Iraq's criminalization"));
    }

    // ------------------------------------------------------------------ helpers

    // ------------------------------------------------------------------ round 5: cues the lexicon does not list

    @Test
    void aQuotationClosedByASubjectAndAnyVerbIsThatSubjectsWords() {
        String text = "“The vote was rigged from the very start,” Lopez thundered on Friday.\n\n"
                + "“Tomorrow we will count every ballot again,” the mayor shrugged.";
        List<Attribution> all = find(text);
        assertThat(all).hasSize(2);
        assertThat(all.get(0).speakerText()).isEqualTo("Lopez");
        assertThat(all.get(0).cue()).isEqualTo("thundered");
        assertThat(content(text, all.get(0))).isEqualTo("“The vote was rigged from the very start,”");
        assertThat(all.get(1).speakerText()).isEqualTo("the mayor");
        assertThat(all.get(1).form()).isEqualTo(QuoteForm.DIRECT);
    }

    @Test
    void aQuotationFollowedByNarrativeWithACopulaIsNobodysSpeech() {
        String text = "“Make the roads safe again,” the slogan is printed on every poster in the district.";
        assertThat(find(text)).isEmpty();
    }

    @Test
    void aClauseEndingInAColonBeforeAQuotationNamesItsSpeaker() {
        String text = "Senator Maria Lopez made the following promise: “No family in this state will lose its home.”";
        Attribution a = only(find(text));
        assertThat(a.speakerText()).isEqualTo("Senator Maria Lopez");
        assertThat(a.speakerName()).isEqualTo("Maria Lopez");
        assertThat(content(text, a)).isEqualTo("“No family in this state will lose its home.”");
    }

    @Test
    void aColonEndingAParagraphHandsTheNextParagraphsQuotationToItsSubject() {
        String text = "On Monday, the governor had a message for the legislature:\n\n“We will rebuild every bridge before the winter comes.”";
        Attribution a = only(find(text));
        assertThat(a.speakerText()).isEqualTo("the governor");
        assertThat(content(text, a)).startsWith("“We will rebuild");
    }

    @Test
    void aColonAfterAClauseWithoutAPersonAsSubjectMakesNoSpeaker() {
        String text = "The trouble begins when one reads the full text of the ruling:\n\n“The state may not remove a voter for not voting.”";
        assertThat(find(text).stream().filter(a -> a.speaker().isPresent())).isEmpty();
    }

    @Test
    void aQuotationWithNoCueAfterASentenceIntroducingAPersonIsThatPersonsWords() {
        String text = "The council met on Tuesday.\n\n"
                + "Senator Maria Lopez spoke at the rally in Dayton on Friday. “This election is about the jobs we lost and the jobs we will bring back.”";
        Attribution a = only(find(text));
        assertThat(a.speakerText()).isEqualTo("Senator Maria Lopez");
        assertThat(a.cue()).isEmpty();
        assertThat(a.rule()).isEqualTo("quote:previous-subject");
        assertThat(a.form()).isEqualTo(QuoteForm.DIRECT);
    }

    @Test
    void aSpeakerQuotedEarlierInTheParagraphGoesOnPastANarrativeSentence() {
        String text = "“We have had problems with intrusions from abroad before,” Kerry said after the meeting. "
                + "He did not threaten sanctions. “Our goal is to agree on rules that every country respects.”";
        Attribution a = only(find(text));
        assertThat(a.speakerText()).isEqualTo("Kerry");
        assertThat(a.content()).hasSize(2);
        assertThat(a.content().get(1).of(text)).startsWith("“Our goal");
    }

    @Test
    void anUnclosedQuotedParagraphBelongsToTheSpeakerOfTheQuotationOpeningTheNextParagraph() {
        String text = "The governor spoke to reporters on Monday.\n\n"
                + "“We will rebuild every bridge in this state. We will not wait for Washington to pay for it.\n\n"
                + "“Every family deserves a safe road home,” she said.";
        Attribution a = only(find(text));
        assertThat(a.speakerText()).isEqualTo("she");
        assertThat(a.cue()).isEqualTo("said");
        assertThat(a.content()).hasSize(2);
        assertThat(content(text, a)).startsWith("“We will rebuild").endsWith("pay for it.");
    }

    @Test
    void speechVerbsOfMannerAreCuesBeforeTheirContent() {
        String text = "The mayor pleaded with the council that the shelters stay open. "
                + "Her deputy cautioned reporters that “the money will run out by March.”";
        List<Attribution> all = find(text);
        assertThat(byCue(all, "pleaded").speakerText()).isEqualTo("The mayor");
        Attribution cautioned = byCue(all, "cautioned");
        assertThat(cautioned.speakerText()).isEqualTo("Her deputy");
        assertThat(content(text, cautioned)).startsWith("that “the money");
    }

    @Test
    void goingOnToSayIsACueOfTheSpeakerWhoGoesOn() {
        String text = "“We cannot wait for Washington,” Lopez said, going on to say that the state would pay for the bridges itself. "
                + "The mayor went on to say that “every family deserves a safe road home.”";
        List<Attribution> all = find(text);
        assertThat(all).hasSize(3);
        assertThat(all.get(1).speakerText()).isEqualTo("Lopez");
        assertThat(content(text, all.get(1))).isEqualTo("that the state would pay for the bridges itself");
        assertThat(all.get(2).speakerText()).isEqualTo("The mayor");
        assertThat(all.get(2).form()).isEqualTo(QuoteForm.MIXED);
    }

    @Test
    void aStraightQuoteOpeningTheSentenceAfterTheCueGoesOnWithTheSameSpeaker() {
        String text = "Volunteers were out early.\n\n\"Are we where we need to be? Probably not,\" Ms. Moore said. "
                + "\"Are we going to get to where we need to be? Absolutely.\"\n\nThe rally ended at noon.";
        Attribution a = only(find(text));
        assertThat(a.speakerText()).isEqualTo("Ms. Moore");
        assertThat(a.content()).hasSize(2);
        assertThat(a.content().get(1).of(text)).isEqualTo("\"Are we going to get to where we need to be? Absolutely.\"");
    }

    @Test
    void aParticipleAfterAThingOrATimeWithoutACommaSpeaksForItsClausesSubject() {
        String text = "The mayor posted a series of messages early Friday saying that the senator had treated the fund "
                + "“as a piggy bank for his friends.”";
        Attribution saying = byCue(find(text), "saying");
        assertThat(saying.speakerText()).isEqualTo("The mayor");
        assertThat(content(text, saying)).startsWith("that the senator");
    }

    @Test
    void aNameBeforeAParticipleIsItsSpeaker() {
        String text = "The advertisement ends with footage of Lopez saying at the rally, “That is why we will win in November.”";
        Attribution saying = byCue(find(text), "saying");
        // the phrase ending in the name, not the advertisement the sentence is about
        assertThat(saying.speakerText()).endsWith("Lopez");
    }

    @Test
    void aCueClauseIntroducingItsOwnQuotationEndsTheContentOfACueBeforeIt() {
        String text = "Asked to describe the device that caused the blast, O'Brien said, \"Not going to go into that.\"";
        List<Attribution> all = find(text);
        Attribution said = byCue(all, "said");
        assertThat(said.speakerText()).isEqualTo("O'Brien");
        assertThat(content(text, said)).isEqualTo("\"Not going to go into that.\"");
        assertThat(content(text, byCue(all, "Asked"))).isEqualTo("to describe the device that caused the blast");
    }

    @Test
    void aCueSetOffByCommasInsideTheSentenceSpeaksForBothSides() {
        String text = "It was, the senator said, “a day that none of us in this chamber will ever forget.” "
                + "Turnout was low, she said, and “we will have to work much harder next time.”";
        List<Attribution> all = find(text);
        assertThat(all).hasSize(2);
        assertThat(all.get(0).speakerText()).isEqualTo("the senator");
        assertThat(all.get(0).content()).extracting(c -> c.of(text))
                .containsExactly("It was", "“a day that none of us in this chamber will ever forget.”");
        assertThat(all.get(1).speakerText()).isEqualTo("she");
        assertThat(all.get(1).content()).extracting(c -> c.of(text))
                .containsExactly("Turnout was low", "and “we will have to work much harder next time.”");
    }

    @Test
    void aFrontedAdverbialBeforeTheCueIsNoPartOfTheQuotation() {
        String text = "As the phone rang on stage, the narrator said, “It is late, and your children are asleep in their beds.”";
        Attribution said = only(find(text));
        assertThat(said.speakerText()).isEqualTo("the narrator");
        assertThat(said.content()).extracting(c -> c.of(text))
                .containsExactly("“It is late, and your children are asleep in their beds.”");
    }

    @Test
    void aQuotationGivenAsAnExampleOfWhatIsSaidIsTheSpeakersWords() {
        String text = "The senator still says things such as, “We cannot afford another war in the region.” "
                + "He asked several questions, including, “Who will pay for the new bridge over the river?”";
        List<Attribution> all = find(text);
        Attribution says = byCue(all, "says");
        assertThat(says.speakerText()).isEqualTo("The senator");
        assertThat(content(text, says)).isEqualTo("things such as, “We cannot afford another war in the region.”");
        Attribution asked = byCue(all, "asked");
        assertThat(asked.speakerText()).isEqualTo("He");
        assertThat(content(text, asked)).endsWith("“Who will pay for the new bridge over the river?”");
    }

    @Test
    void aPossessiveBetweenTheCueAndTheQuotationBelongsToTheContent() {
        String text = "Lopez says Miller’s “latest budget stunt is reckless, even for him.”";
        Attribution says = only(find(text));
        assertThat(says.speakerText()).isEqualTo("Lopez");
        assertThat(content(text, says)).isEqualTo("Miller’s “latest budget stunt is reckless, even for him.”");
    }

    @Test
    void aQuotationIntroducedInsideReportedSpeechRunsOnToItsClosingMarkInALaterSentence() {
        String text = "The organizer added that turnout in the city was low, which matters because, “In the end, people "
                + "vote for someone. They never vote against someone.”";
        Attribution added = byCue(find(text), "added");
        assertThat(added.form()).isEqualTo(QuoteForm.MIXED);
        assertThat(content(text, added)).startsWith("that turnout").endsWith("They never vote against someone.”");
    }

    @Test
    void aScareQuotedNameAfterAPossessiveOrAnExampleIsNoDirectQuote() {
        String text = "The senator says Miller’s “Tax Man” will lose. The senator still says things such as “Bubba” at the fair.";
        assertThat(find(text)).allSatisfy(a -> assertThat(a.form()).isEqualTo(QuoteForm.INDIRECT));
    }

    @Test
    void aThingThatProvesSomethingInsideSomeonesWordsIsNoSecondSource() {
        String text = "The senator says it proves that the governor is “simply unfit to manage the state budget.”";
        Attribution says = only(find(text));
        assertThat(says.speakerText()).isEqualTo("The senator");
        assertThat(content(text, says)).startsWith("it proves that");
    }

    private record Doc(Article article, List<Sentence> sentences) {
    }

    private static Doc parse(String text) {
        return new Doc(Article.of("t", "", "", text, null, ""), NLP.parse(NLP.split(text)));
    }

    private static List<Attribution> find(String text) {
        Doc d = parse(text);
        return FINDER.find(d.article, d.sentences, NO_ACTORS);
    }

    private static Attribution only(List<Attribution> all) {
        assertThat(all).hasSize(1);
        return all.get(0);
    }

    private static Attribution byCue(List<Attribution> all, String cue) {
        return all.stream().filter(a -> a.cue().equals(cue)).findFirst()
                .orElseThrow(() -> new AssertionError("no attribution with cue " + cue + " in " + all));
    }

    private static String content(String text, Attribution a) {
        return a.content().get(0).of(text);
    }

    /** A hand-made actor index: mentions placed on the words given, as the actor recogniser would. */
    private static final class Mentions implements ActorIndex {
        private final Doc doc;
        private final Map<Integer, List<ActorMention>> bySentence = new java.util.HashMap<>();

        Mentions(Doc doc) {
            this.doc = doc;
        }

        Mentions add(String words, String code) {
            String[] parts = words.split(" ");
            for (Sentence s : doc.sentences) {
                List<Token> t = s.tokens();
                for (int i = 0; i + parts.length <= t.size(); i++) {
                    boolean ok = true;
                    for (int k = 0; k < parts.length && ok; k++) {
                        ok = t.get(i + k).word().equals(parts[k]);
                    }
                    if (ok) {
                        int last = i + parts.length - 1;
                        Actor actor = new Actor(words, code, code.substring(0, 3), code.length() > 3 ? code.substring(3) : "",
                                t.get(i).start(), t.get(last).end());
                        bySentence.computeIfAbsent(s.index(), k -> new ArrayList<>())
                                .add(new ActorMention(s.index(), i, last, last, actor, "test"));
                        return this;
                    }
                }
            }
            throw new AssertionError(words + " not in the text");
        }

        @Override
        public List<ActorMention> mentions(int sentenceIndex) {
            return bySentence.getOrDefault(sentenceIndex, List.of());
        }
    }
}
