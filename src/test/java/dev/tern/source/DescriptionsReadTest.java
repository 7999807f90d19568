package dev.tern.source;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tern.posting.RawPosting;
import dev.tern.source.ashby.AshbyParser;
import dev.tern.source.feed.FeedParser;
import dev.tern.source.greenhouse.GreenhouseParser;
import dev.tern.source.jsonld.JsonLdParser;
import dev.tern.source.lever.LeverParser;
import dev.tern.source.recruitee.RecruiteeParser;
import dev.tern.source.workday.WorkdayParser;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Each adapter that has a description reads it as plain text, from the project's own fixtures. */
final class DescriptionsReadTest {

    private static final String URL = "https://example.test/";

    @Test
    void greenhouseUnescapesItsEscapedHtmlContent() throws Exception {
        List<RawPosting> jobs = GreenhouseParser.parse(fixture("greenhouse/jobs.json"), URL, null);

        assertThat(jobs.get(0).description())
                .startsWith("Bluefin builds tools for R&")
                .doesNotContain("<", "&lt;");
        assertThat(jobs.get(1).description()).isEqualTo("Full-time role.");
        assertThat(jobs.get(2).description()).isNull();
    }

    @Test
    void leverJoinsDescriptionListsAndClosing() throws Exception {
        RawPosting first =
                LeverParser.parse(fixture("lever/postings.json"), URL, null).getFirst();

        assertThat(first.description()).startsWith("The Role").contains("You will build models.");
        assertThat(first.description()).doesNotContain("<li>");
    }

    @Test
    void ashbyReadsThePlainDescription() throws Exception {
        assertThat(AshbyParser.parse(fixture("ashby/job-board.json"), URL, null)
                        .getFirst()
                        .description())
                .isEqualTo("Quillmoor Labs builds notebooks for chemists.");
    }

    @Test
    void workdayReadsTheDetailsJobDescription() throws Exception {
        RawPosting listed = RawPosting.builder("R1", "Analytics Intern").build();

        assertThat(WorkdayParser.withDetail(fixture("workday/job-detail.json"), URL, listed)
                        .description())
                .isEqualTo("Join the Analytics & Insights team for a summer.");
    }

    @Test
    void recruiteeReadsDescriptionAsPlainText() throws Exception {
        assertThat(RecruiteeParser.parse(fixture("recruitee/offers.json"), URL, null)
                        .getFirst()
                        .description())
                .startsWith("Design the next safe city bike")
                .doesNotContain("<strong>", "&nbsp;");
    }

    @Test
    void feedsReadRssDescriptionAndAtomContentOrSummary() throws Exception {
        List<RawPosting> rss = FeedParser.parse(fixture("feed/jobs.rss"), URL, null);
        List<RawPosting> atom = FeedParser.parse(fixture("feed/jobs.atom"), URL, null);

        assertThat(rss.get(0).description()).contains("Headquarters: Lisbon").doesNotContain("<p>");
        assertThat(rss.get(1).description()).isEqualTo("Build APIs with us.");
        assertThat(atom)
                .extracting(RawPosting::description)
                .contains(
                        "Develops and maintains web applications (>60 sites) for Student Life.", "Prepares reagents.");
    }

    @Test
    void jsonLdReadsTheJobPostingsDescription() throws Exception {
        assertThat(JsonLdParser.parse(fixture("jsonld/posting.html"), URL))
                .extracting(RawPosting::description)
                .contains("Research & trade.");
    }

    private static byte[] fixture(String path) throws IOException {
        try (InputStream in = DescriptionsReadTest.class.getResourceAsStream("/fixtures/" + path)) {
            assertThat(in).as(path).isNotNull();
            return in.readAllBytes();
        }
    }
}
