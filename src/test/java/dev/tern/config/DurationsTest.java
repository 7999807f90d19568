package dev.tern.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

final class DurationsTest {

    @ParameterizedTest
    @CsvSource({
        "30s, PT30S",
        "15m, PT15M",
        "6h, PT6H",
        "30d, PT720H",
        "1h30m, PT1H30M",
        "1d2h3m4s, PT26H3M4S",
        "0s, PT0S",
        "PT15M, PT15M",
        "pt15m, PT15M",
        "P1D, PT24H",
        "' 15m ', PT15M"
    })
    void parsesShortAndIsoForms(String text, String expected) {
        assertThat(Durations.parse(text)).isEqualTo(Duration.parse(expected));
    }

    @ParameterizedTest
    @ValueSource(strings = {"5x", "15 m", "m15", "1.5h", "30m1h", "-5m", "15M", "PT", "PTxM", "1w", "h"})
    void rejectsMalformedDurationsWithExamples(String text) {
        assertThatThrownBy(() -> Durations.parse(text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("30s, 15m, 6h, 30d, 1h30m or PT15M");
    }

    @Test
    void bareNumberAsksForAUnit() {
        assertThatThrownBy(() -> Durations.parse("15")).hasMessage("duration '15' needs a unit: 15s, 15m, 15h or 15d");
    }

    @Test
    void emptyAndHugeDurationsAreRejected() {
        assertThatThrownBy(() -> Durations.parse("  ")).hasMessageStartingWith("empty duration");
        assertThatThrownBy(() -> Durations.parse("99999999999999999999d")).hasMessageContaining("too large");
        assertThatThrownBy(() -> Durations.parse("-PT5M")).hasMessageContaining("negative");
    }

    @ParameterizedTest
    @CsvSource({"PT15M, 15m", "PT1H30M, 1h30m", "PT720H, 30d", "PT0S, 0s", "PT26H3M4S, 1d2h3m4s", "PT90S, 1m30s"})
    void formatsTheWayTheConfigWritesThem(String iso, String expected) {
        assertThat(Durations.format(Duration.parse(iso))).isEqualTo(expected);
        assertThat(Durations.parse(expected)).isEqualTo(Duration.parse(iso));
    }

    @Test
    void formatFallsBackToIsoForFractions() {
        assertThat(Durations.format(Duration.ofMillis(1500))).isEqualTo("PT1.5S");
    }
}
