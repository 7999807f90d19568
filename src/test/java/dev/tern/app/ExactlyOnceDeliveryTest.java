package dev.tern.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tern.discord.fake.FakeDiscord;
import dev.tern.store.DeliveryStatus;
import dev.tern.store.DeliveryStore;
import dev.tern.testing.ShownPostings;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Issue 12's two failure cases, reproduced against the fake Discord with the real JDA and a file H2: Tern stops
 * after Discord took a message (rows 5–7) but before recording it, more alerts (rows 8–15) are queued, and Tern
 * starts again, perhaps with another digest limit (so it would split differently). Every posting must be shown
 * exactly once in the route's channel and in the subscriber's DM; also when the restart comes after Discord forgot
 * the message's nonce.
 */
final class ExactlyOnceDeliveryTest {

    private static final String CHANNEL_MESSAGES = "channels/" + FakeDiscord.ALERTS + "/messages";
    private static final List<Integer> FIRST = List.of(5, 6, 7);
    private static final List<Integer> LATER =
            IntStream.rangeClosed(8, 15).boxed().toList();

    @TempDir
    Path dir;

    private TernWithFakeDiscord tern;
    private FakeDiscord discord;

    @BeforeEach
    void setUp() throws Exception {
        tern = new TernWithFakeDiscord(dir);
        discord = tern.discord;
    }

    @AfterEach
    void tearDown() {
        tern.close();
    }

    @ParameterizedTest(name = "digest after the restart: {0}")
    @ValueSource(ints = {10, 3})
    void aMessageDiscordTookJustBeforeACrashIsRecordedOnRestartAndLaterAlertsAllArriveOnce(int digestAfter)
            throws Exception {
        tern.add(FIRST);
        tern.poll();
        String original = onlyMessageId();

        crashBeforeRecordingTheSends();
        tern.restart(digestAfter);
        tern.add(LATER);
        tern.pollWithoutDelivering();
        tern.drain();

        assertShownOnce();
        assertThat(tern.channelDelivery(5).externalMessageId()).isEqualTo(original);
        assertThat(tern.channelDelivery(8).externalMessageId()).isNotEqualTo(original);
    }

    @ParameterizedTest(name = "digest after the restart: {0}")
    @ValueSource(ints = {10, 3})
    void aMessageDiscordNeverGotIsSentOnceAsFormedBeforeTheLaterAlerts(int digestAfter) throws Exception {
        discord.failNext("POST", CHANNEL_MESSAGES, 500, 0, "500: Internal Server Error");
        tern.add(FIRST);
        tern.poll();
        assertThat(discord.messages(FakeDiscord.ALERTS)).isEmpty();

        tern.restart(digestAfter);
        tern.add(LATER);
        tern.pollWithoutDelivering();
        tern.clock.advance(Duration.ofSeconds(31));
        tern.drain();

        assertShownOnce();
        assertThat(discord.messages(FakeDiscord.ALERTS).getFirst().get("embeds"))
                .as("the message formed before the restart, re-sent as formed")
                .hasSize(FIRST.size());
    }

    @Test
    void aMessageDiscordTookIsFoundInTheChannelWhenTheRestartComesAfterTheNonceWindow() throws Exception {
        tern.add(FIRST);
        tern.poll();
        String original = onlyMessageId();
        crashBeforeRecordingTheSends();

        tern.clock.advance(Duration.ofMinutes(10));
        tern.restart(10);
        tern.drain();

        assertThat(discord.requests("POST", CHANNEL_MESSAGES)).hasSize(1);
        assertThat(discord.requests("GET", CHANNEL_MESSAGES)).isNotEmpty();
        assertThat(ShownPostings.count(discord.messages(FakeDiscord.ALERTS))).containsOnly(expected(FIRST));
        assertThat(ShownPostings.count(discord.messages(discord.dmChannelId(FakeDiscord.ALICE))))
                .containsOnly(expected(FIRST));
        assertThat(tern.channelDelivery(5).status()).isEqualTo(DeliveryStatus.SENT);
        assertThat(tern.channelDelivery(5).externalMessageId()).isEqualTo(original);
    }

    @Test
    void aMessageDiscordNeverGotIsSentOnceWhenRetriedAfterTheNonceWindow() throws Exception {
        discord.failNext("POST", CHANNEL_MESSAGES, 500, 0, "500: Internal Server Error");
        tern.add(FIRST);
        tern.poll();

        tern.clock.advance(Duration.ofMinutes(10));
        tern.restart(10);
        tern.drain();

        assertThat(discord.requests("GET", CHANNEL_MESSAGES)).isNotEmpty();
        assertThat(discord.requests("POST", CHANNEL_MESSAGES)).hasSize(2);
        assertThat(ShownPostings.count(discord.messages(FakeDiscord.ALERTS))).containsOnly(expected(FIRST));
    }

    private void assertShownOnce() {
        List<Integer> all = Stream.concat(FIRST.stream(), LATER.stream()).toList();
        assertThat(ShownPostings.count(discord.messages(FakeDiscord.ALERTS)))
                .as("route channel")
                .containsOnly(expected(all));
        assertThat(ShownPostings.count(discord.messages(discord.dmChannelId(FakeDiscord.ALICE))))
                .as("Alice's DM")
                .containsOnly(expected(all));
        int pending = tern.tern().services().database().read(c -> new DeliveryStore().count(c, DeliveryStatus.PENDING));
        assertThat(pending).isZero();
    }

    @SuppressWarnings("unchecked")
    private static Map.Entry<String, Integer>[] expected(List<Integer> rows) {
        return rows.stream().map(i -> Map.entry(TernWithFakeDiscord.url(i), 1)).toArray(Map.Entry[]::new);
    }

    private String onlyMessageId() {
        assertThat(discord.messages(FakeDiscord.ALERTS)).hasSize(1);
        return discord.messages(FakeDiscord.ALERTS).getFirst().get("id").asText();
    }

    /** What the database holds when Tern dies after Discord took its messages and before it recorded them. */
    private void crashBeforeRecordingTheSends() {
        tern.tern().services().database().transaction(c -> {
            try (PreparedStatement messages = c.prepareStatement("UPDATE outbox_messages SET status = 'PENDING',"
                            + " channel_id = NULL, message_id = NULL, sent_at = NULL WHERE status = 'SENT'");
                    PreparedStatement deliveries = c.prepareStatement("UPDATE deliveries SET status = 'PENDING',"
                            + " external_message_id = NULL, sent_at = NULL, attempts = 0 WHERE status = 'SENT'")) {
                return messages.executeUpdate() + deliveries.executeUpdate();
            }
        });
    }
}
