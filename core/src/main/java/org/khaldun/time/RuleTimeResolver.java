package org.khaldun.time;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.khaldun.article.Article;
import org.khaldun.nlp.Sentence;
import org.khaldun.time.Normalizer.Period;
import org.khaldun.time.Normalizer.Result;
import org.khaldun.time.Spec.Kind;
import org.khaldun.time.Spec.Unit;

/**
 * Rule-based time expressions: a token grammar ({@link TimeGrammar}) finds them, {@link Normalizer} anchors
 * them on the publication date (deictic ones: "Wednesday", "last summer") or on the last date the text
 * mentioned (anaphoric ones: "a year earlier", "the next day"), with the tense of their clause choosing
 * between past and future readings. No NER, no SUTime: a hash lookup per token and a few comparisons per
 * candidate, a small fraction of the parse's cost.
 *
 * <p>Without a publication date, expressions that need one get underspecified TimeML values
 * ({@code XXXX-WXX-3} for "Wednesday", {@code XXXX-XX-XX} for "yesterday") and no calendar day.
 *
 * <p>Stateless, immutable and thread-safe.
 */
public final class RuleTimeResolver implements TimeResolver {

    private static final Set<String> DATE_PREPOSITIONS = Set.of(
            "on", "in", "at", "during", "since", "until", "till", "by", "from", "before", "after", "over",
            "throughout", "within", "through", "around", "for");

    private final TimeGrammar grammar = new TimeGrammar();

    /** A normalised expression with what {@link ArticleTimes#dateOf} needs: its period, precision, prose. */
    record Resolved(TimeExpression expression, Period period, String precision, String prose) {
    }

    @Override
    public ArticleTimes resolve(Article article, List<Sentence> sentences) {
        LocalDate dct = article.published().orElse(null);
        Period ref = null;
        int refSentence = -1;
        List<Resolved> all = new ArrayList<>();
        for (Sentence s : sentences) {
            for (TimeGrammar.Mention m : grammar.find(s)) {
                Spec sp = m.spec();
                if (sp.value().equals("CMP") && ref != null && ref.unit() == Unit.QUARTER && s.index() - refSentence <= 1) {
                    // "up from a year ago" while a quarter is under discussion: the same quarter a year before
                    sp = Spec.shift(Kind.ANAPHORIC, Unit.YEAR, -1).withTime("Q");
                }
                Tense tense = needsTense(sp.kind()) ? Tense.of(s, m.first(), m.last()) : Tense.UNKNOWN;
                Result r = Normalizer.normalize(sp, dct, ref, tense);
                int start = s.token(m.first()).start();
                int end = s.token(m.last()).end();
                String type = m.type();
                if (type.equals("TIME") && r.period() != null && r.period().unit() != Unit.DAY) {
                    type = "DATE";
                }
                TimeExpression te = new TimeExpression(s.index(), m.first(), m.last(), start, end,
                        s.span(m.first(), m.last()), type, r.value(), m.mod());
                String prose = te.text();
                if (m.first() > 0 && DATE_PREPOSITIONS.contains(s.token(m.first() - 1).word().toLowerCase(java.util.Locale.ROOT))) {
                    prose = s.span(m.first() - 1, m.last());
                }
                all.add(new Resolved(te, r.period(), r.precision(), prose));
                if (r.period() != null && (type.equals("DATE") || type.equals("TIME")) && !comparison(sp)) {
                    ref = r.period();
                    refSentence = s.index();
                }
            }
        }
        return new RuleArticleTimes(sentences, all, dct);
    }

    /**
     * "A year earlier", "the year-ago quarter": a comparison point, not a new topic time, so it does not
     * become the reference for later anaphoric expressions.
     */
    private static boolean comparison(Spec sp) {
        return (sp.kind() == Kind.ANAPHORIC || sp.kind() == Kind.DEICTIC) && sp.unit() == Unit.YEAR && sp.n() < 0
                && (sp.value().equals("CMP") || sp.timeOfDay().startsWith("Q"));
    }

    private static boolean needsTense(Kind k) {
        return k == Kind.MONTH || k == Kind.MONTH_DAY || k == Kind.WEEKDAY || k == Kind.QUARTER || k == Kind.HALF
                || k == Kind.SEASON || k == Kind.DEICTIC || k == Kind.HOLIDAY;
    }
}
