package dev.tern.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tern.testing.BoardServer;
import dev.tern.testing.FakeWebhook;
import dev.tern.testing.SimplifyListing;
import dev.tern.testing.TernProcess;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code tern run} as a real child process without Discord, its route's Slack webhook URL taken from the
 * environment as the README shows ({@code to: "slack:${SLACK_WEBHOOK_URL}"}): the postings of a backfilled board
 * arrive at the local fake Slack as one Block Kit message, and neither the run's output nor {@code check-config}
 * prints the webhook's secret path.
 */
@DisabledOnOs(OS.WINDOWS)
final class SlackRunProcessTest {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final String SECRET_PART = "XyZsecretHookToken";

    @TempDir
    Path dir;

    @Test
    void ternRunDeliversABackfilledBoardToSlackWithoutPrintingTheWebhook() throws Exception {
        Instant posted = Instant.now().minus(1, ChronoUnit.HOURS);
        SimplifyListing listing = new SimplifyListing()
                .add("a", "Acme", "Robotics Intern", "Boston, MA", posted)
                .add("b", "Birch", "Software Engineer Intern", "Remote", posted);
        try (BoardServer board = BoardServer.start();
                FakeWebhook slack = FakeWebhook.start()) {
            board.serve("/listings.json", listing.json());
            Path config = dir.resolve("tern.yml");
            Files.writeString(config, """
                    storage: { url: "jdbc:h2:file:%s" }
                    sources:
                      - { id: list, type: simplify, url: "%s/listings.json", backfill: true }
                    routes:
                      - { id: club-slack, to: "slack:${SLACK_WEBHOOK_URL}" }
                    """.formatted(dir.resolve("tern").toString(), board.base()));
            Map<String, String> env = Map.of("SLACK_WEBHOOK_URL", slack.url("/services/T01/B02/" + SECRET_PART));

            List<String> checked = TernProcess.run(env, 0, "check-config", "-c", config.toString());
            assertThat(String.join("\n", checked))
                    .contains("slack:http://127.0.0.1:")
                    .doesNotContain(SECRET_PART);

            try (TernProcess tern = TernProcess.start(env, "run", "-c", config.toString())) {
                List<FakeWebhook.Request> received = slack.await(1, WAIT);
                tern.terminate();
                assertThat(tern.awaitExit(Duration.ofSeconds(10))).isTrue();

                assertThat(received).singleElement().satisfies(request -> {
                    assertThat(request.uri().getPath()).endsWith(SECRET_PART);
                    assertThat(request.body())
                            .contains("Acme – Robotics Intern")
                            .contains("Birch – Software Engineer Intern")
                            .contains("\"type\":\"button\"");
                });
                assertThat(tern.exitCode()).as(tern.err()).isZero();
                assertThat(tern.err()).doesNotContain(SECRET_PART).doesNotContain("Exception");
            }
        }
    }
}
