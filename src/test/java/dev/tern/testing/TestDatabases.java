package dev.tern.testing;

import dev.tern.config.StorageConfig;
import dev.tern.store.Database;
import java.util.UUID;

/**
 * Fresh databases for tests, migrated: a private in-memory H2 each, or a new database on the JVM's test
 * PostgreSQL ({@link TestPostgres}). Store tests run once per {@link Vendor}.
 */
public final class TestDatabases {

    /** The databases Tern runs on. */
    public enum Vendor {
        H2,
        POSTGRESQL
    }

    private TestDatabases() {}

    /** A fresh in-memory H2, migrated. */
    public static Database fresh() {
        return fresh(Vendor.H2);
    }

    /**
     * A fresh database of the vendor, migrated. On PostgreSQL it is a copy of one database that Tern migrated at
     * the JVM's first use, which is quicker than running every migration again for each test.
     */
    public static Database fresh(Vendor vendor) {
        if (vendor == Vendor.POSTGRESQL) {
            String url = TestPostgres.server().newDatabase(MigratedPostgres.TEMPLATE);
            return Database.open(url, TestPostgres.USER, TestPostgres.PASSWORD);
        }
        StorageConfig storage = storage(vendor);
        return Database.open(storage.url(), storage.user(), storage.password());
    }

    private static final class MigratedPostgres {
        private static final String TEMPLATE = migrated();

        private static String migrated() {
            StorageConfig storage = storage(Vendor.POSTGRESQL);
            Database.open(storage.url(), storage.user(), storage.password()).close();
            return TestPostgres.name(storage.url());
        }
    }

    /**
     * Where a fresh, empty database of the vendor is, as the {@code storage} section would say (nothing migrated
     * yet), with the user and password Tern would be given.
     */
    public static StorageConfig storage(Vendor vendor) {
        return switch (vendor) {
            case H2 -> new StorageConfig("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "", "");
            case POSTGRESQL ->
                new StorageConfig(TestPostgres.server().newDatabase(), TestPostgres.USER, TestPostgres.PASSWORD);
        };
    }
}
