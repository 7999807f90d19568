package dev.tern.app;

import dev.tern.config.SourceConfig;
import dev.tern.config.TernConfig;
import dev.tern.deliver.ConsoleNotifier;
import dev.tern.deliver.LogNoticeSink;
import dev.tern.deliver.NoticeSink;
import dev.tern.deliver.Notifier;
import dev.tern.discord.DiscordStartException;
import dev.tern.discord.commands.CommandContext;
import dev.tern.poll.PollEvent;
import dev.tern.web.StatusReader;
import dev.tern.web.TernMetrics;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A running Tern without its schedule: the services, the Discord bot (when configured, and when this instance leads:
 * see {@link GatewayLeader}), and the slash commands served. {@code tern run} adds the schedule; the end-to-end tests
 * drive polls and deliveries by hand.
 */
public final class TernRuntime implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(TernRuntime.class);

    private final Services services;
    private final Optional<GatewayLeader> discord;
    private final TernMetrics metrics;
    private final StatusReader status;

    private TernRuntime(Services services, Optional<GatewayLeader> discord, TernMetrics metrics, Clock clock) {
        this.services = services;
        this.discord = discord;
        this.metrics = metrics;
        this.status = new StatusReader(
                services.database(),
                services.stores(),
                services.subscriptions()::status,
                services.config().routes(),
                clock);
        metrics.watch(status, clock);
    }

    /**
     * Opens the services first (the database: an instance that cannot open it never touches the gateway), then
     * connects Discord when this instance leads (a refused token stops here, closing everything) and serves the
     * commands.
     */
    public static TernRuntime start(TernConfig config, Clock clock, PrintWriter console)
            throws DiscordStartException, InterruptedException {
        Optional<GatewayLeader> leader = Optional.empty();
        if (config.discord().enabled()) {
            leader = Optional.of(new GatewayLeader(config.discord(), clock));
        } else {
            log.info("Discord is off (no discord.token): alerts go to the console only");
        }
        List<Notifier> notifiers = new ArrayList<>();
        notifiers.add(new ConsoleNotifier(console, false));
        leader.ifPresent(d -> notifiers.add(d.notifier()));
        NoticeSink sink = leader.isPresent() && config.discord().hasAdminChannel()
                ? leader.get().adminChannel()
                : new LogNoticeSink();
        TernMetrics metrics =
                new TernMetrics(config.sources().stream().map(SourceConfig::id).toList());
        Services services;
        try {
            services = Services.open(config, config.storage(), clock, notifiers, sink, metrics);
        } catch (RuntimeException e) {
            metrics.close();
            throw e;
        }
        TernRuntime runtime = new TernRuntime(services, leader, metrics, clock);
        try {
            if (leader.isPresent()) {
                leader.get()
                        .start(
                                services.database(),
                                d -> d.serve(new CommandContext(
                                        services.subscriptions(),
                                        config.sources(),
                                        runtime::pollNow,
                                        runtime::acceptHold,
                                        clock)));
            }
            return runtime;
        } catch (DiscordStartException | InterruptedException | RuntimeException e) {
            runtime.close();
            throw e;
        }
    }

    public Services services() {
        return services;
    }

    /** The metrics every poll and delivery of this runtime counts. */
    public TernMetrics metrics() {
        return metrics;
    }

    /** Reads what the status page and {@code tern status} show. */
    public StatusReader status() {
        return status;
    }

    /**
     * Whether the Discord bot is configured and connected now; empty when it is off. An instance that follows
     * another (which holds the gateway session) counts as connected.
     */
    public Optional<Boolean> discordConnected() {
        return discord.map(GatewayLeader::connected);
    }

    /** Polls one source now and delivers what is due; unknown ids give a failed event. */
    public List<PollEvent> pollNow(String sourceId) {
        Optional<SourceConfig> source = source(sourceId);
        if (source.isEmpty()) {
            return List.of(new PollEvent.SourceFailed(sourceId, "no source with this id in the configuration"));
        }
        long start = System.nanoTime();
        List<PollEvent> events = services.poller().poll(source.get(), false);
        metrics.polled(sourceId, events, Duration.ofNanos(System.nanoTime() - start));
        services.deliver();
        return events;
    }

    /**
     * Accepts the held poll of a source now (its kept-open postings close) and delivers what is due; empty when the
     * source is unknown, holds nothing, or holds another hold than {@code holdId} (null: whatever it holds).
     */
    public Optional<List<PollEvent>> acceptHold(String sourceId, String holdId) {
        Optional<List<PollEvent>> events =
                source(sourceId).flatMap(s -> services.poller().accept(s, holdId, false));
        events.ifPresent(e -> services.deliver());
        return events;
    }

    private Optional<SourceConfig> source(String sourceId) {
        return services.config().sources().stream()
                .filter(s -> s.id().equals(sourceId))
                .findFirst();
    }

    /** Stops Discord first (no new commands), then the services. */
    @Override
    public void close() {
        discord.ifPresent(GatewayLeader::close);
        services.close();
        metrics.close();
    }
}
