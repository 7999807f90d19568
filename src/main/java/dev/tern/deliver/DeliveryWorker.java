package dev.tern.deliver;

import dev.tern.deliver.DeliveryListener.Outcome;
import dev.tern.store.Database;
import dev.tern.store.DeliveryStore;
import dev.tern.store.PendingDelivery;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Drains the outbox: sends due deliveries target by target through the notifier that handles each, marks them
 * sent, retries transient failures with exponential backoff, and marks permanent ones failed (never silently),
 * telling {@link TargetHealth} when the failure means the target is gone or its recipient refuses messages.
 */
public final class DeliveryWorker {

    private static final Logger log = LoggerFactory.getLogger(DeliveryWorker.class);

    static final int BATCH_LIMIT = 200;
    /** 30 s doubling to an hour, then hourly: about two days of trying before an alert is marked FAILED. */
    static final int MAX_ATTEMPTS = 54;

    static final Duration FIRST_RETRY = Duration.ofSeconds(30);
    static final Duration MAX_RETRY = Duration.ofHours(1);

    private final Database database;
    private final DeliveryStore store;
    private final List<Notifier> notifiers;
    private final Clock clock;
    private final TargetHealth health;
    private final DeliveryListener listener;
    private final Set<String> warnedUnhandled = new HashSet<>();

    /** A worker whose permanent failures affect nothing but their own rows (console, tests). */
    public DeliveryWorker(Database database, DeliveryStore store, List<Notifier> notifiers, Clock clock) {
        this(database, store, notifiers, clock, TargetHealth.IGNORE);
    }

    /** @param health told when a target is gone or its recipient refuses messages */
    public DeliveryWorker(
            Database database, DeliveryStore store, List<Notifier> notifiers, Clock clock, TargetHealth health) {
        this(database, store, notifiers, clock, health, DeliveryListener.NONE);
    }

    /** @param listener told the outcome of every attempt (metrics) */
    public DeliveryWorker(
            Database database,
            DeliveryStore store,
            List<Notifier> notifiers,
            Clock clock,
            TargetHealth health,
            DeliveryListener listener) {
        this.listener = listener;
        this.database = database;
        this.store = store;
        this.notifiers = List.copyOf(notifiers);
        this.clock = clock;
        this.health = health;
    }

    /**
     * Sends everything due now. Rows for targets no notifier handles (a Discord target while the bot is off) are
     * left pending, untouched, and do not hold up the others.
     *
     * @return how many alerts were delivered
     */
    public synchronized int drain() {
        int delivered = 0;
        Set<String> unhandled = new HashSet<>();
        while (true) {
            List<PendingDelivery> due = dueHandled(unhandled);
            if (due.isEmpty()) {
                return delivered;
            }
            int sentThisRound = 0;
            for (Map.Entry<String, List<PendingDelivery>> batch : byTarget(due).entrySet()) {
                sentThisRound += deliver(batch.getKey(), batch.getValue());
            }
            delivered += sentThisRound;
            if (sentThisRound == 0 || due.size() < BATCH_LIMIT) {
                return delivered;
            }
        }
    }

    /** Due rows whose targets some notifier handles; each pass leaves out the unhandled targets it found. */
    private List<PendingDelivery> dueHandled(Set<String> unhandled) {
        while (true) {
            List<PendingDelivery> due = database.read(c -> store.due(c, clock.instant(), BATCH_LIMIT, unhandled));
            Set<String> found = new LinkedHashSet<>();
            due.stream()
                    .map(PendingDelivery::target)
                    .filter(target -> notifierFor(target).isEmpty())
                    .forEach(found::add);
            if (found.isEmpty()) {
                return due;
            }
            found.stream()
                    .filter(warnedUnhandled::add)
                    .forEach(target -> log.warn(
                            "No notifier delivers to {} (is its bot or webhook configured?); its alerts wait in the outbox",
                            target));
            unhandled.addAll(found);
        }
    }

    private Optional<Notifier> notifierFor(String target) {
        return notifiers.stream().filter(n -> n.handles(target)).findFirst();
    }

