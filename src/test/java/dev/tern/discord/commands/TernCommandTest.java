package dev.tern.discord.commands;

import static dev.tern.discord.commands.CommandFixture.SIMPLIFY;
import static dev.tern.discord.commands.CommandFixture.TIMEOUT;
import static dev.tern.testing.TestPostings.posting;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tern.config.PollingConfig;
import dev.tern.config.SourceConfig;
import dev.tern.discord.fake.FakeDiscord;
import dev.tern.discord.fake.InteractionReply;
import dev.tern.discord.fake.Option;
import dev.tern.match.Matcher;
import dev.tern.match.SubscriptionIndex;
import dev.tern.poll.PollEvent;
import dev.tern.store.DeliveryStore;
import dev.tern.store.SourceStateStore;
import dev.tern.store.StoredPosting;
import dev.tern.testing.PollPipeline;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@code /tern status} and {@code /tern poll}, with a poll function that returns canned events. */
final class TernCommandTest {

    private static CommandFixture fixture;

    @BeforeAll
    static void start() {
        fixture = CommandFixture.start();
    }

    @AfterAll
    static void stop() {
        fixture.close();
    }

    @Test
    void statusShowsEachSourceTheOutboxBrokenTargetsAndSubscriptions() {
        Instant now = fixture.clock.instant();
        fixture.db.transaction((Connection c) -> {
            new SourceStateStore().recordSuccess(c, SIMPLIFY, null, null, now);
            new SourceStateStore().scheduleNextPoll(c, SIMPLIFY, now.plusSeconds(900));
            new SourceStateStore().recordFailure(c, CommandFixture.ACME, "HTTP 500", now);
            new DeliveryStore().enqueue(c, "f", "console", "simplify:ml1", "r", null, now);
            return null;
        });
        String user = fixture.newUser();
        fixture.text(user, "subscribe", Option.string("keywords", "ml"));
        long id = fixture.service.list(user).getFirst().id();
        fixture.service.markTargetBroken("discord:user/" + user, "Unknown User");

        JsonNode embeds = fixture.reply(FakeDiscord.ADMIN, "tern", Option.subcommand("status"))
                .path("embeds");

        JsonNode sources = embeds.get(0);
        assertThat(sources.path("title").asText()).isEqualTo("Sources (2)");
        assertThat(sources.path("description").asText())
                .isEqualTo("**simplify** (simplify): last success <t:" + now.getEpochSecond() + ":R> · 12 open · 0"
                        + " failures · next poll <t:" + (now.getEpochSecond() + 900) + ":R>\n"
                        + "**acme-greenhouse** (greenhouse): never polled successfully · 2 open · 1 failure · next"
                        + " poll not scheduled\n  failing: HTTP 500");
        JsonNode delivery = embeds.get(1);
        assertThat(field(delivery, "Outbox")).isEqualTo("1 pending, 0 failed");
        assertThat(field(delivery, "Subscriptions")).isEqualTo("0 active (0 paused), 1 broken; 1 subscriber");
        assertThat(field(delivery, "Broken targets"))
                .isEqualTo("discord:user/" + user + ": Unknown User (<t:" + now.getEpochSecond()
                        + ":R>); subscriptions #" + id);
    }

    @Test
    void pollDefersThenShowsWhatChanged() {
        fixture.pollNow(source -> List.of(
                new PollEvent.SourcePolled(source, 40, 2, 1, 0, 0, false, 123),
                new PollEvent.AlertQueued(source, "discord:user/1", null, "1", source + ":a"),
                new PollEvent.AlertQueued(source, "discord:user/2", null, "2", source + ":a")));

        InteractionReply reply =
                fixture.send(FakeDiscord.ADMIN, "tern", Option.subcommand("poll", Option.string("source", SIMPLIFY)));

        assertThat(reply.awaitCallbackType(TIMEOUT)).isEqualTo(InteractionReply.DEFER_REPLY);
        assertThat(reply.awaitEphemeral(TIMEOUT)).isTrue();
        JsonNode result = reply.awaitResponse(TIMEOUT);
        assertThat(result.path("content").asText())
                .isEqualTo("Polled **simplify**: 2 new, 1 updated, 0 closed, 0 reopened (40 postings, 123 ms);"
                        + " 2 alerts queued.");
        CommandFixture.assertNoMentions(result);
    }

