package dev.tern.deliver;

import dev.tern.store.MessageLayout;
import java.util.List;

/**
 * Sends alert messages to one kind of target (console, Discord, Slack, Discord webhooks, JSON webhooks). The outbox forms each
 * message once, with {@link #plan}, records it, and then only asks the notifier to send that message as formed,
 * as often as it takes; a notifier makes a repeated send harmless where its target allows (Discord's nonce, a
 * webhook's {@code Idempotency-Key}).
 */
public interface Notifier {

    /** Whether this notifier delivers to {@code target}. */
    boolean handles(String target);

    /**
     * Splits alerts due for one target into messages within the target's limits. Called once, when the messages
     * are formed: a retry never splits again. By default all of them go in one message.
     */
    default List<MessagePlan> plan(String target, List<Alert> alerts) {
        return List.of(new MessagePlan(alerts, MessageLayout.ITEMS));
    }

    /**
     * Sends one message, or finds that the target already has it (then sends nothing).
     *
     * @return where the target put it ({@link Receipt#NONE} for a target that keeps nothing to edit)
     * @throws DeliveryException when the target does not have it
     */
    Receipt send(AlertMessage message) throws DeliveryException;

    /**
     * Rewrites a sent message ({@link AlertMessage#receipt()} says where) to show its postings as they are now,
     * closed ones marked closed. Doing it twice gives the same message. By default there is nothing to edit.
     *
     * @throws DeliveryException when the edit did not happen; {@link DeliveryException.Kind#TARGET_GONE} when
     *     it never can (the message or its channel is gone)
     */
    default void edit(AlertMessage message) throws DeliveryException {}
}
