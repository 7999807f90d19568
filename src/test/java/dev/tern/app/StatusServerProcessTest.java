package dev.tern.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import dev.tern.discord.fake.FakeDiscord;
import dev.tern.testing.LocalHttp;
import dev.tern.testing.SimplifyListing;
import dev.tern.testing.TernProcess;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.h2.tools.Server;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code tern run} with an {@code http} section, as a real child process: health checks, readiness naming the
 * failing check, metrics that follow a poll, JSON logs, and a port in use at start.
 */
@DisabledOnOs(OS.WINDOWS)
final class StatusServerProcessTest {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern LABEL = Pattern.compile("[{,]([a-z_]+)=");
    private static final String SENT_TO_CONSOLE = "tern_deliveries_total{outcome=\"sent\",target_kind=\"console\"}";
    /** Every Tern metric the README promises. */
    private static final List<String> METRICS = List.of(
            "tern_source_polls_total{outcome=\"success\",source=\"list\"}",
            "tern_source_poll_seconds_count{source=\"list\"}",
            "tern_source_consecutive_failures{source=\"list\"}",
            "tern_source_last_success_timestamp_seconds{source=\"list\"}",
            "tern_postings_open{source=\"list\"}",
            "tern_posting_events_total{event=\"new\",source=\"list\"}",
            "tern_alerts_queued_total{target_kind=\"console\"}",
            "tern_alerts_queued_total{target_kind=\"slack\"}",
            "tern_alerts_queued_total{target_kind=\"discord_webhook\"}",
            "tern_deliveries_total{outcome=\"broken\",target_kind=\"webhook\"}",
            SENT_TO_CONSOLE,
            "tern_outbox_pending",
            "tern_outbox_oldest_pending_seconds",
            "tern_subscriptions{status=\"active\"}");

    @TempDir
    Path dir;

