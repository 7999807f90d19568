package dev.tern.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tern.discord.fake.FakeDiscord;
import dev.tern.discord.fake.Option;
import dev.tern.store.Database;
import dev.tern.testing.BoardServer;
import dev.tern.testing.ShownPostings;
import dev.tern.testing.SimplifyListing;
import dev.tern.testing.TernProcess;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * The chaos test of issue 12: the real {@code tern run} (real JDA, file H2) against a fake Discord that answers in
 * 150–400 ms and now and then with a 5xx (before or after acting), killed with SIGKILL at random moments, often
 * right after Discord took a message and before Tern heard back, while new postings keep appearing at a local
 * source. One clean run then drains what is left. Every posting must be shown exactly once in the route's channel
 * and once in the subscriber's DM.
 *
 * <p>It prints its seed and counts ({@code resent}: messages sent more than once with the same nonce, the case a
 * kill between "Discord took it" and "Tern recorded it" leaves). {@code -Dtern.chaos.seed=N} replays a seed's decisions (postings, kill moments,
 * faults; the timing of the machine still varies), {@code -Dtern.chaos.rounds=N} sets the number of kills.
 */
@Tag("chaos")
@DisabledOnOs(OS.WINDOWS)
final class CrashChaosProcessTest {

    static final String SEED = "tern.chaos.seed";
    static final String ROUNDS = "tern.chaos.rounds";

    private static final int DEFAULT_ROUNDS = 20;
    private static final Duration MIN_LATENCY = Duration.ofMillis(150);
    private static final Duration MAX_LATENCY = Duration.ofMillis(400);
    private static final double FAULT_RATE = 0.12;
    private static final Duration START = Duration.ofSeconds(90);
    private static final Duration SEND_WAIT = Duration.ofSeconds(6);
    private static final Duration DRAIN = Duration.ofMinutes(4);
    private static final Duration SETTLE = Duration.ofSeconds(3);
    private static final Path LAST_RUN_LOG = Path.of("target", "chaos", "clean-run.log");
    private static final Path LAST_OUTBOX = Path.of("target", "chaos", "outbox.txt");
    private static final Pattern MORE = Pattern.compile("…and (\\d+) more");
    private static final String MESSAGES = "channels/\\d+/messages";
    private static final int BURST = 12;
    /** Short-lived JVMs start faster with the quick compiler only and a small heap. */
    private static final List<String> FAST_START = List.of("-XX:TieredStopAtLevel=1", "-Xmx256m", "-XX:+UseSerialGC");

    @TempDir
    Path dir;

    private final SimplifyListing listing = new SimplifyListing();
    private final List<String> expected = new ArrayList<>();

