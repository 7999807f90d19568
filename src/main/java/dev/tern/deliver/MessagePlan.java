package dev.tern.deliver;

import dev.tern.store.MessageLayout;
import java.util.List;

/**
 * How some alerts for one target go in one message, as a notifier splits them within its target's limits.
 *
 * @param alerts the alerts, in the order the message shows them
 * @param layout one entry per alert, or one digest
 */
public record MessagePlan(List<Alert> alerts, MessageLayout layout) {

    public MessagePlan {
        alerts = List.copyOf(alerts);
        if (alerts.isEmpty()) {
            throw new IllegalArgumentException("a message carries at least one alert");
        }
    }
}
