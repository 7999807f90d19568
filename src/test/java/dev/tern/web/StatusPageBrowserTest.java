package dev.tern.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tern.Tern;
import dev.tern.testing.BoardServer;
import dev.tern.testing.Chromium;
import dev.tern.testing.LocalHttp;
import dev.tern.testing.SimplifyListing;
import dev.tern.testing.TernProcess;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The status page of a real {@code tern run}, loaded in a real headless Chromium: it shows the sources and the
 * latest postings, a hostile title stays text (the page title is unchanged), it answers 401 without the password,
 * and {@code tern status --json} reads the same summary from the running server. Screenshots go to
 * {@code target/status-page-*.png}.
 */
@DisabledOnOs(OS.WINDOWS)
final class StatusPageBrowserTest {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final String PASSWORD = "page-password-for-tests";
    private static final String HOSTILE = "<img src=x onerror=\"document.title='pwned'\">";
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void pageShowsSourcesAndPostingsAsTextAndAsksForThePassword() throws Exception {
        Instant posted = Instant.now().minus(1, ChronoUnit.HOURS);
        SimplifyListing listing = new SimplifyListing()
                .add("a", "Acme Robotics", "Robotics Intern", "Boston, MA", posted)
                .add("x", "Mallory Labs", HOSTILE + " Intern", "Remote", posted);
        Chromium chromium = Chromium.find(dir);
        try (BoardServer board = BoardServer.start()) {
            board.serve("/listings.json", listing.json());
            int port = LocalHttp.freePort();
            Path config = dir.resolve("tern.yml");
            Files.writeString(config, """
                    storage: { url: "jdbc:h2:file:%s" }
                    sources:
                      - { id: list, type: simplify, url: "%s/listings.json", backfill: true }
                    routes:
                      - { id: all, to: console }
                    http: { port: %d, password: "${TERN_HTTP_PASSWORD}" }
                    """.formatted(dir.resolve("tern"), board.base(), port));
            try (TernProcess tern =
                    TernProcess.start(Map.of("TERN_HTTP_PASSWORD", PASSWORD), "run", "-c", config.toString())) {
                tern.awaitLine("Robotics Intern", WAIT);
                tern.awaitLine("Mallory Labs", WAIT);
                String page = "http://127.0.0.1:" + port + "/";
                String withPassword = "http://admin:" + PASSWORD + "@127.0.0.1:" + port + "/";

                Path netLog = dir.resolve("netlog.json");
                Document refused = Jsoup.parse(chromium.dumpDom(page, netLog));
                Document shown = Jsoup.parse(chromium.dumpDom(withPassword));
                chromium.screenshot(withPassword, Path.of("target", "status-page-phone.png"), 412, 1100);
                chromium.screenshot(withPassword, Path.of("target", "status-page-desktop.png"), 1100, 900);
                Status status = status(config);
                tern.terminate();

                assertThat(Files.readString(netLog)).contains("HTTP/1.1 401 Unauthorized");
                assertThat(refused.text()).doesNotContain("Acme Robotics").doesNotContain("Sources");
                assertThat(shown.title()).isEqualTo("Tern status");
                assertThat(shown.select("section h2").eachText())
                        .contains("Sources", "Outbox", "Routes", "Subscriptions", "Recent postings");
                assertThat(shown.select("table td b").eachText()).contains("list", "all");
                assertThat(shown.select("ol li").eachText())
                        .anySatisfy(item -> assertThat(item).contains("new", "Acme Robotics", "Robotics Intern"))
                        .anySatisfy(item -> assertThat(item).contains("Mallory Labs", HOSTILE + " Intern"));
                assertThat(shown.select("img"))
                        .as("the hostile title made no element")
                        .isEmpty();
                assertThat(shown.select("a[href]").eachAttr("href"))
                        .contains("https://careers.example/acme-robotics/a");

                assertThat(status.exitCode()).as(status.err()).isZero();
                assertThat(status.json().get("sources").get(0).get("id").asText())
                        .isEqualTo("list");
                assertThat(status.json()
                                .get("sources")
                                .get(0)
                                .get("openPostings")
                                .asInt())
                        .isEqualTo(2);
                assertThat(status.json().get("recent").findValuesAsText("title"))
                        .contains(HOSTILE + " Intern");
                assertThat(status.json().toString()).doesNotContain(PASSWORD);
                assertThat(tern.awaitExit(WAIT)).isTrue();
                assertThat(tern.err()).doesNotContain(PASSWORD);
            }
        }
    }

    private record Status(int exitCode, JsonNode json, String err) {}

    /** {@code tern status --json} while {@code tern run} holds the H2 file: it asks the running server. */
    private static Status status(Path config) throws Exception {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = Tern.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        // the config reads the password from the environment, which a test cannot set for itself
        Path withPassword = config.resolveSibling("tern-status.yml");
        Files.writeString(withPassword, Files.readString(config).replace("${TERN_HTTP_PASSWORD}", PASSWORD));
        int code = cli.execute("status", "-c", withPassword.toString(), "--json");
        return new Status(code, code == 0 ? JSON.readTree(out.toString()) : null, err.toString());
    }
}
