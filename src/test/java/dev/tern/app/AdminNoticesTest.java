package dev.tern.app;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import dev.tern.config.TernConfig;
import dev.tern.discord.fake.FakeDiscord;
import dev.tern.discord.fake.InteractionReply;
import dev.tern.poll.PollEvent;
import dev.tern.store.AdminNotice;
import dev.tern.testing.BoardServer;
import dev.tern.testing.SimplifyListing;
import java.io.PrintWriter;
import java.io.StringWriter;
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
import org.slf4j.LoggerFactory;

/**
 * Admins hear of trouble without asking: the whole of Tern with the real JDA against the fake Discord posts one
 * notice per change of state in {@code discord.adminChannel}, and a held poll's notice has an Accept button that only
 * server managers may use. Without an admin channel the same notices are logged.
 */
final class AdminNoticesTest {

    private static final Duration WAIT = Duration.ofSeconds(15);
    private static final Instant POSTED =
            Instant.now().minus(3, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);
    private static final List<String> SEASON = List.of("s1", "s2", "s3", "s4", "s5");

    @TempDir
    Path dir;

    private FakeDiscord discord;
    private BoardServer board;
    private final SimplifyListing listing = new SimplifyListing();
    private TernRuntime tern;

    @BeforeEach
    void setUp() throws Exception {
        discord = FakeDiscord.start();
        board = BoardServer.start();
        SEASON.forEach(id -> listing.add(id, "Season Co", "Intern " + id, "Boston, MA", POSTED));
        listing.add("keep", "Stay Co", "Year-round Intern", "Austin, TX", POSTED);
        serve();
    }

    @AfterEach
    void tearDown() {
        if (tern != null) {
            tern.close();
        }
        board.close();
        discord.close();
    }

    @Test
    void failingRecoveredHeldAndConfirmedAreEachToldOnce() throws Exception {
        tern = start(true);
        tern.pollNow("list");
        board.failWith(500);
        for (int i = 0; i < 4; i++) {
            tern.pollNow("list");
        }
        List<JsonNode> afterFailures = notices();
        board.failWith(0);
        tern.pollNow("list");
        tern.pollNow("list");
        closeTheSeason();
        tern.pollNow("list");
        List<JsonNode> afterHold = notices();
        tern.pollNow("list");
        tern.pollNow("list");
        tern.pollNow("list");

        assertThat(titles(afterFailures)).containsExactly("Source list: is failing");
        assertThat(afterFailures.get(0).at("/embeds/0/description").asText())
                .contains("failed 3 polls in a row")
                .contains("tern preview list");
        assertThat(titles(afterHold))
                .containsExactly("Source list: is failing", "Source list: recovered", "Source list: poll held");
        assertThat(afterHold.get(2).at("/components/0/components/0/custom_id").asText())
                .matches("tern:accept:[0-9a-z]+:list");
        assertThat(titles(notices()))
                .containsExactly(
                        "Source list: is failing",
                        "Source list: recovered",
                        "Source list: poll held",
                        "Source list: hold confirmed");
        notices().forEach(n -> assertThat(n.path("allowed_mentions").path("parse"))
                .isEmpty());
    }

    @Test
    void theAcceptButtonClosesTheHeldPostingsForServerManagersOnly() throws Exception {
        tern = start(true);
        tern.pollNow("list");
        closeTheSeason();
        List<PollEvent> held = tern.pollNow("list");
        assertThat(held).anyMatch(e -> e instanceof PollEvent.SourceSuspicious);
        String messageId = notices().getLast().path("id").asText();
        String button = buttonId(notices().getLast());

        InteractionReply member = discord.sendButton(FakeDiscord.BOB, FakeDiscord.GENERAL, button, messageId);
        String refused = member.awaitResponse(WAIT).path("content").asText();
        int openAfterRefusal = open();
        InteractionReply admin = discord.sendButton(FakeDiscord.ADMIN, FakeDiscord.GENERAL, button, messageId);
        String accepted = admin.awaitResponse(WAIT).path("content").asText();

        assertThat(member.awaitEphemeral(WAIT)).isTrue();
        assertThat(refused).contains("Manage Server");
        assertThat(openAfterRefusal).isEqualTo(SEASON.size() + 1);
        assertThat(admin.awaitEphemeral(WAIT)).isTrue();
        assertThat(accepted).isEqualTo("Accepted the hold of **list**: hold accepted, 5 posting(s) closed.");
        assertThat(open()).isEqualTo(1);
        assertThat(titles(notices())).endsWith("Source list: hold accepted");
    }

