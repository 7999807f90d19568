package dev.tern.source.workable;

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

final class WorkableAdapterTest {

    private static final String ACCOUNT_PATH = "/api/v1/widget/accounts/orbelfinch";

    private final WorkableAdapter adapter = new WorkableAdapter();
    private TestServer server;
    private Http http;
    private SourceConfig source;

    @BeforeEach
    void setUp() throws Exception {
        server = TestServer.start();
        http = TestSources.http(new RecordingSleeper());
        source = TestSources.config("workable", server.baseUrl(), Map.of("account", "orbelfinch"));
    }

    @AfterEach
    void tearDown() {
        http.close();
        server.close();
    }

    @Test
    void fetchesTheAccountsJobsAndThenIsNotModified() throws Exception {
        server.handle(ACCOUNT_PATH, ex -> {
            if ("\"wk1\"".equals(ex.getRequestHeaders().getFirst("If-None-Match"))) {
                respond(ex, 304, new byte[0]);
            } else {
                respond(ex, 200, TestServer.fixture("workable/account.json"), "ETag", "\"wk1\"");
            }
        });

        FetchResult.Fetched first = (FetchResult.Fetched) adapter.fetch(source, http, CacheTags.NONE);
        FetchResult second = adapter.fetch(source, http, first.tags());

        assertThat(first.postings()).hasSize(3);
        assertThat(first.postings().get(0).company()).isEqualTo("Orbel & Finch");
        assertThat(server.requests().get(0).uri().getPath()).isEqualTo(ACCOUNT_PATH);
        assertThat(second).isInstanceOf(FetchResult.NotModified.class);
    }

    @Test
    void anUnknownAccountTellsTheAdminToCheckIt() {
        server.handle(ACCOUNT_PATH, ex -> respond(ex, 404, "{\"error\":\"Not found\"}"));

        assertThatThrownBy(() -> adapter.fetch(source, http, CacheTags.NONE))
                .isInstanceOfSatisfying(
                        HttpStatusException.class, e -> assertThat(e.status()).isEqualTo(404))
                .hasMessageContaining("Workable has no account 'orbelfinch'")
                .hasMessageContaining("check the source's 'account'");
    }

    @Test
    void malformedJsonFailsTheFetchNamingTheUrl() {
        server.handle(ACCOUNT_PATH, ex -> respond(ex, 200, "{\"name\":\"x\",\"jobs\":["));

        assertThatThrownBy(() -> adapter.fetch(source, http, CacheTags.NONE))
                .isInstanceOf(FetchException.class)
                .hasMessageContaining("malformed JSON from " + server.baseUrl() + ACCOUNT_PATH);
    }

    @Test
    void defaultsToTheWorkableApiAndRejectsOddAccountNames() throws Exception {
        assertThat(WorkableAdapter.accountUri(null, "orbelfinch").toString())
                .isEqualTo("https://apply.workable.com/api/v1/widget/accounts/orbelfinch");
        SourceConfig odd = TestSources.config("workable", null, Map.of("account", "a/b"));
        assertThat(adapter.check(odd)).extracting(p -> p.key()).containsExactly("account");
    }
}
