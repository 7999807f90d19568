package dev.tern.deliver;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tern.store.AdminNotice;
import dev.tern.store.AdminNotice.Kind;
import dev.tern.store.Database;
import dev.tern.store.NoticeStore;
import dev.tern.testing.MutableClock;
import dev.tern.testing.TestDatabases;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Admin notices are told once each, in the order they happened, and a failing one blocks nothing for good. */
final class NoticeWorkerTest {

    private final Database db = TestDatabases.fresh();
    private final MutableClock clock = MutableClock.fixed();
    private final NoticeStore store = new NoticeStore();
    private final List<String> told = new ArrayList<>();

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void aNoticeThatFailsWaitsForItsRetryAndTheLaterOnesWaitBehindIt() {
        add("failing");
        add("recovered");
        int[] failures = {2};
        NoticeWorker worker = new NoticeWorker(
                db,
                store,
                notice -> {
                    if (notice.message().equals("failing") && failures[0]-- > 0) {
                        throw new IllegalStateException("a bug in the sink");
                    }
                    told.add(notice.message());
                },
                clock);

        int first = worker.drain();
        clock.advance(Duration.ofMinutes(1));
        int second = worker.drain();
        clock.advance(Duration.ofMinutes(5));
        int third = worker.drain();
        int fourth = worker.drain();

        assertThat(List.of(first, second, third, fourth)).containsExactly(0, 0, 2, 0);
        assertThat(told).containsExactly("failing", "recovered");
    }

    @Test
    void aNoticeRefusedForGoodIsLoggedAndMarkedTold() {
        add("refused");
        NoticeWorker worker = new NoticeWorker(
                db,
                store,
                notice -> {
                    throw DeliveryException.permanent("the admin channel is gone");
                },
                clock);

        assertThat(worker.drain()).isEqualTo(1);
        assertThat(worker.drain()).isZero();
    }

    @Test
    void withoutASinkNoticesWaitUntouched() {
        add("held");

        assertThat(new NoticeWorker(db, store, null, clock).drain()).isZero();
        List<AdminNotice> waiting = db.read(c -> store.due(c, clock.instant(), 10));
        assertThat(waiting).extracting(AdminNotice::message).containsExactly("held");
    }

    @Test
    void aSinkThatIsNotReadyLeavesNoticesDueWithoutCountingAttempts() {
        add("held");
        NoticeSink follower = new NoticeSink() {
            @Override
            public void tell(AdminNotice notice) throws DeliveryException {
                throw DeliveryException.transientFailure("the bot is connected on the leading instance", null);
            }

            @Override
            public boolean ready() {
                return false;
            }
        };

        assertThat(new NoticeWorker(db, store, follower, clock).drain()).isZero();

        List<AdminNotice> waiting = db.read(c -> store.due(c, clock.instant(), 10));
        assertThat(waiting).extracting(AdminNotice::message).containsExactly("held");
        assertThat(waiting.getFirst().attempts()).isZero();
    }

    private void add(String message) {
        db.transaction(c -> {
            store.add(c, Kind.SOURCE_FAILING, "s1", null, message, clock.instant());
            return null;
        });
    }
}
