package dev.tern.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tern.config.DiscordConfig;
import dev.tern.discord.fake.FakeDiscord;
import dev.tern.store.Database;
import dev.tern.testing.MutableClock;
import dev.tern.testing.TestPostgres;
import java.time.Duration;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Two instances' {@link GatewayLeader}s on one PostgreSQL and the fake Discord: the one holding the lock logs in;
 * when its session ends for good (Discord refused the token or the intents mid-session, and JDA does not reconnect)
 * it gives the lead up instead of keeping the lock with a dead session, the other instance takes over, and the one
 * that failed waits out a backoff before it tries to log in again (Discord allows about 1,000 logins a day).
 */
final class GatewayLeaderTest {

    private static final Duration WITHIN = Duration.ofSeconds(20);

    private final FakeDiscord fake = FakeDiscord.start();
    private final String url = TestPostgres.server().newDatabase();
    private final Database firstDb = Database.open(url, TestPostgres.USER, TestPostgres.PASSWORD);
    private final Database secondDb = Database.open(url, TestPostgres.USER, TestPostgres.PASSWORD);
    private final MutableClock firstClock = MutableClock.fixed();
    private final GatewayLeader first = new GatewayLeader(config(), firstClock);
    private final GatewayLeader second = new GatewayLeader(config(), MutableClock.fixed());

    @AfterEach
    void close() {
        first.close();
        second.close();
        firstDb.close();
        secondDb.close();
        fake.close();
    }

    @Test
    void aLeaderWhoseSessionEndsForGoodGivesTheLeadUpAndBacksOff() throws Exception {
        first.start(firstDb, discord -> {});
        second.start(secondDb, discord -> {});
        assertThat(fake.gatewayLogins()).as("the follower does not log in").isEqualTo(1);
        assertThat(first.connected()).isTrue();

        assertThat(fake.closeGateway(4014, "Disallowed intent(s).")).isEqualTo(1);

        await(() -> fake.gatewayLogins() == 2 && second.connected(), "the other instance takes the gateway over");
        assertThat(first.connected())
                .as("the instance that failed says so while it waits")
                .isFalse();

        // the new leader fails too (the token is wrong for every instance): the lock is free, yet both wait
        assertThat(fake.closeGateway(4004, "Authentication failed.")).isEqualTo(1);
        await(() -> !second.connected(), "the second instance gives the lead up");
        Thread.sleep(3 * GatewayLeader.TRY_EVERY.toMillis());
        assertThat(fake.gatewayLogins())
                .as("no login while both wait out their backoff, though nobody holds the lock")
                .isEqualTo(2);

        firstClock.advance(GatewayLeader.FIRST_BACKOFF);
        await(() -> fake.gatewayLogins() == 3 && first.connected(), "the first instance leads again after its wait");
        assertThat(second.connected()).isFalse();
    }

    private static void await(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + WITHIN.toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime() < deadline)
                    .as(what + " within " + WITHIN)
                    .isTrue();
            Thread.sleep(100);
        }
    }

    private DiscordConfig config() {
        return new DiscordConfig(
                FakeDiscord.TOKEN,
                List.of(FakeDiscord.GUILD_ID),
                fake.restBaseUrl(),
                fake.gatewayUrl(),
                DiscordConfig.DEFAULT_MAX_SUBSCRIPTIONS_PER_USER,
                DiscordConfig.DEFAULT_DIGEST);
    }
}