    @Test
    void anEarlierHoldsButtonDoesNotAcceptALaterHold() throws Exception {
        tern = start(true);
        tern.pollNow("list");
        closeTheSeason();
        tern.pollNow("list");
        JsonNode firstNotice = notices().getLast();
        SEASON.forEach(id -> listing.active(id, true));
        serve();
        tern.pollNow("list");
        Thread.sleep(5); // the second hold begins at a later instant, so it has another identity
        closeTheSeason();
        tern.pollNow("list");
        JsonNode secondNotice = notices().getLast();

        InteractionReply stale = discord.sendButton(
                FakeDiscord.ADMIN,
                FakeDiscord.GENERAL,
                buttonId(firstNotice),
                firstNotice.path("id").asText());
        String refused = stale.awaitResponse(WAIT).path("content").asText();
        int openAfterStale = open();
        InteractionReply current = discord.sendButton(
                FakeDiscord.ADMIN,
                FakeDiscord.GENERAL,
                buttonId(secondNotice),
                secondNotice.path("id").asText());
        String accepted = current.awaitResponse(WAIT).path("content").asText();

        assertThat(titles(notices()))
                .containsSubsequence("Source list: poll held", "Source list: hold cleared", "Source list: poll held");
        assertThat(buttonId(firstNotice)).isNotEqualTo(buttonId(secondNotice));
        assertThat(stale.awaitEphemeral(WAIT)).isTrue();
        assertThat(refused).contains("earlier hold of **list**").contains("/tern accept source:list");
        assertThat(openAfterStale).isEqualTo(SEASON.size() + 1);
        assertThat(accepted).isEqualTo("Accepted the hold of **list**: hold accepted, 5 posting(s) closed.");
        assertThat(open()).isEqualTo(1);
    }

    @Test
    void aSourceIdTooLongForTheButtonIsNamedByAHashThatStillAccepts() throws Exception {
        String longId = "a-board-with-a-very-long-id-" + "x".repeat(80);
        tern = start(true, longId);
        tern.pollNow(longId);
        closeTheSeason();
        tern.pollNow(longId);
        JsonNode notice = notices().getLast();
        String button = buttonId(notice);

        InteractionReply admin = discord.sendButton(
                FakeDiscord.ADMIN,
                FakeDiscord.GENERAL,
                button,
                notice.path("id").asText());

        assertThat(button).hasSizeLessThanOrEqualTo(100).doesNotContain(longId);
        assertThat(admin.awaitResponse(WAIT).path("content").asText()).contains("hold accepted, 5 posting(s) closed");
        assertThat(open()).isEqualTo(1);
    }

    @Test
    void withoutAnAdminChannelNoticesAreLoggedOnce() throws Exception {
        Logger admin = (Logger) LoggerFactory.getLogger("dev.tern.admin");
        ListAppender<ILoggingEvent> logged = new ListAppender<>();
        logged.start();
        admin.addAppender(logged);
        try {
            tern = start(false);
            tern.pollNow("list");
            closeTheSeason();
            tern.pollNow("list");
            tern.pollNow("list");

            assertThat(logged.list).singleElement().satisfies(event -> assertThat(event.getFormattedMessage())
                    .contains(AdminNotice.Kind.SOURCE_HELD.name())
                    .contains("tern accept list"));
            assertThat(notices()).isEmpty();
        } finally {
            admin.detachAppender(logged);
        }
    }

    private void closeTheSeason() {
        SEASON.forEach(id -> listing.active(id, false));
        serve();
    }

    private void serve() {
        board.serve("/listings.json", listing.json());
    }

    private int open() {
        return tern.services().subscriptions().status().sources().getFirst().openPostings();
    }

    private List<JsonNode> notices() {
        return discord.messages(FakeDiscord.GENERAL);
    }

    private static String buttonId(JsonNode notice) {
        return notice.at("/components/0/components/0/custom_id").asText();
    }

    private static List<String> titles(List<JsonNode> messages) {
        return messages.stream().map(m -> m.at("/embeds/0/title").asText()).toList();
    }

    private TernRuntime start(boolean adminChannel) throws Exception {
        return start(adminChannel, "list");
    }

    private TernRuntime start(boolean adminChannel, String sourceId) throws Exception {
        String yaml = """
                storage: { url: "jdbc:h2:file:%s" }
                sources:
                  - { id: %s, type: simplify, url: "%s/listings.json" }
                discord:
                  token: "%s"
                  guilds: ["%s"]
                  restBaseUrl: "%s"
                  gatewayUrl: "%s"
                """.formatted(
                                dir.resolve("tern"),
                                sourceId,
                                board.base(),
                                FakeDiscord.TOKEN,
                                FakeDiscord.GUILD_ID,
                                discord.restBaseUrl(),
                                discord.gatewayUrl())
                + (adminChannel ? "  adminChannel: \"" + FakeDiscord.GENERAL + "\"\n" : "");
        TernConfig config = ConfigOption.loader(Map.<String, String>of()::get).parse(yaml, "tern.yml");
        return TernRuntime.start(config, Clock.systemUTC(), new PrintWriter(new StringWriter(), true));
    }
}
