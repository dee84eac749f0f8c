package org.khaldun.classifier;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * How the pattern coder and the classifier settle one sentence. Pure: pattern events' classes and the classifier's
 * opinion in, one verdict per pattern event (and perhaps a proposal) out, so the rule is testable without NLP.
 *
 * <ol>
 *   <li><b>Veto, no event.</b> When the classifier gives "no event" at least {@code vetoNone}, every pattern event of
 *       the sentence is dropped: the lexicon fired on a word that does not name a political event here ("England
 *       beat Wales").</li>
 *   <li><b>Support.</b> A pattern event whose PLOVER type (or statement) gets at least {@code support} of the
 *       classifier's probability is kept as the pattern coder coded it (both agree).</li>
 *   <li><b>Contradiction.</b> A pattern event below {@code support} is contradicted. If another event of the sentence
 *       is supported, the contradicted one is dropped when its type gets less than {@code dropBelow} (a stray
 *       trigger beside the real event). If none is supported and the classifier's best class is an event with
 *       confidence at least {@code retype}, the event keeps its actors and takes the classifier's type (the
 *       dependency rules found who and whom; the words chose the wrong code). Otherwise it is kept.</li>
 *   <li><b>Proposal.</b> A parsed sentence without pattern events gets the classifier's best class when that is an
 *       event with confidence at least {@code propose}; actors then come from the sentence's actor mentions.</li>
 * </ol>
 *
 * @param vetoNone  minimum "no event" probability that vetoes the sentence's pattern events
 * @param support   minimum probability of an event's type for the classifier to support it
 * @param dropBelow below this a contradicted event beside a supported one is dropped
 * @param retype    minimum confidence of the classifier's best class to retype a contradicted event
 * @param propose   minimum confidence of the best class to propose an event where the patterns found none
 */
public record CombinationRule(double vetoNone, double support, double dropBelow, double retype, double propose) {

    /**
     * Tuned on the dev part of the TRAIN side with a head trained without it (best sum of weighted F1s over a
     * 4,410-point grid, docs/classifier.md); never on the test split.
     */
    public static final CombinationRule DEFAULT = new CombinationRule(0.90, 0.05, 0.02, 0.40, 0.20);

    /** What happens to one pattern event. */
    public enum Action { KEEP, VETO, RETYPE }

    /** The verdict on one pattern event; {@code toClass} is the new class for {@link Action#RETYPE}, else -1. */
    public record Verdict(Action action, int toClass, String reason) {
    }

    /** All verdicts of one sentence, plus the class to propose (-1 for none). */
    public record Decision(List<Verdict> verdicts, int propose, String proposeReason) {
        public Decision {
            verdicts = List.copyOf(verdicts);
        }
    }

    /**
     * @param patternTypes PLOVER type of each pattern event of the sentence ("" for statements), in order
     * @param opinion      the classifier's opinion of the sentence
     */
    public Decision decide(List<String> patternTypes, Opinion opinion) {
        List<Verdict> out = new ArrayList<>();
        EventClass best = opinion.bestClass();
        if (patternTypes.isEmpty()) {
            if (best.isEvent() && opinion.confidence() >= propose) {
                return new Decision(out, opinion.best(), f("no pattern event; classifier %s %.2f ≥ %.2f",
                        best.name(), opinion.confidence(), propose));
            }
            return new Decision(out, -1, "");
        }
        if (opinion.noEvent() >= vetoNone) {
            for (int i = 0; i < patternTypes.size(); i++) {
                out.add(new Verdict(Action.VETO, -1, f("classifier: no event %.2f ≥ %.2f", opinion.noEvent(),
                        vetoNone)));
            }
            return new Decision(out, -1, "");
        }
        boolean anySupported = false;
        for (String t : patternTypes) {
            anySupported |= opinion.ofType(t) >= support;
        }
        for (String t : patternTypes) {
            double p = opinion.ofType(t);
            String type = t.isEmpty() ? "statement" : t;
            if (p >= support) {
                out.add(new Verdict(Action.KEEP, -1, f("classifier agrees: %s %.2f", type, p)));
            } else if (anySupported) {
                out.add(p < dropBelow
                        ? new Verdict(Action.VETO, -1, f("classifier: %s only %.2f beside a supported event", type, p))
                        : new Verdict(Action.KEEP, -1, f("classifier doubts %s (%.2f), kept beside a supported event",
                                type, p)));
            } else if (best.isEvent() && opinion.confidence() >= retype) {
                out.add(new Verdict(Action.RETYPE, opinion.best(), f("classifier: %s %.2f, not %s (%.2f)",
                        best.name(), opinion.confidence(), type, p)));
            } else {
                out.add(new Verdict(Action.KEEP, -1, f("classifier doubts %s (%.2f) but is unsure itself", type, p)));
            }
        }
        return new Decision(out, -1, "");
    }

    private static String f(String format, Object... args) {
        return String.format(Locale.ROOT, format, args);
    }
}
