package dev.tern.discord;

import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.JDABuilder;
import net.dv8tion.jda.api.entities.Guild;
import net.dv8tion.jda.api.exceptions.ErrorResponseException;
import net.dv8tion.jda.api.exceptions.InvalidTokenException;
import net.dv8tion.jda.api.hooks.EventListener;
import net.dv8tion.jda.api.interactions.commands.build.CommandData;
import net.dv8tion.jda.api.requests.GatewayIntent;
import net.dv8tion.jda.api.requests.RestConfig;
import net.dv8tion.jda.api.utils.Compression;
import net.dv8tion.jda.api.utils.ConcurrentSessionController;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The JDA connection: logs in (optionally through a REST and gateway proxy), waits until ready, registers the slash
 * commands per guild (instant) or globally, and shuts down within a bounded time. Needs no privileged intents.
 */
public final class DiscordBot implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(DiscordBot.class);

    static final Duration READY_TIMEOUT = Duration.ofSeconds(60);
    static final Duration SHUTDOWN_TIMEOUT = Duration.ofSeconds(5);

    private final JDA jda;

    private DiscordBot(JDA jda) {
        this.jda = jda;
    }

    /**
     * Connects and waits until the bot is ready.
     *
     * @param restBaseUrl REST base URL ending in "/api/v10/", or null for Discord's
     * @param gatewayUrl gateway URL ("wss://..."), or null for Discord's
     * @throws DiscordStartException when the token is refused or Discord cannot be reached in time; never with the
     *     token in its message
     */
    public static DiscordBot connect(String token, String restBaseUrl, String gatewayUrl, List<EventListener> listeners)
            throws DiscordStartException, InterruptedException {
        return connect(token, restBaseUrl, gatewayUrl, listeners, READY_TIMEOUT);
    }

    /** As {@link #connect(String, String, String, List)}, waiting at most {@code readyTimeout} for READY. */
    public static DiscordBot connect(
            String token, String restBaseUrl, String gatewayUrl, List<EventListener> listeners, Duration readyTimeout)
            throws DiscordStartException, InterruptedException {
        JDABuilder builder = JDABuilder.createLight(token, EnumSet.noneOf(GatewayIntent.class))
                .setEnableShutdownHook(false)
                .addEventListeners(listeners.toArray());
        if (restBaseUrl != null) {
            builder.setRestConfig(
                    new RestConfig().setBaseUrl(restBaseUrl.endsWith("/") ? restBaseUrl : restBaseUrl + "/"));
        }
        if (gatewayUrl != null) {
            builder.setSessionController(new ProxyGateway(gatewayUrl)).setCompression(Compression.NONE);
        }
        JDA jda;
        try {
            jda = builder.build();
        } catch (InvalidTokenException | IllegalArgumentException e) {
            throw new DiscordStartException("Discord refused the bot token (discord.token): check DISCORD_TOKEN");
        }
        awaitReady(jda, readyTimeout);
        log.info(
                "Discord bot ready as {} in {} server(s)",
                jda.getSelfUser().getName(),
                jda.getGuildCache().size());
        return new DiscordBot(jda);
    }

    private static void awaitReady(JDA jda, Duration timeout) throws DiscordStartException, InterruptedException {
        CompletableFuture<JDA> ready = CompletableFuture.supplyAsync(() -> {
            try {
                return jda.awaitReady();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new CompletionException(e);
            }
        });
        try {
            ready.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            jda.shutdownNow(); // stopping while logging in: no session is left behind
            throw e;
        } catch (TimeoutException e) {
            jda.shutdownNow();
            throw new DiscordStartException("Discord did not become ready within " + timeout.toSeconds() + "s");
        } catch (ExecutionException e) {
            jda.shutdownNow();
            throw new DiscordStartException(
                    "could not log in to Discord: " + e.getCause().getMessage());
        }
    }

    public JDA jda() {
        return jda;
    }

    /**
     * Registers the commands in each listed guild (instant), or globally when the list is empty (Discord may take
     * up to an hour to show global commands).
     */
    public void registerCommands(List<String> guildIds, List<CommandData> commands) {
        if (guildIds.isEmpty()) {
            register(() -> jda.updateCommands().addCommands(commands).complete(), commands.size(), "globally");
            return;
        }
        for (String guildId : guildIds) {
            Guild guild = jda.getGuildById(guildId);
            if (guild == null) {
                log.error(
                        "discord.guilds lists {}, but the bot is not in that server; invite it (see README)", guildId);
                continue;
            }
            register(
                    () -> guild.updateCommands().addCommands(commands).complete(),
                    commands.size(),
                    "in server " + guild.getName() + " (" + guildId + ")");
        }
    }

    /** One registration; a refusal is logged (with what to do) and the others still happen. */
    private static void register(Runnable registration, int count, String where) {
        try {
            registration.run();
            log.info("Registered {} slash command(s) {}", count, where);
        } catch (ErrorResponseException e) {
            log.error(
                    "Discord refused the slash commands {}: {} (invite the bot with the applications.commands"
                            + " scope, see README)",
                    where,
                    e.getMeaning());
        }
    }

    @Override
    public void close() {
        jda.shutdown();
        try {
            if (!jda.awaitShutdown(SHUTDOWN_TIMEOUT)) {
                jda.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            jda.shutdownNow();
        }
    }

    /** Sends the gateway connection to a configured URL instead of Discord's. */
    private static final class ProxyGateway extends ConcurrentSessionController {
        private final String url;

        ProxyGateway(String url) {
            this.url = url;
        }

        @Override
        public String getGateway() {
            return url;
        }
    }
}
