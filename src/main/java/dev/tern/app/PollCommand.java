package dev.tern.app;

import dev.tern.Tern;
import dev.tern.config.SourceConfig;
import dev.tern.config.Target;
import dev.tern.config.TernConfig;
import dev.tern.deliver.ConsoleNotifier;
import dev.tern.poll.PollEvent;
import dev.tern.store.StoreException;
import java.io.PrintWriter;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code tern poll}: polls the chosen sources once, now, then delivers what it can and exits. */
@Command(
        name = "poll",
        mixinStandardHelpOptions = true,
        description =
                "Poll sources once, now, against the same database as 'run'; deliver console and webhook alerts; exit.")
public final class PollCommand implements Callable<Integer> {

    @Mixin
    private ConfigOption config;

    @Option(names = "--source", paramLabel = "ID", description = "Poll only this source (repeatable; default: all).")
    private List<String> sourceIds = new ArrayList<>();

    @Option(names = "--json", description = "Print one JSON object per line on stdout (logs go to stderr).")
    private boolean json;

    @Option(names = "--dry-run", description = "Print what would happen and commit nothing.")
    private boolean dryRun;

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        Optional<TernConfig> loaded = config.load(err);
        if (loaded.isEmpty()) {
            return Tern.EXIT_CONFIG;
        }
        Optional<List<SourceConfig>> chosen = choose(loaded.get(), err);
        if (chosen.isEmpty()) {
            return Tern.EXIT_CONFIG;
        }
        PrintWriter out = spec.commandLine().getOut();
        ConsoleNotifier console = new ConsoleNotifier(out, json);
        try (Services services =
                Services.open(loaded.get(), loaded.get().storage(), Clock.systemUTC(), List.of(console))) {
            return pollAll(services, chosen.get(), new EventPrinter(out, json, dryRun), err);
        } catch (StoreException e) {
            err.println(
                    "error: cannot open the database " + loaded.get().storage().displayUrl() + ": " + e.getMessage());
            err.flush();
            return Tern.EXIT_FAILURE;
        }
    }

    private int pollAll(Services services, List<SourceConfig> sources, EventPrinter printer, PrintWriter err) {
        boolean anyFailed = false;
        long elsewhere = 0;
        for (SourceConfig source : sources) {
            List<PollEvent> events = services.poller().poll(source, dryRun);
            anyFailed |= events.stream().anyMatch(e -> e instanceof PollEvent.SourceFailed);
            elsewhere += events.stream()
                    .filter(e -> e instanceof PollEvent.AlertQueued a && needsBot(a.target()))
                    .count();
            printer.print(events);
        }
        if (!dryRun) {
            services.deliver();
            noteUndelivered(services, elsewhere, err);
        }
        return anyFailed ? Tern.EXIT_FAILURE : 0;
    }

    private static boolean needsBot(String target) {
        try {
            return Target.parse(target).needsBot();
        } catch (IllegalArgumentException e) {
            return true;
        }
    }

    /** This command delivers console and webhook alerts; says who sends the others (Discord), and when. */
    private static void noteUndelivered(Services services, long alerts, PrintWriter err) {
        if (alerts == 0) {
            return;
        }
        err.printf(
                "note: %d alert(s) queued for Discord, which needs the bot; %s%n",
                alerts,
                services.database().servedByAnotherProcess()
                        ? "the running Tern that serves the database delivers them"
                        : "they wait in the outbox until 'tern run' delivers them");
        err.flush();
    }

    private Optional<List<SourceConfig>> choose(TernConfig c, PrintWriter err) {
        if (sourceIds.isEmpty()) {
            return Optional.of(c.sources());
        }
        List<SourceConfig> chosen = new ArrayList<>();
        for (String id : sourceIds) {
            Optional<SourceConfig> source = config.source(c, id, err);
            if (source.isEmpty()) {
                return Optional.empty();
            }
            chosen.add(source.get());
        }
        return Optional.of(chosen);
    }
}
