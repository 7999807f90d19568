package dev.tern.deliver;

import static dev.tern.testing.TestPostings.posting;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tern.posting.Posting;
import dev.tern.store.Database;
import dev.tern.store.Delivery;
import dev.tern.store.DeliveryStatus;
import dev.tern.store.DeliveryStore;
import dev.tern.store.MessageLayout;
import dev.tern.store.OutboxMessage;
import dev.tern.store.OutboxMessageStore;
import dev.tern.store.PostingStore;
import dev.tern.store.ProcessIdentity;
import dev.tern.testing.MutableClock;
import dev.tern.testing.TestDatabases;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
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
    private final OutboxMessageStore messages = new OutboxMessageStore();
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
    void aTransientFailureRetriesAfterABackoffAndTellsNoOne() {
        long id = queue("1", DM);

        worker(failingWith(DeliveryException.transientFailure("503", null))).drain();

        assertThat(row(id).status()).isEqualTo(DeliveryStatus.PENDING);
        assertThat(row(id).attempts()).isEqualTo(1);
        assertThat(row(id).lastError()).isEqualTo("503");
        assertThat(row(id).nextAttemptAt()).isEqualTo(clock.instant().plus(DeliveryWorker.FIRST_RETRY));
        assertThat(healthCalls).isEmpty();
    }

    @Test
    void anInterruptedDrainStopsAndCountsNoAttemptAgainstTheMessages() {
        long dm = queue("1", DM);
        long channel = queue("2", CHANNEL);
        Recording notifier = new Recording() {
            @Override
            public Receipt send(AlertMessage message) throws DeliveryException {
                super.sent.add(message);
                Thread.currentThread().interrupt(); // the lease was lost, or the process stops, mid-send
                throw DeliveryException.transientFailure("interrupted while sending", null);
            }
        };

        try {
            worker(notifier).drain();
        } finally {
            Thread.interrupted();
        }

        assertThat(notifier.sent).as("the drain ends at the interruption").hasSize(1);
        assertThat(List.of(row(dm), row(channel))).allSatisfy(row -> {
            assertThat(row.status()).isEqualTo(DeliveryStatus.PENDING);
            assertThat(row.attempts()).isZero();
        });
        Recording next = new Recording();
        assertThat(worker(next).drain()).as("the next drain sends both at once").isEqualTo(2);
    }

    @Test
    void aFormedMessageIsResentAsItWasBeforeNewAlertsForItsTargetAreGrouped() {
        List<Long> first = List.of(queue("1", DM), queue("2", DM), queue("3", DM));
        Recording notifier = new Recording();
        notifier.failNext = 1;
        worker(notifier).drain();
        List<Long> later = List.of(queue("4", DM), queue("5", DM));

        clock.advance(DeliveryWorker.FIRST_RETRY);
        int delivered = worker(notifier).drain();

        assertThat(delivered).isEqualTo(5);
        assertThat(notifier.sent).hasSize(3);
        assertThat(ids(notifier.sent.get(0))).isEqualTo(first);
        assertThat(ids(notifier.sent.get(1))).isEqualTo(first);
        assertThat(notifier.sent.get(1).key()).isEqualTo(notifier.sent.get(0).key());
        assertThat(ids(notifier.sent.get(2))).isEqualTo(later);
        assertThat(notifier.sent.get(2).key()).isNotEqualTo(notifier.sent.get(0).key());
        assertThat(notifier.plans).as("each alert is grouped once").containsExactly(first, later);
        assertThat(row(first.get(0)).externalMessageId())
                .isEqualTo("m-" + notifier.sent.get(1).key());
    }

    @Test
    void nothingNewIsGroupedForATargetWhoseMessageWaitsForItsRetry() {
        long first = queue("1", DM);
        Recording notifier = new Recording();
        notifier.failNext = 1;
        worker(notifier).drain();
        long second = queue("2", DM);
        long elsewhere = queue("3", CHANNEL);

        worker(notifier).drain();

        assertThat(notifier.plans).containsExactly(List.of(first), List.of(elsewhere));
        assertThat(row(second).status()).isEqualTo(DeliveryStatus.PENDING);
        assertThat(row(elsewhere).status()).isEqualTo(DeliveryStatus.SENT);
    }

    @Test
    void theNotifierSplitsOnceAndEachPartIsItsOwnMessageWithItsOwnKey() {
        List<Long> ids = List.of(queue("1", CHANNEL), queue("2", CHANNEL), queue("3", CHANNEL));
        Recording notifier = new Recording();
        notifier.perMessage = 2;

        worker(notifier).drain();

        assertThat(notifier.sent)
                .extracting(DeliveryWorkerTest::ids)
                .containsExactly(ids.subList(0, 2), ids.subList(2, 3));
        assertThat(notifier.sent.get(0).key()).isNotEqualTo(notifier.sent.get(1).key());
        assertThat(db.read((Connection c) -> messages.forPosting(c, "s1:3")))
                .singleElement()
                .satisfies(m -> {
                    assertThat(m.status()).isEqualTo(DeliveryStatus.SENT);
                    assertThat(m.messageId()).isEqualTo("m-" + m.nonce());
                    assertThat(m.channelId()).isEqualTo("c-9");
                    assertThat(m.layout()).isEqualTo(MessageLayout.ITEMS);
                });
    }

    @Test
    void aMessageIsRecordedAsTriedBeforeTheTargetSeesIt() {
        queue("1", DM);
        List<OutboxMessage> seenBySend = new ArrayList<>();
        Recording notifier = new Recording() {
            @Override
            public Receipt send(AlertMessage message) throws DeliveryException {
                seenBySend.add(db.read((Connection c) -> messages.find(c, message.id()))
                        .orElseThrow());
                return super.send(message);
            }
        };

        worker(notifier).drain();

        assertThat(seenBySend).singleElement().satisfies(m -> assertThat(m.firstTriedAt())
                .isEqualTo(clock.instant()));
    }

    @Test
    void aRetryTellsTheNotifierWhenTheMessageWasFirstTried() {
        queue("1", DM);
        Recording notifier = new Recording();
        notifier.failNext = 1;
        Instant tried = clock.instant();
        worker(notifier).drain();

        clock.advance(Duration.ofHours(1));
        worker(notifier).drain();

        assertThat(notifier.sent).extracting(AlertMessage::firstTriedAt).containsExactly(null, tried);
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
        Recording mixed = new Recording() {
            @Override
            public Receipt send(AlertMessage message) throws DeliveryException {
                if (message.target().equals(CHANNEL)) {
                    throw DeliveryException.permanent(DeliveryException.Kind.TARGET_GONE, "gone");
                }
                return super.send(message);
            }
        };

        int delivered = new DeliveryWorker(
                        db, store, messages, List.of(mixed), clock, broken, DeliveryListener.NONE, ProcessIdentity.THIS)
                .drain();

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
        Recording consoleOnly = new Recording() {
            @Override
            public boolean handles(String target) {
                return target.equals("console");
            }
        };

        int delivered = worker(consoleOnly).drain();

        assertThat(delivered).isEqualTo(1);
        assertThat(consoleOnly.sent)
                .singleElement()
                .extracting(DeliveryWorkerTest::ids)
                .isEqualTo(List.of(console));
        assertThat(row(console).status()).isEqualTo(DeliveryStatus.SENT);
        assertThat(waiting).allSatisfy(id -> {
            assertThat(row(id).status()).isEqualTo(DeliveryStatus.PENDING);
            assertThat(row(id).attempts()).isZero();
            assertThat(row(id).lastError()).isNull();
        });
    }

    @Test
    void aSentMessageWhosePostingClosedIsEditedOnceWithItsReceiptAndThePostingShownClosed() {
        long id = queue("1", CHANNEL);
        Recording notifier = new Recording();
        worker(notifier).drain();

        close("s1:1");
        worker(notifier).drain();
        worker(notifier).drain();

        assertThat(notifier.edited).singleElement().satisfies(m -> {
            assertThat(m.receipt()).isEqualTo(new Receipt("c-9", "m-" + m.key()));
            assertThat(m.alerts()).singleElement().satisfies(a -> {
                assertThat(a.deliveryId()).isEqualTo(id);
                assertThat(a.closedAt()).isEqualTo(clock.instant());
            });
        });
    }

    @Test
    void anEditThatCanNeverHappenEndsAndATransientFailureIsRetriedAfterABackoff() {
        queue("1", CHANNEL);
        queue("2", DM);
        Recording notifier = new Recording() {
            @Override
            public void edit(AlertMessage message) throws DeliveryException {
                super.edit(message);
                throw message.target().equals(CHANNEL)
                        ? DeliveryException.permanent(DeliveryException.Kind.TARGET_GONE, "10008 Unknown Message")
                        : DeliveryException.transientFailure("HTTP 500", null);
            }
        };
        worker(notifier).drain();
        close("s1:1");
        close("s1:2");

        worker(notifier).drain();
        worker(notifier).drain();
        clock.advance(DeliveryWorker.FIRST_RETRY);
        worker(notifier).drain();

        assertThat(notifier.edited).extracting(AlertMessage::target).containsExactly(CHANNEL, DM, DM);
        assertThat(healthCalls)
                .as("a gone message says nothing about its target")
                .isEmpty();
    }

    @Test
    void anEditGivenUpAfterEveryRetryLeavesTheMessageEditableForTheNextChange() {
        queue("1", DM);
        Recording notifier = new Recording() {
            int failing = DeliveryWorker.MAX_ATTEMPTS;

            @Override
            public void edit(AlertMessage message) throws DeliveryException {
                super.edit(message);
                if (failing-- > 0) {
                    throw DeliveryException.transientFailure("HTTP 500", null);
                }
            }
        };
        worker(notifier).drain();
        close("s1:1");
        for (int i = 0; i < DeliveryWorker.MAX_ATTEMPTS + 2; i++) {
            worker(notifier).drain();
            clock.advance(DeliveryWorker.MAX_RETRY);
        }
        int triedBeforeTheNextChange = notifier.edited.size();

        close("s1:1"); // the posting changes again (a reopen and a close look alike here)
        worker(notifier).drain();

        assertThat(triedBeforeTheNextChange).as("given up after its last try").isEqualTo(DeliveryWorker.MAX_ATTEMPTS);
        assertThat(notifier.edited).hasSize(triedBeforeTheNextChange + 1);
    }

    private void close(String postingKey) {
        db.transaction(c -> {
            new PostingStore().markClosed(c, postingKey, clock.instant());
            return messages.queueEdits(c, postingKey, clock.instant());
        });
    }

    private DeliveryWorker worker(Notifier notifier) {
        return new DeliveryWorker(
                db, store, messages, List.of(notifier), clock, health, DeliveryListener.NONE, ProcessIdentity.THIS);
    }

    private static Notifier failingWith(DeliveryException failure) {
        return new Notifier() {
            @Override
            public boolean handles(String target) {
                return true;
            }

            @Override
            public Receipt send(AlertMessage message) throws DeliveryException {
                throw failure;
            }
        };
    }

    /** The delivery ids a message carries, in order. */
    private static List<Long> ids(AlertMessage message) {
        return message.alerts().stream().map(Alert::deliveryId).toList();
    }

    private long queue(String externalId, String target) {
        Posting p = posting("s1", externalId).build();
        return db.transaction((Connection c) -> {
            if (new PostingStore().find(c, p.key()).isEmpty()) {
                new PostingStore().insert(c, p, clock.instant());
            }
            store.enqueue(c, p.fingerprint(), target, p.key(), null, "1", clock.instant());
            return store.forPosting(c, p.key()).stream()
                    .filter(d -> d.target().equals(target))
                    .findFirst()
                    .orElseThrow()
                    .id();
        });
    }

    private Delivery row(long id) {
        return db.read((Connection c) -> store.find(c, id)).orElseThrow();
    }

    /** Records what it is asked to plan and send; fails the next sends on request; splits into parts of a size. */
    private static class Recording implements Notifier {
        final List<List<Long>> plans = new ArrayList<>();
        final List<AlertMessage> sent = new ArrayList<>();
        final List<AlertMessage> edited = new ArrayList<>();
        int failNext;
        int perMessage = Integer.MAX_VALUE;

        @Override
        public boolean handles(String target) {
            return true;
        }

        @Override
        public List<MessagePlan> plan(String target, List<Alert> alerts) {
            plans.add(alerts.stream().map(Alert::deliveryId).toList());
            List<MessagePlan> parts = new ArrayList<>();
            for (int i = 0; i < alerts.size(); i += perMessage) {
                parts.add(new MessagePlan(
                        alerts.subList(i, Math.min(alerts.size(), i + perMessage)), MessageLayout.ITEMS));
            }
            return parts;
        }

        @Override
        public Receipt send(AlertMessage message) throws DeliveryException {
            sent.add(message);
            if (failNext > 0) {
                failNext--;
                throw DeliveryException.transientFailure("503", null);
            }
            return new Receipt("c-" + message.target().replaceAll("\\D", ""), "m-" + message.key());
        }

        @Override
        public void edit(AlertMessage message) throws DeliveryException {
            edited.add(message);
        }
    }
}
