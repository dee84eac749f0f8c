package org.khaldun.app.eval;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Scores of a coder against items that each carry one gold label while the coder may predict several labels (one per
 * event it found) or none.
 *
 * <ul>
 *   <li>Per class c: an item with gold c is a true positive when c is among its predictions, else a false negative;
 *       an item with another gold label that has c among its predictions is a false positive for c. So precision
 *       asks "when Khaldun says c somewhere in the item, is the item about c?", recall "is an item about c found?".</li>
 *   <li>Macro F1 averages F1 over the gold classes present; weighted F1 weights each by its gold count.</li>
 *   <li>Top-1 accuracy scores one prediction per item: the first label found (in text order), or none.</li>
 *   <li>The confusion table counts gold label × top-1 prediction ({@link #NONE} when nothing was predicted).</li>
 * </ul>
 * Not thread-safe: fill it from one thread.
 */
public final class ClassScores {

    public static final String NONE = "(none)";

    private final List<String> classes;
    private final Map<String, int[]> counts = new LinkedHashMap<>(); // tp, fp, fn, support
    private final Map<String, Map<String, Integer>> confusion = new TreeMap<>();
    private int items;
    private int empty;
    private int top1Correct;

    /** {@code classes}: the gold label space, in report order. */
    public ClassScores(List<String> classes) {
        this.classes = List.copyOf(classes);
        for (String c : classes) {
            counts.put(c, new int[4]);
        }
    }

    /**
     * One item: its gold label, every label the coder predicted for it, and the first of them in text order (null or
     * {@link #NONE} when nothing was predicted).
     */
    public void add(String gold, Set<String> predicted, String top1) {
        if (!counts.containsKey(gold)) {
            throw new IllegalArgumentException("gold label '" + gold + "' is not one of " + classes);
        }
        items++;
        String first = top1 == null ? NONE : top1;
        if (predicted.isEmpty()) {
            empty++;
        }
        counts.get(gold)[3]++;
        if (predicted.contains(gold)) {
            counts.get(gold)[0]++;
        } else {
            counts.get(gold)[2]++;
        }
        for (String p : predicted) {
            if (!p.equals(gold) && counts.containsKey(p)) {
                counts.get(p)[1]++;
            }
        }
        if (first.equals(gold)) {
            top1Correct++;
        }
        confusion.computeIfAbsent(gold, k -> new TreeMap<>()).merge(first, 1, Integer::sum);
    }

    public int items() {
        return items;
    }

    /** Items for which the coder predicted nothing. */
    public int empty() {
        return empty;
    }

    public int support(String c) {
        return counts.get(c)[3];
    }

    public double precision(String c) {
        int[] k = counts.get(c);
        return ratio(k[0], k[0] + k[1]);
    }

    public double recall(String c) {
        int[] k = counts.get(c);
        return ratio(k[0], k[0] + k[2]);
    }

    public double f1(String c) {
        double p = precision(c);
        double r = recall(c);
        return p + r == 0 ? 0 : 2 * p * r / (p + r);
    }

    /** Mean F1 over the gold classes that occur. */
    public double macroF1() {
        double sum = 0;
        int n = 0;
        for (String c : classes) {
            if (support(c) > 0) {
                sum += f1(c);
                n++;
            }
        }
        return n == 0 ? 0 : sum / n;
    }

    /** F1 averaged over gold classes weighted by how often each occurs. */
    public double weightedF1() {
        double sum = 0;
        for (String c : classes) {
            sum += support(c) * f1(c);
        }
        return items == 0 ? 0 : sum / items;
    }

    /** Share of items whose gold label is among the predictions (micro recall). */
    public double anyMatch() {
        int tp = 0;
        for (int[] k : counts.values()) {
            tp += k[0];
        }
        return ratio(tp, items);
    }

    public double top1Accuracy() {
        return ratio(top1Correct, items);
    }

    /** Gold label → top-1 prediction → count. */
    public Map<String, Map<String, Integer>> confusion() {
        return confusion;
    }

    private static double ratio(int a, int b) {
        return b == 0 ? 0 : (double) a / b;
    }

    static String f3(double d) {
        return String.format(Locale.ROOT, "%.3f", d);
    }

    static String pct(int a, int b) {
        return b == 0 ? "–" : String.format(Locale.ROOT, "%.1f %%", 100.0 * a / b);
    }

    /** Summary lines and the per-class table, as Markdown. */
    public String markdown() {
        StringBuilder sb = new StringBuilder();
        sb.append("- items: ").append(items).append("; no event predicted: ").append(empty).append(" (")
                .append(pct(empty, items)).append(")\n");
        sb.append("- macro F1 ").append(f3(macroF1())).append(", weighted F1 ").append(f3(weightedF1()))
                .append(", gold label among predictions ").append(f3(anyMatch())).append(", top-1 accuracy ")
                .append(f3(top1Accuracy())).append("\n\n");
        sb.append("| class | gold | precision | recall | F1 |\n|---|---:|---:|---:|---:|\n");
        for (String c : classes) {
            int[] k = counts.get(c);
            sb.append("| ").append(c).append(" | ").append(k[3]).append(" | ")
                    .append(k[0] + k[1] == 0 ? "–" : f3(precision(c))).append(" | ")
                    .append(k[3] == 0 ? "–" : f3(recall(c))).append(" | ").append(f3(f1(c))).append(" |\n");
        }
        return sb.toString();
    }

    /** The full gold × top-1 matrix, for small label spaces. */
    public String confusionMatrix() {
        List<String> cols = new ArrayList<>(classes);
        cols.add(NONE);
        for (Map<String, Integer> row : confusion.values()) {
            for (String p : row.keySet()) {
                if (!cols.contains(p)) {
                    cols.add(cols.size() - 1, p);
                }
            }
        }
        StringBuilder sb = new StringBuilder("| gold \\ top-1 |");
        cols.forEach(c -> sb.append(' ').append(c).append(" |"));
        sb.append("\n|---|").append("---:|".repeat(cols.size())).append('\n');
        for (String g : classes) {
            Map<String, Integer> row = confusion.getOrDefault(g, Map.of());
            sb.append("| ").append(g).append(" |");
            cols.forEach(c -> sb.append(' ').append(row.getOrDefault(c, 0)).append(" |"));
            sb.append('\n');
        }
        return sb.toString();
    }

    /** The {@code n} most frequent wrong top-1 predictions, as Markdown lines "gold → predicted: count". */
    public String topConfusions(int n) {
        List<Map.Entry<String, Integer>> pairs = new ArrayList<>();
        confusion.forEach((g, row) -> row.forEach((p, k) -> {
            if (!p.equals(g)) {
                pairs.add(Map.entry(g + " → " + p, k));
            }
        }));
        pairs.sort(Map.Entry.<String, Integer>comparingByValue(Comparator.reverseOrder())
                .thenComparing(Map.Entry.comparingByKey()));
        StringBuilder sb = new StringBuilder("| gold → top-1 predicted | items |\n|---|---:|\n");
        pairs.stream().limit(n).forEach(e -> sb.append("| ").append(e.getKey()).append(" | ").append(e.getValue())
                .append(" |\n"));
        return sb.toString();
    }
}
