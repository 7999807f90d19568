package dev.tern.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tern.testing.TestDatabases;
import dev.tern.testing.TestPostgres;
import java.sql.Connection;
import java.sql.ResultSet;
import org.junit.jupiter.api.Test;

/**
 * The gateway leader's advisory lock on a real PostgreSQL: one holder among the instances of one database, freed
 * when the holder's session ends (as when its process dies), and Quartz's tables created on PostgreSQL only.
 */
final class GatewayLockTest {

    @Test
    void oneInstanceHoldsTheLockUntilItsSessionEndsThenAnotherTakesIt() throws Exception {
        String url = TestPostgres.server().newDatabase();
        try (Database first = Database.open(url, TestPostgres.USER, TestPostgres.PASSWORD);
                Database second = Database.open(url, TestPostgres.USER, TestPostgres.PASSWORD);
                GatewayLock leader = new GatewayLock(first);
                GatewayLock other = new GatewayLock(second)) {
            assertThat(leader.tryTake()).isTrue();
            assertThat(leader.sessionSetting("tcp_keepalives_idle"))
                    .as("a leader whose host vanishes is noticed by the server within a minute, not two hours")
                    .contains(String.valueOf(GatewayLock.KEEPALIVE_IDLE_SECONDS));
            assertThat(other.tryTake()).as("held by the first instance").isFalse();
            assertThat(leader.held()).isTrue();
            assertThat(other.held()).isFalse();

            // the leader's session dies (a killed process): the server ends it, the lock is free
            TestPostgres.server()
                    .superuserSql("SELECT pg_terminate_backend(pid) FROM pg_locks"
                            + " WHERE locktype = 'advisory' AND objid = " + (GatewayLock.KEY & 0xFFFFFFFFL)
                            + " AND database = (SELECT oid FROM pg_database WHERE datname = '"
                            + TestPostgres.name(url) + "')");

            assertThat(leader.held())
                    .as("the leader notices its session is gone")
                    .isFalse();
            assertThat(other.tryTake()).as("another instance takes over").isTrue();
            assertThat(leader.tryTake()).isFalse();
        }
    }

    @Test
    void quartzTablesExistOnPostgresqlOnlyAndOnlyPostgresqlIsShared() throws Exception {
        try (Database postgres = TestDatabases.fresh(TestDatabases.Vendor.POSTGRESQL);
                Database h2 = TestDatabases.fresh(TestDatabases.Vendor.H2)) {
            assertThat(postgres.shared()).isTrue();
            assertThat(h2.shared()).isFalse();
            assertThat(hasTable(postgres, "qrtz_triggers")).isTrue();
            assertThat(hasTable(h2, "qrtz_triggers")).isFalse();
        }
    }

    private static boolean hasTable(Database db, String table) throws Exception {
        try (Connection c = db.connection();
                ResultSet rows = c.getMetaData().getTables(null, null, table, null)) {
            return rows.next();
        }
    }
}
