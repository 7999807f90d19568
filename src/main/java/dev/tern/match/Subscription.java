package dev.tern.match;

import java.time.Instant;

/**
 * Someone who wants postings that pass a filter delivered to a target: a configured route or a user's
 * subscription.
 *
 * @param routeId the route's id when this comes from config, else null
 * @param subscriptionId the user subscription's id when this comes from a user, else null
 * @param target where alerts go ("console", "discord:channel/123", ...)
 * @param filter which postings match
 * @param pausedUntil until when no alerts are queued for it (they are counted as skipped), or null
 */
public record Subscription(String routeId, String subscriptionId, String target, Filter filter, Instant pausedUntil) {

    /** A subscription that is not paused. */
    public Subscription(String routeId, String subscriptionId, String target, Filter filter) {
        this(routeId, subscriptionId, target, filter, null);
    }

    /** Whether it is paused at {@code now}. */
    public boolean pausedAt(Instant now) {
        return pausedUntil != null && pausedUntil.isAfter(now);
    }
}
