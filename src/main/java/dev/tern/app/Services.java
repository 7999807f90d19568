package dev.tern.app;

import dev.tern.Tern;
import dev.tern.config.RouteConfig;
import dev.tern.config.StorageConfig;
import dev.tern.config.TernConfig;
import dev.tern.deliver.DeliveryWorker;
import dev.tern.deliver.Notifier;
import dev.tern.match.Filter;
import dev.tern.match.LiveSubscriptions;
import dev.tern.match.Matcher;
import dev.tern.match.QueryException;
import dev.tern.match.Subscription;
import dev.tern.match.SubscriptionService;
import dev.tern.poll.Poller;
import dev.tern.poll.Reconciler;
import dev.tern.posting.Normalizer;
import dev.tern.source.Http;
import dev.tern.source.SourceRegistry;
import dev.tern.store.Database;
import dev.tern.store.DeliveryStore;
import dev.tern.store.OutboxMessageStore;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * Every service of a running Tern, built by hand from the config in dependency order (no DI framework), and
 * closed in reverse.
 *
 * @param config the loaded configuration
 * @param database the store
 * @param http the HTTP client every source shares
 * @param poller polls one source
 * @param deliveries drains the outbox
 * @param live the subscription index the matcher reads (routes and user subscriptions)
 * @param subscriptions what the Discord commands call
 */
public record Services(
        TernConfig config,
        Database database,
        Http http,
        Poller poller,
        DeliveryWorker deliveries,
        LiveSubscriptions live,
        SubscriptionService subscriptions)
        implements AutoCloseable {

    /** The User-Agent every source request carries. */
    public static final String USER_AGENT = Http.userAgent(Tern.version());

    /**
     * Opens the database (running migrations) and builds everything else.
     *
     * @param storage where the database is (the config's, or a throw-away one for the demo)
     */
    public static Services open(TernConfig config, StorageConfig storage, Clock clock, List<Notifier> notifiers) {
        Database database = Database.open(storage.url(), storage.user(), storage.password());
        try {
            LiveSubscriptions live = LiveSubscriptions.load(database, routeSubscriptions(config.routes()));
            SubscriptionService subscriptions =
                    new SubscriptionService(database, clock, live, config.discord(), config.sources());
            subscriptions.retryBrokenRoutes();
            Reconciler reconciler = new Reconciler(database, new Matcher(live.index()), clock, config.polling());
            Http http = new Http(config.polling().timeout(), config.polling().maxBodySize(), USER_AGENT);
            Poller poller = new Poller(SourceRegistry.standard(clock), http, new Normalizer(clock), reconciler);
            DeliveryWorker deliveries = new DeliveryWorker(
                    database,
                    new DeliveryStore(),
                    new OutboxMessageStore(),
                    notifiers,
                    clock,
                    new SubscriptionTargetHealth(subscriptions));
            return new Services(config, database, http, poller, deliveries, live, subscriptions);
        } catch (RuntimeException e) {
            database.close();
            throw e;
        }
    }

    /** The configured routes as subscriptions; their queries were validated when the config loaded. */
    static List<Subscription> routeSubscriptions(List<RouteConfig> routes) {
        List<Subscription> subscriptions = new ArrayList<>(routes.size());
        for (RouteConfig route : routes) {
            try {
                subscriptions.add(new Subscription(route.id(), null, route.to(), Filter.of(route.filter())));
            } catch (QueryException e) {
                throw new IllegalStateException("route " + route.id() + ": " + e.getMessage(), e);
            }
        }
        return subscriptions;
    }

    @Override
    public void close() {
        http.close();
        database.close();
    }
}
