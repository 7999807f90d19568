package dev.tern.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tern.testing.BoardServer;
import dev.tern.testing.TernProcess;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The closing rules as an admin meets them: every {@code tern poll --json} and {@code tern accept} is a new process
 * on one file H2, against boards on 127.0.0.1 that the test changes between polls.
 */
final class HoldsProcessTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    /** One server per source: requests to one host wait for each other (politeness), different ports do not. */
    private final Map<String, BoardServer> boards = new HashMap<>();

    private Path config;

    @BeforeEach
    void setUp() throws IOException {
        for (String name : List.of("quiet", "season", "accepted", "careers")) {
            boards.put(name, BoardServer.start());
        }
        config = dir.resolve("tern.yml");
        Files.writeString(config, """
                storage: { url: "jdbc:h2:file:%1$s" }
                sources:
                  - { id: quiet, type: greenhouse, board: quiet, baseUrl: "%2$s" }
                  - { id: season, type: greenhouse, board: season, baseUrl: "%3$s" }
                  - { id: accepted, type: greenhouse, board: accepted, baseUrl: "%4$s" }
                  - id: careers
                    type: html
                    url: "%5$s/careers/1.html"
                    selectors: { item: li.job, title: a, link: "a@href", location: .where }
                    next: "a.next@href"
                    maxPages: 2
                routes:
                  - { id: all, to: console }
                """.formatted(
                        dir.resolve("db/tern").toString().replace('\\', '/'),
                        boards.get("quiet").base(),
                        boards.get("season").base(),
                        boards.get("accepted").base(),
                        boards.get("careers").base()));
    }

    @AfterEach
    void tearDown() {
        boards.values().forEach(BoardServer::close);
    }

    @Test
    void closingRulesHoldAcrossProcesses() throws Exception {
        serve("quiet", jobs("q", 2, "Software Engineering Intern") + "," + jobs("qf", 3, "Staff Engineer"));
        serve("season", jobs("s", 5, "Data Science Intern") + "," + jobs("sf", 1, "Office Manager"));
        serve("accepted", jobs("a", 4, "Hardware Intern") + "," + jobs("af", 1, "Recruiter"));
        serveCareers(3);
        List<List<JsonNode>> rounds = new ArrayList<>();
        rounds.add(poll());
        serve("quiet", jobs("qf", 3, "Staff Engineer"));
        serve("season", jobs("sf", 1, "Office Manager"));
        serve("accepted", jobs("af", 1, "Recruiter"));
        rounds.add(poll());
        rounds.add(poll());

        List<JsonNode> accept = json(TernProcess.run(0, "accept", "accepted", "--json", "-c", config.toString()));
        List<String> sources = TernProcess.run(0, "sources", "-c", config.toString());
        rounds.add(poll());
        rounds.add(poll());
        rounds.add(poll());
        rounds.add(poll());

        // a board that keeps listing full-time jobs while its two internships go closes both by the 2nd poll after
        assertThat(closed(rounds.get(1), "quiet")).isEmpty();
        assertThat(closed(rounds.get(2), "quiet")).containsExactlyInAnyOrder("quiet:1001", "quiet:1002");
        assertThat(types(rounds, "quiet")).doesNotContain("source.suspicious");
        // a listing cut short by maxPages closes nothing in 6 polls and is never suspicious
        assertThat(types(rounds, "careers")).doesNotContain("source.suspicious", "posting.closed");
        // a board that closes all 5 internships at once is held, then closes them after the confirming polls
        assertThat(types(List.of(rounds.get(2)), "season"))
                .contains("source.suspicious")
                .doesNotContain("posting.closed");
        assertThat(types(List.of(rounds.get(3)), "season"))
                .contains("source.suspicious")
                .doesNotContain("posting.closed");
        assertThat(closed(rounds.get(4), "season")).hasSize(5);
        assertThat(types(List.of(rounds.get(4)), "season")).contains("source.hold-confirmed");
        // tern accept closes a held source's postings at once, and tern sources said how
        assertThat(types(List.of(rounds.get(2)), "accepted")).contains("source.suspicious");
        assertThat(accept)
                .extracting(n -> n.get("type").asText())
                .containsExactly(
                        "posting.closed", "posting.closed", "posting.closed", "posting.closed", "source.hold-accepted");
        assertThat(sources)
                .anyMatch(line -> line.startsWith("season")
                        && line.contains("HELD since")
                        && line.contains("tern accept season"));
        assertThat(types(rounds.subList(3, rounds.size()), "accepted")).doesNotContain("posting.closed");
    }

    private List<JsonNode> poll() throws Exception {
        return json(TernProcess.run(0, "poll", "--json", "-c", config.toString()));
    }

    private static List<JsonNode> json(List<String> lines) throws IOException {
        List<JsonNode> nodes = new ArrayList<>();
        for (String line : lines) {
            nodes.add(JSON.readTree(line));
        }
        return nodes;
    }

    private static List<String> types(List<List<JsonNode>> rounds, String source) {
        return rounds.stream()
                .flatMap(List::stream)
                .filter(n -> source.equals(n.path("source").asText()))
                .map(n -> n.get("type").asText())
                .toList();
    }

    private static List<String> closed(List<JsonNode> round, String source) {
        return round.stream()
                .filter(n -> n.get("type").asText().equals("posting.closed"))
                .filter(n -> source.equals(n.path("source").asText()))
                .map(n -> n.get("key").asText())
                .toList();
    }

    private void serve(String boardName, String jobs) {
        boards.get(boardName).serve("/v1/boards/" + boardName + "/jobs", "{\"jobs\": [" + jobs + "]}");
    }

    /** {@code count} Greenhouse jobs titled "title N" with ids 1001... (offset by the prefix's hash for others). */
    private String jobs(String prefix, int count, String title) {
        int base = prefix.length() == 1 ? 1000 : 2000;
        return IntStream.rangeClosed(1, count)
                .mapToObj(i -> """
                        {"id": %d, "title": "%s %s", "absolute_url": "%s/jobs/%s%d",
                         "location": {"name": "Seattle, WA"}, "updated_at": "2026-11-20T10:00:00Z"}""".formatted(base + i, title, i, "https://jobs.example", prefix, i))
                .collect(Collectors.joining(","));
    }

    private void serveCareers(int pages) {
        for (int page = 1; page <= pages; page++) {
            int number = page;
            String items = IntStream.rangeClosed(1, 2)
                    .mapToObj(
                            i -> "<li class=\"job\"><a href=\"/jobs/%d-%d\">Data Intern %d-%d</a><span class=\"where\">"
                                            .formatted(number, i, number, i)
                                    + "Austin, TX</span></li>")
                    .collect(Collectors.joining());
            String next =
                    number < pages ? "<a class=\"next\" href=\"/careers/%d.html\">Next</a>".formatted(number + 1) : "";
            boards.get("careers")
                    .serve(
                            "/careers/" + number + ".html",
                            "<html><body><ul>" + items + "</ul>" + next + "</body></html>");
        }
    }
}
