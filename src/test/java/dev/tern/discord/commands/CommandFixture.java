package dev.tern.discord.commands;

import static dev.tern.testing.TestPostings.posting;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tern.config.Category;
import dev.tern.config.Degree;
import dev.tern.config.DiscordConfig;
import dev.tern.config.SourceConfig;
import dev.tern.config.Sponsorship;
import dev.tern.discord.DiscordBot;
import dev.tern.discord.DiscordStartException;
import dev.tern.discord.fake.FakeDiscord;
import dev.tern.discord.fake.InteractionReply;
import dev.tern.discord.fake.JdaLifecycle;
import dev.tern.discord.fake.Option;
import dev.tern.match.LiveSubscriptions;
import dev.tern.match.SubscriptionService;
import dev.tern.poll.PollEvent;
import dev.tern.posting.Location;
import dev.tern.posting.Posting;
import dev.tern.posting.Term;
import dev.tern.store.Database;
import dev.tern.store.PostingStore;
import dev.tern.store.Stores;
import dev.tern.testing.MutableClock;
import dev.tern.testing.TestDatabases;
import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BiFunction;
import java.util.function.Function;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.utils.data.DataObject;
import net.dv8tion.jda.internal.JDAImpl;
import okhttp3.OkHttpClient;

/**
 * The real JDA logged in to the fake Discord through {@link DiscordBot}, with Tern's commands registered in the
 * fake guild and routed by a {@link CommandRouter} to a real {@link SubscriptionService} over a fresh H2 that
 * holds {@link #ML_POSTINGS} ML postings and a few others. Start one per test class; each test makes its own
 * users so that tests do not see each other's subscriptions.
 */
final class CommandFixture implements AutoCloseable {

    static final Duration TIMEOUT = Duration.ofSeconds(15);
    static final int EPHEMERAL = 64;
    static final int LIMIT = 3;
    static final int ML_POSTINGS = 12;
    static final String SIMPLIFY = "simplify";
    static final String ACME = "acme-greenhouse";
    private static final ObjectMapper JSON = new ObjectMapper();
    static final String TRICKY_TITLE = "@everyone **Intern** <@123>";
    /**
     * ML postings i = 1..12 are data-ml, for a master's when i is even (else a bachelor's), and sponsor when i % 3
     * is 0, do not when it is 1, do not say when it is 2.
     */
    static final List<Sponsorship> SPONSORSHIP_BY_THIRDS =
            List.of(Sponsorship.OFFERED, Sponsorship.NONE, Sponsorship.UNKNOWN);

    final FakeDiscord discord;
    final Database db;
    final MutableClock clock = MutableClock.fixed();
    final SubscriptionService service;
    final CommandRouter router;
    private final AutoCloseable bot;
    private final JDA jda;
    private final ReplyCapture capture;
    private final AtomicLong sequence = new AtomicLong(1_000);
    private final AtomicReference<Function<String, List<PollEvent>>> pollNow =
            new AtomicReference<>(source -> List.of());
    private final AtomicReference<BiFunction<String, String, Optional<List<PollEvent>>>> acceptHold =
            new AtomicReference<>((source, hold) -> Optional.empty());
    private final AtomicLong users = new AtomicLong(1_300_000_000_000_000_000L);

