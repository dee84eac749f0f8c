package org.khaldun.app.eval;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.khaldun.nlp.Dependency;
import org.khaldun.nlp.Sentence;
import org.khaldun.nlp.Token;

/**
 * Parsed sentences of evaluation documents on disk, so that rules can be re-scored in seconds instead of
 * re-parsing for minutes. Plain text, one file per document, keyed by the document's id and the hash of its
 * text (a changed text is parsed again):
 * <pre>
 * #parse &lt;text hash&gt;
 * S &lt;start&gt; &lt;end&gt; &lt;parsed 0|1&gt;
 * T &lt;word&gt;\t&lt;lemma&gt;\t&lt;pos&gt;\t&lt;start&gt;\t&lt;end&gt;
 * D &lt;governor&gt; &lt;dependent&gt; &lt;relation&gt;
 * </pre>
 * Only for evaluations: the product never reads it.
 */
final class ParseCache {

    private ParseCache() {
    }

    static List<Sentence> read(Path dir, String id, String text) throws IOException {
        Path f = dir.resolve(id + ".parse");
        if (!Files.exists(f)) {
            return null;
        }
        List<String> lines = Files.readAllLines(f, StandardCharsets.UTF_8);
        if (lines.isEmpty() || !lines.get(0).equals("#parse " + Integer.toHexString(text.hashCode()))) {
            return null;
        }
        List<Sentence> out = new ArrayList<>();
        int start = 0;
        int end = 0;
        boolean parsed = false;
        List<Token> tokens = null;
        List<Dependency> deps = null;
        for (int i = 1; i <= lines.size(); i++) {
            String line = i < lines.size() ? lines.get(i) : "S";
            if (line.startsWith("S")) {
                if (tokens != null) {
                    out.add(new Sentence(out.size(), start, end, text.substring(start, end), tokens, deps, parsed));
                }
                if (i == lines.size()) {
                    break;
                }
                String[] p = line.split(" ");
                start = Integer.parseInt(p[1]);
                end = Integer.parseInt(p[2]);
                parsed = p[3].equals("1");
                tokens = new ArrayList<>();
                deps = new ArrayList<>();
            } else if (line.startsWith("T ")) {
                String[] p = line.substring(2).split("\t", -1);
                tokens.add(new Token(tokens.size(), p[0], p[1], p[2], Integer.parseInt(p[3]), Integer.parseInt(p[4])));
            } else if (line.startsWith("D ")) {
                String[] p = line.split(" ");
                deps.add(new Dependency(Integer.parseInt(p[1]), Integer.parseInt(p[2]), p[3]));
            }
        }
        return out;
    }

    static void write(Path dir, String id, String text, List<Sentence> sentences) throws IOException {
        StringBuilder b = new StringBuilder();
        b.append("#parse ").append(Integer.toHexString(text.hashCode())).append('\n');
        for (Sentence s : sentences) {
            b.append("S ").append(s.start()).append(' ').append(s.end()).append(' ').append(s.parsed() ? 1 : 0).append('\n');
            for (Token t : s.tokens()) {
                b.append("T ").append(t.word()).append('\t').append(t.lemma()).append('\t').append(t.pos()).append('\t')
                        .append(t.start()).append('\t').append(t.end()).append('\n');
            }
            for (Dependency d : s.dependencies()) {
                b.append("D ").append(d.governor()).append(' ').append(d.dependent()).append(' ').append(d.relation())
                        .append('\n');
            }
        }
        Files.writeString(dir.resolve(id + ".parse"), b.toString(), StandardCharsets.UTF_8);
    }
}
