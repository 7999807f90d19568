package dev.tern.match;

/**
 * Someone who wants postings that pass a filter delivered to a target: a configured route or a user's
 * subscription.
 *
 * @param routeId the route's id when this comes from config, else null
 * @param subscriptionId the user subscription's id when this comes from a user, else null
 * @param target where alerts go ("console", "discord:channel/123", ...)
 * @param filter which postings match
 */
public record Subscription(String routeId, String subscriptionId, String target, Filter filter) {}
