package org.khaldun.event;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.khaldun.actor.Actor;
import org.khaldun.article.Article;
import org.khaldun.article.Debris;
import org.khaldun.event.EventFixtures.Actors;
import org.khaldun.nlp.Sentence;

/** What an analyst sees from single sentences: who did what to whom, and how sure the text is. */
class DependencyEventCoderTest {

    private static final DependencyEventCoder CODER =
            DependencyEventCoder.withBuiltinLexicon(new EventFixtures.RootCodebook());

    private static List<Event> code(String text, Actors actors) {
        return EventFixtures.code(CODER, EventFixtures.article("t", text), actors);
    }

    private static Predicate<Event> coded(String prefix) {
        return e -> e.cameo().code().startsWith(prefix);
    }

    private static List<String> codes(List<Actor> actors) {
        return actors.stream().map(Actor::code).toList();
    }

    /** An event's actors and recipients as codes, "[ARM]->[AZE]". */
    private static String dyad(Event e) {
        return codes(e.actor()) + "->" + codes(e.recipient());
    }

    private static void assertDyad(Event e, String actor, String recipient) {
        assertThat(codes(e.actor())).as("actor of %s", e).containsExactly(actor);
        assertThat(codes(e.recipient())).as("recipient of %s", e).containsExactly(recipient);
    }

    private static Event only(List<Event> events, String codePrefix) {
        List<Event> hits = events.stream().filter(coded(codePrefix)).toList();
        assertThat(hits).as("events coded %s in %s", codePrefix, events).hasSize(1);
        return hits.get(0);
    }

    @Test
    void aCountrysAlliesAreNotTheCountry() {
        Actors ukraine = new Actors().with("Ukraine", "UKR").with("its", "UKR");
        Event appeal = only(code("Ukraine urged its allies to send more air defence systems.", ukraine), "02");
        assertThat(codes(appeal.actor())).containsExactly("UKR");
        assertThat(appeal.recipient()).as("the allies are unnamed, not Ukraine").isEmpty();
    }

    @Test
    void aCallOnSomeoneToDoSomethingIsAnAppealToThemCodedByWhatIsAskedAndWhatIsAskedHasNotHappened() {
        Actors amnesty = new Actors().with("Amnesty International", "NGOHRIAMN").with("the Chilean government", "CHLGOV")
                .with("the prisoners", "CHLCVL");
        List<Event> events = code("Amnesty International called on the Chilean government to release the prisoners.", amnesty);
        Event appeal = only(events, "025");
        assertThat(appeal.cameo().code()).isEqualTo("0253");
        assertDyad(appeal, "NGOHRIAMN", "CHLGOV");
        assertThat(events).as("the release is what is asked for, not an event").noneMatch(coded("08"));

        Actors un = new Actors().with("The UN", "IGOUNO").with("Chile", "CHL").with("civilians", "CHLCVL");
        Event plain = only(code("The UN called on Chile to protect civilians.", un), "02");
        assertThat(codes(plain.recipient())).containsExactly("CHL");
    }

    @Test
    void aVowToPunishOrAvengeIsAThreatNotAnIntentToCooperate() {
        Actors actors = new Actors().with("The government", "NGAGOV").with("Hamas", "PSEREB").with("The minister", "NGAGOV");
        assertThat(only(code("The government vowed to punish those responsible for the attack.", actors), "13")
                .cameo().code()).isEqualTo("138");
        assertThat(only(code("Hamas vowed to avenge its commander.", actors), "13").cameo().code()).isEqualTo("138");
        assertThat(only(code("The minister vowed to cooperate with the inquiry.", actors), "03").cameo().code())
                .isEqualTo("030");
        // an attack named below the promised act is a threat only when that act is launching it
        assertThat(only(code("The government promised to investigate the bombing.", actors), "03").cameo().code())
                .isEqualTo("030");
        assertThat(only(code("Hamas threatened to launch attacks.", actors), "13").cameo().code()).isEqualTo("138");
    }

    @Test
    void aThreatOrVowHasForRecipientWhomTheThreatenedActWouldHit() {
        Actors actors = new Actors().with("Iran", "IRN").with("Israel", "ISR").with("Russia", "RUS").with("Ukraine", "UKR")
                .with("Germany", "DEU").with("Hezbollah", "LBNREB").with("its commander", "LBNMIL");
        Event attack = only(code("Iran threatened to attack Israel.", actors), "13");
        assertThat(codes(attack.recipient())).containsExactly("ISR");
        Event retaliate = only(code("Russia threatened to retaliate against Ukraine.", actors), "13");
        assertThat(codes(retaliate.recipient())).containsExactly("UKR");
        Event pledge = only(code("Germany pledged to support Ukraine.", actors), "03");
        assertThat(codes(pledge.recipient())).containsExactly("UKR");
        // what is avenged is the wrong suffered, not the target of the vengeance
        Event avenge = only(code("Hezbollah vowed to avenge the killing of its commander.", actors), "13");
        assertThat(avenge.recipient()).isEmpty();
    }

