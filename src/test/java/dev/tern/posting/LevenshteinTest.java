package dev.tern.posting;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

final class LevenshteinTest {

    @Test
    void countsEdits() {
        assertThat(Levenshtein.distance("seattle", "seattle", 3)).isZero();
        assertThat(Levenshtein.distance("seatle", "seattle", 3)).isEqualTo(1);
        assertThat(Levenshtein.distance("torotno", "toronto", 3)).isEqualTo(2);
        assertThat(Levenshtein.distance("", "abc", 3)).isEqualTo(3);
    }

    @Test
    void stopsEarlyPastTheLimit() {
        assertThat(Levenshtein.distance("singapore", "sydney", 2)).isGreaterThan(2);
        assertThat(Levenshtein.distance("a", "abcdefgh", 2)).isGreaterThan(2);
    }
}
