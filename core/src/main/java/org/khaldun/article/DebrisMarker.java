package org.khaldun.article;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Marks scraping debris in article text: whole lines that are site furniture rather than news — "Read
 * more: …" teasers, share and subscribe prompts, bylines, photo credits, copyright lines, "Advertisement",
 * navigation and cookie notices.
 *
 * <p>The unit is the line (a paragraph of the article text), and a rule must match the whole line or its
 * opening words in a form news sentences do not take: "Read more: X" is debris, "He said the plan, read
 * more widely, …" is not; "By John Smith, Reuters" is a byline, "By Wednesday, the army had withdrawn" is
 * news. Every rule also has a length ceiling, because debris lines are short and a long line that merely
 * begins like one is prose. The headline paragraph is never marked: a headline is news by definition.
 *
 * <p>Kinds: {@code read-more, share-prompt, byline, credit, copyright, advert, navigation}. The marker is
 * stateless and thread-safe.
 */
public final class DebrisMarker {

    public static final String READ_MORE = "read-more";
    public static final String SHARE_PROMPT = "share-prompt";
    public static final String BYLINE = "byline";
    public static final String CREDIT = "credit";
    public static final String COPYRIGHT = "copyright";
    public static final String ADVERT = "advert";
    public static final String NAVIGATION = "navigation";

    /** One kind of debris line: the pattern is tried with {@code find()} on the trimmed line. */
    private record Rule(String kind, Pattern pattern, int maxChars) {
        boolean matches(String line) {
            return line.length() <= maxChars && pattern.matcher(line).find();
        }
    }

    private static final int CI = Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;

    private static Rule rule(String kind, int maxChars, String regex) {
        return new Rule(kind, Pattern.compile(regex, CI), maxChars);
    }

    private static final String SEP = "\\s*(?:[:|»›>]|[-–—](?=\\s)|$)";
    private static final String SOCIAL = "(?:twitter|x|facebook|instagram|telegram|youtube|tiktok|linkedin|threads"
            + "|bluesky|whatsapp|snapchat|reddit|mastodon|google news|flipboard|email|e-mail)";

    private static final String MONTH = "(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\\.?";

    /** Words that can follow "By" at the start of a news sentence but never start a name in a byline. */
    private static final String NOT_A_NAME = "(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January"
            + "|February|March|April|May|June|July|August|September|October|November|December|The|This|That|These"
            + "|Those|Then|Now|Today|Tomorrow|Yesterday|Tonight|Midnight|Noon|Dawn|Dusk|Nightfall|Early|Late|Mid"
            + "|End|Contrast|Comparison|Law|Order|Force|Default|Far|Design|Chance|Accident|Mistake|Decree|Then"
            + "|Land|Air|Sea|Night|Day|Next|Last|Its|His|Her|Their|Our|All|Most|Some|Many|Noon)\\b";
    private static final String PARTICLE = "(?:al|el|bin|ibn|abu|van|von|de|da|du|der|den|la|le|di|del|dos|ter)";
    private static final String NAME_WORD = "(?:(?:al|el|ad|as|ash|at|an|ar|az|ibn|bin|abu|d|o)['’\\-])?\\p{Lu}[\\p{L}'’.\\-]*";
    private static final String NAME = NAME_WORD + "(?:\\s+(?:" + PARTICLE + "\\s+)?" + NAME_WORD + "){0,3}";
    private static final String ORG_WORD = "[\\p{Lu}\\d][\\p{L}\\d&'’.\\-]*";
    private static final String ORG = ORG_WORD + "(?:\\s+(?:of\\s+|the\\s+|and\\s+)?" + ORG_WORD + "){0,5}";

    private static final Pattern BYLINE_NAMES = Pattern.compile(
            "^\\(?(?:By|BY)\\s+(?!" + NOT_A_NAME + ")(?=\\S\\S)" + NAME + "(?:\\s*(?:,|\\band\\b|&)\\s*" + NAME + ")*"
            + "(?:\\s*(?:,|\\||/|[-–—]|\\bin\\b|\\bfor\\b|\\bat\\b)\\s*" + ORG + "){0,3}\\s*\\)?\\.?$",
            Pattern.UNICODE_CASE);
    private static final Pattern BYLINE_BY = Pattern.compile("^\\(?by\\b", CI);

