package org.khaldun.spark;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.khaldun.json.Json;

/**
 * A JSON-lines file of generated lines, each drawn from its own seed: good articles (copies of a hand-written one
 * under a new id) mixed with lines broken in known ways, each with the start of the reason the job must give.
 */
final class HostileLines {

    /** One generated line: its 1-based line number, the template's id when good, else the expected reason's start. */
    record Line(int number, long seed, String kind, String goodId, String template, String reasonStart) {
        boolean good() {
            return goodId != null;
        }
    }

    final List<Line> lines = new ArrayList<>();
    final byte[] bytes;

    private static final byte[][] INVALID_UTF8 = {{(byte) 0xC3, 0x28}, {(byte) 0xFF}, {(byte) 0xC0, (byte) 0xAF},
            {(byte) 0xED, (byte) 0xA0, (byte) 0x80}, {(byte) 0xE2, (byte) 0x82}};

    /**
     * @param templates hand-written articles with their own ids, each known to give events
     */
    HostileLines(List<Map<String, Object>> templates, int count, long baseSeed) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 0; i < count; i++) {
            long seed = baseSeed + i;
            SplittableRandom r = new SplittableRandom(seed);
            Map<String, Object> template = templates.get(r.nextInt(templates.size()));
            Map<String, Object> a = new LinkedHashMap<>(template);
            a.put("id", "good-" + seed);
            int number = i + 1;
            String kind;
            String reason;
            byte[] line;
            switch (r.nextInt(12)) {
                case 0, 1, 2, 3 -> {
                    lines.add(new Line(number, seed, "good", "good-" + seed, (String) template.get("id"), null));
                    write(out, Json.write(a).getBytes(StandardCharsets.UTF_8));
                    continue;
                }
                case 4 -> {
                    String json = Json.write(a);
                    kind = "truncated";
                    reason = "broken JSON";
                    line = json.substring(0, r.nextInt(1, json.length() - 1)).getBytes(StandardCharsets.UTF_8);
                }
                case 5 -> {
                    Object odd = odd(r);
                    a.put("text", odd);
                    kind = "text of another type";
                    reason = odd == null ? "\"text\" is null" : "\"text\" must be a string, not ";
                    line = utf8(Json.write(a));
                }
                case 6 -> {
                    String field = List.of("title", "url", "source", "published").get(r.nextInt(4));
                    Object odd = odd(r);
                    while (odd == null) {
                        odd = odd(r);
                    }
                    a.put(field, odd);
                    kind = field + " of another type";
                    reason = "\"" + field + "\" must be a string, not ";
                    line = utf8(Json.write(a));
                }
                case 7 -> {
                    a.put("id", List.of(true, List.of(1), Map.of("id", "x")).get(r.nextInt(3)));
                    kind = "id of another type";
                    reason = "\"id\" must be a string or an integer, not ";
                    line = utf8(Json.write(a));
                }
                case 8 -> {
                    boolean drop = r.nextBoolean();
                    if (drop) {
                        a.remove("text");
                    } else {
                        a.put("published", "the " + r.nextInt(1, 40) + "th of Brumaire");
                    }
                    kind = drop ? "no text" : "published not a date";
                    reason = drop ? "no \"text\" field" : "\"published\" is not a date: ";
                    line = utf8(Json.write(a));
                }
                case 9 -> {
                    byte[] good = utf8(Json.write(a));
                    String json = new String(good, StandardCharsets.UTF_8);
                    int at = json.indexOf("\"text\":\"") + 8 + r.nextInt(10);
                    byte[] bad = INVALID_UTF8[r.nextInt(INVALID_UTF8.length)];
                    ByteArrayOutputStream l = new ByteArrayOutputStream();
                    l.write(good, 0, at);
                    l.write(bad, 0, bad.length);
                    l.write(good, at, good.length - at);
                    kind = "invalid UTF-8";
                    reason = "invalid UTF-8 at byte offset " + (out.size() + at);
                    line = l.toByteArray();
                }
                case 10 -> {
                    int depth = r.nextInt(520, 3000);
                    kind = "deep nesting";
                    reason = "broken JSON";
                    line = utf8("{\"id\": \"deep\", \"text\": " + "[".repeat(depth) + "]".repeat(depth) + "}");
                }
                default -> {
                    // an object's opening brace, then noise: no line break, no byte that could end the record
                    byte[] noise = new byte[r.nextInt(1, 400)];
                    r.nextBytes(noise);
                    for (int k = 0; k < noise.length; k++) {
                        if (noise[k] == '\n' || noise[k] == '\r' || noise[k] == 0 || noise[k] == '}') {
                            noise[k] = '#';
                        }
                    }
                    kind = "noise";
                    reason = "";
                    line = new byte[noise.length + 1];
                    line[0] = '{';
                    System.arraycopy(noise, 0, line, 1, noise.length);
                }
            }
            lines.add(new Line(number, seed, kind, null, null, reason));
            write(out, line);
        }
        bytes = out.toByteArray();
    }

    private static Object odd(SplittableRandom r) {
        return switch (r.nextInt(5)) {
            case 0 -> null;
            case 1 -> r.nextBoolean();
            case 2 -> r.nextInt();
            case 3 -> List.of("a", 1);
            default -> Map.of("text", "nested");
        };
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static void write(ByteArrayOutputStream out, byte[] line) {
        out.write(line, 0, line.length);
        out.write('\n');
    }
}
