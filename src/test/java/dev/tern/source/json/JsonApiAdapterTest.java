package dev.tern.source.json;

import static dev.tern.source.TestServer.respond;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
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
import dev.tern.source.tiktok.TikTokSite;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

final class JsonApiAdapterTest {

    private static final int TOTAL = 23;
    private static final ObjectMapper MAPPER = new ObjectMapper();
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

    /** A json source for a TikTok-like API: POST, a header, paging by pointers into the body, a stated total. */
    static Map<String, Object> tiktokLike(String baseUrl) {
        Map<String, Object> settings = new HashMap<>();
        settings.put("url", baseUrl + TikTokSite.PATH);
        settings.put("method", "POST");
        settings.put("headers", Map.of("website-path", "tiktok"));
        settings.put("body", Map.of("keyword", "intern", "recruitment_id_list", List.of(), "limit", 0, "offset", 0));
        settings.put("items", "/data/job_post_list");
        settings.put(
                "fields",
                Map.of(
                        "id", "/id",
                        "title", "/title",
                        "url", "https://lifeattiktok.com/search/{/id}",
                        "location",
                                List.of(
                                        "/city_info/en_name",
                                        "/city_info/parent/en_name",
                                        "/city_info/parent/parent/en_name"),
                        "description", List.of("/description", "/requirement")));
        settings.put(
                "paging",
                Map.of("in", "body", "param", "/offset", "sizeParam", "/limit", "size", 50, "total", "/data/count"));
        return settings;
    }

    @Test
    void pagesInTheBodyByPointerUntilTheTotalSendingTheHeaders() throws Exception {
        TikTokSite.generated(120, 40).install(server);

        FetchResult.Fetched result = (FetchResult.Fetched)
                adapter.fetch(TestSources.config("json", null, tiktokLike(server.baseUrl())), http, null);

        assertThat(result.postings()).hasSize(120);
        assertThat(result.complete()).isTrue();
        assertThat(server.requests()).allSatisfy(request -> {
            assertThat(request.method()).isEqualTo("POST");
            assertThat(request.header("website-path")).isEqualTo("tiktok");
        });
        assertThat(server.requests())
                .extracting(request -> MAPPER.readTree(request.body()))
                .extracting(body -> body.get("offset").asInt() + "/"
                        + body.get("limit").asInt() + "/" + body.get("keyword").asText())
                .containsExactly("0/50/intern", "40/50/intern", "80/50/intern");
    }

    @Test
    void aListingThatEndsBeforeTheTotalIsIncomplete() throws Exception {
        TikTokSite.generated(60, 50).claiming(500).install(server);

        FetchResult.Fetched result = (FetchResult.Fetched)
                adapter.fetch(TestSources.config("json", null, tiktokLike(server.baseUrl())), http, null);

        assertThat(result.postings()).hasSize(60);
        assertThat(result.complete()).isFalse();
    }

    @Test
    void aTotalThatPointsAtNothingFailsNamingIt() {
        server.handle("/api/jobs", ex -> respond(ex, 200, page(0, 5)));

        assertThatThrownBy(() -> adapter.fetch(
                        source(Map.of("paging", Map.of("param", "offset", "size", 10, "total", "/meta/total"))),
                        http,
                        null))
                .isInstanceOf(FetchException.class)
                .hasMessageContaining("paging.total '/meta/total' points at nothing");
    }

    @Test
    void sendsTheHeadersWithAGet() throws Exception {
        server.handle("/api/jobs", ex -> respond(ex, 200, page(0, 2)));

        adapter.fetch(
                source(Map.of("headers", Map.of("X-Api-Key", "k-123", "Accept", "application/json"))), http, null);

        assertThat(server.requests().getFirst().header("X-Api-Key")).isEqualTo("k-123");
        assertThat(server.requests().getFirst().header("Accept")).isEqualTo("application/json");
    }

    @Test
    void checkNamesEachProblemOfHeadersBodyPagingAndFieldsWithoutQuotingHeaderValues() {
        Map<String, Object> settings = new HashMap<>();
        settings.put("url", "https://x.example/api");
        settings.put("headers", Map.of("Host", "s3cr3t-host", "bad name", "v", "X-Multi", List.of("a")));
        settings.put("body", "[1, 2]");
        settings.put("paging", Map.of("in", "body", "param", "offset", "total", "data/count"));
        settings.put(
                "fields",
                Map.of(
                        "id",
                        "/id",
                        "title",
                        List.of("/t"),
                        "location",
                        List.of(),
                        "url",
                        "https://x.example/jobs/{id}"));

        List<Problem> problems = adapter.check(TestSources.config("json", null, settings));

        assertThat(problems)
                .extracting(Problem::key)
                .containsExactlyInAnyOrder(
                        "headers.Host",
                        "headers.bad name",
                        "headers.X-Multi",
                        "body",
                        "body",
                        "paging.in",
                        "paging.total",
                        "fields.title",
                        "fields.location",
                        "fields.url");
        assertThat(problems).extracting(Problem::message).noneMatch(message -> message.contains("s3cr3t"));
        assertThat(problems)
                .filteredOn(p -> p.key().equals("fields.url"))
                .singleElement()
                .satisfies(p -> assertThat(p.message()).contains("write {/id}"));
    }

    @Test
    void checkWantsBodyPointersThatLeadThroughObjects() {
        Map<String, Object> settings = tiktokLike("https://x.example");
        settings.put("body", "{\"page\": [0], \"keyword\": \"intern\"}");
        settings.put("paging", Map.of("in", "body", "param", "/page/0", "sizeParam", "limit"));

        assertThat(adapter.check(TestSources.config("json", null, settings)))
                .extracting(Problem::key, Problem::message)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple(
                                "paging.param",
                                "'/page/0' leads through 'page', which is not an object in body; point at a number"
                                        + " inside objects only"),
                        org.assertj.core.groups.Tuple.tuple(
                                "paging.sizeParam", "with in: body, is a JSON pointer into body such as /limit"));
    }
}
