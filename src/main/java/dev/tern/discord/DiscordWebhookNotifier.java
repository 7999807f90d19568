package dev.tern.discord;

import dev.tern.config.Target;
import dev.tern.deliver.Alert;
import dev.tern.deliver.AlertMessage;
import dev.tern.deliver.DeliveryException;
import dev.tern.deliver.DeliveryException.Kind;
import dev.tern.deliver.MessagePlan;
import dev.tern.deliver.Notifier;
import dev.tern.deliver.Receipt;
import dev.tern.deliver.webhook.WebhookClient;
import dev.tern.source.Http;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import net.dv8tion.jda.api.utils.data.DataObject;

/**
 * Delivers alerts to Discord webhooks ({@code discord-webhook:URL}), no bot needed: the same embeds and Apply
 * buttons as the bot's messages, no mentions ever, sent with {@code ?wait=true} so that Discord answers with the
 * message, whose id is kept and used to edit it (PATCH) when its postings close or reopen. A webhook that was
 * deleted (Discord error 10015) or whose token is refused marks the target broken.
 */
public final class DiscordWebhookNotifier implements Notifier {

    /** Discord allows a webhook about 5 messages in 2 seconds; Tern stays under that. */
    static final Duration GAP = Duration.ofMillis(500);

    private static final int UNKNOWN_WEBHOOK = 10015;
    private static final int INVALID_WEBHOOK_TOKEN = 50027;

    private final WebhookClient client;
    private final int digest;

    /**
     * @param client sends the requests
     * @param digest more alerts than this for one webhook at once become one digest message
     */
    public DiscordWebhookNotifier(WebhookClient client, int digest) {
        this.client = client;
        this.digest = digest;
    }

    @Override
    public boolean handles(String target) {
        try {
            return Target.parse(target) instanceof Target.DiscordWebhook;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    @Override
    public List<MessagePlan> plan(String target, List<Alert> alerts) {
        return AlertMessages.plan(alerts, digest);
    }

    @Override
    public Receipt send(AlertMessage message) throws DeliveryException {
        Target.DiscordWebhook target = webhook(message);
        DataObject body = AlertMessages.create(message).toData().put("allowed_mentions", noMentions());
        Http.Answer answer = client.send(
                target,
                "POST",
                withQuery(target.url(), "", "wait=true&with_components=true"),
                body.toJson(),
                headers(message.key()),
                GAP,
                DiscordWebhookNotifier::failure);
        try {
            DataObject sent = DataObject.fromJson(answer.body());
            return new Receipt(sent.getString("channel_id", null), sent.getString("id"));
        } catch (RuntimeException e) {
            // sent, but without the message Tern cannot edit it later: say so rather than send it twice
            return new Receipt(null, null);
        }
    }

    @Override
    public void edit(AlertMessage message) throws DeliveryException {
        Target.DiscordWebhook target = webhook(message);
        DataObject body = AlertMessages.edit(message).toData().put("allowed_mentions", noMentions());
        client.send(
                target,
                "PATCH",
                withQuery(target.url(), "/messages/" + message.receipt().messageId(), "with_components=true"),
                body.toJson(),
                headers(message.key() + ":edit"),
                GAP,
                DiscordWebhookNotifier::failure);
    }

    private static Map<String, String> headers(String idempotencyKey) {
        return Map.of("Content-Type", "application/json", "Idempotency-Key", idempotencyKey);
    }

    /** A deleted webhook or a refused token breaks the target; anything else refuses only this message. */
    static DeliveryException failure(int status, String body, String shown) {
        int code = errorCode(body);
        String what = "Discord answered HTTP " + status + (code > 0 ? " (error " + code + ")" : "") + " for " + shown;
        if (code == UNKNOWN_WEBHOOK || code == INVALID_WEBHOOK_TOKEN || (status == 404 && code <= 0) || status == 401) {
            return DeliveryException.permanent(
                    Kind.TARGET_GONE, what + ": the webhook was deleted or its URL is wrong");
        }
        return DeliveryException.permanent(Kind.REJECTED, what);
    }

    private static int errorCode(String body) {
        try {
            return DataObject.fromJson(body).getInt("code", 0);
        } catch (RuntimeException e) {
            return 0;
        }
    }

    private static DataObject noMentions() {
        return DataObject.empty().put("parse", net.dv8tion.jda.api.utils.data.DataArray.empty());
    }

    private static Target.DiscordWebhook webhook(AlertMessage message) {
        return (Target.DiscordWebhook) Target.parse(message.target());
    }

    /** The webhook URL with {@code path} appended and {@code query} added to any query it has (a thread_id). */
    private static URI withQuery(URI url, String path, String query) {
        String base = url.toString();
        int q = base.indexOf('?');
        String address = (q < 0 ? base : base.substring(0, q)).replaceAll("/+$", "") + path;
        String existing = q < 0 ? "" : base.substring(q + 1) + "&";
        return URI.create(address + "?" + existing + query);
    }
}