    private static final List<Rule> RULES = List.of(
            // "Read more: …", "See also: …", "Related: …", "More: …", "Watch: …"
            rule(READ_MORE, 250, "^(?:read|see)\\s+(?:more|also|next)\\b(?:" + SEP
                    + "|\\s+(?:about|on|here|at|in)\\b)"),
            rule(READ_MORE, 250, "^(?:also\\s+(?:read|see|on)|related|related\\s+(?:articles?|stories|story|coverage"
                    + "|content|news|topics|reading|links?|posts?|videos?)|more\\s+on\\s+(?:this|that)(?:\\s+story)?"
                    + "|more\\s+(?:from|on|stories|news|coverage)\\b[^:.,;]{0,30}|more|recommended(?:\\s+for\\s+you"
                    + "|\\s+reading)?|you\\s+(?:may|might)\\s+(?:also\\s+)?(?:like|be\\s+interested\\s+in)"
                    + "|don'?t\\s+miss|further\\s+reading|watch|listen|explainer|in\\s+pictures|top\\s+stories"
                    + "|most\\s+read|editor'?s\\s+picks?)\\s*(?::|\\||»|›)"),
            rule(READ_MORE, 40, "^(?:read\\s+more|related(?:\\s+(?:articles|stories|content))?|see\\s+also"
                    + "|more\\s+on\\s+this\\s+story|recommended(?:\\s+for\\s+you)?|you\\s+may\\s+also\\s+like)"
                    + "\\s*[.…:»›>]*$"),

            // share, subscribe, sign-up and follow prompts
            rule(SHARE_PROMPT, 120, "^share(?:\\s+(?:this|the)(?:\\s+(?:article|story|post|page|video|link))?"
                    + "|\\s+on\\s+" + SOCIAL + "|\\s+via\\s+" + SOCIAL + "|\\s+(?:article|story))?\\s*[.:!]?$"),
            rule(SHARE_PROMPT, 60, "^(?:tweet|email|e-mail|print|save|copy\\s+link\\s+to)\\s+this"
                    + "(?:\\s+(?:article|story|page|link))?\\s*[.!]?$"),
            rule(SHARE_PROMPT, 160, "^(?:please\\s+)?(?:subscribe|sign\\s+up|signup|join\\s+(?:us|our))\\b.{0,120}"
                    + "\\b(?:newsletters?|updates|alerts|channel|podcast|free|now|today|here|inbox|briefing|digest"
                    + "|emails?|notifications|whatsapp|telegram|our\\s+community)\\b"),
            rule(SHARE_PROMPT, 40, "^(?:subscribe|sign\\s+up|sign\\s+in|log\\s+in|register)(?:\\s+now)?\\s*[.!]?$"),
            rule(SHARE_PROMPT, 160, "^(?:please\\s+)?(?:get|receive)\\s+(?:our|the|free)\\b.{0,80}"
                    + "\\b(?:newsletters?|alerts|updates|app)\\b"),
            rule(SHARE_PROMPT, 160, "^(?:please\\s+)?(?:follow|like|join|find|connect\\s+with)\\b.{0,60}"
                    + "\\bon\\s+" + SOCIAL + "\\b"),
            rule(SHARE_PROMPT, 80, "^follow\\s+(?:us|@\\w+)\\b"),
            rule(SHARE_PROMPT, 80, "^(?:download|get)\\s+(?:our|the)\\s+(?:free\\s+)?app\\b"),

            // "Reporting by …; Editing by …", "Written by …", timestamps
            rule(BYLINE, 200, "^\\(?(?:written|reported|reporting|writing|editing|edited|compiled|additional"
                    + "\\s+reporting|produced|translated|words|text)\\s+by\\s+\\S"),
            rule(BYLINE, 120, "^by\\s+(?:our|a|the)\\s+(?:staff|correspondents?|reporters?|special\\s+correspondent"
                    + "|news\\s+desk|web\\s+desk|online\\s+desk|editorial\\s+(?:team|board|staff))\\b"),
            rule(BYLINE, 90, "^(?:posted|published|updated|last\\s+updated|first\\s+published|last\\s+modified)"
                    + "(?:\\s+on|\\s+at)?\\s*:?\\s*(?:\\d|(?:mon|tue|wed|thu|fri|sat|sun|jan|feb|mar|apr|may|jun|jul"
                    + "|aug|sep|oct|nov|dec)[a-z]*\\b)"),

            // a date (and time) standing alone on its line: a timestamp, not a sentence
            rule(BYLINE, 60, "^(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\\.?,?\\s+)?(?:\\d{1,2}(?:st|nd|rd|th)?\\s+"
                    + MONTH + ",?\\s+\\d{4}|" + MONTH + "\\s+\\d{1,2}(?:st|nd|rd|th)?,?\\s+\\d{4}|\\d{4}-\\d{2}-\\d{2}"
                    + "|\\d{1,2}/\\d{1,2}/\\d{2,4})(?:\\s*(?:,|at|[-–|])?\\s*\\d{1,2}[:.]\\d{2}(?:\\s*[ap]\\.?m\\.?)?"
                    + "(?:\\s*(?:gmt|utc|[a-z]{2,4})(?:[+-]\\d{1,2})?)?)?\\s*$"),

            // photo credits and captions
            rule(CREDIT, 160, "^\\(?(?:photo|photos|photograph|image|images|picture|pictures|video|illustration"
                    + "|graphic|file\\s+photo|cover\\s+photo|main\\s+image|top\\s+image|header\\s+image|featured"
                    + "\\s+image)\\s*(?:credit\\s*)?(?::|\\bby\\b|\\bcredit\\b|©|\\bcourtesy\\b)"),
            rule(CREDIT, 160, "^(?:image|media|video|photo|picture)\\s+(?:caption|source|copyright|credit)\\b"),
            rule(CREDIT, 80, "^(?:credit|credits|courtesy|source)\\s*:"),

            // copyright
            rule(COPYRIGHT, 250, "^(?:©|\\(c\\)\\s*\\d{4}|copyright\\s*(?:©|\\(c\\)|\\d{4}))"),
            rule(COPYRIGHT, 160, "\\ball\\s+rights\\s+reserved\\s*\\.?$"),
            rule(COPYRIGHT, 250, "^this\\s+(?:article|story|material|content)\\s+(?:may|must|cannot|can\\s*not)"
                    + "\\s+(?:not\\s+)?be\\s+(?:published|reproduced|broadcast|rewritten|redistributed|copied)"),

            // advertising
            rule(ADVERT, 80, "^(?:advertisement|advertising|advert|ad|ads|sponsored(?:\\s+(?:content|post|links?"
                    + "|stories))?|paid\\s+(?:content|post|partner(?:ship)?(?:\\s+content)?)|promoted(?:\\s+(?:content"
                    + "|stories|links?))?|partner\\s+content|(?:story|article)\\s+continues\\s+(?:below|after)"
                    + "(?:\\s+(?:this|the))?(?:\\s+(?:advertisement|advert|ad))?|continue\\s+reading\\s+(?:below"
                    + "|the\\s+main\\s+story)|scroll\\s+(?:down\\s+)?to\\s+continue(?:\\s+with\\s+content)?"
                    + "|skip\\s+advert(?:isement)?|remove\\s+ads?)\\s*[-.:…]*\\s*$"),

            // navigation, cookie notices, "click here"
            rule(NAVIGATION, 200, "^(?:click|tap|press)\\s+here\\b"),
            rule(NAVIGATION, 200, "\\b(?:click|tap)\\s+here\\s+(?:to|for)\\b"),
            rule(NAVIGATION, 400, "\\b(?:we|this\\s+(?:site|website)|our\\s+(?:site|website|partners))\\s+uses?"
                    + "\\s+cookies\\b"),
            rule(NAVIGATION, 400, "\\b(?:accept|manage|reject|allow)\\s+(?:all\\s+)?cookies\\b"),
            rule(NAVIGATION, 400, "\\bcookie\\s+(?:policy|settings|preferences|notice|consent)\\b"),
            rule(NAVIGATION, 60, "^(?:skip\\s+to\\s+(?:main\\s+)?content|skip\\s+navigation|back\\s+to\\s+top"
                    + "|return\\s+to\\s+top|go\\s+to\\s+(?:the\\s+)?homepage|home|menu|search|close|loading(?:\\.\\.\\.|…)?"
                    + "|next\\s+(?:article|story|post)|previous\\s+(?:article|story|post)|(?:\\d+\\s+)?comments?"
                    + "|leave\\s+a\\s+(?:comment|reply)|(?:view|show|hide|read)\\s+comments|listen\\s+to\\s+(?:this\\s+)?"
                    + "(?:article|story)|\\d+\\s*min(?:ute)?s?\\s+read|most\\s+popular|trending(?:\\s+now)?"
                    + "|latest\\s+news|more\\s+stories|more\\s+news|top\\s+stories|most\\s+read)\\s*[.:!]?$"),
            rule(NAVIGATION, 200, "^(?:tags|topics|filed\\s+under|categories|category|keywords|sections?)\\s*:"),
            rule(NAVIGATION, 160, "^[\\p{L}\\d &'’-]{1,30}(?:\\s*[>›»]\\s*[\\p{L}\\d &'’-]{1,30}){2,}$"));

