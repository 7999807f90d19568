package dev.tern.source.tiktok;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tern.posting.RawPosting;
import dev.tern.source.FetchException;
import dev.tern.source.PagedListing;
import dev.tern.source.TestServer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

final class TikTokParserTest {

    private static final String URL = "https://api.lifeattiktok.com/api/v1/public/supplier/search/job/posts";

    private static PagedListing.Page page() throws FetchException {
        return TikTokParser.parse(TestServer.fixture("tiktok/search-page.json"), URL);
    }

    private static List<RawPosting> postings() throws FetchException {
        return page().postings();
    }

    @Test
    void readsThePostingTheProjectStartedFrom() throws Exception {
        RawPosting seed = postings().get(0);

        assertThat(seed.externalId()).isEqualTo("7345678901234567891");
        assertThat(seed.title())
                .isEqualTo("Machine Learning Engineer Intern (TikTok Shop Global E-Commerce, Search) - 2026 Start"
                        + " (BS/MS)");
        assertThat(seed.url()).isEqualTo("https://lifeattiktok.com/search/7345678901234567891");
        assertThat(seed.company()).isEqualTo("TikTok");
        assertThat(seed.locations()).containsExactly("Singapore");
        assertThat(seed.employmentType()).isEqualTo("Intern");
        assertThat(seed.categories()).containsExactly("R&D");
        assertThat(seed.description())
                .isEqualTo("Join the search team of a global e-commerce platform.\nBuild ranking models.\n\n"
                        + "Pursuing a BS or MS in Computer Science.");
    }

    @Test
    void keepsNineteenDigitIdsExactAsStringsOrAsNumbers() throws Exception {
        assertThat(postings())
                .extracting(RawPosting::externalId)
                .containsExactly(
                        "7345678901234567891",
                        "7412345678901234567",
                        "9876543210987654321",
                        "7400000000000000001",
                        "7400000000000000002");
        assertThat(postings().get(2).url()).isEqualTo("https://lifeattiktok.com/search/9876543210987654321");
    }

    @Test
    void readsTheCityInfoChainOfEveryDepthIntoOneLocation() throws Exception {
        List<RawPosting> postings = postings();

        assertThat(postings.get(0).locations()).containsExactly("Singapore");
        assertThat(postings.get(1).locations()).containsExactly("San Jose, California, United States of America");
        assertThat(postings.get(2).locations()).containsExactly("London, United Kingdom");
        assertThat(postings.get(3).locations()).isEmpty();
        assertThat(postings.get(4).locations()).containsExactly("Singapore");
    }

    @Test
    void toleratesMissingOptionalFields() throws Exception {
        RawPosting bare = postings().get(2);

        assertThat(bare.description()).isNull();
        assertThat(bare.employmentType()).isNull();
        assertThat(bare.categories()).isEmpty();
        assertThat(postings().get(1).description()).isEqualTo("Keep the platform safe.");
    }

    @Test
    void readsTheStatedCount() throws Exception {
        assertThat(page().total()).isEqualTo(5);
    }

    @Test
    void aCodeOtherThanZeroFailsNamingTheSitesMessage() {
        assertThatThrownBy(() -> TikTokParser.parse(TestServer.fixture("tiktok/refused.json"), URL))
                .isInstanceOf(FetchException.class)
                .hasMessageContaining("code 1")
                .hasMessageContaining("website-path is missing or invalid")
                .hasMessageContaining(URL);
    }

    @Test
    void aPostingWithoutAnIdFailsNamingIt() {
        byte[] body = "{\"code\":0,\"data\":{\"count\":1,\"job_post_list\":[{\"title\":\"Intern\"}]}}"
                .getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> TikTokParser.parse(body, URL))
                .isInstanceOf(FetchException.class)
                .hasMessageContaining("job_post_list[0] has no 'id'");
    }

    @Test
    void anAnswerWithoutTheListFails() {
        byte[] body = "{\"code\":0,\"data\":{}}".getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> TikTokParser.parse(body, URL))
                .isInstanceOf(FetchException.class)
                .hasMessageContaining("no 'data.job_post_list' array");
    }
}
