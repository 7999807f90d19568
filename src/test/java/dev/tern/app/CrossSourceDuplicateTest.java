package dev.tern.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tern.testing.BoardServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The same job on a Simplify list and on the company's Greenhouse board alerts each target once: the two
 * postings share a fingerprint (the canonical apply URL, tracking parameters and host aliases removed).
 */
final class CrossSourceDuplicateTest {

    @TempDir
    Path dir;

    @Test
    void theSameJobOnTwoSourcesAlertsEachTargetOnce() throws Exception {
        long posted = Instant.now().minus(2, ChronoUnit.HOURS).getEpochSecond();
        String iso = Instant.ofEpochSecond(posted).toString();
        try (BoardServer board = BoardServer.start()) {
            board.serve("/listings.json", """
                    [{"id": "s-1", "company_name": "Acme", "title": "Robotics Intern", "active": true,
                      "is_visible": true, "terms": ["Summer 2027"], "date_posted": %d,
                      "url": "https://boards.greenhouse.io/acme/jobs/4000000001?gh_src=simplify&utm_source=list",
                      "locations": ["Boston, MA"]}]
                    """.formatted(posted));
            board.serve("/gh/v1/boards/acme/jobs", """
                    {"jobs": [{"id": 4000000001, "title": "Robotics Intern", "company_name": "Acme",
                      "absolute_url": "https://job-boards.greenhouse.io/acme/jobs/4000000001",
                      "location": {"name": "Boston, MA"}, "first_published": "%s", "updated_at": "%s",
                      "departments": [], "offices": []}], "meta": {"total": 1}}
                    """.formatted(iso, iso));
            Path config = dir.resolve("tern.yml");
            Files.writeString(config, """
                    storage: { url: "jdbc:h2:file:%s" }
                    sources:
                      - { id: list, type: simplify, url: "%s/listings.json", backfill: true }
                      - { id: acme, type: greenhouse, board: acme, baseUrl: "%s/gh", backfill: true }
                    routes:
                      - { id: robots, to: console, filter: { keywords: robotics } }
                      - { id: boston, to: console, filter: { locations: [Boston] } }
                    """.formatted(dir.resolve("tern"), board.base(), board.base()));

            CliRun run = CliRun.of("poll", "--json", "-c", config.toString());

            assertThat(run.events())
                    .filteredOn(e -> e.startsWith("posting.new"))
                    .hasSize(2);
            assertThat(run.events()).filteredOn(e -> e.startsWith("alert")).hasSize(1);
            assertThat(run.jsonLines())
                    .filteredOn(n -> n.get("type").asText().equals("alert"))
                    .singleElement()
                    .satisfies(alert -> assertThat(alert.get("key").asText()).isEqualTo("list:s-1"));
        }
    }
}
