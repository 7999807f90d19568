package dev.tern.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tern.config.FilterConfig;
import dev.tern.config.TernConfig;
import dev.tern.discord.fake.FakeDiscord;
import dev.tern.discord.fake.Recorded;
import dev.tern.match.SubscribeResult;
import dev.tern.store.DeliveryStatus;
import dev.tern.testing.BoardServer;
import dev.tern.testing.SimplifyListing;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole of Tern with the real JDA against the fake Discord: a posting that appears at a local source arrives
 * as a channel message (route) and as a DM (subscription) with the asserted embed; batching, the digest, the
 * error codes, rate limits, and no duplicate across a restart.
 */
final class DiscordDeliveryTest {

    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final Instant POSTED =
            Instant.now().minus(3, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);
    private static final String CHANNEL_MESSAGES = "channels/" + FakeDiscord.ALERTS + "/messages";

    @TempDir
    Path dir;

    private FakeDiscord discord;
    private BoardServer board;
    private final SimplifyListing listing = new SimplifyListing();
    private TernRuntime tern;
    private final StringWriter console = new StringWriter();

    @BeforeEach
    void setUp() throws Exception {
        discord = FakeDiscord.start();
        board = BoardServer.start();
        listing.add("seed", "Seedling", "Gardening Intern", "Boston, MA", POSTED);
        board.serve("/listings.json", listing.json());
        tern = start();
        assertThat(tern.pollNow("list")).first().isInstanceOf(dev.tern.poll.PollEvent.SourceSeeded.class);
    }

    @AfterEach
    void tearDown() {
        if (tern != null) {
            tern.close();
        }
        board.close();
        discord.close();
    }

    @Test
    void aNewPostingArrivesInTheRouteChannelAndAsADmWithTheAlertEmbed() {
        subscribeAlice("robotics");
        listing.add("r1", "Acme Robotics", "Robotics Intern", "Seattle, WA", POSTED);

        poll();

        Recorded channel = discord.awaitRequest("POST", CHANNEL_MESSAGES, WAIT);
        JsonNode embed = channel.body().get("embeds").get(0);
        assertThat(embed.get("title").asText()).isEqualTo("Robotics Intern");
        assertThat(embed.get("url").asText()).isEqualTo("https://careers.example/acme-robotics/r1");
        assertThat(embed.get("author").get("name").asText()).isEqualTo("Acme Robotics");
        assertThat(fields(embed))
                .containsEntry("Location", "Seattle, WA, US")
                .containsEntry("Start", "Summer 2027")
                .containsEntry("Posted", "<t:" + POSTED.getEpochSecond() + ":R>")
                .containsEntry("Source", "list");
        assertThat(embed.get("footer").get("text").asText()).contains("Route everything");
        assertThat(channel.body().get("allowed_mentions").get("parse")).isEmpty();
        assertThat(channel.body().get("nonce").asText()).startsWith("tern-");
        assertThat(channel.body().get("enforce_nonce").asBoolean()).isTrue();
        JsonNode button =
                channel.body().get("components").get(0).get("components").get(0);
        assertThat(button.get("label").asText()).isEqualTo("Apply");
        assertThat(button.get("url").asText()).isEqualTo("https://careers.example/acme-robotics/r1");

        String dm = discord.dmChannelId(FakeDiscord.ALICE);
        Recorded direct = discord.awaitRequest("POST", "channels/" + dm + "/messages", WAIT);
        assertThat(direct.body().get("embeds").get(0).get("footer").get("text").asText())
                .contains("subscription #")
                .contains("/unsubscribe");
        assertThat(discord.requests("POST", "users/@me/channels")).isNotEmpty();
        assertThat(deliveries(DeliveryStatus.SENT)).isEqualTo(2);
    }

    @Test
    void aTitleThatTriesToPingEveryoneIsShownLiterallyWithNoMentionAllowed() {
        listing.add("ping", "Acme", "@everyone **Intern** <@123>", "Boston, MA", POSTED);

        poll();

        Recorded sent = discord.awaitRequest("POST", CHANNEL_MESSAGES, WAIT);
        assertThat(sent.body().get("allowed_mentions").get("parse")).isEmpty();
        assertThat(sent.body().path("content").asText("")).isEmpty();
        assertThat(sent.body().get("embeds").get(0).get("title").asText())
                .isEqualTo("@everyone \\*\\*Intern\\*\\* <@123>");
    }

    @Test
    void severalAlertsShareAMessageAndManyBecomeOneDigest() {
        for (int i = 0; i < 3; i++) {
            listing.add("b" + i, "Batch Co", "Batch Intern " + i, "Austin, TX", POSTED);
        }
        poll();
        Recorded batch = discord.awaitRequest("POST", CHANNEL_MESSAGES, WAIT);
        assertThat(batch.body().get("embeds")).hasSize(3);

        for (int i = 0; i < 12; i++) {
            listing.add("d" + i, "Digest Co", "Digest Intern " + i, "Austin, TX", POSTED);
        }
        poll();
        Recorded digest = discord.awaitRequest("POST", CHANNEL_MESSAGES, 2, WAIT);
        assertThat(discord.requests("POST", CHANNEL_MESSAGES)).hasSize(2);
        JsonNode embed = digest.body().get("embeds").get(0);
        assertThat(digest.body().get("embeds")).hasSize(1);
        assertThat(embed.get("title").asText()).isEqualTo("12 new postings match");
        assertThat(embed.get("description").asText()).contains("Digest Intern 11");
    }

