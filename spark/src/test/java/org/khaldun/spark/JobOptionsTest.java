package org.khaldun.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import org.junit.jupiter.api.Test;
import scala.Tuple2;

class JobOptionsTest {

    @Test
    void outputsLiveUnderTheOutputFolderAndErrorsDefaultToJsonLinesThere() {
        JobOptions o = JobOptions.parse("--input", "hdfs:///news/2025/*.jsonl", "--output", "s3a://bucket/run-7/");
        assertThat(o.format()).isEqualTo(JobOptions.Format.JSONL);
        assertThat(o.eventsPath()).isEqualTo("s3a://bucket/run-7/events");
        assertThat(o.mentionsPath()).isEqualTo("s3a://bucket/run-7/mentions");
        assertThat(o.errors()).isEqualTo("s3a://bucket/run-7/errors");
        assertThat(o.errorsFormat()).isEqualTo(JobOptions.Format.JSONL);
        assertThat(o.reportPath()).isEqualTo("s3a://bucket/run-7/report.json");
        assertThat(o.partitions()).isZero();
        assertThat(o.overwrite()).isFalse();
    }

    @Test
    void aParquetPathIsReadAsParquetAndEveryOptionCanBeGiven() {
        assertThat(JobOptions.parse("--input", "/data/articles.parquet", "--output", "/out").format())
                .isEqualTo(JobOptions.Format.PARQUET);
        JobOptions o = JobOptions.parse("--input=/data/in", "--output=/out", "--format=parquet", "--errors", "/bad",
                "--errors-format", "parquet", "--partitions", "64", "--published", "2024-02-08", "--overwrite");
        assertThat(o.format()).isEqualTo(JobOptions.Format.PARQUET);
        assertThat(o.errors()).isEqualTo("/bad");
        assertThat(o.errorsFormat()).isEqualTo(JobOptions.Format.PARQUET);
        assertThat(o.partitions()).isEqualTo(64);
        assertThat(o.published()).contains(LocalDate.of(2024, 2, 8));
        assertThat(o.overwrite()).isTrue();
    }

    @Test
    void mistakesAreNamedForTheUser() {
        assertThatThrownBy(() -> JobOptions.parse("--input", "x")).hasMessageContaining("--output");
        assertThatThrownBy(() -> JobOptions.parse("--input", "x", "--output", "y", "--format", "csv"))
                .hasMessageContaining("csv");
        assertThatThrownBy(() -> JobOptions.parse("--input", "x", "--output", "y", "--published", "8 Feb"))
                .hasMessageContaining("YYYY-MM-DD");
        assertThatThrownBy(() -> JobOptions.parse("--input", "x", "--output", "y", "--threads", "2"))
                .hasMessageContaining("--threads");
        assertThatThrownBy(() -> JobOptions.parse("--input", "x", "--output")).hasMessageContaining("needs a value");
    }

    @Test
    void lineNumbersRunOnAcrossTheSplitsOfAFileInOffsetOrder() {
        // collected from the executors in any order
        HashMap<String, Long> first = ArticleInputs.firstLineNumbers(List.of(
                new Tuple2<>("file:/in/b.jsonl\u00000", 4L),
                new Tuple2<>("file:/in/a.jsonl\u000020000", 7L),
                new Tuple2<>("file:/in/a.jsonl\u00000", 10L),
                new Tuple2<>("file:/in/a.jsonl\u00009000", 3L)));
        assertThat(first).containsEntry("file:/in/a.jsonl\u00000", 1L)
                .containsEntry("file:/in/a.jsonl\u00009000", 11L)
                .containsEntry("file:/in/a.jsonl\u000020000", 14L)
                .containsEntry("file:/in/b.jsonl\u00000", 1L);
    }

    @Test
    void recordsWithoutAnIdAreNamedAfterTheFileStemAsOnTheCommandLine() {
        assertThat(ArticleInputs.stem("feed.jsonl")).isEqualTo("feed");
        assertThat(ArticleInputs.stem("feed.jsonl.gz")).isEqualTo("feed.jsonl");
        assertThat(ArticleInputs.stem(".hidden")).isEqualTo(".hidden");
    }
}
