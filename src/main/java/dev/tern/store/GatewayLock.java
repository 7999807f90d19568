package dev.tern.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Which of the Tern instances sharing one PostgreSQL leads (holds the Discord gateway session): the one holding a
 * session-level advisory lock on a connection of its own, outside the pool. PostgreSQL ends the lock when that
 * session ends, so a leader that dies (SIGKILL, power, lost network) frees it for another instance without any
 * expiry to wait for. The session asks the server to probe its socket after {@link #KEEPALIVE_IDLE_SECONDS} idle
 * seconds, so that a leader whose host lost power or network (no FIN ever sent) frees the lock within about a minute,
 * rather than after the operating system's default of two hours.
 */
public final class GatewayLock implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(GatewayLock.class);

    /** The advisory lock's key: "tern-gw" in ASCII, so that no other application's lock is mistaken for it. */
    static final long KEY = 0x7465726e2d6777L;

    private static final int VALID_SECONDS = 5;

    /** Server-side TCP keepalive of the lock's session: idle seconds, then probes every interval, count times. */
    static final int KEEPALIVE_IDLE_SECONDS = 30;

    private static final int KEEPALIVE_INTERVAL_SECONDS = 10;
    private static final int KEEPALIVE_COUNT = 3;

    private final Database database;
    private Connection session;

    public GatewayLock(Database database) {
        this.database = database;
    }

    /** Takes the lock if nobody holds it; true when this instance holds it now (also when it already did). */
    public synchronized boolean tryTake() {
        if (session != null) {
            return true;
        }
        Connection c = null;
        try {
            c = database.dedicatedConnection();
            keepAlive(c);
            boolean taken = Jdbc.first(
                            c, "asking who leads", "SELECT pg_try_advisory_lock(?)", row -> row.getBoolean(1), KEY)
                    .orElse(false);
            if (taken) {
                session = c;
                return true;
            }
            c.close();
            return false;
        } catch (SQLException | StoreException e) {
            log.warn("Could not ask the database who leads: {}", e.getMessage());
            closeQuietly(c);
            return false;
        }
    }

    /** Asks the server to notice a vanished client within about a minute (settings of this session only). */
    private static void keepAlive(Connection c) {
        Jdbc.update(c, "setting the leader session's keepalive", "SET tcp_keepalives_idle = " + KEEPALIVE_IDLE_SECONDS);
        Jdbc.update(
                c,
                "setting the leader session's keepalive",
                "SET tcp_keepalives_interval = " + KEEPALIVE_INTERVAL_SECONDS);
        Jdbc.update(c, "setting the leader session's keepalive", "SET tcp_keepalives_count = " + KEEPALIVE_COUNT);
    }

    /** A setting of the lock's session as the server reports it ({@code SHOW}), or empty while it holds no lock. */
    synchronized Optional<String> sessionSetting(String name) {
        if (session == null) {
            return Optional.empty();
        }
        return Jdbc.first(session, "reading " + name, "SHOW " + name, row -> row.getString(1));
    }

    /**
     * Whether the lock is still held: its session answers. When it does not, the lock is given up (another instance
     * may hold it by now) and false is returned.
     */
    public synchronized boolean held() {
        if (session == null) {
            return false;
        }
        try {
            if (session.isValid(VALID_SECONDS)) {
                return true;
            }
        } catch (SQLException e) {
            log.warn("The session holding the leader lock failed: {}", e.getMessage());
        }
        closeQuietly(session);
        session = null;
        return false;
    }

    /** Gives the lock up: its session closes. */
    @Override
    public synchronized void close() {
        closeQuietly(session);
        session = null;
    }

    private static void closeQuietly(Connection c) {
        if (c == null) {
            return;
        }
        try {
            c.close();
        } catch (SQLException e) {
            log.debug("Closing the leader lock's session: {}", e.getMessage());
        }
    }
}
