package org.khaldun.app.eval;

import java.time.LocalDate;
import java.util.List;
import org.khaldun.actor.Actor;
import org.khaldun.event.Cameo;
import org.khaldun.event.Event;
import org.khaldun.event.Modality;
import org.khaldun.event.TextInfo;
import org.khaldun.time.EventDate;

/** Hand-made events, so scoring is tested without NLP. */
final class TestEvents {

    private TestEvents() {
    }

    static Event event(String type, String mode, String cameo, int quad, int triggerStart, Modality modality) {
        return event(type, mode, cameo, quad, triggerStart, modality, List.of(), List.of());
    }

    static Event event(String type, String mode, String cameo, int quad, int triggerStart, Modality modality,
                       List<Actor> actor, List<Actor> recipient) {
        return new Event("e" + triggerStart + cameo, "a", EventDate.ofPublication(LocalDate.of(2024, 2, 7)), actor,
                recipient, type, mode, List.of(), new Cameo(cameo, 0.0, quad),
                new TextInfo(0, 0, 100, "x", triggerStart, triggerStart + 1, "x"), modality, "test", "test");
    }

    static Event fact(String type, String cameo, int triggerStart) {
        return event(type, "", cameo, quadOf(cameo), triggerStart, Modality.FACT);
    }

    static Event future(String type, String cameo, int triggerStart) {
        return event(type, "", cameo, quadOf(cameo), triggerStart, new Modality(false, false, true));
    }

    static Actor actor(String text, int start, int end) {
        return new Actor(text, "XXX", "XXX", "", start, end);
    }

    static int quadOf(String cameo) {
        int r = Integer.parseInt(cameo.substring(0, 2));
        return r <= 5 ? 1 : r <= 8 ? 2 : r <= 13 ? 3 : 4;
    }
}
