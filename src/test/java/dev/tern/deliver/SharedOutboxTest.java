package dev.tern.deliver;

import static dev.tern.testing.TestPostings.posting;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tern.posting.Posting;
import dev.tern.store.Database;
import dev.tern.store.DeliveryStatus;
import dev.tern.store.DeliveryStore;
import dev.tern.store.MessageLayout;
import dev.tern.store.OutboxMessage;
import dev.tern.store.OutboxMessageStore;
import dev.tern.store.PostingStore;
import dev.tern.store.ProcessIdentity;
import dev.tern.testing.MutableClock;
import dev.tern.testing.TestDatabases;
import dev.tern.testing.TestDatabases.Vendor;
import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Several Tern processes draining one outbox (instances on one PostgreSQL, or {@code tern poll} beside
 * {@code tern run}): each claims what it sends, so no message reaches its target twice, a target's messages keep
 * their order, and the messages of a process that died are sent by another once its claims end.
 */
@ParameterizedClass
@EnumSource(Vendor.class)
final class SharedOutboxTest {

    /** Two live processes on two hosts: neither can tell whether the other is alive, only its claims' expiry. */
    private static final ProcessIdentity FIRST = new ProcessIdentity("host-a#11111111", 100);

    private static final ProcessIdentity SECOND = new ProcessIdentity("host-b#22222222", 200);

    private static final int TARGETS = 2 * DeliveryWorker.CLAIM_TARGETS;

    private final Database db;
    private final MutableClock clock = MutableClock.fixed();
    private final DeliveryStore deliveries = new DeliveryStore();
    private final OutboxMessageStore messages = new OutboxMessageStore();
    /** Every message handed to a target by any process: what each target was shown, in order. */
    private final List<Sent> shown = Collections.synchronizedList(new ArrayList<>());
    /** A thread per process (the common pool may have one thread on a small machine). */
    private final ExecutorService processes = Executors.newFixedThreadPool(2);

    private record Sent(ProcessIdentity by, String target, String key, List<Long> deliveries) {}

    SharedOutboxTest(Vendor vendor) {
        db = TestDatabases.fresh(vendor);
    }

    @AfterEach
    void close() {
        processes.shutdownNow();
        db.close();
    }

    @Test
    void twoProcessesDrainingAtOnceSendEveryMessageOnceAndEachTargetInOrder() throws Exception {
        List<Long> queued = new ArrayList<>();
        for (int t = 0; t < TARGETS; t++) {
            for (int n = 0; n < 3; n++) {
                queued.add(queue(t + "-" + n, "discord:channel/" + t));
            }
        }
        // the first process stops at its first send until the second has sent something: the two work at once
        CountDownLatch secondSent = new CountDownLatch(1);
        Recorder first = new Recorder(FIRST, 1) {
            @Override
            void beforeSend() throws InterruptedException {
                assertThat(secondSent.await(30, TimeUnit.SECONDS))
                        .as("the second process sends while the first holds its claims")
                        .isTrue();
            }
        };
        Recorder second = new Recorder(SECOND, 1) {
            @Override
            void afterSend() {
                secondSent.countDown();
            }
        };
        formWithoutSending();

        CompletableFuture<Integer> a = CompletableFuture.supplyAsync(() -> drainUntilIdle(first), processes);
        Thread.sleep(200);
        CompletableFuture<Integer> b = CompletableFuture.supplyAsync(() -> drainUntilIdle(second), processes);

        assertThat(a.get(60, TimeUnit.SECONDS) + b.get(60, TimeUnit.SECONDS)).isEqualTo(queued.size());
        assertThat(shown.stream().flatMap(s -> s.deliveries().stream()))
                .as("every alert shown exactly once")
                .containsExactlyInAnyOrderElementsOf(queued);
        assertThat(shown).extracting(Sent::key).doesNotHaveDuplicates();
        assertThat(shown).extracting(Sent::by).contains(FIRST, SECOND);
        Map<String, List<Long>> byTarget = shown.stream()
                .collect(Collectors.groupingBy(
                        Sent::target, Collectors.flatMapping(s -> s.deliveries().stream(), Collectors.toList())));
        assertThat(byTarget.values())
                .as("each target's alerts in the order they were queued")
                .allSatisfy(ids -> assertThat(ids).isSorted());
        assertThat(db.read((Connection c) -> deliveries.count(c, DeliveryStatus.SENT)))
                .isEqualTo(queued.size());
    }

    @Test
    void aProcessFormingAtTheSameTimeAsAnotherNeverPutsAnAlertInTwoMessages() throws Exception {
        List<Long> queued = new ArrayList<>();
        for (int n = 0; n < 60; n++) {
            queued.add(queue("f" + n, "discord:channel/" + (n % 7)));
        }
        Recorder first = new Recorder(FIRST, 0);
        Recorder second = new Recorder(SECOND, 0);

        CompletableFuture<Integer> a = CompletableFuture.supplyAsync(() -> drainUntilIdle(first), processes);
        CompletableFuture<Integer> b = CompletableFuture.supplyAsync(() -> drainUntilIdle(second), processes);

        assertThat(a.get(60, TimeUnit.SECONDS) + b.get(60, TimeUnit.SECONDS)).isEqualTo(queued.size());
        assertThat(shown.stream().flatMap(s -> s.deliveries().stream())).containsExactlyInAnyOrderElementsOf(queued);
    }

