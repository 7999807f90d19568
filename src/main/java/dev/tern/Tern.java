package dev.tern;

import dev.tern.app.AcceptCommand;
import dev.tern.app.CheckConfigCommand;
import dev.tern.app.DemoCommand;
import dev.tern.app.LogFormat;
import dev.tern.app.MigrateH2Command;
import dev.tern.app.PollCommand;
import dev.tern.app.PreviewCommand;
import dev.tern.app.RunCommand;
import dev.tern.app.SourcesCommand;
import dev.tern.app.StatusCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Tern's command line: {@code run}, {@code poll}, {@code check-config}, {@code demo}, {@code status}, ... */
@Command(
        name = "tern",
        mixinStandardHelpOptions = true,
        versionProvider = Tern.Version.class,
        description = "Watches internship posting sources and alerts students the moment a fitting posting appears.",
        subcommands = {
            RunCommand.class,
            PollCommand.class,
            CheckConfigCommand.class,
            DemoCommand.class,
            PreviewCommand.class,
            SourcesCommand.class,
            AcceptCommand.class,
            StatusCommand.class,
            MigrateH2Command.class
        })
public final class Tern implements Runnable {

    /** Exit code for a bad config file or bad command-line usage. */
    public static final int EXIT_CONFIG = 2;
    /** Exit code for a failure while running. */
    public static final int EXIT_FAILURE = 1;

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        LogFormat.select(System.getenv("TERN_LOG_FORMAT"), System.err);
        System.exit(commandLine().execute(args));
    }

    /** The command line, with Tern's exit codes for exceptions (1) and usage errors (2). */
    public static CommandLine commandLine() {
        CommandLine cli = new CommandLine(new Tern());
        cli.setExitCodeExceptionMapper(e -> e instanceof CommandLine.ParameterException ? EXIT_CONFIG : EXIT_FAILURE);
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            commandLine.getErr().println("error: " + e.getMessage());
            return EXIT_FAILURE;
        });
        return cli;
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** Tern's version, from the jar manifest ("dev" when run from classes). */
    public static String version() {
        String version = Tern.class.getPackage().getImplementationVersion();
        return version == null ? "dev" : version;
    }

    /** Gives picocli the version for {@code --version}. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"tern " + version()};
        }
    }
}
