package dev.tern.discord.fake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.Permission;
import net.dv8tion.jda.api.components.actionrow.ActionRow;
import net.dv8tion.jda.api.components.buttons.Button;
import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.entities.channel.concrete.TextChannel;
import net.dv8tion.jda.api.events.interaction.command.CommandAutoCompleteInteractionEvent;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import net.dv8tion.jda.api.events.interaction.component.ButtonInteractionEvent;
import net.dv8tion.jda.api.exceptions.InvalidTokenException;
import net.dv8tion.jda.api.hooks.ListenerAdapter;
import net.dv8tion.jda.api.interactions.commands.Command;
import net.dv8tion.jda.api.interactions.commands.DefaultMemberPermissions;
import net.dv8tion.jda.api.interactions.commands.OptionType;
import net.dv8tion.jda.api.interactions.commands.build.Commands;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The real JDA against the fake Discord: login, command registration, and every kind of interaction. */
final class FakeDiscordTest {

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
    void realJdaLogsInLoadsTheGuildAndShutsDownCleanly() throws InterruptedException {
        jda = discord.connect(FakeDiscord.TOKEN);

        assertThat(jda.getSelfUser().getId()).isEqualTo(FakeDiscord.BOT_ID);
        assertThat(jda.getGuildById(FakeDiscord.GUILD_ID)).isNotNull();
        assertThat(jda.getTextChannelById(FakeDiscord.GENERAL).getName()).isEqualTo("general");
        assertThat(jda.getTextChannelById(FakeDiscord.ALERTS).canTalk()).isTrue();
        Recorded me = discord.awaitRequest("GET", "users/@me", TIMEOUT);
        assertThat(me.authorizedWith(FakeDiscord.TOKEN)).isTrue();
        assertThat(me.toString()).doesNotContain(FakeDiscord.TOKEN);
        assertThat(discord.gatewayLogins()).isEqualTo(1);

        jda.shutdown();
        if (!jda.awaitShutdown(Duration.ofSeconds(10))) {
            // Rarely JDA's gateway socket lingers after a clean close; Tern's own stop does the same.
            jda.shutdownNow();
            jda.awaitShutdown(Duration.ofSeconds(5));
        }
        assertThat(jda.getStatus()).isEqualTo(JDA.Status.SHUTDOWN);
    }

    @Test
    void invalidTokenIsRejectedAtLogin() {
        discord.failAlways("GET", "users/@me", 401, 0, "401: Unauthorized");

        assertThatThrownBy(() -> discord.jdaBuilder("bad-token").build()).isInstanceOf(InvalidTokenException.class);
    }

    @Test
    void recordsTheGuildCommandsJdaRegisters() {
        jda = discord.connect(FakeDiscord.TOKEN);

        List<Command> registered = jda.getGuildById(FakeDiscord.GUILD_ID)
                .updateCommands()
                .addCommands(Commands.slash("subscribe", "Get alerts")
                        .addOption(OptionType.STRING, "keywords", "What to look for", true)
                        .addOption(OptionType.INTEGER, "start_year", "When", false, true)
                        .setDefaultPermissions(DefaultMemberPermissions.enabledFor(Permission.MANAGE_CHANNEL)))
                .complete();

        assertThat(registered).singleElement().satisfies(c -> assertThat(c.getId())
                .isNotBlank());
        JsonNode command = discord.registeredCommands().get(0);
        assertThat(command.path("name").asText()).isEqualTo("subscribe");
        assertThat(command.path("options").get(0).path("type").asInt()).isEqualTo(OptionType.STRING.getKey());
        assertThat(command.path("options").get(1).path("autocomplete").asBoolean())
                .isTrue();
        assertThat(command.path("default_member_permissions").asText())
                .isEqualTo(Long.toString(Permission.MANAGE_CHANNEL.getRawValue()));
        assertThat(discord.requests("PUT", "applications/\\d+/guilds/" + FakeDiscord.GUILD_ID + "/commands"))
                .hasSize(1);
    }

