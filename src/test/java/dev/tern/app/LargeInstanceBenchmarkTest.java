package dev.tern.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tern.config.FilterConfig;
import dev.tern.config.TernConfig;
import dev.tern.deliver.ConsoleNotifier;
import dev.tern.match.StudentPopulation;
import dev.tern.poll.PollEvent;
import dev.tern.store.Database;
import dev.tern.store.PostingStore;
import dev.tern.store.SubscriptionStore;
import dev.tern.testing.BoardServer;
import dev.tern.testing.SimplifyListing;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Not a timed assertion: one Tern holding 100,000 subscriptions ({@link StudentPopulation}) in an H2 file store, with
 * 5,000 Simplify-type sources of 10 postings each spread over 250 local servers (Tern is polite per host and port,
 * as it would be to 250 real hosts). Prints how long Quartz takes to schedule the 5,000 sources, how long one cycle
 * of polls takes (every source seeded once: 50,000 postings stored), and the heap Tern then holds.
 *
 * <p>{@link PollScheduler} staggers first polls 2 s apart, so 5,000 sources would take 2 h 47 min to start; the
 * scheduler's clock here runs 3 hours behind while it schedules, which makes every staggered start already due and
 * lets Quartz fire them as fast as its 8 threads go; later polls are scheduled on time.
 */
@Tag("benchmark")
final class LargeInstanceBenchmarkTest {

    private static final int SUBSCRIPTIONS = 100_000;
    private static final int SOURCES = 5_000;
    private static final int HOSTS = 250;
    private static final int POSTINGS_PER_SOURCE = 10;
    private static final int INSERT_BATCH = 10_000;
    private static final double MB = 1024.0 * 1024.0;

    @TempDir
    Path dir;

    @Test
    void schedulesAndPollsFiveThousandSourcesHoldingAHundredThousandSubscriptions() throws Exception {
        String url = "jdbc:h2:file:" + dir.resolve("tern");
        storeSubscriptions(url);
        List<BoardServer> hosts = new ArrayList<>();
        try {
            String yaml = serveSources(hosts);
            TernConfig config =
                    ConfigOption.loader(Map.<String, String>of()::get).parse(yaml.formatted(url), "tern.yml");
            long baseline = usedHeap();
            Clock behind = Clock.offset(Clock.systemUTC(), Duration.ofHours(-3));
            long opening = System.nanoTime();
            try (Services services = Services.open(
                    config,
                    config.storage(),
                    behind,
                    List.of(new ConsoleNotifier(new PrintWriter(new StringWriter()), false)))) {
                double opened = millisSince(opening);
                runOneCycle(config, services);
                long held = usedHeap() - baseline;
                int stored = services.database().read(c -> new PostingStore().countAllOpen(c));
                System.out.printf(
                        "large instance: %,d subscriptions loaded in %.0f ms; with %,d postings stored Tern holds"
                                + " %.0f MB of heap (the whole JVM %.0f MB)%n",
                        SUBSCRIPTIONS, opened, stored, held / MB, usedHeap() / MB);
                assertThat(stored).isEqualTo(SOURCES * POSTINGS_PER_SOURCE);
            }
        } finally {
            hosts.forEach(BoardServer::close);
        }
    }

    private static void runOneCycle(TernConfig config, Services services) throws Exception {
        StartingClock clock = new StartingClock();
        CountDownLatch cycle = new CountDownLatch(SOURCES);
        Set<String> polled = ConcurrentHashMap.newKeySet();
        AtomicInteger failed = new AtomicInteger();
        PollScheduler scheduler = new PollScheduler(
                new PollScheduler.InMemory(),
                config.sources(),
                services.poller(),
                services.states(),
                services::deliver,
                clock,
                new Random(1),
                (sourceId, events, took) -> {
                    if (polled.add(sourceId)) {
                        failed.addAndGet(events.stream()
                                .filter(e -> e instanceof PollEvent.SourceFailed)
                                .mapToInt(e -> 1)
                                .sum());
                        cycle.countDown();
                    }
                });
        try (scheduler) {
            long start = System.nanoTime();
            scheduler.start();
            double scheduled = millisSince(start);
            clock.started();
            Instant cycleStart = Instant.now();
            assertThat(cycle.await(30, TimeUnit.MINUTES)).isTrue();
            Duration took = Duration.between(cycleStart, Instant.now());
            System.out.printf(
                    "large instance: Quartz scheduled %,d sources in %.0f ms; one cycle of polls (each source"
                            + " seeded with %d postings from %d local hosts) took %.1f s, %.0f polls/s, %d failed%n",
                    SOURCES,
                    scheduled,
                    POSTINGS_PER_SOURCE,
                    HOSTS,
                    took.toMillis() / 1000.0,
                    SOURCES / (took.toMillis() / 1000.0),
                    failed.get());
            assertThat(failed.get()).isZero();
        }
    }

    /** 100,000 subscriptions as /subscribe stores them, written straight to the store (indexing each is slow). */
    private static void storeSubscriptions(String url) {
        List<FilterConfig> filters = new StudentPopulation(7L).filters(SUBSCRIPTIONS);
        Instant now = Instant.now();
        long start = System.nanoTime();
        try (Database db = Database.open(url, "", "")) {
            SubscriptionStore store = new SubscriptionStore();
            for (int from = 0; from < SUBSCRIPTIONS; from += INSERT_BATCH) {
                int first = from;
                db.transaction(c -> {
                    for (int i = first; i < first + INSERT_BATCH; i++) {
                        store.insert(c, StudentPopulation.newSubscription("u" + i, filters.get(i)), now);
                    }
                    return null;
                });
            }
        }
        System.out.printf(
                "large instance: %,d subscriptions stored in %.1f s%n", SUBSCRIPTIONS, millisSince(start) / 1000);
    }

    /** Starts the hosts, serves each source's listing, and returns the config with {@code %s} for the store URL. */
    private static String serveSources(List<BoardServer> hosts) throws Exception {
        for (int h = 0; h < HOSTS; h++) {
            hosts.add(BoardServer.start());
        }
        StringBuilder yaml = new StringBuilder("storage: { url: \"%s\" }\nsources:\n");
        Instant posted = Instant.now().minus(Duration.ofDays(1));
        for (int s = 0; s < SOURCES; s++) {
            SimplifyListing listing = new SimplifyListing();
            for (int p = 0; p < POSTINGS_PER_SOURCE; p++) {
                listing.add("p" + p, "Company " + s, "Software Engineer Intern " + p, "Seattle, WA", posted);
            }
            BoardServer host = hosts.get(s % HOSTS);
            host.serve("/s" + s + ".json", listing.json());
            yaml.append("  - { id: s%d, type: simplify, url: \"%s/s%d.json\" }\n".formatted(s, host.base(), s));
        }
        return yaml.toString();
    }

    /** Three hours behind until the scheduler has started, then on time (so the next polls are 15 minutes away). */
    private static final class StartingClock extends Clock {
        private volatile Duration offset = Duration.ofHours(-3);

        void started() {
            offset = Duration.ZERO;
        }

        @Override
        public java.time.ZoneId getZone() {
            return java.time.ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            throw new UnsupportedOperationException("UTC only");
        }

        @Override
        public Instant instant() {
            return Instant.now().plus(offset);
        }
    }

    private static long usedHeap() {
        Runtime runtime = Runtime.getRuntime();
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return runtime.totalMemory() - runtime.freeMemory();
    }

    private static double millisSince(long start) {
        return (System.nanoTime() - start) / 1_000_000.0;
    }
}
