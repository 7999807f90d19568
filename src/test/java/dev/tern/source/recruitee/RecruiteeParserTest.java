package dev.tern.source.recruitee;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tern.posting.RawPosting;
import dev.tern.source.FetchException;
import dev.tern.source.TestServer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

final class RecruiteeParserTest {

    private static final String URL = "http://127.0.0.1/api/offers/";

    private static List<RawPosting> parseFixture() throws FetchException {
        return RecruiteeParser.parse(TestServer.fixture("recruitee/offers.json"), URL, "lindqvist");
    }

    @Test
    void readsEveryFieldOfAnOfferWithSeveralLocations() throws Exception {
        RawPosting offer = parseFixture().get(0);

        assertThat(offer.externalId()).isEqualTo("5000000123");
        assertThat(offer.title()).isEqualTo("Product Design Intern (f/m/d) \u2013 Mobility & Safety");
        assertThat(offer.company()).isEqualTo("Lindqvist Bikes");
        assertThat(offer.url())
                .isEqualTo("https://lindqvist.recruitee.com/o/product-design-intern-fmd-mobility-safety");
        assertThat(offer.locations()).containsExactly("Amsterdam, North Holland, Netherlands", "Berlin, Germany");
        assertThat(offer.remote()).isFalse();
        assertThat(offer.postedAt()).isEqualTo(Instant.parse("2026-08-05T09:41:37Z"));
        assertThat(offer.employmentType()).isEqualTo("internship");
        assertThat(offer.categories()).containsExactly("Design & Research");
    }

    @Test
    void aRemoteOfferWithoutLocationsUsesItsLocationTextAndCreatedAt() throws Exception {
        RawPosting offer = parseFixture().get(1);

        assertThat(offer.remote()).isTrue();
        assertThat(offer.locations()).containsExactly("Netherlands/Remote");
        assertThat(offer.postedAt()).isEqualTo(Instant.parse("2026-07-01T12:00:00Z"));
        assertThat(offer.employmentType()).isEqualTo("fulltime_permanent");
    }

    @Test
    void toleratesMissingOptionalFields() throws Exception {
        RawPosting offer = parseFixture().get(2);

        assertThat(offer.company()).isEqualTo("lindqvist");
        assertThat(offer.url()).endsWith("/werkstudent-logistiek/c/new");
        assertThat(offer.locations()).containsExactly("Utrecht, NL");
        assertThat(offer.remote()).isNull();
        assertThat(offer.postedAt()).isNull();
        assertThat(offer.employmentType()).isNull();
        assertThat(offer.categories()).isEmpty();
    }

    @Test
    void readsRecruiteesDateFormatAndIsoAndNothingElse() {
        assertThat(RecruiteeParser.instant("2026-01-31 23:59:59 UTC")).isEqualTo(Instant.parse("2026-01-31T23:59:59Z"));
        assertThat(RecruiteeParser.instant("2026-01-31T23:59:59+01:00"))
                .isEqualTo(Instant.parse("2026-01-31T22:59:59Z"));
        assertThat(RecruiteeParser.instant("yesterday")).isNull();
    }

    @Test
    void anOfferWithoutTitleFailsNamingTheField() {
        byte[] body = "{\"offers\":[{\"id\":1}]}".getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> RecruiteeParser.parse(body, URL, null))
                .isInstanceOf(FetchException.class)
                .hasMessageContaining(URL)
                .hasMessageContaining("offers[0] has no 'title'");
    }
}
