package dev.tern.source.ashby;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tern.posting.RawPosting;
import dev.tern.source.FetchException;
import dev.tern.source.TestServer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

final class AshbyParserTest {

    private static final String URL = "http://127.0.0.1/posting-api/job-board/quillmoor";

    private static List<RawPosting> parseFixture() throws FetchException {
        return AshbyParser.parse(TestServer.fixture("ashby/job-board.json"), URL, "Quillmoor Labs");
    }

    @Test
    void readsEveryFieldAndDecodesEntities() throws Exception {
        RawPosting job = parseFixture().get(0);

        assertThat(job.externalId()).isEqualTo("7d3e1a52-90bc-4f0e-a1d4-5b6c7e8f9a01");
        assertThat(job.title()).isEqualTo("Software Engineering Intern, R&D Tools");
        assertThat(job.company()).isEqualTo("Quillmoor Labs");
        assertThat(job.url()).isEqualTo("https://jobs.ashbyhq.com/quillmoor/7d3e1a52-90bc-4f0e-a1d4-5b6c7e8f9a01");
        assertThat(job.locations()).containsExactly("New York", "Toronto", "Austin, Texas, United States");
        assertThat(job.remote()).isFalse();
        assertThat(job.postedAt()).isEqualTo(Instant.parse("2026-03-02T14:05:09.120Z"));
        assertThat(job.employmentType()).isEqualTo("Intern");
        assertThat(job.categories()).containsExactly("Engineering", "Developer Tools");
        assertThat(job.active()).isTrue();
    }

    @Test
    void skipsUnlistedJobs() throws Exception {
        assertThat(parseFixture())
                .extracting(RawPosting::externalId)
                .containsExactly(
                        "7d3e1a52-90bc-4f0e-a1d4-5b6c7e8f9a01",
                        "1f0a9b8c-7d6e-4f5a-b4c3-d2e1f0a9b8c7",
                        "5a4b3c2d-1e0f-4a9b-8c7d-6e5f4a3b2c1d");
    }

    @Test
    void isRemoteAndWorkplaceTypeMarkRemoteWork() throws Exception {
        RawPosting remote = parseFixture().get(1);

        assertThat(remote.remote()).isTrue();
        assertThat(remote.locations()).containsExactly("Remote - US");
        assertThat(remote.categories()).containsExactly("Sales");
        assertThat(remote.postedAt()).isEqualTo(Instant.parse("2026-02-11T13:00:00Z"));
        assertThat(remote.employmentType()).isEqualTo("FullTime");
    }

    @Test
    void toleratesMissingOptionalFields() throws Exception {
        RawPosting job = parseFixture().get(2);

        assertThat(job.title()).isEqualTo("Lab Operations Co-op");
        assertThat(job.url()).endsWith("/application");
        assertThat(job.locations()).containsExactly("Cambridge, United Kingdom");
        assertThat(job.remote()).isNull();
        assertThat(job.postedAt()).isNull();
        assertThat(job.employmentType()).isNull();
        assertThat(job.categories()).isEmpty();
    }

    @Test
    void aJobWithoutIdFailsNamingTheFieldAndUrl() {
        byte[] body = "{\"jobs\":[{\"title\":\"Intern\"}]}".getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> AshbyParser.parse(body, URL, null))
                .isInstanceOf(FetchException.class)
                .hasMessageContaining(URL)
                .hasMessageContaining("jobs[0] has no 'id'");
    }

    @Test
    void anAnswerWithoutJobsIsNotAnEmptyBoard() {
        byte[] body = "{\"success\":false}".getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> AshbyParser.parse(body, URL, null))
                .isInstanceOf(FetchException.class)
                .hasMessageContaining("no 'jobs' array");
    }
}
