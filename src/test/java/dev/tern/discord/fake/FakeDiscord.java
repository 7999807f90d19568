package dev.tern.discord.fake;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.JDABuilder;
import net.dv8tion.jda.api.requests.GatewayIntent;
import net.dv8tion.jda.api.requests.RestConfig;
import net.dv8tion.jda.api.utils.Compression;
import net.dv8tion.jda.api.utils.SessionController;

/**
 * A local fake Discord (REST under {@code /api/v10/} and a WebSocket gateway, both on 127.0.0.1) that the real JDA
 * logs in to, with one guild ({@link #GUILD_ID}, channels {@link #GENERAL} and {@link #ALERTS}) and users
 * {@link #ALICE}, {@link #BOB} (plain members) and {@link #ADMIN} (all permissions). It records every REST request,
 * sends interactions as a user would, and fails or rate-limits chosen requests.
 *
 * <pre>{@code
 * try (FakeDiscord discord = FakeDiscord.start()) {
 *     JDA jda = discord.connect(FakeDiscord.TOKEN, myListener);   // or discord.jdaBuilder(token)...build()
 *     InteractionReply reply = discord.sendSlashCommand(FakeDiscord.ALICE, FakeDiscord.GENERAL, "subscribe",
 *             List.of(Option.string("keywords", "backend")));
 *     JsonNode shown = reply.awaitResponse(Duration.ofSeconds(5));   // callback data, or the deferred edit
 *     discord.failNext("POST", "channels/" + FakeDiscord.ALERTS + "/messages", 404, 10003, "Unknown Channel");
 *     Recorded post = discord.awaitRequest("POST", "channels/\\d+/messages", Duration.ofSeconds(5));
 *     FakeDiscord.disconnect(jda);
 * }
 * }</pre>
 *
 * <p>Code that builds its own JDA (Tern's {@code discord.restBaseUrl} / {@code discord.gatewayUrl}) must do what
 * {@link #jdaBuilder} does: the REST base URL through {@link RestConfig}, and the gateway URL through a
 * {@link SessionController} whose {@code getGateway()} returns {@link #gatewayUrl()} (a plain JDABuilder never asks
 * Discord for it; see {@link JdaLifecycle#sessionController}). Member chunking must stay off: the gateway ignores
 * op 8.
 *
 * <p>Notes: path regexes match the whole path after {@code /api/v10/}. {@code failAlways("GET", "users/@me", 401, 0,
 * "401: Unauthorized")} makes every token invalid. Interactions happen in guild channels only, and go to every JDA
 * that is logged in (connect one at a time). {@link #messages} lists interaction replies too (type 20, with a
 * {@code webhook_id}); messages the bot posted itself have type 0.
 */
public final class FakeDiscord implements AutoCloseable {

