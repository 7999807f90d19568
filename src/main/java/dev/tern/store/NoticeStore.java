package dev.tern.store;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;

/**
 * The {@code admin_notices} table: notices written in the transaction of the change they describe, so a crash
 * between the change and the telling loses neither, and drained once.
 */
public final class NoticeStore {

    private static final String SELECT =
            "SELECT id, kind, source_id, subject, message, created_at, attempts FROM admin_notices ";

    public void add(Connection c, AdminNotice.Kind kind, String sourceId, String subject, String message, Instant now) {
        String sql = "INSERT INTO admin_notices (kind, source_id, subject, message, created_at, next_attempt_at)"
                + " VALUES (?, ?, ?, ?, ?, ?)";
        Jdbc.update(c, "queueing a " + kind + " notice", sql, kind, sourceId, subject, message, now, now);
    }

    /** Notices not yet told whose next attempt is due, oldest first. */
    public List<AdminNotice> due(Connection c, Instant now, int limit) {
        String sql = SELECT + "WHERE sent_at IS NULL AND next_attempt_at <= ? ORDER BY id LIMIT ?";
        return Jdbc.list(c, "reading due admin notices", sql, NoticeStore::read, now, limit);
    }

    public void markSent(Connection c, long id, Instant now) {
        Jdbc.update(c, "marking notice " + id + " told", "UPDATE admin_notices SET sent_at = ? WHERE id = ?", now, id);
    }

    public void markRetry(Connection c, long id, int attempts, Instant nextAttemptAt) {
        String sql = "UPDATE admin_notices SET attempts = ?, next_attempt_at = ? WHERE id = ?";
        Jdbc.update(c, "scheduling notice " + id + " again", sql, attempts, nextAttemptAt, id);
    }

    private static AdminNotice read(ResultSet row) throws SQLException {
        return new AdminNotice(
                row.getLong("id"),
                AdminNotice.Kind.valueOf(row.getString("kind")),
                row.getString("source_id"),
                row.getString("subject"),
                row.getString("message"),
                Jdbc.instant(row, "created_at"),
                row.getInt("attempts"));
    }
}
