package dev.tern.deliver;

import dev.tern.store.PendingDelivery;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Groups alerts that are in no message yet into messages, for targets with no message waiting to be re-sent: the
 * target's notifier splits them within its limits (batches, a digest) and each message is recorded with the
 * alerts it carries and a key of its own, in one transaction, before anything is sent. A message never changes
 * after this.
 */
final class MessageFormer {

    static final String KEY_PREFIX = "tern-";
    private static final int KEY_RADIX = 36;

    private final Outbox outbox;
    private final Notifiers notifiers;
    private final SecureRandom random = new SecureRandom();

    MessageFormer(Outbox outbox, Notifiers notifiers) {
        this.outbox = outbox;
        this.notifiers = notifiers;
    }

    /**
     * Forms messages of the alerts due now; returns how many it formed. The alerts are locked while their messages
     * are formed, and alerts another process is forming are skipped, so that no alert lands in two messages.
     */
    int formDue(Set<String> unhandled) {
        Instant now = outbox.now();
        notifiers.handled(
                unhandled,
                excluded -> outbox.read(c -> outbox.deliveries().due(c, now, DeliveryWorker.BATCH_LIMIT, excluded)),
                PendingDelivery::target);
        return outbox.transaction(c -> {
            Map<String, List<Alert>> byTarget = new LinkedHashMap<>();
            for (PendingDelivery row : outbox.deliveries().lockDue(c, now, DeliveryWorker.BATCH_LIMIT, unhandled)) {
                byTarget.computeIfAbsent(row.target(), t -> new ArrayList<>()).add(Outbox.toAlert(row));
            }
            int formed = 0;
            for (Map.Entry<String, List<Alert>> target : byTarget.entrySet()) {
                Optional<Notifier> notifier = notifiers.forTarget(target.getKey());
                if (notifier.isEmpty()) {
                    continue; // queued since the handled targets were read; the next drain names it
                }
                for (MessagePlan plan : notifier.get().plan(target.getKey(), target.getValue())) {
                    List<Long> ids =
                            plan.alerts().stream().map(Alert::deliveryId).toList();
                    outbox.messages().form(c, target.getKey(), newKey(), plan.layout(), ids, now);
                    formed++;
                }
            }
            return formed;
        });
    }

    /** A key no other message has: "tern-" and 64 random bits in base 36 (at most 18 characters). */
    private String newKey() {
        return KEY_PREFIX + Long.toUnsignedString(random.nextLong(), KEY_RADIX);
    }
}