    @Test
    void anEventThatAPlannedActWouldAvengeDidHappenButOneItWouldLaunchDidNot() {
        Actors actors = new Actors().with("Hezbollah", "LBNREB").with("Israel", "ISR").with("its commander", "LBNMIL")
                .with("The rebels", "SYRREB").with("the capital", "SYR");
        Event killing = only(code("Hezbollah vowed to avenge the killing of its commander by Israel.", actors), "19");
        assertThat(killing.modality().isFact()).isTrue();
        Event planned = only(code("The rebels plan to launch an attack on the capital.", actors), "19");
        assertThat(planned.modality().hypothetical()).isTrue();
    }

    @Test
    void crowdControlMeansUsedOnPeopleAreRepressionNotMilitaryForce() {
        Actors police = new Actors().with("Police", "CHLCOP").with("Riot police", "CHLCOP").with("Soldiers", "CHLMIL")
                .with("demonstrators", "CHLCVL").with("protesters", "CHLCVL");
        Event used = only(code("Police used tear gas to disperse demonstrators.", police), "17");
        assertThat(used.cameo().code()).isEqualTo("175");
        assertDyad(used, "CHLCOP", "CHLCVL");
        assertThat(only(code("Riot police fired tear gas at protesters.", police), "17").cameo().code()).isEqualTo("175");
        assertThat(only(code("Police dispersed the protesters.", police), "17").cameo().code()).isEqualTo("175");
        assertThat(only(code("Soldiers fired at protesters.", police), "19").cameo().code()).isEqualTo("190");
        assertThat(only(code("Police fired water cannon at protesters.", police), "17").cameo().code()).isEqualTo("175");
        // a cannon alone is artillery
        Actors army = new Actors().with("Soldiers", "SYRMIL").with("rebel positions", "SYRREB");
        assertThat(only(code("Soldiers fired cannon at rebel positions.", army), "19").cameo().code()).isEqualTo("190");
    }

    @Test
    void aMeetingBetweenOfficialsOfTwoNationalitiesHasOneAsActorAndTheOtherAsRecipient() {
        Actors officials = new Actors().with("Iraqi", "IRQGOV").with("Iranian officials", "IRNGOV");
        Event meeting = only(code("In a meeting between Iraqi and Iranian officials, the two sides discussed trade.", officials),
                "04");
        assertDyad(meeting, "IRQGOV", "IRNGOV");
    }

    @Test
    void nationalitiesConjoinedBeforeOneNounAreEachAnActor() {
        Actors troops = new Actors().with("US", "USAMIL").with("British troops", "GBRMIL");
        Event attack = only(code("US and British troops attacked the compound on Monday.", troops), "19");
        assertThat(codes(attack.actor())).containsExactly("USAMIL", "GBRMIL");
    }

    @Test
    void aHostVerbWithAVisitingDelegationYieldsConsultForBothSides() {
        List<Event> events = code("On Wednesday, the Iraqi Speaker received Iranian Judiciary Chief Ejei and his delegation.",
                new Actors().with("the Iraqi Speaker", "IRQLEG").with("Iranian Judiciary Chief Ejei", "IRNJUD"));
        Event host = only(events, "043");
        assertDyad(host, "IRQLEG", "IRNJUD");
        assertThat(host.eventType()).isEqualTo("CONSULT");
        Event visit = only(events, "042");
        assertDyad(visit, "IRNJUD", "IRQLEG");
        assertThat(host.explanation()).contains("lexicon:receive[043]").contains("source=nsubj").contains("target=obj");
    }

    @Test
    void receivingAThingIsNotHostingAVisit() {
        List<Event> events = code("The Iraqi ministry received a letter on Tuesday.",
                new Actors().with("The Iraqi ministry", "IRQGOV"));
        assertThat(events).noneMatch(coded("04"));
    }

    @Test
    void aPassiveAttackKeepsTheAttackerAsSource() {
        List<Event> events = code("The convoy of Iraqi police was attacked by Islamic State fighters near Mosul.",
                new Actors().with("Iraqi police", "IRQCOP").with("Islamic State fighters", "IMGREB"));
        Event attack = only(events, "19");
        assertDyad(attack, "IMGREB", "IRQCOP");
        assertThat(attack.modality().isFact()).isTrue();
    }

    @Test
    void aNegatedAttackIsFlaggedNegatedNotAFact() {
        List<Event> events = code("Turkish forces did not attack Kurdish fighters on Sunday.",
                new Actors().with("Turkish forces", "TURMIL").with("Kurdish fighters", "KURREB"));
        Event attack = only(events, "19");
        assertThat(attack.modality().negated()).isTrue();
        assertThat(attack.modality().isFact()).isFalse();
    }

    @Test
    void aThreatenedOrFutureAttackIsNeverAFact() {
        Event could = only(code("Israel could strike Iranian nuclear sites.",
                new Actors().with("Israel", "ISR").with("Iranian", "IRN")), "19");
        assertThat(could.modality().hypothetical()).isTrue();
        Event will = only(code("Russia will attack Ukrainian cities.",
                new Actors().with("Russia", "RUS").with("Ukrainian", "UKR")), "19");
        assertThat(will.modality().future()).isTrue();
    }

