package dev.tern.deliver;

import dev.tern.posting.Posting;
import java.time.Instant;

/**
 * One posting to be shown to one target, read from the outbox.
 *
 * @param deliveryId the outbox row
 * @param target where it goes ("console", "discord:channel/123", ...)
 * @param routeId the route that matched, or null
 * @param subscriptionId the user subscription that matched, or null
 * @param posting the posting as stored now
 * @param closedAt when the posting closed, or null while it is open: a message shows it as closed then
 */
public record Alert(
        long deliveryId, String target, String routeId, String subscriptionId, Posting posting, Instant closedAt) {

    /** An alert for an open posting. */
    public Alert(long deliveryId, String target, String routeId, String subscriptionId, Posting posting) {
        this(deliveryId, target, routeId, subscriptionId, posting, null);
    }

    /** "route sg-ml" or "subscription 42": what matched, for footers and logs. */
    public String matchedBy() {
        if (routeId != null) {
            return "route " + routeId;
        }
        return subscriptionId != null ? "subscription " + subscriptionId : "no route";
    }

    /** Whether the posting has closed since it was alerted. */
    public boolean closed() {
        return closedAt != null;
    }
}
