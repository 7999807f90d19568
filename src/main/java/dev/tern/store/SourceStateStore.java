package dev.tern.store;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.List;

/** The {@code source_state} table: seeding, conditional-GET validators, failures and degradation per source. */
public final class SourceStateStore {

    private static final String SELECT = "SELECT source_id, seeded, etag, last_modified, last_success, last_attempt,"
            + " consecutive_failures, last_error, degraded, degraded_reason, degraded_since, next_poll_at,"
            + " held_keys, held_confirmations"
            + " FROM source_state ";

    /** The source's state; {@link SourceState#initial} when it was never polled. */
    public SourceState get(Connection c, String sourceId) {
        return Jdbc.first(
                        c,
                        "reading state of source " + sourceId,
                        SELECT + "WHERE source_id = ?",
                        SourceStateStore::read,
                        sourceId)
                .orElseGet(() -> SourceState.initial(sourceId));
    }

    /** Every source that was ever polled, by id. */
    public List<SourceState> all(Connection c) {
        return Jdbc.list(c, "reading source states", SELECT + "ORDER BY source_id", SourceStateStore::read);
    }

    public void markSeeded(Connection c, String sourceId) {
        ensure(c, sourceId);
        update(c, sourceId, "marking source seeded", "seeded = TRUE");
    }

    /** A full, successful poll: keeps its validators (null when none), resets failures. */
    public void recordSuccess(Connection c, String sourceId, String etag, String lastModified, Instant now) {
        ensure(c, sourceId);
        update(
                c,
                sourceId,
                "recording success",
                "etag = ?, last_modified = ?, last_success = ?, last_attempt = ?, consecutive_failures = 0,"
                        + " last_error = NULL",
                etag,
                lastModified,
                now,
                now);
    }

    /** A successful poll answered "not modified": validators stay, failures reset. */
    public void recordNotModified(Connection c, String sourceId, Instant now) {
        ensure(c, sourceId);
        update(
                c,
                sourceId,
                "recording not-modified poll",
                "last_success = ?, last_attempt = ?, consecutive_failures = 0, last_error = NULL",
                now,
                now);
    }

    /** A failed poll; returns the number of consecutive failures including this one. */
    public int recordFailure(Connection c, String sourceId, String error, Instant now) {
        ensure(c, sourceId);
        update(
                c,
                sourceId,
                "recording failure",
                "consecutive_failures = consecutive_failures + 1, last_error = ?, last_attempt = ?",
                error,
                now);
        return get(c, sourceId).consecutiveFailures();
    }

    /** Marks the source degraded; {@code degraded_since} keeps the start of a run of degraded polls. */
    public void markDegraded(Connection c, String sourceId, String reason, Instant now) {
        ensure(c, sourceId);
        update(
                c,
                sourceId,
                "marking source degraded",
                "degraded = TRUE, degraded_reason = ?, degraded_since = COALESCE(degraded_since, ?)",
                reason,
                now);
    }

    public void clearDegraded(Connection c, String sourceId) {
        ensure(c, sourceId);
        update(
                c,
                sourceId,
                "clearing degraded state",
                "degraded = FALSE, degraded_reason = NULL, degraded_since = NULL");
    }

    /**
     * Holds {@code keys} open: a held poll wanted to close them. {@code confirmations} counts the later polls that
     * agreed (0 for a new hold).
     */
    public void hold(Connection c, String sourceId, Collection<String> keys, int confirmations) {
        ensure(c, sourceId);
        update(
                c,
                sourceId,
                "holding closures",
                "held_keys = ?, held_confirmations = ?",
                PostingRows.stringsJson(sourceId, keys.stream().sorted().toList()),
                confirmations);
    }

    /** Ends a hold (confirmed, cleared or accepted) and the degradation it caused. */
    public void release(Connection c, String sourceId) {
        ensure(c, sourceId);
        update(
                c,
                sourceId,
                "releasing held closures",
                "held_keys = NULL, held_confirmations = 0, degraded = FALSE, degraded_reason = NULL,"
                        + " degraded_since = NULL");
    }

    public void scheduleNextPoll(Connection c, String sourceId, Instant nextPollAt) {
        ensure(c, sourceId);
        update(c, sourceId, "scheduling next poll", "next_poll_at = ?", nextPollAt);
    }

    private static void ensure(Connection c, String sourceId) {
        Jdbc.update(
                c,
                "creating state of source " + sourceId,
                "INSERT INTO source_state (source_id) VALUES (?) ON CONFLICT DO NOTHING",
                sourceId);
    }

    private static void update(Connection c, String sourceId, String operation, String set, Object... parameters) {
        Object[] all = new Object[parameters.length + 1];
        System.arraycopy(parameters, 0, all, 0, parameters.length);
        all[parameters.length] = sourceId;
        Jdbc.update(
                c,
                operation + " for source " + sourceId,
                "UPDATE source_state SET " + set + " WHERE source_id = ?",
                all);
    }

    private static SourceState read(ResultSet row) throws SQLException {
        return new SourceState(
                row.getString("source_id"),
                row.getBoolean("seeded"),
                row.getString("etag"),
                row.getString("last_modified"),
                Jdbc.instant(row, "last_success"),
                Jdbc.instant(row, "last_attempt"),
                row.getInt("consecutive_failures"),
                row.getString("last_error"),
                row.getBoolean("degraded"),
                row.getString("degraded_reason"),
                Jdbc.instant(row, "degraded_since"),
                Jdbc.instant(row, "next_poll_at"),
                PostingRows.strings(row.getString("source_id"), row.getString("held_keys")),
                row.getInt("held_confirmations"));
    }
}