    private CommandFixture(int limit, ReplyCapture capture) throws DiscordStartException, InterruptedException {
        discord = FakeDiscord.start();
        db = TestDatabases.fresh();
        List<SourceConfig> sources = List.of(source(SIMPLIFY, "simplify"), source(ACME, "greenhouse"));
        DiscordConfig limits = new DiscordConfig(
                FakeDiscord.TOKEN, List.of(FakeDiscord.GUILD_ID), null, null, limit, DiscordConfig.DEFAULT_DIGEST);
        service = new SubscriptionService(
                db, Stores.create(), clock, LiveSubscriptions.load(db, Stores.create(), List.of()), limits, sources);
        CommandContext context = new CommandContext(
                service,
                sources,
                source -> pollNow.get().apply(source),
                (source, hold) -> acceptHold.get().apply(source, hold),
                clock);
        router = new CommandRouter(Commands.all(context), service::takeNotice);
        seedPostings();
        this.capture = capture;
        if (capture == null) {
            DiscordBot connected = DiscordBot.connect(
                    FakeDiscord.TOKEN,
                    discord.restBaseUrl(),
                    discord.gatewayUrl(),
                    List.of(router),
                    TIMEOUT.multipliedBy(2));
            connected.registerCommands(List.of(FakeDiscord.GUILD_ID), router.definitions());
            bot = connected;
            jda = connected.jda();
        } else {
            jda = discord.jdaBuilder(FakeDiscord.TOKEN)
                    .setHttpClientBuilder(new OkHttpClient.Builder().addInterceptor(capture))
                    .addEventListeners(router)
                    .build();
            JdaLifecycle.awaitReady(jda, TIMEOUT);
            bot = () -> FakeDiscord.disconnect(jda);
        }
    }

    /** With at most {@link #LIMIT} subscriptions per user. */
    static CommandFixture start() {
        return start(LIMIT);
    }

    static CommandFixture start(int maxSubscriptionsPerUser) {
        return start(maxSubscriptionsPerUser, null);
    }

    /**
     * With JDA's interaction requests answered in process by {@link ReplyCapture} (see {@link #dispatch}); login
     * and everything else still go to the fake Discord.
     */
    static CommandFixture inProcess(int maxSubscriptionsPerUser) {
        return start(maxSubscriptionsPerUser, new ReplyCapture());
    }

