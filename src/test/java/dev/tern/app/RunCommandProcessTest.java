package dev.tern.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tern.testing.BoardServer;
import dev.tern.testing.SimplifyListing;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
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
    private static final long STOP_SECONDS = 10;

    @TempDir
    Path dir;

    @Test
    void pollsOnSchedulePrintsAlertsAndStopsCleanlyOnSigterm() throws Exception {
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

            Process tern = start(config);
            BlockingQueue<String> out = lines(tern.getInputStream());
            StringBuilder err = new StringBuilder();
            Thread stderr = Thread.ofPlatform().daemon().start(() -> collect(tern, err));
            String alert = waitForLine(out, "Software Engineer Intern");
            // SIGTERM through the handle: Process.destroy() would also close our ends of its pipes.
            tern.toHandle().destroy();
            boolean stopped = tern.waitFor(STOP_SECONDS, TimeUnit.SECONDS);
            if (!stopped) {
                tern.destroyForcibly();
            }

            assertThat(alert).contains("Birch");
            assertThat(stopped)
                    .as("stopped within %d s of SIGTERM", STOP_SECONDS)
                    .isTrue();
            assertThat(tern.exitValue()).as("exit code; stderr:%n%s", err).isZero();
            stderr.join(Duration.ofSeconds(5));
            assertThat(err.toString())
                    .doesNotContain("Exception")
                    .doesNotContain("\tat ")
                    .contains("stopped cleanly");
        }
    }

    private static Process start(Path config) throws IOException {
        String java = ProcessHandle.current().info().command().orElse("java");
        return new ProcessBuilder(List.of(
                        java,
                        "-cp",
                        System.getProperty("java.class.path"),
                        "dev.tern.Tern",
                        "run",
                        "-c",
                        config.toString()))
                .start();
    }

    private static String waitForLine(BlockingQueue<String> lines, String text) throws InterruptedException {
        long deadline = System.nanoTime() + ALERT_WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            String line = lines.poll(100, TimeUnit.MILLISECONDS);
            if (line != null && line.contains(text)) {
                return line;
            }
        }
        throw new AssertionError("no line with '" + text + "' on stdout within " + ALERT_WAIT);
    }

    private static BlockingQueue<String> lines(java.io.InputStream in) {
        BlockingQueue<String> queue = new LinkedBlockingQueue<>();
        Thread.ofVirtual().start(() -> {
            try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                reader.lines().forEach(queue::add);
            } catch (IOException ignored) {
                // the process ended
            }
        });
        return queue;
    }

    private static void collect(Process process, StringBuilder err) {
        try (BufferedReader reader =
                new BufferedReader(new InputStreamReader(process.getErrorStream(), StandardCharsets.UTF_8))) {
            reader.lines().forEach(line -> {
                synchronized (err) {
                    err.append(line).append('\n');
                }
            });
        } catch (IOException ignored) {
            // the process ended
        }
    }
}
