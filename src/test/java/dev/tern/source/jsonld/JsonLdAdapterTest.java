package dev.tern.source.jsonld;

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
import dev.tern.source.web.Robots;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

final class JsonLdAdapterTest {

    private final JsonLdAdapter adapter = new JsonLdAdapter(new Robots(Clock.systemUTC(), Duration.ofHours(1)));
    private TestServer server;
    private Http http;

    @BeforeEach
    void setUp() throws Exception {
        server = TestServer.start();
        http = TestSources.http(new RecordingSleeper());
        server.handle("/robots.txt", ex -> respond(ex, 200, "User-agent: *\nDisallow: /private/\n"));
    }

    @AfterEach
    void tearDown() {
        http.close();
        server.close();
    }

    private SourceConfig source(String path, Map<String, Object> extra) {
        Map<String, Object> settings = new HashMap<>(Map.of("url", server.baseUrl() + path));
        settings.putAll(extra);
        return TestSources.config("jsonld", null, settings);
    }

    private static String posting(String id, String title) {
        return "<html><head><script type=\"application/ld+json\">{\"@context\":\"https://schema.org\","
                + "\"@type\":\"JobPosting\",\"identifier\":\"" + id + "\",\"title\":\"" + title + "\","
                + "\"employmentType\":\"INTERN\"}</script></head><body></body></html>";
    }

    private long requestsTo(String path) {
        return server.requests().stream()
                .filter(r -> r.uri().getPath().equals(path))
                .count();
    }

    @Test
    void readsOnePage() throws Exception {
        server.handle("/jobs/7741", ex -> respond(ex, 200, TestServer.fixture("jsonld/posting.html")));

        FetchResult.Fetched result = (FetchResult.Fetched) adapter.fetch(source("/jobs/7741", Map.of()), http, null);

        assertThat(result.postings()).hasSize(3);
        assertThat(result.postings().get(1).url()).isEqualTo(server.baseUrl() + "/jobs/7741");
    }

    @Test
    void followsListingLinksOnceEachSkippingGonePagesAndPathsRobotsTxtDisallows() throws Exception {
        server.handle("/careers", ex -> respond(ex, 200, TestServer.fixture("jsonld/listing.html")));
        server.handle("/jobs/1.html", ex -> respond(ex, 200, posting("J-1", "Quant Intern")));
        server.handle("/jobs/2.html", ex -> respond(ex, 200, posting("J-2", "Trading Intern")));
        server.handle("/jobs/gone.html", ex -> respond(ex, 404, "gone"));
        server.handle("/private/3.html", ex -> respond(ex, 200, posting("J-3", "Internal")));

        FetchResult.Fetched result =
                (FetchResult.Fetched) adapter.fetch(source("/careers", Map.of("follow", "a.role")), http, null);

        assertThat(result.postings()).extracting(RawPosting::externalId).containsExactly("J-1", "J-2");
        assertThat(result.postings().get(0).employmentType()).isEqualTo("INTERN");
        assertThat(requestsTo("/jobs/2.html")).isEqualTo(1);
        assertThat(requestsTo("/private/3.html")).isZero();
        assertThat(requestsTo("/about.html")).isZero();
    }

    @Test
    void followsAtMostMaxFollowLinks() throws Exception {
        server.handle("/careers", ex -> respond(ex, 200, TestServer.fixture("jsonld/listing.html")));
        server.handle("/jobs/1.html", ex -> respond(ex, 200, posting("J-1", "Quant Intern")));

        FetchResult.Fetched result = (FetchResult.Fetched)
                adapter.fetch(source("/careers", Map.of("follow", "a.role", "maxFollow", 1)), http, null);

        assertThat(result.postings()).extracting(RawPosting::externalId).containsExactly("J-1");
        assertThat(requestsTo("/jobs/2.html")).isZero();
    }

    @Test
    void aFollowedPageThatFailsFailsThePoll() {
        server.handle("/careers", ex -> respond(ex, 200, TestServer.fixture("jsonld/listing.html")));
        server.handle("/jobs/", ex -> respond(ex, 500, "broken"));

        assertThatThrownBy(() -> adapter.fetch(source("/careers", Map.of("follow", "a.role")), http, null))
                .isInstanceOf(FetchException.class)
                .hasMessageContaining("HTTP 500");
    }

    @Test
    void aFollowSelectorThatMatchesNoLinkFailsNamingIt() {
        server.handle("/careers", ex -> respond(ex, 200, TestServer.fixture("jsonld/listing.html")));

        assertThatThrownBy(() -> adapter.fetch(source("/careers", Map.of("follow", "a.job")), http, null))
                .isInstanceOf(FetchException.class)
                .hasMessageContaining("matches follow 'a.job'");
    }

    @Test
    void aSinglePageWithoutJobPostingIsAFailedPollThatSuggestsFollow() {
        server.handle("/careers", ex -> respond(ex, 200, TestServer.fixture("jsonld/listing.html")));

        assertThatThrownBy(() -> adapter.fetch(source("/careers", Map.of()), http, CacheTags.NONE))
                .isInstanceOf(FetchException.class)
                .hasMessageContaining("no schema.org JobPosting")
                .hasMessageContaining("set 'follow'");
    }

    @Test
    void aDisallowedPageIsRefusedUnlessRobotsIsIgnored() throws Exception {
        server.handle("/private/3.html", ex -> respond(ex, 200, posting("J-3", "Internal")));

        assertThatThrownBy(() -> adapter.fetch(source("/private/3.html", Map.of()), http, null))
                .isInstanceOf(FetchException.class)
                .hasMessageContaining("robots.txt of " + server.baseUrl() + " disallows")
                .hasMessageContaining("robots: ignore");
        FetchResult.Fetched result =
                (FetchResult.Fetched) adapter.fetch(source("/private/3.html", Map.of("robots", "ignore")), http, null);
        assertThat(result.postings()).extracting(RawPosting::externalId).containsExactly("J-3");
    }

    @Test
    void checkRejectsABadFollowSelectorAndMaxFollow() {
        SourceConfig bad = source("/careers", Map.of("follow", "a[href", "maxFollow", 0));

        assertThat(adapter.check(bad)).extracting(Problem::key).containsExactlyInAnyOrder("follow", "maxFollow");
        assertThat(adapter.check(source("/careers", Map.of("follow", "ul.roles a", "robots", "obey"))))
                .isEmpty();
    }
}
