package dev.tern.source.amazon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tern.config.SourceConfig;
import dev.tern.config.SourceTypeSpec.Problem;
import dev.tern.source.CacheTags;
import dev.tern.source.FetchResult;
import dev.tern.source.Http;
import dev.tern.source.HttpStatusException;
import dev.tern.source.RecordingSleeper;
import dev.tern.source.TestServer;
import dev.tern.source.TestSources;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

final class AmazonAdapterTest {

    private static final String PATH = "/en/search.json";

    private final AmazonAdapter adapter = new AmazonAdapter();
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
        return TestSources.config("amazon", server.baseUrl(), settings);
    }

    /** Serves {@code available} jobs from the offset in the query, stating {@code hits}. */
    private void serve(int available, int hits) {
        server.handle(PATH, exchange -> {
            Matcher offset = Pattern.compile("(?:^|&)offset=(\\d+)")
                    .matcher(exchange.getRequestURI().getRawQuery());
            int from = offset.find() ? Integer.parseInt(offset.group(1)) : 0;
            StringBuilder jobs = new StringBuilder();
            for (int i = from; i < Math.min(from + AmazonAdapter.PAGE_SIZE, available); i++) {
                jobs.append(jobs.isEmpty() ? "" : ",")
                        .append("{\"id_icims\":\"%d\",\"title\":\"SDE Intern %d\",\"job_path\":\"/en/jobs/%d/sde\","
                                .formatted(3_000_000 + i, i, 3_000_000 + i))
                        .append("\"city\":\"Seattle\",\"state\":\"WA\",\"country_code\":\"USA\"}");
            }
            TestServer.respond(exchange, 200, "{\"hits\":" + hits + ",\"jobs\":[" + jobs + "]}");
        });
    }

    @Test
    void pagesByOffsetAndSendsCountryAsAPlainParameter() throws Exception {
        serve(230, 230);

        FetchResult.Fetched result =
                (FetchResult.Fetched) adapter.fetch(source(Map.of("country", "USA")), http, CacheTags.NONE);

        assertThat(result.postings()).hasSize(230);
        assertThat(result.complete()).isTrue();
        assertThat(server.requests())
                .extracting(r -> r.uri().getPath() + "?" + r.uri().getRawQuery())
                .containsExactly(
                        PATH + "?base_query=intern&offset=0&result_limit=100&sort=recent&country=USA",
                        PATH + "?base_query=intern&offset=100&result_limit=100&sort=recent&country=USA",
                        PATH + "?base_query=intern&offset=200&result_limit=100&sort=recent&country=USA");
        assertThat(result.postings().getFirst().url()).isEqualTo("https://www.amazon.jobs/en/jobs/3000000/sde");
        assertThat(result.postings().getFirst().locations()).containsExactly("Seattle, WA, United States");
    }

    @Test
    void searchesTheKeywordWithoutACountryByDefault() throws Exception {
        serve(3, 3);

        adapter.fetch(source(Map.of("keyword", "software intern")), http, CacheTags.NONE);

        assertThat(server.requests().getFirst().uri().getRawQuery())
                .isEqualTo("base_query=software+intern&offset=0&result_limit=100&sort=recent");
    }

    @Test
    void aListingThatEndsBeforeItsHitsIsIncomplete() throws Exception {
        serve(150, 400);

        FetchResult.Fetched result = (FetchResult.Fetched) adapter.fetch(source(Map.of()), http, CacheTags.NONE);

        assertThat(result.postings()).hasSize(150);
        assertThat(result.complete()).isFalse();
    }

    @Test
    void anErrorStatusFailsThePoll() {
        server.handle(PATH, exchange -> TestServer.respond(exchange, 403, "{}"));

        assertThatThrownBy(() -> adapter.fetch(source(Map.of()), http, CacheTags.NONE))
                .isInstanceOf(HttpStatusException.class)
                .hasMessageContaining("HTTP 403");
    }

    @Test
    void searchesTheRealSiteUnlessBaseUrlIsSet() throws Exception {
        assertThat(AmazonAdapter.searchUri(TestSources.config("amazon", null, Map.of("country", "CAN")), 200))
                .hasToString("https://www.amazon.jobs/en/search.json?base_query=intern&offset=200&result_limit=100"
                        + "&sort=recent&country=CAN");
        assertThat(AmazonAdapter.searchUri(source(Map.of()), 0).toString()).startsWith(server.baseUrl() + PATH);
    }

    @Test
    void checkRejectsACountryThatIsNotACode() {
        assertThat(adapter.check(source(Map.of("country", "United States"))))
                .extracting(Problem::key)
                .containsExactly("country");
        assertThat(adapter.check(source(Map.of("country", "USA")))).isEmpty();
    }
}