    @Test
    void everyPostingIsShownExactlyOnceInTheChannelAndTheDmWhereverTernIsKilled() throws Exception {
        long seed = Long.getLong(SEED, new SecureRandom().nextLong());
        int rounds = Integer.getInteger(ROUNDS, DEFAULT_ROUNDS);
        Random random = new Random(seed);
        int kills = 0;
        try (FakeDiscord discord = FakeDiscord.start();
                BoardServer board = BoardServer.start()) {
            discord.chaos(seed, MIN_LATENCY, MAX_LATENCY, FAULT_RATE);
            board.serve("/listings.json", listing.json());
            Path config = config(discord, board);
            for (int round = 1; round <= rounds; round++) {
                try (TernProcess tern = startAndAwaitLogin(discord, config)) {
                    if (round == 1) {
                        subscribeAlice(discord);
                    }
                    int sends = discord.requests("POST", MESSAGES).size();
                    addPostings(random, board, round);
                    killAtARandomMoment(random, discord, tern, sends);
                    kills++;
                }
            }
            int faults = discord.chaosFaults();
            discord.chaos(seed, MIN_LATENCY, MAX_LATENCY, 0);
            drainWithOneCleanRun(discord, config);

            String dm = discord.dmChannelId(FakeDiscord.ALICE);
            long resent = discord.requests("POST", MESSAGES).stream()
                    .collect(Collectors.groupingBy(r -> r.body().path("nonce").asText(), Collectors.counting()))
                    .values()
                    .stream()
                    .filter(n -> n > 1)
                    .count();
            Tally channel = Tally.of(
                    expected,
                    ShownPostings.count(discord.messages(FakeDiscord.ALERTS)),
                    summarized(discord.messages(FakeDiscord.ALERTS), "discord:channel/" + FakeDiscord.ALERTS));
            Tally direct = Tally.of(
                    expected,
                    ShownPostings.count(discord.messages(dm)),
                    summarized(discord.messages(dm), "discord:user/" + FakeDiscord.ALICE));
            String report = "chaos seed=%d rounds=%d kills=%d faults=%d resent=%d expected=%d lost=%d duplicated=%d"
                            .formatted(
                                    seed,
                                    rounds,
                                    kills,
                                    faults,
                                    resent,
                                    expected.size() * 2,
                                    channel.lost() + direct.lost(),
                                    channel.duplicated() + direct.duplicated())
                    + " (channel: " + channel + "; DM: " + direct + "); re-run with -D" + SEED + "=" + seed;
            System.out.println(report);
            Map<String, Integer> inChannel = ShownPostings.count(discord.messages(FakeDiscord.ALERTS));
            Map<String, Integer> inDm = ShownPostings.count(discord.messages(dm));
            List<String> missing = expected.stream()
                    .filter(url -> !inChannel.containsKey(url) || !inDm.containsKey(url))
                    .toList();
            if (!missing.isEmpty()) {
                Files.writeString(
                        LAST_OUTBOX, missingReport(discord, missing), java.nio.file.StandardOpenOption.APPEND);
            }

            assertThat(expected).as(report).isNotEmpty();
            assertThat(channel.lost() + direct.lost()).as(report).isZero();
            assertThat(channel.duplicated() + direct.duplicated()).as(report).isZero();
            assertThat(channel.unexpected() + direct.unexpected()).as(report).isZero();
        }
    }

    private TernProcess startAndAwaitLogin(FakeDiscord discord, Path config) throws Exception {
        int registrations = registrations(discord);
        TernProcess tern = TernProcess.start(FAST_START, "run", "-c", config.toString());
        // the commands are registered once the database is open and the commands are served
        await(() -> registrations(discord) > registrations || !tern.isAlive(), START);
        assertThat(tern.isAlive()).as("tern run is up; stderr:%n%s", tern.err()).isTrue();
        return tern;
    }

    private static int registrations(FakeDiscord discord) {
        return discord.requests("PUT", "applications/\\d+/guilds/\\d+/commands").size();
    }

    private static void subscribeAlice(FakeDiscord discord) {
        JsonNode reply = discord.sendSlashCommand(
                        FakeDiscord.ALICE,
                        FakeDiscord.GENERAL,
                        "subscribe",
                        List.of(Option.string("keywords", "intern")))
                .awaitResponse(Duration.ofSeconds(30));
        assertThat(reply.toString()).as("the /subscribe reply").contains("Subscribed (#");
    }

    /** A few new postings each round, and now and then a burst that becomes a digest. */
    private void addPostings(Random random, BoardServer board, int round) {
        int count = random.nextInt(5) == 0 ? BURST : 1 + random.nextInt(4);
        for (int i = 0; i < count; i++) {
            String id = "r" + round + "-" + i;
            listing.add(id, "Chaos Co", "Intern " + id, "Boston, MA", Instant.now());
            expected.add("https://careers.example/chaos-co/" + id);
        }
        board.serve("/listings.json", listing.json());
    }

    /**
     * SIGKILL either at a random moment of the run, or (more often) just after Discord took one of the next
     * messages, while its answer is still on the way.
     */
    private static void killAtARandomMoment(Random random, FakeDiscord discord, TernProcess tern, int sendsBefore)
            throws InterruptedException {
        if (random.nextInt(5) < 2) {
            Thread.sleep(random.nextInt(2500));
        } else {
            int nth = sendsBefore + 1 + random.nextInt(3);
            await(() -> discord.requests("POST", MESSAGES).size() >= nth, SEND_WAIT);
            Thread.sleep(random.nextInt((int) MAX_LATENCY.toMillis()));
        }
        tern.kill();
    }

