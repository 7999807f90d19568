package dev.tern.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tern.config.PollingConfig;
import dev.tern.config.SourceConfig;
import dev.tern.match.Matcher;
import dev.tern.match.SubscriptionIndex;
import dev.tern.poll.PollEvent;
import dev.tern.source.Http;
import dev.tern.store.Database;
import dev.tern.testing.BoardServer;
import dev.tern.testing.PollPipeline;
import dev.tern.testing.SimplifyListing;
import dev.tern.testing.TestPostgres;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The clustered schedule on a real PostgreSQL (Quartz's JDBC job store): a source whose next poll vanished from the
 * shared schedule (a reschedule that failed, a turn taken by an instance without the source) is put back within two
 * resyncs, instead of never being polled again.
 */
final class ClusteredScheduleTest {

    private final BoardServer board = BoardServer.start();
    private final Database database =
            Database.open(TestPostgres.server().newDatabase(), TestPostgres.USER, TestPostgres.PASSWORD);
    private final Http http = new Http(Duration.ofSeconds(5), 1_000_000, "tern-test");
    private final List<PollEvent> events = new CopyOnWriteArrayList<>();

    ClusteredScheduleTest() throws Exception {}

    @AfterEach
    void tearDown() {
        http.close();
        database.close();
        board.close();
    }

    @Test
    void aSourceWhosePollVanishedFromTheSharedScheduleIsScheduledAgain() throws Exception {
        board.serve(
                "/ok.json",
                new SimplifyListing()
                        .add("a", "Acme", "Intern", "Boston, MA", Instant.now())
                        .json());
        Clock clock = Clock.systemUTC();
        SourceConfig source = new SourceConfig(
                "good",
                "simplify",
                Duration.ofMinutes(30),
                null,
                null,
                null,
                SourceConfig.Classify.ALL,
                false,
                Map.of("url", board.base() + "/ok.json"));
        PollPipeline pipeline = PollPipeline.of(
                database,
                new Matcher(() -> SubscriptionIndex.of(List.of())),
                clock,
                PollingConfig.defaults(),
                http,
                List.of(source));

        try (PollScheduler scheduler = new PollScheduler(
                new PollScheduler.Clustered(database, () -> {}),
                List.of(source),
                pipeline.poller(),
                pipeline.states(),
                () -> {},
                clock,
                new SplittableRandom(1),
                (id, polled, took) -> events.addAll(polled))) {
            scheduler.start();
            await(() -> polls() == 1, Duration.ofSeconds(20));
            assertThat(triggers())
                    .as("the next poll, 30 minutes away, is on the shared schedule")
                    .isEqualTo(1);

            deleteTriggers();

            await(() -> polls() == 2, PollScheduler.RESYNC_EVERY.multipliedBy(3));
            await(() -> triggers() == 1, Duration.ofSeconds(10));
        }
    }

    private long polls() {
        return events.stream()
                .filter(e -> e instanceof PollEvent.SourceSeeded || e instanceof PollEvent.SourcePolled)
                .count();
    }

    private int triggers() {
        return database.read((Connection c) -> {
            try (var statement = c.createStatement();
                    var rows = statement.executeQuery(
                            "SELECT COUNT(*) FROM qrtz_triggers WHERE trigger_group = 'poll' AND trigger_name = 'good'")) {
                rows.next();
                return rows.getInt(1);
            }
        });
    }

    /** What a failed reschedule leaves: the durable job without a trigger. */
    private void deleteTriggers() {
        database.transaction((Connection c) -> {
            for (String table : List.of("qrtz_simple_triggers", "qrtz_triggers")) {
                try (PreparedStatement delete = c.prepareStatement(
                        "DELETE FROM " + table + " WHERE trigger_group = 'poll' AND trigger_name = 'good'")) {
                    delete.executeUpdate();
                }
            }
            return null;
        });
    }

    private static void await(BooleanSupplier condition, Duration within) throws InterruptedException {
        long deadline = System.nanoTime() + within.toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime() < deadline).as("within " + within).isTrue();
            Thread.sleep(100);
        }
    }
}
