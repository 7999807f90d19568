package dev.tern.store;

import dev.tern.posting.Posting;
import java.time.Instant;

/**
 * An outbox row to be sent (or shown again in an edit), with the posting it alerts about.
 *
 * @param id the row id
 * @param target where the alert goes ("console", "discord:channel/123", ...)
 * @param routeId the configured route that matched, or null
 * @param subscriptionId the user subscription that matched, or null
 * @param posting the posting as stored now
 * @param attempts attempts made so far
 * @param closedAt when the posting closed, or null while it is open
 */
public record PendingDelivery(
        long id,
        String target,
        String routeId,
        String subscriptionId,
        Posting posting,
        int attempts,
        Instant closedAt) {}
