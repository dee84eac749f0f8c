package org.khaldun.nlp;

import java.util.ArrayList;
import java.util.List;

/**
 * A sentence with its tokens and, when it was parsed, its dependency graph.
 *
 * <p>Sentences that cannot hold an event are not parsed (the costly step); they carry tokens only,
 * {@link #parsed()} is false and {@link #dependencies()} is empty.
 *
 * @param index        position in the article, from 0
 * @param start        first character in the article text
 * @param end          last character in the article text (exclusive)
 * @param text         the sentence as written
 * @param tokens       tokens in order
 * @param dependencies enhanced++ dependencies, empty when not parsed
 * @param parsed       whether POS tags and dependencies were computed
 */
public record Sentence(int index, int start, int end, String text, List<Token> tokens,
                       List<Dependency> dependencies, boolean parsed) {

    public Sentence {
        tokens = List.copyOf(tokens);
        dependencies = List.copyOf(dependencies);
    }

    public Token token(int i) {
        return tokens.get(i);
    }

    /** Dependencies whose governor is token {@code i}. */
    public List<Dependency> children(int i) {
        List<Dependency> out = new ArrayList<>();
        for (Dependency d : dependencies) {
            if (d.governor() == i) {
                out.add(d);
            }
        }
        return out;
    }

    /** Dependencies whose dependent is token {@code i} (more than one in an enhanced graph). */
    public List<Dependency> parents(int i) {
        List<Dependency> out = new ArrayList<>();
        for (Dependency d : dependencies) {
            if (d.dependent() == i) {
                out.add(d);
            }
        }
        return out;
    }

    /** Text of tokens [from, to] inclusive, as it stands in the sentence. */
    public String span(int from, int to) {
        int s = tokens.get(from).start() - start;
        int e = tokens.get(to).end() - start;
        return text.substring(s, e);
    }
}
