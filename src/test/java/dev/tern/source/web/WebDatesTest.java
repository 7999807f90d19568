package dev.tern.source.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

final class WebDatesTest {

    @Test
    void readsTheDateFormatsSourcesUse() {
        assertThat(WebDates.parse("Tue, 10 Mar 2026 14:05:09 +0000")).isEqualTo(Instant.parse("2026-03-10T14:05:09Z"));
        assertThat(WebDates.parse("Tue, 10 Mar 2026 14:05:09 GMT")).isEqualTo(Instant.parse("2026-03-10T14:05:09Z"));
        assertThat(WebDates.parse("2026-03-11T17:10:33-05:00")).isEqualTo(Instant.parse("2026-03-11T22:10:33Z"));
        assertThat(WebDates.parse("2026-07-06T00:00:00.000Z")).isEqualTo(Instant.parse("2026-07-06T00:00:00Z"));
        assertThat(WebDates.parse("2026-07-06T08:30:00")).isEqualTo(Instant.parse("2026-07-06T08:30:00Z"));
        assertThat(WebDates.parse("2026-08-05 09:41:37")).isEqualTo(Instant.parse("2026-08-05T09:41:37Z"));
        assertThat(WebDates.parse("2026-07-06")).isEqualTo(Instant.parse("2026-07-06T00:00:00Z"));
        assertThat(WebDates.parse("1773100800")).isEqualTo(Instant.parse("2026-03-10T00:00:00Z"));
        assertThat(WebDates.parse("1773100800000")).isEqualTo(Instant.parse("2026-03-10T00:00:00Z"));
    }

    @Test
    void givesNullForProseAndBlanks() {
        assertThat(WebDates.parse("Posted 3 days ago")).isNull();
        assertThat(WebDates.parse("  ")).isNull();
        assertThat(WebDates.parse(null)).isNull();
    }
}
