package dev.tern.source.lever;

import static dev.tern.source.TestServer.respond;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tern.config.SourceConfig;
import dev.tern.posting.RawPosting;
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
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

final class LeverAdapterTest {

    private static final String POSTINGS_PATH = "/v0/postings/harrowfinch";
    private static final Pattern SKIP = Pattern.compile("skip=(\\d+)");
    private static final int TOTAL = 207;

    private final LeverAdapter adapter = new LeverAdapter();
    private TestServer server;
    private Http http;
    private SourceConfig source;

    @BeforeEach
    void setUp() throws Exception {
        server = TestServer.start();
        http = TestSources.http(new RecordingSleeper());
        source = TestSources.config("lever", server.baseUrl(), Map.of("site", "harrowfinch"));
    }

    @AfterEach
    void tearDown() {
        http.close();
        server.close();
    }

    /** A page of postings {@code from} to {@code to} (exclusive) of a board with {@link #TOTAL} postings. */
    private static String page(int skip) {
        StringBuilder json = new StringBuilder("[");
        for (int i = skip; i < Math.min(skip + LeverAdapter.PAGE_SIZE, TOTAL); i++) {
            json.append(i == skip ? "" : ",")
                    .append("{\"id\":\"p-")
                    .append(i)
                    .append("\",\"text\":\"Intern ")
                    .append(i)
                    .append("\",\"categories\":{\"location\":\"Berlin, Germany\"},\"workplaceType\":\"on-site\"}");
        }
        return json.append("]").toString();
    }

    private static int skipOf(String query) {
        Matcher matcher = SKIP.matcher(query);
        return matcher.find() ? Integer.parseInt(matcher.group(1)) : -1;
    }

    @Test
    void pagesUntilAShortPage() throws Exception {
        server.handle(
                POSTINGS_PATH,
                ex -> respond(ex, 200, page(skipOf(ex.getRequestURI().getQuery()))));

        FetchResult.Fetched result = (FetchResult.Fetched) adapter.fetch(source, http, CacheTags.NONE);

        assertThat(result.postings()).hasSize(TOTAL);
        assertThat(result.postings()).extracting(RawPosting::externalId).doesNotHaveDuplicates();
        assertThat(result.postings().get(0).company()).isEqualTo("harrowfinch");
        assertThat(server.requests())
                .extracting(r -> r.uri().getQuery())
                .containsExactly(
                        "mode=json&skip=0&limit=100", "mode=json&skip=100&limit=100", "mode=json&skip=200&limit=100");
        assertThat(server.requests())
                .allSatisfy(r -> assertThat(r.header("If-None-Match")).isNull());
    }

    @Test
    void aServerThatIgnoresSkipIsNotTrusted() {
        server.handle(POSTINGS_PATH, ex -> respond(ex, 200, page(0)));

        assertThatThrownBy(() -> adapter.fetch(source, http, CacheTags.NONE))
                .isInstanceOf(FetchException.class)
                .hasMessageContaining("ignores 'skip'");
        assertThat(server.requests()).hasSize(2);
    }

    @Test
    void anUnknownSiteTellsTheAdminTheSiteNameIsWrong() {
        server.handle(POSTINGS_PATH, ex -> respond(ex, 404, TestServer.fixture("lever/not-found.json")));

        assertThatThrownBy(() -> adapter.fetch(source, http, CacheTags.NONE))
                .isInstanceOfSatisfying(
                        HttpStatusException.class, e -> assertThat(e.status()).isEqualTo(404))
                .hasMessageContaining("Lever has no site 'harrowfinch'")
                .hasMessageContaining("check the source's 'site'");
    }

    @Test
    void aServerErrorOnALaterPageIsRetriedOnce() throws Exception {
        AtomicInteger secondPageCalls = new AtomicInteger();
        server.handle(POSTINGS_PATH, ex -> {
            int skip = skipOf(ex.getRequestURI().getQuery());
            if (skip == 100 && secondPageCalls.incrementAndGet() == 1) {
                respond(ex, 500, "oops");
            } else {
                respond(ex, 200, page(skip));
            }
        });

        FetchResult.Fetched result = (FetchResult.Fetched) adapter.fetch(source, http, CacheTags.NONE);

        assertThat(result.postings()).hasSize(TOTAL);
        assertThat(server.requests()).hasSize(4);
    }

    @Test
    void malformedJsonOnAPageFailsTheWholeFetch() {
        server.handle(POSTINGS_PATH, ex -> {
            int skip = skipOf(ex.getRequestURI().getQuery());
            respond(ex, 200, skip == 100 ? "[{\"id\": \"x\"" : page(skip));
        });

        assertThatThrownBy(() -> adapter.fetch(source, http, CacheTags.NONE))
                .isInstanceOf(FetchException.class)
                .hasMessageContaining(
                        "malformed JSON from " + server.baseUrl() + POSTINGS_PATH + "?mode=json&skip=100");
    }

    @Test
    void theEuRegionUsesTheEuApi() {
        SourceConfig eu = TestSources.config("lever", null, Map.of("site", "harrowfinch", "region", "eu"));
        SourceConfig global = TestSources.config("lever", null, Map.of("site", "harrowfinch"));

        assertThat(LeverAdapter.baseUrl(eu)).isEqualTo("https://api.eu.lever.co");
        assertThat(LeverAdapter.baseUrl(global)).isEqualTo("https://api.lever.co");
    }

    @Test
    void checkRejectsAnUnknownRegion() {
        SourceConfig mars = TestSources.config("lever", null, Map.of("site", "harrowfinch", "region", "mars"));

        assertThat(adapter.check(mars)).extracting(p -> p.key()).containsExactly("region");
    }
}
