package dev.tern.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tern.discord.fake.FakeDiscord;
import dev.tern.discord.fake.Option;
import dev.tern.testing.BoardServer;
import dev.tern.testing.ShownPostings;
import dev.tern.testing.SimplifyListing;
import dev.tern.testing.TernProcess;
import dev.tern.testing.TestPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 11's two instances: two real {@code tern run} processes on one real PostgreSQL, two local sources polled
 * every minute (the shortest interval Tern accepts), and the fake Discord. Each source is fetched once per interval
 * in total, one instance holds the gateway, every posting is shown once per target; after the leader is killed with
 * SIGKILL the other instance logs into the gateway within 30 s, answers {@code /subscriptions}, and delivers the next
 * postings once.
 */
@DisabledOnOs(OS.WINDOWS)
final class SeveralInstancesProcessTest {

    private static final Duration START = Duration.ofSeconds(60);
    private static final Duration TAKEOVER = Duration.ofSeconds(30);
    /** The interval (1 min) plus its jitter (a tenth) plus a few seconds of slack. */
    private static final Duration NEXT_POLL = Duration.ofSeconds(80);

    private static final String LEADS = "This instance leads";
    private static final List<String> FAST_START = List.of("-XX:TieredStopAtLevel=1", "-Xmx256m", "-XX:+UseSerialGC");

    @TempDir
    Path dir;

    private final SimplifyListing alpha = new SimplifyListing();
    private final SimplifyListing beta = new SimplifyListing();

    @Test
    void twoInstancesShareThePollsAndOneGatewayAndTheSurvivorTakesOver() throws Exception {
        String database = TestPostgres.server().newDatabase();
        try (FakeDiscord discord = FakeDiscord.start();
                BoardServer boardA = BoardServer.start();
                BoardServer boardB = BoardServer.start()) {
            alpha.add("a1", "Alpha Co", "Software Intern a1", "Boston, MA", Instant.now());
            beta.add("b1", "Beta Co", "Data Intern b1", "Austin, TX", Instant.now());
            boardA.serve("/listings.json", alpha.json());
            boardB.serve("/listings.json", beta.json());
            Path config = config(database, discord, boardA, boardB);

            try (TernProcess first = TernProcess.start(FAST_START, "run", "-c", config.toString());
                    TernProcess second = startAfter(first, discord, config)) {
                // both up: the first polls went out (backfill alerts them), one gateway login in all
                await(() -> boardA.requests() >= 1 && boardB.requests() >= 1, START);
                awaitShown(discord, FakeDiscord.ALERTS, List.of(url("alpha-co", "a1"), url("beta-co", "b1")));
                TernProcess leader = first.err().contains(LEADS) ? first : second;
                TernProcess follower = leader == first ? second : first;
                assertThat(follower.err()).as("the follower's log").doesNotContain(LEADS);
                assertThat(discord.gatewayLogins()).as("gateway IDENTIFYs").isEqualTo(1);
                subscribeAlice(discord);
                assertThat(boardA.requests())
                        .as("alpha fetched once, not once per instance")
                        .isEqualTo(1);
                assertThat(boardB.requests())
                        .as("beta fetched once, not once per instance")
                        .isEqualTo(1);

                leader.kill();
                long killedAt = System.nanoTime();
                await(() -> discord.gatewayLogins() == 2, TAKEOVER);
                assertThat(discord.gatewayLogins()).as("the survivor logged in").isEqualTo(2);
                JsonNode reply = awaitSubscriptionsReply(discord, killedAt);
                assertThat(Duration.ofNanos(System.nanoTime() - killedAt)).isLessThan(TAKEOVER);
                assertThat(reply.toString()).contains("intern");

                alpha.add("a2", "Alpha Co", "Software Intern a2", "Boston, MA", Instant.now());
                beta.add("b2", "Beta Co", "Data Intern b2", "Austin, TX", Instant.now());
                boardA.serve("/listings.json", alpha.json());
                boardB.serve("/listings.json", beta.json());
                List<String> next = List.of(url("alpha-co", "a2"), url("beta-co", "b2"));
                awaitShown(discord, FakeDiscord.ALERTS, next);
                awaitShown(discord, discord.dmChannelId(FakeDiscord.ALICE), next);
                Thread.sleep(3_000); // a duplicate would show by now

                assertThat(boardA.requests()).as("alpha: one poll per interval").isEqualTo(2);
                assertThat(boardB.requests()).as("beta: one poll per interval").isEqualTo(2);
                assertShownOnce(discord.messages(FakeDiscord.ALERTS), 4);
                assertShownOnce(discord.messages(discord.dmChannelId(FakeDiscord.ALICE)), 2);
                assertThat(follower.isAlive())
                        .as("the survivor runs; stderr:%n%s", follower.err())
                        .isTrue();
                assertThat(follower.err()).doesNotContain(TestPostgres.PASSWORD).doesNotContain(FakeDiscord.TOKEN);
            }
        }
    }

