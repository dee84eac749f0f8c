package org.khaldun.app;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.khaldun.app.eval.Evaluation;
import org.khaldun.app.eval.Evaluations;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "evaluate", mixinStandardHelpOptions = true,
        description = "Measure accuracy on an annotated data set and print a Markdown report.")
final class EvaluateCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "NAME", description = "Evaluation to run; 'list' shows them all.")
    String name;

    @Option(names = "--data", paramLabel = "DIR", description = "Data folder (default: the evaluation's folder under ../shared/data).")
    Path data;

    @Override
    public Integer call() throws Exception {
        if (name.equals("list")) {
            for (Evaluation e : Evaluations.all()) {
                System.out.printf("%-14s %s%n", e.name(), e.description());
            }
            return Main.EXIT_OK;
        }
        Evaluation e = Evaluations.named(name).orElse(null);
        if (e == null) {
            System.err.println("khaldun: no evaluation named '" + name + "'; try 'khaldun evaluate list'");
            return Main.EXIT_USAGE;
        }
        Path dir = data != null ? data : SharedData.data(e.defaultDataFolder());
        System.out.println(e.run(dir, System.err));
        return Main.EXIT_OK;
    }
}