    @Test
    void aThreatToAttackIsAThreatAndTheAttackIsOnlyHypothetical() {
        List<Event> events = code("North Korea threatened to attack South Korea.",
                new Actors().with("North Korea", "PRK").with("South Korea", "KOR"));
        Event threat = only(events, "13");
        assertThat(threat.cameo().code()).isEqualTo("138");
        assertThat(codes(threat.actor())).containsExactly("PRK");
        assertThat(threat.modality().isFact()).isTrue();
        assertThat(events).filteredOn(coded("19")).allMatch(e -> e.modality().hypothetical());
    }

    @Test
    void aCompoundSubjectYieldsOneEventWithTwoSourceActors() {
        List<Event> events = code("Iraq and Iran condemned the bombing on Monday.",
                new Actors().with("Iraq", "IRQ").with("Iran", "IRN"));
        Event condemnation = only(events, "1");
        assertThat(codes(condemnation.actor())).containsExactly("IRQ", "IRN");
    }

    @Test
    void aQuotedAccusationIsCodedInsideTheQuoteWithItsOwnActorsAndTheSpeakerIsRecorded() {
        List<Event> events = code(
                "The Iraqi Speaker said that \"the US attacks on Iraqi sites violate international law\".",
                new Actors().with("The Iraqi Speaker", "IRQLEG").with("US", "USA").with("Iraqi", "IRQ"));
        Event attack = only(events, "19");
        assertDyad(attack, "USA", "IRQ");
        assertThat(attack.explanation()).contains("said-by=").contains("IRQLEG");
        Event accuse = only(events, "11");
        assertDyad(accuse, "IRQLEG", "USA");
        assertThat(accuse.explanation()).contains("stance-of=violate");
        assertThat(events).as("the statement is coded by its stance, not as a bare 010").noneMatch(coded("010"));
    }

    @Test
    void aStatementWithoutAnEventfulComplementIsAStatementOfTheSpeaker() {
        Event said = only(code("The Iranian foreign minister said that the region needs stability.",
                new Actors().with("The Iranian foreign minister", "IRNGOV")), "01");
        assertThat(said.cameo().code()).isEqualTo("010");
        assertThat(codes(said.actor())).containsExactly("IRNGOV");
        assertThat(said.recipient()).isEmpty();
    }

    @Test
    void aNewsOutletReportingIsNotAStatementEvent() {
        List<Event> events = code("CNN reported that the talks were postponed.",
                new Actors().with("CNN", "USAMED"));
        assertThat(events).isEmpty();
    }

    @Test
    void moneyGivenToAnActorIsEconomicAidToIt() {
        Event aid = only(code("Germany provided 6.3 million euros to Jordan this year.",
                new Actors().with("Germany", "DEU").with("Jordan", "JOR")), "07");
        assertThat(aid.cameo().code()).isEqualTo("071");
        assertDyad(aid, "DEU", "JOR");
        Event arms = only(code("The US military gave 625 new firearms to the Philippine Marines.",
                new Actors().with("The US military", "USAMIL").with("the Philippine Marines", "PHLMIL")), "07");
        assertThat(arms.cameo().code()).isEqualTo("072");
        assertThat(codes(arms.recipient())).containsExactly("PHLMIL");
    }

    @Test
    void concessionsMadeToAnActorAreAYieldToIt() {
        Event yield = only(code("Russia made concessions to Ukraine to avoid an escalation.",
                new Actors().with("Russia", "RUS").with("Ukraine", "UKR")), "08");
        assertThat(yield.cameo().code()).isEqualTo("080");
        assertDyad(yield, "RUS", "UKR");
    }

    @Test
    void aRuleOnTheObjectHoldsForThePassiveSubjectToo() {
        Event sanctions = only(code("Sanctions were imposed on Iran by the European Union.",
                new Actors().with("Iran", "IRN").with("the European Union", "IGOEU")), "16");
        assertThat(sanctions.cameo().code()).isEqualTo("163");
        assertDyad(sanctions, "IGOEU", "IRN");
    }

    @Test
    void agreeingToLiftACurfewIsAnIntentToEaseRestrictionsNotSanctions() {
        Event intent = only(code("Iran agreed to lift the curfew in Tehran.", new Actors().with("Iran", "IRN")), "03");
        assertThat(intent.cameo().code()).isEqualTo("0351");
        Event sanctions = only(code("Iran agreed to lift sanctions.", new Actors().with("Iran", "IRN")), "03");
        assertThat(sanctions.cameo().code()).isEqualTo("0354");
        assertThat(code("Protest leaders agreed to end the general strike.", new Actors().with("Protest leaders", "SDNOPP")))
                .as("ending a strike is no threat of violence").noneMatch(coded("13"));
    }

    @Test
    void anAttackThatKillsLendsItsDoerToTheKilling() {
        Event kill = only(code("A car bombing by the Islamic State killed 75 Syrian civilians.",
                new Actors().with("the Islamic State", "IMGREB").with("Syrian civilians", "SYRCVL")), "190");
        assertDyad(kill, "IMGREB", "SYRCVL");
    }