    @Test
    void slashCommandGetsAnEphemeralReplyWithTheUsersPermissions() {
        jda = discord.connect(FakeDiscord.TOKEN, new ListenerAdapter() {
            @Override
            public void onSlashCommandInteraction(SlashCommandInteractionEvent event) {
                boolean manager = event.getMember().hasPermission(Permission.MANAGE_SERVER);
                event.reply(event.getOption("word").getAsString() + " manager=" + manager)
                        .setEphemeral(true)
                        .queue();
            }
        });

        InteractionReply alice = discord.sendSlashCommand(
                FakeDiscord.ALICE, FakeDiscord.GENERAL, "echo", List.of(Option.string("word", "hello")));
        InteractionReply admin = discord.sendSlashCommand(
                FakeDiscord.ADMIN, FakeDiscord.GENERAL, "echo", List.of(Option.string("word", "hi")));

        JsonNode callback = alice.awaitCallback(TIMEOUT);
        assertThat(callback.path("type").asInt()).isEqualTo(InteractionReply.REPLY);
        assertThat(callback.path("data").path("flags").asInt()).isEqualTo(EPHEMERAL);
        assertThat(alice.awaitResponse(TIMEOUT).path("content").asText()).isEqualTo("hello manager=false");
        assertThat(admin.awaitResponse(TIMEOUT).path("content").asText()).isEqualTo("hi manager=true");
        assertThat(alice.messageId()).isPresent();
    }

    @Test
    void deferredReplyResolvesToTheEditedOriginal() {
        jda = discord.connect(FakeDiscord.TOKEN, new ListenerAdapter() {
            @Override
            public void onSlashCommandInteraction(SlashCommandInteractionEvent event) {
                String answer = event.getSubcommandName() + " "
                        + event.getOption("source").getAsString() + " "
                        + event.getOption("count").getAsLong() + " "
                        + event.getOption("force").getAsBoolean();
                event.deferReply(true).queue(hook -> hook.editOriginal(answer).queue());
            }
        });

        InteractionReply reply = discord.sendSlashCommand(
                FakeDiscord.ADMIN,
                FakeDiscord.GENERAL,
                "tern",
                List.of(Option.subcommand(
                        "poll",
                        Option.string("source", "simplify"),
                        Option.integer("count", 3),
                        Option.bool("force", true))));

        assertThat(reply.awaitCallbackType(TIMEOUT)).isEqualTo(InteractionReply.DEFER_REPLY);
        assertThat(reply.awaitEphemeral(TIMEOUT)).isTrue();
        assertThat(reply.awaitResponse(TIMEOUT).path("content").asText()).isEqualTo("poll simplify 3 true");
        discord.awaitRequest("PATCH", "webhooks/" + FakeDiscord.APPLICATION_ID + "/[^/]+/messages/@original", TIMEOUT);
    }

    @Test
    void autocompleteSeesTheFocusedOptionAndAnswersChoices() {
        jda = discord.connect(FakeDiscord.TOKEN, new ListenerAdapter() {
            @Override
            public void onCommandAutoCompleteInteraction(CommandAutoCompleteInteractionEvent event) {
                String typed = event.getFocusedOption().getName() + ":"
                        + event.getFocusedOption().getValue();
                event.replyChoice(typed, "toronto").queue();
            }
        });

        InteractionReply reply = discord.sendAutocomplete(
                FakeDiscord.ALICE,
                FakeDiscord.GENERAL,
                "subscribe",
                List.of(Option.string("keywords", "backend"), Option.string("location", "Tor")),
                "location");

        assertThat(reply.awaitCallbackType(TIMEOUT)).isEqualTo(InteractionReply.AUTOCOMPLETE_RESULT);
        JsonNode choice = reply.awaitResponse(TIMEOUT).path("choices").get(0);
        assertThat(choice.path("name").asText()).isEqualTo("location:Tor");
        assertThat(choice.path("value").asText()).isEqualTo("toronto");
    }

