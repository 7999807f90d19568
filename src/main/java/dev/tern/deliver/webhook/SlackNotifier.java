package dev.tern.deliver.webhook;

import dev.tern.config.Target;
import dev.tern.deliver.Alert;
import dev.tern.deliver.AlertMessage;
import dev.tern.deliver.DeliveryException;
import dev.tern.deliver.DeliveryException.Kind;
import dev.tern.deliver.MessagePlan;
import dev.tern.deliver.Notifier;
import dev.tern.deliver.Receipt;
import dev.tern.store.MessageLayout;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Delivers alerts to Slack incoming webhooks ({@code slack:URL}) as Block Kit messages of up to 10 postings, or one
 * digest when more than {@code digest} arrive at once; at most one message a second per webhook (Slack's limit).
 * An incoming webhook keeps no message id, so a closed posting's message cannot be edited; a webhook Slack has
 * disabled, or whose channel is gone or archived, marks the target broken.
 */
public final class SlackNotifier implements Notifier {

    /** Slack allows about one message a second per incoming webhook. */
    static final Duration GAP = Duration.ofSeconds(1);

    /** Slack's answers that mean the webhook will never work again (it was removed, or its channel is gone). */
    static final Set<String> GONE = Set.of(
            "action_prohibited",
            "channel_not_found",
            "channel_is_archived",
            "no_service",
            "no_team",
            "team_disabled",
            "invalid_token",
            "posting_to_general_channel_denied");

    private final WebhookClient client;
    private final int digest;

    /**
     * @param client sends the requests
     * @param digest more alerts than this for one webhook at once become one digest message
     */
    public SlackNotifier(WebhookClient client, int digest) {
        this.client = client;
        this.digest = digest;
    }

    @Override
    public boolean handles(String target) {
        return Webhooks.parse(target) instanceof Target.SlackWebhook;
    }

    @Override
    public List<MessagePlan> plan(String target, List<Alert> alerts) {
        if (alerts.size() > digest) {
            return List.of(new MessagePlan(alerts, MessageLayout.DIGEST));
        }
        List<MessagePlan> plans = new ArrayList<>();
        for (int i = 0; i < alerts.size(); i += SlackBlocks.ITEMS_PER_MESSAGE) {
            plans.add(new MessagePlan(
                    alerts.subList(i, Math.min(alerts.size(), i + SlackBlocks.ITEMS_PER_MESSAGE)),
                    MessageLayout.ITEMS));
        }
        return plans;
    }

    @Override
    public Receipt send(AlertMessage message) throws DeliveryException {
        Target.SlackWebhook target = (Target.SlackWebhook) Target.parse(message.target());
        client.send(
                target,
                "POST",
                target.url(),
                SlackBlocks.render(message),
                Map.of("Content-Type", "application/json; charset=utf-8", "Idempotency-Key", message.key()),
                GAP,
                SlackNotifier::failure);
        return Receipt.NONE;
    }

    /** What Slack's error answer means: a gone webhook or channel marks the target broken; the rest is this message. */
    static DeliveryException failure(int status, String body, String shown) {
        String code = body.strip();
        String what = "Slack answered HTTP " + status + " " + Webhooks.shortCode(code) + " for " + shown;
        if (GONE.contains(code) || status == 403 || status == 404 || status == 410) {
            return DeliveryException.permanent(Kind.TARGET_GONE, what);
        }
        return DeliveryException.permanent(Kind.REJECTED, what + " (the message was refused)");
    }
}