    @Test
    void refusingForNowToEaseIsARejectionNotANegatedEasing() {
        Event refusal = only(code("The United States will not lift the embargo until Vietnam pays.",
                new Actors().with("The United States", "USA").with("Vietnam", "VNM")), "12");
        assertThat(refusal.cameo().code()).isEqualTo("1244");
        assertThat(refusal.modality().isFact()).isTrue();
        assertThat(refusal.explanation()).contains("refusal");
    }

    @Test
    void aStatementIssuedCallingOnSomeoneIsTheIssuersAppeal() {
        Event appeal = only(code("Human Rights Watch issued a statement calling for the release of Canadian activists.",
                new Actors().with("Human Rights Watch", "NGO").with("Canadian activists", "CANCVL")), "02");
        assertThat(appeal.cameo().code()).isEqualTo("0253");
        assertThat(codes(appeal.actor())).containsExactly("NGO");
    }

    @Test
    void denyingAChargeIsADenialEvenWithoutAClause() {
        Event denial = only(code("The government of Cambodia denied charges by the US State Department.",
                new Actors().with("The government of Cambodia", "KHMGOV").with("the US State Department", "USAGOV")),
                "01");
        assertThat(denial.cameo().code()).isEqualTo("016");
        assertThat(codes(denial.actor())).containsExactly("KHMGOV");
    }

    @Test
    void aChargeDeniedInARelativeClauseIsTheDeniersDenial() {
        // no "which": the parser hangs "a charge" on "denied" as dep or as a second subject
        Event denial = only(code("Azerbaijan accused Armenian forces of firing at its positions, a charge the Armenian "
                        + "Defence Ministry denied.", new Actors().with("Azerbaijan", "AZE")
                        .with("Armenian forces", "ARMMIL").with("the Armenian Defence Ministry", "ARMMIL")), "01");
        assertThat(denial.cameo().code()).isEqualTo("016");
        assertThat(codes(denial.actor())).containsExactly("ARMMIL");
        assertThat(only(code("Armenia repeated the accusation, a claim Azerbaijan denied.",
                new Actors().with("Armenia", "ARM").with("Azerbaijan", "AZE")), "01").actor())
                .extracting(Actor::code).containsExactly("AZE");
        // with nothing denied there is no statement to code
        assertThat(code("The ministry denied.", new Actors().with("The ministry", "ARMGOV"))).isEmpty();
    }

    @Test
    void partiesOfAMutualActWithNoOneElseNamedAreEachOthersRecipients() {
        Actors two = new Actors().with("Ethiopia", "ETH").with("Eritrea", "ERI");
        List<Event> ceasefire = code("Ethiopia and Eritrea agreed to a ceasefire.", two).stream()
                .filter(coded("03")).toList();
        assertThat(ceasefire).extracting(DependencyEventCoderTest::dyad)
                .containsExactlyInAnyOrder("[ETH]->[ERI]", "[ERI]->[ETH]");
        assertThat(ceasefire.get(0).explanation()).contains("mutual");

        Actors three = new Actors().with("Iran", "IRN").with("Iraq", "IRQ").with("Syria", "SYR");
        List<Event> talks = code("Iran, Iraq and Syria held talks in Baghdad.", three).stream()
                .filter(coded("04")).toList();
        assertThat(talks).hasSize(3).allSatisfy(e -> assertThat(e.recipient()).hasSize(2));

        Actors clash = new Actors().with("Police", "KENCOP").with("protesters", "KENOPP");
        assertThat(code("Police and protesters clashed in the capital.", clash).stream().filter(coded("19")))
                .extracting(DependencyEventCoderTest::dyad)
                .containsExactlyInAnyOrder("[KENCOP]->[KENOPP]", "[KENOPP]->[KENCOP]");
    }

    @Test
    void alliesFightingTogetherAreNotFightingEachOther() {
        Actors allies = new Actors().with("Russian", "RUSMIL").with("Syrian forces", "SYRMIL");
        Event fight = only(code("Russian and Syrian forces fought in Aleppo.", allies), "19");
        assertThat(codes(fight.actor())).containsExactly("RUSMIL", "SYRMIL");
        assertThat(fight.recipient()).isEmpty();
        // one party and someone named: an ordinary event
        Actors uk = new Actors().with("Kenya", "KEN").with("Britain", "GBR");
        Event signed = only(code("Kenya signed an agreement with Britain.", uk), "05");
        assertDyad(signed, "KEN", "GBR");
    }

    @Test
    void liftingSanctionsEasesThemForWhomTheyWeighedOnAndImposesNone() {
        Actors un = new Actors().with("The Security Council", "IGOUNOSEC").with("Liberia", "LBR");
        List<Event> lifted = code("The Security Council lifted sanctions against Liberia.", un);
        Event easing = only(lifted, "08");
        assertThat(easing.cameo().code()).isEqualTo("085");
        assertThat(codes(easing.recipient())).containsExactly("LBR");
        assertThat(lifted).as("no sanctions were imposed").noneMatch(coded("16"));

        Actors usa = new Actors().with("The United States", "USA").with("its", "USA").with("Cuba", "CUB");
        List<Event> ended = code("The United States ended its embargo on Cuba.", usa);
        assertThat(codes(only(ended, "08").recipient())).containsExactly("CUB");
        assertThat(ended).noneMatch(coded("16"));

        Actors court = new Actors().with("The court", "EGYJUD").with("the Muslim Brotherhood", "EGYOPP");
        Event ban = only(code("The court lifted the ban imposed on the Muslim Brotherhood.", court), "08");
        assertThat(codes(ban.recipient())).containsExactly("EGYOPP");
        // with no one to credit the lifting to, the sanctions are still not an imposition
        assertThat(code("Sanctions against Liberia were lifted.", un)).noneMatch(coded("16"));
    }

