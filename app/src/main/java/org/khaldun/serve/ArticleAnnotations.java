package org.khaldun.serve;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import org.khaldun.actor.Actor;
import org.khaldun.actor.ActorMention;
import org.khaldun.article.Article;
import org.khaldun.article.Debris;
import org.khaldun.attribution.Attribution;
import org.khaldun.attribution.Span;
import org.khaldun.nlp.Sentence;
import org.khaldun.pipeline.CodedArticle;
import org.khaldun.pipeline.Pipeline;
import org.khaldun.place.Place;
import org.khaldun.time.TimeExpression;

/**
 * What the article view highlights besides the stored events: actor mentions, attributions (cues, speakers, quoted
 * content), time expressions, places and scraping debris. The store keeps events (with their trigger, actor,
 * source and location spans) but not these, so they are recomputed by coding the stored text again with the
 * pipeline; the answer says so ({@code "recomputed": true}) and names the codebook that did it. Results are cached
 * per article text, since coding costs tens to hundreds of milliseconds.
 */
final class ArticleAnnotations {

    private static final int CACHE = 128;

    private final Function<Article, CodedArticle> coder;
    private final Map<String, Map<String, Object>> cache = new LinkedHashMap<>(CACHE, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Map<String, Object>> eldest) {
            return size() > CACHE;
        }
    };

    ArticleAnnotations(Pipeline pipeline) {
        this(pipeline::code);
    }

    ArticleAnnotations(Function<Article, CodedArticle> coder) {
        this.coder = coder;
    }

    Map<String, Object> of(Article article, String contentHash) {
        String key = article.id() + "\u0000" + contentHash;
        synchronized (cache) {
            Map<String, Object> hit = cache.get(key);
            if (hit != null) {
                return hit;
            }
        }
        Map<String, Object> computed = compute(coder.apply(article));
        synchronized (cache) {
            cache.put(key, computed);
        }
        return computed;
    }

    static Map<String, Object> compute(CodedArticle c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("recomputed", true);
        m.put("codebook", c.events().isEmpty() ? null : c.events().get(0).codebook());
        List<Object> actors = new ArrayList<>();
        for (Sentence s : c.sentences()) {
            for (ActorMention am : c.actors().mentions(s.index())) {
                Actor a = am.actor();
                int start = s.token(am.firstToken()).start();
                int end = s.token(am.lastToken()).end();
                actors.add(Views.map("start", start, "end", end, "text", c.article().text().substring(start, end),
                        "code", a.code(), "country", a.country(), "sector", a.sector(), "sentence", s.index(),
                        "rule", am.rule()));
            }
        }
        m.put("actors", actors);
        List<Object> attributions = new ArrayList<>();
        for (Attribution a : c.attributions().all()) {
            List<Object> content = new ArrayList<>();
            for (Span sp : a.content()) {
                content.add(span(sp));
            }
            attributions.add(Views.map("id", a.id(), "cue", a.cue(), "cue_span", span(a.cueSpan()),
                    "speaker", a.speaker().map(ArticleAnnotations::actor).orElse(null),
                    "content", content, "kind", a.kind().name().toLowerCase(Locale.ROOT), "channel", a.channel(),
                    "form", a.form().name().toLowerCase(Locale.ROOT), "anonymous", a.anonymous(),
                    "sentence", a.sentence(), "rule", a.rule()));
        }
        m.put("attributions", attributions);
        List<Object> times = new ArrayList<>();
        for (TimeExpression t : c.times().expressions()) {
            times.add(Views.map("start", t.start(), "end", t.end(), "text", t.text(), "type", t.type(),
                    "value", t.value(), "modifier", t.modifier(), "sentence", t.sentenceIndex()));
        }
        m.put("time_expressions", times);
        List<Object> places = new ArrayList<>();
        for (Place p : c.places().allMentions()) {
            places.add(Views.map("start", p.start(), "end", p.end(), "text", p.text(), "name", p.name(),
                    "country", p.countryCode(), "admin1", p.admin1(), "lat", finite(p.lat()), "lon", finite(p.lon()),
                    "geonames_id", p.geonameId(), "level", p.level().name().toLowerCase(Locale.ROOT),
                    "use", p.use().name().toLowerCase(Locale.ROOT), "sentence", p.sentenceIndex(), "rule", p.rule()));
        }
        m.put("places", places);
        List<Object> debris = new ArrayList<>();
        for (Debris d : c.article().debris()) {
            debris.add(Views.map("start", d.start(), "end", d.end()));
        }
        m.put("debris", debris);
        return m;
    }

    private static Object finite(double v) {
        return Double.isFinite(v) ? v : null;
    }

    private static Map<String, Object> span(Span s) {
        return Views.map("start", s.start(), "end", s.end());
    }

    private static Map<String, Object> actor(Actor a) {
        return Views.map("text", a.text(), "code", a.code(), "country", a.country(), "sector", a.sector(),
                "start", a.start(), "end", a.end());
    }
}
