package dev.tern.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;
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
    /** A server database also serves Quartz's clustered job store, whose threads take connections of their own. */
    private static final int SERVER_POOL_SIZE = 12;

    private static final String MIGRATIONS = "classpath:db/migration";
    /** Migrations only a PostgreSQL store runs (Quartz's tables): numbered in the one sequence with the others. */
    private static final String POSTGRESQL_MIGRATIONS = "classpath:db/postgresql";

    private static final String POSTGRESQL_PREFIX = "jdbc:postgresql:";
    private static final String H2_FILE_SUFFIX = ".mv.db";
    private static final String NOT_OWNER = "permission denied for schema public";
    private static final String H2_BIND_ADDRESS = "h2.bindAddress";
    private static final String IN_USE = "already in use";

    static {
        // H2's automatic mixed mode serves a file database to other processes over TCP; loopback only, unless the
        // admin chose an address with -Dh2.bindAddress
        if (System.getProperty(H2_BIND_ADDRESS) == null) {
            System.setProperty(H2_BIND_ADDRESS, "127.0.0.1");
        }
    }

    private final HikariDataSource dataSource;
    private final String access;
    private final String servedBy;
    private final boolean postgres;

    private Database(HikariDataSource dataSource, String access, String servedBy, boolean postgres) {
        this.dataSource = dataSource;
        this.access = access;
        this.servedBy = servedBy;
        this.postgres = postgres;
    }

    /**
     * Opens the database and migrates it. An H2 URL that names no {@code MODE} gets
     * {@code ;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH}, so that H2 reads the same SQL as
     * PostgreSQL; the folder of an H2 file database is created when missing. With {@code ;AUTO_SERVER=TRUE} the
     * first Tern process to open a file database serves it to the others (on a loopback port H2 chooses), so that
     * {@code tern poll} runs beside {@code tern run}.
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
        boolean postgres = url.startsWith(POSTGRESQL_PREFIX);
        config.setMaximumPoolSize(postgres ? SERVER_POOL_SIZE : POOL_SIZE);
        config.setPoolName("tern-db");
        HikariDataSource dataSource;
        try {
            dataSource = new HikariDataSource(config);
        } catch (RuntimeException e) {
            throw new StoreException(
                    "opening database " + H2Urls.withoutSecrets(url) + " failed: " + e.getMessage() + inUseHint(url, e),
                    e);
        }
        try {
            var result = Flyway.configure()
                    .dataSource(dataSource)
                    .locations(postgres ? new String[] {MIGRATIONS, POSTGRESQL_MIGRATIONS} : new String[] {MIGRATIONS})
                    .load()
                    .migrate();
            String servedBy = H2Urls.filePath(url) == null ? null : server(dataSource);
            String access = access(url, servedBy);
            LOG.info(
                    "Database {} ready ({} migrations applied){}",
                    H2Urls.withoutSecrets(jdbcUrl),
                    result.migrationsExecuted,
                    access.isEmpty() ? "" : "; " + access);
            return new Database(dataSource, access, servedBy, postgres);
        } catch (RuntimeException e) {
            dataSource.close();
            throw new StoreException(
                    "migrating database " + H2Urls.withoutSecrets(url) + " failed: " + e.getMessage()
                            + ownerHint(e.getMessage(), user),
                    e);
        }
    }

    /**
     * How this process reaches the database, for commands to say: "served by a running Tern process at
     * 127.0.0.1:PORT" or "file opened by this process" for an H2 file; empty for a database server.
     */
    public String access() {
        return access;
    }

    /**
     * Whether this is a PostgreSQL store, which several Tern instances may share (Quartz's clustered job store, the
     * gateway leader's advisory lock); an H2 store serves one instance.
     */
    public boolean shared() {
        return postgres;
    }

    /**
     * A pooled connection for a component that runs its own transactions on Tern's database (Quartz's job store);
     * the caller closes it, which returns it to the pool.
     */
    public Connection connection() throws SQLException {
        return dataSource.getConnection();
    }

    /**
     * A new connection outside the pool, for a session-scoped hold that must last as long as the connection (a
     * PostgreSQL advisory lock): closing it, or this process dying, ends the hold.
     */
    Connection dedicatedConnection() throws SQLException {
        Connection c = DriverManager.getConnection(dataSource.getJdbcUrl(), credentials());
        c.setAutoCommit(true);
        return c;
    }

    private Properties credentials() {
        Properties props = new Properties();
        if (dataSource.getUsername() != null) {
            props.setProperty("user", dataSource.getUsername());
            props.setProperty("password", dataSource.getPassword() == null ? "" : dataSource.getPassword());
        }
        return props;
    }

    /** Whether another Tern process has the H2 file open and serves it to this one (a running {@code tern run}). */
    public boolean servedByAnotherProcess() {
        return servedBy != null;
    }

    /** The address of the process serving this session, or null when this process opened the file itself. */
    private static String server(HikariDataSource dataSource) {
        String sql = "SELECT server FROM information_schema.sessions WHERE session_id = SESSION_ID()";
        try (Connection c = dataSource.getConnection();
                var statement = c.createStatement();
                var row = statement.executeQuery(sql)) {
            String server = row.next() ? row.getString(1) : null;
            return server == null ? null : server.replaceFirst("^tcp://", "");
        } catch (SQLException e) {
            LOG.debug("Could not tell whether another process serves the database: {}", e.getMessage());
            return null;
        }
    }

    private static String access(String url, String servedBy) {
        if (servedBy != null) {
            return "served by a running Tern process at " + servedBy;
        }
        if (H2Urls.filePath(url) == null) {
            return "";
        }
        return H2Urls.lacksAutoServer(url)
                ? "file opened by this process; no other process can open it meanwhile (no ;AUTO_SERVER=TRUE)"
                : "file opened by this process; no other Tern process has it open";
    }

    private static String inUseHint(String url, RuntimeException e) {
        String message = String.valueOf(e.getMessage());
        if (!message.contains(IN_USE) || !H2Urls.lacksAutoServer(url)) {
            return "";
        }
        return ". Another process (a running 'tern run'?) has the file open: add ;AUTO_SERVER=TRUE to storage.url"
                + " (as the default does) and restart it, so that other tern commands can run beside it";
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
