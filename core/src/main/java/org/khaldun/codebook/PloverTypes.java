package org.khaldun.codebook;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The 16 PLOVER event types and the modes the PLOVER codebook allows for each, as written in the PLOVER structured
 * codebook (event / mode pairs). Event types are plain strings because {@link org.khaldun.event.Event#eventType()}
 * is one; use these constants and checks instead of string literals scattered through rules.
 */
public final class PloverTypes {

    public static final String AGREE = "AGREE";
    public static final String CONSULT = "CONSULT";
    public static final String SUPPORT = "SUPPORT";
    public static final String CONCEDE = "CONCEDE";
    public static final String COOPERATE = "COOPERATE";
    public static final String AID = "AID";
    public static final String RETREAT = "RETREAT";
    public static final String REQUEST = "REQUEST";
    public static final String ACCUSE = "ACCUSE";
    public static final String REJECT = "REJECT";
    public static final String THREATEN = "THREATEN";
    public static final String PROTEST = "PROTEST";
    public static final String SANCTION = "SANCTION";
    public static final String MOBILIZE = "MOBILIZE";
    public static final String COERCE = "COERCE";
    public static final String ASSAULT = "ASSAULT";

    /** Type → allowed modes, in PLOVER's order of types (cooperation first, violence last). */
    private static final Map<String, Set<String>> MODES = modes();

    /** All 16 types, in PLOVER's order. */
    public static final List<String> ALL = List.copyOf(MODES.keySet());

    private PloverTypes() {
    }

    private static Map<String, Set<String>> modes() {
        Map<String, Set<String>> m = new LinkedHashMap<>();
        m.put(AGREE, Set.of());
        m.put(CONSULT, Set.of("visit", "third-party", "multilateral", "phone"));
        m.put(SUPPORT, Set.of());
        m.put(CONCEDE, Set.of());
        m.put(COOPERATE, Set.of());
        m.put(AID, Set.of());
        m.put(RETREAT, Set.of("withdraw", "release", "return", "disarm", "ceasefire", "access", "resign"));
        m.put(REQUEST, Set.of("assist", "change", "yield", "meet"));
        m.put(ACCUSE, Set.of("disapprove", "investigate", "allege"));
        m.put(REJECT, Set.of("assist", "change", "yield", "meet"));
        m.put(THREATEN, Set.of("restrict", "ban", "arrest", "relations", "rights", "expel", "territory", "violence"));
        m.put(PROTEST, Set.of("demo", "riot", "strike", "hunger", "boycott", "obstruct"));
        m.put(SANCTION, Set.of("convict", "expel", "withdraw", "discontinue"));
        m.put(MOBILIZE, Set.of("troops", "weapons", "police", "militia"));
        m.put(COERCE, Set.of("seize", "restrict", "ban", "censor", "curfew", "arrest", "deport", "withhold",
                "misinformation", "cyber"));
        m.put(ASSAULT, Set.of("abduct", "beat", "torture", "execute", "sexual", "assassinate", "destroy", "primitive",
                "firearms", "explosives", "suicide-attack", "aerial", "drone", "heavy-weapons", "crowd-control",
                "cleansing", "massacre", "unconventional"));
        return Collections.unmodifiableMap(m);
    }

    /** True for one of the 16 PLOVER event types (upper case, as PLOVER writes them). */
    public static boolean isType(String type) {
        return type != null && MODES.containsKey(type);
    }

    /** Modes PLOVER allows for {@code type}; empty for types without modes or unknown types. */
    public static Set<String> modes(String type) {
        return type == null ? Set.of() : MODES.getOrDefault(type, Set.of());
    }

    /** True when {@code mode} is empty (always allowed) or one of the modes of {@code type}. */
    public static boolean isValidMode(String type, String mode) {
        return mode == null || mode.isEmpty() || modes(type).contains(mode);
    }
}