    @Test
    void pollReportsSeedingHoldingAndFailure() {
        assertThat(poll(source -> List.of(new PollEvent.SourceSeeded(source, 30))))
                .isEqualTo("Polled **simplify**: seeded: stored 30 postings; a first poll sends no alerts.");
        assertThat(poll(source -> List.of(new PollEvent.SourceSuspicious(source, "would close 90% of postings"))))
                .isEqualTo("Polled **simplify**: held as suspicious, nothing closed: would close 90% of postings;"
                        + " `/tern accept` closes them now.");
        assertThat(poll(source -> List.of(new PollEvent.SourceFailed(source, "HTTP 503 from https://x.test/"))))
                .isEqualTo("Polled **simplify**: failed: HTTP 503 from https://x.test/; nothing was closed.");
        assertThat(poll(source -> {
                    throw new IllegalStateException("the database is gone");
                }))
                .isEqualTo("Polling **simplify** failed: the database is gone");
    }

    @Test
    void acceptClosesWhatAHeldPollKeptOpenThenSaysNothingIsHeld() {
        PollPipeline pipeline = PollPipeline.of(
                fixture.db,
                new Matcher(() -> SubscriptionIndex.of(List.of())),
                fixture.clock,
                PollingConfig.defaults());
        SourceConfig acme = new SourceConfig(
                CommandFixture.ACME,
                "greenhouse",
                Duration.ofMinutes(15),
                null,
                null,
                null,
                SourceConfig.Classify.INTERNSHIPS,
                false,
                Map.of());
        fixture.acceptHold((id, hold) -> pipeline.reconciler().accept(acme, hold, false));
        fixture.store(
                posting(CommandFixture.ACME, "held1").build(),
                posting(CommandFixture.ACME, "held2").build());
        List<String> held = List.of(CommandFixture.ACME + ":held1", CommandFixture.ACME + ":held2");
        fixture.db.transaction((Connection c) -> {
            pipeline.stores().sources().hold(c, CommandFixture.ACME, held, 0);
            return null;
        });

        String accepted = acceptReply();
        String again = acceptReply();

        assertThat(accepted).isEqualTo("Accepted the hold of **acme-greenhouse**: hold accepted, 2 posting(s) closed.");
        assertThat(again)
                .isEqualTo("**acme-greenhouse** holds no poll: nothing to accept. `/tern status` shows which sources"
                        + " are held.");
        Optional<StoredPosting> closed =
                fixture.db.read(c -> pipeline.stores().postings().find(c, held.get(0)));
        assertThat(closed).hasValueSatisfying(p -> assertThat(p.isOpen()).isFalse());
    }

    private String acceptReply() {
        InteractionReply reply = fixture.send(
                FakeDiscord.ADMIN, "tern", Option.subcommand("accept", Option.string("source", CommandFixture.ACME)));
        assertThat(reply.awaitCallbackType(TIMEOUT)).isEqualTo(InteractionReply.DEFER_REPLY);
        JsonNode result = reply.awaitResponse(TIMEOUT);
        CommandFixture.assertNoMentions(result);
        return result.path("content").asText();
    }

    @Test
    void pollOfAnUnknownSourceListsTheSourcesAndPollsNothing() {
        AtomicInteger polls = new AtomicInteger();
        fixture.pollNow(source -> {
            polls.incrementAndGet();
            return List.of();
        });

        String text =
                fixture.text(FakeDiscord.ADMIN, "tern", Option.subcommand("poll", Option.string("source", "nope")));

        assertThat(text)
                .isEqualTo("**source**: there is no source 'nope'; the sources are simplify, acme-greenhouse.\n"
                        + "Example: `/tern poll source:simplify`");
        assertThat(polls).hasValue(0);
    }

    @Test
    void autocompletesSourceIds() {
        assertThat(sourceChoices("")).containsExactly("simplify", "acme-greenhouse");
        assertThat(sourceChoices("ACME")).containsExactly("acme-greenhouse");
    }

    private static String poll(Function<String, List<PollEvent>> poll) {
        fixture.pollNow(poll);
        InteractionReply reply =
                fixture.send(FakeDiscord.ADMIN, "tern", Option.subcommand("poll", Option.string("source", SIMPLIFY)));
        return reply.awaitResponse(TIMEOUT).path("content").asText();
    }

    private static List<String> sourceChoices(String typed) {
        JsonNode answer = fixture.discord
                .sendAutocomplete(
                        FakeDiscord.ADMIN,
                        FakeDiscord.GENERAL,
                        "tern",
                        List.of(Option.subcommand("poll", Option.string("source", typed))),
                        "source")
                .awaitResponse(TIMEOUT);
        List<String> values = new ArrayList<>();
        answer.path("choices").forEach(c -> values.add(c.path("value").asText()));
        return values;
    }

    private static String field(JsonNode embed, String name) {
        for (JsonNode field : embed.path("fields")) {
            if (field.path("name").asText().equals(name)) {
                return field.path("value").asText();
            }
        }
        throw new AssertionError("no field " + name + " in " + embed);
    }
}
