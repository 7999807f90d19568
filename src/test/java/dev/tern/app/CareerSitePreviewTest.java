package dev.tern.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tern.source.TestServer;
import dev.tern.source.tiktok.TikTokSite;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code tern preview} and {@code tern poll} on the {@code tiktok} and {@code amazon} types, against their sites
 * served on 127.0.0.1 through {@code baseUrl}: the links, locations and start years a user sees.
 */
final class CareerSitePreviewTest {

    @TempDir
    Path dir;

    private TestServer server;
    private Path config;

    @BeforeEach
    void setUp() throws IOException {
        server = TestServer.start();
        config = dir.resolve("tern.yml");
        Files.writeString(config, """
                storage: { url: "jdbc:h2:file:%s" }
                sources:
                  - { id: tiktok, type: tiktok, keyword: intern, baseUrl: "%s" }
                  - { id: amazon, type: amazon, keyword: intern, country: USA, baseUrl: "%s" }
                routes:
                  - { id: all, to: console }
                """.formatted(
                        dir.resolve("db/tern").toString().replace('\\', '/'), server.baseUrl(), server.baseUrl()));
    }

    @AfterEach
    void tearDown() {
        server.close();
    }

    @Test
    void previewOfTiktokShowsTheSeedPostingWithItsLinkLocationAndStartYear() {
        TikTokSite.fixture().install(server);

        CliRun run = CliRun.of("preview", "-c", config.toString(), "tiktok", "--json");

        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode seed = postings(run).getFirst();
        assertThat(seed.get("title").asText())
                .isEqualTo("Machine Learning Engineer Intern (TikTok Shop Global E-Commerce, Search) - 2026 Start"
                        + " (BS/MS)");
        assertThat(seed.get("url").asText()).isEqualTo("https://lifeattiktok.com/search/7345678901234567891");
        assertThat(seed.get("company").asText()).isEqualTo("TikTok");
        assertThat(seed.get("locations").toString()).isEqualTo("[\"Singapore, SG\"]");
        assertThat(seed.get("startYear").asInt()).isEqualTo(2026);
        assertThat(postings(run))
                .extracting(p -> p.get("internship").asBoolean())
                .containsExactly(true, true, true, true, false);
    }

    @Test
    void plainPreviewOfTiktokPrintsWhereAndWhen() {
        TikTokSite.fixture().install(server);

        CliRun run = CliRun.of("preview", "-c", config.toString(), "tiktok");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out())
                .contains("[intern] TikTok - Machine Learning Engineer Intern (TikTok Shop Global E-Commerce, Search)"
                        + " - 2026 Start (BS/MS) (2026)")
                .contains("Singapore")
                .contains("https://lifeattiktok.com/search/7345678901234567891")
                .contains("San Jose, CA")
                .contains("tiktok: 5 posting(s), 4 classified as internships");
    }

    @Test
    void previewOfAmazonShowsLinksLocationsAndStartYears() {
        server.handle(
                "/en/search.json",
                exchange -> TestServer.respond(
                        exchange,
                        200,
                        TestServer.fixture("amazon/search-page.json"),
                        "Content-Type",
                        "application/json"));

        CliRun run = CliRun.of("preview", "-c", config.toString(), "amazon", "--json");

        assertThat(run.exitCode()).as(run.err()).isZero();
        List<JsonNode> postings = postings(run);
        assertThat(postings)
                .extracting(p -> p.get("url").asText())
                .contains("https://www.amazon.jobs/en/jobs/2901234/software-development-engineer-intern-2026");
        assertThat(postings)
                .extracting(p -> p.get("locations").toString())
                .containsExactly(
                        "[\"Seattle, WA, US\"]",
                        "[\"Bengaluru, KA, IN\"]",
                        "[\"Vancouver, BC, CA\"]",
                        "[\"London, GB\"]");
        assertThat(postings).extracting(p -> p.path("startYear").asInt()).containsExactly(2026, 0, 0, 0);
        assertThat(server.requests().getFirst().uri().getRawQuery()).contains("&country=USA");
    }

    @Test
    void aRefusedTiktokSearchFailsThePollNamingTheSitesMessage() {
        server.handle(
                TikTokSite.PATH,
                exchange -> TestServer.respond(
                        exchange, 200, "{\"code\":1,\"message\":\"invalid website-path\",\"data\":null}"));

        CliRun run = CliRun.of("poll", "-c", config.toString(), "--json", "--source", "tiktok");

        JsonNode failed = run.jsonLines().stream()
                .filter(line -> line.get("type").asText().equals("source.failed"))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no source.failed in " + run.out() + run.err()));
        assertThat(failed.get("source").asText()).isEqualTo("tiktok");
        assertThat(failed.get("error").asText()).contains("code 1").contains("invalid website-path");
    }

    private static List<JsonNode> postings(CliRun run) {
        return run.jsonLines().stream()
                .filter(line -> line.get("type").asText().equals("posting"))
                .toList();
    }
}
