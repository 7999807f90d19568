package dev.tern.source.tiktok;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tern.config.SourceConfig;
import dev.tern.config.SourceTypeSpec.Problem;
import dev.tern.posting.RawPosting;
import dev.tern.source.CacheTags;
import dev.tern.source.FetchException;
import dev.tern.source.FetchResult;
import dev.tern.source.Http;
import dev.tern.source.PagedListing;
import dev.tern.source.RecordingSleeper;
import dev.tern.source.TestServer;
import dev.tern.source.TestSources;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

final class TikTokAdapterTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final TikTokAdapter adapter = new TikTokAdapter();
    private TestServer server;
    private Http http;

    @BeforeEach
    void setUp() throws Exception {
        server = TestServer.start();
        http = TestSources.http(new RecordingSleeper());
    }

    @AfterEach
    void tearDown() {
        http.close();
        server.close();
    }

    private SourceConfig source(Map<String, Object> settings) {
        return TestSources.config("tiktok", server.baseUrl(), settings);
    }

    private List<JsonNode> requestBodies() throws Exception {
        List<JsonNode> bodies = new java.util.ArrayList<>();
        for (TestServer.Recorded request : server.requests()) {
            bodies.add(MAPPER.readTree(request.body()));
        }
        return bodies;
    }

    @Test
    void pagesByBodyOffsetAdvancingByWhatTheSiteServedAndSendsWebsitePath() throws Exception {
        TikTokSite.generated(120, 40).install(server);

        FetchResult.Fetched result = (FetchResult.Fetched) adapter.fetch(source(Map.of()), http, CacheTags.NONE);

        assertThat(result.postings()).hasSize(120);
        assertThat(result.complete()).isTrue();
        assertThat(server.requests()).hasSize(3).allSatisfy(request -> {
            assertThat(request.method()).isEqualTo("POST");
            assertThat(request.uri().getPath()).isEqualTo(TikTokSite.PATH);
            assertThat(request.header("website-path")).isEqualTo("tiktok");
            assertThat(request.header("Content-Type")).isEqualTo("application/json");
        });
        assertThat(requestBodies())
                .extracting(body -> body.get("offset").asInt())
                .containsExactly(0, 40, 80);
        assertThat(requestBodies()).allSatisfy(body -> {
            assertThat(body.get("keyword").asText()).isEqualTo("intern");
            assertThat(body.get("limit").asInt()).isEqualTo(TikTokAdapter.PAGE_SIZE);
            assertThat(body.get("recruitment_id_list").isArray()).isTrue();
            assertThat(body.get("location_code_list").isArray()).isTrue();
        });
        assertThat(result.postings().get(2).locations())
                .containsExactly("San Jose, California, United States of America");
    }

    @Test
    void searchesTheConfiguredKeyword() throws Exception {
        TikTokSite.generated(3, 50).install(server);

        adapter.fetch(source(Map.of("keyword", "machine learning")), http, CacheTags.NONE);

        assertThat(requestBodies().getFirst().get("keyword").asText()).isEqualTo("machine learning");
    }

    @Test
    void aRefusedSearchFailsThePollWithTheSitesMessage() {
        server.handle(
                TikTokSite.PATH,
                exchange -> TestServer.respond(
                        exchange,
                        200,
                        "{\"code\":1,\"message\":\"the search is temporarily unavailable\",\"data\":null}"));

        assertThatThrownBy(() -> adapter.fetch(source(Map.of()), http, CacheTags.NONE))
                .isInstanceOf(FetchException.class)
                .hasMessageContaining("code 1")
                .hasMessageContaining("the search is temporarily unavailable")
                .hasMessageContaining(server.baseUrl() + TikTokSite.PATH);
    }

    @Test
    void aListingThatEndsBeforeTheCountIsIncomplete() throws Exception {
        TikTokSite.generated(70, 50).claiming(200).install(server);

        FetchResult.Fetched result = (FetchResult.Fetched) adapter.fetch(source(Map.of()), http, CacheTags.NONE);

        assertThat(result.postings()).hasSize(70);
        assertThat(result.complete()).isFalse();
        assertThat(requestBodies())
                .extracting(body -> body.get("offset").asInt())
                .containsExactly(0, 50, 70);
    }

    @Test
    void stopsAtThePageLimitWithAnIncompleteListing() throws Exception {
        TikTokSite.generated(PagedListing.MAX_PAGES * TikTokAdapter.PAGE_SIZE + 10, 50)
                .install(server);

        FetchResult.Fetched result = (FetchResult.Fetched) adapter.fetch(source(Map.of()), http, CacheTags.NONE);

        assertThat(result.postings()).hasSize(PagedListing.MAX_PAGES * TikTokAdapter.PAGE_SIZE);
        assertThat(result.complete()).isFalse();
        assertThat(server.requests()).hasSize(PagedListing.MAX_PAGES);
    }

    @Test
    void givesEveryPostingItsLinkAndTikTokAsCompany() throws Exception {
        TikTokSite.fixture().install(server);

        List<RawPosting> postings =
                ((FetchResult.Fetched) adapter.fetch(source(Map.of()), http, CacheTags.NONE)).postings();

        assertThat(postings)
                .extracting(RawPosting::url)
                .allMatch(url -> url.startsWith("https://lifeattiktok.com/search/"));
        assertThat(postings).extracting(RawPosting::company).containsOnly("TikTok");
    }

    @Test
    void searchesTheRealSiteUnlessBaseUrlIsSet() throws Exception {
        assertThat(TikTokAdapter.searchUri(TestSources.config("tiktok", null, Map.of())))
                .hasToString("https://api.lifeattiktok.com/api/v1/public/supplier/search/job/posts");
        assertThat(TikTokAdapter.searchUri(source(Map.of())))
                .hasToString(server.baseUrl() + "/api/v1/public/supplier/search/job/posts");
    }

    @Test
    void checkRejectsAKeywordTooLongToBeASearch() {
        assertThat(adapter.check(source(Map.of("keyword", "x".repeat(101)))))
                .extracting(Problem::key)
                .containsExactly("keyword");
        assertThat(adapter.check(source(Map.of("keyword", "intern")))).isEmpty();
    }
}
