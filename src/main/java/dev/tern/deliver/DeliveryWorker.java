package dev.tern.deliver;

import dev.tern.store.Database;
import dev.tern.store.DeliveryStore;
import dev.tern.store.OutboxMessageStore;
import dev.tern.store.ProcessIdentity;
import java.time.Clock;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Drains the outbox, so that every alert is shown exactly once whatever crashes in between: first it re-sends the
 * messages already formed (same alerts, same layout, same key), and only then groups new alerts into messages, which
 * it records before sending them; then it edits sent messages whose postings closed or reopened. Transient failures
 * are retried with exponential backoff, permanent ones are marked failed (never silently), telling
 * {@link TargetHealth} when the failure means the target is gone or its recipient refuses messages.
 */
public final class DeliveryWorker {

    static final int BATCH_LIMIT = 200;
    /**
     * How many targets a drain claims at a time: few enough that it gets to each within a claim's life while
     * another process shares the work.
     */
    static final int CLAIM_TARGETS = 20;
    /** 30 s doubling to an hour, then hourly: about two days of trying before an alert is marked FAILED. */
    static final int MAX_ATTEMPTS = 54;

    static final Duration FIRST_RETRY = Duration.ofSeconds(30);
    static final Duration MAX_RETRY = Duration.ofHours(1);

    private static final Logger log = LoggerFactory.getLogger(DeliveryWorker.class);

    private final Outbox outbox;
    private final Duration renewEvery;
    private final Notifiers notifiers;
    private final MessageSender sender;
    private final MessageFormer former;
    private final MessageEditor editor;

    /**
     * @param health told when a target is gone or its recipient refuses messages
     * @param listener told the outcome of every message tried (metrics)
     * @param claimer the process the messages it sends or edits are claimed for ({@link ProcessIdentity#THIS})
     */
    public DeliveryWorker(
            Database database,
            DeliveryStore deliveries,
            OutboxMessageStore messages,
            List<Notifier> notifiers,
            Clock clock,
            TargetHealth health,
            DeliveryListener listener,
            ProcessIdentity claimer) {
        this(
                database,
                deliveries,
                messages,
                notifiers,
                clock,
                health,
                listener,
                claimer,
                Outbox.CLAIM_TTL.dividedBy(4));
    }

    /** As the public constructor, renewing the claims every {@code renewEvery} while a drain runs. */
    DeliveryWorker(
            Database database,
            DeliveryStore deliveries,
            OutboxMessageStore messages,
            List<Notifier> notifiers,
            Clock clock,
            TargetHealth health,
            DeliveryListener listener,
            ProcessIdentity claimer,
            Duration renewEvery) {
        this.renewEvery = renewEvery;
        this.notifiers = new Notifiers(notifiers);
        this.outbox = new Outbox(database, deliveries, messages, clock, claimer);
        this.sender = new MessageSender(outbox, this.notifiers, health, listener);
        this.former = new MessageFormer(outbox, this.notifiers);
        this.editor = new MessageEditor(outbox, this.notifiers);
    }

    /**
     * Sends everything due now, then makes the edits that are due. Rows for targets no notifier handles (a Discord
     * target while the bot is off) are left pending, untouched, and do not hold up the others.
     *
     * @return how many alerts were delivered
     */
    public synchronized int drain() {
        endClaimsOfTheDead();
        CountDownLatch drained = new CountDownLatch(1);
        Thread.ofVirtual().name("tern-outbox-claims").start(() -> keepClaims(drained));
        try {
            Set<String> unhandled = new HashSet<>();
            int delivered = 0;
            do {
                delivered += sender.sendDue(unhandled);
            } while (!stopping() && former.formDue(unhandled) > 0);
            if (!stopping()) {
                editor.editDue(unhandled);
            }
            return delivered;
        } finally {
            drained.countDown();
            releaseClaims();
        }
    }

    /**
     * Renews this process's claims every quarter of their life while the drain runs, so that none runs out during
     * a slow send (a webhook's retries and rate-limit waits, a Discord DM channel to open) and is sent again by
     * another process.
     */
    private void keepClaims(CountDownLatch drained) {
        try {
            // woken by the drain's end, never interrupted: an interrupt during a statement would close an H2 file
            while (!drained.await(renewEvery.toMillis(), TimeUnit.MILLISECONDS)) {
                try {
                    outbox.transaction(c -> outbox.messages().renewClaims(c, outbox.claimer(), outbox.claimUntil()));
                } catch (RuntimeException e) {
                    log.warn("Could not renew this process's claims on the outbox: {}", e.getMessage());
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Frees what this drain claimed and did not get to (a stalled target's later messages, or all of it when the
     * drain was interrupted or failed), so that another process need not wait for the claims to expire. The
     * interrupt flag is set aside for the statement (an interrupted thread must not touch the H2 file) and kept.
     */
    private void releaseClaims() {
        boolean interrupted = Thread.interrupted();
        try {
            outbox.transaction(c -> outbox.messages().releaseClaims(c, outbox.claimer()));
        } catch (RuntimeException e) {
            log.warn(
                    "Could not release this process's claims on the outbox (they expire by themselves): {}",
                    e.getMessage());
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /**
     * Frees at once the messages claimed by a process of this host that is gone (a crash, a restarted container),
     * instead of waiting for their claims to expire; another host's claims end only by expiring.
     */
    private void endClaimsOfTheDead() {
        ProcessIdentity self = outbox.claimer();
        for (ProcessIdentity claimer : outbox.read(c -> outbox.messages().claimers(c, outbox.now()))) {
            if (!self.mayBeAlive(claimer)) {
                int freed = outbox.transaction(c -> outbox.messages().releaseClaims(c, claimer));
                log.info(
                        "Took back {} message(s) claimed by a Tern process that is gone ({})",
                        freed,
                        claimer.describe());
            }
        }
    }

    /**
     * Whether the drain was interrupted (the process stops, or the outbox lease was lost). A failure seen then is the
     * interruption's, not the target's: the message stays due without counting an attempt, and the drain ends, so
     * that an interrupted drain does not push every message after it into backoff.
     */
    static boolean stopping() {
        return Thread.currentThread().isInterrupted();
    }

    /** 30 s, 1 min, 2 min, ... up to an hour. */
    static Duration backoff(int attempts) {
        int doublings = Math.min(attempts - 1, 20);
        Duration wait = FIRST_RETRY.multipliedBy(1L << doublings);
        return wait.compareTo(MAX_RETRY) > 0 ? MAX_RETRY : wait;
    }
}
