package dev.tern.discord.fake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import net.dv8tion.jda.api.EmbedBuilder;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.components.actionrow.ActionRow;
import net.dv8tion.jda.api.components.buttons.Button;
import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.entities.channel.concrete.TextChannel;
import net.dv8tion.jda.api.exceptions.ErrorResponseException;
import net.dv8tion.jda.api.requests.ErrorResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The real JDA sending messages through the fake Discord: embeds, DMs, injected errors, 429s and nonces. */
final class FakeDiscordMessagesTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(15);
    private static final int EPHEMERAL = 64;

    private FakeDiscord discord;
    private JDA jda;

    @BeforeEach
    void startFake() {
        discord = FakeDiscord.start();
    }

    @AfterEach
    void stopAll() {
        FakeDiscord.disconnect(jda);
        discord.close();
    }

    @Test
    void channelMessageWithAnEmbedIsRecordedAndComesBackToJda() {
        jda = discord.connect(FakeDiscord.TOKEN);

        Message sent = jda.getTextChannelById(FakeDiscord.ALERTS)
                .sendMessageEmbeds(new EmbedBuilder()
                        .setTitle("Backend Intern", "https://example.com/job/1")
                        .setAuthor("Acme")
                        .build())
                .setComponents(ActionRow.of(Button.link("https://example.com/job/1", "Apply")))
                .setAllowedMentions(EnumSet.noneOf(Message.MentionType.class))
                .complete();

        assertThat(sent.getEmbeds()).singleElement().satisfies(e -> assertThat(e.getTitle())
                .isEqualTo("Backend Intern"));
        assertThat(sent.getChannelId()).isEqualTo(FakeDiscord.ALERTS);
        JsonNode body = discord.awaitRequest("POST", "channels/" + FakeDiscord.ALERTS + "/messages", TIMEOUT)
                .body();
        assertThat(body.path("embeds").get(0).path("author").path("name").asText())
                .isEqualTo("Acme");
        assertThat(body.path("allowed_mentions").path("parse")).isEmpty();
        assertThat(body.path("components")
                        .get(0)
                        .path("components")
                        .get(0)
                        .path("url")
                        .asText())
                .isEqualTo("https://example.com/job/1");
    }

    @Test
    void directMessageOpensAChannelPerUserAndPostsToIt() {
        jda = discord.connect(FakeDiscord.TOKEN);

        Message sent = jda.openPrivateChannelById(FakeDiscord.ALICE)
                .flatMap(channel -> channel.sendMessage("new posting"))
                .complete();

        String dm = discord.dmChannelId(FakeDiscord.ALICE);
        assertThat(sent.getChannelId()).isEqualTo(dm);
        assertThat(discord.awaitRequest("POST", "users/@me/channels", TIMEOUT)
                        .body()
                        .path("recipient_id")
                        .asText())
                .isEqualTo(FakeDiscord.ALICE);
        assertThat(discord.messages(dm))
                .singleElement()
                .satisfies(m -> assertThat(m.path("content").asText()).isEqualTo("new posting"));
        assertThat(discord.dmChannelId(FakeDiscord.BOB)).isNotEqualTo(dm);
    }

    @Test
    void injectedFailuresSurfaceAsErrorResponsesWithTheirCodes() {
        jda = discord.connect(FakeDiscord.TOKEN);
        discord.failNext("POST", "channels/" + FakeDiscord.GENERAL + "/messages", 404, 10003, "Unknown Channel");
        discord.failAlways(
                "POST",
                "channels/" + discord.dmChannelId(FakeDiscord.ALICE) + "/messages",
                403,
                50007,
                "Cannot send messages to this user");

        assertThatThrownBy(() -> general().sendMessage("x").complete())
                .isInstanceOfSatisfying(ErrorResponseException.class, e -> assertThat(e.getErrorResponse())
                        .isEqualTo(ErrorResponse.UNKNOWN_CHANNEL));
        assertThat(general().sendMessage("again").complete().getContentRaw()).isEqualTo("again");
        discord.failNext("POST", "channels/\\d+/messages", 403, 50001, "Missing Access");
        assertThatThrownBy(() -> general().sendMessage("x").complete())
                .isInstanceOfSatisfying(ErrorResponseException.class, e -> assertThat(e.getErrorResponse())
                        .isEqualTo(ErrorResponse.MISSING_ACCESS));
        for (int attempt = 0; attempt < 2; attempt++) {
            assertThatThrownBy(() -> jda.openPrivateChannelById(FakeDiscord.ALICE)
                            .flatMap(channel -> channel.sendMessage("hi"))
                            .complete())
                    .isInstanceOfSatisfying(ErrorResponseException.class, e -> assertThat(e.getErrorCode())
                            .isEqualTo(50007));
        }
    }

    @Test
    void rateLimitedRequestIsRetriedByJdaAfterTheWait() {
        jda = discord.connect(FakeDiscord.TOKEN);
        String path = "channels/" + FakeDiscord.GENERAL + "/messages";
        discord.rateLimitNext("POST", path, Duration.ofSeconds(1));

        Message sent = general().sendMessage("after the limit").complete();

        assertThat(sent.getContentRaw()).isEqualTo("after the limit");
        List<Recorded> posts = discord.requests("POST", path);
        assertThat(posts).extracting(Recorded::status).containsExactly(429, 200);
        assertThat(Duration.between(posts.get(0).at(), posts.get(1).at())).isGreaterThan(Duration.ofMillis(900));
    }

    @Test
    void enforcedNonceRepeatedInAChannelReturnsTheOriginalMessage() {
        jda = discord.connect(FakeDiscord.TOKEN);

        Message first = general().sendMessage("alert").setNonce("delivery-42").complete();
        Message again = general().sendMessage("alert").setNonce("delivery-42").complete();
        Message other = general().sendMessage("alert").setNonce("delivery-43").complete();

        assertThat(again.getId()).isEqualTo(first.getId());
        assertThat(other.getId()).isNotEqualTo(first.getId());
        List<Recorded> posts = discord.requests("POST", "channels/" + FakeDiscord.GENERAL + "/messages");
        assertThat(posts).hasSize(3);
        assertThat(posts.get(1).body().path("enforce_nonce").asBoolean()).isTrue();
        assertThat(discord.messages(FakeDiscord.GENERAL)).hasSize(2);
    }

    @Test
    void unknownRoutesAnswer404AndAreRecorded() {
        jda = discord.connect(FakeDiscord.TOKEN);

        assertThatThrownBy(() -> jda.retrieveApplicationInfo().complete()).isInstanceOf(ErrorResponseException.class);

        assertThat(discord.unknownRoutes()).singleElement().satisfies(r -> assertThat(r.path())
                .contains("applications/@me"));
    }

    private TextChannel general() {
        return jda.getTextChannelById(FakeDiscord.GENERAL);
    }
}
