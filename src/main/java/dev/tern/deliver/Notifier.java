package dev.tern.deliver;

import java.util.List;

/** Sends alerts to one kind of target (console, Discord, Slack, webhooks). */
public interface Notifier {

    /** Whether this notifier delivers to {@code target}. */
    boolean handles(String target);

    /**
     * Sends alerts for one target, in order; they may be batched into fewer messages.
     *
     * @return an external message id per alert, in the same order (null where the target has none)
     * @throws DeliveryException when nothing of the batch was delivered
     */
    List<String> send(String target, List<Alert> alerts) throws DeliveryException;
}
