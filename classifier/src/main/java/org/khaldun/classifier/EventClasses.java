package org.khaldun.classifier;

import java.util.ArrayList;
import java.util.List;
import org.khaldun.codebook.PloverTypes;

/** The classifier's label space, in a fixed order (the order of the weights' rows). */
public final class EventClasses {

    /** Class order is part of the weights format: append, never reorder. */
    public static final List<EventClass> ALL = List.of(
            new EventClass(EventClass.NONE, "", -1, ""),
            new EventClass(EventClass.STATEMENT, "", 0, "010"),
            new EventClass("REQUEST/appeal", PloverTypes.REQUEST, 0, "020"),
            new EventClass("AGREE", PloverTypes.AGREE, 1, "030"),
            new EventClass("CONCEDE/intent", PloverTypes.CONCEDE, 1, "035"),
            new EventClass("CONSULT", PloverTypes.CONSULT, 1, "040"),
            new EventClass("SUPPORT", PloverTypes.SUPPORT, 1, "050"),
            new EventClass("COOPERATE", PloverTypes.COOPERATE, 2, "060"),
            new EventClass("AID", PloverTypes.AID, 2, "070"),
            new EventClass("CONCEDE", PloverTypes.CONCEDE, 2, "080"),
            new EventClass("RETREAT", PloverTypes.RETREAT, 2, "084"),
            new EventClass("ACCUSE", PloverTypes.ACCUSE, 3, "112"),
            new EventClass("REQUEST/demand", PloverTypes.REQUEST, 3, "100"),
            new EventClass("REJECT", PloverTypes.REJECT, 3, "120"),
            new EventClass("THREATEN", PloverTypes.THREATEN, 3, "130"),
            new EventClass("PROTEST", PloverTypes.PROTEST, 4, "140"),
            new EventClass("MOBILIZE", PloverTypes.MOBILIZE, 4, "150"),
            new EventClass("SANCTION", PloverTypes.SANCTION, 4, "160"),
            new EventClass("COERCE", PloverTypes.COERCE, 4, "170"),
            new EventClass("ASSAULT", PloverTypes.ASSAULT, 4, "190"));

    public static final int SIZE = ALL.size();
    public static final int NONE = 0;
    public static final int STATEMENT = 1;

    private EventClasses() {
    }

    public static EventClass get(int i) {
        return ALL.get(i);
    }

    public static int indexOf(String name) {
        for (int i = 0; i < ALL.size(); i++) {
            if (ALL.get(i).name().equals(name)) {
                return i;
            }
        }
        throw new IllegalArgumentException("no classifier class '" + name + "'");
    }

    /** Classes of a PLOVER type ("" for the statement class); empty for anything else. */
    public static List<Integer> ofType(String ploverType) {
        List<Integer> out = new ArrayList<>();
        for (int i = 1; i < ALL.size(); i++) {
            if (ALL.get(i).ploverType().equals(ploverType)) {
                out.add(i);
            }
        }
        return out;
    }

    /** Classes of a ConfliBERT group 0–4. */
    public static List<Integer> ofGroup(int group) {
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < ALL.size(); i++) {
            if (ALL.get(i).group() == group) {
                out.add(i);
            }
        }
        return out;
    }

    /** ConfliBERT's group of a CAMEO code: 0 for roots 01–02, then 1–4 by root group (03–05, 06–08, 09–13, 14–20). */
    public static int groupOfCameo(String code) {
        int root = Integer.parseInt(code.substring(0, 2));
        if (root <= 2) {
            return 0;
        }
        return root <= 5 ? 1 : root <= 8 ? 2 : root <= 13 ? 3 : 4;
    }

    /** The class that best names an event coded with this PLOVER type and CAMEO code. */
    public static int classOf(String ploverType, String cameoCode) {
        int group = groupOfCameo(cameoCode);
        List<Integer> ofType = ofType(ploverType);
        for (int i : ofType) {
            if (ALL.get(i).group() == group) {
                return i;
            }
        }
        return ofType.isEmpty() ? STATEMENT : ofType.get(0);
    }

    /** The mode vocabulary of the mode head: "" (no mode) then every PLOVER mode, sorted. */
    public static List<String> modes() {
        java.util.TreeSet<String> all = new java.util.TreeSet<>();
        for (String t : PloverTypes.ALL) {
            all.addAll(PloverTypes.modes(t));
        }
        List<String> out = new ArrayList<>();
        out.add("");
        out.addAll(all);
        return List.copyOf(out);
    }
}