    @Test
    void anUnknownChannelMarksTheRouteBrokenAndReportsItInStatus() {
        discord.failAlways("POST", CHANNEL_MESSAGES, 404, 10003, "Unknown Channel");
        listing.add("x1", "Acme", "Lost Intern", "Boston, MA", POSTED);

        poll();

        assertThat(deliveries(DeliveryStatus.FAILED)).isEqualTo(1);
        assertThat(tern.services().subscriptions().status().brokenTargets())
                .singleElement()
                .satisfies(b -> {
                    assertThat(b.target()).isEqualTo("discord:channel/" + FakeDiscord.ALERTS);
                    assertThat(b.reason()).contains("10003");
                });
        listing.add("x2", "Acme", "Second Intern", "Boston, MA", POSTED);
        poll();
        assertThat(discord.requests("POST", CHANNEL_MESSAGES)).hasSize(1);
    }

    @Test
    void missingAccessAlsoMarksTheRouteBroken() {
        discord.failAlways("POST", CHANNEL_MESSAGES, 403, 50001, "Missing Access");
        listing.add("m1", "Acme", "Hidden Intern", "Boston, MA", POSTED);

        poll();

        assertThat(tern.services().subscriptions().status().brokenTargets())
                .singleElement()
                .satisfies(b -> assertThat(b.reason()).contains("50001"));
    }

    @Test
    void closedDmsPauseTheSubscriptionAndTheUserIsToldOnce() {
        long id = subscribeAlice("robotics");
        String dm = discord.dmChannelId(FakeDiscord.ALICE);
        discord.failAlways("POST", "channels/" + dm + "/messages", 403, 50007, "Cannot send messages to this user");
        listing.add("r2", "Acme", "Robotics Intern", "Boston, MA", POSTED);

        poll();

        assertThat(tern.services().subscriptions().list(FakeDiscord.ALICE))
                .singleElement()
                .satisfies(s -> {
                    assertThat(s.id()).isEqualTo(id);
                    assertThat(s.paused()).isTrue();
                });
        assertThat(tern.services().subscriptions().takeNotice(FakeDiscord.ALICE))
                .get()
                .asString()
                .contains("DM");
        assertThat(tern.services().subscriptions().takeNotice(FakeDiscord.ALICE))
                .isEmpty();
    }

    @Test
    void aRateLimitedSendIsRetriedByJdaAndDeliveredOnce() {
        discord.rateLimitNext("POST", CHANNEL_MESSAGES, Duration.ZERO);
        listing.add("rl", "Acme", "Patient Intern", "Boston, MA", POSTED);

        poll();

        assertThat(discord.requests("POST", CHANNEL_MESSAGES)).hasSize(2);
        assertThat(discord.messages(FakeDiscord.ALERTS)).hasSize(1);
        assertThat(deliveries(DeliveryStatus.SENT)).isEqualTo(1);
    }

    @Test
    void noDuplicateMessageWhenTernStopsBetweenQueueingAndDelivery() throws Exception {
        listing.add("q1", "Acme", "Queued Intern", "Boston, MA", POSTED);
        board.serve("/listings.json", listing.json());
        tern.services().poller().poll(tern.services().config().sources().get(0), false);
        assertThat(deliveries(DeliveryStatus.PENDING)).isEqualTo(1);

        restart();
        tern.services().deliver();
        restart();
        tern.services().deliver();

        // a crash after Discord took the message but before Tern recorded it: see ExactlyOnceDeliveryTest
        assertThat(discord.requests("POST", CHANNEL_MESSAGES)).hasSize(1);
        assertThat(discord.messages(FakeDiscord.ALERTS)).hasSize(1);
        assertThat(deliveries(DeliveryStatus.SENT)).isEqualTo(1);
    }

    private TernRuntime start() throws Exception {
        String yaml = TernWithFakeDiscord.config(dir, "list", board.base(), "", discord, "");
        TernConfig config = ConfigOption.loader(Map.<String, String>of()::get).parse(yaml, "tern.yml");
        return TernRuntime.start(config, Clock.systemUTC(), new PrintWriter(console, true));
    }

    private void restart() throws Exception {
        tern.close();
        tern = null;
        tern = start();
    }

    private void poll() {
        board.serve("/listings.json", listing.json());
        tern.pollNow("list");
    }

    private long subscribeAlice(String keywords) {
        FilterConfig filter = new FilterConfig(
                keywords, List.of(), List.of(), List.of(), List.of(), FilterConfig.RemoteMode.ANY, true);
        SubscribeResult result = tern.services()
                .subscriptions()
                .subscribe(FakeDiscord.ALICE, FakeDiscord.GUILD_ID, FakeDiscord.GENERAL, false, filter);
        assertThat(result).isInstanceOf(SubscribeResult.Created.class);
        return ((SubscribeResult.Created) result).id();
    }

    private int deliveries(DeliveryStatus status) {
        return tern.services().database().read(c -> new dev.tern.store.DeliveryStore().count(c, status));
    }

    private static Map<String, String> fields(JsonNode embed) {
        Map<String, String> out = new java.util.LinkedHashMap<>();
        embed.get("fields")
                .forEach(f -> out.put(f.get("name").asText(), f.get("value").asText()));
        return out;
    }
}
