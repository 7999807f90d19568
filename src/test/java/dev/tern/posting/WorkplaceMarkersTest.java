package dev.tern.posting;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

final class WorkplaceMarkersTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            emptyValue = "",
            value = {
                "Remote                  | true  | false | ''",
                "Fully Remote            | true  | false | ''",
                "Remote in USA           | true  | false | USA",
                "US - Remote             | true  | false | US",
                "Remote (US)             | true  | false | US",
                "Remote - Canada         | true  | false | Canada",
                "Remote, US only         | true  | false | US",
                "Seattle, WA (Remote)    | true  | false | Seattle, WA",
                "Work from home          | true  | false | ''",
                "Hybrid                  | false | true  | ''",
                "Hybrid - NYC            | false | true  | NYC",
                "On-site in Austin, TX   | false | true  | Austin, TX",
                "Remoteville, TX         | false | false | Remoteville, TX",
                "Seattle, WA             | false | false | Seattle, WA",
            })
    void readsMarkersAndLeavesThePlace(String text, boolean remote, boolean onSite, String place) {
        WorkplaceMarkers.Reading reading = WorkplaceMarkers.read(text);

        assertThat(reading.remote()).isEqualTo(remote);
        assertThat(reading.onSite()).isEqualTo(onSite);
        assertThat(reading.place()).isEqualTo(place);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {"NYC, Remote | true", "Remote, NYC | true", "Remote in NYC | false", "NYC (Remote) | false"})
    void tellsWhenTheMarkerIsAListItemOfItsOwn(String text, boolean ownPart) {
        assertThat(WorkplaceMarkers.read(text).markerIsOwnPart()).isEqualTo(ownPart);
    }
}
