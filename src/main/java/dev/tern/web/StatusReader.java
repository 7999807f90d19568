package dev.tern.web;

import dev.tern.config.RouteConfig;
import dev.tern.match.StatusReport;
import dev.tern.store.Database;
import dev.tern.store.DeliveryStore;
import dev.tern.store.PostingActivity;
import dev.tern.store.PostingStore;
import dev.tern.store.Stores;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Reads a {@link StatusSummary}: the report {@code /tern status} shows, plus the age of the outbox, the routes'
 * health and the latest posting activity.
 */
public final class StatusReader {

    /** How many posting events the status page and {@code tern status} show. */
    public static final int RECENT_EVENTS = 50;

    private final Database database;
    private final Supplier<StatusReport> report;
    private final List<RouteConfig> routes;
    private final Clock clock;
    private final DeliveryStore deliveries;
    private final PostingStore postings;

    /** @param report what {@code /tern status} reads (the subscription service's status) */
    public StatusReader(
            Database database, Stores stores, Supplier<StatusReport> report, List<RouteConfig> routes, Clock clock) {
        this.deliveries = stores.deliveries();
        this.postings = stores.postings();
        this.database = database;
        this.report = report;
        this.routes = List.copyOf(routes);
        this.clock = clock;
    }

    /** The whole summary, with the {@value #RECENT_EVENTS} latest posting events. */
    public StatusSummary read() {
        return read(RECENT_EVENTS);
    }

    /** The summary with at most {@code recentEvents} posting events (none for the metrics). */
    StatusSummary read(int recentEvents) {
        Instant now = clock.instant();
        StatusReport r = report.get();
        Optional<Instant> oldest = database.read(deliveries::oldestPending);
        List<PostingActivity> activity =
                recentEvents == 0 ? List.of() : database.read(c -> postings.recentActivity(c, recentEvents));
        return new StatusSummary(
                now,
                r.sources().stream().map(StatusReader::source).toList(),
                new StatusSummary.Outbox(r.pendingDeliveries(), oldest.orElse(null), r.failedDeliveries()),
                routes.stream().map(route -> route(route, r)).toList(),
                r.brokenTargets().stream()
                        .map(b -> new StatusSummary.BrokenTarget(Targets.display(b.target()), b.reason(), b.since()))
                        .toList(),
                new StatusSummary.Subscriptions(
                        r.activeSubscriptions() - r.pausedSubscriptions(),
                        r.pausedSubscriptions(),
                        r.brokenSubscriptions(),
                        r.subscribers()),
                activity.stream().map(StatusReader::event).toList());
    }

    private static StatusSummary.Source source(StatusReport.SourceStatus s) {
        StatusSummary.Health health;
        if (s.consecutiveFailures() > 0) {
            health = StatusSummary.Health.FAILING;
        } else if (s.degradedReason() != null) {
            health = StatusSummary.Health.HELD;
        } else if (s.lastSuccess() == null) {
            health = StatusSummary.Health.NEVER_POLLED;
        } else {
            health = StatusSummary.Health.OK;
        }
        return new StatusSummary.Source(
                s.id(),
                s.type(),
                health,
                s.lastSuccess(),
                s.nextPoll(),
                s.openPostings(),
                s.consecutiveFailures(),
                s.consecutiveFailures() > 0 ? s.lastError() : null,
                s.degradedReason());
    }

    private static StatusSummary.Route route(RouteConfig route, StatusReport r) {
        String health = r.brokenTargets().stream()
                .filter(b -> b.target().equals(route.to()))
                .findFirst()
                .map(b -> "broken: " + b.reason())
                .orElse("ok");
        return new StatusSummary.Route(route.id(), Targets.display(route.to()), health);
    }

    private static StatusSummary.Event event(PostingActivity a) {
        return new StatusSummary.Event(
                a.kind().name().toLowerCase(Locale.ROOT), a.at(), a.sourceId(), a.company(), a.title(), a.url());
    }
}
