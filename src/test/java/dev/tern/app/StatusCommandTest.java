package dev.tern.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tern.testing.BoardServer;
import dev.tern.testing.SimplifyListing;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code tern status} without a status server: it reads the database that {@code tern poll} wrote. */
final class StatusCommandTest {

    private static final Instant RECENT = Instant.now().minus(1, ChronoUnit.HOURS);

    @TempDir
    Path dir;

    @Test
    void printsTheSummaryAsTextAndAsJson() throws Exception {
        try (BoardServer board = BoardServer.start()) {
            board.serve(
                    "/listings.json",
                    new SimplifyListing()
                            .add("a", "Acme", "Robotics Intern", "Boston, MA", RECENT)
                            .add("b", "Birch", "Data Intern", "Remote", RECENT)
                            .json());
            Path config = dir.resolve("tern.yml");
            Files.writeString(config, """
                    storage: { url: "jdbc:h2:file:%s" }
                    sources:
                      - { id: list, type: simplify, url: "%s/listings.json" }
                      - { id: gone, type: simplify, url: "%s/missing.json" }
                    routes:
                      - { id: all, to: console }
                    """.formatted(dir.resolve("tern"), board.base(), board.base()));
            CliRun poll = CliRun.of("poll", "-c", config.toString());

            CliRun text = CliRun.of("status", "-c", config.toString());
            CliRun json = CliRun.of("status", "-c", config.toString(), "--json");

            assertThat(poll.exitCode()).isEqualTo(1);
            assertThat(text.exitCode()).as(text.err()).isZero();
            assertThat(text.out())
                    .contains("needs attention")
                    .containsPattern("list +simplify +ok .* 2 +0")
                    .containsPattern("gone +simplify +failing .* 0 +1")
                    .contains("  failing: ")
                    .contains("Outbox: 0 pending, 0 failed")
                    .contains("  all -> console: ok")
                    .contains("Acme - Robotics Intern (list)");
            JsonNode summary = new ObjectMapper().readTree(json.out());
            assertThat(summary.get("sources").findValuesAsText("health")).containsExactly("ok", "failing");
            assertThat(summary.get("sources").get(0).get("openPostings").asInt())
                    .isEqualTo(2);
            assertThat(summary.get("outbox").get("pending").asInt()).isZero();
            assertThat(summary.get("routes").get(0).get("target").asText()).isEqualTo("console");
            assertThat(summary.get("recent").findValuesAsText("kind"))
                    .containsOnly("new")
                    .hasSize(2);
            assertThat(json.out().lines()).hasSize(1);
        }
    }
}
