package org.khaldun.classifier;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.khaldun.codebook.PloverTypes;
import org.khaldun.codebook.TableCodebook;

class EventClassesTest {

    @Test
    void everyEventClassCodeIsInTheCodebookWithTheClassesTypeAndGroup() {
        TableCodebook cb = TableCodebook.builtin();
        for (EventClass c : EventClasses.ALL) {
            if (!c.isEvent()) {
                continue;
            }
            assertThat(cb.cameo(c.cameoCode())).as(c.name()).isPresent();
            assertThat(EventClasses.groupOfCameo(c.cameoCode())).as(c.name()).isEqualTo(c.group());
            String type = cb.plover(c.cameoCode()).map(p -> p.eventType()).orElse("");
            assertThat(type.equals("-") ? "" : type).as(c.name()).isEqualTo(c.ploverType());
        }
    }

    @Test
    void everyPloverTypeHasAClassAndEveryGroupHasClasses() {
        for (String t : PloverTypes.ALL) {
            assertThat(EventClasses.ofType(t)).as(t).isNotEmpty();
        }
        for (int g = 0; g <= 4; g++) {
            assertThat(EventClasses.ofGroup(g)).as("group " + g).isNotEmpty();
        }
    }

    @Test
    void aPatternEventMapsToTheClassOfItsTypeInItsCameoGroup() {
        assertThat(EventClasses.get(EventClasses.classOf("REQUEST", "1041")).name()).isEqualTo("REQUEST/demand");
        assertThat(EventClasses.get(EventClasses.classOf("REQUEST", "021")).name()).isEqualTo("REQUEST/appeal");
        assertThat(EventClasses.get(EventClasses.classOf("", "010")).name()).isEqualTo(EventClass.STATEMENT);
    }
}
