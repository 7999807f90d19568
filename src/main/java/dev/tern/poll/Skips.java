package dev.tern.poll;

import dev.tern.match.Subscription;
import dev.tern.store.DiscordUserStore;
import dev.tern.store.StoredSubscription;
import dev.tern.store.SubscriptionStore;
import java.sql.Connection;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Counts the alerts that paused subscriptions did not queue, against the subscription and its user, so that
 * {@code /resume} can say how many were skipped. Runs inside the poll's transaction.
 */
final class Skips {

    private static final Logger LOG = LoggerFactory.getLogger(Skips.class);

    private final SubscriptionStore subscriptions;
    private final DiscordUserStore users;

    Skips(SubscriptionStore subscriptions, DiscordUserStore users) {
        this.subscriptions = subscriptions;
        this.users = users;
    }

    /** Counts one skipped alert of a paused subscription; routes are never paused, so they count nothing. */
    void record(Connection c, Subscription subscription, String postingKey) {
        Optional<Long> id = storedId(subscription);
        if (id.isEmpty()) {
            return;
        }
        Optional<StoredSubscription> stored = subscriptions.find(c, id.get());
        if (stored.isEmpty()) {
            return;
        }
        subscriptions.recordSkip(c, id.get());
        users.addSkip(c, stored.get().userId());
        LOG.debug("Subscription {} is paused; skipped {}", id.get(), postingKey);
    }

    private static Optional<Long> storedId(Subscription subscription) {
        if (subscription.routeId() != null || subscription.subscriptionId() == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(Long.parseLong(subscription.subscriptionId()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
