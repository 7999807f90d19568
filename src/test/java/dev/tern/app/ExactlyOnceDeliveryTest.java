package dev.tern.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tern.config.FilterConfig;
import dev.tern.config.TernConfig;
import dev.tern.discord.fake.FakeDiscord;
import dev.tern.match.SubscribeResult;
import dev.tern.store.Delivery;
import dev.tern.store.DeliveryStatus;
import dev.tern.store.DeliveryStore;
import dev.tern.testing.BoardServer;
import dev.tern.testing.MutableClock;
import dev.tern.testing.ShownPostings;
import dev.tern.testing.SimplifyListing;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Issue 12's two failure cases, reproduced against the fake Discord with the real JDA and a file H2: Tern stops
 * after Discord took a message (rows 5–7) but before recording it, more alerts (rows 8–15) are queued, and Tern
 * starts again, perhaps with another digest limit (so it would split differently). Every posting must be shown
 * exactly once in the route's channel and in the subscriber's DM; also when the restart comes after Discord forgot
 * the message's nonce.
 */
final class ExactlyOnceDeliveryTest {

    private static final String CHANNEL_MESSAGES = "channels/" + FakeDiscord.ALERTS + "/messages";
    private static final List<Integer> FIRST = List.of(5, 6, 7);
    private static final List<Integer> LATER =
            IntStream.rangeClosed(8, 15).boxed().toList();

    @TempDir
    Path dir;

    private final MutableClock clock = new MutableClock(Instant.now().truncatedTo(ChronoUnit.SECONDS));
    private final Instant posted = clock.instant().minus(3, ChronoUnit.HOURS);
    private final SimplifyListing listing = new SimplifyListing();
    private FakeDiscord discord;
    private BoardServer board;
    private TernRuntime tern;

    @BeforeEach
    void setUp() throws Exception {
        discord = FakeDiscord.start(clock);
        board = BoardServer.start();
        listing.add("seed", "Seedling", "Gardening Intern", "Boston, MA", posted);
        board.serve("/listings.json", listing.json());
        tern = start(10);
        tern.pollNow("list");
        FilterConfig filter = new FilterConfig(
                "intern", List.of(), List.of(), List.of(), List.of(), FilterConfig.RemoteMode.ANY, true);
        assertThat(tern.services()
                        .subscriptions()
                        .subscribe(FakeDiscord.ALICE, FakeDiscord.GUILD_ID, FakeDiscord.GENERAL, false, filter))
                .isInstanceOf(SubscribeResult.Created.class);
    }

    @AfterEach
    void tearDown() {
        if (tern != null) {
            tern.close();
        }
        board.close();
        discord.close();
    }

    @ParameterizedTest(name = "digest after the restart: {0}")
    @ValueSource(ints = {10, 3})
    void aMessageDiscordTookJustBeforeACrashIsRecordedOnRestartAndLaterAlertsAllArriveOnce(int digestAfter)
            throws Exception {
        add(FIRST);
        poll();
        String original = onlyMessageId();

        crashBeforeRecordingTheSends();
        restart(digestAfter);
        add(LATER);
        pollWithoutDelivering();
        tern.services().deliveries().drain();

        assertShownOnce();
        assertThat(delivery(5).externalMessageId()).isEqualTo(original);
        assertThat(delivery(8).externalMessageId()).isNotEqualTo(original);
    }

    @ParameterizedTest(name = "digest after the restart: {0}")
    @ValueSource(ints = {10, 3})
    void aMessageDiscordNeverGotIsSentOnceAsFormedBeforeTheLaterAlerts(int digestAfter) throws Exception {
        discord.failNext("POST", CHANNEL_MESSAGES, 500, 0, "500: Internal Server Error");
        add(FIRST);
        poll();
        assertThat(discord.messages(FakeDiscord.ALERTS)).isEmpty();

        restart(digestAfter);
        add(LATER);
        pollWithoutDelivering();
        clock.advance(Duration.ofSeconds(31));
        tern.services().deliveries().drain();

        assertShownOnce();
        assertThat(discord.messages(FakeDiscord.ALERTS).getFirst().get("embeds"))
                .as("the message formed before the restart, re-sent as formed")
                .hasSize(FIRST.size());
    }

    @Test
    void aMessageDiscordTookIsFoundInTheChannelWhenTheRestartComesAfterTheNonceWindow() throws Exception {
        add(FIRST);
        poll();
        String original = onlyMessageId();
        crashBeforeRecordingTheSends();

        clock.advance(Duration.ofMinutes(10));
        restart(10);
        tern.services().deliveries().drain();

        assertThat(discord.requests("POST", CHANNEL_MESSAGES)).hasSize(1);
        assertThat(discord.requests("GET", CHANNEL_MESSAGES)).isNotEmpty();
        assertThat(ShownPostings.count(discord.messages(FakeDiscord.ALERTS))).containsOnly(expected(FIRST));
        assertThat(ShownPostings.count(discord.messages(discord.dmChannelId(FakeDiscord.ALICE))))
                .containsOnly(expected(FIRST));
        assertThat(delivery(5).status()).isEqualTo(DeliveryStatus.SENT);
        assertThat(delivery(5).externalMessageId()).isEqualTo(original);
    }