    @Test
    void anUltimatumGoesToWhomItIsIssuedTo() {
        Actors a = new Actors().with("Russia", "RUS").with("Ukraine", "UKR");
        Event u = only(code("Russia issued an ultimatum to Ukraine on Monday.", a), "13");
        assertDyad(u, "RUS", "UKR");
    }

    @Test
    void optimismOrConcernGoesToWhomItIsAbout() {
        Actors a = new Actors().with("The minister", "FRAGOV").with("the Iraqi government", "IRQGOV")
                .with("Russian troops", "RUSMIL");
        Event hope = only(code("The minister expressed optimism that the Iraqi government would approve the plan.", a),
                "013");
        assertThat(codes(hope.recipient())).containsExactly("IRQGOV");
        Event worry = only(code("The minister voiced concern over Russian troops near the border.", a), "012");
        assertThat(codes(worry.recipient())).containsExactly("RUSMIL");
    }

    @Test
    void anOfferToSendTroopsGoesToWhereTheyWouldBeSentNotToTheTroops() {
        Actors a = new Actors().with("Canada", "CAN").with("troops", "CANMIL").with("Mali", "MLI")
                .with("the Malian army", "MLIMIL");
        Event send = only(code("Canada offered to send troops to Mali.", a), "03");
        assertThat(codes(send.recipient())).containsExactly("MLI");
        Event help = only(code("Canada offered to help the Malian army.", a), "03");
        assertThat(codes(help.recipient())).containsExactly("MLIMIL");
    }

    @Test
    void stormingOverrunningOrCapturingAPositionIsForce() {
        Actors a = new Actors().with("Rebels", "SOMREB").with("an army base", "SOMMIL").with("Troops", "SOMMIL")
                .with("the rebels", "SOMREB").with("Police", "FRACOP");
        assertThat(only(code("Rebels overran an army base in the north.", a), "19").cameo().code()).isEqualTo("192");
        Event captured = only(code("Troops captured the airport from the rebels.", a), "19");
        assertThat(captured.cameo().code()).isEqualTo("192");
        assertThat(codes(captured.recipient())).containsExactly("SOMREB");
        assertThat(only(code("Police stormed the prison.", a), "19").cameo().code()).isEqualTo("190");
        // what is captured must be held ground or people: an image or a mood is no conquest
        assertThat(code("Troops captured the imagination of the crowd.", a)).noneMatch(coded("19"));
        assertThat(code("Police pounded the table.", a)).noneMatch(coded("19"));
    }

    @Test
    void decliningToCommentIsNoRejection() {
        Event e = only(code("The ministry declined to comment on the report.",
                new Actors().with("The ministry", "TURGOV")), "0");
        assertThat(e.cameo().code()).isEqualTo("011");
    }

    @Test
    void attendingAMeetingIsTakingPartInIt() {
        List<Event> events = code("Iraqi and Iranian ministers will attend the summit.",
                new Actors().with("Iraqi", "IRQGOV").with("Iranian ministers", "IRNGOV"));
        assertThat(events.stream().filter(coded("04"))).extracting(DependencyEventCoderTest::dyad)
                .containsExactlyInAnyOrder("[IRQGOV]->[IRNGOV]", "[IRNGOV]->[IRQGOV]");
    }

    @Test
    void rejectingAnAccusationIsADenialAimedAtTheAccuser() {
        Actors a = new Actors().with("Serbia", "SRB").with("Croatia", "HRV");
        Event denial = only(code("Serbia rejected accusations by Croatia of war crimes.", a), "01");
        assertThat(denial.cameo().code()).isEqualTo("016");
        assertThat(codes(denial.recipient())).containsExactly("HRV");
        // a proposal rejected is still a rejection
        assertThat(only(code("Serbia rejected the proposal by Croatia.", a), "12").cameo().code())
                .isEqualTo("120");
    }

    @Test
    void attackingAPositionOnAnIssueIsCriticismButAttackingArmyPositionsIsForce() {
        Actors a = new Actors().with("The senator", "USALEG").with("Rebels", "SOMREB").with("army", "SOMMIL");
        assertThat(only(code("The senator attacked his position on immigration.", a), "1").cameo().code())
                .isEqualTo("111");
        assertThat(code("Rebels attacked army positions near the town.", a)).anyMatch(coded("19"));
    }

    @Test
    void suspendedAidIsACutForWhomItWasMeantAndNoAidGiven() {
        Actors a = new Actors().with("Germany", "DEU").with("military", "DEUMIL").with("Niger", "NER");
        List<Event> events = code("Germany suspended military aid to Niger.", a);
        Event cut = only(events, "16");
        assertThat(cut.cameo().code()).isEqualTo("162");
        assertThat(codes(cut.recipient())).containsExactly("NER");
        assertThat(events).as("no aid was given").noneMatch(coded("07"));
        assertThat(codes(only(code("Germany reduced military aid to Niger.", a), "16").recipient()))
                .containsExactly("NER");
    }

