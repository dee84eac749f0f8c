package org.khaldun.spark;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.khaldun.article.Article;
import org.khaldun.article.BadInputException;
import org.khaldun.article.DebrisMarker;
import org.khaldun.article.JsonlArticles;
import org.khaldun.article.ReadOptions;
import org.khaldun.event.Event;
import org.khaldun.pipeline.CodedArticle;
import org.khaldun.pipeline.Pipeline;

/**
 * Codes the records of one partition with the executor's pipeline ({@link PipelineHolder}), one record at a
 * time as Spark pulls them, into rows of {@link Schemas#RESULT}. A record that cannot be read or coded
 * becomes a row with its reason; it never fails the task, so one bad article never costs a job.
 */
final class ArticleCoder implements FlatMapFunction<Iterator<InputRecord>, Row> {

    private static final long serialVersionUID = 1L;

    /** What of the read options matters here; {@link ReadOptions} itself is not serialisable. */
    private final LocalDate defaultPublished;

    ArticleCoder(ReadOptions options) {
        this.defaultPublished = options.defaultPublished().orElse(null);
    }

    @Override
    public Iterator<Row> call(Iterator<InputRecord> records) {
        Pipeline pipeline = PipelineHolder.get();
        ReadOptions options = ReadOptions.defaults().withDefaultPublished(defaultPublished);
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        boolean cpu = mx.isCurrentThreadCpuTimeSupported();
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return records.hasNext();
            }

            @Override
            public Row next() {
                InputRecord r = records.next();
                long c0 = cpu ? mx.getCurrentThreadCpuTime() : 0;
                Result res = code(pipeline, options, r);
                long used = cpu ? mx.getCurrentThreadCpuTime() - c0 : 0;
                return RowFactory.create(res.recordId(), res.where(), res.error(), EventRows.seq(res.events()),
                        EventRows.seq(res.mentions()),
                        res.tokens(), used);
            }
        };
    }

    private record Result(String recordId, String where, String error, List<Row> events, List<Row> mentions,
                          long tokens) {
    }

    private static Result code(Pipeline pipeline, ReadOptions options, InputRecord r) {
        if (r.error() != null) {
            return failed(r.fallbackId(), r, r.error());
        }
        Article article;
        try {
            article = JsonlArticles.parse(r.json(), r.fallbackId(), options);
        } catch (BadInputException e) {
            return failed(r.fallbackId(), r, e.reason());
        } catch (RuntimeException | StackOverflowError e) {
            return failed(r.fallbackId(), r, "could not be read (" + e + ")");
        }
        if (options.markDebris()) {
            article = DebrisMarker.standard().mark(article);
        }
        CodedArticle coded;
        try {
            coded = pipeline.code(article);
        } catch (RuntimeException | StackOverflowError e) {
            return failed(article.id(), r, "coding failed (" + e + ")");
        }
        List<Row> events = new ArrayList<>(coded.events().size());
        List<Row> mentions = new ArrayList<>();
        for (Event e : coded.events()) {
            events.add(EventRows.event(e, article));
            EventRows.mentions(e, mentions);
        }
        return new Result(article.id(), r.where(), null, events, mentions, coded.stageTimes().tokens());
    }

    private static Result failed(String id, InputRecord r, String reason) {
        return new Result(id, r.where(), reason, List.of(), List.of(), 0);
    }
}
