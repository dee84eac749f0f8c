package org.khaldun.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.util.Arrays;
import java.util.List;
import javax.management.ObjectName;
import org.junit.jupiter.api.Test;
import org.khaldun.actor.DictionaryActorRecognizer;
import org.khaldun.attribution.RuleAttributionFinder;
import org.khaldun.event.DependencyEventCoder;
import org.khaldun.nlp.CoreNlpEngine;
import org.khaldun.place.GazetteerPlaceRecognizer;
import org.khaldun.time.RuleTimeResolver;

class CompilerDirectivesTest {

    @Test
    void everyStageOfThePipelineIsLeftToTheQuickCompilerButTheParserNetworkIsNot() throws Exception {
        List<Class<?>> stages = List.of(Pipeline.class, CoreNlpEngine.class, DictionaryActorRecognizer.class,
                RuleTimeResolver.class, RuleAttributionFinder.class, GazetteerPlaceRecognizer.class,
                DependencyEventCoder.class);
        for (Class<?> stage : stages) {
            assertThat(c2Excluded(stage)).as(stage.getName()).isTrue();
        }
        // by name: the parser is package-private; a rename must fail here rather than silently lose C2
        assertThat(c2Excluded(Class.forName("org.khaldun.nlp.NeuralDependencyParser"))).isFalse();
        for (String p : CompilerDirectives.C1_ONLY_PACKAGES) {
            assertThat(CompilerDirectives.json()).contains('"' + p + "/*.*\"");
        }
    }

    @Test
    void theRunningJvmTakesTheDirectivesOnceWhenAPipelineIsBuilt() throws Exception {
        CompilerDirectives.Outcome outcome = CompilerDirectives.install();
        assertThat(outcome.installed()).as(outcome.detail()).isTrue();
        assertThat(outcome.detail()).isEqualTo("2 compiler directives added");
        assertThat(CompilerDirectives.install()).isSameAs(outcome);

        String printed = (String) ManagementFactory.getPlatformMBeanServer().invoke(
                new ObjectName("com.sun.management:type=DiagnosticCommand"), "compilerDirectivesPrint",
                new Object[] {new String[0]}, new String[] {String[].class.getName()});
        List<String> blocks = Arrays.asList(printed.split("Directive:"));
        assertThat(blocks).filteredOn(b -> b.contains("org/khaldun/event/*.*")).singleElement()
                .satisfies(b -> assertThat(c2Section(b)).contains("Exclude:true"));
        assertThat(blocks).filteredOn(b -> b.contains("org/khaldun/nlp/NeuralDependencyParser*.*")).singleElement()
                .satisfies(b -> assertThat(c2Section(b)).contains("Exclude:false"));
    }

    /** Whether the directives' patterns (class-name prefixes, first match wins) keep C2 away from a class. */
    private static boolean c2Excluded(Class<?> type) {
        String name = type.getName().replace('.', '/');
        if (CompilerDirectives.C2_CLASSES.stream().anyMatch(name::startsWith)) {
            return false;
        }
        return CompilerDirectives.C1_ONLY_PACKAGES.stream().anyMatch(p -> name.startsWith(p + "/"));
    }

    private static String c2Section(String block) {
        return block.substring(block.indexOf("c2 directives:"));
    }
}
