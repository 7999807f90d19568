package dev.tern.source.lever;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tern.posting.RawPosting;
import dev.tern.source.FetchException;
import dev.tern.source.TestServer;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

final class LeverParserTest {

    private static final String URL = "http://127.0.0.1/v0/postings/harrowfinch?mode=json&skip=0&limit=100";

    private static List<RawPosting> parseFixture() throws FetchException {
        return LeverParser.parse(TestServer.fixture("lever/postings.json"), URL, "Harrow & Finch");
    }

    @Test
    void readsEveryField() throws Exception {
        RawPosting posting = parseFixture().get(0);

        assertThat(posting.externalId()).isEqualTo("6b1f2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d");
        assertThat(posting.title()).isEqualTo("Software Engineer Intern, Forecasting");
        assertThat(posting.company()).isEqualTo("Harrow & Finch");
        assertThat(posting.url()).isEqualTo("https://jobs.lever.co/harrowfinch/6b1f2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d");
        assertThat(posting.locations()).containsExactly("London, United Kingdom", "Dublin, Ireland");
        assertThat(posting.employmentType()).isEqualTo("Intern");
        assertThat(posting.categories()).containsExactly("Engineering", "Research & Development");
        assertThat(posting.postedAt()).isEqualTo(Instant.ofEpochMilli(1767225600123L));
        assertThat(posting.remote()).isFalse();
    }

    @Test
    void mapsWorkplaceTypeToRemote() throws Exception {
        assertThat(parseFixture()).extracting(RawPosting::remote).containsExactly(false, true, false, null);
    }

    @Test
    void fallsBackToApplyUrlAndToTheCountryCode() throws Exception {
        List<RawPosting> postings = parseFixture();

        assertThat(postings.get(1).url()).endsWith("/apply");
        assertThat(postings.get(2).locations()).containsExactly("SG");
        assertThat(postings.get(3).postedAt()).isNull();
        assertThat(postings.get(3).employmentType()).isNull();
    }

    @Test
    void aPostingWithoutIdFailsNamingTheField() {
        assertThatThrownBy(() -> LeverParser.parse(TestServer.fixture("lever/missing-id.json"), URL, null))
                .isInstanceOf(FetchException.class)
                .hasMessageContaining(URL)
                .hasMessageContaining("[0] has no 'id'");
    }

    @Test
    void anErrorObjectIsReportedWithItsText() {
        assertThatThrownBy(() -> LeverParser.parse(TestServer.fixture("lever/not-found.json"), URL, null))
                .isInstanceOf(FetchException.class)
                .hasMessageContaining("'Document not found'");
    }
}