    private int deliver(String target, List<PendingDelivery> rows) {
        Notifier notifier = notifierFor(target).orElseThrow();
        List<Alert> alerts = rows.stream().map(DeliveryWorker::toAlert).toList();
        List<String> messageIds;
        try {
            messageIds = notifier.send(target, alerts);
        } catch (DeliveryException e) {
            int sent = Math.min(e.sentIds().size(), rows.size());
            markSent(rows.subList(0, sent), e.sentIds());
            List<PendingDelivery> failed = rows.subList(sent, rows.size());
            if (e.isPermanent()) {
                failAll(failed, e.getMessage());
                tellHealth(target, e);
                listener.delivered(
                        target,
                        e.kind() == DeliveryException.Kind.REJECTED ? Outcome.FAILED : Outcome.BROKEN,
                        failed.size());
            } else {
                retryAll(failed, e.getMessage());
            }
            return sent;
        } catch (RuntimeException e) {
            retryAll(rows, "unexpected error: " + e);
            return 0;
        }
        markSent(rows, messageIds);
        log.debug("Delivered {} alert(s) to {}", rows.size(), target);
        return rows.size();
    }

    /** Records delivered rows; a row whose id list has no entry (or "") gets no message id. */
    private void markSent(List<PendingDelivery> rows, List<String> messageIds) {
        if (rows.isEmpty()) {
            return;
        }
        Instant now = clock.instant();
        database.transaction(c -> {
            for (int i = 0; i < rows.size(); i++) {
                String messageId = i < messageIds.size() ? messageIds.get(i) : null;
                store.markSent(c, rows.get(i).id(), now, messageId == null || messageId.isEmpty() ? null : messageId);
            }
            return null;
        });
        listener.delivered(rows.get(0).target(), Outcome.SENT, rows.size());
    }

    private void tellHealth(String target, DeliveryException e) {
        try {
            switch (e.kind()) {
                case TARGET_GONE -> health.targetGone(target, e.getMessage());
                case RECIPIENT_CLOSED -> health.recipientClosed(target, e.getMessage());
                case TRANSIENT, REJECTED -> {}
            }
        } catch (RuntimeException failure) {
            log.error("Could not record that target {} failed for good: {}", target, failure.getMessage(), failure);
        }
    }

    private void retryAll(List<PendingDelivery> rows, String error) {
        Instant now = clock.instant();
        List<PendingDelivery> exhausted = new ArrayList<>();
        database.transaction(c -> {
            for (PendingDelivery row : rows) {
                int attempts = row.attempts() + 1;
                if (attempts >= MAX_ATTEMPTS) {
                    exhausted.add(row);
                } else {
                    store.markRetry(c, row.id(), attempts, now.plus(backoff(attempts)), error);
                }
            }
            return null;
        });
        if (!exhausted.isEmpty()) {
            failAll(exhausted, "gave up after " + MAX_ATTEMPTS + " attempts: " + error);
            listener.delivered(exhausted.get(0).target(), Outcome.FAILED, exhausted.size());
        }
        if (exhausted.size() < rows.size()) {
            listener.delivered(rows.get(0).target(), Outcome.RETRIED, rows.size() - exhausted.size());
            log.warn(
                    "Delivery to {} failed, will retry {} alert(s): {}",
                    rows.get(0).target(),
                    rows.size() - exhausted.size(),
                    error);
        }
    }

    private void failAll(List<PendingDelivery> rows, String error) {
        database.transaction(c -> {
            for (PendingDelivery row : rows) {
                store.markFailed(c, row.id(), error);
            }
            return null;
        });
        log.error(
                "Delivery to {} failed for good, {} alert(s) marked FAILED: {}",
                rows.get(0).target(),
                rows.size(),
                error);
    }

    /** 30 s, 1 min, 2 min, ... up to an hour. */
    static Duration backoff(int attempts) {
        int doublings = Math.min(attempts - 1, 20);
        Duration wait = FIRST_RETRY.multipliedBy(1L << doublings);
        return wait.compareTo(MAX_RETRY) > 0 ? MAX_RETRY : wait;
    }

    private static Map<String, List<PendingDelivery>> byTarget(List<PendingDelivery> due) {
        Map<String, List<PendingDelivery>> batches = new LinkedHashMap<>();
        for (PendingDelivery row : due) {
            batches.computeIfAbsent(row.target(), t -> new ArrayList<>()).add(row);
        }
        return batches;
    }

    private static Alert toAlert(PendingDelivery row) {
        return new Alert(row.id(), row.target(), row.routeId(), row.subscriptionId(), row.posting());
    }
}
