package dev.tern.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tern.discord.fake.FakeDiscord;
import dev.tern.testing.BoardServer;
import dev.tern.testing.SimplifyListing;
import dev.tern.testing.TernProcess;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/** {@code tern run} with a Discord token, as a child process against the fake Discord. */
@DisabledOnOs(OS.WINDOWS)
final class RunWithDiscordProcessTest {

    private static final Duration WAIT = Duration.ofSeconds(60);

    @TempDir
    Path dir;

    private FakeDiscord discord;
    private BoardServer board;

    @BeforeEach
    void setUp() throws Exception {
        discord = FakeDiscord.start();
        board = BoardServer.start();
        board.serve(
                "/listings.json",
                new SimplifyListing()
                        .add("a", "Acme", "Intern", "Boston, MA", Instant.now())
                        .json());
    }

    @AfterEach
    void tearDown() {
        board.close();
        discord.close();
    }

    @Test
    void startsRegistersTheCommandsServesThemAndStopsCleanly() throws Exception {
        try (TernProcess tern =
                TernProcess.start("run", "-c", config(FakeDiscord.TOKEN).toString())) {
            discord.awaitRequest("PUT", "applications/[0-9]+/guilds/" + FakeDiscord.GUILD_ID + "/commands", WAIT);
            List<String> names = new ArrayList<>();
            discord.registeredCommands().forEach(c -> names.add(c.get("name").asText()));
            JsonNode reply = discord.sendSlashCommand(
                            FakeDiscord.ALICE, FakeDiscord.GENERAL, "subscriptions", List.of())
                    .awaitResponse(Duration.ofSeconds(20));
            tern.terminate();

            assertThat(names)
                    .contains("subscribe", "subscriptions", "unsubscribe", "postings", "pause", "resume", "tern");
            assertThat(reply.get("flags").asInt() & 64).as("ephemeral").isEqualTo(64);
            assertThat(tern.awaitExit(Duration.ofSeconds(10))).isTrue();
            assertThat(tern.exitCode()).as("exit code; stderr:%n%s", tern.err()).isZero();
            assertThat(tern.err()).doesNotContain(FakeDiscord.TOKEN).doesNotContain("\tat ");
        }
    }

    @Test
    void anInvalidTokenExitsWithOneClearLine() throws Exception {
        discord.failAlways("GET", "users/@me", 401, 0, "401: Unauthorized");
        try (TernProcess tern =
                TernProcess.start("run", "-c", config("not-the-right-token").toString())) {
            assertThat(tern.awaitExit(WAIT)).isTrue();

            assertThat(tern.exitCode()).isEqualTo(1);
            assertThat(tern.err().lines().filter(l -> l.startsWith("error:")))
                    .singleElement()
                    .asString()
                    .contains("token")
                    .doesNotContain("not-the-right-token");
            assertThat(tern.err()).doesNotContain("\tat ").doesNotContain("not-the-right-token");
            // the database opens first (its INFO line); then the refused token is the one problem reported
            assertThat(tern.err().lines().filter(l -> !l.contains(" INFO ")))
                    .as("stderr")
                    .hasSize(1);
        }
    }

    private Path config(String token) throws Exception {
        Path config = dir.resolve("tern.yml");
        Files.writeString(config, """
                storage: { url: "jdbc:h2:file:%s" }
                sources:
                  - { id: list, type: simplify, url: "%s/listings.json" }
                discord:
                  token: "%s"
                  guilds: ["%s"]
                  restBaseUrl: "%s"
                  gatewayUrl: "%s"
                """.formatted(
                        dir.resolve("tern"),
                        board.base(),
                        token,
                        FakeDiscord.GUILD_ID,
                        discord.restBaseUrl(),
                        discord.gatewayUrl()));
        return config;
    }
}
