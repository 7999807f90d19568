package dev.tern.poll;

import static dev.tern.poll.ReconcilerTest.consoleRoute;
import static dev.tern.poll.ReconcilerTest.source;
import static dev.tern.testing.TestPostings.posting;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tern.config.PollingConfig;
import dev.tern.config.SourceConfig;
import dev.tern.poll.PollEvent.AlertQueued;
import dev.tern.poll.PollEvent.Change;
import dev.tern.poll.PollEvent.PostingChanged;
import dev.tern.poll.PollEvent.SourcePolled;
import dev.tern.poll.PollEvent.SourceSeeded;
import dev.tern.posting.Posting;
import dev.tern.source.CacheTags;
import dev.tern.store.Database;
import dev.tern.testing.MutableClock;
import dev.tern.testing.PollPipeline;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** "Restarting between polls changes none of this": every poll below runs on a freshly reopened file database. */
final class ReconcilerRestartTest {

    private static final CacheTags TAGS = new CacheTags("\"v7\"", null);

    private final MutableClock clock = MutableClock.fixed();
    private final SourceConfig s1 = source("s1", false);

    @TempDir
    Path dir;

    @Test
    void seedingMissesClosuresAndAlertsSurviveRestarts() {
        assertThat(pollAfterRestart(a(), b(), c())).containsExactly(new SourceSeeded("s1", 3));
        assertThat(pollAfterRestart(a(), b(), c(), d()))
                .containsExactly(
                        new PostingChanged("s1", Change.NEW, d()),
                        new AlertQueued("s1", "console", "r1", null, "s1:d"),
                        polled(4, 1, 0));
        assertThat(pollAfterRestart(b(), c(), d())).containsExactly(polled(4, 0, 0));
        assertThat(pollAfterRestart(b(), c(), d()))
                .containsExactly(new PostingChanged("s1", Change.CLOSED, a()), polled(3, 0, 1));
        assertThat(pollAfterRestart(b(), c(), d())).containsExactly(polled(3, 0, 0));
    }

    @Test
    void anAlertQueuedBeforeARestartIsNotQueuedAgain() {
        pollAfterRestart(a());
        pollAfterRestart(a(), b());
        pollAfterRestart(a());
        pollAfterRestart(a());

        List<PollEvent> back = pollAfterRestart(a(), b());

        assertThat(back)
                .containsExactly(
                        new PostingChanged("s1", Change.REOPENED, b()),
                        new SourcePolled("s1", 2, 0, 0, 0, 1, false, 5));
    }

    @Test
    void cacheTagsSurviveARestart() {
        pollAfterRestart(a());

        try (Database db = open()) {
            assertThat(PollPipeline.of(db, consoleRoute(), clock, PollingConfig.defaults())
                            .states()
                            .cacheTags("s1"))
                    .isEqualTo(TAGS);
        }
    }

    private List<PollEvent> pollAfterRestart(Posting... snapshot) {
        clock.advance(Duration.ofMinutes(15));
        try (Database db = open()) {
            Reconciler reconciler = PollPipeline.of(db, consoleRoute(), clock, PollingConfig.defaults())
                    .reconciler();
            return reconciler.reconcile(s1, PollPipeline.complete(List.of(snapshot)), TAGS, 5, false);
        }
    }

    private Database open() {
        return Database.open("jdbc:h2:file:" + dir.resolve("tern"), "", "");
    }

    private static SourcePolled polled(int postings, int added, int closed) {
        return new SourcePolled("s1", postings, added, 0, closed, 0, false, 5);
    }

    private static Posting a() {
        return posting("s1", "a").build();
    }

    private static Posting b() {
        return posting("s1", "b").build();
    }

    private static Posting c() {
        return posting("s1", "c").build();
    }

    private static Posting d() {
        return posting("s1", "d").build();
    }
}
