package dev.tern.source.workable;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tern.posting.RawPosting;
import dev.tern.source.FetchException;
import dev.tern.source.TestServer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

final class WorkableParserTest {

    private static final String URL = "http://127.0.0.1/api/v1/widget/accounts/orbelfinch";

    private static List<RawPosting> parseFixture() throws FetchException {
        return WorkableParser.parse(TestServer.fixture("workable/account.json"), URL, "orbelfinch");
    }

    @Test
    void readsEveryFieldAndDecodesEntities() throws Exception {
        RawPosting job = parseFixture().get(0);

        assertThat(job.externalId()).isEqualTo("A1B2C3D4E5");
        assertThat(job.title()).isEqualTo("Machine Learning Intern - Summer 2026 \u2013 Vision");
        assertThat(job.company()).isEqualTo("Orbel & Finch");
        assertThat(job.url()).isEqualTo("https://apply.workable.com/j/A1B2C3D4E5");
        assertThat(job.locations()).containsExactly("Lisbon, Portugal", "Madrid, Community of Madrid, Spain");
        assertThat(job.remote()).isFalse();
        assertThat(job.postedAt()).isEqualTo(Instant.parse("2026-03-18T00:00:00Z"));
        assertThat(job.employmentType()).isEqualTo("Internship");
        assertThat(job.categories()).containsExactly("Research & Development");
    }

    @Test
    void telecommutingIsRemoteAndHiddenLocationsCountWhenThereIsNoOther() throws Exception {
        RawPosting job = parseFixture().get(1);

        assertThat(job.remote()).isTrue();
        assertThat(job.locations()).containsExactly("Munich, Bavaria, Germany");
        assertThat(job.postedAt()).isEqualTo(Instant.parse("2026-02-01T00:00:00Z"));
    }

    @Test
    void toleratesMissingAndBlankOptionalFields() throws Exception {
        RawPosting job = parseFixture().get(2);

        assertThat(job.url()).isEqualTo("https://apply.workable.com/j/99ZZ88YY77");
        assertThat(job.locations()).containsExactly("United States");
        assertThat(job.remote()).isNull();
        assertThat(job.postedAt()).isEqualTo(Instant.parse("2024-11-05T00:00:00Z"));
        assertThat(job.employmentType()).isNull();
        assertThat(job.categories()).isEmpty();
    }

    @Test
    void usesTheFallbackCompanyWhenTheAccountHasNoName() throws Exception {
        byte[] body = "{\"jobs\":[{\"shortcode\":\"AB12\",\"title\":\"Intern\"}]}".getBytes(StandardCharsets.UTF_8);

        assertThat(WorkableParser.parse(body, URL, "orbelfinch"))
                .singleElement()
                .extracting(RawPosting::company)
                .isEqualTo("orbelfinch");
    }

    @Test
    void aJobWithoutShortcodeFailsNamingTheField() {
        byte[] body = "{\"jobs\":[{\"title\":\"Intern\"}]}".getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> WorkableParser.parse(body, URL, null))
                .isInstanceOf(FetchException.class)
                .hasMessageContaining(URL)
                .hasMessageContaining("jobs[0] has no 'shortcode'");
    }
}