    /** Picture agencies and wires as they appear in photo credits. */
    private static final Set<String> AGENCIES = Set.of("getty images", "getty", "afp", "reuters", "ap",
            "associated press", "ap photo", "epa", "epa-efe", "efe", "shutterstock", "anadolu", "anadolu agency",
            "xinhua", "imago", "alamy", "sipa", "sipa press", "pa", "pa images", "pa media", "pa wire", "bloomberg",
            "nurphoto", "sopa images", "zuma", "zuma press", "zuma wire", "ansa", "tass", "sputnik", "wana",
            "dpa", "kyodo", "yonhap", "ria novosti", "afp/getty images", "rex", "rex features", "rex/shutterstock",
            "bbc", "handout", "social media", "supplied", "file", "file photo", "istock", "istockphoto");

    private static final Pattern CREDIT_SPLIT = Pattern.compile("\\s*(?:/|\\||,|;|\\bvia\\b|\\bfor\\b)\\s*", CI);
    private static final Pattern PERSON_NAME = Pattern.compile("(?:" + NAME + ")", Pattern.UNICODE_CASE);

    private static final DebrisMarker STANDARD = new DebrisMarker();

    private DebrisMarker() {
    }

    /** The built-in rules described above. */
    public static DebrisMarker standard() {
        return STANDARD;
    }

