package dev.tern.source;

import static dev.tern.source.TestServer.respond;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

final class HttpPolitenessTest {

    private static final Duration GAP = Duration.ofSeconds(1);
    private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");

    private final RecordingSleeper sleeper = new RecordingSleeper();
    private final MovableClock clock = new MovableClock(NOW);
    private final Http http = new Http(
            Duration.ofSeconds(5),
            1024 * 1024,
            Http.userAgent("test"),
            new RetryPolicy(Duration.ofMillis(1), Duration.ofSeconds(60), sleeper, clock),
            GAP);
    private final List<TestServer> servers = new ArrayList<>();
    private final ExecutorService pool = Executors.newFixedThreadPool(2);

    @AfterEach
    void tearDown() {
        pool.shutdownNow();
        http.close();
        servers.forEach(TestServer::close);
    }

    private TestServer slowServer(AtomicInteger inFlight, AtomicInteger mostInFlight) throws Exception {
        TestServer server = TestServer.start();
        servers.add(server);
        server.handle("/", ex -> {
            mostInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
            try {
                Thread.sleep(150);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            inFlight.decrementAndGet();
            respond(ex, 200, "ok");
        });
        return server;
    }

    @Test
    void twoConcurrentFetchesToOneHostRunOneAfterTheOtherWithTheGapBetween() throws Exception {
        AtomicInteger inFlight = new AtomicInteger();
        AtomicInteger mostInFlight = new AtomicInteger();
        TestServer server = slowServer(inFlight, mostInFlight);

        Future<Http.Response> first = pool.submit(() -> http.get(server.uri("/a"), CacheTags.NONE));
        Future<Http.Response> second = pool.submit(() -> http.get(server.uri("/b"), CacheTags.NONE));

        assertThat(first.get().status()).isEqualTo(200);
        assertThat(second.get().status()).isEqualTo(200);
        assertThat(mostInFlight.get()).isEqualTo(1);
        assertThat(sleeper.waits()).containsExactly(GAP);
    }

    @Test
    void differentHostsDoNotWaitForEachOther() throws Exception {
        AtomicInteger inFlight = new AtomicInteger();
        AtomicInteger mostInFlight = new AtomicInteger();
        TestServer one = slowServer(inFlight, mostInFlight);
        TestServer two = slowServer(inFlight, mostInFlight);

        Future<Http.Response> first = pool.submit(() -> http.get(one.uri("/a"), CacheTags.NONE));
        Future<Http.Response> second = pool.submit(() -> http.get(two.uri("/a"), CacheTags.NONE));

        first.get();
        second.get();
        assertThat(sleeper.waits()).isEmpty();
    }

    @Test
    void aLaterRequestWaitsOnlyWhatIsLeftOfTheGap() throws Exception {
        TestServer server = slowServer(new AtomicInteger(), new AtomicInteger());

        http.get(server.uri("/a"), CacheTags.NONE);
        clock.advance(Duration.ofMillis(400));
        http.get(server.uri("/a"), CacheTags.NONE);
        clock.advance(Duration.ofSeconds(3));
        http.get(server.uri("/a"), CacheTags.NONE);

        assertThat(sleeper.waits()).containsExactly(Duration.ofMillis(600));
        assertThat(server.requests()).hasSize(3);
    }

    /** A clock the test moves by hand. */
    private static final class MovableClock extends Clock {
        private final AtomicReference<Instant> now;

        MovableClock(Instant start) {
            now = new AtomicReference<>(start);
        }

        void advance(Duration duration) {
            now.updateAndGet(instant -> instant.plus(duration));
        }

        @Override
        public Instant instant() {
            return now.get();
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }
}
