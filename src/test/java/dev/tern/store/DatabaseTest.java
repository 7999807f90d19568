package dev.tern.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tern.testing.TestDatabases;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class DatabaseTest {

    private final Database db = TestDatabases.fresh();

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void migratesAFreshDatabaseToEveryTable() {
        List<String> tables = db.read(c -> Jdbc.list(
                c,
                "listing tables",
                "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY table_name",
                row -> row.getString(1)));

        assertThat(tables).contains("postings", "source_state", "deliveries", "flyway_schema_history");
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
    void createsTheFolderOfAFileDatabase(@TempDir Path dir) {
        Path folder = dir.resolve("nested/data");

        try (Database file = Database.open("jdbc:h2:file:" + folder.resolve("tern"), "", "")) {
            assertThat(file.read((Connection c) -> new PostingStore().countOpen(c, "any")))
                    .isZero();
        }

        assertThat(folder).isDirectory();
        assertThat(Files.exists(folder.resolve("tern.mv.db"))).isTrue();
    }

    @Test
    void failsWithTheUrlButNotItsSettingsWhenTheDatabaseCannotOpen() {
        assertThatThrownBy(() -> Database.open("jdbc:nosuchdb:x;password=secret", "", ""))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining("jdbc:nosuchdb:x")
                .hasMessageNotContaining("secret");
    }
}
