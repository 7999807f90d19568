package dev.tern.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tern.discord.fake.FakeDiscord;
import dev.tern.discord.fake.Recorded;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 7.3 against the fake Discord with the real JDA: when a posting closes, every message that alerted it is
 * edited in place (PATCH on the same message, never a new one) to say so, and edited back when it reopens.
 */
final class ClosedAlertEditTest {

    private static final int GREY = 0x99AAB5;
    private static final int BLUE = 0x2F80ED;

    @TempDir
    Path dir;

    private TernWithFakeDiscord tern;
    private FakeDiscord discord;
    private String dm;

    @BeforeEach
    void setUp() throws Exception {
        tern = new TernWithFakeDiscord(dir);
        discord = tern.discord;
        dm = discord.dmChannelId(FakeDiscord.ALICE);
    }

    @AfterEach
    void tearDown() {
        tern.close();
    }

    @Test
    void anAlertInAChannelAndOneByDmAreEditedToClosedWhenThePostingClosesAndBackWhenItReopens() {
        tern.add(List.of(1));
        tern.poll();
        JsonNode channelBefore = only(FakeDiscord.ALERTS);
        JsonNode dmBefore = only(dm);

        tern.active(1, false);
        tern.poll();

        for (JsonNode before : List.of(channelBefore, dmBefore)) {
            String channel = before.get("channel_id").asText();
            JsonNode closed = only(channel);
            assertThat(closed.get("id")).isEqualTo(before.get("id"));
            JsonNode embed = closed.get("embeds").get(0);
            assertThat(embed.get("title").asText()).isEqualTo("Closed: Intern 1");
            assertThat(embed.get("color").asInt()).isEqualTo(GREY);
            assertThat(embed.get("footer").get("text").asText())
                    .startsWith("Closed ")
                    .endsWith(footer(before).substring(footer(before).lastIndexOf(" · ref ")));
            assertThat(closed.get("components")).as("the Apply button is gone").isEmpty();
            Recorded patch = discord.awaitRequest("PATCH", messagePath(before), Duration.ofSeconds(5));
            assertThat(patch.body().get("allowed_mentions").get("parse")).isEmpty();
        }
        assertThat(discord.requests("POST", "channels/\\d+/messages")).hasSize(2);

        tern.active(1, true);
        tern.poll();

        for (JsonNode before : List.of(channelBefore, dmBefore)) {
            JsonNode reopened = only(before.get("channel_id").asText());
            assertThat(reopened.get("embeds")).isEqualTo(before.get("embeds"));
            assertThat(reopened.get("components")).isEqualTo(before.get("components"));
            assertThat(discord.requests("PATCH", messagePath(before))).hasSize(2);
        }
        assertThat(discord.requests("POST", "channels/\\d+/messages")).hasSize(2);
    }

    @Test
    void aPostingThatClosesByMissingFromPollsIsEditedToo() {
        tern.add(List.of(1, 2, 3));
        tern.poll();

        tern.remove(2);
        tern.poll();
        assertThat(discord.requests("PATCH", "channels/\\d+/messages/\\d+"))
                .as("one miss closes nothing")
                .isEmpty();
        tern.poll();

        assertThat(only(FakeDiscord.ALERTS).get("embeds").get(1).get("title").asText())
                .isEqualTo("Closed: ~~Intern 2~~");
        assertThat(only(dm).get("embeds").get(1).get("title").asText()).isEqualTo("Closed: ~~Intern 2~~");
    }

    @Test
    void inABatchOnlyTheClosedPostingsEmbedAndButtonChange() {
        tern.add(List.of(1, 2, 3));
        tern.poll();
        JsonNode before = only(FakeDiscord.ALERTS);

        tern.active(2, false);
        tern.poll();

        JsonNode after = only(FakeDiscord.ALERTS);
        assertThat(after.get("embeds").get(1).get("title").asText()).isEqualTo("Closed: ~~Intern 2~~");
        assertThat(after.get("embeds").get(1).get("color").asInt()).isEqualTo(GREY);
        assertThat(after.get("embeds").get(0)).isEqualTo(before.get("embeds").get(0));
        assertThat(after.get("embeds").get(2)).isEqualTo(before.get("embeds").get(2));
        assertThat(after.get("embeds").get(0).get("color").asInt()).isEqualTo(BLUE);
        assertThat(after.get("components").get(0).get("components"))
                .extracting(b -> b.get("url").asText())
                .containsExactly(TernWithFakeDiscord.url(1), TernWithFakeDiscord.url(3));
    }

    @Test
    void aDigestStrikesOnlyTheClosedPostingsLine() {
        tern.add(IntStream.rangeClosed(1, 12).boxed().toList());
        tern.poll();
        List<String> before = digestLines();

        tern.active(3, false);
        tern.poll();

        List<String> after = digestLines();
        assertThat(after).hasSameSizeAs(before);
        List<String> changed = IntStream.range(0, before.size())
                .filter(i -> !before.get(i).equals(after.get(i)))
                .mapToObj(after::get)
                .toList();
        assertThat(changed)
                .singleElement()
                .asString()
                .startsWith("• ~~")
                .contains("[Intern 3](" + TernWithFakeDiscord.url(3) + ")")
                .endsWith("~~ (closed)");
    }

    @Test
    void aMessageAUserDeletedEndsItsEditQuietly() {
        tern.add(List.of(1));
        tern.poll();
        JsonNode deleted = only(FakeDiscord.ALERTS);
        discord.deleteMessage(deleted.get("id").asText());

        tern.active(1, false);
        tern.poll();
        tern.active(1, true);
        tern.poll();

        assertThat(discord.requests("PATCH", messagePath(deleted)))
                .as("one try, answered 10008, and no edit after that")
                .singleElement()
                .extracting(Recorded::status)
                .isEqualTo(404);
        assertThat(discord.requests("PATCH", "channels/" + dm + "/messages/\\d+"))
                .hasSize(2);
        assertThat(tern.tern().services().subscriptions().status().brokenTargets())
                .isEmpty();
    }

    @Test
    void aRestartBetweenTheCloseAndTheEditStillEditsOnce() throws Exception {
        tern.add(List.of(1));
        tern.poll();
        JsonNode before = only(FakeDiscord.ALERTS);

        tern.active(1, false);
        tern.pollWithoutDelivering();
        tern.restart(10);
        tern.drain();
        tern.drain();

        assertThat(discord.requests("PATCH", messagePath(before))).hasSize(1);
        assertThat(only(FakeDiscord.ALERTS).get("embeds").get(0).get("title").asText())
                .isEqualTo("Closed: Intern 1");
        assertThat(discord.requests("PATCH", "channels/" + dm + "/messages/\\d+"))
                .hasSize(1);
    }

    private List<String> digestLines() {
        return only(FakeDiscord.ALERTS)
                .get("embeds")
                .get(0)
                .get("description")
                .asText()
                .lines()
                .toList();
    }

    private JsonNode only(String channelId) {
        List<JsonNode> messages = discord.messages(channelId);
        assertThat(messages).as("messages in " + channelId).hasSize(1);
        return messages.getFirst();
    }

    private static String footer(JsonNode message) {
        return message.get("embeds").get(0).get("footer").get("text").asText();
    }

    private static String messagePath(JsonNode message) {
        return "channels/" + message.get("channel_id").asText() + "/messages/"
                + message.get("id").asText();
    }
}
