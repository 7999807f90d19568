package dev.tern.deliver;

import dev.tern.config.Target;
import dev.tern.store.OutboxMessage;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends the messages already formed, oldest first, each exactly as it was formed: it notes that the target may have
 * a message before handing it over, and records it sent only with the receipt its notifier got for that message.
 */
final class MessageSender {

    private static final Logger log = LoggerFactory.getLogger(MessageSender.class);

    private final Outbox outbox;
    private final Notifiers notifiers;
    private final TargetHealth health;
    private final DeliveryListener listener;

    MessageSender(Outbox outbox, Notifiers notifiers, TargetHealth health, DeliveryListener listener) {
        this.outbox = outbox;
        this.notifiers = notifiers;
        this.health = health;
        this.listener = listener;
    }

    /**
     * Sends every formed message due now that this process can claim; a target whose message fails waits for its
     * retry, and a target another process is sending to is left to it.
     */
    int sendDue(Set<String> unhandled) {
        int delivered = 0;
        Set<String> stalled = new HashSet<>();
        while (true) {
            Instant now = outbox.now();
            notifiers.handled(
                    unhandled,
                    excluded -> outbox.read(c -> outbox.messages().due(c, now, DeliveryWorker.BATCH_LIMIT, excluded)),
                    OutboxMessage::target);
            Set<String> excluded = new HashSet<>(unhandled);
            excluded.addAll(stalled);
            List<OutboxMessage> claimed = outbox.transaction(c -> outbox.messages()
                    .claimDue(c, outbox.claimer(), now, outbox.claimUntil(), DeliveryWorker.CLAIM_TARGETS, excluded));
            int sentNow = 0;
            for (OutboxMessage message : claimed) {
                if (DeliveryWorker.stopping()) {
                    return delivered + sentNow;
                }
                if (stalled.contains(message.target())) {
                    continue;
                }
                if (notifiers.forTarget(message.target()).isEmpty()) {
                    // formed by a process that can send it (the bot) after this drain read its targets: left to it
                    unhandled.add(message.target());
                    stalled.add(message.target());
                    continue;
                }
                int sent = outbox.hold(message) ? send(message) : 0;
                if (sent == 0) {
                    stalled.add(message.target());
                }
                sentNow += sent;
            }
            delivered += sentNow;
            if (sentNow == 0) {
                return delivered;
            }
        }
    }

    /** Sends one message; returns how many alerts it delivered (0 when it failed). */
    private int send(OutboxMessage row) {
        Notifier notifier = notifiers.forTarget(row.target()).orElseThrow();
        AlertMessage message = outbox.load(row, null);
        if (message.alerts().isEmpty()) {
            fail(row, "the message carries no alert");
            return 0;
        }
        if (!row.tried()) {
            // committed before the target sees it: from now on it may have it, whatever happens to this process
            outbox.write(c -> outbox.messages().markTried(c, row.id(), outbox.now()));
        }
        int alerts = message.alerts().size();
        Receipt receipt;
        try {
            receipt = notifier.send(message);
        } catch (DeliveryException e) {
            failed(row, e, alerts);
            return 0;
        } catch (RuntimeException e) {
            retry(row, "unexpected error: " + e, alerts);
            return 0;
        }
        outbox.write(c -> outbox.messages()
                .markSent(c, row.id(), receipt.channelId(), receipt.messageId(), row.editsRequested(), outbox.now()));
        log.debug(
                "Delivered message {} ({} alert(s)) to {}",
                row.id(),
                message.alerts().size(),
                Target.displayOf(row.target()));
        listener.delivered(row.target(), DeliveryListener.Outcome.SENT, alerts);
        return alerts;
    }

    private void failed(OutboxMessage row, DeliveryException e, int alerts) {
        if (DeliveryWorker.stopping()) {
            return;
        }
        if (!e.isPermanent()) {
            retry(row, e.getMessage(), alerts);
            return;
        }
        if (!fail(row, e.getMessage())) {
            return;
        }
        boolean broken =
                e.kind() == DeliveryException.Kind.TARGET_GONE || e.kind() == DeliveryException.Kind.RECIPIENT_CLOSED;
        listener.delivered(
                row.target(), broken ? DeliveryListener.Outcome.BROKEN : DeliveryListener.Outcome.FAILED, alerts);
        try {
            switch (e.kind()) {
                case TARGET_GONE -> health.targetGone(row.target(), e.getMessage());
                case RECIPIENT_CLOSED -> health.recipientClosed(row.target(), e.getMessage());
                case TRANSIENT, REJECTED -> {}
            }
        } catch (RuntimeException failure) {
            log.error(
                    "Could not record that target {} failed for good: {}",
                    Target.displayOf(row.target()),
                    failure.getMessage(),
                    failure);
        }
    }

    private void retry(OutboxMessage row, String error, int alerts) {
        if (DeliveryWorker.stopping()) {
            return;
        }
        int attempts = row.attempts() + 1;
        if (attempts >= DeliveryWorker.MAX_ATTEMPTS) {
            if (fail(row, "gave up after " + DeliveryWorker.MAX_ATTEMPTS + " attempts: " + error)) {
                listener.delivered(row.target(), DeliveryListener.Outcome.FAILED, alerts);
            }
            return;
        }
        Instant next = outbox.now().plus(DeliveryWorker.backoff(attempts));
        if (!outbox.transaction(c -> outbox.messages().markRetry(c, row.id(), attempts, next, error))) {
            sentByAnother(row);
            return;
        }
        listener.delivered(row.target(), DeliveryListener.Outcome.RETRIED, alerts);
        log.warn(
                "Delivery of message {} to {} failed, will retry at {}: {}",
                row.id(),
                Target.displayOf(row.target()),
                next,
                error);
    }

    /** Marks the message failed for good; false when another process had sent it meanwhile (nothing written). */
    private boolean fail(OutboxMessage row, String error) {
        if (!outbox.transaction(c -> outbox.messages().markFailed(c, row.id(), error))) {
            sentByAnother(row);
            return false;
        }
        log.error(
                "Delivery of message {} to {} failed for good, its alerts are marked FAILED: {}",
                row.id(),
                Target.displayOf(row.target()),
                error);
        return true;
    }

    private static void sentByAnother(OutboxMessage row) {
        log.warn(
                "Message {} to {} was sent by another Tern process while this one tried it (its claim had run out);"
                        + " its outcome stands",
                row.id(),
                Target.displayOf(row.target()));
    }
}
