package dev.tern.source.amazon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tern.posting.RawPosting;
import dev.tern.source.FetchException;
import dev.tern.source.PagedListing;
import dev.tern.source.TestServer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

final class AmazonParserTest {

    private static final String URL = "https://www.amazon.jobs/en/search.json?base_query=intern&offset=0";

    private static PagedListing.Page page() throws FetchException {
        return AmazonParser.parse(TestServer.fixture("amazon/search-page.json"), URL);
    }

    private static List<RawPosting> postings() throws FetchException {
        return page().postings();
    }

    @Test
    void readsIdLinkTitleAndDescription() throws Exception {
        RawPosting first = postings().get(0);

        assertThat(first.externalId()).isEqualTo("2901234");
        assertThat(first.title()).isEqualTo("Software Development Engineer Intern - 2026");
        assertThat(first.url())
                .isEqualTo("https://www.amazon.jobs/en/jobs/2901234/software-development-engineer-intern-2026");
        assertThat(first.company()).isEqualTo("Amazon");
        assertThat(first.categories()).containsExactly("Software Development");
        assertThat(first.description())
                .isEqualTo("Build services used by millions.\n\nWork with a mentor.\n\n"
                        + "- Enrolled in a Bachelor's or Master's degree\n- Programming experience");
        assertThat(postings().get(1).externalId()).isEqualTo("2954321");
    }

    @Test
    void mapsThreeLetterCountryCodesToCountries() throws Exception {
        List<RawPosting> postings = postings();

        assertThat(postings.get(0).locations()).containsExactly("Seattle, WA, United States");
        assertThat(postings.get(1).locations()).containsExactly("Bengaluru, KA, India");
        assertThat(postings.get(3).locations()).containsExactly("London, United Kingdom");
    }

    @Test
    void turnsACountryFirstLocationAround() throws Exception {
        assertThat(postings().get(2).locations()).containsExactly("Vancouver, BC, Canada");
        assertThat(AmazonPlaces.countryFirst("US, WA, Seattle")).isEqualTo("Seattle, WA, United States");
        assertThat(AmazonPlaces.countryFirst(" ")).isNull();
    }

    @Test
    void readsProseDatesWithTheSitesDoubleSpace() throws Exception {
        List<RawPosting> postings = postings();

        assertThat(postings.get(0).postedAt()).isEqualTo(Instant.parse("2026-08-07T00:00:00Z"));
        assertThat(postings.get(1).postedAt()).isEqualTo(Instant.parse("2026-07-21T00:00:00Z"));
        assertThat(postings.get(2).postedAt()).isNull();
        assertThat(postings.get(3).postedAt()).isEqualTo(Instant.parse("2025-12-12T00:00:00Z"));
    }

    @Test
    void readsTheStatedHits() throws Exception {
        assertThat(page().total()).isEqualTo(4);
    }

    @Test
    void aPostingWithoutItsIcimsIdFailsNamingIt() {
        byte[] body = "{\"hits\":1,\"jobs\":[{\"title\":\"Intern\"}]}".getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> AmazonParser.parse(body, URL))
                .isInstanceOf(FetchException.class)
                .hasMessageContaining("jobs[0] has no 'id_icims'");
    }

    @Test
    void anAnswerWithoutJobsFails() {
        byte[] body = "{\"error\":\"bad request\"}".getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> AmazonParser.parse(body, URL))
                .isInstanceOf(FetchException.class)
                .hasMessageContaining("no 'jobs' array");
    }
}
