package dev.tern.web;

import com.fasterxml.jackson.annotation.JsonValue;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * What Tern is doing, at a glance: the status page renders it, {@code tern status} prints it (as text or JSON),
 * and the metrics' gauges read it.
 *
 * @param at when it was read
 * @param sources every configured source, in config order
 * @param outbox alerts waiting and given up on
 * @param routes the configured routes and whether their target works
 * @param brokenTargets targets that failed for good
 * @param subscriptions user subscription counts
 * @param recent the latest posting appearances and closings, newest first
 */
public record StatusSummary(
        Instant at,
        List<Source> sources,
        Outbox outbox,
        List<Route> routes,
        List<BrokenTarget> brokenTargets,
        Subscriptions subscriptions,
        List<Event> recent) {

    public StatusSummary {
        sources = List.copyOf(sources);
        routes = List.copyOf(routes);
        brokenTargets = List.copyOf(brokenTargets);
        recent = List.copyOf(recent);
    }

    /** Whether every source is healthy and nothing was given up on. */
    public boolean healthy() {
        return sources.stream().allMatch(s -> s.health() == Health.OK)
                && outbox.failed() == 0
                && brokenTargets.isEmpty();
    }

    /** A source's health, worst first. */
    public enum Health {
        FAILING,
        HELD,
        NEVER_POLLED,
        OK;

        /** As shown and in JSON: "failing", "held", "never polled", "ok". */
        @JsonValue
        public String label() {
            return name().toLowerCase(Locale.ROOT).replace('_', ' ');
        }
    }

    /**
     * One configured source.
     *
     * @param id its id
     * @param type its type
     * @param health how it is doing
     * @param lastSuccess when a poll last succeeded, or null
     * @param nextPoll when it is polled next, or null when not scheduled
     * @param openPostings its open postings
     * @param consecutiveFailures failed polls since the last success
     * @param lastError why the last poll failed, or null
     * @param heldReason why its closures are held (the last poll looked wrong), or null
     */
    public record Source(
            String id,
            String type,
            Health health,
            Instant lastSuccess,
            Instant nextPoll,
            int openPostings,
            int consecutiveFailures,
            String lastError,
            String heldReason) {}

    /**
     * The outbox.
     *
     * @param pending alerts waiting to be delivered
     * @param oldestPending when the oldest waiting alert was queued, or null
     * @param failed alerts given up on
     */
    public record Outbox(int pending, Instant oldestPending, int failed) {}

    /**
     * A configured route.
     *
     * @param id its id
     * @param target where it sends, as safe to show (a webhook's address is a secret)
     * @param health "ok", or why its target is broken
     */
    public record Route(String id, String target, String health) {}

    /**
     * A target that failed for good.
     *
     * @param target the target, as safe to show
     * @param reason what its service said
     * @param since when it broke
     */
    public record BrokenTarget(String target, String reason, Instant since) {}

    /**
     * User subscriptions.
     *
     * @param active delivering now
     * @param paused paused by their user
     * @param broken their target failed for good
     * @param subscribers users with at least one subscription
     */
    public record Subscriptions(int active, int paused, int broken, int subscribers) {}

    /**
     * A posting that appeared or closed.
     *
     * @param kind "new" or "closed"
     * @param at when
     * @param source the source that listed it
     * @param company the company
     * @param title the title
     * @param url the link
     */
    public record Event(String kind, Instant at, String source, String company, String title, String url) {}
}
