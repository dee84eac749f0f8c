package org.khaldun.app;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code khaldun} command. Exit codes (documented in README):
 * 0 all records coded; 1 some records failed (each named on stderr), the rest coded;
 * 2 usage error; 4 nothing could be read or an evaluation/benchmark failed.
 */
@Command(name = "khaldun", mixinStandardHelpOptions = true, version = "khaldun 0.1.0",
        description = "Political event coding from news text: who did what to whom, when, where, and who said so.",
        subcommands = {CodeCommand.class, IngestCommand.class, RecodeCommand.class, ExportCommand.class,
                DemoCommand.class, ServeCommand.class, EvaluateCommand.class, BenchCommand.class, BenchStoreCommand.class,
                BenchServeCommand.class,
                CommandLine.HelpCommand.class})
public final class Main implements Runnable {

    public static final int EXIT_OK = 0;
    public static final int EXIT_SOME_RECORDS_FAILED = 1;
    public static final int EXIT_USAGE = 2;
    public static final int EXIT_FAILURE = 4;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.err);
    }

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new Main());
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        cl.setExecutionExceptionHandler((ex, cmd, parsed) -> {
            cmd.getErr().println("khaldun: " + (ex.getMessage() == null ? ex.toString() : ex.getMessage()));
            return EXIT_FAILURE;
        });
        cl.setExitCodeExceptionMapper(ex -> ex instanceof CommandLine.ParameterException ? EXIT_USAGE : EXIT_FAILURE);
        return cl;
    }
}
