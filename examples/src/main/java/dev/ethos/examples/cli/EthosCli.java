package dev.ethos.examples.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code ethos} command line. Every command has {@code --help}; unknown options are errors
 * with a usage line. Text comes from standard input or {@code --in FILE}.
 *
 * <p>To add a command: write a {@code Callable<Integer>} annotated with {@code @Command} in this
 * package and list it in {@code subcommands} below.
 */
@Command(name = "ethos", mixinStandardHelpOptions = true, versionProvider = EthosCli.Version.class,
        description = "Responsible generation: guard a model with PII scrubbing, bias rewriting, "
                + "misinformation flags and provenance labels.",
        subcommands = {
            DemoCommand.class,
            GenerateCommand.class,
            BenchGenerateCommand.class,
            KeygenCommand.class, LabelCommand.class, VerifyCommand.class,
            ServeCommand.class,
            DetectWatermarkCommand.class,
            RewriteCommand.class,
            ScrubCommand.class,
            CheckCommand.class,
            CommandLine.HelpCommand.class
        })
public final class EthosCli implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "missing command");
    }

    public static void main(String[] args) {
        System.exit(execute(args));
    }

    /** Runs the command line and returns its exit status (for tests). */
    public static int execute(String... args) {
        CommandLine cl = new CommandLine(new EthosCli());
        cl.setExecutionExceptionHandler((ex, cmd, parsed) -> {
            cmd.getErr().println("ethos " + cmd.getCommandName() + ": " + describe(ex));
            return 2;
        });
        return cl.execute(args);
    }

    private static String describe(Throwable ex) {
        String m = ex.getMessage();
        return m == null ? ex.getClass().getSimpleName() : m;
    }

    /** Reads the version from the jar manifest when there is one. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = EthosCli.class.getPackage().getImplementationVersion();
            return new String[] {"ethos " + (v == null ? "development build" : v)};
        }
    }
}