    public static final String TOKEN = "fake-bot-token";
    public static final String BOT_ID = "1200000000000000001";
    public static final String APPLICATION_ID = BOT_ID;
    public static final String BOT_NAME = "tern";
    public static final String GUILD_ID = "1200000000000000100";
    public static final String GENERAL = "1200000000000000201";
    public static final String ALERTS = "1200000000000000202";
    public static final String ALICE = "1200000000000000301";
    public static final String BOB = "1200000000000000302";
    public static final String ADMIN = "1200000000000000303";
    /** View channel, send messages, embed links, read history, use application commands: no Manage anything. */
    public static final long MEMBER_PERMISSIONS = (1L << 10) | (1L << 11) | (1L << 14) | (1L << 16) | (1L << 31);
    /** Every permission bit up to 30, Administrator included. */
    public static final long ALL_PERMISSIONS = 2_147_483_647L;

    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);
    private static final int TOO_MANY_REQUESTS = 429;
    private static final int GATEWAY_STOP_MILLIS = 1000;

    private final Snowflakes snowflakes;
    private final Directory directory;
    private final MessageStore messages;
    private final CommandApi commands;
    private final InteractionApi interactionApi;
    private final InteractionPayloads payloads;
    private final Faults faults = new Faults();
    private final RequestLog log = new RequestLog();
    private final FakeGateway gateway = new FakeGateway();
    private final FakeRest rest;

    private FakeDiscord(Clock clock) {
        snowflakes = new Snowflakes(clock);
        directory = new Directory(snowflakes);
        messages = new MessageStore(clock, snowflakes);
        commands = new CommandApi(snowflakes);
        interactionApi = new InteractionApi(messages);
        payloads = new InteractionPayloads(directory, commands, snowflakes);
        Router router = new Router();
        commands.register(router);
        interactionApi.register(router);
        new ChannelApi(directory, messages, gateway::url).register(router);
        gateway.startAndWait();
        try {
            rest = new FakeRest(clock, router, faults, log);
        } catch (RuntimeException e) {
            stopGateway();
            throw e;
        }
    }

    /** Starts both servers on free ports of 127.0.0.1. */
    public static FakeDiscord start() {
        return new FakeDiscord(Clock.systemUTC());
    }

    /**
     * Starts with a clock of the test's: message ids, timestamps and the nonce window (a repeated enforced nonce
     * within 5 minutes returns the earlier message) follow it, so a test moves time past the window without sleeping.
     */
    public static FakeDiscord start(Clock clock) {
        return new FakeDiscord(clock);
    }

    /** {@code http://127.0.0.1:PORT/api/v10/}, for {@link RestConfig#setBaseUrl}. */
    public String restBaseUrl() {
        return rest.baseUrl();
    }

    /** {@code ws://127.0.0.1:PORT/}, for a {@link SessionController#getGateway()}. */
    public String gatewayUrl() {
        return gateway.url();
    }

    /** A JDABuilder pointed at this fake with deterministic test settings (no compression, hook, reconnect, retry). */
    public JDABuilder jdaBuilder(String token) {
        return JDABuilder.createLight(token, EnumSet.noneOf(GatewayIntent.class))
                .setRestConfig(new RestConfig().setBaseUrl(restBaseUrl()))
                .setSessionController(JdaLifecycle.sessionController(gatewayUrl()))
                .setCompression(Compression.NONE)
                .setEnableShutdownHook(false)
                .setAutoReconnect(false)
                .setRequestTimeoutRetry(false);
    }

    /** Builds a JDA with {@link #jdaBuilder} and the listeners, and waits (10 s at most) until it is ready. */
    public JDA connect(String token, Object... listeners) {
        JDA jda = jdaBuilder(token).addEventListeners(listeners).build();
        JdaLifecycle.awaitReady(jda, CONNECT_TIMEOUT);
        return jda;
    }

    /** Shuts the JDA down cleanly (see {@link JdaLifecycle#shutdown}); null is ignored. */
    public static void disconnect(JDA jda) {
        JdaLifecycle.shutdown(jda);
    }

    /** The user runs {@code /name} with the options (typed, nested for subcommands) in a guild channel. */
    public InteractionReply sendSlashCommand(String userId, String channelId, String name, List<Option> options) {
        InteractionReply reply = newReply(channelId, null);
        send(payloads.command(InteractionPayloads.APPLICATION_COMMAND, reply, userId, channelId, name, options));
        return reply;
    }

    /**
     * The INTERACTION_CREATE payload (the gateway event's {@code d}) of the user running {@code /name}, without
     * sending it: for tests that hand thousands of interactions to JDA's own gateway handler in process.
     */
    public JsonNode slashCommandPayload(String userId, String channelId, String name, List<Option> options) {
        return payloads.command(
                InteractionPayloads.APPLICATION_COMMAND, newReply(channelId, null), userId, channelId, name, options);
    }

    /** The user is typing the option {@code focusedOption} of {@code /name}; await the choices (callback type 8). */
    public InteractionReply sendAutocomplete(
            String userId, String channelId, String name, List<Option> options, String focusedOption) {
        List<Option> focused = options.stream().map(o -> o.focus(focusedOption)).toList();
        if (focused.stream().noneMatch(Option::containsFocus)) {
            throw new IllegalArgumentException("no option named " + focusedOption + " with a value in " + options);
        }
        InteractionReply reply = newReply(channelId, null);
        send(payloads.command(InteractionPayloads.AUTOCOMPLETE, reply, userId, channelId, name, focused));
        return reply;
    }

    /** The user clicks the button {@code customId} on the message; {@code @original} then stands for that message. */
    public InteractionReply sendButton(String userId, String channelId, String customId, String messageId) {
        JsonNode message = messages.findOrAdopt(channelId, messageId).deepCopy();
        InteractionReply reply = newReply(channelId, messageId);
        send(payloads.button(reply, userId, channelId, customId, message));
        return reply;
    }

    /** Sends any gateway event to every ready JDA connection; returns how many connections got it. */
    public int dispatch(String eventType, JsonNode data) {
        return gateway.dispatch(eventType, data);
    }

    /** How many times a JDA has identified (logged in) on the gateway. */
    /**
     * Ends the live gateway sessions with a close code, as Discord does (4004 authentication failed, 4014
     * disallowed intents: JDA does not reconnect after those); returns how many were ended.
     */
    public int closeGateway(int code, String reason) {
        return gateway.closeSessions(code, reason);
    }

    public int gatewayLogins() {
        return gateway.identifies();
    }

    /** Adds (or renames) a user with the member permissions its interactions carry. */
    public void addUser(String userId, String username, long memberPermissions) {
        directory.user(userId, username, memberPermissions);
    }

    /** Sets the permissions the user's interactions carry, e.g. {@link #ALL_PERMISSIONS}. */
    public void setPermissions(String userId, long memberPermissions) {
        directory.permissions(userId, memberPermissions);
    }

    /** The DM channel with the user, the same every time: for paths like {@code channels/<dm>/messages}. */
    public String dmChannelId(String userId) {
        return directory.dmChannel(userId);
    }

    /** The messages now in the channel (edits applied, as the fake returned them), oldest first. */
    public List<JsonNode> messages(String channelId) {
        return messages.inChannel(channelId);
    }

    /** A user deletes the message: from now on it is gone (10008 Unknown Message to GET, PATCH and DELETE). */
    public void deleteMessage(String messageId) {
        messages.delete(messageId);
    }

    /** Every REST request so far, in order. */
    public List<Recorded> requests() {
        return log.all();
    }

    /** The requests whose method is {@code method} and whose path matches {@code pathRegex} entirely. */
    public List<Recorded> requests(String method, String pathRegex) {
        return log.matching(method, pathRegex);
    }

    /** The first matching request, waiting for it; fails the test with all requests listed on timeout. */
    public Recorded awaitRequest(String method, String pathRegex, Duration timeout) {
        return log.await(method, pathRegex, 1, timeout);
    }

    /** The {@code count}-th matching request, waiting until that many have arrived. */
    public Recorded awaitRequest(String method, String pathRegex, int count, Duration timeout) {
        return log.await(method, pathRegex, count, timeout);
    }

    /** Requests no route answered (each got a 404 with a Discord-style error). */
    public List<Recorded> unknownRoutes() {
        return log.unknownRoutes();
    }

    /** The body of the last bulk command registration (global or guild PUT) exactly as JDA sent it. */
    public ArrayNode registeredCommands() {
        return commands.lastRegistered();
    }

    /** Answers the next matching request with {@code status} and {@code {"code":discordCode,"message":message}}. */
    public void failNext(String method, String pathRegex, int status, int discordCode, String message) {
        faults.add(method, pathRegex, 1, new Faults.Fault(status, FakeJson.error(discordCode, message), null));
    }

    /** Like {@link #failNext} for every matching request until {@link #clearFailures()}. */
    public void failAlways(String method, String pathRegex, int status, int discordCode, String message) {
        faults.add(
                method,
                pathRegex,
                Faults.FOREVER,
                new Faults.Fault(status, FakeJson.error(discordCode, message), null));
    }

    /**
     * Answers the next matching request with a per-route 429; JDA waits (whole seconds, rounded up) and retries.
     * {@link Duration#ZERO} makes JDA retry at once, for fast tests.
     */
    public void rateLimitNext(String method, String pathRegex, Duration retryAfter) {
        faults.add(
                method,
                pathRegex,
                1,
                new Faults.Fault(TOO_MANY_REQUESTS, FakeRest.rateLimitBody(retryAfter), retryAfter));
    }

    public void clearFailures() {
        faults.clear();
    }

    /**
     * Answers every request after a random delay between {@code minDelay} and {@code maxDelay}, and fails message
     * posts and edits at {@code faultRate} (0..1) with a 500 before or after acting on them, or a 503; all drawn from
     * {@code seed}.
     */
    public void chaos(long seed, Duration minDelay, Duration maxDelay, double faultRate) {
        rest.chaos(new Chaos(seed, minDelay, maxDelay, faultRate));
    }

    /** How many requests {@link #chaos} has failed so far. */
    public int chaosFaults() {
        return rest.chaosFaults();
    }

    @Override
    public void close() {
        rest.close();
        stopGateway();
    }

    private InteractionReply newReply(String channelId, String originalMessageId) {
        String id = snowflakes.next();
        InteractionReply reply = new InteractionReply(id, "fake-interaction-token-" + id, channelId, originalMessageId);
        interactionApi.track(reply);
        return reply;
    }

    private void send(JsonNode interaction) {
        if (gateway.dispatch("INTERACTION_CREATE", interaction) == 0) {
            throw new IllegalStateException("no JDA is logged in to the fake Discord: connect one before interacting");
        }
    }

    private void stopGateway() {
        try {
            gateway.stop(GATEWAY_STOP_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
