package dev.tern.discord.commands;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tern.discord.fake.FakeDiscord;
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
 * Every slash command's real handler on generated option sets ({@link SlashCases}: empty, blank, huge, unicode,
 * control characters, mentions, {@code @everyone}, Markdown, broken keyword queries, out-of-range years, and valid
 * values), with the commands without options run in between on the state this builds (subscriptions with hostile
 * descriptions, pauses). Every answer is checked by {@link ReplyRules} (ephemeral, no mentions, within Discord's
 * limits, never the apology of a failed handler) and by {@link SlashCases#outcome} (a surely invalid option is
 * refused by name with an example; valid ones are not).
 *
 * <p>Why this path: through the fake Discord's WebSocket and REST server an interaction costs a few milliseconds
 * of round trips, so {@link SlashCommandGatewayPropertyTest} sends only a few hundred that way. Here the real JDA
 * is logged in to the fake Discord as usual, and each INTERACTION_CREATE payload is handed to JDA's own gateway
 * handler on the test thread, exactly as JDA's WebSocket reader does with an event frame; JDA builds the event and
 * calls the {@link CommandRouter} that production registers, which calls the command's handler with the real
 * {@link dev.tern.match.SubscriptionService} over H2. The replies go through JDA's reply actions, request
 * serialisation and rate limiter into its HTTP client, where {@link ReplyCapture} answers them in process and
 * keeps the JSON bodies that would have gone to Discord. Only the socket round trips are left out.
 *
 * <p>How many: {@link #CASES_PER_COMMAND} option sets per command with options, 10,000 by default (the measure of
 * issue 7; about a millisecond or more per interaction even in process); {@code -Dtern.slash.cases=N} runs another
 * number. The seed is fixed; {@code -Dtern.seed=N} runs another one. The output counts the options of each kind and the replies of each kind per command.
 */
final class SlashCommandPropertyTest {

    /** Option sets per command with options; {@code -Dtern.slash.cases=N} runs another number. */
    static final int CASES_PER_COMMAND = Integer.getInteger("tern.slash.cases", 10_000);

    private static final long SEED = 20_260_703L;
    private static final int USERS = 40;
    private static final int LIMIT = 25;
    private static final int QUIET_COMMAND_EVERY = 10;
    private static final Duration ANSWER = Duration.ofSeconds(20);

    private static CommandFixture fixture;

    @BeforeAll
    static void start() {
        fixture = CommandFixture.inProcess(LIMIT);
    }

    @AfterAll
    static void stop() {
        fixture.close();
    }

    @Test
    void everyReplyIsEphemeralMentionsNoOneFitsDiscordAndRefusesBadOptionsByName() throws Exception {
        PropertyRun run = PropertyRun.start("slash commands, in process", SEED);
        List<String> users = users();
        fixture.pollNow(source -> pollEvents(source, run));
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
        String report = run.report();
        assertThat(report).contains("subscribe: subscribed", "postings: search results", "unsubscribe: removed");
        for (String command : SlashCases.WITH_OPTIONS) {
            assertThat(run.counted(command + ": cases")).isEqualTo(CASES_PER_COMMAND);
        }
    }

    private void one(SlashCases.Case c, String user, PropertyRun run, int number) throws InterruptedException {
        String context = "/" + c.command() + " case " + number + " " + c.options() + " (" + run.seedNote() + ")";
        ReplyCapture.Exchange exchange = fixture.dispatch(user, c.name(), c.sent());
        assertThat(exchange.awaitAnswer(ANSWER))
                .as(context + ": answered; " + exchange)
                .isTrue();
        JsonNode shown;
        synchronized (exchange) {
            shown = ReplyRules.check(exchange.callbacks, exchange.edits, exchange.followUps, context);
        }
        fixture.forget(exchange);
        run.count(c.command() + ": cases");
        run.count(c.command() + ": " + SlashCases.outcome(c, shown, context));
        c.kinds().forEach(kind -> run.count("option " + kind));
    }

    /** What {@code /tern poll} reports: events whose texts are as hostile as the options. */
    private static List<PollEvent> pollEvents(String source, PropertyRun run) {
        String text = HostileText.of(HostileText.anyKind(run.random()), run.random());
        return List.of(
                new PollEvent.SourcePolled(source, 40, 2, 1, 0, 0, false, 123),
                new PollEvent.SourceFailed(source, text),
                new PollEvent.SourceSuspicious(source, text));
    }

    private static List<String> users() {
        List<String> users = new ArrayList<>(List.of(FakeDiscord.ADMIN));
        for (int i = 1; i < USERS; i++) {
            users.add(fixture.newUser());
        }
        return users;
    }
}
