package dev.tern.deliver;

import dev.tern.store.MessageLayout;
import java.time.Instant;
import java.util.List;

/**
 * One message of the outbox as a notifier sends or edits it: a group of alerts for one target, formed once and
 * shown the same way on every try. Its {@code key} goes with every try (Discord's nonce, a webhook's
 * {@code Idempotency-Key}) and into the message itself (a marker in the footer), so that a target that already
 * took it can be recognised.
 *
 * @param id the outbox message id
 * @param target where it goes
 * @param key the message's own idempotency key
 * @param layout one entry per alert, or one digest
 * @param alerts what it carries, in order, each posting as stored now (closed ones show as closed)
 * @param firstTriedAt when it was first handed to the target, or null if never: the target may have it since
 * @param receipt where it is, once sent; null before
 * @param edits how many times a posting it carries closed or reopened so far: what an edit now shows, so that each
 *     edit has an idempotency key of its own (a second reopen is not a repeat of the first)
 */
public record AlertMessage(
        long id,
        String target,
        String key,
        MessageLayout layout,
        List<Alert> alerts,
        Instant firstTriedAt,
        Receipt receipt,
        int edits) {

    public AlertMessage {
        alerts = List.copyOf(alerts);
    }

    /** A message no posting of which has closed or reopened yet. */
    public AlertMessage(
            long id,
            String target,
            String key,
            MessageLayout layout,
            List<Alert> alerts,
            Instant firstTriedAt,
            Receipt receipt) {
        this(id, target, key, layout, alerts, firstTriedAt, receipt, 0);
    }
}
