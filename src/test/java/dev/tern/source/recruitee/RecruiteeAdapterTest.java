package dev.tern.source.recruitee;

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

final class RecruiteeAdapterTest {

    private static final String OFFERS_PATH = "/api/offers/";

    private final RecruiteeAdapter adapter = new RecruiteeAdapter();
    private TestServer server;
    private Http http;
    private SourceConfig source;

    @BeforeEach
    void setUp() throws Exception {
        server = TestServer.start();
        http = TestSources.http(new RecordingSleeper());
        source = TestSources.config("recruitee", server.baseUrl(), Map.of("subdomain", "lindqvist"));
    }

    @AfterEach
    void tearDown() {
        http.close();
        server.close();
    }

    @Test
    void fetchesTheOffersFromTheBaseUrlAndThenIsNotModified() throws Exception {
        String stamp = "Wed, 05 Aug 2026 10:00:00 GMT";
        server.handle(OFFERS_PATH, ex -> {
            if (stamp.equals(ex.getRequestHeaders().getFirst("If-Modified-Since"))) {
                respond(ex, 304, new byte[0]);
            } else {
                respond(ex, 200, TestServer.fixture("recruitee/offers.json"), "Last-Modified", stamp);
            }
        });

        FetchResult.Fetched first = (FetchResult.Fetched) adapter.fetch(source, http, CacheTags.NONE);
        FetchResult second = adapter.fetch(source, http, first.tags());

        assertThat(first.postings()).hasSize(3);
        assertThat(first.postings().get(2).company()).isEqualTo("lindqvist");
        assertThat(server.requests().get(0).uri().getPath()).isEqualTo(OFFERS_PATH);
        assertThat(second).isInstanceOf(FetchResult.NotModified.class);
    }

    @Test
    void anUnknownSubdomainTellsTheAdminToCheckIt() {
        server.handle(OFFERS_PATH, ex -> respond(ex, 404, "{\"error\":\"Not found\"}"));

        assertThatThrownBy(() -> adapter.fetch(source, http, CacheTags.NONE))
                .isInstanceOfSatisfying(
                        HttpStatusException.class, e -> assertThat(e.status()).isEqualTo(404))
                .hasMessageContaining("Recruitee has no careers site 'lindqvist'")
                .hasMessageContaining("check the source's 'subdomain'");
    }

    @Test
    void malformedJsonFailsTheFetchNamingTheUrl() {
        server.handle(OFFERS_PATH, ex -> respond(ex, 200, "{\"offers\": [ {\"id\": 1,"));

        assertThatThrownBy(() -> adapter.fetch(source, http, CacheTags.NONE))
                .isInstanceOf(FetchException.class)
                .hasMessageContaining("malformed JSON from " + server.baseUrl() + OFFERS_PATH);
    }

    @Test
    void defaultsToTheSubdomainsSiteAndRejectsOddNames() throws Exception {
        assertThat(RecruiteeAdapter.offersUri(null, "lindqvist").toString())
                .isEqualTo("https://lindqvist.recruitee.com/api/offers/");
        SourceConfig odd = TestSources.config("recruitee", null, Map.of("subdomain", "evil.com/x"));
        assertThat(adapter.check(odd)).extracting(p -> p.key()).containsExactly("subdomain");
    }
}
