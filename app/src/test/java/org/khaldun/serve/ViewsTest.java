package org.khaldun.serve;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.khaldun.json.Json;
import org.khaldun.store.AggregateRow;

class ViewsTest {

    private static final List<AggregateRow> ROWS = List.of(
            new AggregateRow("USA", "IRQ", LocalDate.of(2024, 2, 1), "4", 12, -86.0, -86.0 / 12),
            new AggregateRow("", "IRN", LocalDate.of(2024, 3, 1), "CONSULT", 1, 1.0, 1.0),
            new AggregateRow("IRQ\"GOV\\", null, LocalDate.of(2023, 12, 1), "19", 3, 0.30000000000000004, 0.1),
            new AggregateRow("\u00e9\u2028", "", LocalDate.of(1999, 1, 1), "05", 7, Double.NaN, Double.NaN));

    /** The answer as one map per row, written by the general JSON writer: what the answer must stay equal to. */
    private static String throughMaps(List<AggregateRow> rows, int limit) {
        List<Object> out = rows.stream().limit(limit).map(r -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("actor", r.actor());
            m.put("recipient", r.recipient());
            m.put("period", r.period().toString());
            m.put("group", r.group());
            m.put("count", r.count());
            m.put("goldstein_sum", Views.round(r.goldsteinSum()));
            m.put("goldstein_mean", Views.round(r.goldsteinMean()));
            return (Object) m;
        }).toList();
        return Json.write(Views.map("rows", out, "truncated", rows.size() > limit));
    }

    @Test
    void an_aggregate_answer_is_the_rows_as_json_objects_in_order_with_codes_escaped_and_goldstein_rounded() {
        String json = Views.aggregateJson(ROWS, 100);
        assertThat(json).isEqualTo(throughMaps(ROWS, 100));
        Map<String, Object> parsed = Json.parseObject(json);
        assertThat(parsed.get("truncated")).isEqualTo(false);
        assertThat((List<?>) parsed.get("rows")).hasSize(4);
        assertThat(((Map<?, ?>) ((List<?>) parsed.get("rows")).get(0)).get("goldstein_mean").toString()).isEqualTo("-7.167");
        assertThat(((Map<?, ?>) ((List<?>) parsed.get("rows")).get(2)).get("actor")).isEqualTo("IRQ\"GOV\\");
    }

    @Test
    void an_aggregate_answer_cut_at_its_limit_says_it_was_truncated() {
        assertThat(Views.aggregateJson(ROWS, 2)).isEqualTo(throughMaps(ROWS, 2)).endsWith("],\"truncated\":true}");
        assertThat(Views.aggregateJson(List.of(), 10)).isEqualTo("{\"rows\":[],\"truncated\":false}");
    }
}
