package org.khaldun.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.khaldun.article.Article;
import org.khaldun.article.JsonlArticles;
import org.khaldun.article.ReadOptions;

class BenchCorpusTest {

    @Test
    void articlesWrittenAsJsonLinesReadBackUnchangedSoEveryBenchmarkCodesTheSameText(@TempDir Path dir) throws Exception {
        List<Article> articles = List.of(
                Article.of("bbc/politics/001.txt", "", "Minister resigns", "Minister resigns\nThe minister resigned on Monday.",
                        LocalDate.of(2005, 1, 1), "BBC"),
                Article.of("wire/APW19980213.tml", "", "Talks \"resume\"", "Talks \"resume\"\n\nEnvoys met in Cairo.",
                        LocalDate.of(1998, 2, 13), "APW"),
                Article.of("wire/untitled.tml", "", "", "A body without a headline.", null, "NYT"));
        Path file = dir.resolve("bench.jsonl");

        BenchCorpus.writeJsonLines(articles, file);

        List<Article> back = new ArrayList<>();
        int n = 0;
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            back.add(JsonlArticles.parse(line, "bench:" + ++n, ReadOptions.defaults()));
        }
        assertThat(back).extracting(Article::id, Article::title, Article::text, Article::published, Article::source)
                .containsExactlyElementsOf(articles.stream()
                        .map(a -> tuple(a.id(), a.title(), a.text(), a.published(), a.source()))
                        .toList());
    }
}
