package org.khaldun.spark;

import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import scala.jdk.javaapi.CollectionConverters;
import org.khaldun.actor.Actor;
import org.khaldun.article.Article;
import org.khaldun.event.Event;
import org.khaldun.output.EventJson;

/** Events as rows of {@link Schemas#EVENT} and {@link Schemas#MENTION}. */
final class EventRows {

    private EventRows() {
    }

    static Row event(Event e, Article a) {
        return RowFactory.create(
                e.id(),
                e.articleId(),
                date(e.date().date()),
                e.date().value(),
                e.date().precision(),
                e.date().modifier(),
                e.date().text(),
                e.date().fromPublication(),
                date(a.published().orElse(null)),
                seq(actors(e.actor())),
                seq(actors(e.recipient())),
                e.eventType(),
                e.mode(),
                seq(e.context()),
                e.cameo().code(),
                e.cameo().goldstein(),
                e.cameo().quadClass(),
                e.modality().negated(),
                e.modality().hypothetical(),
                e.modality().future(),
                e.textInfo().sentenceIndex(),
                e.textInfo().start(),
                e.textInfo().end(),
                e.textInfo().trigger(),
                e.textInfo().triggerStart(),
                e.textInfo().triggerEnd(),
                e.textInfo().sentence(),
                e.explanation(),
                e.codebook(),
                a.url(),
                a.source(),
                EventJson.toJson(e, a));
    }

    static void mentions(Event e, List<Row> out) {
        int s = e.textInfo().sentenceIndex();
        out.add(RowFactory.create(e.id(), e.articleId(), s, "trigger", e.textInfo().trigger(), e.cameo().code(),
                e.textInfo().triggerStart(), e.textInfo().triggerEnd()));
        for (Actor a : e.actor()) {
            out.add(RowFactory.create(e.id(), e.articleId(), s, "actor", a.text(), a.code(), a.start(), a.end()));
        }
        for (Actor a : e.recipient()) {
            out.add(RowFactory.create(e.id(), e.articleId(), s, "recipient", a.text(), a.code(), a.start(), a.end()));
        }
    }

    private static List<Row> actors(List<Actor> actors) {
        List<Row> rows = new ArrayList<>(actors.size());
        for (Actor a : actors) {
            rows.add(RowFactory.create(a.text(), a.code(), a.country(), a.sector(), a.start(), a.end()));
        }
        return rows;
    }

    /** Spark's rows hold arrays as Scala sequences. */
    static <T> scala.collection.immutable.Seq<T> seq(List<T> list) {
        return CollectionConverters.asScala(list).toList();
    }

    private static Date date(LocalDate d) {
        return d == null ? null : Date.valueOf(d);
    }
}
