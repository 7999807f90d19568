package dev.tern.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tern.config.SourceConfig;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

final class NextPollTest {

    private static final Instant NOW = Instant.parse("2026-11-21T10:00:00Z");
    private final NextPoll nextPoll = new NextPoll(new SplittableRandom(7));

    @Test
    void successWaitsTheIntervalPlusAtMostATenthOfJitter() {
        SourceConfig source = source(Duration.ofMinutes(10), null);
        for (int i = 0; i < 50; i++) {
            Instant next = nextPoll.after(source, NOW, 0);
            assertThat(next).isBetween(NOW.plus(Duration.ofMinutes(10)), NOW.plus(Duration.ofMinutes(11)));
        }
    }

    @Test
    void failuresDoubleTheWaitUpToSixHours() {
        SourceConfig source = source(Duration.ofMinutes(15), null);
        assertThat(nextPoll.after(source, NOW, 1)).isEqualTo(NOW.plus(Duration.ofMinutes(30)));
        assertThat(nextPoll.after(source, NOW, 2)).isEqualTo(NOW.plus(Duration.ofMinutes(60)));
        assertThat(nextPoll.after(source, NOW, 4)).isEqualTo(NOW.plus(Duration.ofHours(4)));
        assertThat(nextPoll.after(source, NOW, 5)).isEqualTo(NOW.plus(Duration.ofHours(6)));
        assertThat(nextPoll.after(source, NOW, 60)).isEqualTo(NOW.plus(Duration.ofHours(6)));
    }

    @Test
    void cronSourcesRunAtTheNextCronTime() {
        SourceConfig source = source(Duration.ofMinutes(15), "0 0 * * * ?");
        Instant next = nextPoll.after(source, NOW.plusSeconds(60), 0);
        assertThat(next).isBetween(Instant.parse("2026-11-21T11:00:00Z"), Instant.parse("2026-11-21T11:01:30Z"));
    }

    @Test
    void aFailingCronSourceWaitsForTheLaterOfBackoffAndCron() {
        SourceConfig source = source(Duration.ofMinutes(15), "0 0 * * * ?");
        assertThat(nextPoll.after(source, NOW, 3)).isEqualTo(NOW.plus(Duration.ofHours(2)));
    }

    private static SourceConfig source(Duration interval, String cron) {
        return new SourceConfig(
                "s", "simplify", interval, cron, null, null, SourceConfig.Classify.INTERNSHIPS, false, Map.of());
    }
}
