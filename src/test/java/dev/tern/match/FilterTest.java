package dev.tern.match;

import static dev.tern.match.TestPostings.REMOTE_US;
import static dev.tern.match.TestPostings.SEATTLE;
import static dev.tern.match.TestPostings.SINGAPORE;
import static dev.tern.match.TestPostings.TORONTO;
import static dev.tern.match.TestPostings.posting;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tern.config.FilterConfig;
import dev.tern.config.FilterConfig.RemoteMode;
import dev.tern.posting.Location;
import java.util.List;
import org.junit.jupiter.api.Test;

final class FilterTest {

    private static Filter filter(
            String keywords, List<String> locations, List<Integer> years, boolean includeUnknownYear)
            throws QueryException {
        return Filter.of(
                new FilterConfig(keywords, locations, years, List.of(), List.of(), RemoteMode.ANY, includeUnknownYear));
    }

    private static Filter locations(String... locations) throws QueryException {
        return filter(null, List.of(locations), List.of(), true);
    }

    private static Filter companies(List<String> companies, List<String> excluded) throws QueryException {
        return Filter.of(new FilterConfig(null, List.of(), List.of(), companies, excluded, RemoteMode.ANY, true));
    }

    private static Filter remote(RemoteMode mode) throws QueryException {
        return Filter.of(new FilterConfig(null, List.of(), List.of(), List.of(), List.of(), mode, true));
    }

    @Test
    void emptyFilterAcceptsEverything() throws QueryException {
        assertThat(Filter.of(FilterConfig.any()).matches(posting().build())).isTrue();
    }

    @Test
    void malformedKeywordsFailToCompile() {
        assertThatThrownBy(() -> filter("ml (", List.of(), List.of(), true))
                .isInstanceOf(QueryException.class)
                .hasMessageContaining("unclosed '('");
    }

    @Test
    void blankKeywordsAcceptEveryTitle() throws QueryException {
        assertThat(filter(" ", List.of(), List.of(), true).matches(posting().build()))
                .isTrue();
    }

    @Test
    void countryMatchesACityInIt() throws QueryException {
        assertThat(locations("United States").matches(posting().at(SEATTLE).build()))
                .isTrue();
        assertThat(locations("United States").matches(posting().at(TORONTO).build()))
                .isFalse();
    }

    @Test
    void regionAndCityMatch() throws QueryException {
        assertThat(locations("Washington").matches(posting().at(SEATTLE).build()))
                .isTrue();
        assertThat(locations("Seattle").matches(posting().at(SEATTLE).build())).isTrue();
        assertThat(locations("Seattle").matches(posting().at(TORONTO).build())).isFalse();
    }

    @Test
    void locationListAcceptsAPostingAtAnyOfThem() throws QueryException {
        Filter filter = locations("Singapore", "Canada");
        assertThat(filter.matches(posting().at(SEATTLE, TORONTO).build())).isTrue();
        assertThat(filter.matches(posting().at(SINGAPORE).build())).isTrue();
        assertThat(filter.matches(posting().at(SEATTLE).build())).isFalse();
        assertThat(filter.matches(posting().build())).isFalse();
    }

    @Test
    void remoteLocationMatchesRemotePostings() throws QueryException {
        Filter filter = locations("Singapore", "Remote");
        assertThat(filter.matches(posting().at(REMOTE_US).build())).isTrue();
        assertThat(filter.matches(posting().at(SEATTLE).remote(true).build())).isTrue();
        assertThat(filter.matches(posting().at(SEATTLE).remote(false).build())).isFalse();
    }

    @Test
    void unknownPlaceNameMatchesCityOrRawTextIgnoringCase() throws QueryException {
        Location gotham = new Location("Gotham City", "Gotham", null, null, false);
        assertThat(locations("gotham").matches(posting().at(gotham).build())).isTrue();
        assertThat(locations("GOTHAM  CITY").matches(posting().at(gotham).build()))
                .isTrue();
        assertThat(locations("Metropolis").matches(posting().at(gotham).build()))
                .isFalse();
    }

    @Test
    void startYearsAcceptListedYearsOnly() throws QueryException {
        Filter filter = filter(null, List.of(), List.of(2026, 2027), false);
        assertThat(filter.matches(posting().startYear(2026).build())).isTrue();
        assertThat(filter.matches(posting().startYear(2027).build())).isTrue();
        assertThat(filter.matches(posting().startYear(2025).build())).isFalse();
    }

    @Test
    void unknownStartYearPassesOnlyWhenIncluded() throws QueryException {
        assertThat(filter(null, List.of(), List.of(2026), true)
                        .matches(posting().build()))
                .isTrue();
        assertThat(filter(null, List.of(), List.of(2026), false)
                        .matches(posting().build()))
                .isFalse();
        assertThat(filter(null, List.of(), List.of(), false).matches(posting().build()))
                .as("no startYears means any year, known or not")
                .isTrue();
    }

    @Test
    void companiesCompareIgnoringCaseAndSpacing() throws QueryException {
        Filter filter = companies(List.of("Jane  Street", "Stripe"), List.of());
        assertThat(filter.matches(posting().company("jane street").build())).isTrue();
        assertThat(filter.matches(posting().company(" STRIPE ").build())).isTrue();
        assertThat(filter.matches(posting().company("Acme").build())).isFalse();
    }

    @Test
    void excludedCompaniesNeverPass() throws QueryException {
        Filter filter = companies(List.of(), List.of("Acme Corp"));
        assertThat(filter.matches(posting().company("acme  corp").build())).isFalse();
        assertThat(filter.matches(posting().company("Stripe").build())).isTrue();
    }

    @Test
    void remoteModes() throws QueryException {
        var remoteFlag = posting().remote(true).build();
        var remoteLocation = posting().at(SEATTLE, REMOTE_US).build();
        var onSite = posting().at(SEATTLE).remote(false).build();
        var unknown = posting().at(SEATTLE).build();
        assertThat(List.of(remoteFlag, remoteLocation, onSite, unknown))
                .map(remote(RemoteMode.ONLY)::matches)
                .containsExactly(true, true, false, false);
        assertThat(List.of(remoteFlag, remoteLocation, onSite, unknown))
                .map(remote(RemoteMode.EXCLUDE)::matches)
                .containsExactly(false, false, true, true);
        assertThat(List.of(remoteFlag, remoteLocation, onSite, unknown))
                .map(remote(RemoteMode.ANY)::matches)
                .containsExactly(true, true, true, true);
    }

    @Test
    void everyPartMustPass() throws QueryException {
        Filter filter = Filter.of(new FilterConfig(
                "ml -senior",
                List.of("United States"),
                List.of(2026),
                List.of("Acme"),
                List.of(),
                RemoteMode.ANY,
                false));
        TestPostings good = posting().title("ML Intern").at(SEATTLE).startYear(2026);
        assertThat(filter.matches(good.build())).isTrue();
        assertThat(filter.matches(good.title("Senior ML Intern").build())).isFalse();
        assertThat(filter.matches(
                        posting().title("ML Intern").at(TORONTO).startYear(2026).build()))
                .isFalse();
        assertThat(filter.matches(
                        posting().title("ML Intern").at(SEATTLE).startYear(2025).build()))
                .isFalse();
        assertThat(filter.matches(posting()
                        .title("ML Intern")
                        .at(SEATTLE)
                        .startYear(2026)
                        .company("Other")
                        .build()))
                .isFalse();
    }

    @Test
    void filtersFromEqualConfigsAreEqual() throws QueryException {
        assertThat(locations("Remote")).isEqualTo(locations("Remote")).isNotEqualTo(locations("Canada"));
    }
}
