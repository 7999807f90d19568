package dev.tern.app;

import dev.tern.Tern;
import dev.tern.config.PollingConfig;
import dev.tern.config.RouteConfig;
import dev.tern.config.StorageConfig;
import dev.tern.config.TernConfig;
import dev.tern.deliver.DeliveryListener;
import dev.tern.deliver.DeliveryWorker;
import dev.tern.deliver.LogNoticeSink;
import dev.tern.deliver.NoticeSink;
import dev.tern.deliver.NoticeWorker;
import dev.tern.deliver.Notifier;
import dev.tern.match.Filter;
import dev.tern.match.LiveSubscriptions;
import dev.tern.match.Matcher;
import dev.tern.match.QueryException;
import dev.tern.match.Subscription;
import dev.tern.match.SubscriptionService;
import dev.tern.poll.Leases;
import dev.tern.poll.PollStage;
import dev.tern.poll.Poller;
import dev.tern.poll.SourceStates;
import dev.tern.source.Http;
import dev.tern.source.Sleeper;
import dev.tern.store.Database;
import dev.tern.store.ProcessIdentity;
import dev.tern.store.Stores;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every service of a running Tern, built by hand from the config in dependency order (no DI framework), and
 * closed in reverse.
 *
 * @param config the loaded configuration
 * @param database the store
 * @param stores every store, built once
 * @param states what is kept about each source between polls (validators, failures, holds)
 * @param http the HTTP client every source shares
 * @param poller polls one source
 * @param deliveries drains the outbox, claiming what it sends (call {@link #deliver()})
 * @param notices tells the admins what polls and deliveries wrote down for them (drained by {@link #deliver()})
 * @param live the subscription index the matcher reads (routes and user subscriptions)
 * @param subscriptions what the Discord commands call
 * @param leases work that one process at a time may do: polling a source, telling the admin notices
 */
public record Services(
        TernConfig config,
        Database database,
        Stores stores,
        SourceStates states,
        Http http,
        Poller poller,
        DeliveryWorker deliveries,
        NoticeWorker notices,
        LiveSubscriptions live,
        SubscriptionService subscriptions,
        Leases leases)
        implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(Services.class);

    /** How long a delivery waits for another process telling the admin notices before leaving them to it. */
    static final Duration NOTICES_WAIT = Duration.ofSeconds(5);

    private static final String NOTICES = "notices";

    /** The User-Agent every source request carries. */
    public static final String USER_AGENT = Http.userAgent(Tern.version());

    /**
     * Opens the database (running migrations) and builds everything else; the webhook targets' notifiers are
     * added to {@code notifiers}, as they need no bot.
     *
     * @param storage where the database is (the config's, or a throw-away one for the demo)
     */
    public static Services open(TernConfig config, StorageConfig storage, Clock clock, List<Notifier> notifiers) {
        // with an admin channel, a process without the bot leaves notices to the running bot
        NoticeSink sink = config.discord().hasAdminChannel() ? null : new LogNoticeSink();
        return open(config, storage, clock, notifiers, sink, DeliveryListener.NONE);
    }

    /**
     * As {@link #open(TernConfig, StorageConfig, Clock, List)}, telling admin notices to {@code sink} (null leaves
     * them waiting for a process that has a sink) and {@code listener} every delivery outcome.
     */
    public static Services open(
            TernConfig config,
            StorageConfig storage,
            Clock clock,
            List<Notifier> notifiers,
            NoticeSink sink,
            DeliveryListener listener) {
        Database database = Database.open(storage.url(), storage.user(), storage.password());
        try {
            Stores stores = Stores.create();
            LiveSubscriptions live = LiveSubscriptions.load(database, stores, routeSubscriptions(config.routes()));
            SubscriptionService subscriptions =
                    new SubscriptionService(database, stores, clock, live, config.discord(), config.sources());
            subscriptions.retryBrokenRoutes();
            PollingConfig polling = config.polling();
            Http http = new Http(polling.timeout(), polling.maxBodySize(), USER_AGENT);
            PollStage poll = PollStage.build(
                    database,
                    stores,
                    new Matcher(live.index()),
                    http,
                    clock,
                    Sleeper.SYSTEM,
                    polling,
                    config.sources());
            SubscriptionTargetHealth health =
                    new SubscriptionTargetHealth(subscriptions, config.routes(), database, stores.notices(), clock);
            List<Notifier> all = new ArrayList<>(notifiers);
            all.addAll(WebhookTargets.notifiers(config, http));
            DeliveryWorker deliveries = new DeliveryWorker(
                    database,
                    stores.deliveries(),
                    stores.messages(),
                    all,
                    clock,
                    health,
                    listener,
                    ProcessIdentity.THIS);
            NoticeWorker notices = new NoticeWorker(database, stores.notices(), sink, clock);
            return new Services(
                    config,
                    database,
                    stores,
                    poll.states(),
                    http,
                    poll.poller(),
                    deliveries,
                    notices,
                    live,
                    subscriptions,
                    poll.leases());
        } catch (RuntimeException e) {
            database.close();
            throw e;
        }
    }

    /**
     * Delivers what is due: the alerts this process can claim (another process sharing the database, a running
     * {@code tern run} beside {@code tern poll} or another instance on PostgreSQL, sends the ones it claimed), then
     * the admin notices, unless another process is telling them: then it waits up to {@link #NOTICES_WAIT} and
     * otherwise leaves them to that process.
     *
     * @return how many alerts this process delivered
     */
    public int deliver() {
        int delivered = deliveries.drain();
        if (Thread.currentThread().isInterrupted()) {
            return delivered;
        }
        try {
            switch (leases.claim(NOTICES, NOTICES_WAIT, Leases.Mode.TAKE)) {
                case Leases.Granted granted -> granted.lease().during(notices::drain);
                case Leases.Busy busy ->
                    log.debug("Admin notices are being told by {}", leases.describe(busy.holder()));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return delivered;
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
