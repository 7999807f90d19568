package dev.tern.match;

import java.time.Instant;
import java.util.List;

/**
 * Tern's health for {@code /tern status}: each configured source, the outbox backlog, broken targets and
 * subscription counts.
 *
 * @param sources every configured source, in config order
 * @param pendingDeliveries alerts waiting in the outbox
 * @param failedDeliveries alerts given up on
 * @param brokenTargets targets that failed for good
 * @param activeSubscriptions user subscriptions that deliver (paused ones included)
 * @param pausedSubscriptions active user subscriptions paused now
 * @param brokenSubscriptions user subscriptions whose target failed for good
 * @param subscribers users with at least one subscription
 */
public record StatusReport(
        List<SourceStatus> sources,
        int pendingDeliveries,
        int failedDeliveries,
        List<Broken> brokenTargets,
        int activeSubscriptions,
        int pausedSubscriptions,
        int brokenSubscriptions,
        int subscribers) {

    public StatusReport {
        sources = List.copyOf(sources);
        brokenTargets = List.copyOf(brokenTargets);
    }

    /**
     * One configured source.
     *
     * @param id its id
     * @param type its type
     * @param lastSuccess when a poll last succeeded, or null (never)
     * @param openPostings its open postings
     * @param consecutiveFailures failed polls since the last success
     * @param lastError why the last poll failed, or null
     * @param degradedReason why its last poll was held as suspicious, or null
     * @param nextPoll when it is polled next, or null when not known
     */
    public record SourceStatus(
            String id,
            String type,
            Instant lastSuccess,
            int openPostings,
            int consecutiveFailures,
            String lastError,
            String degradedReason,
            Instant nextPoll,
            int heldPostings,
            Instant heldSince) {}

    /**
     * A target that failed for good, and what sent there.
     *
     * @param target the target
     * @param reason what its service said
     * @param since when it broke
     * @param routes configured routes sending there
     * @param subscriptions user subscriptions sending there
     */
    public record Broken(String target, String reason, Instant since, List<String> routes, List<Long> subscriptions) {
        public Broken {
            routes = List.copyOf(routes);
            subscriptions = List.copyOf(subscriptions);
        }
    }
}
