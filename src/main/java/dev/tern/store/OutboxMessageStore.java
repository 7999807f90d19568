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
    /** A message no live claim holds but the claimer's own (parameters: now, claimer name, claimer pid). */
    private static final String FREE =
            "(m.claimed_until IS NULL OR m.claimed_until <= ? OR (m.claimed_by = ? AND m.claimed_pid = ?))";
    /** What an outcome writes: the message is no longer being worked on. */
    private static final String UNCLAIMED = "claimed_by = NULL, claimed_pid = NULL, claimed_until = NULL";

    /** Records a new message carrying the deliveries, in that order; returns its id. */
    public long form(
            Connection c, String target, String nonce, MessageLayout layout, List<Long> deliveryIds, Instant now) {
        String sql = "INSERT INTO outbox_messages (target, nonce, layout, status, attempts, next_attempt_at,"
                + " created_at) VALUES (?, ?, ?, ?, 0, ?, ?)";
        long id = Jdbc.insert(
                c,
                "forming a message to " + Target.displayOf(target),
                sql,
                target,
                nonce,
                layout,
                DeliveryStatus.PENDING,
                now,
                now);
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

    /** Unsent messages due by now, oldest first, leaving out the excluded targets (a read: nothing is claimed). */
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

    /**
     * Claims unsent messages due by now for {@code claimer} until {@code until}, whole targets at a time so that a
     * target's messages go out in order from one process: it locks the first due message of up to {@code limit}
     * targets that no live claim holds ({@code FOR UPDATE SKIP LOCKED}, so that two processes claiming at once take
     * different targets), then claims every due message of those targets. Messages this claimer holds already are
     * its own again. Run in a transaction of its own.
     *
     * @return the messages {@code claimer} now holds, oldest first
     */
    public List<OutboxMessage> claimDue(
            Connection c,
            ProcessIdentity claimer,
            Instant now,
            Instant until,
            int limit,
            Collection<String> excludedTargets) {
        // a target's first message: no older message of it is due or being sent by someone
        String heads = "SELECT m.id, m.target FROM outbox_messages m WHERE m.status = ? AND m.next_attempt_at <= ?"
                + " AND " + FREE + Jdbc.andNotIn("m.target", excludedTargets)
                + " AND NOT EXISTS (SELECT 1 FROM outbox_messages o WHERE o.target = m.target AND o.status = ?"
                + " AND o.id < m.id AND (o.next_attempt_at <= ? OR o.claimed_until > ?))"
                + " ORDER BY m.id LIMIT ? FOR UPDATE SKIP LOCKED";
        List<Object> parameters =
                new ArrayList<>(List.of(DeliveryStatus.PENDING, now, now, claimer.name(), claimer.pid()));
        parameters.addAll(excludedTargets);
        parameters.addAll(List.of(DeliveryStatus.PENDING, now, now, limit));
        List<String> targets =
                Jdbc.list(c, "claiming due messages", heads, row -> row.getString("target"), parameters.toArray());
        if (targets.isEmpty()) {
            return List.of();
        }
        String claim = "UPDATE outbox_messages m SET claimed_by = ?, claimed_pid = ?, claimed_until = ?"
                + " WHERE m.status = ? AND m.next_attempt_at <= ? AND " + FREE + " AND m.target IN ("
                + Jdbc.placeholders(targets.size()) + ")";
        List<Object> claimParameters = new ArrayList<>(List.of(
                claimer.name(), claimer.pid(), until, DeliveryStatus.PENDING, now, now, claimer.name(), claimer.pid()));
        claimParameters.addAll(targets);
        Jdbc.update(c, "claiming due messages", claim, claimParameters.toArray());
        return claimedBy(c, claimer, "status = ?", DeliveryStatus.PENDING, excludedTargets);
    }

    /**
     * Claims sent messages with an edit due by now for {@code claimer} until {@code until}, skipping those another
     * process is claiming at the same moment. Run in a transaction of its own.
     *
     * @return the messages with an edit due that {@code claimer} now holds, oldest first
     */
    public List<OutboxMessage> claimDueEdits(
            Connection c,
            ProcessIdentity claimer,
            Instant now,
            Instant until,
            int limit,
            Collection<String> excludedTargets) {
        String due = "m.status = ? AND m.editable AND m.message_id IS NOT NULL AND m.edits_requested > m.edits_done"
                + " AND (m.edit_next_at IS NULL OR m.edit_next_at <= ?)";
        String lock = "SELECT m.id FROM outbox_messages m WHERE " + due + " AND " + FREE
                + Jdbc.andNotIn("m.target", excludedTargets) + " ORDER BY m.id LIMIT ? FOR UPDATE SKIP LOCKED";
        List<Object> parameters =
                new ArrayList<>(List.of(DeliveryStatus.SENT, now, now, claimer.name(), claimer.pid()));
        parameters.addAll(excludedTargets);
        parameters.add(limit);
        List<Long> ids = Jdbc.list(c, "claiming due edits", lock, row -> row.getLong("id"), parameters.toArray());
        if (ids.isEmpty()) {
            return List.of();
        }
        String claim = "UPDATE outbox_messages SET claimed_by = ?, claimed_pid = ?, claimed_until = ? WHERE id IN ("
                + Jdbc.placeholders(ids.size()) + ")";
        List<Object> claimParameters = new ArrayList<>(List.of(claimer.name(), claimer.pid(), until));
        claimParameters.addAll(ids);
        Jdbc.update(c, "claiming due edits", claim, claimParameters.toArray());
        return claimedBy(
                c,
                claimer,
                "status = ? AND editable AND edits_requested > edits_done",
                DeliveryStatus.SENT,
                excludedTargets);
    }

    /**
     * Keeps the claim on message {@code id} until {@code until}, right before {@code claimer} hands it to its
     * target: false when it no longer holds it (its claim expired and another process took it), and then it must
     * not send it.
     */
    public boolean holdClaim(Connection c, long id, ProcessIdentity claimer, Instant until) {
        String sql = "UPDATE outbox_messages SET claimed_until = ? WHERE id = ? AND claimed_by = ? AND claimed_pid = ?";
        return Jdbc.update(c, "holding message " + id, sql, until, id, claimer.name(), claimer.pid()) == 1;
    }

    /** Keeps every claim {@code claimer} holds until {@code until} (it is still working on them). */
    public int renewClaims(Connection c, ProcessIdentity claimer, Instant until) {
        String sql = "UPDATE outbox_messages SET claimed_until = ? WHERE claimed_by = ? AND claimed_pid = ?";
        return Jdbc.update(
                c, "renewing the claims of " + claimer.describe(), sql, until, claimer.name(), claimer.pid());
    }

    /** Ends every claim {@code claimer} still holds (the messages it did not get to). */
    public int releaseClaims(Connection c, ProcessIdentity claimer) {
        String sql = "UPDATE outbox_messages SET claimed_by = NULL, claimed_pid = NULL, claimed_until = NULL"
                + " WHERE claimed_by = ? AND claimed_pid = ?";
        return Jdbc.update(c, "releasing the messages of " + claimer.describe(), sql, claimer.name(), claimer.pid());
    }

    /** The processes holding live claims at {@code now}. */
    public List<ProcessIdentity> claimers(Connection c, Instant now) {
        String sql = "SELECT DISTINCT claimed_by, claimed_pid FROM outbox_messages WHERE claimed_until > ?";
        return Jdbc.list(
                c,
                "reading who is sending messages",
                sql,
                row -> new ProcessIdentity(row.getString("claimed_by"), row.getLong("claimed_pid")),
                now);
    }

    /** The messages {@code claimer} holds that match {@code where} (with a status parameter), oldest first. */
    private static List<OutboxMessage> claimedBy(
            Connection c,
            ProcessIdentity claimer,
            String where,
            DeliveryStatus status,
            Collection<String> excludedTargets) {
        String sql = SELECT + "WHERE claimed_by = ? AND claimed_pid = ? AND " + where
                + Jdbc.andNotIn("target", excludedTargets) + " ORDER BY id";
        List<Object> parameters = new ArrayList<>(List.of(claimer.name(), claimer.pid(), status));
        parameters.addAll(excludedTargets);
        return Jdbc.list(c, "reading claimed messages", sql, OutboxMessageStore::read, parameters.toArray());
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
                + " message_id = ?, edits_done = ?, " + UNCLAIMED + " WHERE id = ?";
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

    /**
     * Keeps the message (and its deliveries) pending for another attempt at {@code nextAttemptAt}; false (nothing
     * written) when it is no longer pending: another process, whose claim followed an expired one, sent it.
     */
    public boolean markRetry(Connection c, long id, int attempts, Instant nextAttemptAt, String error) {
        String sql = "UPDATE outbox_messages SET attempts = ?, next_attempt_at = ?, last_error = ?, " + UNCLAIMED
                + " WHERE id = ? AND status = ?";
        if (Jdbc.update(
                        c,
                        "scheduling retry of message " + id,
                        sql,
                        attempts,
                        nextAttemptAt,
                        error,
                        id,
                        DeliveryStatus.PENDING)
                == 0) {
            return false;
        }
        String deliveries =
                "UPDATE deliveries SET attempts = ?, next_attempt_at = ?, last_error = ? WHERE outbox_message_id = ?";
        Jdbc.update(
                c, "scheduling retry of the alerts of message " + id, deliveries, attempts, nextAttemptAt, error, id);
        return true;
    }

    /**
     * Gives up on the message and its deliveries after a permanent failure; false (nothing written) when it is no
     * longer pending: another process sent it meanwhile, and a sent message is never marked failed.
     */
    public boolean markFailed(Connection c, long id, String error) {
        String sql = "UPDATE outbox_messages SET status = ?, attempts = attempts + 1, last_error = ?, " + UNCLAIMED
                + " WHERE id = ? AND status = ?";
        if (Jdbc.update(
                        c,
                        "marking message " + id + " failed",
                        sql,
                        DeliveryStatus.FAILED,
                        error,
                        id,
                        DeliveryStatus.PENDING)
                == 0) {
            return false;
        }
        String deliveries = "UPDATE deliveries SET status = ?, attempts = attempts + 1, last_error = ?"
                + " WHERE outbox_message_id = ?";
        Jdbc.update(c, "marking the alerts of message " + id + " failed", deliveries, DeliveryStatus.FAILED, error, id);
        return true;
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
                + " edit_error = NULL, " + UNCLAIMED + " WHERE id = ?";
        Jdbc.update(c, "marking message " + id + " edited", sql, editsShown, id);
    }

    /** Tries the edit again at {@code nextAttemptAt}. */
    public void markEditRetry(Connection c, long id, int attempts, Instant nextAttemptAt, String error) {
        String sql = "UPDATE outbox_messages SET edit_attempts = ?, edit_next_at = ?, edit_error = ?, " + UNCLAIMED
                + " WHERE id = ?";
        Jdbc.update(c, "scheduling another edit of message " + id, sql, attempts, nextAttemptAt, error, id);
    }

    /**
     * Gives up the edits requested so far, after too many failed tries; a later request (a posting it carries
     * closes or reopens again) is tried afresh.
     */
    public void abandonEdit(Connection c, long id, String reason) {
        String sql = "UPDATE outbox_messages SET edits_done = edits_requested, edit_attempts = 0, edit_error = ?, "
                + UNCLAIMED + " WHERE id = ?";
        Jdbc.update(c, "giving up the edit of message " + id, sql, reason, id);
    }

    /** The message can never be edited again (deleted, its channel gone): no edit is tried any more. */
    public void markUneditable(Connection c, long id, String reason) {
        String sql = "UPDATE outbox_messages SET editable = FALSE, edits_done = edits_requested, edit_error = ?, "
                + UNCLAIMED + " WHERE id = ?";
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
