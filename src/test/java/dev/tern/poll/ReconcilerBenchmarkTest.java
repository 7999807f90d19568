package dev.tern.poll;

import static dev.tern.poll.ReconcilerTest.consoleRoute;
import static dev.tern.poll.ReconcilerTest.source;
import static dev.tern.testing.TestPostings.posting;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tern.config.PollingConfig;
import dev.tern.config.SourceConfig;
import dev.tern.poll.PollEvent.SourcePolled;
import dev.tern.posting.Posting;
import dev.tern.source.CacheTags;
import dev.tern.store.Database;
import dev.tern.testing.MutableClock;
import dev.tern.testing.PollPipeline;
import dev.tern.testing.TestDatabases;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Times reconciling a 15,000-posting snapshot against a store that already holds it (DESIGN's benchmark, the
 * store half). Not a timed test: it prints the times. Tagged {@code benchmark}, which the normal build excludes; on
 * this machine (2 cores, busy) a warm re-poll took 220-380 ms and the first, cold one 600-900 ms.
 */
@Tag("benchmark")
final class ReconcilerBenchmarkTest {

    private static final int POSTINGS = 15_000;
    private static final int ROUNDS = 5;

    @Test
    void reconcilesFifteenThousandKnownPostings() {
        MutableClock clock = MutableClock.fixed();
        SourceConfig source = source("big", false);
        List<Posting> snapshot = new ArrayList<>();
        for (int i = 0; i < POSTINGS; i++) {
            snapshot.add(
                    i % 3 == 0
                            ? posting("big", "id-" + i).inactive().build()
                            : posting("big", "id-" + i).build());
        }
        try (Database db = TestDatabases.fresh()) {
            Reconciler reconciler = PollPipeline.of(db, consoleRoute(), clock, PollingConfig.defaults())
                    .reconciler();
            long seedStart = System.nanoTime();
            reconciler.reconcile(source, PollPipeline.complete(snapshot), CacheTags.NONE, 0, false);
            System.out.printf("seed of %d postings: %d ms%n", POSTINGS, (System.nanoTime() - seedStart) / 1_000_000);
            for (int round = 0; round < ROUNDS; round++) {
                clock.advance(Duration.ofMinutes(15));
                long start = System.nanoTime();
                List<PollEvent> events =
                        reconciler.reconcile(source, PollPipeline.complete(snapshot), CacheTags.NONE, 0, false);
                System.out.printf("re-poll %d: %d ms%n", round + 1, (System.nanoTime() - start) / 1_000_000);
                assertThat(events).singleElement().isInstanceOf(SourcePolled.class);
            }
        }
    }
}
