package dev.tern.posting;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

final class PlaceQueryTest {

    private static PlaceQuery query(String text) {
        return PlaceQuery.parse(text).orElseThrow();
    }

    private static Location location(String raw) {
        return Locations.parse(raw).getFirst();
    }

    @ParameterizedTest(name = "{0} matches {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "United States | Seattle, WA",
                "USA           | Remote in USA",
                "US            | Chicago, IL",
                "California    | San Francisco Bay Area",
                "CA            | Mountain View, CA",
                "Seattle       | Seattle, WA",
                "Remote        | US - Remote",
                "Remote US     | Remote in USA",
                "NYC           | New York, NY, USA",
                "New York City | NYC",
                "Singapore     | Singapore",
                "Singapore     | Remote in Singapore",
                "Canada        | Toronto, ON",
                "Ontario       | Toronto",
                "UK            | London, England",
                "GBR           | Edinburgh, UK",
                "Germany       | Berlin, DE",
                "Portland, OR  | Portland, OR",
                "London, UK    | London",
                "Bay Area      | SF",
            })
    void matches(String query, String raw) {
        PlaceQuery place = query(query);
        Location location = location(raw);

        assertThat(place.matches(location)).isTrue();
        assertThat(Places.keysOf(location)).contains(place.key());
    }

    @ParameterizedTest(name = "{0} does not match {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "United States | Toronto, ON",
                "US            | Remote",
                "California    | Seattle, WA",
                "CA            | Toronto, ON, Canada",
                "Seattle       | Remote in USA",
                "Remote        | Seattle, WA",
                "Remote        | Hybrid - NYC",
                "Remote US     | Remote in Canada",
                "London, UK    | London, ON",
                "Portland, OR  | Portland, ME",
                "Singapore     | London, UK",
            })
    void doesNotMatch(String query, String raw) {
        assertThat(query(query).matches(location(raw))).isFalse();
    }

    @Test
    void twoLetterCodesAreStatesFirst() {
        assertThat(query("CA").key()).isEqualTo("region:us-ca");
        assertThat(query("de").key()).isEqualTo("region:us-de");
        assertThat(query("ON").key()).isEqualTo("region:ca-on");
        assertThat(query("US").key()).isEqualTo("country:us");
        assertThat(query("uk").key()).isEqualTo("country:gb");
    }

    @Test
    void unknownPlaceNamesStillQueryCitiesButAreNotKnown() {
        PlaceQuery redlands = query("Redlands");

        assertThat(redlands.known()).isFalse();
        assertThat(redlands.matches(location("West Redlands, Redlands, CA"))).isTrue();
        assertThat(query("Seattle").known()).isTrue();
    }

    @Test
    void textThatNamesNoPlaceIsNoQuery() {
        assertThat(PlaceQuery.parse("")).isEmpty();
        assertThat(PlaceQuery.parse(null)).isEmpty();
        assertThat(PlaceQuery.parse("123")).isEmpty();
        assertThat(PlaceQuery.parse("Hybrid")).isEmpty();
        assertThat(PlaceQuery.parse("x".repeat(101))).isEmpty();
    }

    @Test
    void matchesAnyOfAPostingsLocations() {
        List<Location> locations = Locations.parse("Toronto, ON; Remote in USA");

        assertThat(query("United States").matchesAny(locations)).isTrue();
        assertThat(query("Germany").matchesAny(locations)).isFalse();
    }
}
