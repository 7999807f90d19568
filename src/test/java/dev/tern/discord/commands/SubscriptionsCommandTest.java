package dev.tern.discord.commands;

import static dev.tern.discord.commands.CommandFixture.TIMEOUT;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tern.config.FilterConfig;
import dev.tern.discord.fake.FakeDiscord;
import dev.tern.discord.fake.InteractionReply;
import dev.tern.discord.fake.Option;
import dev.tern.match.UserSubscription;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@code /subscriptions} with its Remove buttons, and {@code /unsubscribe} with its autocomplete. */
final class SubscriptionsCommandTest {

    /** Room for more subscriptions than buttons fit in a message. */
    private static final int LIMIT = 30;

    private static CommandFixture fixture;

    @BeforeAll
    static void start() {
        fixture = CommandFixture.start(LIMIT);
    }

    @AfterAll
    static void stop() {
        fixture.close();
    }

    @Test
    void listsEachSubscriptionWithWhereItGoesItsStateAndARemoveButton() {
        String user = fixture.newUser();
        long dm = subscribe(user, "ml");
        fixture.reply(
                FakeDiscord.ADMIN, "subscribe", Option.string("keywords", "data"), Option.string("deliver", "here"));
        long here = fixture.service.list(FakeDiscord.ADMIN).getLast().id();
        fixture.service.pause(user, Duration.ofHours(2));

        JsonNode mine = fixture.reply(user, "subscriptions");
        JsonNode admins = fixture.reply(FakeDiscord.ADMIN, "subscriptions");

        JsonNode embed = mine.path("embeds").get(0);
        assertThat(embed.path("title").asText()).isEqualTo("Your subscriptions (1)");
        assertThat(embed.path("description").asText())
                .isEqualTo("**#" + dm + "** keywords ml — by DM · paused until <t:1768485600:f>");
        assertThat(buttons(mine)).containsExactly("subscriptions:remove:" + dm + "=Remove #" + dm);
        assertThat(admins.path("embeds").get(0).path("description").asText())
                .contains("**#" + here + "** keywords data — in <#" + FakeDiscord.GENERAL + ">");
    }

    @Test
    void brokenSubscriptionsSaySo() {
        String user = fixture.newUser();
        long id = subscribe(user, "ml");
        fixture.service.markTargetBroken("discord:user/" + user, "Unknown User");

        assertThat(fixture.reply(user, "subscriptions")
                        .path("embeds")
                        .get(0)
                        .path("description")
                        .asText())
                .endsWith("**broken**: Tern cannot post there any more")
                .contains("#" + id);
    }

    @Test
    void withoutSubscriptionsItSaysHowToMakeOne() {
        JsonNode reply = fixture.reply(fixture.newUser(), "subscriptions");

        assertThat(reply.path("content").asText()).startsWith("You have no subscriptions. Make one with `/subscribe");
        assertThat(reply.path("components")).isEmpty();
    }

    @Test
    void theRemoveButtonRemovesAndUpdatesTheList() {
        String user = fixture.newUser();
        long first = subscribe(user, "ml");
        long second = subscribe(user, "ai");
        InteractionReply listed = fixture.send(user, "subscriptions");
        CommandFixture.ephemeral(listed);

        InteractionReply click = fixture.discord.sendButton(
                user,
                FakeDiscord.GENERAL,
                "subscriptions:remove:" + first,
                listed.messageId().orElseThrow());

        assertThat(click.awaitCallbackType(TIMEOUT)).isEqualTo(InteractionReply.UPDATE_MESSAGE);
        JsonNode updated = click.awaitResponse(TIMEOUT);
        CommandFixture.assertNoMentions(updated);
        assertThat(updated.path("content").asText()).isEqualTo("Removed subscription #" + first + ".");
        assertThat(updated.path("embeds").get(0).path("description").asText()).doesNotContain("#" + first + "**");
        assertThat(buttons(updated)).containsExactly("subscriptions:remove:" + second + "=Remove #" + second);
        assertThat(fixture.service.list(user)).extracting(UserSubscription::id).containsExactly(second);
    }

    @Test
    void removingTheLastOneLeavesNoButtons() {
        String user = fixture.newUser();
        long id = subscribe(user, "ml");
        InteractionReply listed = fixture.send(user, "subscriptions");
        CommandFixture.ephemeral(listed);

        JsonNode updated = fixture.discord
                .sendButton(
                        user,
                        FakeDiscord.GENERAL,
                        "subscriptions:remove:" + id,
                        listed.messageId().orElseThrow())
                .awaitResponse(TIMEOUT);

        assertThat(updated.path("content").asText()).startsWith("Removed subscription #" + id + ".\nYou have no");
        assertThat(updated.path("components")).isEmpty();
        assertThat(updated.path("embeds")).isEmpty();
    }

