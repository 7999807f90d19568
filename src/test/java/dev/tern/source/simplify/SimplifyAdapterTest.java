package dev.tern.source.simplify;

import static dev.tern.source.TestServer.respond;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tern.config.SourceConfig;
import dev.tern.source.CacheTags;
import dev.tern.source.FetchException;
import dev.tern.source.FetchResult;
import dev.tern.source.Http;
import dev.tern.source.RecordingSleeper;
import dev.tern.source.TestServer;
import dev.tern.source.TestSources;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

final class SimplifyAdapterTest {

    private static final String LISTINGS_PATH =
            "/SimplifyJobs/Summer2026-Internships/dev/.github/scripts/listings.json";
    private static final String REAL_URL = "https://raw.githubusercontent.com" + LISTINGS_PATH;

    private final SimplifyAdapter adapter = new SimplifyAdapter();
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

    private SourceConfig source(String url) {
        return TestSources.config("simplify", server.baseUrl(), Map.of("url", url));
    }

    @Test
    void fetchesTheListingsThroughBaseUrlAndThenIsNotModified() throws Exception {
        server.handle(LISTINGS_PATH, ex -> {
            if ("\"abc\"".equals(ex.getRequestHeaders().getFirst("If-None-Match"))) {
                respond(ex, 304, new byte[0]);
            } else {
                respond(ex, 200, TestServer.fixture("simplify/listings.json"), "ETag", "\"abc\"");
            }
        });

        FetchResult first = adapter.fetch(source(REAL_URL), http, CacheTags.NONE);
        FetchResult.Fetched fetched = (FetchResult.Fetched) first;
        FetchResult second = adapter.fetch(source(REAL_URL), http, fetched.tags());

        assertThat(fetched.postings()).hasSize(7);
        assertThat(fetched.tags().etag()).isEqualTo("\"abc\"");
        assertThat(second).isInstanceOf(FetchResult.NotModified.class);
        assertThat(server.requests()).extracting(r -> r.uri().getPath()).containsOnly(LISTINGS_PATH);
    }

    @Test
    void malformedJsonFailsTheFetchNamingTheUrlWithoutItsToken() {
        server.handle(LISTINGS_PATH, ex -> respond(ex, 200, TestServer.fixture("simplify/malformed.json")));

        assertThatThrownBy(() -> adapter.fetch(source(REAL_URL + "?token=hunter2"), http, CacheTags.NONE))
                .isInstanceOf(FetchException.class)
                .hasMessageContaining("malformed JSON from " + server.baseUrl() + LISTINGS_PATH + "?token=***")
                .hasMessageContaining("line 10")
                .hasMessageNotContaining("hunter2");
    }

    @Test
    void usesTheUrlAsItIsWithoutBaseUrl() throws Exception {
        SourceConfig direct = TestSources.config("simplify", null, Map.of("url", REAL_URL));

        assertThat(SimplifyAdapter.listingsUri(direct).toString()).isEqualTo(REAL_URL);
    }

    @Test
    void checkRejectsAUrlThatIsNotHttp() {
        SourceConfig bad = TestSources.config("simplify", null, Map.of("url", "listings.json"));

        assertThat(adapter.check(bad)).singleElement().satisfies(p -> {
            assertThat(p.key()).isEqualTo("url");
            assertThat(p.message()).contains("http(s) URL");
        });
        assertThat(adapter.check(source(REAL_URL))).isEmpty();
    }
}
