package org.khaldun.app.eval;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.khaldun.actor.ActorIndex;
import org.khaldun.actor.DictionaryActorRecognizer;
import org.khaldun.article.Article;
import org.khaldun.classifier.EventClasses;
import org.khaldun.classifier.HeldOutSplit;
import org.khaldun.classifier.TrainingSentence;
import org.khaldun.codebook.PloverTypes;
import org.khaldun.codebook.TableCodebook;
import org.khaldun.event.DependencyEventCoder;
import org.khaldun.event.EventCoder;
import org.khaldun.nlp.CoreNlpEngine;
import org.khaldun.nlp.Sentence;

/**
 * The classifier's training sentences, drawn from the TRAIN side of {@link HeldOutSplit} only (the evaluations report
 * on the other side). Sentences are split and tested for candidacy (a possible trigger and an actor mention) exactly
 * as the pipeline does before parsing, since the classifier only ever sees such sentences.
 *
 * <ul>
 *   <li>plover-synthetic: the headline and the first body sentence carry the story's type exactly (and its mode);
 *       the next {@value #BODY_SENTENCES} candidate sentences are "the story's type, a statement, or no event" (a partial label: a story's
 *       body recounts its event, quotes people and gives background, but it is not about another type);</li>
 *   <li>ConfliBERT {@code cameo_class}: a sentence is "one of the classes of its CAMEO root group" (real news;
 *       counts {@value #CONFLIBERT_WEIGHT}×);</li>
 *   <li>BBC sport and entertainment (optional): candidate sentences are "no event" — the sentences where a trigger
 *       word and a name meet without a political event ("Wales beat England").</li>
 * </ul>
 */
public final class ClassifierTrainingData {

    static final double CONFLIBERT_WEIGHT = 2.0;
    static final double BODY_WEIGHT = 0.5;
    /** Body sentences per story: the first few candidates after the lede (embedding is training's cost). */
    static final int BODY_SENTENCES = 2;
    static final List<String> NEGATIVE_FOLDERS = List.of("sport", "entertainment");

    private final CoreNlpEngine nlp = CoreNlpEngine.shared();
    private final DictionaryActorRecognizer actors = DictionaryActorRecognizer.builtin();
    private final EventCoder triggers = DependencyEventCoder.withBuiltinLexicon(TableCodebook.builtin());

    /**
     * What was gathered, with counts for the training note, and each sentence's cross-fitting fold
     * ({@link HeldOutSplit#fold}; BBC negatives by their file name).
     */
    public record Gathered(List<TrainingSentence> sentences, List<Integer> folds, String note) {
        public Gathered {
            sentences = List.copyOf(sentences);
            folds = List.copyOf(folds);
        }

        /** The sentences of every fold but {@code fold}: a head whose opinions on that fold are out of sample. */
        public Gathered without(int fold) {
            List<TrainingSentence> kept = new ArrayList<>();
            List<Integer> keptFolds = new ArrayList<>();
            for (int i = 0; i < sentences.size(); i++) {
                if (folds.get(i) != fold) {
                    kept.add(sentences.get(i));
                    keptFolds.add(folds.get(i));
                }
            }
            return new Gathered(kept, keptFolds, note + "; fold " + fold + " of " + HeldOutSplit.FOLDS + " held out"
                    + (fold == HeldOutSplit.DEV_FOLD ? " (the dev part)" : "") + ": " + kept.size() + " sentences");
        }
    }

