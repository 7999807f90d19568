package dev.tern.store;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * The {@code outbox_messages} table: the messages the outbox sends, each a group of deliveries to one target that is
 * formed once and then only re-sent as formed, and, once sent, edited when a posting it carries closes or reopens.
 * A message's outcome is written to the deliveries it carries in the same statement batch, so the two never
 * disagree.
 */
public final class OutboxMessageStore {

    private static final String SELECT = "SELECT id, target, nonce, layout, status, attempts, next_attempt_at,"
            + " first_tried_at, last_error, created_at, channel_id, message_id, edits_requested, edits_done,"
            + " edit_attempts FROM outbox_messages ";

    /** Records a new message carrying the deliveries, in that order; returns its id. */
    public long form(
            Connection c, String target, String nonce, MessageLayout layout, List<Long> deliveryIds, Instant now) {
        String sql = "INSERT INTO outbox_messages (target, nonce, layout, status, attempts, next_attempt_at,"
                + " created_at) VALUES (?, ?, ?, ?, 0, ?, ?)";
        long id = Jdbc.insert(
                c, "forming a message to " + target, sql, target, nonce, layout, DeliveryStatus.PENDING, now, now);
        List<Object[]> rows = new ArrayList<>(deliveryIds.size());
        for (int i = 0; i < deliveryIds.size(); i++) {
            rows.add(new Object[] {id, i, deliveryIds.get(i)});
        }
        Jdbc.batch(
                c,
                "putting deliveries in message " + id,
                "UPDATE deliveries SET outbox_message_id = ?, message_position = ? WHERE id = ?",
                rows);
        return id;
    }

    /** Unsent messages due by now, oldest first, leaving out the excluded targets. */
    public List<OutboxMessage> due(Connection c, Instant now, int limit, Collection<String> excludedTargets) {
        return dueWhere(
                c,
                "reading due messages",
                "status = ? AND next_attempt_at <= ?",
                DeliveryStatus.PENDING,
                now,
                limit,
                excludedTargets);
    }

    /** Notes, before the message is first handed to its target, that the target may have it from now on. */
    public void markTried(Connection c, long id, Instant now) {
        String sql = "UPDATE outbox_messages SET first_tried_at = COALESCE(first_tried_at, ?) WHERE id = ?";
        Jdbc.update(c, "noting the first try of message " + id, sql, now, id);
    }

    /**
     * The target took the message: records where it is and marks its deliveries sent.
     *
     * @param editsShown the edit requests the sent content already reflects
     */
    public void markSent(Connection c, long id, String channelId, String messageId, int editsShown, Instant now) {
        String sql = "UPDATE outbox_messages SET status = ?, sent_at = ?, last_error = NULL, channel_id = ?,"
                + " message_id = ?, edits_done = ? WHERE id = ?";
        Jdbc.update(
                c,
                "marking message " + id + " sent",
                sql,
                DeliveryStatus.SENT,
                now,
                channelId,
                messageId,
                editsShown,
                id);
        String deliveries = "UPDATE deliveries SET status = ?, attempts = attempts + 1, sent_at = ?,"
                + " last_error = NULL, external_message_id = ? WHERE outbox_message_id = ?";
        Jdbc.update(
                c,
                "marking the alerts of message " + id + " sent",
                deliveries,
                DeliveryStatus.SENT,
                now,
                messageId,
                id);
    }

    /** Keeps the message (and its deliveries) pending for another attempt at {@code nextAttemptAt}. */
    public void markRetry(Connection c, long id, int attempts, Instant nextAttemptAt, String error) {
        String sql = "UPDATE outbox_messages SET attempts = ?, next_attempt_at = ?, last_error = ? WHERE id = ?";
        Jdbc.update(c, "scheduling retry of message " + id, sql, attempts, nextAttemptAt, error, id);
        String deliveries =
                "UPDATE deliveries SET attempts = ?, next_attempt_at = ?, last_error = ? WHERE outbox_message_id = ?";
        Jdbc.update(
                c, "scheduling retry of the alerts of message " + id, deliveries, attempts, nextAttemptAt, error, id);
    }

    /** Gives up on the message and its deliveries after a permanent failure. */
    public void markFailed(Connection c, long id, String error) {
        String sql = "UPDATE outbox_messages SET status = ?, attempts = attempts + 1, last_error = ? WHERE id = ?";
        Jdbc.update(c, "marking message " + id + " failed", sql, DeliveryStatus.FAILED, error, id);
        String deliveries = "UPDATE deliveries SET status = ?, attempts = attempts + 1, last_error = ?"
                + " WHERE outbox_message_id = ?";
        Jdbc.update(c, "marking the alerts of message " + id + " failed", deliveries, DeliveryStatus.FAILED, error, id);
    }

