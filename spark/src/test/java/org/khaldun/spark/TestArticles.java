package org.khaldun.spark;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.khaldun.json.Json;

/** A handful of short hand-written wire stories, as JSON lines. */
final class TestArticles {

    private TestArticles() {
    }

    static final List<Map<String, Object>> ARTICLES = List.of(
            article("talks-1", "2025-03-12", "Iraq and Iran discuss border security",
                    "The Iraqi foreign minister received his Iranian counterpart in Baghdad on Monday.\n"
                            + "The two ministers discussed security along their shared border."),
            article("strike-2", "2025-05-02", "Militants attack army post in Mali",
                    "Suspected militants attacked an army post in central Mali on Wednesday, killing four soldiers.\n"
                            + "The government of Mali condemned the attack."),
            article(null, "2025-09-19", "Chilean police disperse protest",
                    "Police in Chile used tear gas to disperse demonstrators in Valparaiso on Thursday.\n"
                            + "Opposition lawmakers demanded an inquiry."),
            article("sanctions-4", "2025-11-05", "EU imposes sanctions on Russia",
                    "The European Union imposed new sanctions on Russia on Monday.\n"
                            + "Moscow threatened to retaliate against the measures."),
            article(null, "2024-02-08", "Turkey and Greece hold talks",
                    "Turkish President Recep Tayyip Erdogan met Greek Prime Minister Kyriakos Mitsotakis in Athens on Thursday.\n"
                            + "Greece accused Turkey of violating its airspace last month."),
            article("aid-6", "2025-01-20", "Japan pledges aid to Ukraine",
                    "Japan pledged humanitarian aid to Ukraine on Friday.\n"
                            + "Ukraine thanked Japan for its support."));

    /** The articles as JSON lines, one per line, with a blank line in the middle (skipped, but counted). */
    static String jsonLines() {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < ARTICLES.size(); i++) {
            b.append(Json.write(ARTICLES.get(i))).append('\n');
            if (i == 2) {
                b.append('\n');
            }
        }
        return b.toString();
    }

    private static Map<String, Object> article(String id, String published, String title, String text) {
        Map<String, Object> m = new LinkedHashMap<>();
        if (id != null) {
            m.put("id", id);
        }
        m.put("title", title);
        m.put("text", text);
        m.put("published", published);
        m.put("source", "Khaldun test desk");
        m.put("url", "https://example.org/test/" + (id == null ? title.hashCode() : id));
        return m;
    }
}
