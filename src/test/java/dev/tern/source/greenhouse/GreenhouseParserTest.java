package dev.tern.source.greenhouse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tern.posting.RawPosting;
import dev.tern.source.FetchException;
import dev.tern.source.TestServer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

final class GreenhouseParserTest {

    private static final String URL = "http://127.0.0.1/v1/boards/bluefinanalytics/jobs?content=true";

    private static List<RawPosting> parseFixture() throws FetchException {
        return GreenhouseParser.parse(TestServer.fixture("greenhouse/jobs.json"), URL, "bluefinanalytics");
    }

    @Test
    void keepsIdsBeyond32BitsAsTextAndReadsTheFields() throws Exception {
        RawPosting job = parseFixture().get(0);

        assertThat(job.externalId()).isEqualTo("9123456789002");
        assertThat(job.title()).isEqualTo("Data Engineering Intern (Summer 2026)");
        assertThat(job.company()).isEqualTo("Bluefin Analytics");
        assertThat(job.url()).isEqualTo("https://job-boards.greenhouse.io/bluefinanalytics/jobs/9123456789002");
        assertThat(job.locations()).containsExactly("Toronto, ON; Remote - Canada");
        assertThat(job.categories()).containsExactly("Data Platform", "University Recruiting");
        assertThat(job.employmentType()).isEqualTo("Intern");
        assertThat(job.postedAt()).isEqualTo(Instant.parse("2026-02-20T15:30:00Z"));
        assertThat(job.active()).isTrue();
    }

    @Test
    void fallsBackToOfficesAndUpdatedAtWhenLocationAndFirstPublishedAreEmpty() throws Exception {
        RawPosting job = parseFixture().get(1);

        assertThat(job.locations()).containsExactly("Austin", "Remote-US (PEO)");
        assertThat(job.postedAt()).isEqualTo(Instant.parse("2026-03-05T12:00:00Z"));
        assertThat(job.employmentType()).isNull();
        assertThat(job.categories()).isEmpty();
    }

    @Test
    void toleratesMissingOptionalFieldsAndUsesTheFallbackCompany() throws Exception {
        RawPosting job = parseFixture().get(2);

        assertThat(job.company()).isEqualTo("bluefinanalytics");
        assertThat(job.locations()).isEmpty();
        assertThat(job.postedAt()).isNull();
        assertThat(job.employmentType()).isNull();
        assertThat(job.categories()).containsExactly("Research");
    }

    @Test
    void aJobWithoutTitleFailsNamingTheFieldAndUrl() {
        assertThatThrownBy(() -> GreenhouseParser.parse(TestServer.fixture("greenhouse/missing-title.json"), URL, null))
                .isInstanceOf(FetchException.class)
                .hasMessageContaining(URL)
                .hasMessageContaining("jobs[0] has no 'title'");
    }

    @Test
    void anAnswerWithoutJobsSaysWhatIsMissing() {
        byte[] body = "{\"status\":404,\"error\":\"Job not found\"}".getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> GreenhouseParser.parse(body, URL, null))
                .isInstanceOf(FetchException.class)
                .hasMessageContaining("no 'jobs' array");
    }

    @Test
    void malformedJsonNamesTheLocation() {
        byte[] body = "{\"jobs\": [ {\"id\": 1,, } ]}".getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> GreenhouseParser.parse(body, URL, null))
                .isInstanceOf(FetchException.class)
                .hasMessageStartingWith("malformed JSON from " + URL + " at line 1, column ");
    }
}
