package dev.tern.source.smartrecruiters;

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
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

final class SmartRecruitersAdapterTest {

    private static final String POSTINGS_PATH = "/v1/companies/VantorMicro/postings";
    private static final Pattern OFFSET = Pattern.compile("offset=(\\d+)");
    private static final int TOTAL = 230;

    private final SmartRecruitersAdapter adapter = new SmartRecruitersAdapter();
    private TestServer server;
    private Http http;
    private SourceConfig source;

    @BeforeEach
    void setUp() throws Exception {
        server = TestServer.start();
        http = TestSources.http(new RecordingSleeper());
        source = TestSources.config("smartrecruiters", server.baseUrl(), Map.of("companyId", "VantorMicro"));
    }

    @AfterEach
    void tearDown() {
        http.close();
        server.close();
    }

    /** The page at {@code offset} of a company with {@link #TOTAL} postings (ids beyond 32 bits). */
    private static String page(int offset) {
        StringBuilder json = new StringBuilder(
                "{\"offset\":" + offset + ",\"limit\":100,\"totalFound\":" + TOTAL + ",\"content\":[");
        for (int i = offset; i < Math.min(offset + SmartRecruitersAdapter.PAGE_SIZE, TOTAL); i++) {
            json.append(i == offset ? "" : ",")
                    .append("{\"id\":\"")
                    .append(744000100000000L + i)
                    .append("\",\"name\":\"Intern ")
                    .append(i)
                    .append("\",\"location\":{\"fullLocation\":\"Boise, ID, United States\",\"remote\":false}}");
        }
        return json.append("]}").toString();
    }

    private static int offsetOf(String query) {
        Matcher matcher = OFFSET.matcher(query);
        return matcher.find() ? Integer.parseInt(matcher.group(1)) : -1;
    }

    @Test
    void pagesByOffsetUntilTotalFound() throws Exception {
        server.handle(
                POSTINGS_PATH,
                ex -> respond(ex, 200, page(offsetOf(ex.getRequestURI().getQuery()))));

        FetchResult.Fetched result = (FetchResult.Fetched) adapter.fetch(source, http, CacheTags.NONE);

        assertThat(result.postings()).hasSize(TOTAL);
        assertThat(result.postings()).extracting(RawPosting::externalId).doesNotHaveDuplicates();
        assertThat(result.postings().get(0).company()).isEqualTo("VantorMicro");
        assertThat(server.requests())
                .extracting(r -> r.uri().getQuery())
                .containsExactly("limit=100&offset=0", "limit=100&offset=100", "limit=100&offset=200");
    }

    @Test
    void anEmptyPageEndsPagingEvenIfTheTotalSaidMore() throws Exception {
        server.handle(POSTINGS_PATH, ex -> {
            int offset = offsetOf(ex.getRequestURI().getQuery());
            respond(ex, 200, offset == 0 ? page(0) : "{\"totalFound\":" + TOTAL + ",\"content\":[]}");
        });

        FetchResult.Fetched result = (FetchResult.Fetched) adapter.fetch(source, http, CacheTags.NONE);

        assertThat(result.postings()).hasSize(SmartRecruitersAdapter.PAGE_SIZE);
        assertThat(server.requests()).hasSize(2);
    }

    @Test
    void aServerThatIgnoresOffsetIsNotTrusted() {
        server.handle(POSTINGS_PATH, ex -> respond(ex, 200, page(0)));

        assertThatThrownBy(() -> adapter.fetch(source, http, CacheTags.NONE))
                .isInstanceOf(FetchException.class)
                .hasMessageContaining("ignores 'offset'");
    }

    @Test
    void anUnknownCompanyTellsTheAdminToCheckTheCompanyId() {
        server.handle(POSTINGS_PATH, ex -> respond(ex, 404, "{\"message\":\"not found\"}"));

        assertThatThrownBy(() -> adapter.fetch(source, http, CacheTags.NONE))
                .isInstanceOfSatisfying(
                        HttpStatusException.class, e -> assertThat(e.status()).isEqualTo(404))
                .hasMessageContaining("SmartRecruiters has no company 'VantorMicro'")
                .hasMessageContaining("check the source's 'companyId'");
    }

    @Test
    void malformedJsonOnAPageFailsTheWholeFetchNamingTheUrl() {
        server.handle(POSTINGS_PATH, ex -> {
            int offset = offsetOf(ex.getRequestURI().getQuery());
            respond(ex, 200, offset == 100 ? "{\"content\":[{\"id\":" : page(offset));
        });

        assertThatThrownBy(() -> adapter.fetch(source, http, CacheTags.NONE))
                .isInstanceOf(FetchException.class)
                .hasMessageContaining(
                        "malformed JSON from " + server.baseUrl() + POSTINGS_PATH + "?limit=100&offset=100");
    }

    @Test
    void defaultsToTheSmartRecruitersApiAndRejectsOddIds() throws Exception {
        assertThat(SmartRecruitersAdapter.pageUri(SmartRecruitersAdapter.baseUrl(null), "Acme", 0)
                        .toString())
                .isEqualTo("https://api.smartrecruiters.com/v1/companies/Acme/postings?limit=100&offset=0");
        SourceConfig odd = TestSources.config("smartrecruiters", null, Map.of("companyId", "acme?x=1"));
        assertThat(adapter.check(odd)).extracting(p -> p.key()).containsExactly("companyId");
    }
}
