package dev.tern.match;

import dev.tern.config.Target;
import dev.tern.store.Database;
import dev.tern.store.DiscordUserStore;
import dev.tern.store.StoredSubscription;
import dev.tern.store.Stores;
import dev.tern.store.SubscriptionStatus;
import dev.tern.store.SubscriptionStore;
import dev.tern.store.TargetStore;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a permanent delivery failure does to what sends there: a broken target stops its routes and subscriptions
 * (admins are told in the log and in the status), closed DMs pause the user's DM subscriptions (the user is told at
 * their next command). Either way the index is rebuilt at once, so no more alerts are queued for the target.
 */
final class TargetFailures {

    private static final Logger LOG = LoggerFactory.getLogger(TargetFailures.class);

    private final Database database;
    private final Clock clock;
    private final LiveSubscriptions live;
    private final SubscriptionStore subscriptions;
    private final DiscordUserStore users;
    private final TargetStore targets;

    TargetFailures(Database database, Stores stores, Clock clock, LiveSubscriptions live) {
        this.subscriptions = stores.subscriptions();
        this.users = stores.users();
        this.targets = stores.targets();
        this.database = database;
        this.clock = clock;
        this.live = live;
    }

    List<Long> markBroken(String target, String reason) {
        List<StoredSubscription> affected = database.transaction(c -> {
            targets.markBroken(c, target, reason, clock.instant());
            List<StoredSubscription> active = subscriptions.withTarget(c, target).stream()
                    .filter(s -> s.status() == SubscriptionStatus.ACTIVE)
                    .toList();
            subscriptions.markBroken(c, target);
            byUser(active).forEach((user, ids) -> users.setNotice(c, user, brokenNotice(target, ids)));
            return active;
        });
        live.refresh();
        List<String> routeIds = live.routes().stream()
                .filter(route -> route.target().equals(target))
                .map(Subscription::routeId)
                .toList();
        List<Long> ids = affected.stream().map(StoredSubscription::id).toList();
        LOG.error(
                "Target {} is broken ({}); stopped delivering to it: route(s) {}, subscription(s) {}",
                Target.displayOf(target),
                reason,
                routeIds,
                ids);
        return ids;
    }

    /** Gives the configured routes' targets a fresh chance (at start): returns the targets no longer broken. */
    List<String> retryRoutes() {
        List<String> cleared = database.transaction(c -> live.routes().stream()
                .map(Subscription::target)
                .distinct()
                .filter(target -> targets.clear(c, target))
                .toList());
        if (!cleared.isEmpty()) {
            live.refresh();
            LOG.info(
                    "Trying broken route target(s) {} again",
                    cleared.stream().map(Target::displayOf).toList());
        }
        return cleared;
    }

    List<Long> pauseForClosedDms(String target, String reason) {
        if (!(Target.parse(target) instanceof Target.DiscordUser user)) {
            return markBroken(target, reason);
        }
        String userId = user.userId();
        List<Long> ids = database.transaction(c -> {
            List<Long> paused = subscriptions.withTarget(c, target).stream()
                    .filter(s -> s.status() == SubscriptionStatus.ACTIVE
                            && s.userId().equals(userId))
                    .map(StoredSubscription::id)
                    .toList();
            subscriptions.pauseTarget(c, target, SubscriptionService.INDEFINITELY);
            if (!paused.isEmpty()) {
                users.setNotice(c, userId, closedDmNotice(paused));
            }
            return paused;
        });
        live.refresh();
        LOG.warn("Cannot DM user {} ({}); paused subscription(s) {} until they run /resume", userId, reason, ids);
        return ids;
    }

    private static Map<String, List<Long>> byUser(List<StoredSubscription> affected) {
        return affected.stream()
                .collect(Collectors.groupingBy(
                        StoredSubscription::userId, Collectors.mapping(StoredSubscription::id, Collectors.toList())));
    }

    static String closedDmNotice(List<Long> ids) {
        return "Tern could not DM you (your DMs are closed), so " + subscriptionsAre(ids)
                + " paused; open your DMs and run /resume";
    }

    static String brokenNotice(String target, List<Long> ids) {
        String where = Target.parse(target) instanceof Target.DiscordChannel channel
                ? "channel " + channel.channelId()
                : Target.displayOf(target);
        return "Tern can no longer post to " + where + ", so " + subscriptionsAre(ids)
                + " stopped; remove " + (ids.size() == 1 ? "it" : "them")
                + " with /unsubscribe and subscribe again where Tern can post";
    }

    private static String subscriptionsAre(List<Long> ids) {
        if (ids.size() == 1) {
            return "subscription " + ids.getFirst() + " is";
        }
        String list =
                ids.subList(0, ids.size() - 1).stream().map(String::valueOf).collect(Collectors.joining(", "));
        return "subscriptions " + list + " and " + ids.getLast() + " are";
    }
}
