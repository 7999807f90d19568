package dev.tern.poll;

import dev.tern.config.PollingConfig;
import dev.tern.config.Target;
import dev.tern.match.Matcher;
import dev.tern.match.Subscription;
import dev.tern.posting.Posting;
import dev.tern.store.DeliveryStore;
import dev.tern.store.DiscordUserStore;
import dev.tern.store.SubscriptionStore;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Queues alerts for new and reopened postings in the poll's transaction: matches each against the subscriptions,
 * writes one outbox row per target (the outbox drops repeats of a fingerprint), and counts a skip for a paused
 * subscription instead, once per posting and target.
 */
public final class AlertQueue {

    private static final Logger LOG = LoggerFactory.getLogger(AlertQueue.class);

    private final Matcher matcher;
    private final DeliveryStore deliveries;
    private final Skips skips;
    private final PollingConfig polling;

    public AlertQueue(
            Matcher matcher,
            DeliveryStore deliveries,
            SubscriptionStore subscriptions,
            DiscordUserStore users,
            PollingConfig polling) {
        this.matcher = matcher;
        this.deliveries = deliveries;
        this.skips = new Skips(subscriptions, users);
        this.polling = polling;
    }

    /** Queues alerts for {@code candidates} posted within maxAge, adding an event per alert queued. */
    void queue(Connection c, List<PollEvent> events, String sourceId, List<Posting> candidates, Instant now) {
        for (Posting posting : candidates) {
            if (!withinMaxAge(posting, now)) {
                LOG.debug("Posting {} is older than maxAge; not alerting", posting.key());
                continue;
            }
            queue(c, events, sourceId, posting, now);
        }
    }

    private void queue(Connection c, List<PollEvent> events, String sourceId, Posting posting, Instant now) {
        Map<String, Subscription> paused = new LinkedHashMap<>();
        Set<String> queuedTargets = new HashSet<>();
        for (Subscription subscription : matcher.match(posting)) {
            if (subscription.pausedAt(now)) {
                paused.putIfAbsent(subscription.target(), subscription);
                continue;
            }
            queuedTargets.add(subscription.target());
            boolean queued = deliveries.enqueue(
                    c,
                    posting.fingerprint(),
                    subscription.target(),
                    posting.key(),
                    subscription.routeId(),
                    subscription.subscriptionId(),
                    now);
            if (queued) {
                events.add(new PollEvent.AlertQueued(
                        sourceId,
                        subscription.target(),
                        subscription.routeId(),
                        subscription.subscriptionId(),
                        posting.key()));
            } else {
                LOG.debug(
                        "Posting {} not alerted to {}: that target already had an alert for {}",
                        posting.key(),
                        Target.displayOf(subscription.target()),
                        posting.fingerprint());
            }
        }
        paused.forEach((target, subscription) -> {
            if (!queuedTargets.contains(target)) {
                skips.record(c, subscription, posting.key());
            }
        });
    }

    private boolean withinMaxAge(Posting posting, Instant now) {
        Duration maxAge = polling.maxAge();
        return maxAge == null
                || posting.postedAt() == null
                || !posting.postedAt().isBefore(now.minus(maxAge));
    }
}
