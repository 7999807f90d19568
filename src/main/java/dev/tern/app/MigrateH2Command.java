package dev.tern.app;

import dev.tern.Tern;
import dev.tern.config.StorageConfig;
import dev.tern.store.Database;
import dev.tern.store.StoreCopy;
import dev.tern.store.StoreException;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code tern migrate-h2}: copies an H2 store (postings, source state, subscriptions, users, broken targets, admin
 * notices, the outbox) into an empty PostgreSQL database, which Flyway migrates first, and says how many rows of
 * each it copied. Credentials for PostgreSQL come in the URL's {@code user}/{@code password} parameters or from
 * {@code TERN_DB_USER}/{@code TERN_DB_PASSWORD}; neither is ever printed.
 */
@Command(
        name = "migrate-h2",
        mixinStandardHelpOptions = true,
        description = {
            "Copy an H2 store into an empty PostgreSQL database (migrated first), keeping every posting, source"
                    + " state, subscription and pending alert.",
            "Stop tern first. Credentials: the URL's user/password parameters, or TERN_DB_USER and TERN_DB_PASSWORD."
        })
public final class MigrateH2Command implements Callable<Integer> {

    static final String USER_VARIABLE = "TERN_DB_USER";
    static final String PASSWORD_VARIABLE = "TERN_DB_PASSWORD";
    private static final String H2_PREFIX = "jdbc:h2:";
    private static final String POSTGRESQL_PREFIX = "jdbc:postgresql:";
    private static final List<String> DISPLAY_ORDER = List.of(
            "postings",
            "source_state",
            "subscriptions",
            "discord_users",
            "broken_targets",
            "admin_notices",
            "deliveries");
    /** What H2 says of a file database another process has open. */
    private static final String LOCKED = "already in use";

    @Option(
            names = "--from",
            paramLabel = "H2_URL",
            defaultValue = StorageConfig.DEFAULT_URL,
            description = "The H2 store to copy (default: ${DEFAULT-VALUE}).")
    private String from;

    @Option(
            names = "--to",
            paramLabel = "POSTGRESQL_URL",
            required = true,
            description = "The empty PostgreSQL database, e.g. jdbc:postgresql://localhost:5432/tern.")
    private String to;

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        StorageConfig source = new StorageConfig(from, "", "");
        StorageConfig target = new StorageConfig(to, env(USER_VARIABLE), env(PASSWORD_VARIABLE));
        Optional<String> problem = problem(source, target);
        if (problem.isPresent()) {
            err.println("error: " + problem.get());
            err.flush();
            return Tern.EXIT_CONFIG;
        }
        try (Database h2 = open(source, "the H2 store")) {
            if (h2.servedByAnotherProcess()) {
                // with AUTO_SERVER a running tern shares the file: what it sends or closes meanwhile would be lost
                err.println("error: " + source.displayUrl() + " is open in a running Tern (" + h2.access()
                        + "); stop it (tern run) first, then copy.");
                err.println("Nothing was copied.");
                err.flush();
                return Tern.EXIT_FAILURE;
            }
            return copy(h2, source, target, out);
        } catch (StoreException e) {
            err.println("error: " + e.getMessage());
            err.println("Nothing was copied.");
            err.flush();
            return Tern.EXIT_FAILURE;
        }
    }

    private static int copy(Database h2, StorageConfig source, StorageConfig target, PrintWriter out) {
        try (Database postgres = open(target, "the PostgreSQL database")) {
            Map<String, Long> copied = StoreCopy.copy(h2, postgres);
            out.printf("Copied %s into %s:%n", source.displayUrl(), target.displayUrl());
            inDisplayOrder(copied).forEach((table, rows) -> out.printf("%s: %d%n", table, rows));
            out.printf(
                    "Now set storage.url to %s (with its user and password) and start tern again.%n",
                    target.displayUrl());
            out.flush();
            return 0;
        }
    }

    /** Postings first, the outbox last, then any table a later migration added. */
    private static Map<String, Long> inDisplayOrder(Map<String, Long> copied) {
        Map<String, Long> ordered = new LinkedHashMap<>();
        DISPLAY_ORDER.stream().filter(copied::containsKey).forEach(table -> ordered.put(table, copied.get(table)));
        ordered.putAll(copied);
        return ordered;
    }

    private static Optional<String> problem(StorageConfig source, StorageConfig target) {
        if (!source.url().startsWith(H2_PREFIX)) {
            return Optional.of("--from must be an H2 URL (jdbc:h2:file:./data/tern), not " + source.displayUrl());
        }
        if (!target.url().startsWith(POSTGRESQL_PREFIX)) {
            return Optional.of(
                    "--to must be a PostgreSQL URL (jdbc:postgresql://host:5432/tern), not " + target.displayUrl());
        }
        if (Database.isMissingH2File(source.url())) {
            return Optional.of("there is no H2 store at " + source.displayUrl()
                    + " (its .mv.db file is missing); --from takes the storage.url tern ran with");
        }
        return Optional.empty();
    }

    private static Database open(StorageConfig storage, String what) {
        try {
            return Database.open(storage.url(), storage.user(), storage.password());
        } catch (StoreException e) {
            String hint = e.getMessage().contains(LOCKED) ? " (stop tern, which holds it, first)" : "";
            throw new StoreException("cannot open " + what + ": " + e.getMessage() + hint, e);
        }
    }

    private static String env(String name) {
        String value = System.getenv(name);
        return value == null ? "" : value;
    }
}
