package dev.tern.source.workday;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

final class PostedOnTest {

    private static final Instant NOW = Instant.parse("2026-09-10T15:30:00Z");

    @Test
    void readsEveryProseFormAsTheStartOfThatDay() {
        assertThat(PostedOn.parse("Posted Today", NOW)).isEqualTo(Instant.parse("2026-09-10T00:00:00Z"));
        assertThat(PostedOn.parse("Posted Yesterday", NOW)).isEqualTo(Instant.parse("2026-09-09T00:00:00Z"));
        assertThat(PostedOn.parse("Posted 3 Days Ago", NOW)).isEqualTo(Instant.parse("2026-09-07T00:00:00Z"));
        assertThat(PostedOn.parse("posted  1 day ago", NOW)).isEqualTo(Instant.parse("2026-09-09T00:00:00Z"));
        assertThat(PostedOn.parse("Posted 30+ Days Ago", NOW)).isEqualTo(Instant.parse("2026-08-11T00:00:00Z"));
    }

    @Test
    void unknownProseIsNoDate() {
        assertThat(PostedOn.parse("Posted last week", NOW)).isNull();
        assertThat(PostedOn.parse("Posted 99999999999999999999 Days Ago", NOW)).isNull();
        assertThat(PostedOn.parse(null, NOW)).isNull();
    }
}
