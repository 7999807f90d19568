package dev.tern.posting;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

final class LocationsTest {

    private static Location only(String raw) {
        List<Location> locations = Locations.parse(raw);
        assertThat(locations).as(raw).hasSize(1);
        return locations.getFirst();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            nullValues = "-",
            value = {
                "Seattle, WA                    | Seattle       | WA        | US",
                "NYC                            | New York      | NY        | US",
                "New York City, New York        | New York      | NY        | US",
                "San Francisco Bay Area         | San Francisco | CA        | US",
                "SF                             | San Francisco | CA        | US",
                "LA                             | Los Angeles   | CA        | US",
                "Washington, D.C.               | Washington    | DC        | US",
                "Toronto, ON                    | Toronto       | ON        | CA",
                "Toronto, ON, Canada            | Toronto       | ON        | CA",
                "London, UK                     | London        | -         | GB",
                "London, England                | London        | -         | GB",
                "London, ON                     | London        | ON        | CA",
                "Bengaluru, India               | Bengaluru     | -         | IN",
                "Bangalore                      | Bengaluru     | -         | IN",
                "Bengaluru, Karnataka, India    | Bengaluru     | Karnataka | IN",
                "Singapore                      | Singapore     | -         | SG",
                "New York, NY, USA              | New York      | NY        | US",
                "Chicago, IL, USA               | Chicago       | IL        | US",
                "Seattle                        | Seattle       | WA        | US",
                "Redmond, Washington            | Redmond       | WA        | US",
                "Philadelphia, Pa               | Philadelphia  | PA        | US",
                "Montréal, QC                   | Montreal      | QC        | CA",
                "Kanata, Ottawa, ON, Canada     | Ottawa        | ON        | CA",
                "Vancouver, WA                  | Vancouver     | WA        | US",
                "Vancouver                      | Vancouver     | BC        | CA",
                "Berlin, DE                     | Berlin        | -         | DE",
                "Wilmington, DE                 | Wilmington    | DE        | US",
                "Bala Cynwyd (Philadelphia Area), Pennsylvania | Bala Cynwyd | PA | US",
                "Paris, France                  | Paris         | -         | FR",
                "California                     | -             | CA        | US",
                "Ontario                        | -             | ON        | CA",
                "United States                  | -             | -         | US",
                "DE                             | -             | -         | DE",
                "GBR                            | -             | -         | GB",
                "Scotland, UK                   | -             | -         | GB",
                "Trinidad and Tobago            | -             | -         | TT",
            })
    void recognisesCityRegionAndCountry(String raw, String city, String region, String country) {
        Location location = only(raw);

        assertThat(location).isEqualTo(new Location(raw, city, region, country, false));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            nullValues = "-",
            value = {
                "Remote            | -         | -",
                "Anywhere          | -         | -",
                "Remote in USA     | -         | US",
                "US - Remote       | -         | US",
                "Remote (US)       | -         | US",
                "Remote - Canada   | -         | CA",
                "Remote in UK      | -         | GB",
                "Remote-India (PEO) | -        | IN",
                "San Francisco, CA (Remote) | San Francisco | US",
            })
    void recognisesRemoteMarkersAndKeepsThePlace(String raw, String city, String country) {
        Location location = only(raw);

        assertThat(location.remote()).isTrue();
        assertThat(location.city()).isEqualTo(city);
        assertThat(location.country()).isEqualTo(country);
        assertThat(location.raw()).isEqualTo(raw);
    }

    @Test
    void hybridIsNotRemoteButKeepsThePlace() {
        assertThat(only("Hybrid")).isEqualTo(new Location("Hybrid", null, null, null, false));
        assertThat(only("Hybrid - NYC")).isEqualTo(new Location("Hybrid - NYC", "New York", "NY", "US", false));
        assertThat(Locations.marksOnSite("Hybrid - NYC")).isTrue();
        assertThat(Locations.marksOnSite("NYC")).isFalse();
    }

    @Test
    void splitsOnHardSeparatorsKeepingEachPieceAsRaw() {
        List<Location> locations = Locations.parse("NYC; SF | Austin, TX / Remote\nBoston or Chicago");

        assertThat(locations)
                .extracting(Location::raw)
                .containsExactly("NYC", "SF", "Austin, TX", "Remote", "Boston", "Chicago");
        assertThat(locations)
                .extracting(Location::city)
                .containsExactly("New York", "San Francisco", "Austin", null, "Boston", "Chicago");
    }

    @Test
    void splitsCommaListsOnlyWhenEveryPieceIsAPlace() {
        assertThat(Locations.parse("San Francisco, CA, New York, NY"))
                .extracting(Location::city, Location::region)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("San Francisco", "CA"),
                        org.assertj.core.groups.Tuple.tuple("New York", "NY"));
        assertThat(Locations.parse("NYC, SF")).extracting(Location::city).containsExactly("New York", "San Francisco");
        assertThat(Locations.parse("San Francisco and Toronto and Vienna"))
                .extracting(Location::country)
                .containsExactly("US", "CA", "AT");
        assertThat(Locations.parse("SF Bay Area, Seattle Metro, and New York City Metro Area"))
                .extracting(Location::city)
                .containsExactly("San Francisco", "Seattle", "New York");
        assertThat(Locations.parse("West Redlands, Redlands, CA")).hasSize(1);
    }

    @Test
    void unrecognisedTextStaysWithItsRawAndPlaceLikeTextAsCity() {
        assertThat(only("Multiple Locations")).isEqualTo(new Location("Multiple Locations", null, null, null, false));
        assertThat(only("Atlantis")).isEqualTo(new Location("Atlantis", "Atlantis", null, null, false));
        assertThat(only("  Seattle,\u00a0 WA\t")).isEqualTo(new Location("Seattle, WA", "Seattle", "WA", "US", false));
    }

    @Test
    void blankOrNullGivesNoLocations() {
        assertThat(Locations.parse(null)).isEmpty();
        assertThat(Locations.parse("  ")).isEmpty();
        assertThat(Locations.parse(" ; | ")).isEmpty();
    }

    @Test
    void repeatedStringsGiveEqualResults() {
        assertThat(Locations.parse("Toronto, ON, Canada")).isEqualTo(Locations.parse("Toronto, ON, Canada"));
    }
}