    private void drainWithOneCleanRun(FakeDiscord discord, Path config) throws Exception {
        try (TernProcess tern = startAndAwaitLogin(discord, config)) {
            String dm = discord.dmChannelId(FakeDiscord.ALICE);
            await(
                    () -> allAccountedFor(discord.messages(FakeDiscord.ALERTS))
                            && allAccountedFor(discord.messages(dm)),
                    DRAIN);
            Thread.sleep(SETTLE.toMillis());
            tern.terminate();
            assertThat(tern.awaitExit(Duration.ofSeconds(30))).isTrue();
            // what the clean run did, and the outbox it left, for a failure to be read after the temporary
            // directory is gone
            Files.createDirectories(LAST_RUN_LOG.getParent());
            Files.writeString(LAST_RUN_LOG, tern.err());
            Files.writeString(LAST_OUTBOX, outbox());
        }
    }

    /**
     * Whether the channel shows every expected posting, or lists all but as many as its digests count in their
     * "…and N more" lines (the final check then asks the store which postings those are).
     */
    private boolean allAccountedFor(List<JsonNode> messages) {
        Set<String> shown = ShownPostings.count(messages).keySet();
        long missing = expected.stream().filter(url -> !shown.contains(url)).count();
        int counted = 0;
        for (JsonNode message : messages) {
            for (JsonNode embed : message.path("embeds")) {
                Matcher more = MORE.matcher(embed.path("description").asText(""));
                if (more.find()) {
                    counted += Integer.parseInt(more.group(1));
                }
            }
        }
        return missing <= counted;
    }

    /**
     * The postings of the target's sent digests that a message of the channel counts in its "…and N more" line
     * rather than lists: their alert was shown, as a number (the digest shows what fits in one embed).
     */
    private Set<String> summarized(List<JsonNode> messages, String target) {
        Set<String> summarizing = new HashSet<>();
        for (JsonNode message : messages) {
            for (JsonNode embed : message.path("embeds")) {
                if (MORE.matcher(embed.path("description").asText("")).find()) {
                    summarizing.add(message.path("id").asText());
                }
            }
        }
        if (summarizing.isEmpty()) {
            return Set.of();
        }
        try (Database db = Database.open("jdbc:h2:file:" + dir.resolve("tern"), "", "")) {
            return db.read(c -> {
                Set<String> urls = new HashSet<>();
                try (var statement = c.prepareStatement("SELECT m.message_id, d.posting_key FROM deliveries d JOIN"
                        + " outbox_messages m ON m.id = d.outbox_message_id WHERE d.target = ? AND m.status = 'SENT'"
                        + " AND m.layout = 'DIGEST'")) {
                    statement.setString(1, target);
                    try (var rows = statement.executeQuery()) {
                        while (rows.next()) {
                            if (summarizing.contains(rows.getString(1))) {
                                String key = rows.getString(2);
                                urls.add("https://careers.example/chaos-co/" + key.substring(key.indexOf(':') + 1));
                            }
                        }
                    }
                }
                return urls;
            });
        }
    }

