package dev.tern.match;

import dev.tern.config.FilterConfig;
import dev.tern.store.Database;
import dev.tern.store.StoredSubscription;
import dev.tern.store.Stores;
import dev.tern.store.SubscriptionStore;
import dev.tern.store.TargetStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The subscription index the matcher reads: the configured routes plus every stored user subscription that is
 * not broken, minus anything sending to a broken target. {@link #refresh()} rebuilds it after a change; readers
 * always see a whole index, the old one or the new one.
 */
public final class LiveSubscriptions {

    private static final Logger LOG = LoggerFactory.getLogger(LiveSubscriptions.class);

    private final Database database;
    private final List<Subscription> routes;
    private final SubscriptionStore subscriptions;
    private final TargetStore targets;
    private final AtomicReference<SubscriptionIndex> current = new AtomicReference<>(SubscriptionIndex.of(List.of()));

    private LiveSubscriptions(Database database, Stores stores, List<Subscription> routes) {
        this.database = database;
        this.subscriptions = stores.subscriptions();
        this.targets = stores.targets();
        this.routes = List.copyOf(routes);
    }

    /** Builds the index from the routes and the store. */
    public static LiveSubscriptions load(Database database, Stores stores, List<Subscription> routes) {
        LiveSubscriptions live = new LiveSubscriptions(database, stores, routes);
        live.refresh();
        return live;
    }

    /** Rebuilds the index from the store; call after any subscription or target changes. */
    public synchronized void refresh() {
        List<Subscription> all = new ArrayList<>();
        List<StoredSubscription> stored = database.read(c -> subscriptions.active(c));
        Set<String> broken = database.read(c -> targets.targets(c));
        routes.stream().filter(route -> !broken.contains(route.target())).forEach(all::add);
        for (StoredSubscription subscription : stored) {
            if (!broken.contains(subscription.target())) {
                toSubscription(subscription).ifPresent(all::add);
            }
        }
        current.set(SubscriptionIndex.of(all));
        LOG.debug("Subscription index rebuilt: {} subscription(s) and route(s)", all.size());
    }

    /** What the {@link Matcher} reads: always the latest index. */
    public Supplier<SubscriptionIndex> index() {
        return current::get;
    }

    /** The configured routes, as given. */
    public List<Subscription> routes() {
        return routes;
    }

    private static Optional<Subscription> toSubscription(StoredSubscription stored) {
        try {
            FilterConfig config = FilterCodec.fromJson(stored.filterJson());
            return Optional.of(new Subscription(
                    null, String.valueOf(stored.id()), stored.target(), Filter.of(config), stored.pausedUntil()));
        } catch (IllegalArgumentException | QueryException e) {
            LOG.error(
                    "Subscription {} of user {} has a filter Tern cannot read, so it is not matched: {}",
                    stored.id(),
                    stored.userId(),
                    e.getMessage());
            return Optional.empty();
        }
    }
}
