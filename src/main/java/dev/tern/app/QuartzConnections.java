package dev.tern.app;

import dev.tern.store.Database;
import java.sql.Connection;
import java.sql.SQLException;
import org.quartz.utils.ConnectionProvider;

/**
 * Gives Quartz's JDBC job store connections from Tern's own pool, so that the schedule lives in Tern's database
 * with Tern's credentials and no second pool. Tern closes the database itself: Quartz's shutdown leaves it open.
 */
final class QuartzConnections implements ConnectionProvider {

    private final Database database;

    QuartzConnections(Database database) {
        this.database = database;
    }

    @Override
    public Connection getConnection() throws SQLException {
        return database.connection();
    }

    @Override
    public void shutdown() {
        // the pool is Tern's: closed with the database
    }

    @Override
    public void initialize() {
        // nothing to set up: the pool is open before the scheduler is built
    }
}