    private static TernProcess startAfter(TernProcess first, FakeDiscord discord, Path config) throws Exception {
        await(() -> discord.gatewayLogins() >= 1 || !first.isAlive(), START);
        assertThat(first.isAlive())
                .as("the first tern run is up; stderr:%n%s", first.err())
                .isTrue();
        TernProcess second = TernProcess.start(FAST_START, "run", "-c", config.toString());
        await(() -> second.err().contains("Scheduler started") || !second.isAlive(), START);
        assertThat(second.err()).as("the second tern run is up").contains("Scheduler started");
        return second;
    }

    private static void subscribeAlice(FakeDiscord discord) {
        JsonNode reply = discord.sendSlashCommand(
                        FakeDiscord.ALICE,
                        FakeDiscord.GENERAL,
                        "subscribe",
                        List.of(Option.string("keywords", "intern")))
                .awaitResponse(Duration.ofSeconds(30));
        assertThat(reply.toString()).as("the /subscribe reply").contains("Subscribed (#");
    }

    /** Asks {@code /subscriptions} until the new leader answers (the commands are served once it connected). */
    private static JsonNode awaitSubscriptionsReply(FakeDiscord discord, long since) {
        while (System.nanoTime() - since < TAKEOVER.toNanos()) {
            try {
                return discord.sendSlashCommand(FakeDiscord.ALICE, FakeDiscord.GENERAL, "subscriptions", List.of())
                        .awaitResponse(Duration.ofSeconds(5));
            } catch (AssertionError | RuntimeException notYet) {
                // the interaction went unanswered: the survivor is still connecting
            }
        }
        throw new AssertionError("nobody answered /subscriptions within " + TAKEOVER + " of the kill");
    }

    private static void awaitShown(FakeDiscord discord, String channel, List<String> urls) throws Exception {
        await(() -> ShownPostings.count(discord.messages(channel)).keySet().containsAll(urls), NEXT_POLL);
        assertThat(ShownPostings.count(discord.messages(channel)).keySet()).containsAll(urls);
    }

    private static void assertShownOnce(List<JsonNode> messages, int postings) {
        Map<String, Integer> shown = ShownPostings.count(messages);
        assertThat(shown).hasSize(postings);
        assertThat(shown.values()).as("each posting shown once: %s", shown).containsOnly(1);
    }

    private static String url(String company, String id) {
        return "https://careers.example/" + company + "/" + id;
    }

    private static void await(BooleanSupplier condition, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean() && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
    }

    private Path config(String database, FakeDiscord discord, BoardServer a, BoardServer b) throws Exception {
        Path config = dir.resolve("tern.yml");
        Files.writeString(config, """
                storage: { url: "%s", user: "%s", password: "%s" }
                polling: { interval: 1m }
                sources:
                  - { id: alpha, type: simplify, url: "%s/listings.json", backfill: true }
                  - { id: beta, type: simplify, url: "%s/listings.json", backfill: true }
                routes:
                  - { id: everything, to: "discord:channel/%s" }
                discord:
                  token: "%s"
                  guilds: ["%s"]
                  restBaseUrl: "%s"
                  gatewayUrl: "%s"
                """.formatted(
                        database,
                        TestPostgres.USER,
                        TestPostgres.PASSWORD,
                        a.base(),
                        b.base(),
                        FakeDiscord.ALERTS,
                        FakeDiscord.TOKEN,
                        FakeDiscord.GUILD_ID,
                        discord.restBaseUrl(),
                        discord.gatewayUrl()));
        return config;
    }
}