    @Test
    void healthAndMetricsFollowAPollAndReadinessNamesTheDatabaseWhenItStops() throws Exception {
        int dbPort = LocalHttp.freePort();
        Server database = h2Server(dbPort);
        Instant posted = Instant.now().minus(1, ChronoUnit.HOURS);
        String listing = new SimplifyListing()
                .add("a", "Acme", "Robotics Intern", "Boston, MA", posted)
                .add("b", "Birch", "Software Engineer Intern", "Remote", posted)
                .json();
        CountDownLatch firstPoll = new CountDownLatch(1);
        HttpServer board = heldBoard(listing, firstPoll);
        int port = LocalHttp.freePort();
        String base = "http://127.0.0.1:" + port;
        Path config = config(
                """
                storage: { url: "jdbc:h2:tcp://127.0.0.1:%d/mem:tern-%s;DB_CLOSE_DELAY=-1" }
                sources:
                  - { id: list, type: simplify, url: "http://127.0.0.1:%d/listings.json", backfill: true }
                routes:
                  - { id: all, to: console }
                http: { port: %d }
                """.formatted(dbPort, UUID.randomUUID(), board.getAddress().getPort(), port));
        try (TernProcess tern = TernProcess.start(Map.of("TERN_LOG_FORMAT", "json"), "run", "-c", config.toString())) {
            // the poll is held at the board: nothing counted yet
            HttpResponse<String> live = LocalHttp.await(base + "/livez", r -> r.statusCode() == 200, WAIT);
            HttpResponse<String> ready = LocalHttp.await(base + "/readyz", r -> r.statusCode() == 200, WAIT);
            Map<String, Double> before = metrics(base);

            firstPoll.countDown();
            tern.awaitLine("Software Engineer Intern", WAIT);
            Map<String, Double> after =
                    awaitMetrics(base, m -> m.get(SENT_TO_CONSOLE) == 2.0 && m.get("tern_outbox_pending") == 0.0);

            database.stop();
            HttpResponse<String> unready = LocalHttp.await(base + "/readyz", r -> r.statusCode() == 503, WAIT);
            HttpResponse<String> liveWithoutDatabase = LocalHttp.get(base + "/livez");
            tern.terminate();

            assertThat(live.body()).isEqualTo("ok\n");
            assertThat(JSON.readTree(ready.body()).get("checks"))
                    .isEqualTo(JSON.readTree("{\"database\":\"ok\",\"scheduler\":\"ok\"}"));
            assertThat(before).containsKeys(METRICS.toArray(String[]::new));
            assertThat(before.get("tern_posting_events_total{event=\"new\",source=\"list\"}"))
                    .isZero();
            assertThat(after.keySet()).anyMatch(k -> k.startsWith("jvm_memory_used_bytes{area=\"heap\""));
            assertThat(after.keySet()).anyMatch(k -> k.startsWith("process_cpu_usage"));
            assertThat(after)
                    .containsEntry("tern_posting_events_total{event=\"new\",source=\"list\"}", 2.0)
                    .containsEntry("tern_source_polls_total{outcome=\"success\",source=\"list\"}", 1.0)
                    .containsEntry("tern_source_poll_seconds_count{source=\"list\"}", 1.0)
                    .containsEntry("tern_alerts_queued_total{target_kind=\"console\"}", 2.0)
                    .containsEntry("tern_postings_open{source=\"list\"}", 2.0)
                    .containsEntry("tern_source_consecutive_failures{source=\"list\"}", 0.0)
                    .containsEntry("tern_outbox_pending", 0.0)
                    .containsEntry("tern_subscriptions{status=\"active\"}", 0.0);
            assertThat(after.get("tern_source_last_success_timestamp_seconds{source=\"list\"}"))
                    .isBetween(
                            Instant.now().minusSeconds(120).getEpochSecond() * 1.0,
                            Instant.now().getEpochSecond() + 1.0);
            assertThat(after.keySet().stream()
                            .filter(k -> k.startsWith("tern_"))
                            .flatMap(k -> LABEL.matcher(k).results().map(m -> m.group(1))))
                    .as("labels of Tern's metrics: never an id")
                    .containsOnly("source", "outcome", "event", "target_kind", "status");
            JsonNode failing = JSON.readTree(unready.body());
            assertThat(failing.get("status").asText()).isEqualTo("not ready");
            assertThat(failing.get("failing"))
                    .containsExactly(JSON.getNodeFactory().textNode("database"));
            assertThat(failing.get("checks").get("scheduler").asText()).isEqualTo("ok");
            assertThat(liveWithoutDatabase.statusCode()).isEqualTo(200);
            assertThat(tern.awaitExit(WAIT)).isTrue();
            assertThat(tern.exitCode()).as("exit code; stderr:%n%s", tern.err()).isZero();
            assertJsonLogs(tern.err());
        } finally {
            database.stop();
            board.stop(0);
        }
    }

    @Test
    void readinessNamesTheBotWhenDiscordIsGone() throws Exception {
        int port = LocalHttp.freePort();
        String base = "http://127.0.0.1:" + port;
        FakeDiscord discord = FakeDiscord.start();
        try {
            Path config = config("""
                    storage: { url: "jdbc:h2:file:%s" }
                    discord:
                      token: "%s"
                      guilds: ["%s"]
                      restBaseUrl: "%s"
                      gatewayUrl: "%s"
                    http: { port: %d }
                    """.formatted(
                            dir.resolve("tern"),
                            FakeDiscord.TOKEN,
                            FakeDiscord.GUILD_ID,
                            discord.restBaseUrl(),
                            discord.gatewayUrl(),
                            port));
            try (TernProcess tern = TernProcess.start("run", "-c", config.toString())) {
                HttpResponse<String> ready = LocalHttp.await(base + "/readyz", r -> r.statusCode() == 200, WAIT);
                discord.close();
                HttpResponse<String> unready = LocalHttp.await(base + "/readyz", r -> r.statusCode() == 503, WAIT);
                tern.terminate();

                assertThat(JSON.readTree(ready.body()).get("checks").get("bot").asText())
                        .isEqualTo("ok");
                JsonNode failing = JSON.readTree(unready.body());
                assertThat(failing.get("failing"))
                        .containsExactly(JSON.getNodeFactory().textNode("bot"));
                assertThat(failing.get("checks").get("bot").asText()).contains("not connected");
                assertThat(unready.body()).doesNotContain(FakeDiscord.TOKEN);
                assertThat(tern.awaitExit(WAIT)).isTrue();
                assertThat(tern.err()).doesNotContain(FakeDiscord.TOKEN);
            }
        } finally {
            discord.close();
        }
    }

