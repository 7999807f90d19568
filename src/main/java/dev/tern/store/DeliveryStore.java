package dev.tern.store;

import dev.tern.config.Target;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The {@code deliveries} table, Tern's outbox. Its unique (fingerprint, target) key is what guarantees one alert
 * per job and target, whatever re-polls, restarts or sources repeat it.
 */
public final class DeliveryStore {

    private static final String SELECT = "SELECT id, fingerprint, target, posting_key, route_id, subscription_id,"
            + " status, attempts, next_attempt_at, last_error, created_at, sent_at, external_message_id"
            + " FROM deliveries ";
    private static final String PENDING = "SELECT d.id, d.target, d.route_id, d.subscription_id, d.attempts,"
            + " p.closed_at, " + PostingRows.COLUMNS
            + " FROM deliveries d JOIN postings p ON p.posting_key = d.posting_key";
    /** Due and in no message yet, for a target with no unsent message (then the excluded targets are left out). */
    private static final String DUE = "d.status = ? AND d.outbox_message_id IS NULL AND d.next_attempt_at <= ?"
            + " AND NOT EXISTS (SELECT 1 FROM outbox_messages m WHERE m.target = d.target AND m.status = ?)";

    private static final String DUE_ORDER = " ORDER BY d.next_attempt_at, d.id";

    /**
     * Queues an alert unless one for the same fingerprint and target exists; returns whether it was new.
     * {@code ON CONFLICT DO NOTHING} without a conflict target is the form both PostgreSQL and H2 (in PostgreSQL
     * mode) accept.
     */
    public boolean enqueue(
            Connection c,
            String fingerprint,
            String target,
            String postingKey,
            String routeId,
            String subscriptionId,
            Instant now) {
        String sql = "INSERT INTO deliveries (fingerprint, target, posting_key, route_id, subscription_id, status,"
                + " attempts, next_attempt_at, created_at) VALUES (?, ?, ?, ?, ?, ?, 0, ?, ?) ON CONFLICT DO NOTHING";
        return Jdbc.update(
                        c,
                        "queueing alert for " + postingKey + " to " + Target.displayOf(target),
                        sql,
                        fingerprint,
                        target,
                        postingKey,
                        routeId,
                        subscriptionId,
                        DeliveryStatus.PENDING,
                        now,
                        now)
                > 0;
    }

    /** Pending rows not yet in a message, due by now, oldest first, each with its posting. */
    public List<PendingDelivery> due(Connection c, Instant now, int limit) {
        return due(c, now, limit, Set.of());
    }

    /**
     * Pending rows that are in no message yet, for targets that have no unsent message (a formed message is
     * re-sent before anything new is grouped for its target) and are not excluded (targets nothing can deliver to
     * yet), oldest first, each with its posting. A read: nothing is locked.
     */
    public List<PendingDelivery> due(Connection c, Instant now, int limit, Collection<String> excludedTargets) {
        String sql = PENDING + " WHERE " + DUE + Jdbc.andNotIn("d.target", excludedTargets) + DUE_ORDER + " LIMIT ?";
        return Jdbc.list(
                c,
                "reading due deliveries",
                sql,
                DeliveryStore::readPending,
                dueParameters(now, limit, excludedTargets));
    }

    /**
     * As {@link #due(Connection, Instant, int, Collection)}, locking the rows until the transaction ends and
     * skipping those another transaction has locked ({@code FOR UPDATE SKIP LOCKED}), so that two processes
     * forming messages at once never put one alert in two messages.
     */
    public List<PendingDelivery> lockDue(Connection c, Instant now, int limit, Collection<String> excludedTargets) {
        String lock = "SELECT d.id FROM deliveries d WHERE " + DUE + Jdbc.andNotIn("d.target", excludedTargets)
                + DUE_ORDER + " LIMIT ? FOR UPDATE SKIP LOCKED";
        List<Long> ids = Jdbc.list(
                c,
                "locking due deliveries",
                lock,
                row -> row.getLong("id"),
                dueParameters(now, limit, excludedTargets));
        if (ids.isEmpty()) {
            return List.of();
        }
        String sql = PENDING + " WHERE d.id IN (" + Jdbc.placeholders(ids.size()) + ")" + DUE_ORDER;
        return Jdbc.list(c, "reading due deliveries", sql, DeliveryStore::readPending, ids.toArray());
    }

    private static Object[] dueParameters(Instant now, int limit, Collection<String> excludedTargets) {
        List<Object> parameters = new ArrayList<>();
        parameters.add(DeliveryStatus.PENDING);
        parameters.add(now);
        parameters.add(DeliveryStatus.PENDING);
        parameters.addAll(excludedTargets);
        parameters.add(limit);
        return parameters.toArray();
    }

    /** The deliveries a message carries, in their order in it, each with its posting as stored now. */
    public List<PendingDelivery> inMessage(Connection c, long messageId) {
        String sql = PENDING + " WHERE d.outbox_message_id = ? ORDER BY d.message_position";
        return Jdbc.list(c, "reading the alerts of message " + messageId, sql, DeliveryStore::readPending, messageId);
    }

    public int count(Connection c, DeliveryStatus status) {
        String sql = "SELECT COUNT(*) FROM deliveries WHERE status = ?";
        return Jdbc.count(c, "counting " + status + " deliveries", sql, status);
    }

    /** When the oldest alert still waiting in the outbox was queued; empty when nothing waits. */
    public Optional<Instant> oldestPending(Connection c) {
        String sql = "SELECT created_at FROM deliveries WHERE status = ? ORDER BY created_at LIMIT 1";
        return Jdbc.first(
                c,
                "reading the oldest pending delivery",
                sql,
                row -> Jdbc.instant(row, "created_at"),
                DeliveryStatus.PENDING);
    }

    public Optional<Delivery> find(Connection c, long id) {
        return Jdbc.first(c, "reading delivery " + id, SELECT + "WHERE id = ?", DeliveryStore::read, id);
    }

    /** Every row queued for a posting, oldest first. */
    public List<Delivery> forPosting(Connection c, String postingKey) {
        String sql = SELECT + "WHERE posting_key = ? ORDER BY id";
        return Jdbc.list(c, "reading deliveries of " + postingKey, sql, DeliveryStore::read, postingKey);
    }

    private static PendingDelivery readPending(ResultSet row) throws SQLException {
        return new PendingDelivery(
                row.getLong("id"),
                row.getString("target"),
                row.getString("route_id"),
                row.getString("subscription_id"),
                PostingRows.read(row),
                row.getInt("attempts"),
                Jdbc.instant(row, "closed_at"));
    }

    private static Delivery read(ResultSet row) throws SQLException {
        return new Delivery(
                row.getLong("id"),
                row.getString("fingerprint"),
                row.getString("target"),
                row.getString("posting_key"),
                row.getString("route_id"),
                row.getString("subscription_id"),
                DeliveryStatus.valueOf(row.getString("status")),
                row.getInt("attempts"),
                Jdbc.instant(row, "next_attempt_at"),
                row.getString("last_error"),
                Jdbc.instant(row, "created_at"),
                Jdbc.instant(row, "sent_at"),
                row.getString("external_message_id"));
    }
}
