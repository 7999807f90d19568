package dev.tern.app;

import dev.tern.Tern;
import dev.tern.config.TernConfig;
import dev.tern.match.LiveSubscriptions;
import dev.tern.match.SubscriptionService;
import dev.tern.store.Database;
import dev.tern.store.StoreException;
import dev.tern.store.Stores;
import dev.tern.web.StatusClient;
import dev.tern.web.StatusReader;
import dev.tern.web.StatusSummary;
import dev.tern.web.StatusText;
import java.io.IOException;
import java.io.PrintWriter;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code tern status}: the status page's summary as text or one JSON object, from the running Tern's status server
 * when the config has an {@code http} section and it answers, else from the database.
 */
@Command(
        name = "status",
        mixinStandardHelpOptions = true,
        description = "Print what the status page shows: sources, outbox, routes, subscriptions, recent postings.")
public final class StatusCommand implements Callable<Integer> {

    @Mixin
    private ConfigOption config;

    @Option(names = "--json", description = "Print one JSON object instead of text.")
    private boolean json;

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Optional<TernConfig> loaded = config.load(err);
        if (loaded.isEmpty()) {
            return Tern.EXIT_CONFIG;
        }
        TernConfig c = loaded.get();
        try {
            Optional<StatusSummary> running = c.http().isEmpty()
                    ? Optional.empty()
                    : StatusClient.fetch(c.http().get());
            StatusSummary summary = running.isPresent() ? running.get() : fromDatabase(c);
            out.print(json ? StatusText.json(summary) + "\n" : StatusText.text(summary));
            out.flush();
            return 0;
        } catch (IOException e) {
            err.println("error: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            err.println("error: interrupted while asking the status server");
        } catch (StoreException e) {
            err.println("error: cannot read the database " + c.storage().displayUrl() + ": " + e.getMessage()
                    + (c.http().isEmpty()
                            ? " (while tern run uses an H2 file, add an http section to read it from" + " there)"
                            : ""));
        }
        err.flush();
        return Tern.EXIT_FAILURE;
    }

    private static StatusSummary fromDatabase(TernConfig c) {
        Clock clock = Clock.systemUTC();
        try (Database database =
                Database.open(c.storage().url(), c.storage().user(), c.storage().password())) {
            Stores stores = Stores.create();
            LiveSubscriptions live = LiveSubscriptions.load(database, stores, Services.routeSubscriptions(c.routes()));
            SubscriptionService subscriptions =
                    new SubscriptionService(database, stores, clock, live, c.discord(), c.sources());
            return new StatusReader(database, stores, subscriptions::status, c.routes(), clock).read();
        }
    }
}