    /**
     * @param data      the shared data folder ({@code shared/data})
     * @param limit     at most this many plover-synthetic training stories (evenly spaced), 0 for all
     * @param negatives whether to read BBC sport/entertainment as "no event" sentences
     */
    public Gathered gather(Path data, int limit, boolean negatives, PrintStream progress) throws IOException {
        List<TrainingSentence> out = new ArrayList<>();
        List<Integer> folds = new ArrayList<>();
        int headlines = 0;
        int bodies = 0;
        List<PloverSyntheticEvaluation.Story> stories = PloverSyntheticEvaluation.read(
                PloverSyntheticEvaluation.findZip(data.resolve("plover-synthetic"))).stream()
                .filter(s -> !s.isTest()).toList();
        stories = EvalSample.sample(stories, limit);
        progress.printf("classifier data: %d plover-synthetic training stories%n", stories.size());
        for (PloverSyntheticEvaluation.Story st : stories) {
            List<Integer> exact = EventClasses.ofType(st.label());
            List<Integer> body = new ArrayList<>(exact);
            body.add(EventClasses.NONE);
            body.add(EventClasses.STATEMENT);
            String mode = PloverTypes.modes(st.label()).isEmpty() ? null
                    : PloverTypes.isValidMode(st.label(), st.mode()) ? st.mode() : null;
            int fold = HeldOutSplit.fold(HeldOutSplit.templateKey(st.template()));
            Article a = st.article();
            List<Sentence> split = nlp.split(a.text());
            ActorIndex index = actors.recognize(a, split);
            int lede = st.headline().isEmpty() ? 0 : 1;
            int taken = 0;
            for (Sentence s : split) {
                if (s.index() <= lede) {
                    out.add(new TrainingSentence(s.text(), TrainingSentence.classes(exact), 1.0, mode));
                    folds.add(fold);
                    headlines++;
                } else if (taken < BODY_SENTENCES && candidate(s, index)) {
                    out.add(new TrainingSentence(s.text(), TrainingSentence.classes(body), BODY_WEIGHT, null));
                    folds.add(fold);
                    bodies++;
                    taken++;
                }
            }
        }
        int conflibert = 0;
        for (ConflibertEvaluation.Sentence s : ConflibertEvaluation.readClasses(
                data.resolve("conflibert-train").resolve("cameo_class").resolve("train.tsv"))) {
            if (s.isTest()) {
                continue;
            }
            out.add(new TrainingSentence(s.text(), TrainingSentence.classes(EventClasses.ofGroup(
                    Integer.parseInt(s.label()))), CONFLIBERT_WEIGHT, null));
            folds.add(HeldOutSplit.fold(HeldOutSplit.sentenceKey(s.text())));
            conflibert++;
        }
        int none = 0;
        if (negatives) {
            Path bbc = data.resolve("corpora").resolve("bbc-news-2225");
            for (String folder : NEGATIVE_FOLDERS) {
                List<Path> files;
                try (Stream<Path> list = Files.list(bbc.resolve(folder))) {
                    files = list.filter(p -> p.toString().endsWith(".txt")).sorted().toList();
                }
                for (Path f : files) {
                    String text = new String(Files.readAllBytes(f), StandardCharsets.UTF_8); // a few files are not clean UTF-8
                    Article a = Article.of("bbc-" + folder + "-" + f.getFileName(), "", "", text, null, "BBC");
                    List<Sentence> split = nlp.split(text);
                    ActorIndex index = actors.recognize(a, split);
                    // no test side (the evaluations do not read these folders); a fold only for cross-fitting
                    int fold = Math.floorMod((folder + "/" + f.getFileName()).hashCode(), HeldOutSplit.FOLDS);
                    for (Sentence s : split) {
                        if (candidate(s, index)) {
                            out.add(new TrainingSentence(s.text(), TrainingSentence.classes(List.of(EventClasses.NONE)),
                                    1.0, null));
                            folds.add(fold);
                            none++;
                        }
                    }
                }
            }
        }
        String note = String.format("plover-synthetic train split: %d stories, %d headline/lede + %d body sentences; "
                        + "conflibert cameo_class train split: %d; no-event candidate sentences (BBC %s): %d; split: "
                        + "%d %% test by SHA-256 of template/sentence", stories.size(), headlines, bodies, conflibert,
                NEGATIVE_FOLDERS, none, HeldOutSplit.TEST_PERCENT);
        progress.println("classifier data: " + note);
        return new Gathered(out, folds, note);
    }

    private boolean candidate(Sentence s, ActorIndex index) {
        return !index.mentions(s.index()).isEmpty() && triggers.mayHoldEvent(s, index.mentions(s.index()));
    }
}
