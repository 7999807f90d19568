package dev.tern.source.ashby;

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
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

final class AshbyAdapterTest {

    private static final String BOARD_PATH = "/posting-api/job-board/quillmoor";

    private final AshbyAdapter adapter = new AshbyAdapter();
    private TestServer server;
    private Http http;
    private SourceConfig source;

    @BeforeEach
    void setUp() throws Exception {
        server = TestServer.start();
        http = TestSources.http(new RecordingSleeper());
        source = TestSources.config("ashby", server.baseUrl() + "/", Map.of("board", "quillmoor"));
    }

    @AfterEach
    void tearDown() {
        http.close();
        server.close();
    }

    @Test
    void fetchesTheListedJobsAndThenIsNotModified() throws Exception {
        server.handle(BOARD_PATH, ex -> {
            if (ex.getRequestHeaders().containsKey("If-None-Match")) {
                respond(ex, 304, new byte[0]);
            } else {
                respond(ex, 200, TestServer.fixture("ashby/job-board.json"), "ETag", "\"ash1\"");
            }
        });

        FetchResult.Fetched first = (FetchResult.Fetched) adapter.fetch(source, http, CacheTags.NONE);
        FetchResult second = adapter.fetch(source, http, first.tags());

        assertThat(first.postings()).hasSize(3);
        assertThat(first.postings().get(0).company()).isEqualTo("quillmoor");
        assertThat(server.requests()).extracting(r -> r.uri().getPath()).containsOnly(BOARD_PATH);
        assertThat(server.requests().get(1).header("If-None-Match")).isEqualTo("\"ash1\"");
        assertThat(second).isInstanceOf(FetchResult.NotModified.class);
    }

    @Test
    void anUnknownBoardTellsTheAdminToCheckTheBoardName() {
        server.handle(BOARD_PATH, ex -> respond(ex, 404, "{\"success\":false}"));

        assertThatThrownBy(() -> adapter.fetch(source, http, CacheTags.NONE))
                .isInstanceOfSatisfying(
                        HttpStatusException.class, e -> assertThat(e.status()).isEqualTo(404))
                .hasMessageContaining("Ashby has no job board 'quillmoor'")
                .hasMessageContaining("check the source's 'board'");
    }

    @Test
    void malformedJsonFailsTheFetchNamingTheUrl() {
        server.handle(BOARD_PATH, ex -> respond(ex, 200, "{\"jobs\": [ {\"id\": \"x\""));

        assertThatThrownBy(() -> adapter.fetch(source, http, CacheTags.NONE))
                .isInstanceOf(FetchException.class)
                .hasMessageContaining("malformed JSON from " + server.baseUrl() + BOARD_PATH);
    }

    @Test
    void defaultsToTheAshbyApiAndRejectsOddBoardNames() throws Exception {
        assertThat(AshbyAdapter.boardUri(null, "quillmoor").toString())
                .isEqualTo("https://api.ashbyhq.com/posting-api/job-board/quillmoor");
        SourceConfig odd = TestSources.config("ashby", null, Map.of("board", "quill moor"));
        assertThat(adapter.check(odd)).extracting(p -> p.key()).containsExactly("board");
    }
}
