package dev.tern.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tern.config.StorageConfig;
import dev.tern.testing.TestDatabases;
import dev.tern.testing.TestDatabases.Vendor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

@ParameterizedClass
@EnumSource(Vendor.class)
final class DatabaseTest {

    private final Vendor vendor;
    private final Database db;

    DatabaseTest(Vendor vendor) {
        this.vendor = vendor;
        db = TestDatabases.fresh(vendor);
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void migratesAnEmptyDatabaseToEveryTableWithEveryMigrationApplied() {
        StorageConfig empty = TestDatabases.storage(vendor);

        try (Database migrated = Database.open(empty.url(), empty.user(), empty.password())) {
            List<String> tables = migrated.read(c -> Jdbc.list(
                    c,
                    "listing tables",
                    "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'"
                            + " ORDER BY table_name",
                    row -> row.getString(1)));
            List<Boolean> applied = migrated.read(c -> Jdbc.list(
                    c, "listing migrations", "SELECT success FROM flyway_schema_history", row -> row.getBoolean(1)));

            assertThat(tables)
                    .contains(
                            "postings",
                            "source_state",
                            "deliveries",
                            "subscriptions",
                            "discord_users",
                            "broken_targets",
                            "admin_notices",
                            "flyway_schema_history");
            assertThat(applied).hasSizeGreaterThanOrEqualTo(3).containsOnly(true);
        }
    }

    @Test
    void commitsATransactionThatReturns() {
        db.transaction(c -> {
            new SourceStateStore().markSeeded(c, "s1");
            return null;
        });

        assertThat(db.read((Connection c) -> new SourceStateStore().get(c, "s1").seeded()))
                .isTrue();
    }

    @Test
    void rollsBackATransactionThatThrows() {
        assertThatThrownBy(() -> db.transaction(c -> {
                    new SourceStateStore().markSeeded(c, "s1");
                    throw new IllegalStateException("boom");
                }))
                .isInstanceOf(IllegalStateException.class);

        assertThat(db.read((Connection c) -> new SourceStateStore().get(c, "s1").seeded()))
                .isFalse();
    }

    @Test
    void rollsBackADryRunTransactionThatStillSeesItsOwnWrites() {
        boolean seenInside = db.transaction(
                c -> {
                    new SourceStateStore().markSeeded(c, "s1");
                    return new SourceStateStore().get(c, "s1").seeded();
                },
                true);

        assertThat(seenInside).isTrue();
        assertThat(db.read((Connection c) -> new SourceStateStore().all(c))).isEmpty();
    }

    @Test
    void namesTheOperationWhenSqlFails() {
        assertThatThrownBy(() -> db.read(c -> Jdbc.count(c, "counting ghosts", "SELECT COUNT(*) FROM ghosts")))
                .isInstanceOf(StoreException.class)
                .hasMessageStartingWith("counting ghosts failed: ");
    }

    @Test
    void aFailedStatementAboutAWebhookNeverShowsItsSecretPath() {
        String target = "slack:https://hooks.slack.com/services/T0001/B0002/s3cr3tT0ken";

        // the database quotes the value back in its error (an invalid number), as a driver may quote a key
        assertThatThrownBy(() -> db.read(c -> Jdbc.count(c, "reading " + target, "SELECT CAST(? AS INTEGER)", target)))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining("slack:https://hooks.slack.com/...")
                .satisfies(e -> {
                    for (Throwable t = e; t != null; t = t.getCause()) {
                        assertThat(t.getMessage()).doesNotContain("s3cr3tT0ken");
                    }
                });
    }

    @Test
    void noMigrationTakesTheRetiredVersionSevenAndNoVersionIsInBothLocations() throws Exception {
        List<String> common = versions("db/migration");
        List<String> postgresOnly = versions("db/postgresql");

        assertThat(common).doesNotContain("7").contains("1", "9");
        assertThat(postgresOnly).doesNotContain("7").contains("8");
        assertThat(common).doesNotContainAnyElementsOf(postgresOnly);
    }

    private static List<String> versions(String location) throws Exception {
        Path folder = Path.of(
                DatabaseTest.class.getClassLoader().getResource(location).toURI());
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(f -> f.getFileName().toString())
                    .map(name -> name.substring(1, name.indexOf("__")))
                    .sorted()
                    .toList();
        }
    }
}
