package dev.tern.deliver;

import static dev.tern.testing.TestPostings.posting;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tern.posting.Posting;
import dev.tern.store.Database;
import dev.tern.store.Delivery;
import dev.tern.store.DeliveryStatus;
import dev.tern.store.DeliveryStore;
import dev.tern.store.PostingStore;
import dev.tern.testing.MutableClock;
import dev.tern.testing.TestDatabases;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

final class DeliveryWorkerTest {

    private static final String DM = "discord:user/7";
    private static final String CHANNEL = "discord:channel/9";

    private final Database db = TestDatabases.fresh();
    private final MutableClock clock = MutableClock.fixed();
    private final DeliveryStore store = new DeliveryStore();
    private final List<String> healthCalls = Collections.synchronizedList(new ArrayList<>());
    private final TargetHealth health = new TargetHealth() {
        @Override
        public void targetGone(String target, String reason) {
            healthCalls.add("gone " + target + ": " + reason);
        }

        @Override
        public void recipientClosed(String target, String reason) {
            healthCalls.add("closed " + target + ": " + reason);
        }
    };

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void aGoneTargetFailsItsDeliveriesAndIsReported() {
        long id = queue("1", CHANNEL);
        Notifier failing =
                failingWith(DeliveryException.permanent(DeliveryException.Kind.TARGET_GONE, "10003 Unknown Channel"));

        int delivered = worker(failing).drain();

        assertThat(delivered).isZero();
        assertThat(row(id).status()).isEqualTo(DeliveryStatus.FAILED);
        assertThat(row(id).lastError()).isEqualTo("10003 Unknown Channel");
        assertThat(healthCalls).containsExactly("gone " + CHANNEL + ": 10003 Unknown Channel");
    }

    @Test
    void aClosedRecipientFailsItsDeliveriesAndIsReported() {
        long id = queue("1", DM);
        Notifier failing =
                failingWith(DeliveryException.permanent(DeliveryException.Kind.RECIPIENT_CLOSED, "50007 Cannot DM"));

        worker(failing).drain();

        assertThat(row(id).status()).isEqualTo(DeliveryStatus.FAILED);
        assertThat(healthCalls).containsExactly("closed " + DM + ": 50007 Cannot DM");
    }

    @Test
    void aRejectedMessageFailsWithoutBlamingTheTarget() {
        long id = queue("1", DM);

        worker(failingWith(DeliveryException.permanent("embed too large"))).drain();

        assertThat(row(id).status()).isEqualTo(DeliveryStatus.FAILED);
        assertThat(healthCalls).isEmpty();
    }

    @Test
    void aTransientFailureRetriesAndTellsNoOne() {
        long id = queue("1", DM);

        worker(failingWith(DeliveryException.transientFailure("503", null))).drain();

        assertThat(row(id).status()).isEqualTo(DeliveryStatus.PENDING);
        assertThat(row(id).attempts()).isEqualTo(1);
        assertThat(healthCalls).isEmpty();
    }

    @Test
    void aBatchThatFailsHalfwayMarksTheDeliveredAlertsSentAndRetriesOnlyTheRest() {
        long first = queue("1", DM);
        long second = queue("2", DM);
        long third = queue("3", DM);
        Notifier halfway = new Notifier() {
            @Override
            public boolean handles(String target) {
                return true;
            }

            @Override
            public List<String> send(String target, List<Alert> alerts) throws DeliveryException {
                throw DeliveryException.transientFailure("503 on the second message", null)
                        .afterSending(List.of("m1"));
            }
        };

        int delivered = worker(halfway).drain();

        assertThat(delivered).isEqualTo(1);
        assertThat(row(first).status()).isEqualTo(DeliveryStatus.SENT);
        assertThat(row(first).externalMessageId()).isEqualTo("m1");
        assertThat(List.of(row(second), row(third))).allSatisfy(r -> {
            assertThat(r.status()).isEqualTo(DeliveryStatus.PENDING);
            assertThat(r.attempts()).isEqualTo(1);
        });
    }

