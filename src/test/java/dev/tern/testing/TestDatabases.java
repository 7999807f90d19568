package dev.tern.testing;

import dev.tern.store.Database;
import java.util.UUID;

/** Fresh databases for tests: one private in-memory H2 each, migrated. */
public final class TestDatabases {

    private TestDatabases() {}

    public static Database fresh() {
        return Database.open("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "", "");
    }
}