    /**
     * A posting closed or reopened: every message that alerted it is to be edited to show it as it now is. Run in
     * the poll's transaction, so the edit cannot be lost; a message not yet sent shows the new state when it goes.
     *
     * @return how many messages are to be edited
     */
    public int queueEdits(Connection c, String postingKey, Instant now) {
        String sql = "UPDATE outbox_messages SET edits_requested = edits_requested + 1, edit_attempts = 0,"
                + " edit_next_at = ? WHERE id IN (SELECT outbox_message_id FROM deliveries WHERE posting_key = ?"
                + " AND outbox_message_id IS NOT NULL)";
        return Jdbc.update(c, "queueing edits for " + postingKey, sql, now, postingKey);
    }

    /** Sent messages with an edit due by now, oldest first, leaving out the excluded targets. */
    public List<OutboxMessage> dueEdits(Connection c, Instant now, int limit, Collection<String> excludedTargets) {
        String where = "status = ? AND editable AND message_id IS NOT NULL AND edits_requested > edits_done"
                + " AND (edit_next_at IS NULL OR edit_next_at <= ?)";
        return dueWhere(c, "reading due edits", where, DeliveryStatus.SENT, now, limit, excludedTargets);
    }

    /** The message now shows the postings as they were when {@code editsShown} requests had been made. */
    public void markEdited(Connection c, long id, int editsShown) {
        String sql = "UPDATE outbox_messages SET edits_done = GREATEST(edits_done, ?), edit_attempts = 0,"
                + " edit_error = NULL WHERE id = ?";
        Jdbc.update(c, "marking message " + id + " edited", sql, editsShown, id);
    }

    /** Tries the edit again at {@code nextAttemptAt}. */
    public void markEditRetry(Connection c, long id, int attempts, Instant nextAttemptAt, String error) {
        String sql = "UPDATE outbox_messages SET edit_attempts = ?, edit_next_at = ?, edit_error = ? WHERE id = ?";
        Jdbc.update(c, "scheduling another edit of message " + id, sql, attempts, nextAttemptAt, error, id);
    }

    /** The message can never be edited again (deleted, its channel gone): no edit is tried any more. */
    public void markUneditable(Connection c, long id, String reason) {
        String sql = "UPDATE outbox_messages SET editable = FALSE, edits_done = edits_requested, edit_error = ?"
                + " WHERE id = ?";
        Jdbc.update(c, "ending the edits of message " + id, sql, reason, id);
    }

    public Optional<OutboxMessage> find(Connection c, long id) {
        return Jdbc.first(c, "reading message " + id, SELECT + "WHERE id = ?", OutboxMessageStore::read, id);
    }

    /** Every message that carries an alert of the posting, oldest first. */
    public List<OutboxMessage> forPosting(Connection c, String postingKey) {
        String sql =
                SELECT + "WHERE id IN (SELECT outbox_message_id FROM deliveries WHERE posting_key = ?) ORDER BY id";
        return Jdbc.list(c, "reading the messages of " + postingKey, sql, OutboxMessageStore::read, postingKey);
    }

    /** Messages matching {@code where} (with a status and a time parameter), oldest first. */
    private static List<OutboxMessage> dueWhere(
            Connection c,
            String operation,
            String where,
            DeliveryStatus status,
            Instant now,
            int limit,
            Collection<String> excludedTargets) {
        List<Object> parameters = new ArrayList<>();
        parameters.add(status);
        parameters.add(now);
        parameters.addAll(excludedTargets);
        parameters.add(limit);
        String sql = SELECT + "WHERE " + where + Jdbc.andNotIn("target", excludedTargets) + " ORDER BY id LIMIT ?";
        return Jdbc.list(c, operation, sql, OutboxMessageStore::read, parameters.toArray());
    }

    private static OutboxMessage read(ResultSet row) throws SQLException {
        return new OutboxMessage(
                row.getLong("id"),
                row.getString("target"),
                row.getString("nonce"),
                MessageLayout.valueOf(row.getString("layout")),
                DeliveryStatus.valueOf(row.getString("status")),
                row.getInt("attempts"),
                Jdbc.instant(row, "next_attempt_at"),
                Jdbc.instant(row, "first_tried_at"),
                row.getString("last_error"),
                Jdbc.instant(row, "created_at"),
                row.getString("channel_id"),
                row.getString("message_id"),
                row.getInt("edits_requested"),
                row.getInt("edits_done"),
                row.getInt("edit_attempts"));
    }
}