    /**
     * The article with its debris lines marked, added to any debris it already had. When the text starts
     * with the title, that first paragraph is left alone.
     */
    public Article mark(Article article) {
        String text = article.text();
        int from = 0;
        String title = article.title();
        if (!title.isEmpty() && text.startsWith(title)) {
            from = title.length();
        }
        List<Debris> found = mark(text, from);
        if (found.isEmpty()) {
            return article;
        }
        List<Debris> all = new ArrayList<>(article.debris());
        for (Debris d : found) {
            if (!all.contains(d)) {
                all.add(d);
            }
        }
        all.sort((a, b) -> a.start() != b.start() ? Integer.compare(a.start(), b.start())
                : Integer.compare(a.end(), b.end()));
        return article.withDebris(all);
    }

    /** Debris spans in {@code text}: one per debris line, covering the line without surrounding whitespace. */
    public List<Debris> mark(String text) {
        return mark(text, 0);
    }

    private List<Debris> mark(String text, int from) {
        List<Debris> out = new ArrayList<>();
        int n = text.length();
        int lineStart = from;
        while (lineStart <= n) {
            int eol = text.indexOf('\n', lineStart);
            int lineEnd = eol < 0 ? n : eol;
            int s = lineStart;
            int e = lineEnd;
            while (s < e && isSpace(text.charAt(s))) {
                s++;
            }
            while (e > s && isSpace(text.charAt(e - 1))) {
                e--;
            }
            if (e > s) {
                String kind = kindOf(text.substring(s, e));
                if (kind != null) {
                    out.add(new Debris(s, e, kind));
                }
            }
            if (eol < 0) {
                break;
            }
            lineStart = eol + 1;
        }
        return out;
    }

    /** The debris kind of one line (trimmed), or {@code null} when the line is news. */
    public String kindOf(String line) {
        String l = line.strip();
        if (l.isEmpty() || l.length() > 400) {
            return null;
        }
        for (Rule r : RULES) {
            if (r.matches(l)) {
                return r.kind();
            }
        }
        if (l.length() <= 120 && BYLINE_BY.matcher(l).find() && BYLINE_NAMES.matcher(l).matches()) {
            return BYLINE;
        }
        if (isAgencyCredit(l)) {
            return CREDIT;
        }
        return null;
    }

    /**
     * "Getty Images", "AFP via Getty Images", "Reuters/Ahmed Saad", "(Photo: EPA)": a short line made only
     * of picture agencies and at most a photographer's name. "Iranian officials told Reuters" is not one.
     */
    private static boolean isAgencyCredit(String line) {
        if (line.length() > 80) {
            return false;
        }
        String l = line;
        if (l.startsWith("(") && l.endsWith(")")) {
            l = l.substring(1, l.length() - 1).strip();
        }
        l = l.replaceFirst("(?i)^(?:photo|photograph|image|picture|credit)s?\\s*(?::|by)?\\s*", "")
                .replaceFirst("[.]$", "");
        boolean agency = false;
        for (String part : CREDIT_SPLIT.split(l)) {
            String p = part.strip();
            if (p.isEmpty()) {
                continue;
            }
            String lower = p.toLowerCase(Locale.ROOT).replaceFirst("^(?:photo|file photo|pool)\\s*:?\\s*", "");
            if (AGENCIES.contains(lower) || lower.endsWith(" photo") && AGENCIES.contains(
                    lower.substring(0, lower.length() - 6))) {
                agency = true;
            } else if (!PERSON_NAME.matcher(p).matches() || p.split("\\s+").length > 4) {
                return false;
            }
        }
        return agency;
    }

    private static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\f' || c == '\u00A0' || c == '\r';
    }
}
