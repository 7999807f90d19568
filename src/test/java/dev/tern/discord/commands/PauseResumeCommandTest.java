package dev.tern.discord.commands;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tern.discord.fake.Option;
import dev.tern.match.SubscriptionService;
import dev.tern.store.DiscordUserStore;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code /pause} with and without a duration, its mistakes, and {@code /resume} telling what was skipped. */
final class PauseResumeCommandTest {

    private static CommandFixture fixture;

    @BeforeAll
    static void start() {
        fixture = CommandFixture.start();
    }

    @AfterAll
    static void stop() {
        fixture.close();
    }

    @Test
    void pausesForTheGivenTime() {
        String user = subscribed();
        long until = fixture.clock.instant().plus(Duration.ofHours(2)).getEpochSecond();

        assertThat(fixture.text(user, "pause", Option.string("duration", "2h")))
                .isEqualTo("Paused until <t:" + until + ":f> (<t:" + until + ":R>). No alerts will be sent for your 1"
                        + " subscription. Run /resume to end the pause sooner.");
        assertThat(fixture.service.list(user).getFirst().pausedUntil()).isEqualTo(Instant.ofEpochSecond(until));
    }

    @Test
    void weeksAndSumsAreDurationsToo() {
        String user = subscribed();

        fixture.text(user, "pause", Option.string("duration", "1w"));
        Instant week = fixture.service.list(user).getFirst().pausedUntil();
        fixture.text(user, "pause", Option.string("duration", "1d 12h"));
        Instant dayAndHalf = fixture.service.list(user).getFirst().pausedUntil();

        assertThat(week).isEqualTo(fixture.clock.instant().plus(Duration.ofDays(7)));
        assertThat(dayAndHalf).isEqualTo(fixture.clock.instant().plus(Duration.ofHours(36)));
    }

    @Test
    void withoutADurationItLastsUntilResume() {
        String user = fixture.newUser();

        assertThat(fixture.text(user, "pause"))
                .isEqualTo("Paused until you run /resume. You have no subscriptions now; any you make while paused"
                        + " start paused. Run /resume to end the pause sooner.");
        fixture.text(user, "subscribe", Option.string("keywords", "ml"));
        assertThat(fixture.service.list(user).getFirst().pausedUntil()).isEqualTo(SubscriptionService.INDEFINITELY);
    }

    @ParameterizedTest
    @ValueSource(strings = {"soon", "5", "2 hours", "-1h", "3x"})
    void aMalformedDurationIsExplainedWithAnExample(String duration) {
        String user = subscribed();

        assertThat(fixture.text(user, "pause", Option.string("duration", duration)))
                .startsWith("**duration**: '" + duration + "' is not a duration; write a number and a unit (m, h, d or"
                        + " w).")
                .endsWith("Example: `duration:3d` or `duration:1w`; leave it out to pause until you run /resume.");
        assertThat(fixture.service.list(user).getFirst().paused()).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"0h", "53w"})
    void aDurationOutOfRangeIsExplained(String duration) {
        assertThat(fixture.text(subscribed(), "pause", Option.string("duration", duration)))
                .startsWith("**duration**: '" + duration + "' is not between 1 minute and 52 weeks.");
    }

    @Test
    void resumeSaysHowManyAlertsWereSkipped() {
        String user = subscribed();
        fixture.text(user, "pause");
        fixture.db.transaction((Connection c) -> {
            new DiscordUserStore().addSkip(c, user);
            new DiscordUserStore().addSkip(c, user);
            return null;
        });

        assertThat(fixture.text(user, "resume"))
                .isEqualTo("Resumed: alerts for your 1 subscription come again. 2 alerts were skipped while you were"
                        + " paused; /postings shows what is open now.");
        assertThat(fixture.service.list(user).getFirst().paused()).isFalse();
    }

    @Test
    void resumeWithoutAPauseSaysSo() {
        assertThat(fixture.text(subscribed(), "resume"))
                .isEqualTo("You were not paused; alerts for your 1 subscription come as usual.");
    }

    @Test
    void parsesShortDurations() {
        assertThat(PauseCommand.parse("90m")).contains(Duration.ofMinutes(90));
        assertThat(PauseCommand.parse(" 2H ")).contains(Duration.ofHours(2));
        assertThat(PauseCommand.parse("1w2d")).contains(Duration.ofDays(9));
        assertThat(PauseCommand.parse("")).isEmpty();
        assertThat(PauseCommand.parse("h")).isEmpty();
        assertThat(PauseCommand.parse("9999999d")).isEmpty();
    }

    private static String subscribed() {
        String user = fixture.newUser();
        fixture.text(user, "subscribe", Option.string("keywords", "ml"));
        return user;
    }
}
