package dev.tern.store;

import java.time.Instant;

/**
 * One message of the outbox as stored: a group of deliveries to one target, formed once and re-sent as formed.
 *
 * @param id the row id
 * @param target where it goes
 * @param nonce its own key: Discord's nonce, a webhook's idempotency key, the marker in its footer
 * @param layout how it shows its alerts
 * @param status pending until the target took it, then sent (or failed for good)
 * @param attempts send attempts that failed so far
 * @param nextAttemptAt when a pending message is due
 * @param firstTriedAt when it was first handed to the target (it may have it since), or null
 * @param lastError why the last attempt failed, or null
 * @param createdAt when it was formed
 * @param channelId where the target put it, once sent (a DM's channel for a user), or null
 * @param messageId the target's id for it, once sent, or null
 * @param editsRequested how often a posting it carries closed or reopened
 * @param editsDone the request count the message as shown reflects
 * @param editAttempts failed edit attempts since the last successful edit
 */
public record OutboxMessage(
        long id,
        String target,
        String nonce,
        MessageLayout layout,
        DeliveryStatus status,
        int attempts,
        Instant nextAttemptAt,
        Instant firstTriedAt,
        String lastError,
        Instant createdAt,
        String channelId,
        String messageId,
        int editsRequested,
        int editsDone,
        int editAttempts) {

    /** Whether the target may already have it: it was handed over at least once. */
    public boolean tried() {
        return firstTriedAt != null;
    }
}
