package dev.tern.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import org.flywaydb.core.Flyway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Owns Tern's connection pool and brings the schema up to date with Flyway when opened. Every store method takes
 * the {@link Connection} of a transaction run here, so that one poll's changes commit or roll back together.
 */
public final class Database implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Database.class);
    private static final int POOL_SIZE = 4;
    private static final String MIGRATIONS = "classpath:db/migration";
    private static final String H2_FILE_SUFFIX = ".mv.db";
    private static final String NOT_OWNER = "permission denied for schema public";

    private final HikariDataSource dataSource;

    private Database(HikariDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * Opens the database and migrates it. An H2 URL that names no {@code MODE} gets
     * {@code ;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH}, so that H2 reads the same SQL as
     * PostgreSQL; the folder of an H2 file database is created when missing.
     */
    public static Database open(String jdbcUrl, String user, String password) {
        String url = H2Urls.withDefaults(jdbcUrl);
        H2Urls.createParentFolder(url);
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        // an empty user leaves the URL's own (PostgreSQL's ?user=...&password=...) in force
        if (user != null && !user.isEmpty()) {
            config.setUsername(user);
            config.setPassword(password == null ? "" : password);
        }
        config.setMaximumPoolSize(POOL_SIZE);
        config.setPoolName("tern-db");
        HikariDataSource dataSource;
        try {
            dataSource = new HikariDataSource(config);
        } catch (RuntimeException e) {
            throw new StoreException(
                    "opening database " + H2Urls.withoutSecrets(url) + " failed: " + e.getMessage(), e);
        }
        try {
            var result = Flyway.configure()
                    .dataSource(dataSource)
                    .locations(MIGRATIONS)
                    .load()
                    .migrate();
            LOG.info(
                    "Database {} ready ({} migrations applied)", H2Urls.withoutSecrets(url), result.migrationsExecuted);
        } catch (RuntimeException e) {
            dataSource.close();
            throw new StoreException(
                    "migrating database " + H2Urls.withoutSecrets(url) + " failed: " + e.getMessage()
                            + ownerHint(e.getMessage(), user),
                    e);
        }
        return new Database(dataSource);
    }

    /** What to do when PostgreSQL 15 or later refuses a user who does not own the database to create tables. */
    private static String ownerHint(String message, String user) {
        if (message == null || !message.contains(NOT_OWNER)) {
            return "";
        }
        String owner = user == null || user.isEmpty() ? "<tern's user>" : user;
        return "\n(PostgreSQL 15 and later let only the database's owner create tables in schema public: create the"
                + " database with CREATE DATABASE <name> OWNER " + owner + ", or run ALTER DATABASE <name> OWNER TO "
                + owner + ")";
    }

    /** Whether the URL names an H2 file database that does not exist yet (opening it would create it, empty). */
    public static boolean isMissingH2File(String jdbcUrl) {
        Path file = H2Urls.filePath(jdbcUrl);
        return file != null && !Files.exists(Path.of(file + H2_FILE_SUFFIX));
    }

    /** Runs work in one transaction that commits when it returns and rolls back when it throws. */
    public <T> T transaction(SqlFunction<Connection, T> work) {
        return transaction(work, false);
    }

    /**
     * Runs work in one transaction; with {@code rollback} it is always rolled back, so the work sees its own
     * changes but leaves nothing behind ({@code tern poll --dry-run}).
     */
    public <T> T transaction(SqlFunction<Connection, T> work, boolean rollback) {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                T result = work.apply(connection);
                if (rollback) {
                    connection.rollback();
                } else {
                    connection.commit();
                }
                return result;
            } catch (SQLException | RuntimeException e) {
                rollbackQuietly(connection, e);
                throw e;
            }
        } catch (SQLException e) {
            throw new StoreException("database transaction failed: " + e.getMessage(), e);
        }
    }

    /** Runs read-only work on a connection in auto-commit mode. */
    public <T> T read(SqlFunction<Connection, T> work) {
        try (Connection connection = dataSource.getConnection()) {
            connection.setReadOnly(true);
            try {
                return work.apply(connection);
            } finally {
                connection.setReadOnly(false);
            }
        } catch (SQLException e) {
            throw new StoreException("database read failed: " + e.getMessage(), e);
        }
    }

    /**
     * Whether the database answers: a pooled connection is valid within {@code seconds}. Waiting for a connection
     * while the database is unreachable may take the pool's own timeout; callers that need an answer sooner wait
     * on another thread.
     */
    public boolean answers(int seconds) {
        try {
            return read(c -> c.isValid(seconds));
        } catch (StoreException e) {
            return false;
        }
    }

    /** Closes the pool; an H2 file database is closed with its last connection. */
    @Override
    public void close() {
        dataSource.close();
    }

    private static void rollbackQuietly(Connection connection, Exception cause) {
        try {
            connection.rollback();
        } catch (SQLException e) {
            cause.addSuppressed(e);
        }
    }
}
