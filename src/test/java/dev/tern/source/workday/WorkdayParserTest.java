package dev.tern.source.workday;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tern.posting.RawPosting;
import dev.tern.source.FetchException;
import dev.tern.source.TestServer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

final class WorkdayParserTest {

    private static final String URL = "http://127.0.0.1/wday/cxs/brightwater/Careers/jobs";
    private static final Instant NOW = Instant.parse("2026-09-10T15:30:00Z");
    private static final WorkdaySite SITE =
            WorkdaySite.parse("https://brightwater.wd1.myworkdayjobs.com/en-US/Careers");

    private static WorkdayParser.Page parseFixture() throws FetchException {
        return WorkdayParser.parsePage(TestServer.fixture("workday/jobs.json"), URL, SITE, "Brightwater Foods", NOW);
    }

    private static RawPosting posting(int index) throws FetchException {
        return parseFixture().postings().get(index).posting();
    }

    @Test
    void readsEveryFieldOfASearchEntry() throws Exception {
        RawPosting job = posting(0);

        assertThat(job.externalId()).isEqualTo("Software-Engineer-Intern---Tools--Summer-2027_JR-004512");
        assertThat(job.title()).isEqualTo("Software Engineer Intern & Tools, Summer 2027");
        assertThat(job.company()).isEqualTo("Brightwater Foods");
        assertThat(job.url())
                .isEqualTo("https://brightwater.wd1.myworkdayjobs.com/Careers/job/Austin-TX/"
                        + "Software-Engineer-Intern---Tools--Summer-2027_JR-004512");
        assertThat(job.locations()).containsExactly("Austin, TX");
        assertThat(job.postedAt()).isEqualTo(Instant.parse("2026-09-10T00:00:00Z"));
        assertThat(job.remote()).isNull();
        assertThat(job.employmentType()).isNull();
        assertThat(job.categories()).isEmpty();
        assertThat(parseFixture().postings().get(0).locationsAmbiguous()).isFalse();
    }

    @Test
    void readsTheTotalAndTurnsProseDatesIntoDays() throws Exception {
        WorkdayParser.Page page = parseFixture();

        assertThat(page.total()).isEqualTo(5);
        assertThat(page.postings())
                .extracting(listed -> listed.posting().postedAt())
                .containsExactly(
                        Instant.parse("2026-09-10T00:00:00Z"),
                        Instant.parse("2026-09-09T00:00:00Z"),
                        Instant.parse("2026-09-07T00:00:00Z"),
                        Instant.parse("2026-08-11T00:00:00Z"),
                        null);
    }

    @Test
    void severalLocationsNameNoPlaceAndAreMarkedForTheDetail() throws Exception {
        WorkdayParser.Listed listed = parseFixture().postings().get(1);

        assertThat(listed.locationsAmbiguous()).isTrue();
        assertThat(listed.posting().locations()).isEmpty();
        assertThat(listed.externalPath()).isEqualTo("/job/Chicago-IL/Data-Analyst-Intern_JR-004498-1");
    }

    @Test
    void toleratesMissingOptionalFields() throws Exception {
        assertThat(posting(3).locations()).isEmpty();
        assertThat(posting(4).externalId()).isEqualTo("Co-op--Supply-Chain_JR-004601");
        assertThat(posting(4).postedAt()).isNull();
        assertThat(posting(2).locations()).containsExactly("Remote - USA");
    }

    @Test
    void aDetailAddsEveryLocationTheTimeTypeTheStartDateAndTheWorkplace() throws Exception {
        RawPosting listed = posting(1);

        RawPosting detailed = WorkdayParser.withDetail(TestServer.fixture("workday/job-detail.json"), URL, listed);

        assertThat(detailed.locations())
                .containsExactly("Chicago, IL, United States of America", "New York, NY", "Toronto, ON, Canada");
        assertThat(detailed.employmentType()).isEqualTo("Full time");
        assertThat(detailed.terms()).containsExactly("2027-06-07");
        assertThat(detailed.remote()).isFalse();
        assertThat(detailed)
                .extracting(RawPosting::externalId, RawPosting::title, RawPosting::url, RawPosting::postedAt)
                .containsExactly(listed.externalId(), listed.title(), listed.url(), listed.postedAt());
    }

    @Test
    void aSearchEntryWithoutExternalPathFailsNamingTheField() {
        byte[] body = "{\"total\":1,\"jobPostings\":[{\"title\":\"Intern\"}]}".getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> WorkdayParser.parsePage(body, URL, SITE, null, NOW))
                .isInstanceOf(FetchException.class)
                .hasMessageContaining(URL)
                .hasMessageContaining("jobPostings[0] has no 'externalPath'");
    }

    @Test
    void aPageWithoutTotalSaysSo() throws Exception {
        byte[] body = "{\"jobPostings\":[]}".getBytes(StandardCharsets.UTF_8);

        assertThat(WorkdayParser.parsePage(body, URL, SITE, null, NOW).total()).isEqualTo(-1);
        assertThat(WorkdayParser.remote("Remote")).isTrue();
        assertThat(WorkdayParser.remote("On-site")).isFalse();
        assertThat(WorkdayParser.remote("Flexible")).isNull();
    }

    @Test
    void readsEveryPostingOfThePage() throws Exception {
        List<String> ids = parseFixture().postings().stream()
                .map(listed -> listed.posting().externalId())
                .toList();

        assertThat(ids).hasSize(5).doesNotHaveDuplicates();
    }
}
