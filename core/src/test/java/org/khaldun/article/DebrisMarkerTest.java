package org.khaldun.article;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class DebrisMarkerTest {

    private final DebrisMarker marker = DebrisMarker.standard();

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            Read more: Iraq's al-Nujaba declares operations against US forces to continue | read-more
            READ MORE                                                                      | read-more
            Also read: Parliament passes the budget                                        | read-more
            Related: Talks resume in Doha                                                  | read-more
            See also – Timeline of the conflict                                            | read-more
            More on this story:                                                            | read-more
            Click here to watch the full interview                                         | navigation
            Share this article                                                             | share-prompt
            Share on WhatsApp                                                              | share-prompt
            Subscribe to our newsletter                                                    | share-prompt
            Sign up for our daily briefing                                                 | share-prompt
            Follow us on Twitter                                                           | share-prompt
            Follow Al Mayadeen English on Telegram for the latest updates                  | share-prompt
            Advertisement                                                                  | advert
            Story continues below advertisement                                            | advert
            By John Smith                                                                  | byline
            By John Smith, Reuters                                                         | byline
            By Layla al-Haddad and Tom O'Neill in Beirut                                   | byline
            Reporting by Ahmed Rasheed; Editing by Mark Heinrich                           | byline
            Published 7 February 2024                                                      | byline
            Wed 7 Feb 2024 10.45 GMT                                                       | byline
            Photo: AFP                                                                     | credit
            (Photo by Ahmed Saad/Reuters)                                                  | credit
            Image caption, Protesters outside the embassy                                  | credit
            Getty Images                                                                   | credit
            AFP via Getty Images                                                           | credit
            Reuters/Ahmed Saad                                                             | credit
            © 2024 Harbour Times                                                           | copyright
            Copyright 2024 The Associated Press. All rights reserved.                      | copyright
            We use cookies to improve your experience on our site.                         | navigation
            Home > World > Middle East                                                     | navigation
            Tags: Iraq, Iran, United States                                                | navigation
            """)
    void siteFurnitureLinesAreDebris(String line, String kind) {
        assertThat(marker.kindOf(line)).isEqualTo(kind);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "He said the plan, read more widely, would end the occupation.",
        "Talks to boot the US out",
        "By Wednesday, the army had withdrawn from the town.",
        "By then, Iraqi officials had already left Tehran.",
        "Share prices fell sharply after the announcement.",
        "Follow-up talks are expected in Geneva next week.",
        "Iranian officials told Reuters the talks would resume.",
        "Photographs of the strike circulated widely on social media.",
        "Related talks in Cairo ended without agreement.",
        "More than 40 people were killed in the raid.",
        "Subscribers to the state broadcaster were told to stay indoors.",
        "Copyright disputes between the two firms have dragged on for years.",
        "Advertising revenue at state media fell by a third.",
        "He urged supporters to join the rally now, before the curfew.",
        "Click farms were used to inflate the minister's popularity, the report said.",
        "The AFP correspondent in Gaza said the hospital had run out of fuel.",
        "Reuters could not independently verify the footage.",
    })
    void newsSentencesAreNotDebris(String line) {
        assertThat(marker.kindOf(line)).isNull();
    }

    @Test
    void spansCoverTheDebrisLineWithoutItsIndentOrLineBreak() {
        String text = "Title\n\nFirst paragraph.\n  Advertisement  \nSecond paragraph.";
        int start = text.indexOf("Advertisement");
        assertThat(marker.mark(text)).containsExactly(new Debris(start, start + "Advertisement".length(), "advert"));
    }

    @Test
    void theHeadlineIsNeverMarkedEvenWhenItLooksLikeFurniture() {
        Article a = Article.of("x", "", "Watch: Protesters storm the parliament",
                "Watch: Protesters storm the parliament\n\nWatch: Earlier scenes from the square", null, "");
        Article marked = marker.mark(a);
        assertThat(marked.debris()).hasSize(1);
        assertThat(marked.debris().get(0).start()).isEqualTo(a.text().indexOf("Watch: Earlier"));
    }
}
