package dev.tern.source.json;

import static dev.tern.source.TestServer.respond;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tern.config.SourceConfig;
import dev.tern.config.SourceTypeSpec.Problem;
import dev.tern.posting.RawPosting;
import dev.tern.source.CacheTags;
import dev.tern.source.FetchException;
import dev.tern.source.FetchResult;
import dev.tern.source.Http;
import dev.tern.source.RecordingSleeper;
import dev.tern.source.TestServer;
import dev.tern.source.TestSources;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

final class JsonApiAdapterTest {

    private static final int TOTAL = 23;
    private static final Map<String, Object> FIELDS = Map.of("id", "/id", "title", "/title");

    private final JsonApiAdapter adapter = new JsonApiAdapter();
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

    private SourceConfig source(Map<String, Object> extra) {
        Map<String, Object> settings = new HashMap<>(
                Map.of("url", server.baseUrl() + "/api/jobs?team=eng", "items", "/results", "fields", FIELDS));
        settings.putAll(extra);
        return TestSources.config("json", null, settings);
    }

    /** Items {@code from} to {@code from + count} (exclusive, capped at TOTAL) of a list of {@link #TOTAL}. */
    private static String page(int from, int count) {
        StringBuilder json = new StringBuilder("{\"results\":[");
        for (int i = from; i < Math.min(from + count, TOTAL); i++) {
            json.append(i == from ? "" : ",")
                    .append("{\"id\":")
                    .append(i)
                    .append(",\"title\":\"Intern ")
                    .append(i)
                    .append("\"}");
        }
        return json.append("]}").toString();
    }

    private static int param(String query, String name) {
        Matcher matcher = Pattern.compile("(?:^|&)" + name + "=(\\d+)").matcher(query);
        return matcher.find() ? Integer.parseInt(matcher.group(1)) : -1;
    }

    @Test
    void pagesByOffsetUntilAShortPageSendingTheSize() throws Exception {
        server.handle("/api/jobs", ex -> {
            String query = ex.getRequestURI().getQuery();
            respond(ex, 200, page(param(query, "offset"), param(query, "limit")));
        });

        FetchResult.Fetched result = (FetchResult.Fetched) adapter.fetch(
                source(Map.of("paging", Map.of("param", "offset", "size", 10, "sizeParam", "limit"))), http, null);

        assertThat(result.postings()).hasSize(TOTAL);
        assertThat(server.requests())
                .extracting(r -> r.uri().getQuery())
                .containsExactly(
                        "team=eng&offset=0&limit=10", "team=eng&offset=10&limit=10", "team=eng&offset=20&limit=10");
    }

    @Test
    void pagesByPageNumberStartingAtOne() throws Exception {
        server.handle(
                "/api/jobs",
                ex -> respond(ex, 200, page((param(ex.getRequestURI().getQuery(), "page") - 1) * 10, 10)));

        FetchResult.Fetched result = (FetchResult.Fetched)
                adapter.fetch(source(Map.of("paging", Map.of("param", "page", "size", 10))), http, null);

        assertThat(result.postings())
                .extracting(RawPosting::externalId)
                .doesNotHaveDuplicates()
                .hasSize(TOTAL);
        assertThat(server.requests())
                .extracting(r -> r.uri().getQuery())
                .containsExactly("team=eng&page=1", "team=eng&page=2", "team=eng&page=3");
    }

    @Test
    void anApiThatIgnoresThePagingParameterIsNotTrusted() {
        server.handle("/api/jobs", ex -> respond(ex, 200, page(0, 10)));

        assertThatThrownBy(() ->
                        adapter.fetch(source(Map.of("paging", Map.of("param", "offset", "size", 10))), http, null))
                .isInstanceOf(FetchException.class)
                .hasMessageContaining("ignores 'offset'");
        assertThat(server.requests()).hasSize(2);
    }

    @Test
    void postsTheConfiguredBody() throws Exception {
        server.handle("/api/jobs", ex -> respond(ex, 200, page(0, 5)));

        FetchResult.Fetched result = (FetchResult.Fetched)
                adapter.fetch(source(Map.of("method", "POST", "body", "{\"query\":\"intern\"}")), http, null);

        assertThat(result.postings()).hasSize(5);
        TestServer.Recorded request = server.requests().get(0);
        assertThat(request.method()).isEqualTo("POST");
        assertThat(request.header("Content-Type")).isEqualTo("application/json");
        assertThat(new String(request.body(), StandardCharsets.UTF_8)).isEqualTo("{\"query\":\"intern\"}");
    }

    @Test
    void anUnpagedGetIsConditional() throws Exception {
        server.handle("/api/jobs", ex -> {
            if ("\"j1\"".equals(ex.getRequestHeaders().getFirst("If-None-Match"))) {
                respond(ex, 304, new byte[0]);
            } else {
                respond(ex, 200, page(0, 3), "ETag", "\"j1\"");
            }
        });

        FetchResult.Fetched first = (FetchResult.Fetched) adapter.fetch(source(Map.of()), http, CacheTags.NONE);

        assertThat(first.postings()).hasSize(3);
        assertThat(adapter.fetch(source(Map.of()), http, first.tags())).isInstanceOf(FetchResult.NotModified.class);
    }

    @Test
    void checkNamesBadPointersMissingFieldsAndBadPaging() {
        SourceConfig bad = TestSources.config(
                "json",
                null,
                Map.of(
                        "url", "https://x.example/api",
                        "items", "data/jobs",
                        "fields", Map.of("title", "name", "salary", "/pay"),
                        "method", "PUT",
                        "paging", Map.of("type", "cursor", "size", 0)));

        assertThat(adapter.check(bad))
                .extracting(Problem::key)
                .containsExactlyInAnyOrder(
                        "items",
                        "fields.id",
                        "fields.title",
                        "fields.salary",
                        "method",
                        "paging.param",
                        "paging.type",
                        "paging.size");
        assertThat(adapter.check(bad))
                .filteredOn(p -> p.key().equals("items"))
                .singleElement()
                .satisfies(p -> assertThat(p.message()).contains("must start with '/'"));
    }

    @Test
    void checkRejectsABodyWithoutPost() {
        assertThat(adapter.check(source(Map.of("body", "{}"))))
                .extracting(Problem::key)
                .containsExactly("body");
        assertThat(adapter.check(source(Map.of("method", "POST", "body", "{}"))))
                .isEmpty();
    }
}
