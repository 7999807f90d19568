package dev.tern.deliver;

import dev.tern.posting.Posting;

/**
 * One posting to be shown to one target, read from the outbox.
 *
 * @param deliveryId the outbox row; its id doubles as the message nonce
 * @param target where it goes ("console", "discord:channel/123", ...)
 * @param routeId the route that matched, or null
 * @param subscriptionId the user subscription that matched, or null
 * @param posting the posting as stored now
 */
public record Alert(long deliveryId, String target, String routeId, String subscriptionId, Posting posting) {

    /** "route sg-ml" or "subscription 42": what matched, for footers and logs. */
    public String matchedBy() {
        if (routeId != null) {
            return "route " + routeId;
        }
        return subscriptionId != null ? "subscription " + subscriptionId : "no route";
    }
}