    /** For each posting missing somewhere: its deliveries and messages as stored, and what the fake Discord got. */
    private String missingReport(FakeDiscord discord, List<String> missing) {
        StringBuilder out = new StringBuilder("\nmissing postings:\n");
        String url = "jdbc:h2:file:" + dir.resolve("tern");
        try (Database db = Database.open(url, "", "")) {
            for (String posting : missing) {
                String key = "chaos:" + posting.substring(posting.lastIndexOf('/') + 1);
                out.append(posting).append('\n');
                db.read(c -> {
                    try (var statement = c.prepareStatement("SELECT d.id, d.target, d.status, d.external_message_id,"
                            + " m.id AS message, m.nonce, m.layout, m.status AS message_status, m.message_id,"
                            + " m.first_tried_at, m.sent_at, m.attempts, (SELECT COUNT(*) FROM deliveries x"
                            + " WHERE x.outbox_message_id = m.id) AS alerts FROM deliveries d LEFT JOIN"
                            + " outbox_messages m ON m.id = d.outbox_message_id WHERE d.posting_key = ?")) {
                        statement.setString(1, key);
                        try (var rows = statement.executeQuery()) {
                            int columns = rows.getMetaData().getColumnCount();
                            while (rows.next()) {
                                out.append("  ");
                                for (int i = 1; i <= columns; i++) {
                                    out.append(rows.getMetaData().getColumnLabel(i))
                                            .append('=')
                                            .append(rows.getString(i))
                                            .append(' ');
                                }
                                String nonce = rows.getString("nonce");
                                List<String> posts = discord.requests("POST", MESSAGES).stream()
                                        .filter(r ->
                                                r.body().path("nonce").asText().equals(nonce))
                                        .map(r -> r.path() + "->" + r.status() + "@" + r.at())
                                        .toList();
                                out.append("posts-with-nonce=").append(posts).append('\n');
                            }
                        }
                    }
                    return null;
                });
            }
        }
        return out.toString();
    }

    /** Every message of the outbox not sent, one line each, as the clean run left them. */
    private String outbox() {
        String url = "jdbc:h2:file:" + dir.resolve("tern");
        try (Database db = Database.open(url, "", "")) {
            return db.read(c -> {
                StringBuilder out = new StringBuilder();
                try (var statement = c.createStatement();
                        var rows = statement.executeQuery("SELECT id, target, status, attempts, next_attempt_at,"
                                + " first_tried_at, last_error, claimed_by, claimed_pid, claimed_until,"
                                + " (SELECT COUNT(*) FROM deliveries d WHERE d.outbox_message_id = m.id) AS alerts"
                                + " FROM outbox_messages m WHERE status <> 'SENT' ORDER BY id")) {
                    int columns = rows.getMetaData().getColumnCount();
                    while (rows.next()) {
                        for (int i = 1; i <= columns; i++) {
                            out.append(rows.getMetaData().getColumnLabel(i))
                                    .append('=')
                                    .append(rows.getString(i))
                                    .append(' ');
                        }
                        out.append('\n');
                    }
                }
                try (var statement = c.createStatement();
                        var rows = statement.executeQuery("SELECT target, status, COUNT(*) FROM deliveries"
                                + " WHERE outbox_message_id IS NULL GROUP BY target, status")) {
                    while (rows.next()) {
                        out.append("unformed ")
                                .append(rows.getString(1))
                                .append(' ')
                                .append(rows.getString(2))
                                .append(' ')
                                .append(rows.getInt(3))
                                .append('\n');
                    }
                }
                return out.toString();
            });
        }
    }

    private static void await(BooleanSupplier condition, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean() && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
    }

    private Path config(FakeDiscord discord, BoardServer board) throws Exception {
        Path config = dir.resolve("tern.yml");
        Files.writeString(
                config, TernWithFakeDiscord.config(dir, "chaos", board.base(), ", backfill: true", discord, ""));
        return config;
    }

    /** How the shown postings compare with the expected ones. */
    private record Tally(int lost, int duplicated, int unexpected) {

        /**
         * @param summarized postings a shown digest counts in its "…and N more" line rather than listing them (a
         *     digest shows what fits in one embed)
         */
        static Tally of(List<String> expected, Map<String, Integer> shown, Set<String> summarized) {
            int lost = (int) expected.stream()
                    .filter(url -> !shown.containsKey(url) && !summarized.contains(url))
                    .count();
            int duplicated = shown.values().stream().mapToInt(n -> n - 1).sum();
            int unexpected = (int) shown.keySet().stream()
                    .filter(url -> !expected.contains(url))
                    .count();
            return new Tally(lost, duplicated, unexpected);
        }

        @Override
        public String toString() {
            return "lost " + lost + ", duplicated " + duplicated + ", unexpected " + unexpected;
        }
    }
}
