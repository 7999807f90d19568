package dev.tern.app;

import dev.tern.config.SourceConfig;
import dev.tern.config.TernConfig;
import dev.tern.deliver.ConsoleNotifier;
import dev.tern.deliver.Notifier;
import dev.tern.discord.Discord;
import dev.tern.discord.DiscordStartException;
import dev.tern.discord.commands.CommandContext;
import dev.tern.poll.PollEvent;
import java.io.PrintWriter;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A running Tern without its schedule: the Discord bot (when configured), the services, and the slash commands
 * served. {@code tern run} adds the schedule; the end-to-end tests drive polls and deliveries by hand.
 */
public final class TernRuntime implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(TernRuntime.class);

    private final Services services;
    private final Optional<Discord> discord;

    private TernRuntime(Services services, Optional<Discord> discord) {
        this.services = services;
        this.discord = discord;
    }

    /**
     * Connects Discord first (a refused token stops here, before anything else opens), then opens the services
     * and serves the commands.
     */
    public static TernRuntime start(TernConfig config, Clock clock, PrintWriter console)
            throws DiscordStartException, InterruptedException {
        Optional<Discord> discord = Optional.empty();
        if (config.discord().enabled()) {
            discord = Optional.of(Discord.connect(config.discord(), clock));
        } else {
            log.info("Discord is off (no discord.token): alerts go to the console only");
        }
        List<Notifier> notifiers = new ArrayList<>();
        notifiers.add(new ConsoleNotifier(console, false));
        discord.ifPresent(d -> notifiers.add(d.notifier()));
        try {
            Services services = Services.open(config, config.storage(), clock, notifiers);
            TernRuntime runtime = new TernRuntime(services, discord);
            discord.ifPresent(d ->
                    d.serve(new CommandContext(services.subscriptions(), config.sources(), runtime::pollNow, clock)));
            return runtime;
        } catch (RuntimeException e) {
            discord.ifPresent(Discord::close);
            throw e;
        }
    }

    public Services services() {
        return services;
    }

    /** Polls one source now and delivers what is due; unknown ids give a failed event. */
    public List<PollEvent> pollNow(String sourceId) {
        Optional<SourceConfig> source = services.config().sources().stream()
                .filter(s -> s.id().equals(sourceId))
                .findFirst();
        if (source.isEmpty()) {
            return List.of(new PollEvent.SourceFailed(sourceId, "no source with this id in the configuration"));
        }
        List<PollEvent> events = services.poller().poll(source.get(), false);
        services.deliveries().drain();
        return events;
    }

    /** Stops Discord first (no new commands), then the services. */
    @Override
    public void close() {
        discord.ifPresent(Discord::close);
        services.close();
    }
}
