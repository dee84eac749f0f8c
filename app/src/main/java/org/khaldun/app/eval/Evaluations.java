package org.khaldun.app.eval;

import java.util.List;
import java.util.Optional;

/** Every evaluation the {@code evaluate} command knows, one line each. */
public final class Evaluations {

    private Evaluations() {
    }

    public static List<Evaluation> all() {
        return List.of(
                new PloverSyntheticEvaluation(DefaultCoder::get),
                new ConflibertEvaluation(DefaultCoder::get),
                new ClassifierEvaluation(),
                new TempEvalEvaluation(),
                new PetrarchConformanceEvaluation(),
                new PolnearEvaluation(),
                new GeoparsingEvaluation(),
                new EventLocationEvaluation(),
                new PetrarchTextEvaluation()
        );
    }

    public static Optional<Evaluation> named(String name) {
        return all().stream().filter(e -> e.name().equals(name)).findFirst();
    }
}
