package dev.tern.source.workday;

import static dev.tern.source.TestServer.respond;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

final class WorkdayAdapterTest {

    private static final String CAREERS = "https://brightwater.wd1.myworkdayjobs.com/en-US/Careers";
    private static final String JOBS_PATH = "/wday/cxs/brightwater/Careers/jobs";
    private static final String DETAIL_PATH = "/wday/cxs/brightwater/Careers/job/";
    private static final int TOTAL = 45;
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-09-10T15:30:00Z"), ZoneOffset.UTC);

    private final WorkdayAdapter adapter = new WorkdayAdapter(CLOCK);
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
        Map<String, Object> settings = new HashMap<>(extra);
        settings.put("url", CAREERS);
        return TestSources.config("workday", server.baseUrl(), settings);
    }

    /**
     * The page at {@code offset} of a search with {@code total} postings; like Workday, only the first page states
     * the total (later ones say 0). Every third posting is listed as "2 Locations".
     */
    private static String page(int offset, int total, boolean stateTotal) {
        StringBuilder json =
                new StringBuilder("{\"total\":" + (stateTotal && offset == 0 ? total : 0) + ",\"jobPostings\":[");
        for (int i = offset; i < Math.min(offset + WorkdayAdapter.PAGE_SIZE, total); i++) {
            json.append(i == offset ? "" : ",")
                    .append("{\"title\":\"Intern ")
                    .append(i)
                    .append("\",\"externalPath\":\"/job/Austin-TX/Intern-")
                    .append(i)
                    .append("_JR-")
                    .append(9000000000L + i)
                    .append("\",\"locationsText\":\"")
                    .append(i % 3 == 0 ? "2 Locations" : "Austin, TX")
                    .append("\",\"postedOn\":\"Posted ")
                    .append(i)
                    .append(" Days Ago\"}");
        }
        return json.append("]}").toString();
    }

    private static JsonNode body(TestServer.Recorded request) {
        try {
            return MAPPER.readTree(request.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void serveSearch(int total, boolean stateTotal) {
        server.handle(JOBS_PATH, ex -> {
            int offset = MAPPER.readTree(server.requests().getLast().body())
                    .path("offset")
                    .asInt();
            respond(ex, 200, page(offset, total, stateTotal));
        });
    }

    @Test
    void postsTheSearchPageByPageTrustingOnlyTheFirstTotal() throws Exception {
        serveSearch(TOTAL, true);

        FetchResult.Fetched result =
                (FetchResult.Fetched) adapter.fetch(source(Map.of("searchText", "intern")), http, CacheTags.NONE);

        assertThat(result.postings()).hasSize(TOTAL);
        assertThat(result.postings()).extracting(RawPosting::externalId).doesNotHaveDuplicates();
        assertThat(result.postings().get(1).externalId()).isEqualTo("Intern-1_JR-9000000001");
        assertThat(result.postings().get(1).postedAt()).isEqualTo(Instant.parse("2026-09-09T00:00:00Z"));
        assertThat(result.postings().get(1).company()).isEqualTo("brightwater");
        assertThat(server.requests()).allSatisfy(request -> {
            assertThat(request.method()).isEqualTo("POST");
            assertThat(request.uri().getPath()).isEqualTo(JOBS_PATH);
            assertThat(request.header("Content-Type")).isEqualTo("application/json");
        });
        assertThat(server.requests())
                .extracting(request -> body(request).toString())
                .containsExactly(
                        "{\"appliedFacets\":{},\"limit\":20,\"offset\":0,\"searchText\":\"intern\"}",
                        "{\"appliedFacets\":{},\"limit\":20,\"offset\":20,\"searchText\":\"intern\"}",
                        "{\"appliedFacets\":{},\"limit\":20,\"offset\":40,\"searchText\":\"intern\"}");
    }

    @Test
    void withoutAnyTotalItPagesUntilAShortPage() throws Exception {
        serveSearch(TOTAL, false);

        FetchResult.Fetched result = (FetchResult.Fetched) adapter.fetch(source(Map.of()), http, CacheTags.NONE);

        assertThat(result.postings()).hasSize(TOTAL);
        assertThat(server.requests())
                .extracting(r -> body(r).path("searchText").asText())
                .containsOnly("");
        assertThat(server.requests()).hasSize(3);
    }

    @Test
    void withoutDetailsSeveralLocationsStayUnknownAndNoDetailIsRead() throws Exception {
        serveSearch(TOTAL, true);

        FetchResult.Fetched result = (FetchResult.Fetched) adapter.fetch(source(Map.of()), http, CacheTags.NONE);

        assertThat(result.postings().get(0).locations()).isEmpty();
        assertThat(result.postings().get(1).locations()).containsExactly("Austin, TX");
        assertThat(server.requests()).extracting(r -> r.uri().getPath()).containsOnly(JOBS_PATH);
    }

    @Test
    void detailsAreReadOnlyForSeveralLocationsAndAtMostFourAtATime() throws Exception {
        serveSearch(TOTAL, true);
        AtomicInteger inFlight = new AtomicInteger();
        AtomicInteger mostInFlight = new AtomicInteger();
        server.handle(DETAIL_PATH, ex -> {
            mostInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
            try {
                Thread.sleep(20);
                String id = ex.getRequestURI().getPath().replaceAll(".*/", "");
                respond(
                        ex,
                        200,
                        "{\"jobPostingInfo\":{\"location\":\"Austin, TX\",\"additionalLocations\":[\"" + id
                                + " City\"],\"timeType\":\"Full time\"}}");
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                inFlight.decrementAndGet();
            }
        });

        FetchResult.Fetched result =
                (FetchResult.Fetched) adapter.fetch(source(Map.of("details", true)), http, CacheTags.NONE);

        assertThat(server.requests())
                .filteredOn(r -> r.uri().getPath().startsWith(DETAIL_PATH))
                .hasSize(15);
        assertThat(mostInFlight.get()).isBetween(1, WorkdayDetails.CONCURRENCY);
        assertThat(result.postings().get(3).locations()).containsExactly("Austin, TX", "Intern-3_JR-9000000003 City");
        assertThat(result.postings().get(3).employmentType()).isEqualTo("Full time");
        assertThat(result.postings().get(4).locations()).containsExactly("Austin, TX");
        assertThat(result.postings()).hasSize(TOTAL);
    }

    @Test
    void aDetailThatFailsKeepsItsPostingWithoutLocations() throws Exception {
        serveSearch(3, true);
        server.handle(DETAIL_PATH, ex -> respond(ex, 404, "{}"));

        FetchResult.Fetched result =
                (FetchResult.Fetched) adapter.fetch(source(Map.of("details", "true")), http, CacheTags.NONE);

        assertThat(result.postings()).hasSize(3);
        assertThat(result.postings().get(0).locations()).isEmpty();
    }

    @Test
    void anUnknownSiteTellsTheAdminToCheckTheUrl() {
        server.handle(JOBS_PATH, ex -> respond(ex, 404, "{\"errorCode\":\"HTTP_404\"}"));

        assertThatThrownBy(() -> adapter.fetch(source(Map.of()), http, CacheTags.NONE))
                .isInstanceOfSatisfying(
                        HttpStatusException.class, e -> assertThat(e.status()).isEqualTo(404))
                .hasMessageContaining("Workday has no site 'Careers' for tenant 'brightwater'")
                .hasMessageContaining("check the source's 'url'");
    }

    @Test
    void malformedJsonOnAPageFailsTheWholeFetchNamingTheUrl() {
        server.handle(JOBS_PATH, ex -> {
            int offset = MAPPER.readTree(server.requests().getLast().body())
                    .path("offset")
                    .asInt();
            respond(ex, 200, offset == 20 ? "{\"jobPostings\":[{\"title\":" : page(offset, TOTAL, true));
        });

        assertThatThrownBy(() -> adapter.fetch(source(Map.of()), http, CacheTags.NONE))
                .isInstanceOf(FetchException.class)
                .hasMessageContaining("malformed JSON from " + server.baseUrl() + JOBS_PATH);
    }

    @Test
    void checkNamesABadUrlAndABadDetailsValue() {
        SourceConfig bad = TestSources.config(
                "workday", null, Map.of("url", "https://brightwater.wd1.myworkdayjobs.com/", "details", "yes"));

        assertThat(adapter.check(bad)).extracting(p -> p.key()).containsExactly("url", "details");
        assertThat(adapter.check(source(Map.of("details", false)))).isEmpty();
    }
}
