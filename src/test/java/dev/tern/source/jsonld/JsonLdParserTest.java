package dev.tern.source.jsonld;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tern.posting.RawPosting;
import dev.tern.source.TestServer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

final class JsonLdParserTest {

    private static final String PAGE = "https://careers.larkspur.example/jobs/7741";

    private static List<RawPosting> postings() throws Exception {
        return JsonLdParser.parse(TestServer.fixture("jsonld/posting.html"), PAGE);
    }

    @Test
    void findsPostingsInGraphsAndArraysAcrossBlocksDespiteAMalformedBlock() throws Exception {
        assertThat(postings())
                .extracting(RawPosting::title)
                .containsExactly(
                        "Quant Research Intern & Summer Analyst: Summer 2027",
                        "Trading Systems Intern",
                        "Operations Intern");
    }

    @Test
    void readsTheJobPostingFields() throws Exception {
        RawPosting quant = postings().get(0);

        assertThat(quant.externalId()).isEqualTo("REQ-7741");
        assertThat(quant.company()).isEqualTo("Larkspur Trading LLC");
        assertThat(quant.url()).isEqualTo("https://careers.larkspur.example/jobs/7741/quant-research-intern");
        assertThat(quant.locations()).containsExactly("Chicago, IL, US", "Hong Kong, HK", "United States", "Ontario");
        assertThat(quant.remote()).isTrue();
        assertThat(quant.employmentType()).isEqualTo("INTERN, FULL_TIME");
        assertThat(quant.postedAt()).isEqualTo(Instant.parse("2026-07-06T00:00:00Z"));
        assertThat(quant.validThrough()).isEqualTo(Instant.parse("2026-01-31T00:00:00Z"));
    }

    @Test
    void acceptsPlainStringsAndNumbersAndFallsBackToThePageUrl() throws Exception {
        RawPosting trading = postings().get(1);

        assertThat(trading.externalId()).isEqualTo("98765432109876");
        assertThat(trading.company()).isEqualTo("Larkspur Trading LLC");
        assertThat(trading.locations()).containsExactly("Dublin, Ireland");
        assertThat(trading.remote()).isNull();
        assertThat(trading.employmentType()).isEqualTo("OTHER");
        assertThat(trading.url()).isEqualTo(PAGE);
        assertThat(trading.validThrough()).isNull();
    }

    @Test
    void aPostingWithoutIdentifierOrUrlIsKnownByThePageUrlAndAPlaceByItsName() throws Exception {
        RawPosting operations = postings().get(2);

        assertThat(operations.externalId()).isEqualTo(PAGE);
        assertThat(operations.locations()).containsExactly("Sydney Office");
        assertThat(operations.company()).isNull();
    }

    @Test
    void twoPostingsWithoutIdsOnOnePageGetDistinctIds() throws Exception {
        String page = "<script type=\"application/ld+json\">[{\"@type\":\"JobPosting\",\"title\":\"A\"},"
                + "{\"@type\":\"schema:JobPosting\",\"title\":\"B\"}]</script>";

        List<RawPosting> postings = JsonLdParser.parse(page.getBytes(StandardCharsets.UTF_8), PAGE);

        assertThat(postings).extracting(RawPosting::title).containsExactly("A", "B");
        assertThat(postings).extracting(RawPosting::externalId).doesNotHaveDuplicates();
    }

    @Test
    void aPageWithoutJsonLdHasNoPostings() throws Exception {
        assertThat(JsonLdParser.parse(TestServer.fixture("jsonld/listing.html"), PAGE))
                .isEmpty();
    }
}
