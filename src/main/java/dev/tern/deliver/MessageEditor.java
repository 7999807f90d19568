package dev.tern.deliver;

import dev.tern.config.Target;
import dev.tern.store.OutboxMessage;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Edits sent messages whose postings closed or reopened, so that each shows its postings as they are now. An edit
 * is retried with backoff like a send; a message or channel that is gone ends it quietly.
 */
final class MessageEditor {

    private static final Logger log = LoggerFactory.getLogger(MessageEditor.class);

    private final Outbox outbox;
    private final Notifiers notifiers;

    MessageEditor(Outbox outbox, Notifiers notifiers) {
        this.outbox = outbox;
        this.notifiers = notifiers;
    }

    /** Makes the edits due now that this process can claim; returns how many messages were edited. */
    int editDue(Set<String> unhandled) {
        Instant now = outbox.now();
        notifiers.handled(
                unhandled,
                excluded -> outbox.read(c -> outbox.messages().dueEdits(c, now, DeliveryWorker.BATCH_LIMIT, excluded)),
                OutboxMessage::target);
        List<OutboxMessage> claimed = outbox.transaction(c -> outbox.messages()
                .claimDueEdits(c, outbox.claimer(), now, outbox.claimUntil(), DeliveryWorker.BATCH_LIMIT, unhandled));
        int edited = 0;
        for (OutboxMessage row : claimed) {
            if (DeliveryWorker.stopping()) {
                break;
            }
            if (notifiers.forTarget(row.target()).isEmpty()) {
                unhandled.add(row.target()); // the bot left since the targets were read: its edits wait for it
                continue;
            }
            edited += outbox.hold(row) && edit(row) ? 1 : 0;
        }
        return edited;
    }

    private boolean edit(OutboxMessage row) {
        Notifier notifier = notifiers.forTarget(row.target()).orElseThrow();
        AlertMessage message = outbox.load(row, new Receipt(row.channelId(), row.messageId()));
        try {
            notifier.edit(message);
        } catch (DeliveryException e) {
            if (DeliveryWorker.stopping()) {
                return false;
            }
            if (e.isPermanent()) {
                outbox.write(c -> outbox.messages().markUneditable(c, row.id(), e.getMessage()));
                log.info(
                        "Message {} to {} can no longer be edited: {}",
                        row.id(),
                        Target.displayOf(row.target()),
                        e.getMessage());
            } else {
                retry(row, e.getMessage());
            }
            return false;
        } catch (RuntimeException e) {
            retry(row, "unexpected error: " + e);
            return false;
        }
        outbox.write(c -> outbox.messages().markEdited(c, row.id(), row.editsRequested()));
        log.debug("Edited message {} to {}", row.id(), Target.displayOf(row.target()));
        return true;
    }

    private void retry(OutboxMessage row, String error) {
        if (DeliveryWorker.stopping()) {
            return;
        }
        int attempts = row.editAttempts() + 1;
        if (attempts >= DeliveryWorker.MAX_ATTEMPTS) {
            // this edit only: the message may still be edited when a posting it carries changes again
            outbox.write(c -> outbox.messages().abandonEdit(c, row.id(), "gave up editing: " + error));
            log.error(
                    "Gave up this edit of message {} to {} (a later change of its postings edits it again): {}",
                    row.id(),
                    Target.displayOf(row.target()),
                    error);
            return;
        }
        Instant next = outbox.now().plus(DeliveryWorker.backoff(attempts));
        outbox.write(c -> outbox.messages().markEditRetry(c, row.id(), attempts, next, error));
        log.warn(
                "Editing message {} to {} failed, will retry at {}: {}",
                row.id(),
                Target.displayOf(row.target()),
                next,
                error);
    }
}
