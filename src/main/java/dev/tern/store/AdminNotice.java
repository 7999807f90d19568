package dev.tern.store;

import java.time.Instant;

/**
 * A notice for the admins, waiting in (or sent from) the {@code admin_notices} table.
 *
 * @param id the row id
 * @param kind what happened
 * @param sourceId the source it is about, or null
 * @param subject the delivery target it is about, or null
 * @param message the text an admin reads
 * @param createdAt when it happened
 * @param attempts failed attempts to tell it so far
 */
public record AdminNotice(
        long id, Kind kind, String sourceId, String subject, String message, Instant createdAt, int attempts) {

    /** What a notice is about; a held poll's notice offers an Accept button. */
    public enum Kind {
        SOURCE_FAILING,
        SOURCE_RECOVERED,
        SOURCE_HELD,
        HOLD_CONFIRMED,
        HOLD_CLEARED,
        HOLD_ACCEPTED,
        TARGET_BROKEN,
        RECIPIENT_CLOSED
    }
}