    private static CommandFixture start(int maxSubscriptionsPerUser, ReplyCapture capture) {
        try {
            return new CommandFixture(maxSubscriptionsPerUser, capture);
        } catch (DiscordStartException e) {
            throw new AssertionError("the bot did not log in to the fake Discord", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** A new member with plain permissions (no Manage anything), unknown to Tern so far. */
    String newUser() {
        String id = Long.toString(users.incrementAndGet());
        discord.addUser(id, "student" + id.substring(id.length() - 4), FakeDiscord.MEMBER_PERMISSIONS);
        return id;
    }

    /** The command as registered in the fake guild, as JDA sent it. */
    JsonNode registered(String name) {
        for (JsonNode command : discord.registeredCommands()) {
            if (command.path("name").asText().equals(name)) {
                return command;
            }
        }
        throw new AssertionError("/" + name + " is not registered: " + discord.registeredCommands());
    }

    /** What {@code /tern poll} runs from now on. */
    void pollNow(Function<String, List<PollEvent>> poll) {
        pollNow.set(poll);
    }

    /** What {@code /tern accept} and the Accept button run from now on. */
    void acceptHold(BiFunction<String, String, Optional<List<PollEvent>>> accept) {
        acceptHold.set(accept);
    }

    /**
     * Hands {@code /command} to JDA's own INTERACTION_CREATE handler, as its gateway reader does with each event
     * frame, on this thread; the handler runs before this returns, its replies arrive in the exchange. Only for
     * {@link #inProcess} fixtures.
     */
    ReplyCapture.Exchange dispatch(String user, String command, List<Option> options) {
        JsonNode payload = discord.slashCommandPayload(user, FakeDiscord.GENERAL, command, options);
        ReplyCapture.Exchange exchange = capture.expect(payload.path("token").asText());
        long number = sequence.incrementAndGet();
        ObjectNode frame = JSON.createObjectNode()
                .put("op", 0)
                .put("t", "INTERACTION_CREATE")
                .put("s", number);
        frame.set("d", payload);
        ((JDAImpl) jda)
                .getClient()
                .getHandler("INTERACTION_CREATE")
                .handle(number, DataObject.fromJson(frame.toString()));
        return exchange;
    }

    /** Stops recording an interaction dispatched before. */
    void forget(ReplyCapture.Exchange exchange) {
        capture.forget(exchange);
    }

    InteractionReply send(String user, String command, Option... options) {
        return discord.sendSlashCommand(user, FakeDiscord.GENERAL, command, List.of(options));
    }

    /** Runs the command and returns the callback, checked to be an ephemeral reply that can mention no one. */
    JsonNode reply(String user, String command, Option... options) {
        return ephemeral(send(user, command, options));
    }

    /** The content of {@link #reply}. */
    String text(String user, String command, Option... options) {
        return reply(user, command, options).path("content").asText();
    }

    /**
     * The answer: the callback data of a reply, or for a deferred reply the edit that fills it in; checked to be
     * ephemeral (flag 64 on the callback) and to allow no mentions.
     */
    static JsonNode ephemeral(InteractionReply reply) {
        JsonNode callback = reply.awaitCallback(TIMEOUT);
        int type = callback.path("type").asInt();
        assertThat(type).isIn(InteractionReply.REPLY, InteractionReply.DEFER_REPLY);
        assertThat(callback.path("data").path("flags").asInt() & EPHEMERAL).isEqualTo(EPHEMERAL);
        JsonNode data = type == InteractionReply.REPLY ? callback.path("data") : reply.awaitEdit(1, TIMEOUT);
        assertNoMentions(data);
        return data;
    }

    static void assertNoMentions(JsonNode message) {
        assertThat(message.path("allowed_mentions").path("parse").isArray()).isTrue();
        assertThat(message.path("allowed_mentions").path("parse")).isEmpty();
    }

    /** The choices autocomplete offers while the user types {@code typed} in {@code option}. */
    List<String> choices(String user, String command, String option, String typed, Option... others) {
        List<Option> options = new ArrayList<>(List.of(others));
        options.add(Option.string(option, typed));
        JsonNode answer = discord.sendAutocomplete(user, FakeDiscord.GENERAL, command, options, option)
                .awaitResponse(TIMEOUT);
        List<String> choices = new ArrayList<>();
        answer.path("choices")
                .forEach(c -> choices.add(
                        c.path("name").asText() + "=" + c.path("value").asText()));
        return choices;
    }

    void store(Posting... postings) {
        db.transaction((Connection c) -> {
            for (Posting p : postings) {
                new PostingStore().insert(c, p, clock.instant());
            }
            return null;
        });
    }

    @Override
    public void close() {
        try {
            bot.close();
        } catch (Exception e) {
            throw new IllegalStateException("the bot did not stop", e);
        }
        discord.close();
        db.close();
    }

    private void seedPostings() {
        for (int i = 1; i <= ML_POSTINGS; i++) {
            store(posting(SIMPLIFY, "ml" + i)
                    .title("ML Intern " + i)
                    .company(i % 2 == 0 ? "Stripe" : "Streamline")
                    .term(new Term("Summer", 2027))
                    .postedAt(clock.instant().minus(Duration.ofHours(i)))
                    .category(Category.DATA_ML)
                    .sponsorship(SPONSORSHIP_BY_THIRDS.get(i % 3))
                    .degrees(i % 2 == 0 ? Degree.MASTER : Degree.BACHELOR)
                    .build());
        }
        store(
                posting(ACME, "sales")
                        .title("Sales Intern")
                        .company("Acme")
                        .category(Category.BUSINESS)
                        .build(),
                posting(ACME, "tricky")
                        .title(TRICKY_TITLE)
                        .company("Mention Corp")
                        .locations(List.of(new Location("Seattle, WA", "Seattle", "WA", "US", false)))
                        .build());
    }

    private static SourceConfig source(String id, String type) {
        return new SourceConfig(
                id, type, Duration.ofMinutes(15), null, null, null, SourceConfig.Classify.INTERNSHIPS, false, Map.of());
    }
}
