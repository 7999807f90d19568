package dev.tern.discord;

import dev.tern.config.DiscordConfig;
import dev.tern.deliver.NoticeSink;
import dev.tern.deliver.Notifier;
import dev.tern.discord.commands.CommandContext;
import dev.tern.discord.commands.CommandRouter;
import dev.tern.discord.commands.Commands;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import net.dv8tion.jda.api.JDA;

/**
 * Tern's Discord side as the rest of the app sees it, with no JDA type in its API: connect the bot, deliver
 * alerts through it, serve the slash commands, disconnect.
 */
public final class Discord implements AutoCloseable {

    private final DiscordBot bot;
    private final DiscordConfig config;
    private final DiscordNotifier notifier;

    private Discord(DiscordBot bot, DiscordConfig config, Clock clock) {
        this.bot = bot;
        this.config = config;
        this.notifier = new DiscordNotifier(bot.jda(), config.digest(), clock);
    }

    /**
     * Logs in and waits until the bot is ready.
     *
     * @throws DiscordStartException when the token is refused or Discord is out of reach (never naming the token)
     */
    public static Discord connect(DiscordConfig config, Clock clock)
            throws DiscordStartException, InterruptedException {
        return new Discord(
                DiscordBot.connect(config.token(), config.restBaseUrl(), config.gatewayUrl(), List.of()),
                config,
                clock);
    }

    /** Delivers to {@code discord:channel/ID} and {@code discord:user/ID} targets. */
    public Notifier notifier() {
        return notifier;
    }

    /** Posts admin notices in {@code discord.adminChannel}, when one is set. */
    public Optional<NoticeSink> adminChannel() {
        return config.hasAdminChannel()
                ? Optional.of(new AdminChannel(bot.jda(), config.adminChannel()))
                : Optional.empty();
    }

    /** Starts answering the slash commands and registers them (per configured guild, or globally). */
    public void serve(CommandContext context) {
        CommandRouter router = new CommandRouter(Commands.all(context), context.subscriptions()::takeNotice);
        bot.jda().addEventListener(router);
        bot.registerCommands(config.guilds(), router.definitions());
    }

    /** Whether the bot's gateway session is connected now (readiness). */
    public boolean connected() {
        return bot.jda().getStatus() == JDA.Status.CONNECTED;
    }

    /**
     * Whether the gateway session ended for good and will not reconnect by itself: Discord refused the token
     * (4004) or the intents (4014) mid-session, or JDA stopped. Such a session serves nothing until a new one is
     * made.
     */
    public boolean ended() {
        JDA.Status status = bot.jda().getStatus();
        return status == JDA.Status.SHUTDOWN
                || status == JDA.Status.SHUTTING_DOWN
                || status == JDA.Status.FAILED_TO_LOGIN;
    }

    /** The session's state as JDA names it, for the log. */
    public String state() {
        return bot.jda().getStatus().name();
    }

    @Override
    public void close() {
        bot.close();
    }
}
