package dev.tern.source.smartrecruiters;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tern.posting.RawPosting;
import dev.tern.source.FetchException;
import dev.tern.source.TestServer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

final class SmartRecruitersParserTest {

    private static final String URL = "http://127.0.0.1/v1/companies/VantorMicro/postings?limit=100&offset=0";

    private static SmartRecruitersParser.Page parseFixture() throws FetchException {
        return SmartRecruitersParser.parse(
                TestServer.fixture("smartrecruiters/postings.json"), URL, "VantorMicro", "vantor");
    }

    @Test
    void keepsIdsBeyond32BitsAsTextAndReadsEveryField() throws Exception {
        RawPosting posting = parseFixture().postings().get(0);

        assertThat(posting.externalId()).isEqualTo("744000212345678");
        assertThat(posting.title()).isEqualTo("Firmware Validation Intern & Test Automation");
        assertThat(posting.company()).isEqualTo("Vantor Micro");
        assertThat(posting.url()).isEqualTo("https://jobs.smartrecruiters.com/VantorMicro/744000212345678");
        assertThat(posting.locations()).containsExactly("Bayan Lepas, Penang, Malaysia");
        assertThat(posting.remote()).isFalse();
        assertThat(posting.postedAt()).isEqualTo(Instant.parse("2026-04-14T09:12:30.250Z"));
        assertThat(posting.employmentType()).isEqualTo("internship");
        assertThat(posting.categories()).containsExactly("Storage Engineering", "Engineering");
    }

    @Test
    void readsTheTotalAndEveryPostingOfThePage() throws Exception {
        SmartRecruitersParser.Page page = parseFixture();

        assertThat(page.totalFound()).isEqualTo(3);
        assertThat(page.postings())
                .extracting(RawPosting::externalId)
                .containsExactly("744000212345678", "744000298765432", "744000200000001");
    }

    @Test
    void buildsTheLocationFromItsPartsAndReadsTheRemoteFlag() throws Exception {
        RawPosting posting = parseFixture().postings().get(1);

        assertThat(posting.locations()).containsExactly("Denver, CO, US");
        assertThat(posting.remote()).isTrue();
        assertThat(posting.employmentType()).isEqualTo("Full-time");
        assertThat(posting.categories()).containsExactly("Sales");
    }

    @Test
    void toleratesMissingOptionalFields() throws Exception {
        RawPosting posting = parseFixture().postings().get(2);

        assertThat(posting.company()).isEqualTo("vantor");
        assertThat(posting.url()).isEqualTo("https://jobs.smartrecruiters.com/VantorMicro/744000200000001");
        assertThat(posting.locations()).isEmpty();
        assertThat(posting.remote()).isNull();
        assertThat(posting.postedAt()).isNull();
        assertThat(posting.employmentType()).isNull();
        assertThat(posting.categories()).isEmpty();
    }

    @Test
    void aPostingWithoutNameFailsNamingTheField() {
        byte[] body = "{\"totalFound\":1,\"content\":[{\"id\":\"1\"}]}".getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> SmartRecruitersParser.parse(body, URL, "VantorMicro", null))
                .isInstanceOf(FetchException.class)
                .hasMessageContaining(URL)
                .hasMessageContaining("content[0] has no 'name'");
    }
}
