package dev.tern.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tern.store.Database;
import dev.tern.store.DeliveryStatus;
import dev.tern.store.DeliveryStore;
import dev.tern.testing.BoardServer;
import dev.tern.testing.SimplifyListing;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code tern poll --json} against a Simplify list on 127.0.0.1 and a file database: every poll is a fresh process
 * run of the command (so every step also restarts Tern).
 */
final class PollCommandTest {

    private static final Instant RECENT =
            Instant.now().minus(1, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);

    @TempDir
    Path dir;

    private BoardServer board;
    private Path config;
    private final SimplifyListing listing = new SimplifyListing();

    @BeforeEach
    void setUp() throws IOException {
        board = BoardServer.start();
        config = dir.resolve("tern.yml");
        Files.writeString(
                config, """
                storage: { url: "jdbc:h2:file:%s" }
                sources:
                  - { id: simplify, type: simplify, url: "%s/listings.json" }
                routes:
                  - id: engineers
                    to: console
                    filter: { keywords: engineer }
                """.formatted(dir.resolve("db/tern").toString().replace('\\', '/'), board.base()));
        listing.add("a", "Acme", "Software Engineer Intern", "Seattle, WA", RECENT)
                .add("b", "Bolt", "Data Intern", "Austin, TX", RECENT)
                .add("c", "Cove", "Design Intern", "Boston, MA", RECENT)
                .add("d", "Dune", "Product Intern", "Denver, CO", RECENT)
                .add("e", "Echo", "Firmware Engineer Intern", "Miami, FL", RECENT)
                .active("e", false);
    }

    @AfterEach
    void tearDown() {
        board.close();
    }

    @Test
    void firstPollOnlySeeds() {
        CliRun run = poll();

        assertThat(run.exitCode()).isZero();
        assertThat(run.events()).containsExactly("source.seeded");
        assertThat(run.jsonLines().get(0).get("postings").asInt()).isEqualTo(4);
    }

    @Test
    void secondPollReportsNewClosedReopenedAndAlertsTheRouteMatches() {
        poll();
        listing.add("f", "Fern", "Backend Engineer Intern", "New York, NY", RECENT)
                .add("g", "Gale", "Hidden Engineer Intern", "New York, NY", RECENT)
                .visible("g", false)
                .active("b", false)
                .visible("c", false)
                .active("e", true);

        CliRun run = poll();

        assertThat(run.events())
                .containsExactlyInAnyOrder(
                        "posting.new simplify:f",
                        "posting.closed simplify:b",
                        "posting.closed simplify:c",
                        "posting.reopened simplify:e",
                        "alert simplify:f",
                        "alert simplify:e",
                        "source.polled");
        JsonNode polled = last(run);
        assertThat(polled.get("new").asInt()).isEqualTo(1);
        assertThat(polled.get("closed").asInt()).isEqualTo(2);
        assertThat(polled.get("reopened").asInt()).isEqualTo(1);
        JsonNode fresh = run.jsonLines().stream()
                .filter(n -> n.get("type").asText().equals("posting.new"))
                .findFirst()
                .orElseThrow();
        assertThat(fresh.get("company").asText()).isEqualTo("Fern");
        assertThat(fresh.get("term").asText()).isEqualTo("Summer 2027");
        assertThat(fresh.get("startYear").asInt()).isEqualTo(2027);
        assertThat(fresh.get("postedAt").asText()).isEqualTo(RECENT.toString());
        JsonNode alert = run.jsonLines().stream()
                .filter(n -> n.get("type").asText().equals("alert"))
                .findFirst()
                .orElseThrow();
        assertThat(alert.get("target").asText()).isEqualTo("console");
        assertThat(alert.get("route").asText()).isEqualTo("engineers");
        assertThat(alert.get("subscription").isNull()).isTrue();
    }

    @Test
    void unchangedRepollPrintsNoPostingEventsAndIsNotModifiedWithAnEtag() {
        poll();
        board.etags(false);
        CliRun unchanged = poll();
        board.etags(true);
        poll();
        CliRun notModified = poll();

        assertThat(unchanged.events()).containsExactly("source.polled");
        assertThat(last(unchanged).get("notModified").asBoolean()).isFalse();
        assertThat(notModified.events()).containsExactly("source.polled");
        assertThat(last(notModified).get("notModified").asBoolean()).isTrue();
        assertThat(last(notModified).get("postings").asInt()).isEqualTo(4);
    }