    @Test
    void aMessageDiscordNeverGotIsSentOnceWhenRetriedAfterTheNonceWindow() throws Exception {
        discord.failNext("POST", CHANNEL_MESSAGES, 500, 0, "500: Internal Server Error");
        add(FIRST);
        poll();

        clock.advance(Duration.ofMinutes(10));
        restart(10);
        tern.services().deliveries().drain();

        assertThat(discord.requests("GET", CHANNEL_MESSAGES)).isNotEmpty();
        assertThat(discord.requests("POST", CHANNEL_MESSAGES)).hasSize(2);
        assertThat(ShownPostings.count(discord.messages(FakeDiscord.ALERTS))).containsOnly(expected(FIRST));
    }

    private void assertShownOnce() {
        List<Integer> all =
                java.util.stream.Stream.concat(FIRST.stream(), LATER.stream()).toList();
        assertThat(ShownPostings.count(discord.messages(FakeDiscord.ALERTS)))
                .as("route channel")
                .containsOnly(expected(all));
        assertThat(ShownPostings.count(discord.messages(discord.dmChannelId(FakeDiscord.ALICE))))
                .as("Alice's DM")
                .containsOnly(expected(all));
        int pending = tern.services().database().read(c -> new DeliveryStore().count(c, DeliveryStatus.PENDING));
        assertThat(pending).isZero();
    }

    @SuppressWarnings("unchecked")
    private static Map.Entry<String, Integer>[] expected(List<Integer> rows) {
        return rows.stream().map(i -> Map.entry(url(i), 1)).toArray(Map.Entry[]::new);
    }

    private static String url(int row) {
        return "https://careers.example/acme/p" + row;
    }

    private void add(List<Integer> rows) {
        rows.forEach(i -> listing.add("p" + i, "Acme", "Intern " + i, "Boston, MA", posted));
        board.serve("/listings.json", listing.json());
    }

    private void poll() {
        tern.pollNow("list");
    }

    private void pollWithoutDelivering() {
        tern.services().poller().poll(tern.services().config().sources().getFirst(), false);
    }

    private String onlyMessageId() {
        assertThat(discord.messages(FakeDiscord.ALERTS)).hasSize(1);
        return discord.messages(FakeDiscord.ALERTS).getFirst().get("id").asText();
    }

    private Delivery delivery(int row) {
        return tern.services().database().read(c -> new DeliveryStore().forPosting(c, "list:p" + row)).stream()
                .filter(d -> d.target().startsWith("discord:channel/"))
                .findFirst()
                .orElseThrow();
    }

    /** What the database holds when Tern dies after Discord took its messages and before it recorded them. */
    private void crashBeforeRecordingTheSends() {
        tern.services().database().transaction(c -> {
            try (PreparedStatement messages = c.prepareStatement("UPDATE outbox_messages SET status = 'PENDING',"
                            + " channel_id = NULL, message_id = NULL, sent_at = NULL WHERE status = 'SENT'");
                    PreparedStatement deliveries = c.prepareStatement("UPDATE deliveries SET status = 'PENDING',"
                            + " external_message_id = NULL, sent_at = NULL, attempts = 0 WHERE status = 'SENT'")) {
                return messages.executeUpdate() + deliveries.executeUpdate();
            }
        });
    }

    private void restart(int digest) throws Exception {
        tern.close();
        tern = null;
        tern = start(digest);
    }

    private TernRuntime start(int digest) throws Exception {
        String yaml = """
                storage: { url: "jdbc:h2:file:%s" }
                sources:
                  - { id: list, type: simplify, url: "%s/listings.json" }
                routes:
                  - { id: everything, to: "discord:channel/%s" }
                discord:
                  token: "%s"
                  guilds: ["%s"]
                  restBaseUrl: "%s"
                  gatewayUrl: "%s"
                  digest: %d
                """.formatted(
                        dir.resolve("tern"),
                        board.base(),
                        FakeDiscord.ALERTS,
                        FakeDiscord.TOKEN,
                        FakeDiscord.GUILD_ID,
                        discord.restBaseUrl(),
                        discord.gatewayUrl(),
                        digest);
        TernConfig config = ConfigOption.loader(Map.<String, String>of()::get).parse(yaml, "tern.yml");
        return TernRuntime.start(config, clock, new PrintWriter(new StringWriter(), true));
    }
}
