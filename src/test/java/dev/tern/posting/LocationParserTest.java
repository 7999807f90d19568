package dev.tern.posting;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

final class LocationParserTest {

    @Test
    void aSingleLocationIsRecognisedAndNotAList() {
        LocationParser.Reading reading = LocationParser.read("Toronto, ON, Canada");

        assertThat(reading.recognised()).isTrue();
        assertThat(reading.listLike()).isFalse();
        assertThat(reading.location()).isEqualTo(new Location("Toronto, ON, Canada", "Toronto", "ON", "CA", false));
    }

    @Test
    void regionCodesBeforeTheTailMarkAList() {
        assertThat(LocationParser.read("San Francisco, CA, New York, NY").listLike())
                .isTrue();
        assertThat(LocationParser.read("London, UK, Paris, France").listLike()).isTrue();
        assertThat(LocationParser.read("Seattle, Boston, Austin").listLike()).isTrue();
    }

    @Test
    void unknownTextIsNotRecognised() {
        LocationParser.Reading reading = LocationParser.read("Atlantis");

        assertThat(reading.recognised()).isFalse();
        assertThat(reading.location().city()).isEqualTo("Atlantis");
    }

    @Test
    void remoteWithUnknownPlaceKeepsOnlyTheMarker() {
        assertThat(LocationParser.read("Remote - anywhere on Earth").location())
                .isEqualTo(new Location("Remote - anywhere on Earth", null, null, null, true));
    }
}
