package dev.tern.source.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tern.posting.RawPosting;
import dev.tern.source.FetchException;
import dev.tern.source.TestServer;
import dev.tern.source.TestSources;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

final class JsonApiParserTest {

    private static final String URL = "https://jobs.kestrel.example/api/v2/openings";
    private static final Map<String, Object> FIELDS = Map.of(
            "id", "/reqId",
            "title", "/name",
            "url", "/links/apply",
            "company", "/org/display",
            "location", "/offices",
            "postedAt", "/created",
            "employmentType", "/kind");

    private static JsonMapping mapping(String items, Map<String, Object> fields) {
        return JsonMapping.of(TestSources.config("json", null, Map.of("url", URL, "items", items, "fields", fields)));
    }

    private static List<RawPosting> postings() throws FetchException {
        return JsonApiParser.parse(TestServer.fixture("json/jobs.json"), URL, mapping("/data/jobs", FIELDS));
    }

    @Test
    void readsEachFieldThroughItsPointer() throws Exception {
        RawPosting first = postings().get(0);

        assertThat(first.externalId()).isEqualTo("9123456789012");
        assertThat(first.title()).isEqualTo("Robotics Software Intern");
        assertThat(first.url()).isEqualTo("https://jobs.kestrel.example/apply/9123456789012");
        assertThat(first.company()).isEqualTo("Kestrel Dynamics");
        assertThat(first.locations()).containsExactly("Pittsburgh, PA", "Remote - US");
        assertThat(first.postedAt()).isEqualTo(Instant.parse("2026-03-10T00:00:00Z"));
        assertThat(first.employmentType()).isEqualTo("Internship");
    }

    @Test
    void toleratesMissingOptionalValuesAndSingleLocations() throws Exception {
        List<RawPosting> postings = postings();

        assertThat(postings.get(1).title()).isEqualTo("Controls Co-op");
        assertThat(postings.get(1).locations()).containsExactly("Boston, MA");
        assertThat(postings.get(1).postedAt()).isEqualTo(Instant.parse("2026-03-01T15:00:00Z"));
        assertThat(postings.get(1).company()).isNull();
        assertThat(postings.get(2).locations()).isEmpty();
        assertThat(postings.get(2).postedAt()).isNull();
        assertThat(postings.get(2).url()).isNull();
    }

    @Test
    void anEmptyItemsPointerReadsATopLevelArray() throws Exception {
        byte[] body = "[{\"id\":1,\"t\":\"A\"}]".getBytes(StandardCharsets.UTF_8);

        List<RawPosting> postings = JsonApiParser.parse(body, URL, mapping("", Map.of("id", "/id", "title", "/t")));

        assertThat(postings).extracting(RawPosting::externalId).containsExactly("1");
    }

    @Test
    void anItemsPointerToNothingFailsNamingIt() {
        assertThatThrownBy(
                        () -> JsonApiParser.parse(TestServer.fixture("json/jobs.json"), URL, mapping("/jobs", FIELDS)))
                .isInstanceOf(FetchException.class)
                .hasMessageContaining("items '/jobs' points at nothing");
        assertThatThrownBy(
                        () -> JsonApiParser.parse(TestServer.fixture("json/jobs.json"), URL, mapping("/meta", FIELDS)))
                .isInstanceOf(FetchException.class)
                .hasMessageContaining("items '/meta' is not an array");
    }

    @Test
    void anItemWithoutTitleFailsNamingTheItemAndPointer() {
        Map<String, Object> wrongTitle = Map.of("id", "/reqId", "title", "/title");

        assertThatThrownBy(() -> JsonApiParser.parse(
                        TestServer.fixture("json/jobs.json"), URL, mapping("/data/jobs", wrongTitle)))
                .isInstanceOf(FetchException.class)
                .hasMessageContaining("item 0 has no title at '/title'");
    }

    @Test
    void malformedJsonNamesLineAndColumn() {
        byte[] body = "{\"data\": [".getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> JsonApiParser.parse(body, URL, mapping("/data", FIELDS)))
                .isInstanceOf(FetchException.class)
                .hasMessageContaining("malformed JSON from " + URL + " at line 1");
    }

    /** The fields of a TikTok-like API, written with the keys that read nested places, templates and descriptions. */
    private static final Map<String, Object> TIKTOK_FIELDS = Map.of(
            "id", "/id",
            "title", "/title",
            "url", "https://lifeattiktok.com/search/{/id}",
            "location", List.of("/city_info/en_name", "/city_info/parent/en_name", "/city_info/parent/parent/en_name"),
            "description", List.of("/description", "/requirement"));

    private static List<RawPosting> tiktokLike() throws FetchException {
        return JsonApiParser.parse(
                TestServer.fixture("tiktok/search-page.json"), URL, mapping("/data/job_post_list", TIKTOK_FIELDS));
    }

    @Test
    void buildsLinksFromATemplateKeepingNineteenDigitIdsExact() throws Exception {
        assertThat(tiktokLike())
                .extracting(RawPosting::url)
                .containsExactly(
                        "https://lifeattiktok.com/search/7345678901234567891",
                        "https://lifeattiktok.com/search/7412345678901234567",
                        "https://lifeattiktok.com/search/9876543210987654321",
                        "https://lifeattiktok.com/search/7400000000000000001",
                        "https://lifeattiktok.com/search/7400000000000000002");
    }

    @Test
    void joinsTheLocationPartsOfSeveralPointers() throws Exception {
        assertThat(tiktokLike())
                .extracting(RawPosting::locations)
                .containsExactly(
                        List.of("Singapore"),
                        List.of("San Jose, California, United States of America"),
                        List.of("London, United Kingdom"),
                        List.of(),
                        List.of("Singapore"));
    }

    @Test
    void readsTheDescriptionFromOneOrSeveralPointers() throws Exception {
        assertThat(tiktokLike().getFirst().description())
                .isEqualTo("Join the search team of a global e-commerce platform.\nBuild ranking models.\n\n"
                        + "Pursuing a BS or MS in Computer Science.");
        assertThat(tiktokLike().get(2).description()).isNull();
    }

    @Test
    void aTemplateEncodesValuesAndGivesNoLinkWhenAValueIsMissing() throws Exception {
        byte[] body = "[{\"id\":\"a b?c#d/e\",\"t\":\"A\",\"slug\":\"x\"},{\"id\":\"2\",\"t\":\"B\",\"slug\":null}]"
                .getBytes(StandardCharsets.UTF_8);
        Map<String, Object> fields = Map.of("id", "/id", "title", "/t", "url", "/jobs/{/id}?s={/slug}");

        List<RawPosting> postings = JsonApiParser.parse(body, URL, mapping("", fields));

        assertThat(postings.get(0).url()).isEqualTo("https://jobs.kestrel.example/jobs/a%20b%3Fc%23d/e?s=x");
        assertThat(postings.get(1).url()).isNull();
    }
}
