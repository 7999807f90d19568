package dev.tern.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tern.store.Database;
import dev.tern.testing.BoardServer;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Statement;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Sponsorship, degrees and category through the real CLI: {@code tern poll --json} and {@code tern preview --json}
 * on a Simplify listing of our own ({@code fixtures/simplify/facts.json}) served from 127.0.0.1, with routes that
 * filter on them. The source alerts on its first poll ({@code backfill: true}) and states the term its list leaves
 * out ({@code term: "Summer 2026"}).
 */
final class FactFiltersTest {

    @TempDir
    Path dir;

    private BoardServer board;

    @BeforeEach
    void setUp() throws IOException {
        board = BoardServer.start();
        try (InputStream fixture = getClass().getResourceAsStream("/fixtures/simplify/facts.json")) {
            board.serve("/listings.json", new String(fixture.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    @AfterEach
    void tearDown() {
        board.close();
    }

    static Stream<Arguments> routes() {
        return Stream.of(
                Arguments.of("{ sponsorship: [offered, unknown] }", List.of("ml", "swe-sponsor", "quant", "phd", "pm")),
                Arguments.of("{ sponsorship: [none, citizens] }", List.of("swe-none", "hw-citizens")),
                Arguments.of(
                        "{ degrees: [bachelor], includeUnknownDegree: false }",
                        List.of("ml", "swe-sponsor", "swe-none", "hw-citizens")),
                Arguments.of("{ degrees: [master] }", List.of("ml", "swe-none", "hw-citizens", "quant", "pm")),
                Arguments.of("{ degrees: [phd], includeUnknownDegree: false }", List.of("phd")),
                Arguments.of("{ categories: [data-ml, quant] }", List.of("ml", "quant", "phd")),
                Arguments.of("{ categories: [hardware] }", List.of("hw-citizens")),
                Arguments.of("{ categories: [software], sponsorship: [offered] }", List.of("swe-sponsor")),
                Arguments.of(
                        "{ categories: [product, data-ml], degrees: [master], sponsorship: [unknown] }",
                        List.of("ml", "pm")));
    }

    @ParameterizedTest
    @MethodSource("routes")
    void aRouteFilterSelectsExactlyThePostingsThatFit(String filter, List<String> expected) throws IOException {
        CliRun run = CliRun.of("poll", "--json", "-c", config(filter).toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        List<String> alerted = run.jsonLines().stream()
                .filter(line -> line.get("type").asText().equals("alert"))
                .map(line -> line.get("key").asText().substring("simplify:".length()))
                .toList();
        assertThat(alerted).containsExactlyInAnyOrderElementsOf(expected);
    }

    @Test
    void pollJsonPrintsTheThreeFactsAndTheSourcesTerm() throws IOException {
        CliRun run = CliRun.of(
                "poll", "--json", "-c", config("{ categories: [other] }").toString());

        JsonNode ml = posting(run, "simplify:ml");
        assertThat(ml.get("sponsorship").asText()).isEqualTo("unknown");
        assertThat(ml.get("degrees")).extracting(JsonNode::asText).containsExactly("bachelor", "master");
        assertThat(ml.get("category").asText()).isEqualTo("data-ml");
        assertThat(ml.get("startYear").asInt()).isEqualTo(2026);
        JsonNode hardware = posting(run, "simplify:hw-citizens");
        assertThat(hardware.get("sponsorship").asText()).isEqualTo("citizens");
        assertThat(hardware.get("category").asText()).isEqualTo("hardware");
        JsonNode pm = posting(run, "simplify:pm");
        assertThat(pm.get("term").asText()).as("from the source's term").isEqualTo("Summer 2026");
        assertThat(pm.get("degrees")).extracting(JsonNode::asText).containsExactly("master");
        assertThat(pm.get("category").asText()).isEqualTo("product");
        assertThat(posting(run, "simplify:quant").get("degrees")).isEmpty();
    }

    @Test
    void checkConfigSummarisesTheFactFilters() throws IOException {
        CliRun run = CliRun.of(
                "check-config",
                "-c",
                config("{ sponsorship: [offered, unknown], degrees: [master], categories: [data-ml, quant] }")
                        .toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out())
                .contains("sponsorship [offered, unknown]; degrees [master] (or unknown); categories [data-ml, quant]");
    }

    @Test
    void previewJsonPrintsThemToo() throws IOException {
        CliRun run =
                CliRun.of("preview", "simplify", "--json", "-c", config("{}").toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode sponsor = posting(run, "simplify:swe-sponsor");
        assertThat(sponsor.get("sponsorship").asText()).isEqualTo("offered");
        assertThat(sponsor.get("degrees")).extracting(JsonNode::asText).containsExactly("bachelor");
        assertThat(sponsor.get("category").asText()).isEqualTo("software");
        CliRun text = CliRun.of("preview", "simplify", "-c", config("{}").toString());
        assertThat(text.out())
                .contains("Machine Learning Engineer Intern (TikTok Shop Global E-Commerce, Search) - 2026 Start"
                        + " (BS/MS) (Summer 2026)")
                .contains("category data-ml | degrees bachelor, master | sponsorship unknown")
                .contains("category quant | degrees not stated | sponsorship unknown");
    }

    @Test
    void rowsStoredBeforeTheFactsExistedAreFilledOnTheirNextPoll() throws IOException {
        Path config = config("{}");
        CliRun.of("poll", "--json", "-c", config.toString());
        // Back to the schema before V6, as a database of an earlier Tern is: the next run applies V6 (and the later
        // migrations) for real.
        sql(
                "DROP INDEX ix_outbox_messages_claimed_until",
                "ALTER TABLE outbox_messages DROP COLUMN claimed_by",
                "ALTER TABLE outbox_messages DROP COLUMN claimed_pid",
                "ALTER TABLE outbox_messages DROP COLUMN claimed_until",
                "DELETE FROM flyway_schema_history WHERE version = '9'",
                "ALTER TABLE postings DROP COLUMN sponsorship",
                "ALTER TABLE postings DROP COLUMN degrees",
                "ALTER TABLE postings DROP COLUMN category",
                "ALTER TABLE postings DROP COLUMN description",
                "DELETE FROM flyway_schema_history WHERE version = '6'");

        CliRun upgraded = CliRun.of("poll", "--json", "-c", config.toString());
        CliRun after = CliRun.of("poll", "--json", "-c", config.toString());

        assertThat(upgraded.events())
                .as("the source answers 304 to the stored ETag; V6 forgets it, so the poll reads everything")
                .contains("posting.updated simplify:ml", "posting.updated simplify:quant");
        assertThat(posting(upgraded, "simplify:ml").get("category").asText()).isEqualTo("data-ml");
        assertThat(posting(upgraded, "simplify:hw-citizens").get("sponsorship").asText())
                .isEqualTo("citizens");
        assertThat(after.events()).containsExactly("source.polled");
        assertThat(after.jsonLines().getFirst().get("notModified").asBoolean()).isTrue();
    }

    private void sql(String... statements) {
        try (Database db = Database.open(jdbcUrl(), "", "")) {
            db.transaction(c -> {
                try (Statement statement = c.createStatement()) {
                    for (String sql : statements) {
                        statement.executeUpdate(sql);
                    }
                }
                return null;
            });
        }
    }

    private Path config(String filter) throws IOException {
        Path config = dir.resolve("tern.yml");
        Files.writeString(config, """
                storage: { url: "%s" }
                polling: { maxAge: off }
                sources:
                  - { id: simplify, type: simplify, url: "%s/listings.json", backfill: true, term: "Summer 2026" }
                routes:
                  - { id: facts, to: console, filter: %s }
                """.formatted(jdbcUrl(), board.base(), filter));
        return config;
    }

    private String jdbcUrl() {
        return "jdbc:h2:file:" + dir.resolve("db/tern").toString().replace('\\', '/');
    }

    private static JsonNode posting(CliRun run, String key) {
        return run.jsonLines().stream()
                .filter(line -> line.get("type").asText().startsWith("posting"))
                .filter(line -> line.get("key").asText().equals(key))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no posting line for " + key + " in " + run.out()));
    }
}
