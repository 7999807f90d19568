package dev.tern.app;

import dev.tern.Tern;
import dev.tern.config.RouteConfig;
import dev.tern.config.SourceConfig;
import dev.tern.config.Target;
import dev.tern.config.TernConfig;
import dev.tern.store.BrokenTarget;
import dev.tern.store.Database;
import dev.tern.store.PostingStore;
import dev.tern.store.SourceState;
import dev.tern.store.SourceStateStore;
import dev.tern.store.StoreException;
import dev.tern.store.Stores;
import java.io.PrintWriter;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code tern sources}: the configured sources with their health as the database remembers it. */
@Command(
        name = "sources",
        mixinStandardHelpOptions = true,
        description = "List the configured sources with their health from the database.")
public final class SourcesCommand implements Callable<Integer> {

    @Mixin
    private ConfigOption config;

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
        try (Database database =
                Database.open(c.storage().url(), c.storage().user(), c.storage().password())) {
            Stores stores = Stores.create();
            SourceStateStore states = stores.sources();
            PostingStore postings = stores.postings();
            String access = database.access();
            out.printf("database: %s%s%n", c.storage().displayUrl(), access.isEmpty() ? "" : ", " + access);
            out.printf(
                    "%-24s %-15s %-6s %-22s %-8s %s%n", "SOURCE", "TYPE", "OPEN", "LAST SUCCESS", "FAILURES", "STATUS");
            for (SourceConfig source : c.sources()) {
                SourceState state = database.read(conn -> states.get(conn, source.id()));
                int open = database.read(conn -> postings.countOpen(conn, source.id()));
                out.printf(
                        "%-24s %-15s %-6d %-22s %-8d %s%n",
                        source.id(),
                        source.type(),
                        open,
                        time(state.lastSuccess()),
                        state.consecutiveFailures(),
                        status(state));
            }
            printBroken(c, database.read(conn -> stores.targets().all(conn)), out);
            out.flush();
            return 0;
        } catch (StoreException e) {
            err.println("error: cannot open the database " + c.storage().displayUrl() + ": " + e.getMessage());
            err.flush();
            return Tern.EXIT_FAILURE;
        }
    }

    /** The targets that failed for good, with the routes that send there, as the admin notice told them. */
    private static void printBroken(TernConfig c, List<BrokenTarget> broken, PrintWriter out) {
        for (BrokenTarget target : broken) {
            List<String> routes = c.routes().stream()
                    .filter(route -> route.to().equals(target.target()))
                    .map(RouteConfig::id)
                    .toList();
            out.printf(
                    "BROKEN target %s since %s%s: %s%n",
                    Target.displayOf(target.target()),
                    time(target.since()),
                    routes.isEmpty() ? "" : " (routes " + String.join(", ", routes) + ")",
                    target.reason());
        }
    }

    private static String status(SourceState state) {
        if (!state.seeded()) {
            return "never polled successfully";
        }
        if (state.holding()) {
            return "HELD since %s, %d posting(s) kept open: %s; `tern accept %s` closes them now"
                    .formatted(
                            time(state.degradedSince()),
                            state.heldKeys().size(),
                            state.degradedReason(),
                            state.sourceId());
        }
        if (state.degraded()) {
            return "DEGRADED: " + state.degradedReason();
        }
        if (state.consecutiveFailures() > 0) {
            return "FAILING: " + state.lastError();
        }
        return "ok";
    }

    private static String time(Instant at) {
        return at == null ? "-" : at.truncatedTo(ChronoUnit.SECONDS).toString();
    }
}
