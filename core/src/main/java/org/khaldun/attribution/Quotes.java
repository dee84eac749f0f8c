package org.khaldun.attribution;

import java.util.ArrayList;
import java.util.List;
import org.khaldun.nlp.Sentence;
import org.khaldun.nlp.Token;

/**
 * Quotations of an article, paired across sentences: a quotation may open in one sentence and close several
 * sentences later. Straight quotes are told apart by the characters around them; curly and single quotes by
 * their shape. A quotation never runs past its paragraph unless its closing mark comes later with no new
 * opening mark in between (news style reopens each paragraph of a long quote).
 */
final class Quotes {

    /** Fewer words than this inside the marks make a scare quote or a title, not a quotation. */
    static final int MIN_WORDS = 4;

    /**
     * One quotation: marks at (openSent, openTok) and (closeSent, closeTok); an unclosed quotation ends with its
     * paragraph and {@code closeTok} is then the paragraph's last token.
     */
    record Quote(int openSent, int openTok, int closeSent, int closeTok, int start, int end, int words, boolean closed) {
        boolean real() {
            return words >= MIN_WORDS;
        }

        boolean contains(int charStart, int charEnd) {
            return charStart >= start && charEnd <= end;
        }

        Span span() {
            return new Span(start, end);
        }
    }

    private Quotes() {
    }

    private enum Dir { OPEN, CLOSE, EITHER }

    static boolean isDoubleMark(String w) {
        return w.equals("\"") || w.equals("“") || w.equals("”") || w.equals("``") || w.equals("''")
                || w.equals("„") || w.equals("«") || w.equals("»");
    }

    static boolean isMark(String w) {
        return isDoubleMark(w) || w.equals("‘") || w.equals("’") || w.equals("'") || w.equals("`");
    }

    static List<Quote> find(String text, List<Sentence> sentences, int[] paragraph) {
        List<Quote> out = new ArrayList<>();
        pair(text, sentences, paragraph, true, out);
        pair(text, sentences, paragraph, false, out);
        out.sort((a, b) -> Integer.compare(a.start, b.start));
        return out;
    }

    private static Dir direction(String text, Token t, boolean doubles) {
        String w = t.word();
        if (doubles) {
            if (w.equals("“") || w.equals("``") || w.equals("„") || w.equals("«")) {
                return Dir.OPEN;
            }
            if (w.equals("”") && startsLine(text, t.start()) && t.end() < text.length()
                    && Character.isLetterOrDigit(text.charAt(t.end()))) {
                // a closing shape opening a paragraph is a misshapen opening mark (some CMSs emit them after a
                // photo credit): no quotation closes on the first character of a line
                return Dir.OPEN;
            }
            if (w.equals("”") || w.equals("»")) {
                return Dir.CLOSE;
            }
        } else {
            if (w.equals("‘") || w.equals("`")) {
                return Dir.OPEN;
            }
            if (!w.equals("’")) {
                return null;
            }
        }
        char before = t.start() == 0 ? ' ' : text.charAt(t.start() - 1);
        char after = t.end() >= text.length() ? ' ' : text.charAt(t.end());
        if (doubles && w.equals("''") && (t.start() == 0 || Character.isWhitespace(before)) && !Character.isWhitespace(after)) {
            return Dir.OPEN;
        }
        boolean openish = Character.isWhitespace(before) || "([{—–-/".indexOf(before) >= 0;
        boolean closeish = Character.isWhitespace(after) || ".,;:!?)]}—–-".indexOf(after) >= 0;
        if (!doubles) {
            // a lone ’ closes only after a word; "players’ union" is a possessive and is dropped when nothing is open
            return openish ? null : Dir.CLOSE;
        }
        if (openish && !closeish) {
            return Dir.OPEN;
        }
        if (closeish && !openish) {
            return Dir.CLOSE;
        }
        return Dir.EITHER;
    }

    private static void pair(String text, List<Sentence> sentences, int[] paragraph, boolean doubles, List<Quote> out) {
        int openS = -1;
        int openT = -1;
        for (Sentence s : sentences) {
            // a quote left open when its paragraph ends closes there
            if (openS >= 0 && paragraph[s.index()] != paragraph[openS] && doubles == false) {
                openS = -1;
            }
            List<Token> toks = s.tokens();
            for (int i = 0; i < toks.size(); i++) {
                Token t = toks.get(i);
                boolean mark = doubles ? isDoubleMark(t.word()) : (t.word().equals("‘") || t.word().equals("’") || t.word().equals("`"));
                if (!mark) {
                    continue;
                }
                Dir d = direction(text, t, doubles);
                if (d == null) {
                    continue;
                }
                if (d == Dir.EITHER) {
                    d = openS < 0 ? Dir.OPEN : Dir.CLOSE;
                }
                if (d == Dir.OPEN) {
                    if (openS >= 0) {
                        if (paragraph[openS] != paragraph[s.index()]) {
                            out.add(unclosed(sentences, paragraph, openS, openT));
                        } else if (doubles && t.word().equals("\"")) {
                            // a straight mark inside an open quote closes it
                            out.add(make(sentences, openS, openT, s.index(), i, true));
                            openS = -1;
                            continue;
                        } else {
                            out.add(endBefore(sentences, openS, openT, s.index(), i));
                        }
                    }
                    openS = s.index();
                    openT = i;
                } else if (openS >= 0) {
                    out.add(make(sentences, openS, openT, s.index(), i, true));
                    openS = -1;
                }
            }
        }
        if (openS >= 0 && doubles) {
            out.add(unclosed(sentences, paragraph, openS, openT));
        }
    }

    private static Quote unclosed(List<Sentence> sentences, int[] paragraph, int openS, int openT) {
        int last = openS;
        while (last + 1 < sentences.size() && paragraph[last + 1] == paragraph[openS]) {
            last++;
        }
        Sentence ls = sentences.get(last);
        return make(sentences, openS, openT, last, ls.tokens().size() - 1, false);
    }

    private static Quote endBefore(List<Sentence> sentences, int openS, int openT, int s, int i) {
        if (i > 0) {
            return make(sentences, openS, openT, s, i - 1, false);
        }
        Sentence prev = sentences.get(s - 1);
        return make(sentences, openS, openT, s - 1, prev.tokens().size() - 1, false);
    }

    private static Quote make(List<Sentence> sentences, int openS, int openT, int closeS, int closeT, boolean closed) {
        int words = 0;
        for (int si = openS; si <= closeS; si++) {
            List<Token> toks = sentences.get(si).tokens();
            int from = si == openS ? openT + 1 : 0;
            int to = si == closeS ? closeT - (closed ? 1 : 0) : toks.size() - 1;
            for (int k = from; k <= to; k++) {
                if (wordLike(toks.get(k).word())) {
                    words++;
                }
            }
        }
        int start = sentences.get(openS).token(openT).start();
        int end = sentences.get(closeS).token(closeT).end();
        return new Quote(openS, openT, closeS, closeT, start, end, words, closed);
    }

    private static boolean startsLine(String text, int at) {
        int i = at - 1;
        while (i >= 0 && (text.charAt(i) == ' ' || text.charAt(i) == '\t')) {
            i--;
        }
        return i < 0 || text.charAt(i) == '\n' || text.charAt(i) == '\r';
    }

    static boolean wordLike(String w) {
        for (int i = 0; i < w.length(); i++) {
            if (Character.isLetterOrDigit(w.charAt(i))) {
                return true;
            }
        }
        return false;
    }
}