    @Test
    void troopsWithdrawnOrDeployedAreTheMoversOwnNotTheTarget() {
        Actors a = new Actors().with("Fiji", "FJI").with("its peacekeepers", "FJIMIL").with("Lebanon", "LBN")
                .with("Chile", "CHL").with("troops", "CHLMIL").with("Haiti", "HTI");
        Event out = only(code("Fiji withdrew its peacekeepers from Lebanon.", a), "08");
        assertThat(codes(out.recipient())).containsExactly("LBN");
        Event in = only(code("Chile deployed troops to Haiti.", a), "15");
        assertThat(codes(in.recipient())).containsExactly("HTI");
    }

    @Test
    void coercionAndProtestWordsAnalystsExpect() {
        Actors a = new Actors().with("Kenya", "KEN").with("the Ugandan ambassador", "UGAGOV").with("North Korea", "PRK")
                .with("South Korea", "KOR").with("The president", "HNDGOV").with("The FBI", "USACOP").with("Mexico", "MEX")
                .with("China", "CHN").with("its forces", "CHNMIL");
        assertThat(only(code("Kenya summoned the Ugandan ambassador.", a), "11").recipient())
                .extracting(Actor::code).containsExactly("UGAGOV");
        assertThat(only(code("North Korea launched cyber warfare against South Korea.", a), "19").recipient())
                .extracting(Actor::code).containsExactly("KOR");
        assertThat(only(code("The president declared a state of emergency.", a), "17").cameo().code())
                .isEqualTo("1724");
        assertThat(only(code("The FBI shared evidence with Mexico.", a), "06").recipient())
                .extracting(Actor::code).containsExactly("MEX");
        Event buildup = only(code("China strengthened its forces in Tibet.", a), "15");
        assertThat(buildup.recipient()).as("its own forces are no target").isEmpty();
        // summoning anything but an envoy is no protest
        assertThat(code("The president summoned his courage.", a)).noneMatch(coded("11"));
    }

    @Test
    void pledgingSupportIsAnIntentionTowardWhomItIsFor() {
        Actors a = new Actors().with("Kenya", "KEN").with("the Somali government", "SOMGOV");
        Event e = only(code("Kenya pledged full support for the Somali government.", a), "03");
        assertDyad(e, "KEN", "SOMGOV");
    }

    @Test
    void condolencesGoToWhomTheyAreExpressedTo() {
        Event c = only(code("Vladimir Putin expressed his condolences to the British people.",
                new Actors().with("Vladimir Putin", "RUSGOV").with("the British people", "GBRCVL")), "01");
        assertThat(c.cameo().code()).isEqualTo("018");
        assertThat(codes(c.recipient())).containsExactly("GBRCVL");
    }

    @Test
    void targetingSomeoneIsAnAttackButTargetedToSpreadSomethingIsNot() {
        assertThat(code("Israeli jets targeted Hamas positions.", new Actors().with("Israeli jets", "ISRMIL")
                .with("Hamas", "PSEREB"))).anyMatch(coded("190"));
        assertThat(code("Voters were targeted to spread disinformation by Russia.", new Actors()
                .with("Voters", "USACVL").with("Russia", "RUS"))).noneMatch(coded("19"));
    }

    @Test
    void nominalAttacksTakeTheirDoerFromTheModifierAndTheirTargetFromTheCaseMarker() {
        List<Event> events = code("US airstrikes on Iraqi militia bases killed 17 fighters.",
                new Actors().with("US", "USA").with("Iraqi militia", "IRQREB"));
        Event strike = events.stream().filter(e -> e.textInfo().trigger().equals("airstrikes")).findFirst().orElseThrow();
        assertThat(strike.cameo().code()).isEqualTo("195");
        assertDyad(strike, "USA", "IRQREB");
    }

    @Test
    void airstrikesLaunchedByAnActorAgainstAnotherComeThroughTheSupportVerb() {
        List<Event> events = code("The recent airstrikes launched by the US against local resistance groups angered Baghdad.",
                new Actors().with("the US", "USA").with("local resistance groups", "IRQREB"));
        Event strike = only(events, "19");
        assertDyad(strike, "USA", "IRQREB");
        assertThat(strike.explanation()).contains("support-verb=launched");
    }

    @Test
    void aCallForTheWithdrawalOfTroopsIsAnAppealAimedAtTheTroops() {
        Event appeal = only(code("The Iraqi government called for the withdrawal of US troops.",
                new Actors().with("The Iraqi government", "IRQGOV").with("US troops", "USAMIL")), "02");
        assertThat(appeal.cameo().code()).isEqualTo("0256");
        assertDyad(appeal, "IRQGOV", "USAMIL");
        assertThat(appeal.explanation()).contains("topic=withdrawal(WITHDRAW)");
    }

