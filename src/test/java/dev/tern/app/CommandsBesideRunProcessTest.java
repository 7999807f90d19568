package dev.tern.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tern.testing.BoardServer;
import dev.tern.testing.TernProcess;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * The admin commands beside a running bot, as real processes on one file H2 with {@code AUTO_SERVER=TRUE}: while
 * {@code tern run} runs, {@code tern poll}, {@code tern sources} and {@code tern accept} use its database; a poll of
 * a source the bot is polling reports it busy instead of racing it; a command killed mid-poll harms nothing; and
 * once the bot stops, the commands open the file themselves.
 */
@DisabledOnOs(OS.WINDOWS)
final class CommandsBesideRunProcessTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration WAIT = Duration.ofSeconds(60);

    @TempDir
    Path dir;

    /** One server per source, so that holding one board back slows only that source. */
    private final Map<String, BoardServer> boards = new HashMap<>();

    private String config;

    @BeforeEach
    void setUp() throws IOException {
        for (String name : List.of("list", "slow", "held")) {
            boards.put(name, BoardServer.start());
        }
        Path file = dir.resolve("tern.yml");
        Files.writeString(file, """
                storage: { url: "jdbc:h2:file:%s;AUTO_SERVER=TRUE" }
                polling: { closeAfterMissedPolls: 1 }
                sources:
                  - { id: list, type: greenhouse, board: list, baseUrl: "%s" }
                  - { id: slow, type: greenhouse, board: slow, baseUrl: "%s" }
                  - { id: held, type: greenhouse, board: held, baseUrl: "%s" }
                routes:
                  - { id: all, to: console }
                """.formatted(
                        dir.resolve("db/tern").toString().replace('\\', '/'),
                        boards.get("list").base(),
                        boards.get("slow").base(),
                        boards.get("held").base()));
        config = file.toString();
    }

    @AfterEach
    void tearDown() {
        boards.values().forEach(BoardServer::close);
    }

    @Test
    void commandsShareTheDatabaseWithARunningBotAndNeverPollASourceTwiceAtOnce() throws Exception {
        serve("list", job(101, "Robotics Intern"), job(102, "Data Intern"));
        serve("slow", job(201, "Firmware Intern"));
        serve("held", job(301, "Hardware Intern"), job(302, "Chip Intern"), job(303, "Test Intern"));
        poll("poll", "--json", "-c", config);
        serve("slow", job(201, "Firmware Intern"), job(202, "Compiler Intern"));
        serve("held", job(309, "Recruiter"));
        boards.get("slow").hold();

        List<JsonNode> busy;
        List<JsonNode> cli;
        List<String> sources;
        List<JsonNode> accepted;
        String migrateWhileRunning;
        List<String> botOut;
        String botErr;
        try (TernProcess bot = TernProcess.start("run", "-c", config)) {
            // the bot's first poll of 'slow' is waiting for the board: a CLI poll of it now must not race it
            await(() -> boards.get("slow").requests() >= 2, "the bot polls 'slow'", bot);
            busy = poll("poll", "--json", "--source", "slow", "-c", config);
            boards.get("slow").release();
            await(() -> bot.err().contains("slow: 1 new"), "the bot's poll of 'slow' ends", bot);
            await(() -> bot.err().contains("held: HELD"), "the bot holds 'held'", bot);

            // a CLI poll killed while it polls 'slow' leaves the bot running and the source free
            boards.get("slow").hold();
            try (TernProcess doomed = TernProcess.start("poll", "--source", "slow", "-c", config)) {
                await(() -> boards.get("slow").requests() >= 3, "the doomed poll fetches 'slow'", doomed);
                doomed.kill();
            }
            boards.get("slow").release();

            serve("list", job(101, "Robotics Intern"), job(102, "Data Intern"), job(103, "Security Intern"));
            cli = poll("poll", "--json", "-c", config);
            sources = TernProcess.run(0, "sources", "-c", config);
            accepted = poll("accept", "held", "--json", "-c", config);
            migrateWhileRunning = migrate();

            assertThat(bot.isAlive()).as("the bot survived the killed command").isTrue();
            bot.terminate();
            assertThat(bot.awaitExit(Duration.ofSeconds(10))).isTrue();
            assertThat(bot.exitCode())
                    .as("bot exit code; stderr:%n%s", bot.err())
                    .isZero();
            botOut = bot.remainingLines();
            botErr = bot.err();
        }
        List<String> afterTheBot = TernProcess.run(0, "sources", "-c", config);

        // migrate-h2 refuses a store a running Tern still writes to, before it reaches PostgreSQL
        assertThat(migrateWhileRunning).contains("is open in a running Tern").contains("Nothing was copied.");

        // (2) the poll that found 'slow' being polled waited, said so, and reported nothing of its own
        assertThat(busy).singleElement().satisfies(line -> {
            assertThat(line.get("type").asText()).isEqualTo("source.busy");
            assertThat(line.get("source").asText()).isEqualTo("slow");
            assertThat(line.get("by").asText()).startsWith("another Tern process (pid ");
        });
        assertThat(occurrences(botErr, "slow: 1 new"))
                .as("the bot reported slow:202 new once")
                .isEqualTo(1);
        assertThat(newKeys(cli)).as("posting.new across the CLI poll").containsExactly("list:103");
        assertThat(cli)
                .as("the killed poll's lease ended with it: 'slow' is polled, not busy")
                .anyMatch(n -> n.get("type").asText().equals("source.polled")
                        && n.get("source").asText().equals("slow"));
        // (1) one alert each, printed by whichever process delivered it
        assertThat(alerts(cli, botOut, "list:103", "Security Intern")).isEqualTo(1);
        assertThat(alerts(cli, botOut, "slow:202", "Compiler Intern")).isEqualTo(1);
        assertThat(sources.getFirst()).contains("served by a running Tern process at 127.0.0.1:");
        assertThat(sources).anyMatch(l -> l.startsWith("held") && l.contains("HELD since"));
        assertThat(accepted)
                .extracting(n -> n.get("type").asText())
                .containsExactly("posting.closed", "posting.closed", "posting.closed", "source.hold-accepted");
        // (3) once the bot is gone, the commands open the file themselves
        assertThat(afterTheBot.getFirst()).contains("file opened by this process");
        assertThat(afterTheBot).anyMatch(l -> l.startsWith("held") && l.endsWith(" ok"));
        assertThat(botErr).doesNotContain("\tat ");
    }

    private static List<JsonNode> poll(String... args) throws Exception {
        List<JsonNode> nodes = new ArrayList<>();
        for (String line : TernProcess.run(0, args)) {
            nodes.add(JSON.readTree(line));
        }
        return nodes;
    }

    private static List<String> newKeys(List<JsonNode> lines) {
        return lines.stream()
                .filter(n -> n.get("type").asText().equals("posting.new"))
                .map(n -> n.get("key").asText())
                .toList();
    }

    /** Alerts for {@code key}: JSON lines of the CLI plus the bot's printed alerts (which name the title). */
    private static long alerts(List<JsonNode> cli, List<String> botOut, String key, String title) {
        long byCli = cli.stream()
                .filter(n -> n.get("type").asText().equals("alert")
                        && n.get("key").asText().equals(key))
                .count();
        return byCli + botOut.stream().filter(l -> l.contains(title)).count();
    }

    private static int occurrences(String text, String part) {
        return text.split(Pattern.quote(part), -1).length - 1;
    }

    /** migrate-h2 of this store while the bot runs: its stderr (it must exit 1). */
    private String migrate() throws Exception {
        String from = "jdbc:h2:file:" + dir.resolve("db/tern").toString().replace('\\', '/') + ";AUTO_SERVER=TRUE";
        try (TernProcess migrate =
                TernProcess.start("migrate-h2", "--from", from, "--to", "jdbc:postgresql://127.0.0.1:9/none")) {
            assertThat(migrate.awaitExit(Duration.ofMinutes(1))).isTrue();
            assertThat(migrate.exitCode()).as("stderr:%n%s", migrate.err()).isEqualTo(1);
            return migrate.err();
        }
    }

    private static void await(BooleanSupplier condition, String what, TernProcess process) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("waited " + WAIT + " for: " + what + "; stderr:\n" + process.err());
            }
            Thread.sleep(100);
        }
    }

    private void serve(String board, String... jobs) {
        boards.get(board).serve("/v1/boards/" + board + "/jobs", "{\"jobs\": [" + String.join(",", jobs) + "]}");
    }

    /** A Greenhouse job updated an hour ago (recent enough to alert). */
    private static String job(int id, String title) {
        return """
                {"id": %d, "title": "%s", "absolute_url": "https://jobs.example/%d",
                 "location": {"name": "Seattle, WA"}, "updated_at": "%s"}""".formatted(id, title, id, Instant.now().minus(1, ChronoUnit.HOURS));
    }
}
