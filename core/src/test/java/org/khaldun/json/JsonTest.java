package org.khaldun.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonTest {

    @Test
    void objectsKeepTheOrderTheirKeysWereWrittenIn() {
        Map<String, Object> obj = Json.parseObject("{\"title\":\"T\",\"id\":\"a\",\"text\":\"x\",\"published\":null}");
        assertThat(obj.keySet()).containsExactly("title", "id", "text", "published");
        assertThat(obj.get("published")).isNull();
        assertThat(obj).containsKey("published");
    }

    @Test
    @SuppressWarnings("unchecked")
    void valuesBecomePlainJavaValues() {
        Object v = Json.parse(" [1, -20, 3.25, 1e3, 12345678901234567890, true, false, null, \"s\", {}, []] ");
        assertThat((List<Object>) v).containsExactly(1L, -20L, new BigDecimal("3.25"), new BigDecimal("1e3"),
                new BigDecimal("12345678901234567890"), true, false, null, "s", Map.of(), List.of());
    }

    @Test
    void escapesAreDecodedIncludingSurrogatePairs() {
        assertThat(Json.parse("\"a\\\"b\\\\c\\/d\\n\\t\\u00e9\\ud83d\\ude00\"")).isEqualTo("a\"b\\c/d\n\té😀");
    }

    @Test
    void errorsNameLineAndColumn() {
        assertThatThrownBy(() -> Json.parse("{\n  \"a\": 1,\n  \"b\" 2\n}"))
                .isInstanceOf(JsonException.class)
                .hasMessage("line 3, column 7: expected ':' after key \"b\" but found '2'")
                .satisfies(e -> {
                    assertThat(((JsonException) e).line()).isEqualTo(3);
                    assertThat(((JsonException) e).column()).isEqualTo(7);
                });
    }

    @Test
    void whatOtherParsersTolerateIsRejected() {
        assertThatThrownBy(() -> Json.parse("[1,]")).hasMessageContaining("expected a value but found ']'");
        assertThatThrownBy(() -> Json.parse("{'a':1}")).hasMessageContaining("expected a key in double quotes");
        assertThatThrownBy(() -> Json.parse("{\"a\":1} x")).hasMessageContaining("after the end");
        assertThatThrownBy(() -> Json.parse("01")).hasMessageContaining("leading zeros");
        assertThatThrownBy(() -> Json.parse("NaN")).isInstanceOf(JsonException.class);
        assertThatThrownBy(() -> Json.parse("\"tab\there\"")).hasMessageContaining("raw control character U+0009");
        assertThatThrownBy(() -> Json.parse("\"\\x\"")).hasMessageContaining("invalid escape \\x");
        assertThatThrownBy(() -> Json.parse("\"open")).hasMessage("line 1, column 1: string is never closed");
        assertThatThrownBy(() -> Json.parse("// c\n1")).isInstanceOf(JsonException.class);
        assertThatThrownBy(() -> Json.parse("")).hasMessageContaining("unexpected end of input");
    }

    @Test
    void aKeyRepeatedInOneObjectIsAnErrorBecauseItsMeaningIsAmbiguous() {
        assertThatThrownBy(() -> Json.parse("{\"id\":\"a\",\"id\":\"b\"}"))
                .hasMessage("line 1, column 11: duplicate key \"id\"");
    }

    @Test
    void deepNestingIsAClearErrorNotAStackOverflow() {
        String deep = "[".repeat(100_000) + "]".repeat(100_000);
        assertThatThrownBy(() -> Json.parse(deep))
                .isInstanceOf(JsonException.class)
                .hasMessageContaining("nesting deeper than " + Json.MAX_DEPTH);
        String ok = "[".repeat(Json.MAX_DEPTH) + "]".repeat(Json.MAX_DEPTH);
        assertThat(Json.parse(ok)).isInstanceOf(List.class);
    }

    @Test
    void parseObjectRejectsOtherTopLevelValues() {
        assertThatThrownBy(() -> Json.parseObject("[1]"))
                .hasMessage("line 1, column 1: expected a JSON object ('{') but found '['");
    }

    @Test
    void quoteEscapesWhatJsonRequiresAndKeepsEveryCharacter() {
        assertThat(Json.quote("say \"hi\"\\\n\u0001\u2028é😀")).isEqualTo(
                "\"say \\\"hi\\\"\\\\\\n\\u0001\\u2028é😀\"");
        // an unpaired surrogate would become '?' in UTF-8; escaped, it survives the round trip
        String lone = "a\uD800b";
        assertThat(Json.quote(lone)).isEqualTo("\"a\\ud800b\"");
        assertThat(Json.parse(Json.quote(lone))).isEqualTo(lone);
    }

    @Test
    void writeProducesJsonThatParsesBackToTheSameValue() {
        Map<String, Object> value = new LinkedHashMap<>();
        value.put("id", "x\"1");
        value.put("n", 3L);
        value.put("d", new BigDecimal("2.5"));
        value.put("list", List.of(true, "\u200b\u202e"));
        value.put("none", null);
        String json = Json.write(value);
        assertThat(json).isEqualTo("{\"id\":\"x\\\"1\",\"n\":3,\"d\":2.5,\"list\":[true,\"\u200b\u202e\"],\"none\":null}");
        assertThat(Json.parse(json)).isEqualTo(value);
    }
}
