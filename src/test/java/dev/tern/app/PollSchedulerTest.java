package dev.tern.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tern.config.PollingConfig;
import dev.tern.config.SourceConfig;
import dev.tern.deliver.DeliveryListener;
import dev.tern.deliver.DeliveryWorker;
import dev.tern.deliver.TargetHealth;
import dev.tern.match.Matcher;
import dev.tern.match.SubscriptionIndex;
import dev.tern.poll.PollEvent;
import dev.tern.poll.Poller;
import dev.tern.poll.SourceStates;
import dev.tern.source.Http;
import dev.tern.store.Database;
import dev.tern.store.DeliveryStore;
import dev.tern.store.OutboxMessageStore;
import dev.tern.store.ProcessIdentity;
import dev.tern.testing.BoardServer;
import dev.tern.testing.PollPipeline;
import dev.tern.testing.SimplifyListing;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The real Quartz schedule: sources are polled again and again, and a failing one keeps its place. */
final class PollSchedulerTest {

    private static final Duration FAST = Duration.ofMillis(300);

    private BoardServer board;
    private Database database;
    private Http http;
    private final List<PollEvent> events = new CopyOnWriteArrayList<>();

    @BeforeEach
    void setUp() throws Exception {
        board = BoardServer.start();
        board.serve(
                "/ok.json",
                new SimplifyListing()
                        .add("a", "Acme", "Intern", "Boston, MA", Instant.now())
                        .json());
        database = Database.open("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "", "");
        http = new Http(Duration.ofSeconds(5), 1_000_000, "tern-test");
    }

    @AfterEach
    void tearDown() {
        http.close();
        database.close();
        board.close();
    }

    @Test
    void pollsEachSourceRepeatedlyAndKeepsPollingAFailingOne() throws Exception {
        Clock clock = Clock.systemUTC();
        Instant started = clock.instant();
        List<SourceConfig> sources = List.of(source("good", "/ok.json", FAST), source("bad", "/missing.json", FAST));
        PollPipeline pipeline = PollPipeline.of(
                database,
                new Matcher(() -> SubscriptionIndex.of(List.of())),
                clock,
                PollingConfig.defaults(),
                http,
                sources);
        SourceStates states = pipeline.states();
        Poller poller = pipeline.poller();
        DeliveryWorker worker = new DeliveryWorker(
                database,
                new DeliveryStore(),
                new OutboxMessageStore(),
                List.of(),
                clock,
                TargetHealth.IGNORE,
                DeliveryListener.NONE,
                ProcessIdentity.THIS);

        try (PollScheduler scheduler = new PollScheduler(
                new PollScheduler.InMemory(),
                sources,
                poller,
                states,
                worker::drain,
                clock,
                new SplittableRandom(1),
                (id, polled, took) -> events.addAll(polled))) {
            scheduler.start();
            waitFor(() -> count(PollEvent.SourcePolled.class, "good") >= 2
                    && count(PollEvent.SourceFailed.class, "bad") >= 2);
        }

        assertThat(count(PollEvent.SourceSeeded.class, "good")).isEqualTo(1);
        assertThat(count(PollEvent.SourcePolled.class, "good")).isGreaterThanOrEqualTo(2);
        assertThat(count(PollEvent.SourceFailed.class, "bad")).isGreaterThanOrEqualTo(2);
        assertThat(states.state("good").nextPollAt())
                .as("next poll recorded for status")
                .isAfter(started);
        assertThat(states.state("bad").consecutiveFailures()).isGreaterThanOrEqualTo(2);
    }

    private long count(Class<? extends PollEvent> type, String source) {
        return events.stream()
                .filter(type::isInstance)
                .filter(e -> e.source().equals(source))
                .count();
    }

    private static void waitFor(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("condition met within 30 s").isLessThan(deadline);
            Thread.sleep(50);
        }
    }

    private SourceConfig source(String id, String path, Duration interval) {
        return new SourceConfig(
                id,
                "simplify",
                interval,
                null,
                null,
                null,
                SourceConfig.Classify.ALL,
                false,
                Map.of("url", board.base() + path));
    }
}
