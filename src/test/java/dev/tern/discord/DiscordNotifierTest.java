package dev.tern.discord;

import static dev.tern.testing.TestPostings.posting;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tern.config.Target;
import dev.tern.deliver.Alert;
import dev.tern.deliver.AlertMessage;
import dev.tern.deliver.DeliveryException;
import dev.tern.deliver.Receipt;
import dev.tern.discord.fake.FakeDiscord;
import dev.tern.store.MessageLayout;
import dev.tern.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.entities.channel.concrete.TextChannel;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The notifier against the fake Discord with the real JDA: what a message's key guarantees, and what it cannot. */
final class DiscordNotifierTest {

    private static final String TARGET = new Target.DiscordChannel(FakeDiscord.ALERTS).key();

    private final MutableClock clock = new MutableClock(Instant.now().truncatedTo(ChronoUnit.SECONDS));
    private FakeDiscord discord;
    private JDA jda;
    private DiscordNotifier notifier;

    @BeforeEach
    void setUp() {
        discord = FakeDiscord.start(clock);
        jda = discord.connect(FakeDiscord.TOKEN);
        notifier = new DiscordNotifier(jda, 10, clock);
    }

    @AfterEach
    void tearDown() {
        FakeDiscord.disconnect(jda);
        discord.close();
    }

    @Test
    void sendingTheSameMessageAgainWithinTheNonceWindowGivesTheSameDiscordMessage() throws Exception {
        AlertMessage message = message("tern-same", null);

        Receipt first = notifier.send(message);
        clock.advance(Duration.ofMinutes(1));
        Receipt again = notifier.send(message("tern-same", clock.instant().minus(Duration.ofMinutes(1))));

        assertThat(again).isEqualTo(first);
        assertThat(first.channelId()).isEqualTo(FakeDiscord.ALERTS);
        assertThat(discord.messages(FakeDiscord.ALERTS)).hasSize(1);
    }

    @Test
    void aNonceThatBringsBackAnotherMessageIsAnErrorNotASend() {
        jda.getChannelById(TextChannel.class, FakeDiscord.ALERTS)
                .sendMessage("an older message")
                .setNonce("tern-reused")
                .complete();

        assertThatThrownBy(() -> notifier.send(message("tern-reused", null)))
                .isInstanceOfSatisfying(DeliveryException.class, e -> assertThat(e.isPermanent())
                        .isFalse())
                .hasMessageContaining("another message");
        assertThat(discord.messages(FakeDiscord.ALERTS)).hasSize(1);
    }

    @Test
    void afterTheNonceWindowTheChannelIsSearchedForTheMessageBeforeSendingIt() throws Exception {
        Instant firstTry = clock.instant();
        Receipt sent = notifier.send(message("tern-late", null));
        for (int i = 0; i < 3; i++) {
            jda.getChannelById(TextChannel.class, FakeDiscord.ALERTS)
                    .sendMessage("chatter " + i)
                    .complete();
        }
        clock.advance(Duration.ofMinutes(30));

        Receipt found = notifier.send(message("tern-late", firstTry));

        assertThat(found).isEqualTo(sent);
        assertThat(discord.requests("POST", "channels/" + FakeDiscord.ALERTS + "/messages"))
                .hasSize(4);
    }

    @Test
    void aPostingWhoseLinkIsTooLongForAButtonIsDeliveredWithTheLinkOnItsTitle() throws Exception {
        String url = "https://jobs.example.com/apply?token=" + "a".repeat(600);
        Alert alert = new Alert(
                1, TARGET, "everything", null, posting("s1", "long").url(url).build());

        notifier.send(new AlertMessage(1, TARGET, "tern-long", MessageLayout.ITEMS, List.of(alert), null, null));

        List<JsonNode> sent = discord.messages(FakeDiscord.ALERTS);
        assertThat(sent).hasSize(1);
        assertThat(sent.getFirst().path("embeds").get(0).path("url").asText()).isEqualTo(url);
        assertThat(sent.getFirst().path("components").findValues("url"))
                .as("no link button: Discord refuses button URLs past 512 characters")
                .isEmpty();
    }

    @Test
    void aPostingWithAnOrdinaryLinkGetsAnApplyButton() throws Exception {
        notifier.send(message("tern-button", null));

        JsonNode sent = discord.messages(FakeDiscord.ALERTS).getFirst();
        assertThat(sent.path("components").findValues("url"))
                .extracting(JsonNode::asText)
                .containsExactly(posting("s1", "1").build().url());
    }

    private static AlertMessage message(String key, Instant firstTriedAt) {
        Alert alert =
                new Alert(1, TARGET, "everything", null, posting("s1", "1").build());
        return new AlertMessage(1, TARGET, key, MessageLayout.ITEMS, List.of(alert), firstTriedAt, null);
    }
}