    @Test
    void aDemandThatForcesLeaveIsADemandForDeEscalation() {
        Event demand = only(code("Baghdad demanded the withdrawal of American forces.",
                new Actors().with("Baghdad", "IRQGOV").with("American forces", "USAMIL")), "10");
        assertThat(demand.cameo().code()).isEqualTo("1056");
        assertThat(demand.eventType()).isEqualTo("REQUEST");
    }

    @Test
    void aStatedDeterminationToExpelForeignForcesIsADemand() {
        List<Event> events = code("Iraq has stated its determination to rid the country of foreign forces.",
                new Actors().with("Iraq", "IRQ").with("its", "IRQ"));
        Event demand = only(events, "10");
        assertThat(codes(demand.actor())).containsExactly("IRQ");
        assertThat(events).noneMatch(coded("16"));
    }

    @Test
    void praiseThroughCallingSomethingVirtuousIsSupport() {
        Event praise = only(code("Iran's Judiciary Chief called Iraq's new law highly virtuous.",
                new Actors().with("Iran 's Judiciary Chief", "IRNJUD").with("Iraq", "IRQ")), "05");
        assertThat(praise.cameo().code()).isEqualTo("051");
        assertDyad(praise, "IRNJUD", "IRQ");
    }

    @Test
    void discussingAWithdrawalDoesNotCodeTheWithdrawalAsAFact() {
        List<Event> events = code("Iraq, Iran discuss withdrawal of US forces.",
                new Actors().with("Iraq", "IRQ").with("Iran", "IRN").with("US forces", "USAMIL"));
        assertThat(events).noneMatch(coded("08"));
        // the talks are between Iraq and Iran, each way; the forces are what is discussed
        assertThat(events.stream().filter(coded("04"))).extracting(DependencyEventCoderTest::dyad)
                .containsExactlyInAnyOrder("[IRQ]->[IRN]", "[IRN]->[IRQ]");
    }

    @Test
    void actorsFromAnUnrelatedClauseAreNeverPulledIn() {
        List<Event> events = code("While Germany hosted a trade fair, Russian troops shelled Kharkiv.",
                new Actors().with("Germany", "DEU").with("Russian troops", "RUSMIL").with("Kharkiv", "UKR"));
        Event shelling = only(events, "19");
        assertDyad(shelling, "RUSMIL", "UKR");
        assertThat(events).noneMatch(e -> codes(e.recipient()).contains("DEU") || e.cameo().code().startsWith("04"));
    }

    @Test
    void anEventWithoutAnyActorIsNotEmitted() {
        assertThat(code("The talks were facilitated by a higher military commission.", new Actors())).isEmpty();
    }

    @Test
    void nothingIsCodedInsideDebris() {
        String text = "Read more: Iraq's al-Nujaba declares attacks on US forces to continue\n\n"
                + "Iraq condemned the airstrikes.";
        Article a = EventFixtures.article("d", text).withDebris(List.of(new Debris(0, text.indexOf('\n'), "read-more")));
        List<Event> events = EventFixtures.code(CODER, a, new Actors().with("Iraq", "IRQ").with("US forces", "USAMIL"));
        assertThat(events).allMatch(e -> e.textInfo().triggerStart() > text.indexOf('\n'));
        assertThat(events).anyMatch(coded("111"));
    }

    @Test
    void theSameInputGivesTheSameIdsAndEachEventTracesToItsTrigger() {
        String text = "Israeli jets bombed Hamas positions in Gaza.";
        Actors actors = new Actors().with("Israeli jets", "ISRMIL").with("Hamas", "PSEREB");
        List<Event> first = code(text, actors);
        List<Event> second = code(text, actors);
        assertThat(first).isNotEmpty();
        assertThat(first).extracting(Event::id).containsExactlyElementsOf(second.stream().map(Event::id).toList());
        Event e = first.get(0);
        assertThat(e.id()).hasSize(16);
        assertThat(text.substring(e.textInfo().triggerStart(), e.textInfo().triggerEnd())).isEqualTo(e.textInfo().trigger());
        assertThat(e.codebook()).isEqualTo("test-codebook");
        assertThat(e.date().fromPublication()).isTrue();
    }

    /** The pre-parse filter's answer for the first sentence of a text, with the given actors recognised. */
    private static boolean mayHoldEvent(String text, Actors actors) {
        List<Sentence> s = EventFixtures.NLP.split(text);
        return CODER.mayHoldEvent(s.get(0), actors.index(s).mentions(0));
    }

    @Test
    void theFilterSendsToTheParserSentencesWithAnyInflectedTriggerAndNoOthers() {
        Actors none = new Actors();
        assertThat(mayHoldEvent("The delegations negotiated for hours.", none)).isTrue();
        assertThat(mayHoldEvent("Police detained two men.", none)).isTrue();
        assertThat(mayHoldEvent("The ministers' talks ended.", none)).isTrue();
        assertThat(mayHoldEvent("The weather was mild in Basra.", none)).isFalse();
    }

