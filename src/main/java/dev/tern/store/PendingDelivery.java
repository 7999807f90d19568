package dev.tern.store;

import dev.tern.posting.Posting;

/**
 * An outbox row that is due, with the posting it alerts about.
 *
 * @param id the row id, for {@link DeliveryStore#markSent} and friends
 * @param target where the alert goes ("console", "discord:channel/123", ...)
 * @param routeId the configured route that matched, or null
 * @param subscriptionId the user subscription that matched, or null
 * @param posting the posting as stored now
 * @param attempts attempts made so far
 */
public record PendingDelivery(
        long id, String target, String routeId, String subscriptionId, Posting posting, int attempts) {}