    @Test
    void aPortInUseIsAClearErrorAtStart() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Path config = config("""
                    storage: { url: "jdbc:h2:file:%s" }
                    http: { port: %d, password: "do-not-print-me" }
                    """.formatted(dir.resolve("tern"), taken.getLocalPort()));
            try (TernProcess tern = TernProcess.start("run", "-c", config.toString())) {
                assertThat(tern.awaitExit(WAIT)).isTrue();

                assertThat(tern.exitCode()).isEqualTo(1);
                assertThat(tern.err().lines().filter(l -> l.startsWith("error:")))
                        .singleElement()
                        .asString()
                        .contains("cannot listen on 127.0.0.1:" + taken.getLocalPort())
                        .contains("choose another http.port");
                assertThat(tern.err()).doesNotContain("do-not-print-me").doesNotContain("\tat ");
            }
        }
    }

    private Path config(String yaml) throws IOException {
        Path config = dir.resolve("tern.yml");
        Files.writeString(config, yaml);
        return config;
    }

    private static Server h2Server(int port) throws Exception {
        return Server.createTcpServer("-tcpPort", String.valueOf(port), "-ifNotExists")
                .start();
    }

    /** A board whose answers wait until {@code release} counts down, so that a test can look before the poll. */
    private static HttpServer heldBoard(String listing, CountDownLatch release) throws IOException {
        HttpServer board = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        board.createContext("/listings.json", exchange -> {
            try (exchange) {
                if (!release.await(WAIT.toSeconds(), TimeUnit.SECONDS)) {
                    exchange.sendResponseHeaders(503, -1);
                    return;
                }
                byte[] body = listing.getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().set("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, body.length);
                exchange.getResponseBody().write(body);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        board.start();
        return board;
    }

    private static Map<String, Double> awaitMetrics(String base, java.util.function.Predicate<Map<String, Double>> done)
            throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        Map<String, Double> last = Map.of();
        while (System.nanoTime() < deadline) {
            last = metrics(base);
            if (done.test(last)) {
                return last;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("metrics did not get there within " + WAIT + ": " + last);
    }

    /** The samples of a scrape, by name and labels. */
    private static Map<String, Double> metrics(String base) throws InterruptedException {
        HttpResponse<String> scrape = LocalHttp.get(base + "/metrics");
        assertThat(scrape.statusCode()).isEqualTo(200);
        assertThat(scrape.headers().firstValue("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).startsWith("text/plain; version=0.0.4"));
        Map<String, Double> samples = new java.util.HashMap<>();
        scrape.body().lines().filter(l -> !l.startsWith("#") && !l.isBlank()).forEach(line -> {
            int space = line.lastIndexOf(' ');
            samples.put(line.substring(0, space), Double.parseDouble(line.substring(space + 1)));
        });
        return samples;
    }

    /** Every stderr line is one JSON object; the poll's line names its source and event as fields. */
    private static void assertJsonLogs(String stderr) throws IOException {
        List<JsonNode> lines = new java.util.ArrayList<>();
        for (String line : stderr.lines().toList()) {
            lines.add(JSON.readTree(line));
        }
        assertThat(lines).isNotEmpty().allSatisfy(l -> assertThat(l.has("@timestamp") && l.has("level"))
                .isTrue());
        assertThat(lines).anySatisfy(l -> {
            assertThat(l.path("event").asText()).isEqualTo("source.polled");
            assertThat(l.path("source").asText()).isEqualTo("list");
            assertThat(l.path("message").asText()).contains("2 new");
        });
    }
}
