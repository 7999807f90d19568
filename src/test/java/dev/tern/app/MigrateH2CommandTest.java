package dev.tern.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tern.config.FilterConfig;
import dev.tern.config.StorageConfig;
import dev.tern.config.TernConfig;
import dev.tern.discord.fake.FakeDiscord;
import dev.tern.match.SubscribeResult;
import dev.tern.poll.PollEvent;
import dev.tern.store.Database;
import dev.tern.store.DeliveryStatus;
import dev.tern.store.DeliveryStore;
import dev.tern.store.PostingStore;
import dev.tern.store.SourceStateStore;
import dev.tern.store.StoreCopy;
import dev.tern.store.SubscriptionStore;
import dev.tern.testing.BoardServer;
import dev.tern.testing.SimplifyListing;
import dev.tern.testing.TernProcess;
import dev.tern.testing.TestPostgres;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code tern migrate-h2}: an H2 store made by {@code tern poll} and the subscription service (postings, source
 * state, subscriptions, a paused user, a broken target, an admin notice, alerts still pending) moves into an empty
 * PostgreSQL, and Tern then runs on PostgreSQL as if nothing had happened: the pending alerts are delivered once,
 * nothing known alerts again, and new rows get new ids.
 */
final class MigrateH2CommandTest {

    private static final Instant POSTED =
            Instant.now().minus(3, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final String CHANNEL_MESSAGES = "channels/" + FakeDiscord.ALERTS + "/messages";

    @TempDir
    Path dir;

    private FakeDiscord discord;
    private BoardServer board;
    private final SimplifyListing listing = new SimplifyListing();
    private String h2Url;
    private String postgresUrl;

    @BeforeEach
    void setUp() throws Exception {
        discord = FakeDiscord.start();
        board = BoardServer.start();
        h2Url = "jdbc:h2:file:" + dir.resolve("data/tern").toString().replace('\\', '/');
        postgresUrl = TestPostgres.server().newDatabase();
    }

    @AfterEach
    void tearDown() {
        board.close();
        discord.close();
    }

    @Test
    void copiesEveryTableAndSaysHowManyRowsOfEach() throws Exception {
        buildH2Store();
        Map<String, Long> inH2 = counts(h2Url, "", "");

        CliRun run = migrate(withCredentials(postgresUrl));

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out())
                .contains("postings: 4\n")
                .contains("source_state: 2\n")
                .contains("deliveries: 2\n")
                .contains("subscriptions: 2\n")
                .contains("discord_users: 1\n")
                .contains("broken_targets: 1\n")
                .contains("admin_notices: " + inH2.get("admin_notices") + "\n")
                .doesNotContain(TestPostgres.PASSWORD);
        assertThat(run.err()).doesNotContain(TestPostgres.PASSWORD);
        assertThat(inH2.get("admin_notices")).isPositive();
        assertThat(counts(postgresUrl, TestPostgres.USER, TestPostgres.PASSWORD))
                .isEqualTo(inH2);
        assertThat(read(postgresUrl, TestPostgres.USER, TestPostgres.PASSWORD)).isEqualTo(read(h2Url, "", ""));
    }

    @Test
    void ternOnPostgresqlDeliversThePendingAlertsOnceAndAlertsNothingAlreadyKnown() throws Exception {
        buildH2Store();
        assertThat(migrate(withCredentials(postgresUrl)).exitCode()).isZero();

        try (TernRuntime tern = startOnPostgresql()) {
            List<PollEvent> repoll = tern.pollNow("list");

            assertThat(repoll)
                    .noneMatch(e -> e instanceof PollEvent.PostingChanged || e instanceof PollEvent.AlertQueued);
            assertThat(discord.messages(FakeDiscord.ALERTS)).singleElement().satisfies(m -> assertThat(m.toString())
                    .contains("Robotics Intern"));
            assertThat(discord.messages(discord.dmChannelId(FakeDiscord.ALICE))).hasSize(1);
            assertThat(deliveries(tern, DeliveryStatus.SENT)).isEqualTo(2);

            listing.add("r2", "Bolt Robotics", "Robotics Engineer Intern", "Austin, TX", POSTED);
            board.serve("/listings.json", listing.json());
            tern.pollNow("list");
            tern.pollNow("list");

            discord.awaitRequest("POST", CHANNEL_MESSAGES, 2, WAIT);
            assertThat(discord.messages(FakeDiscord.ALERTS)).hasSize(2);
            assertThat(discord.messages(discord.dmChannelId(FakeDiscord.ALICE))).hasSize(2);
            assertThat(deliveries(tern, DeliveryStatus.SENT)).isEqualTo(4);
            assertThat(subscribe(tern, FakeDiscord.BOB, "firmware")).isGreaterThan(2);
        }
    }

