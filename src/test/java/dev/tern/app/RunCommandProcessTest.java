package dev.tern.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tern.testing.BoardServer;
import dev.tern.testing.SimplifyListing;
import dev.tern.testing.TernProcess;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code tern run} as a real child process: it polls at start, prints console alerts (the source backfills), and on
 * SIGTERM stops within 10 s with exit code 0 and no stack trace. The schedule itself is PollSchedulerTest's.
 */
@DisabledOnOs(OS.WINDOWS)
final class RunCommandProcessTest {

    private static final Duration ALERT_WAIT = Duration.ofSeconds(60);
    private static final Duration STOP_WAIT = Duration.ofSeconds(10);

    @TempDir
    Path dir;

    @Test
    void pollsPrintsAlertsAndStopsCleanlyOnSigterm() throws Exception {
        Instant posted = Instant.now().minus(1, ChronoUnit.HOURS);
        SimplifyListing listing = new SimplifyListing()
                .add("a", "Acme", "Robotics Intern", "Boston, MA", posted)
                .add("b", "Birch", "Software Engineer Intern", "Remote", posted);
        try (BoardServer board = BoardServer.start()) {
            board.serve("/listings.json", listing.json());
            Path config = dir.resolve("tern.yml");
            Files.writeString(config, """
                    storage: { url: "jdbc:h2:file:%s" }
                    sources:
                      - { id: list, type: simplify, url: "%s/listings.json", backfill: true }
                    routes:
                      - { id: all, to: console }
                    """.formatted(dir.resolve("tern").toString(), board.base()));

            try (TernProcess tern = TernProcess.start("run", "-c", config.toString())) {
                String alert = tern.awaitLine("Software Engineer Intern", ALERT_WAIT);
                tern.terminate();
                boolean stopped = tern.awaitExit(STOP_WAIT);

                assertThat(alert).contains("Birch");
                assertThat(stopped)
                        .as("stopped within %s of SIGTERM", STOP_WAIT)
                        .isTrue();
                assertThat(tern.exitCode())
                        .as("exit code; stderr:%n%s", tern.err())
                        .isZero();
                assertThat(tern.err())
                        .doesNotContain("Exception")
                        .doesNotContain("\tat ")
                        .contains("Discord is off")
                        .contains("stopped cleanly");
            }
        }
    }
}
