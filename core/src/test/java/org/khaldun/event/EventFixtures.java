package org.khaldun.event;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.khaldun.actor.Actor;
import org.khaldun.actor.ActorIndex;
import org.khaldun.actor.ActorMention;
import org.khaldun.article.Article;
import org.khaldun.codebook.CameoCode;
import org.khaldun.codebook.Codebook;
import org.khaldun.codebook.PloverCoding;
import org.khaldun.nlp.CoreNlpEngine;
import org.khaldun.nlp.NlpEngine;
import org.khaldun.nlp.Sentence;
import org.khaldun.nlp.Token;
import org.khaldun.time.ArticleTimes;
import org.khaldun.time.EventDate;
import org.khaldun.time.TimeExpression;

/**
 * Small hand-made doubles for the coder's collaborators, so event rules can be specified before the real
 * actor recognizer, codebook and time resolver land.
 */
final class EventFixtures {

    static final NlpEngine NLP = CoreNlpEngine.shared();
    static final LocalDate PUBLISHED = LocalDate.of(2024, 2, 8);

    private EventFixtures() {
    }

    /**
     * A codebook that knows every code of the CAMEO code list in the shared data (or any well-formed code when
     * the shared data is absent), with quad classes by root and PLOVER types by root.
     */
    static final class RootCodebook implements Codebook {
        private final java.util.Set<String> known;

        RootCodebook() {
            java.util.Set<String> k = new java.util.HashSet<>();
            Path file = shared().resolve("data/reference/text_to_CAMEO/CAMEO_codefile.txt");
            if (Files.exists(file)) {
                try {
                    for (String line : Files.readAllLines(file)) {
                        if (line.startsWith("LABEL")) {
                            String code = line.substring(line.indexOf(':') + 1, line.indexOf('=')).strip();
                            k.add(code.replace("i", ""));
                        }
                    }
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }
            known = k.isEmpty() ? null : k;
        }

        boolean knows(String code) {
            return known == null ? code.matches("\\d{3,4}") : known.contains(code);
        }

        @Override
        public Optional<CameoCode> cameo(String code) {
            if (!knows(code)) {
                return Optional.empty();
            }
            int root = Integer.parseInt(code.substring(0, 2));
            int quad = root <= 5 ? 1 : root <= 9 ? 2 : root <= 14 ? 3 : 4;
            double g = switch (quad) {
                case 1 -> 3.0;
                case 2 -> 6.0;
                case 3 -> -4.0;
                default -> -9.0;
            };
            return Optional.of(new CameoCode(code, "code " + code, g, quad));
        }

        @Override
        public Optional<PloverCoding> plover(String code) {
            String type = switch (code.substring(0, 2)) {
                case "02", "10" -> "REQUEST";
                case "03" -> "AGREE";
                case "04" -> "CONSULT";
                case "05" -> "SUPPORT";
                case "06" -> "COOPERATE";
                case "07" -> "AID";
                case "08" -> "CONCEDE";
                case "09", "11" -> "ACCUSE";
                case "12" -> "REJECT";
                case "13" -> "THREATEN";
                case "14" -> "PROTEST";
                case "15" -> "MOBILIZE";
                case "16" -> "SANCTION";
                case "17" -> "COERCE";
                case "18", "19", "20" -> "ASSAULT";
                default -> null;
            };
            return type == null ? Optional.empty() : Optional.of(new PloverCoding(type, "", List.of()));
        }

        @Override
        public String version() {
            return "test-codebook";
        }
    }

    /** Every event dated on the publication day. */
    static final class PublicationTimes implements ArticleTimes {
        private final LocalDate published;

        PublicationTimes(LocalDate published) {
            this.published = published;
        }

        @Override
        public List<TimeExpression> expressions() {
            return List.of();
        }

        @Override
        public EventDate dateOf(int sentenceIndex, int triggerToken) {
            return EventDate.ofPublication(published);
        }
    }

    /**
     * An actor index from explicit phrases: every occurrence of a phrase (matched on whole tokens) becomes a
     * mention with the given code; longer phrases win; {@link #in} pins a phrase to one sentence (pronouns).
     */
    static final class Actors {
        private record Entry(String phrase, String code, int sentence) {
        }

        private final List<Entry> entries = new ArrayList<>();

        Actors with(String phrase, String code) {
            entries.add(new Entry(phrase, code, -1));
            return this;
        }

        Actors in(int sentence, String phrase, String code) {
            entries.add(new Entry(phrase, code, sentence));
            return this;
        }

        ActorIndex index(List<Sentence> sentences) {
            Map<Integer, List<ActorMention>> bySentence = new HashMap<>();
            List<Entry> ordered = new ArrayList<>(entries);
            ordered.sort(Comparator.comparingInt((Entry e) -> -e.phrase.split("\\s+").length));
            for (Sentence s : sentences) {
                boolean[] taken = new boolean[s.tokens().size()];
                List<ActorMention> ms = new ArrayList<>();
                for (Entry e : ordered) {
                    if (e.sentence >= 0 && e.sentence != s.index()) {
                        continue;
                    }
                    String[] words = tokensOf(e.phrase);
                    for (int i = 0; i + words.length <= s.tokens().size(); i++) {
                        boolean match = true;
                        for (int k = 0; k < words.length && match; k++) {
                            match = !taken[i + k] && s.token(i + k).word().equals(words[k]);
                        }
                        if (!match) {
                            continue;
                        }
                        int last = i + words.length - 1;
                        for (int k = i; k <= last; k++) {
                            taken[k] = true;
                        }
                        Token a = s.token(i);
                        Token b = s.token(last);
                        String code = e.code;
                        String country = code.length() >= 3 ? code.substring(0, 3) : code;
                        String sector = code.length() >= 6 ? code.substring(3, 6) : "";
                        Actor actor = new Actor(s.span(i, last), code, country, sector, a.start(), b.end());
                        ms.add(new ActorMention(s.index(), i, last, last, actor, "test:" + e.phrase));
                    }
                }
                ms.sort(Comparator.comparingInt(ActorMention::firstToken));
                bySentence.put(s.index(), ms);
            }
            return sentence -> bySentence.getOrDefault(sentence, List.of());
        }

        private static String[] tokensOf(String phrase) {
            List<Sentence> ss = NLP.split(phrase);
            List<String> out = new ArrayList<>();
            for (Sentence s : ss) {
                for (Token t : s.tokens()) {
                    out.add(t.word());
                }
            }
            return out.toArray(new String[0]);
        }
    }

    static Path shared() {
        return Path.of(System.getProperty("khaldun.shared", "../../shared"));
    }

    static Article article(String id, String text) {
        return Article.of(id, "", "", text, PUBLISHED, "test");
    }

    /** Splits, parses only what the coder asks for (as the pipeline does), and codes. */
    static List<org.khaldun.event.Event> code(DependencyEventCoder coder, Article article, Actors actors) {
        List<Sentence> split = NLP.split(article.text());
        ActorIndex index = actors.index(split);
        List<Sentence> candidates = new ArrayList<>();
        for (Sentence s : split) {
            if (!article.inDebris(s.start(), s.end()) && coder.mayHoldEvent(s, index.mentions(s.index()))) {
                candidates.add(s);
            }
        }
        List<Sentence> all = new ArrayList<>(split);
        for (Sentence p : NLP.parse(candidates)) {
            all.set(p.index(), p);
        }
        return coder.code(article, all, index, new PublicationTimes(article.published().orElse(null)));
    }
}
