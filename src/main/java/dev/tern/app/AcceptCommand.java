package dev.tern.app;

import dev.tern.Tern;
import dev.tern.config.SourceConfig;
import dev.tern.config.TernConfig;
import dev.tern.poll.PollEvent;
import dev.tern.store.StoreException;
import java.io.PrintWriter;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code tern accept SOURCE_ID}: an admin agrees with a held poll, so the postings it kept open close now instead of
 * after the confirming polls.
 */
@Command(
        name = "accept",
        mixinStandardHelpOptions = true,
        description = "Close now what a held (suspicious) poll of a source kept open; see 'tern sources'.")
public final class AcceptCommand implements Callable<Integer> {

    @Mixin
    private ConfigOption config;

    @Parameters(paramLabel = "SOURCE_ID", description = "The held source, as in 'tern sources'.")
    private String sourceId;

    @Option(names = "--json", description = "Print one JSON object per line on stdout.")
    private boolean json;

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        Optional<TernConfig> loaded = config.load(err);
        if (loaded.isEmpty()) {
            return Tern.EXIT_CONFIG;
        }
        TernConfig c = loaded.get();
        Optional<SourceConfig> source = config.source(c, sourceId, err);
        if (source.isEmpty()) {
            return Tern.EXIT_CONFIG;
        }
        PrintWriter out = spec.commandLine().getOut();
        try (Services services = Services.open(c, c.storage(), Clock.systemUTC(), List.of())) {
            Optional<List<PollEvent>> events = services.poller().accept(source.get(), false);
            if (events.isEmpty()) {
                err.printf(
                        "error: source %s holds no poll; nothing to accept ('tern sources' shows holds)%n", sourceId);
                err.flush();
                return Tern.EXIT_FAILURE;
            }
            if (events.get().getFirst() instanceof PollEvent.SourceBusy busy) {
                err.printf(
                        "error: source %s is being polled by %s; accept it once that poll is done%n",
                        sourceId, busy.holder());
                err.flush();
                return Tern.EXIT_FAILURE;
            }
            new EventPrinter(out, json, true).print(events.get());
            // the closed alerts' edits and the admins' notice go out as a poll's do (one process at a time)
            services.deliver();
            return events.get().stream().anyMatch(e -> e instanceof PollEvent.SourceFailed) ? Tern.EXIT_FAILURE : 0;
        } catch (StoreException e) {
            err.println("error: cannot open the database " + c.storage().displayUrl() + ": " + e.getMessage());
            err.flush();
            return Tern.EXIT_FAILURE;
        }
    }
}