    @Test
    void aSentenceWhoseOnlyTriggerIsAStatementVerbIsNotParsed() {
        Actors minister = new Actors().with("The minister", "IRQGOV");
        assertThat(mayHoldEvent("The minister said the weather would stay mild.", minister)).isFalse();
        assertThat(mayHoldEvent("The minister told reporters that prices had risen.", minister)).isFalse();
        assertThat(mayHoldEvent("The minister said the talks would resume.", minister)).isTrue();
        assertThat(mayHoldEvent("The minister said the attack was a crime.", minister)).isTrue();
        assertThat(mayHoldEvent("The minister declared war on the rebels.", minister)).as("declare war is no statement")
                .isTrue();
    }

    @Test
    void triggerWordsInsideNamesAndMonthsAreNoTriggers() {
        assertThat(mayHoldEvent("Growth slowed in March, the United States announced.",
                new Actors().with("the United States", "USA"))).isFalse();
        assertThat(mayHoldEvent("He joined the Free Democrats in 1990.", new Actors())).isFalse();
        assertThat(mayHoldEvent("Thousands march on the capital.", new Actors())).isTrue();
        assertThat(mayHoldEvent("Israel Strikes Gaza After Rocket Fire", new Actors().with("Israel", "ISR")))
                .as("a title-case headline keeps its capitals").isTrue();
    }

    @Test
    void aVerbOnlyTriggerWhereOnlyANounCanStandIsNoTrigger() {
        assertThat(mayHoldEvent("Labour won the support of voters.", new Actors())).isFalse();
        assertThat(mayHoldEvent("They moved in order to save money.", new Actors())).isFalse();
        assertThat(mayHoldEvent("Labour will support the bill.", new Actors())).isTrue();
    }

    /** The filter's second look, once the sentence is tagged. */
    private static boolean mayHoldEventTagged(String text, Actors actors) {
        List<Sentence> s = EventFixtures.NLP.tag(EventFixtures.NLP.split(text));
        return CODER.mayHoldEvent(s.get(0), actors.index(s).mentions(0));
    }

    @Test
    void onceTaggedATriggerFormUsedAsAnotherPartOfSpeechSendsNothingToTheParser() {
        Actors blair = new Actors().with("Mr Blair", "GBRGOV");
        assertThat(mayHoldEventTagged("Mr Blair said the party was back in business.", blair)).as("back, adverb")
                .isFalse();
        assertThat(mayHoldEventTagged("Mr Blair said care would be free for the elderly.", blair)).as("free, adjective")
                .isFalse();
        assertThat(mayHoldEventTagged("Mr Blair will back the bill.", blair)).as("back, verb").isTrue();
        assertThat(mayHoldEventTagged("Mr Blair ordered troops to free the hostages.", blair)).isTrue();
        assertThat(mayHoldEventTagged("Mr Blair condemned the bombing of the embassy.", blair)).isTrue();
        assertThat(mayHoldEventTagged("Israel Strikes Gaza After Rocket Fire", new Actors().with("Israel", "ISR")))
                .as("a title-case headline tagged as names keeps its triggers").isTrue();
    }

    @Test
    void aWordThatCodesOnlyThroughRulesNeedsOneOfItsRulesWords() {
        assertThat(mayHoldEvent("The government cut taxes.", new Actors())).isFalse();
        assertThat(mayHoldEvent("The government cut ties with Iran.", new Actors())).isTrue();
        assertThat(mayHoldEvent("Visitors signed the register.", new Actors())).isFalse();
        assertThat(mayHoldEvent("Both sides signed an accord.", new Actors())).isTrue();
    }

    @Test
    void anUnparsedStatementIsCodedWhenTheSpeakerStandsNextToTheVerb() {
        Actors actors = new Actors().with("Iraqi Foreign Minister Fuad Hussein", "IRQGOV").with("Hussein", "IRQGOV")
                .with("the BBC", "GBRMED").with("Iran", "IRN");
        Event before = only(code("Iraqi Foreign Minister Fuad Hussein also said the economy was growing fast.", actors),
                "01");
        assertThat(before.cameo().code()).isEqualTo("010");
        assertThat(codes(before.actor())).containsExactly("IRQGOV");
        assertThat(before.explanation()).contains("token-rule");
        Event told = only(code("Iraqi Foreign Minister Fuad Hussein told Iran that prices were rising.", actors), "01");
        assertThat(codes(told.recipient())).as("the addressee").containsExactly("IRN");
        Event after = only(code("\"Prices are rising in every province,\" said Hussein.", actors), "01");
        assertThat(codes(after.actor())).containsExactly("IRQGOV");
        assertThat(code("A source close to Hussein said prices were rising.", actors)).as("the speaker is the source")
                .isEmpty();
        assertThat(code("Hussein said.", actors)).as("nothing was said").isEmpty();
        assertThat(code("the BBC reported that prices were rising.", actors)).as("an outlet reporting").isEmpty();
    }

    @Test
    void anArrestIsCoercionOfTheDetained() {
        Event arrest = only(code("Egyptian police arrested three Al Jazeera journalists in Cairo.",
                new Actors().with("Egyptian police", "EGYCOP").with("Al Jazeera journalists", "QATMED")), "17");
        assertThat(arrest.cameo().code()).isEqualTo("173");
        assertThat(codes(arrest.recipient())).containsExactly("QATMED");
    }
}