    @Test
    void aMissingPostingClosesOnlyAfterTwoSuccessfulPollsAndNeverAfterAFailure() {
        poll();
        listing.remove("d");

        CliRun firstMiss = poll();
        board.failWith(500);
        CliRun failed = poll();
        board.failWith(0);
        CliRun secondMiss = poll();

        assertThat(firstMiss.events()).containsExactly("source.polled");
        assertThat(failed.exitCode()).isEqualTo(1);
        assertThat(failed.events()).containsExactly("source.failed");
        assertThat(failed.jsonLines().get(0).get("error").asText()).contains("500");
        assertThat(secondMiss.events()).containsExactly("posting.closed simplify:d", "source.polled");
    }

    @Test
    void aPollThatWouldCloseMoreThanHalfIsSuspiciousAndClosesNothing() {
        poll();
        listing.remove("a").remove("b").remove("c");
        poll();

        CliRun held = poll();

        assertThat(held.events()).contains("source.suspicious").doesNotContain("posting.closed");
        listing.add("a", "Acme", "Software Engineer Intern", "Seattle, WA", RECENT)
                .add("b", "Bolt", "Data Intern", "Austin, TX", RECENT)
                .add("c", "Cove", "Design Intern", "Boston, MA", RECENT);
        CliRun back = poll();
        assertThat(back.events()).containsExactly("source.hold-cleared", "source.polled");
        assertThat(last(back).get("postings").asInt()).isEqualTo(4);
    }

    @Test
    void dryRunPrintsWhatWouldHappenAndCommitsNothing() {
        poll();
        listing.add("f", "Fern", "Backend Engineer Intern", "New York, NY", RECENT);

        board.serve("/listings.json", listing.json());
        CliRun dry = CliRun.of("poll", "--json", "--dry-run", "-c", config.toString());
        CliRun real = poll();

        assertThat(dry.events()).contains("posting.new simplify:f", "alert simplify:f");
        assertThat(real.events()).contains("posting.new simplify:f", "alert simplify:f");
    }

    @Test
    void unknownSourceIsAUsageErrorNamingTheConfiguredOnes() {
        CliRun run = CliRun.of("poll", "--source", "nope", "-c", config.toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("no source 'nope'").contains("[simplify]");
    }

    @Test
    void discordAlertsAreQueuedForTheBotAndLeftPending() throws IOException {
        Path withDiscord = dir.resolve("discord.yml");
        String database = dir.resolve("db/discord").toString().replace('\\', '/');
        Files.writeString(withDiscord, """
                storage: { url: "jdbc:h2:file:%s" }
                sources:
                  - { id: simplify, type: simplify, url: "%s/listings.json", backfill: true }
                routes:
                  - { id: engineers, to: "discord:channel/123", filter: { keywords: engineer } }
                discord: { token: not-used-by-poll }
                """.formatted(database, board.base()));
        board.serve("/listings.json", listing.json());

        CliRun run = CliRun.of("poll", "--json", "-c", withDiscord.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.jsonLines())
                .filteredOn(n -> n.get("type").asText().equals("alert"))
                .singleElement()
                .satisfies(n -> assertThat(n.get("target").asText()).isEqualTo("discord:channel/123"));
        assertThat(run.err())
                .contains("note: 1 alert(s) queued for Discord, which needs the bot; they wait in the outbox until"
                        + " 'tern run' delivers them");
        try (Database db = Database.open("jdbc:h2:file:" + database, "", "")) {
            int pending = db.read(c -> new DeliveryStore().count(c, DeliveryStatus.PENDING));
            assertThat(pending).as("left for the bot").isEqualTo(1);
        }
    }

    private CliRun poll() {
        board.serve("/listings.json", listing.json());
        CliRun run = CliRun.of("poll", "--json", "-c", config.toString());
        assertThat(run.out()).doesNotContain("Exception");
        return run;
    }

    private static JsonNode last(CliRun run) {
        return run.jsonLines().stream()
                .filter(n -> n.get("type").asText().equals("source.polled"))
                .reduce((first, second) -> second)
                .orElseThrow(() -> new AssertionError("no source.polled line in " + run.out()));
    }
}
