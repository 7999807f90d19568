package dev.tern.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

final class SizesTest {

    @ParameterizedTest
    @CsvSource({
        "512KB, 524288",
        "32MB, 33554432",
        "1GB, 1073741824",
        "1024, 1024",
        "100B, 100",
        "32mb, 33554432",
        "'32 MB', 33554432",
        "2MiB, 2097152",
        "0, 0"
    })
    void parsesUnitsAsBinaryMultiples(String text, long expected) {
        assertThat(Sizes.parse(text)).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"lots", "1.5MB", "-1MB", "32TB", "MB", ""})
    void rejectsMalformedSizesWithExamples(String text) {
        assertThatThrownBy(() -> Sizes.parse(text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("512KB, 32MB, 1GB or a number of bytes");
    }

    @Test
    void rejectsSizesThatOverflow() {
        assertThatThrownBy(() -> Sizes.parse("99999999999GB")).hasMessageContaining("too large");
        assertThatThrownBy(() -> Sizes.parse("99999999999999999999")).hasMessageContaining("too large");
    }

    @ParameterizedTest
    @CsvSource({"33554432, 32MB", "524288, 512KB", "1073741824, 1GB", "1500, 1500B", "0, 0B", "1536, 1536B"})
    void formatsInTheLargestExactUnit(long bytes, String expected) {
        assertThat(Sizes.format(bytes)).isEqualTo(expected);
    }
}
