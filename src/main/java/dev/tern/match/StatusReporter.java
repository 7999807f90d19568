package dev.tern.match;

import dev.tern.config.SourceConfig;
import dev.tern.store.BrokenTarget;
import dev.tern.store.Database;
import dev.tern.store.DeliveryStatus;
import dev.tern.store.DeliveryStore;
import dev.tern.store.PostingStore;
import dev.tern.store.SourceState;
import dev.tern.store.SourceStateStore;
import dev.tern.store.StoredSubscription;
import dev.tern.store.Stores;
import dev.tern.store.SubscriptionStatus;
import dev.tern.store.SubscriptionStore;
import dev.tern.store.TargetStore;
import java.sql.Connection;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/** Reads what {@code /tern status} shows from the store, in one read. */
final class StatusReporter {

    private final Database database;
    private final Clock clock;
    private final List<SourceConfig> sources;
    private final List<Subscription> routes;
    private final PostingStore postings;
    private final SourceStateStore states;
    private final DeliveryStore deliveries;
    private final SubscriptionStore subscriptions;
    private final TargetStore targets;

    StatusReporter(
            Database database, Stores stores, Clock clock, List<SourceConfig> sources, List<Subscription> routes) {
        this.postings = stores.postings();
        this.states = stores.sources();
        this.deliveries = stores.deliveries();
        this.subscriptions = stores.subscriptions();
        this.targets = stores.targets();
        this.database = database;
        this.clock = clock;
        this.sources = List.copyOf(sources);
        this.routes = List.copyOf(routes);
    }

    StatusReport report() {
        return database.read(c -> new StatusReport(
                sources.stream().map(source -> source(c, source)).toList(),
                deliveries.count(c, DeliveryStatus.PENDING),
                deliveries.count(c, DeliveryStatus.FAILED),
                targets.all(c).stream().map(broken -> broken(c, broken)).toList(),
                subscriptions.count(c, SubscriptionStatus.ACTIVE),
                subscriptions.countPaused(c, clock.instant()),
                subscriptions.count(c, SubscriptionStatus.BROKEN),
                subscriptions.countUsers(c)));
    }

    private StatusReport.SourceStatus source(Connection c, SourceConfig source) {
        SourceState state = states.get(c, source.id());
        return new StatusReport.SourceStatus(
                source.id(),
                source.type(),
                state.lastSuccess(),
                postings.countOpen(c, source.id()),
                state.consecutiveFailures(),
                state.lastError(),
                state.degraded() ? state.degradedReason() : null,
                state.nextPollAt(),
                state.heldKeys().size(),
                state.holding() ? state.degradedSince() : null);
    }

    private StatusReport.Broken broken(Connection c, BrokenTarget broken) {
        List<String> routeIds = new ArrayList<>();
        routes.stream()
                .filter(route -> route.target().equals(broken.target()))
                .forEach(route -> routeIds.add(route.routeId()));
        List<Long> ids = subscriptions.withTarget(c, broken.target()).stream()
                .map(StoredSubscription::id)
                .toList();
        return new StatusReport.Broken(broken.target(), broken.reason(), broken.since(), routeIds, ids);
    }
}
