package dev.tern.discord.commands;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tern.discord.fake.FakeDiscord;
import dev.tern.discord.fake.InteractionReply;
import dev.tern.match.UserSubscription;
import dev.tern.poll.PollEvent;
import dev.tern.testing.HostileText;
import dev.tern.testing.PropertyRun;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The generated option sets of {@link SlashCommandPropertyTest}, fewer of them, end to end: each interaction goes
 * over the fake Discord's gateway WebSocket to the real JDA logged in by {@link dev.tern.discord.DiscordBot}, and
 * the replies come back over REST to the fake, where they are checked by the same {@link ReplyRules} and
 * {@link SlashCases#outcome}. This confirms that the in-process path of the larger test sees what Discord would.
 */
final class SlashCommandGatewayPropertyTest {

    private static final int CASES_PER_COMMAND = 60;
    private static final long SEED = 20_260_704L;
    private static final int USERS = 8;
    private static final int LIMIT = 25;
    private static final int QUIET_COMMAND_EVERY = 10;
    private static final Duration ANSWER = Duration.ofSeconds(20);

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
    void everyReplyOverTheGatewayIsEphemeralMentionsNoOneAndFitsDiscord() {
        PropertyRun run = PropertyRun.start("slash commands, over the fake Discord's gateway", SEED);
        List<String> users = new ArrayList<>(List.of(FakeDiscord.ADMIN));
        for (int i = 1; i < USERS; i++) {
            users.add(fixture.newUser());
        }
        fixture.pollNow(source -> List.of(
                new PollEvent.SourceFailed(source, HostileText.of(HostileText.anyKind(run.random()), run.random()))));
        SlashCases cases = new SlashCases(run.random(), List.of(CommandFixture.SIMPLIFY, CommandFixture.ACME));
        for (int i = 0; i < CASES_PER_COMMAND; i++) {
            for (String command : SlashCases.WITH_OPTIONS) {
                String user = HostileText.pick(users, run.random());
                List<Long> ids = fixture.service.list(user).stream()
                        .map(UserSubscription::id)
                        .toList();
                one(cases.next(command, ids), user, run, i);
            }
            if (i % QUIET_COMMAND_EVERY == 0) {
                for (String command : SlashCases.WITHOUT_OPTIONS) {
                    one(cases.next(command, List.of()), HostileText.pick(users, run.random()), run, i);
                }
            }
        }
        run.report();
        for (String command : SlashCases.WITH_OPTIONS) {
            assertThat(run.counted(command + ": cases")).isEqualTo(CASES_PER_COMMAND);
        }
        assertThat(fixture.discord.unknownRoutes()).isEmpty();
    }

    private static void one(SlashCases.Case c, String user, PropertyRun run, int number) {
        String context = "/" + c.command() + " case " + number + " " + c.options() + " (" + run.seedNote() + ")";
        InteractionReply reply = fixture.discord.sendSlashCommand(user, FakeDiscord.GENERAL, c.name(), c.sent());
        JsonNode callback = reply.awaitCallback(ANSWER);
        List<JsonNode> edits = callback.path("type").asInt() == InteractionReply.DEFER_REPLY
                ? List.of(reply.awaitEdit(1, ANSWER))
                : reply.edits();
        JsonNode shown = ReplyRules.check(List.of(callback), edits, reply.followUps(), context);
        run.count(c.command() + ": cases");
        run.count(c.command() + ": " + SlashCases.outcome(c, shown, context));
    }
}
