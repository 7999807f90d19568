package dev.tern.source.html;

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

final class HtmlAdapterTest {

    private static final Map<String, Object> SELECTORS =
            Map.of("item", "div.card", "title", "h2", "link", "a.apply@href", "location", ".location");

    private final HtmlAdapter adapter = new HtmlAdapter(new Robots(Clock.systemUTC(), Duration.ofHours(1)));
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
        Map<String, Object> settings =
                new HashMap<>(Map.of("url", server.baseUrl() + "/careers/page-1.html", "selectors", SELECTORS));
        settings.putAll(extra);
        return TestSources.config("html", null, settings);
    }

    private void serveCareers(String robots) {
        server.handle("/robots.txt", ex -> respond(ex, robots == null ? 404 : 200, robots == null ? "" : robots));
        server.handle("/careers/page-1.html", ex -> respond(ex, 200, TestServer.fixture("html/page-1.html")));
        server.handle("/careers/page-2.html", ex -> respond(ex, 200, TestServer.fixture("html/page-2.html")));
    }

    private long requestsTo(String path) {
        return server.requests().stream()
                .filter(r -> r.uri().getPath().equals(path))
                .count();
    }

    @Test
    void followsTheNextLinkAndDropsPostingsSeenOnAnEarlierPage() throws Exception {
        serveCareers(null);

        FetchResult.Fetched result = (FetchResult.Fetched) adapter.fetch(source(Map.of("next", "a.next")), http, null);

        assertThat(result.postings())
                .extracting(RawPosting::title)
                .containsExactly(
                        "Backend Engineering Intern",
                        "Hardware Test Co-op & Intern",
                        "Design Intern",
                        "Firmware Intern");
        assertThat(result.postings().get(3).url()).isEqualTo(server.baseUrl() + "/careers/jobs/firmware-intern-2.html");
        assertThat(requestsTo("/careers/page-2.html")).isEqualTo(1);
        assertThat(result.complete()).isTrue();
    }

    @Test
    void stopsAtMaxPages() throws Exception {
        serveCareers(null);

        FetchResult.Fetched result =
                (FetchResult.Fetched) adapter.fetch(source(Map.of("next", "a.next", "maxPages", 1)), http, null);

        assertThat(result.postings()).hasSize(3);
        assertThat(requestsTo("/careers/page-2.html")).isZero();
        assertThat(result.complete())
                .as("cut short: what it did not read must not count as missing")
                .isFalse();
    }

    @Test
    void aPageWithoutItemsIsAFailedPollNamingTheSelector() {
        server.handle("/robots.txt", ex -> respond(ex, 404, ""));
        server.handle("/careers/page-1.html", ex -> respond(ex, 200, TestServer.fixture("html/no-openings.html")));

        assertThatThrownBy(() -> adapter.fetch(source(Map.of()), http, CacheTags.NONE))
                .isInstanceOf(FetchException.class)
                .hasMessageContaining("matches selectors.item 'div.card'");
    }

    @Test
    void aListingDisallowedByRobotsTxtIsNotFetchedAndTheMessageSaysHowToOverride() {
        serveCareers("User-agent: *\nDisallow: /careers/\n");

        assertThatThrownBy(() -> adapter.fetch(source(Map.of()), http, CacheTags.NONE))
                .isInstanceOf(FetchException.class)
                .hasMessageContaining("robots.txt of " + server.baseUrl() + " disallows")
                .hasMessageContaining("robots: ignore");
        assertThat(requestsTo("/careers/page-1.html")).isZero();
    }

    @Test
    void robotsIgnoreFetchesADisallowedListingWithoutReadingRobotsTxt() throws Exception {
        serveCareers("User-agent: *\nDisallow: /careers/\n");

        FetchResult.Fetched result =
                (FetchResult.Fetched) adapter.fetch(source(Map.of("robots", "ignore")), http, null);

        assertThat(result.postings()).hasSize(3);
        assertThat(requestsTo("/robots.txt")).isZero();
    }

    @Test
    void aNextPageDisallowedForTernStopsPagingAndRobotsTxtIsReadOnce() throws Exception {
        serveCareers(
                "User-agent: *\nDisallow: /\n\nUser-agent: Tern\nAllow: /careers/page-1\nDisallow: /careers/page-2\n");

        FetchResult.Fetched first = (FetchResult.Fetched) adapter.fetch(source(Map.of("next", "a.next")), http, null);
        adapter.fetch(source(Map.of("next", "a.next")), http, null);

        assertThat(first.postings()).hasSize(3);
        assertThat(requestsTo("/careers/page-2.html")).isZero();
        assertThat(requestsTo("/robots.txt")).isEqualTo(1);
    }

    @Test
    void anUnreachableRobotsTxtFailsThePoll() {
        server.handle("/robots.txt", ex -> respond(ex, 503, "down"));
        server.handle("/careers/page-1.html", ex -> respond(ex, 200, TestServer.fixture("html/page-1.html")));

        assertThatThrownBy(() -> adapter.fetch(source(Map.of()), http, CacheTags.NONE))
                .isInstanceOf(FetchException.class)
                .hasMessageContaining("cannot read robots.txt of " + server.baseUrl());
        assertThat(requestsTo("/careers/page-1.html")).isZero();
    }

    @Test
    void checkNamesEachBadSelectorKey() {
        SourceConfig bad = TestSources.config(
                "html",
                null,
                Map.of(
                        "url", "https://x.example/careers",
                        "selectors",
                                Map.of("item", "div..card", "title", "h2", "posted", "time[@datetime", "salary", "p"),
                        "next", "a:nth-child(",
                        "maxPages", 500,
                        "robots", "sometimes"));

        assertThat(adapter.check(bad))
                .extracting(Problem::key)
                .containsExactlyInAnyOrder(
                        "selectors.item", "selectors.posted", "selectors.salary", "next", "maxPages", "robots");
        assertThat(adapter.check(bad))
                .filteredOn(p -> p.key().equals("selectors.item"))
                .singleElement()
                .satisfies(p -> assertThat(p.message()).contains("not a valid CSS selector"));
    }

    @Test
    void checkRequiresItemAndTitleAndAMap() {
        SourceConfig noTitle = TestSources.config(
                "html", null, Map.of("url", "https://x.example/careers", "selectors", Map.of("item", "li")));
        SourceConfig notAMap =
                TestSources.config("html", null, Map.of("url", "https://x.example/careers", "selectors", "li"));

        assertThat(adapter.check(noTitle)).extracting(Problem::key).containsExactly("selectors.title");
        assertThat(adapter.check(notAMap)).extracting(Problem::key).containsExactly("selectors");
        assertThat(adapter.check(source(Map.of("next", "a.next@href", "maxPages", 10))))
                .isEmpty();
    }
}
