package dev.tern.source.greenhouse;

import static dev.tern.source.TestServer.respond;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tern.config.SourceConfig;
import dev.tern.source.CacheTags;
import dev.tern.source.FetchException;
import dev.tern.source.FetchResult;
import dev.tern.source.Http;
import dev.tern.source.HttpStatusException;
import dev.tern.source.RecordingSleeper;
import dev.tern.source.TestServer;
import dev.tern.source.TestSources;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

final class GreenhouseAdapterTest {

    private static final String JOBS_PATH = "/v1/boards/bluefinanalytics/jobs";

    private final GreenhouseAdapter adapter = new GreenhouseAdapter();
    private TestServer server;
    private Http http;
    private SourceConfig source;

    @BeforeEach
    void setUp() throws Exception {
        server = TestServer.start();
        http = TestSources.http(new RecordingSleeper());
        source = TestSources.config("greenhouse", server.baseUrl() + "/", Map.of("board", "bluefinanalytics"));
    }

    @AfterEach
    void tearDown() {
        http.close();
        server.close();
    }

    @Test
    void fetchesTheBoardWithContentAndThenIsNotModified() throws Exception {
        server.handle(JOBS_PATH, ex -> {
            if (ex.getRequestHeaders().containsKey("If-None-Match")) {
                respond(ex, 304, new byte[0]);
            } else {
                respond(ex, 200, TestServer.fixture("greenhouse/jobs.json"), "ETag", "W/\"gh1\"");
            }
        });

        FetchResult.Fetched first = (FetchResult.Fetched) adapter.fetch(source, http, CacheTags.NONE);
        FetchResult second = adapter.fetch(source, http, first.tags());

        assertThat(first.postings()).hasSize(3);
        assertThat(server.requests().get(0).uri().getQuery()).isEqualTo("content=true");
        assertThat(second).isInstanceOf(FetchResult.NotModified.class);
    }

    @Test
    void anUnknownBoardTellsTheAdminToCheckTheBoardName() {
        server.handle(JOBS_PATH, ex -> respond(ex, 404, "{\"status\":404}"));

        assertThatThrownBy(() -> adapter.fetch(source, http, CacheTags.NONE))
                .isInstanceOfSatisfying(
                        HttpStatusException.class, e -> assertThat(e.status()).isEqualTo(404))
                .hasMessageContaining("no board 'bluefinanalytics'")
                .hasMessageContaining("check the source's 'board'");
    }

    @Test
    void aServerErrorIsRetriedOnce() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        server.handle(JOBS_PATH, ex -> {
            if (calls.incrementAndGet() == 1) {
                respond(ex, 502, "bad gateway");
            } else {
                respond(ex, 200, TestServer.fixture("greenhouse/jobs.json"));
            }
        });

        FetchResult result = adapter.fetch(source, http, CacheTags.NONE);

        assertThat(((FetchResult.Fetched) result).postings()).hasSize(3);
        assertThat(server.requests()).hasSize(2);
    }

    @Test
    void malformedJsonFailsTheFetch() {
        server.handle(JOBS_PATH, ex -> respond(ex, 200, "{\"jobs\": [ {\"id\": 1"));

        assertThatThrownBy(() -> adapter.fetch(source, http, CacheTags.NONE))
                .isInstanceOf(FetchException.class)
                .hasMessageContaining("malformed JSON from " + server.baseUrl() + JOBS_PATH);
    }

    @Test
    void defaultsToTheGreenhouseApiAndRejectsOddBoardNames() throws Exception {
        assertThat(GreenhouseAdapter.jobsUri(null, "acme").toString())
                .isEqualTo("https://boards-api.greenhouse.io/v1/boards/acme/jobs?content=true");
        SourceConfig odd = TestSources.config("greenhouse", null, Map.of("board", "acme/../x"));
        assertThat(adapter.check(odd)).extracting(p -> p.key()).containsExactly("board");
    }
}