    @Test
    void takesTheCredentialsFromTheEnvironmentAsAProcessAndNeverPrintsThem() throws Exception {
        buildH2Store();
        Map<String, String> env = Map.of(
                MigrateH2Command.USER_VARIABLE, TestPostgres.USER,
                MigrateH2Command.PASSWORD_VARIABLE, TestPostgres.PASSWORD);

        try (TernProcess tern = TernProcess.start(env, "migrate-h2", "--from", h2Url, "--to", postgresUrl)) {
            tern.awaitLine("postings: 4", Duration.ofMinutes(1));
            assertThat(tern.awaitExit(Duration.ofMinutes(1))).isTrue();

            assertThat(tern.exitCode()).as(tern.err()).isZero();
            assertThat(tern.err()).doesNotContain(TestPostgres.PASSWORD);
        }
        assertThat(counts(postgresUrl, TestPostgres.USER, TestPostgres.PASSWORD))
                .containsEntry("postings", 4L);
    }

    @Test
    void refusesATargetThatAlreadyHoldsTernDataAndLeavesItAlone() throws Exception {
        buildH2Store();
        assertThat(migrate(withCredentials(postgresUrl)).exitCode()).isZero();
        Map<String, Long> before = counts(postgresUrl, TestPostgres.USER, TestPostgres.PASSWORD);

        CliRun again = migrate(withCredentials(postgresUrl));

        assertThat(again.exitCode()).isEqualTo(1);
        assertThat(again.err())
                .contains("not empty")
                .contains("postings: 4")
                .contains("point --to at a new database")
                .doesNotContain(TestPostgres.PASSWORD);
        assertThat(counts(postgresUrl, TestPostgres.USER, TestPostgres.PASSWORD))
                .isEqualTo(before);
    }

    @Test
    void refusesAMissingH2StoreInsteadOfCopyingAnEmptyOne() {
        CliRun run = migrate(withCredentials(postgresUrl));

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("there is no H2 store at " + h2Url);
        assertThat(dir.resolve("data")).doesNotExist();
    }

    @Test
    void refusesATargetThatIsNotPostgresql() {
        CliRun run = migrate("jdbc:h2:file:" + dir.resolve("other"));

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("--to must be a PostgreSQL URL");
    }