    @Test
    void buttonClickUpdatesTheMessageItWasOn() {
        jda = discord.connect(FakeDiscord.TOKEN, new ListenerAdapter() {
            @Override
            public void onButtonInteraction(ButtonInteractionEvent event) {
                event.editMessage("removed " + event.getComponentId())
                        .setComponents()
                        .queue();
            }
        });
        Message posted = general()
                .sendMessage("your subscriptions")
                .setComponents(ActionRow.of(Button.danger("remove:7", "Remove")))
                .complete();

        InteractionReply reply = discord.sendButton(FakeDiscord.ALICE, FakeDiscord.GENERAL, "remove:7", posted.getId());

        assertThat(reply.awaitCallbackType(TIMEOUT)).isEqualTo(InteractionReply.UPDATE_MESSAGE);
        assertThat(reply.awaitResponse(TIMEOUT).path("content").asText()).isEqualTo("removed remove:7");
        assertThat(discord.messages(FakeDiscord.GENERAL))
                .singleElement()
                .satisfies(m -> assertThat(m.path("content").asText()).isEqualTo("removed remove:7"));
    }

    @Test
    void followUpsAndClicksOnAnEphemeralReplyReachTheSameInteractionFlow() {
        jda = discord.connect(FakeDiscord.TOKEN, new ListenerAdapter() {
            @Override
            public void onSlashCommandInteraction(SlashCommandInteractionEvent event) {
                event.reply("page 1")
                        .setEphemeral(true)
                        .setComponents(ActionRow.of(Button.secondary("page:2", "Next")))
                        .queue(hook ->
                                hook.sendMessage("also this").setEphemeral(true).queue());
            }

            @Override
            public void onButtonInteraction(ButtonInteractionEvent event) {
                boolean ephemeral = event.getMessage().isEphemeral();
                event.editMessage("page 2 ephemeral=" + ephemeral).queue();
            }
        });
        InteractionReply command =
                discord.sendSlashCommand(FakeDiscord.ALICE, FakeDiscord.GENERAL, "postings", List.of());
        assertThat(command.awaitFollowUp(1, TIMEOUT).path("content").asText()).isEqualTo("also this");

        InteractionReply click = discord.sendButton(
                FakeDiscord.ALICE,
                FakeDiscord.GENERAL,
                "page:2",
                command.messageId().orElseThrow());

        assertThat(click.awaitResponse(TIMEOUT).path("content").asText()).isEqualTo("page 2 ephemeral=true");
    }

    @Test
    void aRestartedBotLogsInAgainAndGetsTheNextInteraction() {
        JDA first = discord.connect(FakeDiscord.TOKEN);
        FakeDiscord.disconnect(first);
        jda = discord.connect(FakeDiscord.TOKEN, new ListenerAdapter() {
            @Override
            public void onSlashCommandInteraction(SlashCommandInteractionEvent event) {
                event.reply("second").queue();
            }
        });

        InteractionReply reply = discord.sendSlashCommand(FakeDiscord.BOB, FakeDiscord.ALERTS, "status", List.of());

        assertThat(reply.awaitResponse(TIMEOUT).path("content").asText()).isEqualTo("second");
        assertThat(discord.gatewayLogins()).isEqualTo(2);
        assertThat(first.getStatus()).isEqualTo(JDA.Status.SHUTDOWN);
    }

    @Test
    void interactingWithoutAConnectedJdaIsAClearError() {
        assertThatThrownBy(() -> discord.sendSlashCommand(FakeDiscord.ALICE, FakeDiscord.GENERAL, "ping", List.of()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("connect");
    }

    private TextChannel general() {
        return jda.getTextChannelById(FakeDiscord.GENERAL);
    }
}
