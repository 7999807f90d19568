package dev.tern.posting;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

final class PlacesTest {

    @Test
    void keysOfACityCoverCityRegionAndCountry() {
        Location seattle = new Location("Seattle, WA", "Seattle", "WA", "US", false);

        assertThat(Places.keysOf(seattle))
                .containsExactlyInAnyOrder(
                        "country:us", "region:us-wa", "city:seattle", "city:us:seattle", "city:us-wa:seattle");
    }

    @Test
    void keysOfRemoteIncludeRemoteWithinItsCountry() {
        Location remote = new Location("Remote in USA", null, null, "US", true);

        assertThat(Places.keysOf(remote)).containsExactlyInAnyOrder("remote", "remote:us", "country:us");
    }

    @Test
    void keysOfNothingRecognisedIsEmpty() {
        assertThat(Places.keysOf(new Location("Hybrid", null, null, null, false)))
                .isEmpty();
    }

    @Test
    void keysAreFoldedSoAccentsAndCaseDoNotMatter() {
        Location montreal = new Location("Montréal", "Montréal", "QC", "CA", false);

        assertThat(Places.keysOf(montreal)).contains("city:montreal", "region:ca-qc");
    }

    @Test
    void keysOfSeveralLocationsAreTheirUnion() {
        List<Location> locations = Locations.parse("NYC; Remote");

        assertThat(Places.keysOf(locations)).contains("city:new york", "remote");
    }

    @Test
    void knowsTablePlacesAndAliases() {
        assertThat(Places.isKnown("Singapore")).isTrue();
        assertThat(Places.isKnown("NYC")).isTrue();
        assertThat(Places.isKnown("Remote")).isTrue();
        assertThat(Places.isKnown("Seatle")).isFalse();
        assertThat(Places.isKnown("")).isFalse();
    }

    @Test
    void suggestsNearestKnownNames() {
        assertThat(Places.suggestions("Seatle", 3)).first().isEqualTo("Seattle");
        assertThat(Places.suggestions("Sigapore", 3)).contains("Singapore");
        assertThat(Places.suggestions("Calfornia", 3)).contains("California");
        assertThat(Places.suggestions("Torotno", 2)).hasSizeLessThanOrEqualTo(2).contains("Toronto");
    }

    @Test
    void suggestsNothingForFarOffOrHugeInput() {
        assertThat(Places.suggestions("xyzzyplugh", 3)).isEmpty();
        assertThat(Places.suggestions("a".repeat(500), 3)).isEmpty();
        assertThat(Places.suggestions("Seatle", 0)).isEmpty();
    }
}