    @Test
    void aWrongPasswordFailsWithoutRepeatingIt() {
        Database.open(h2Url, "", "").close();

        CliRun run = migrate(postgresUrl + "?user=" + TestPostgres.USER + "&password=wrong-secret-77");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err())
                .contains("cannot open the PostgreSQL database")
                .contains("password authentication failed")
                .contains("Nothing was copied")
                .doesNotContain("wrong-secret-77");
    }

    /**
     * The store as Tern leaves it: two sources polled (one failing, which tells the admins), Alice subscribed by DM,
     * Bob paused with a channel subscription whose channel broke, and a new posting whose two alerts are pending
     * because {@code tern poll} has no Discord bot to send them with.
     */
    private void buildH2Store() throws Exception {
        listing.add("a", "Acme", "Software Engineer Intern", "Seattle, WA", POSTED)
                .add("b", "Bolt", "Data Intern", "Austin, TX", POSTED)
                .add("c", "Cove", "Design Intern", "Boston, MA", POSTED);
        board.serve("/listings.json", listing.json());
        Path config = writeConfig("h2.yml", h2Url, "");
        assertThat(CliRun.of("poll", "-c", config.toString(), "--source", "list")
                        .exitCode())
                .isZero();
        assertThat(CliRun.of("poll", "-c", config.toString(), "--source", "gone")
                        .exitCode())
                .isEqualTo(1);
        TernConfig loaded = ConfigOption.loader(Map.<String, String>of()::get).load(config);
        try (Services services = Services.open(loaded, loaded.storage(), Clock.systemUTC(), List.of())) {
            subscribe(services, FakeDiscord.ALICE, false, "robotics");
            subscribe(services, FakeDiscord.BOB, true, "design");
            services.subscriptions().pause(FakeDiscord.BOB, Duration.ofDays(3));
            services.subscriptions().markTargetBroken("discord:channel/" + FakeDiscord.GENERAL, "Unknown Channel");
        }
        listing.add("r1", "Acme Robotics", "Robotics Intern", "Seattle, WA", POSTED);
        board.serve("/listings.json", listing.json());
        CliRun queued = CliRun.of("poll", "-c", config.toString(), "--source", "list");
        assertThat(queued.exitCode()).as(queued.err()).isZero();
        assertThat(counts(h2Url, "", "")).containsEntry("deliveries", 2L);
    }

    private Path writeConfig(String name, String url, String credentials) throws Exception {
        Path config = dir.resolve(name);
        Files.writeString(config, """
                storage: { url: "%s"%s }
                polling: { alertAfterFailures: 1 }
                sources:
                  - { id: list, type: simplify, url: "%s/listings.json" }
                  - { id: gone, type: simplify, url: "%s/gone.json" }
                routes:
                  - { id: robots, to: "discord:channel/%s", filter: { keywords: robotics } }
                discord:
                  token: "%s"
                  guilds: ["%s"]
                  restBaseUrl: "%s"
                  gatewayUrl: "%s"
                """.formatted(
                        url,
                        credentials,
                        board.base(),
                        board.base(),
                        FakeDiscord.ALERTS,
                        FakeDiscord.TOKEN,
                        FakeDiscord.GUILD_ID,
                        discord.restBaseUrl(),
                        discord.gatewayUrl()));
        return config;
    }

    private TernRuntime startOnPostgresql() throws Exception {
        Path config = writeConfig(
                "postgresql.yml",
                postgresUrl,
                ", user: \"" + TestPostgres.USER + "\", password: \"" + TestPostgres.PASSWORD + "\"");
        TernConfig loaded = ConfigOption.loader(Map.<String, String>of()::get).load(config);
        return TernRuntime.start(loaded, Clock.systemUTC(), new PrintWriter(new StringWriter(), true));
    }

    private CliRun migrate(String to) {
        return CliRun.of("migrate-h2", "--from", h2Url, "--to", to);
    }

    private static String withCredentials(String url) {
        return url + "?user=" + TestPostgres.USER + "&password=" + TestPostgres.PASSWORD;
    }

    private static long subscribe(Services services, String user, boolean here, String keywords) {
        FilterConfig filter = new FilterConfig(
                keywords, List.of(), List.of(), List.of(), List.of(), FilterConfig.RemoteMode.ANY, true);
        SubscribeResult result =
                services.subscriptions().subscribe(user, FakeDiscord.GUILD_ID, FakeDiscord.GENERAL, here, filter);
        assertThat(result).isInstanceOf(SubscribeResult.Created.class);
        return ((SubscribeResult.Created) result).id();
    }

    private static long subscribe(TernRuntime tern, String user, String keywords) {
        return subscribe(tern.services(), user, false, keywords);
    }

    private static int deliveries(TernRuntime tern, DeliveryStatus status) {
        return tern.services().database().read(c -> new DeliveryStore().count(c, status));
    }

    private static Map<String, Long> counts(String url, String user, String password) {
        try (Database db = Database.open(url, user, password)) {
            return StoreCopy.counts(db);
        }
    }

    /** What the stores read back: postings, source states, subscriptions and the outbox rows. */
    private static List<Object> read(String url, String user, String password) {
        StorageConfig storage = new StorageConfig(url, user, password);
        try (Database db = Database.open(storage.url(), storage.user(), storage.password())) {
            return db.read(c -> List.of(
                    new PostingStore().postingsOf(c, "list"),
                    new SourceStateStore().all(c),
                    new SubscriptionStore().ofUser(c, FakeDiscord.ALICE),
                    new SubscriptionStore().ofUser(c, FakeDiscord.BOB),
                    new DeliveryStore().forPosting(c, "list:r1")));
        }
    }
}