    @Test
    void theMessagesOfAProcessOnAnotherHostThatDiedAreSentOnceItsClaimsExpire() {
        long id = queue("1", "discord:channel/1");
        formWithoutSending();
        OutboxMessage formed = claimFor(FIRST).getFirst();
        Recorder second = new Recorder(SECOND, 0);

        int early = second.worker().drain();
        clock.advance(Outbox.CLAIM_TTL.plusSeconds(1));
        int late = second.worker().drain();

        assertThat(early).as("the dead process's claim still holds").isZero();
        assertThat(late).isEqualTo(1);
        assertThat(shown).singleElement().satisfies(s -> {
            assertThat(s.deliveries()).containsExactly(id);
            assertThat(s.key()).as("sent as formed, under its own key").isEqualTo(formed.nonce());
        });
    }

    @Test
    void aSendSlowerThanAClaimsLifeKeepsItsClaimAndIsNotSentTwice() throws Exception {
        queue("1", "discord:channel/1");
        formWithoutSending();
        CountDownLatch sending = new CountDownLatch(1);
        CountDownLatch finish = new CountDownLatch(1);
        Recorder slow = new Recorder(FIRST, 0) {
            @Override
            void beforeSend() throws InterruptedException {
                sending.countDown();
                finish.await(30, TimeUnit.SECONDS);
            }
        };
        DeliveryWorker first = new DeliveryWorker(
                db,
                deliveries,
                messages,
                List.of(slow),
                clock,
                TargetHealth.IGNORE,
                DeliveryListener.NONE,
                FIRST,
                Duration.ofMillis(50));
        CompletableFuture<Integer> a = CompletableFuture.supplyAsync(first::drain, processes);
        assertThat(sending.await(30, TimeUnit.SECONDS)).isTrue();

        clock.advance(Outbox.CLAIM_TTL.plusMinutes(1)); // the send outlives the claim it started with
        Thread.sleep(500); // a few renewals
        int second = new Recorder(SECOND, 0).worker().drain();
        finish.countDown();

        assertThat(second).as("the claim was renewed while the send ran").isZero();
        assertThat(a.get(30, TimeUnit.SECONDS)).isEqualTo(1);
        assertThat(shown).extracting(Sent::by).containsExactly(FIRST);
    }

    @Test
    void theMessagesOfAProcessOfThisHostThatIsGoneAreTakenBackAtOnce() throws Exception {
        queue("1", "discord:channel/1");
        formWithoutSending();
        Process exited = new ProcessBuilder("true").start();
        exited.waitFor();
        ProcessIdentity gone = new ProcessIdentity(ProcessIdentity.THIS.host() + "#0badf00d", exited.pid());
        claimFor(gone);

        int delivered = new Recorder(ProcessIdentity.THIS, 0).worker().drain();

        assertThat(delivered).isEqualTo(1);
        assertThat(shown).hasSize(1);
    }

    @Test
    void aLiveProcessOfThisHostKeepsItsClaims() {
        queue("1", "discord:channel/1");
        formWithoutSending();
        ProcessIdentity parent = new ProcessIdentity(
                ProcessIdentity.THIS.host() + "#0badf00d",
                ProcessHandle.current().parent().orElseThrow().pid());
        claimFor(parent);

        int delivered = new Recorder(ProcessIdentity.THIS, 0).worker().drain();

        assertThat(delivered).isZero();
        assertThat(shown).isEmpty();
    }

    private List<OutboxMessage> claimFor(ProcessIdentity claimer) {
        return db.transaction(c ->
                messages.claimDue(c, claimer, clock.instant(), clock.instant().plus(Outbox.CLAIM_TTL), 10, Set.of()));
    }

    /** Forms the due alerts into messages as a process would, without sending any. */
    private void formWithoutSending() {
        Recorder former = new Recorder(FIRST, 0);
        Outbox outbox = new Outbox(db, deliveries, messages, clock, FIRST);
        new MessageFormer(outbox, new Notifiers(List.of(former))).formDue(new HashSet<>());
    }

    private int drainUntilIdle(Recorder recorder) {
        DeliveryWorker worker = recorder.worker();
        int total = 0;
        for (int idle = 0; idle < 3; ) {
            int delivered = worker.drain();
            total += delivered;
            idle = delivered == 0 ? idle + 1 : 0;
        }
        return total;
    }

    private long queue(String externalId, String target) {
        Posting p = posting("s1", externalId).build();
        return db.transaction((Connection c) -> {
            new PostingStore().insert(c, p, clock.instant());
            deliveries.enqueue(c, p.fingerprint(), target, p.key(), null, "1", clock.instant());
            return deliveries.forPosting(c, p.key()).getFirst().id();
        });
    }

    /** One process's notifier: records what it shows, one alert per message, after {@code sendMillis}. */
    private class Recorder implements Notifier {
        private final ProcessIdentity process;
        private final long sendMillis;

        Recorder(ProcessIdentity process, long sendMillis) {
            this.process = process;
            this.sendMillis = sendMillis;
        }

        DeliveryWorker worker() {
            return new DeliveryWorker(
                    db,
                    deliveries,
                    messages,
                    List.of(this),
                    clock,
                    TargetHealth.IGNORE,
                    DeliveryListener.NONE,
                    process);
        }

        void beforeSend() throws InterruptedException {}

        void afterSend() {}

        @Override
        public boolean handles(String target) {
            return true;
        }

        @Override
        public List<MessagePlan> plan(String target, List<Alert> alerts) {
            return alerts.stream()
                    .map(a -> new MessagePlan(List.of(a), MessageLayout.ITEMS))
                    .toList();
        }

        @Override
        public Receipt send(AlertMessage message) throws DeliveryException {
            try {
                beforeSend();
                Thread.sleep(sendMillis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw DeliveryException.transientFailure("interrupted", e);
            }
            shown.add(new Sent(
                    process,
                    message.target(),
                    message.key(),
                    message.alerts().stream().map(Alert::deliveryId).toList()));
            afterSend();
            return new Receipt("c", "m-" + message.key());
        }
    }
}
