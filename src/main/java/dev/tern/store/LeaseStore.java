package dev.tern.store;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;

/**
 * The {@code leases} table. A claim is an insert that only one process can win (the primary key decides, on H2 and
 * PostgreSQL alike); a lease that ended without its holder (expired, holder gone) is deleted by its token first, so
 * that a late delete can never remove a lease somebody took since.
 */
public final class LeaseStore {

    /** Writes {@code lease} unless the name is taken; returns whether this call took it. */
    public boolean insert(Connection c, Lease lease) {
        return Jdbc.update(
                        c,
                        "claiming lease " + lease.name(),
                        "INSERT INTO leases (lease_name, token, holder_pid, holder_host, acquired_at, expires_at)"
                                + " VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING",
                        lease.name(),
                        lease.token(),
                        lease.pid(),
                        lease.host(),
                        lease.acquiredAt(),
                        lease.expiresAt())
                > 0;
    }

    /** The lease of that name, whether or not it expired; empty when nobody holds it. */
    public Optional<Lease> find(Connection c, String name) {
        return Jdbc.first(
                c,
                "reading lease " + name,
                "SELECT lease_name, token, holder_pid, holder_host, acquired_at, expires_at FROM leases"
                        + " WHERE lease_name = ?",
                LeaseStore::read,
                name);
    }

    /** Moves the end of a lease still held under {@code token}; false when it was lost (expired and taken). */
    public boolean renew(Connection c, String name, String token, Instant expiresAt) {
        return Jdbc.update(
                        c,
                        "renewing lease " + name,
                        "UPDATE leases SET expires_at = ? WHERE lease_name = ? AND token = ?",
                        expiresAt,
                        name,
                        token)
                > 0;
    }

    /** Ends the lease if it is still the one written under {@code token}. */
    public void delete(Connection c, String name, String token) {
        Jdbc.update(c, "releasing lease " + name, "DELETE FROM leases WHERE lease_name = ? AND token = ?", name, token);
    }

    private static Lease read(ResultSet row) throws SQLException {
        return new Lease(
                row.getString("lease_name"),
                row.getString("token"),
                row.getLong("holder_pid"),
                row.getString("holder_host"),
                Jdbc.instant(row, "acquired_at"),
                Jdbc.instant(row, "expires_at"));
    }
}