    @Test
    void aPermanentFailureHalfwayFailsOnlyTheUndeliveredAlerts() {
        long first = queue("1", CHANNEL);
        long second = queue("2", CHANNEL);

        worker(failingWith(DeliveryException.permanent(DeliveryException.Kind.TARGET_GONE, "10003")
                        .afterSending(List.of("m1"))))
                .drain();

        assertThat(row(first).status()).isEqualTo(DeliveryStatus.SENT);
        assertThat(row(second).status()).isEqualTo(DeliveryStatus.FAILED);
        assertThat(healthCalls).containsExactly("gone " + CHANNEL + ": 10003");
    }

    @Test
    void aFailingHealthHookDoesNotStopTheDrain() {
        long gone = queue("1", CHANNEL);
        long fine = queue("2", "console");
        TargetHealth broken = new TargetHealth() {
            @Override
            public void targetGone(String target, String reason) {
                throw new IllegalStateException("database down");
            }

            @Override
            public void recipientClosed(String target, String reason) {}
        };
        Notifier mixed = new Notifier() {
            @Override
            public boolean handles(String target) {
                return true;
            }

            @Override
            public List<String> send(String target, List<Alert> alerts) throws DeliveryException {
                if (target.equals(CHANNEL)) {
                    throw DeliveryException.permanent(DeliveryException.Kind.TARGET_GONE, "gone");
                }
                return alerts.stream().map(a -> "m" + a.deliveryId()).toList();
            }
        };

        int delivered = new DeliveryWorker(db, store, List.of(mixed), clock, broken).drain();

        assertThat(delivered).isEqualTo(1);
        assertThat(row(gone).status()).isEqualTo(DeliveryStatus.FAILED);
        assertThat(row(fine).status()).isEqualTo(DeliveryStatus.SENT);
    }

    @Test
    void rowsNoNotifierHandlesWaitWithoutAttemptsAndDoNotStarveOthers() {
        List<Long> waiting = new ArrayList<>();
        for (int i = 0; i < DeliveryWorker.BATCH_LIMIT + 5; i++) {
            waiting.add(queue("dm" + i, "discord:user/" + i));
        }
        long console = queue("c", "console");
        List<String> printed = new ArrayList<>();
        Notifier consoleOnly = new Notifier() {
            @Override
            public boolean handles(String target) {
                return target.equals("console");
            }

            @Override
            public List<String> send(String target, List<Alert> alerts) {
                alerts.forEach(a -> printed.add(a.posting().key()));
                return alerts.stream().map(a -> (String) null).toList();
            }
        };

        int delivered = worker(consoleOnly).drain();

        assertThat(delivered).isEqualTo(1);
        assertThat(printed).containsExactly("s1:c");
        assertThat(row(console).status()).isEqualTo(DeliveryStatus.SENT);
        assertThat(waiting).allSatisfy(id -> {
            assertThat(row(id).status()).isEqualTo(DeliveryStatus.PENDING);
            assertThat(row(id).attempts()).isZero();
            assertThat(row(id).lastError()).isNull();
        });
    }

    private DeliveryWorker worker(Notifier notifier) {
        return new DeliveryWorker(db, store, List.of(notifier), clock, health);
    }

    private static Notifier failingWith(DeliveryException failure) {
        return new Notifier() {
            @Override
            public boolean handles(String target) {
                return true;
            }

            @Override
            public List<String> send(String target, List<Alert> alerts) throws DeliveryException {
                throw failure;
            }
        };
    }

    private long queue(String externalId, String target) {
        Posting p = posting("s1", externalId).build();
        return db.transaction((Connection c) -> {
            new PostingStore().insert(c, p, clock.instant());
            store.enqueue(c, p.fingerprint(), target, p.key(), null, "1", clock.instant());
            return store.forPosting(c, p.key()).getFirst().id();
        });
    }

    private Delivery row(long id) {
        return db.read((Connection c) -> store.find(c, id)).orElseThrow();
    }
}
