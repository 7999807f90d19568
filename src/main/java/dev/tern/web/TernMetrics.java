package dev.tern.web;

import dev.tern.deliver.DeliveryListener;
import dev.tern.poll.PollEvent;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmInfoMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.FileDescriptorMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Tern's Prometheus metrics: the JVM and process binders, counters fed by what each poll returned and by the
 * outbox worker, and (once {@link #watch} is called) gauges read from the store at every scrape. Labels hold only
 * configured source ids and fixed words, never a user, posting or channel id.
 */
public final class TernMetrics implements DeliveryListener, AutoCloseable {

    static final List<String> POLL_OUTCOMES = List.of("success", "not_modified", "failed", "held");
    static final List<String> TARGET_KINDS = List.of(
            Targets.CONSOLE,
            Targets.DISCORD_CHANNEL,
            Targets.DISCORD_USER,
            Targets.SLACK,
            Targets.DISCORD_WEBHOOK,
            Targets.WEBHOOK,
            Targets.OTHER);

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final JvmGcMetrics gc = new JvmGcMetrics();
    private final Set<String> sources;
    private volatile StatusGauges gauges;

    /** @param sourceIds the configured sources: the only values the {@code source} label takes */
    public TernMetrics(List<String> sourceIds) {
        this.sources = Set.copyOf(sourceIds);
        new JvmMemoryMetrics().bindTo(registry);
        gc.bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ClassLoaderMetrics().bindTo(registry);
        new JvmInfoMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
        new FileDescriptorMetrics().bindTo(registry);
        // every series exists from the start, so a rate() or an alert sees 0 rather than nothing
        for (String source : sources) {
            POLL_OUTCOMES.forEach(outcome -> polls(source, outcome));
            for (PollEvent.Change change : PollEvent.Change.values()) {
                postingEvents(source, change);
            }
            pollTimer(source);
        }
        for (String kind : TARGET_KINDS) {
            alertsQueued(kind);
            for (Outcome outcome : Outcome.values()) {
                deliveries(kind, outcome);
            }
        }
    }

    /** Adds the gauges read from the store at each scrape: sources, open postings, outbox, subscriptions. */
    public void watch(StatusReader status, Clock clock) {
        gauges = new StatusGauges(registry, sources, status, clock);
    }

    /** Counts one poll of a configured source from the events it returned; other ids are ignored. */
    public void polled(String sourceId, List<PollEvent> events, Duration took) {
        if (!sources.contains(sourceId)) {
            return;
        }
        pollTimer(sourceId).record(took);
        polls(sourceId, outcome(events)).increment();
        for (PollEvent event : events) {
            switch (event) {
                case PollEvent.PostingChanged changed ->
                    postingEvents(sourceId, changed.change()).increment();
                case PollEvent.AlertQueued queued ->
                    alertsQueued(Targets.kind(queued.target())).increment();
                default -> {}
            }
        }
    }

    @Override
    public void delivered(String target, Outcome outcome, int alerts) {
        deliveries(Targets.kind(target), outcome).increment(alerts);
    }

    /** Everything in the Prometheus text format, the store's gauges read now. */
    public String scrape() {
        StatusGauges current = gauges;
        if (current != null) {
            current.refresh();
        }
        return registry.scrape();
    }

    @Override
    public void close() {
        gc.close();
        registry.close();
    }

    static String outcome(List<PollEvent> events) {
        if (events.stream().anyMatch(e -> e instanceof PollEvent.SourceFailed)) {
            return "failed";
        }
        if (events.stream().anyMatch(e -> e instanceof PollEvent.SourceSuspicious)) {
            return "held";
        }
        boolean notModified = events.stream().anyMatch(e -> e instanceof PollEvent.SourcePolled p && p.notModified());
        return notModified ? "not_modified" : "success";
    }

    private Counter polls(String source, String outcome) {
        return Counter.builder("tern.source.polls")
                .description("Polls of a source by outcome: success, not_modified, failed, held")
                .tags("source", source, "outcome", outcome)
                .register(registry);
    }

    private Timer pollTimer(String source) {
        return Timer.builder("tern.source.poll")
                .description("How long a poll of a source took, fetch to commit")
                .tag("source", source)
                .register(registry);
    }

    private Counter postingEvents(String source, PollEvent.Change change) {
        return Counter.builder("tern.posting.events")
                .description("Posting changes a source's polls found: new, updated, closed, reopened")
                .tags("source", source, "event", change.name().toLowerCase(Locale.ROOT))
                .register(registry);
    }

    private Counter alertsQueued(String kind) {
        return Counter.builder("tern.alerts.queued")
                .description("Alerts queued in the outbox, by kind of target")
                .tag("target_kind", kind)
                .register(registry);
    }

    private Counter deliveries(String kind, Outcome outcome) {
        return Counter.builder("tern.deliveries")
                .description("Alerts the outbox worker handled, by kind of target and outcome")
                .tags("target_kind", kind, "outcome", outcome.name().toLowerCase(Locale.ROOT))
                .register(registry);
    }
}
