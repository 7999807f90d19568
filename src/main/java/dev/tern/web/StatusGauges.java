package dev.tern.web;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.function.ToDoubleFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Gauges read from the store: one summary is read per scrape, and every gauge answers from it. When the store
 * does not answer in time, the gauges are NaN (unknown) rather than stale.
 */
final class StatusGauges {

    private static final Logger log = LoggerFactory.getLogger(StatusGauges.class);
    static final Duration READ_LIMIT = Duration.ofSeconds(5);

    private final StatusReader status;
    private final Clock clock;
    private volatile StatusSummary latest;

    StatusGauges(MeterRegistry registry, Set<String> sources, StatusReader status, Clock clock) {
        this.status = status;
        this.clock = clock;
        for (String source : sources) {
            gauge(
                    registry,
                    "tern.source.consecutive.failures",
                    "Failed polls of a source since its last success",
                    null,
                    s -> source(s, source)
                            .map(x -> (double) x.consecutiveFailures())
                            .orElse(Double.NaN),
                    source);
            gauge(
                    registry,
                    "tern.source.last.success.timestamp",
                    "When a poll of a source last succeeded (Unix time)",
                    "seconds",
                    s -> lastSuccess(s, source),
                    source);
            gauge(
                    registry,
                    "tern.postings.open",
                    "Open postings of a source",
                    null,
                    s -> source(s, source).map(x -> (double) x.openPostings()).orElse(Double.NaN),
                    source);
        }
        gauge(
                registry,
                "tern.outbox.pending",
                "Alerts waiting in the outbox",
                null,
                s -> s.outbox().pending(),
                null);
        gauge(
                registry,
                "tern.outbox.oldest.pending",
                "Age of the oldest alert waiting in the outbox",
                "seconds",
                this::oldestPendingSeconds,
                null);
        subscriptions(registry, "active", s -> s.subscriptions().active());
        subscriptions(registry, "paused", s -> s.subscriptions().paused());
        subscriptions(registry, "broken", s -> s.subscriptions().broken());
    }

    void refresh() {
        latest = WithinTime.get(() -> status.read(0), READ_LIMIT).orElse(null);
        if (latest == null) {
            log.warn("Metrics: the database did not answer within {}s; store gauges are NaN", READ_LIMIT.toSeconds());
        }
    }

    private void gauge(
            MeterRegistry registry,
            String name,
            String description,
            String unit,
            ToDoubleFunction<StatusSummary> value,
            String source) {
        Gauge.Builder<StatusGauges> builder = Gauge.builder(name, this, g -> g.read(value))
                .description(description)
                .baseUnit(unit);
        if (source != null) {
            builder.tag("source", source);
        }
        builder.register(registry);
    }

    private void subscriptions(MeterRegistry registry, String state, ToDoubleFunction<StatusSummary> value) {
        Gauge.builder("tern.subscriptions", this, g -> g.read(value))
                .description("User subscriptions by status: active, paused, broken")
                .tag("status", state)
                .register(registry);
    }

    private double read(ToDoubleFunction<StatusSummary> value) {
        StatusSummary s = latest;
        return s == null ? Double.NaN : value.applyAsDouble(s);
    }

    private static Optional<StatusSummary.Source> source(StatusSummary s, String id) {
        return s.sources().stream().filter(x -> x.id().equals(id)).findFirst();
    }

    private static double lastSuccess(StatusSummary s, String id) {
        return source(s, id)
                .map(StatusSummary.Source::lastSuccess)
                .map(at -> at.toEpochMilli() / 1000.0)
                .orElse(Double.NaN);
    }

    private double oldestPendingSeconds(StatusSummary s) {
        Instant oldest = s.outbox().oldestPending();
        return oldest == null
                ? 0
                : Math.max(0, Duration.between(oldest, clock.instant()).toMillis() / 1000.0);
    }
}