    @Test
    void someoneElseClickingRemoveRemovesNothing() {
        String owner = fixture.newUser();
        long id = subscribe(owner, "ml");
        InteractionReply listed = fixture.send(owner, "subscriptions");
        CommandFixture.ephemeral(listed);

        InteractionReply click = fixture.discord.sendButton(
                fixture.newUser(),
                FakeDiscord.GENERAL,
                "subscriptions:remove:" + id,
                listed.messageId().orElseThrow());

        assertThat(CommandFixture.ephemeral(click).path("content").asText())
                .startsWith("Subscription #" + id + " is not one of yours, or is already removed.");
        assertThat(fixture.service.list(owner)).hasSize(1);
    }

    @Test
    void atMost25ButtonsInFiveRows() {
        String user = fixture.newUser();
        for (int i = 0; i < LIMIT; i++) {
            fixture.service.subscribe(user, FakeDiscord.GUILD_ID, FakeDiscord.GENERAL, false, keywords("word" + i));
        }

        JsonNode reply = fixture.reply(user, "subscriptions");

        assertThat(reply.path("components")).hasSize(5);
        assertThat(buttons(reply)).hasSize(25);
        assertThat(reply.path("embeds").get(0).path("footer").path("text").asText())
                .isEqualTo("Showing 25 of 30; remove the others with /unsubscribe.");
    }

    @Test
    void unsubscribeRemovesOneOfYours() {
        String user = fixture.newUser();
        long id = subscribe(user, "ml");

        assertThat(fixture.text(user, "unsubscribe", Option.string("id", String.valueOf(id))))
                .isEqualTo("Removed subscription #" + id + "; it sends no more alerts.");
        assertThat(fixture.service.list(user)).isEmpty();
    }

    @Test
    void unsubscribeAllRemovesEveryOne() {
        String user = fixture.newUser();
        subscribe(user, "ml");
        subscribe(user, "ai");

        assertThat(fixture.text(user, "unsubscribe", Option.string("id", "all")))
                .isEqualTo("Removed all 2 of your subscriptions.");
        assertThat(fixture.text(user, "unsubscribe", Option.string("id", "all")))
                .isEqualTo("You had no subscriptions, so there was nothing to remove.");
    }

    @Test
    void unsubscribeRefusesUnknownAndSomeoneElsesIds() {
        String user = fixture.newUser();
        String owner = fixture.newUser();
        long theirs = subscribe(owner, "ml");

        String foreign = fixture.text(user, "unsubscribe", Option.string("id", String.valueOf(theirs)));
        String unknown = fixture.text(user, "unsubscribe", Option.string("id", "999999"));
        String malformed = fixture.text(user, "unsubscribe", Option.string("id", "ml intern"));

        assertThat(foreign)
                .isEqualTo("**id**: you have no subscription #" + theirs + ". Run /subscriptions to see yours with"
                        + " their ids.\nExample: `id:12` or `id:all`");
        assertThat(unknown).startsWith("**id**: you have no subscription #999999.");
        assertThat(malformed)
                .startsWith("**id**: 'ml intern' is not a subscription id.")
                .contains("/subscriptions");
        assertThat(fixture.service.list(owner)).extracting(UserSubscription::id).containsExactly(theirs);
    }

    @Test
    void unsubscribeOffersAllAndTheUsersOwnSubscriptions() {
        String user = fixture.newUser();
        long ml = subscribe(user, "ml");
        long ai = subscribe(user, "ai");
        subscribe(fixture.newUser(), "ml");

        assertThat(fixture.choices(user, "unsubscribe", "id", ""))
                .containsExactly(
                        "all: remove every subscription of yours=all",
                        "#" + ml + " keywords ml=" + ml,
                        "#" + ai + " keywords ai=" + ai);
        assertThat(fixture.choices(user, "unsubscribe", "id", "AI")).containsExactly("#" + ai + " keywords ai=" + ai);
    }

    @Test
    void unsubscribeChoiceNamesAreCutTo100Characters() {
        String user = fixture.newUser();
        long id = subscribe(user, "a".repeat(150));

        assertThat(fixture.choices(user, "unsubscribe", "id", "#" + id))
                .singleElement()
                .satisfies(choice ->
                        assertThat(choice).hasSize(100 + 1 + String.valueOf(id).length()));
    }

    private static long subscribe(String user, String keywords) {
        fixture.reply(user, "subscribe", Option.string("keywords", keywords));
        return fixture.service.list(user).getLast().id();
    }

    private static FilterConfig keywords(String keywords) {
        return new FilterConfig(keywords, null, null, null, null, null, true);
    }

    /** Every button of a message, as {@code custom_id=label}. */
    private static List<String> buttons(JsonNode message) {
        List<String> buttons = new ArrayList<>();
        message.path("components").forEach(row -> row.path("components")
                .forEach(b -> buttons.add(
                        b.path("custom_id").asText() + "=" + b.path("label").asText())));
        return buttons;
    }
}
