package org.khaldun.output;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.khaldun.actor.Actor;
import org.khaldun.article.Article;
import org.khaldun.event.Cameo;
import org.khaldun.event.Event;
import org.khaldun.event.EventSource;
import org.khaldun.event.Modality;
import org.khaldun.event.TextInfo;
import org.khaldun.place.Level;
import org.khaldun.place.Place;
import org.khaldun.place.PlaceUse;
import org.khaldun.time.EventDate;

class EventJsonTest {

    static final Article ARTICLE = Article.of("a1", "https://example.org/a1", "Title",
            "Title\n\nOn Wednesday, the speaker received the \"chief\".", LocalDate.of(2024, 2, 8), "Example News");

    static Event event(String code) {
        return new Event("e1", "a1",
                new EventDate(LocalDate.of(2024, 2, 7), "2024-02-07", "day", "", "On Wednesday", false),
                List.of(new Actor("the speaker", "IRQLEG", "IRQ", "LEG", 20, 31)),
                List.of(new Actor("the \"chief\"", "IRNJUD", "IRN", "JUD", 41, 52)),
                "CONSULT", "visit", List.of("diplomatic"), new Cameo(code, 2.8, 1),
                new TextInfo(1, 7, 53, "received", 32, 40, "On Wednesday, the speaker received the \"chief\"."),
                Modality.FACT, "lexicon:receive[043]", "test-1");
    }

    @Test
    void aPlaceNamedButNotGeocodedIsWrittenWithoutCoordinates() {
        Place village = new Place("Umm Tarsha", 60, 70, 1, 9, 10, 0, "Umm Tarsha", "", "", Double.NaN, Double.NaN,
                Level.UNRESOLVED, PlaceUse.LITERAL, "unresolved+locative(in) -> event:attached:obl:in");
        Event e = event("190").withLocation(Optional.of(village));
        assertThat(EventJson.toJson(e, ARTICLE)).contains("\"name\":\"Umm Tarsha\"", "\"lat\":null", "\"lon\":null",
                "\"level\":\"unresolved\"").doesNotContain("NaN");
        assertThat(EventTsv.toRow(e, ARTICLE)).contains("\tUmm Tarsha\t").doesNotContain("NaN").contains("\t\t\tunresolved");
    }

    @Test
    void cameoCodesStayStringsWithTheirLeadingZero() {
        assertThat(EventJson.toJson(event("043"), ARTICLE)).contains("\"cameo\":{\"code\":\"043\",\"goldstein\":2.8,\"quad_class\":1}");
    }

    @Test
    void eventDateAndPublicationDateAreKeptApart() {
        String json = EventJson.toJson(event("043"), ARTICLE);
        assertThat(json).contains("\"date\":\"2024-02-07\"", "\"published\":\"2024-02-08\"",
                "\"date_text\":\"On Wednesday\"", "\"date_from_publication\":false");
    }

    @Test
    void quotesInArticleTextAreEscapedAndTheLineHasNoNewline() {
        String json = EventJson.toJson(event("043"), ARTICLE);
        assertThat(json).contains("\"text\":\"the \\\"chief\\\"\"").doesNotContain("\n");
    }

    @Test
    void actorsCarryCodeCountrySectorAndOffsets() {
        assertThat(EventJson.toJson(event("043"), ARTICLE)).contains(
                "\"actor\":[{\"text\":\"the speaker\",\"code\":\"IRQLEG\",\"country\":\"IRQ\",\"sector\":\"LEG\",\"start\":20,\"end\":31}]");
    }

    @Test
    void theSourceNamesThePersonWhoSpokeNextToTheWordsThatReferToThem() {
        Event said = event("112").withSource(new EventSource("named",
                Optional.of(new Actor("He", "IRQLEG", "IRQ", "LEG", 20, 22)), "said", "", false, 2, "Mohsen Al-Mandalawi"));
        String json = EventJson.toJson(said, ARTICLE);
        assertThat(json).contains("\"source\":{\"kind\":\"named\",\"speaker\":{\"text\":\"He\",\"code\":\"IRQLEG\"",
                "\"speaker_name\":\"Mohsen Al-Mandalawi\",\"cue\":\"said\"");
        assertThat(EventTsv.toRow(said, ARTICLE)).endsWith("\tMohsen Al-Mandalawi");
        assertThat(EventJson.toJson(event("043"), ARTICLE)).contains("\"speaker\":null,\"speaker_name\":null");
    }

    @Test
    void controlCharactersAndLineSeparatorsAreEscaped() {
        StringBuilder b = new StringBuilder();
        JsonWriter.quote("a\u0001b\u2028c\ud800", b);
        assertThat(b.toString()).isEqualTo("\"a\\u0001b\\u2028c\\ud800\"");
    }

    @Test
    void tsvRowsHaveOneCellPerColumnEvenWhenTextHasTabs() {
        String row = EventTsv.toRow(event("043"), ARTICLE);
        assertThat(row.split("\t", -1)).hasSize(EventTsv.COLUMNS.size());
        assertThat(row).doesNotContain("\n");
    }
}
