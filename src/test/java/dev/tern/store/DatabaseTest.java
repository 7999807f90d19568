package dev.tern.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tern.config.StorageConfig;
import dev.tern.testing.TestDatabases;
import dev.tern.testing.TestDatabases.Vendor;
import java.sql.Connection;
import java.util.List;
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
}
