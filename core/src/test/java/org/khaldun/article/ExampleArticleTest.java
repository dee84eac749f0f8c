package org.khaldun.article;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The canonical demo article, read as a plain-text file the way the CLI reads it. */
class ExampleArticleTest {


    private static ReadResult readExample(ReadOptions options) {
        try (Stream<ReadResult> results = ArticleSources.read(List.of(org.khaldun.TestData.exampleArticle().toString()), options)) {
            List<ReadResult> all = results.toList();
            assertThat(all).hasSize(1);
            return all.get(0);
        }
    }

    @Test
    void theFirstLineIsTheHeadlineAndTheTextStartsWithIt() throws Exception {
        ReadResult result = readExample(ReadOptions.defaults().withDefaultPublished(LocalDate.of(2024, 2, 7)));
        assertThat(result).isInstanceOf(ReadResult.Ok.class);
        Article a = ((ReadResult.Ok) result).article();

        assertThat(a.id()).isEqualTo("iraq-iran-us-forces");
        assertThat(a.title()).isEqualTo("Iraq, Iran discuss withdrawal of US forces");
        assertThat(a.published()).contains(LocalDate.of(2024, 2, 7));
        assertThat(a.text()).startsWith("Iraq, Iran discuss withdrawal of US forces\n\nIn a meeting between");
        assertThat(result.record()).isEqualTo(org.khaldun.TestData.exampleArticle().toString());

        // the body is the file after its first line, byte for byte
        String file = Files.readString(org.khaldun.TestData.exampleArticle());
        String body = file.substring(file.indexOf('\n') + 1).strip();
        assertThat(a.text()).isEqualTo(a.title() + "\n\n" + body);
    }

    @Test
    void offsetsPointAtTheWordsOfTheFile() {
        Article a = ((ReadResult.Ok) readExample(ReadOptions.defaults())).article();
        int at = a.text().indexOf("Mohsen Al-Mandalawi");
        assertThat(a.text().substring(at, at + "Mohsen Al-Mandalawi".length())).isEqualTo("Mohsen Al-Mandalawi");
        assertThat(a.published()).isEmpty();
    }

    @Test
    void theReadMoreTeaserIsDebrisAndTheSubheadingAfterItIsNews() {
        Article a = ((ReadResult.Ok) readExample(ReadOptions.defaults())).article();
        String teaser = "Read more: Iraq's al-Nujaba declares operations against US forces to continue";
        int start = a.text().indexOf(teaser);
        assertThat(start).isPositive();
        assertThat(a.debris()).containsExactly(new Debris(start, start + teaser.length(), DebrisMarker.READ_MORE));

        int sub = a.text().indexOf("Talks to boot the US out");
        assertThat(a.inDebris(sub, sub + 5)).isFalse();
        int quote = a.text().indexOf("the upcoming weeks will witness");
        assertThat(a.inDebris(quote, quote + 10)).isFalse();
    }

    @Test
    void debrisMarkingCanBeSwitchedOff() {
        Article a = ((ReadResult.Ok) readExample(ReadOptions.defaults().withMarkDebris(false))).article();
        assertThat(a.debris()).isEmpty();
    }
}
