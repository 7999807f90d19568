package dev.tern.deliver.webhook;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tern.config.Target;
import dev.tern.deliver.Alert;
import dev.tern.deliver.AlertMessage;
import dev.tern.deliver.DeliveryException;
import dev.tern.deliver.DeliveryException.Kind;
import dev.tern.deliver.MessagePlan;
import dev.tern.deliver.Notifier;
import dev.tern.deliver.PostingJson;
import dev.tern.deliver.Receipt;
import dev.tern.store.MessageLayout;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Delivers alerts to any HTTP endpoint ({@code webhook:URL}) as one JSON POST per posting: the posting as
 * {@code tern poll --json} shows it, with {@code route} and {@code event} ({@code posting.new}; when the posting
 * later closes or reopens, a further POST with {@code posting.closed} or {@code posting.reopened}). Each request
 * carries an {@code Idempotency-Key}, and with the route's {@code secret} an {@code X-Tern-Signature} HMAC of the
 * body. Any 4xx but 429 marks the target broken.
 */
public final class JsonWebhookNotifier implements Notifier {

    static final String NEW = "posting.new";
    static final String CLOSED = "posting.closed";
    static final String REOPENED = "posting.reopened";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final WebhookClient client;
    private final Map<String, String> secrets;

    /**
     * @param client sends the requests
     * @param secrets the signing secret of each target key that has one (from its routes)
     */
    public JsonWebhookNotifier(WebhookClient client, Map<String, String> secrets) {
        this.client = client;
        this.secrets = Map.copyOf(secrets);
    }

    @Override
    public boolean handles(String target) {
        return Webhooks.parse(target) instanceof Target.JsonWebhook;
    }

    /** One posting per request, so that a receiver handles each on its own. */
    @Override
    public List<MessagePlan> plan(String target, List<Alert> alerts) {
        return alerts.stream()
                .map(alert -> new MessagePlan(List.of(alert), MessageLayout.ITEMS))
                .toList();
    }

    @Override
    public Receipt send(AlertMessage message) throws DeliveryException {
        post(message, NEW, message.key());
        // the key stands for the message id, so that a close or reopen is sent as an "edit"
        return new Receipt(null, message.key());
    }

    @Override
    public void edit(AlertMessage message) throws DeliveryException {
        Alert alert = message.alerts().getFirst();
        String event = alert.closed() ? CLOSED : REOPENED;
        // one key per edit request: a posting that closes, reopens, closes and reopens again sends four events
        post(message, event, message.key() + ":" + event + ":" + message.edits());
    }

    private void post(AlertMessage message, String event, String idempotencyKey) throws DeliveryException {
        Target.JsonWebhook target = (Target.JsonWebhook) Target.parse(message.target());
        byte[] body = body(message.alerts().getFirst(), event);
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", "application/json; charset=utf-8");
        headers.put("Idempotency-Key", idempotencyKey);
        headers.put("X-Tern-Event", event);
        String secret = secrets.get(message.target());
        if (secret != null) {
            headers.put(Signature.HEADER, Signature.of(secret, body));
        }
        client.send(target, "POST", target.url(), body, headers, Duration.ZERO, JsonWebhookNotifier::failure);
    }

    static byte[] body(Alert alert, String event) {
        ObjectNode node =
                PostingJson.fill(JSON.createObjectNode(), event, alert.posting().sourceId(), alert.posting());
        node.put("event", event);
        node.put("route", alert.routeId());
        node.put("closedAt", alert.closedAt() == null ? null : alert.closedAt().toString());
        try {
            return JSON.writeValueAsBytes(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a webhook body", e);
        }
    }

    /**
     * 401, 403, 404 and 410 mean the endpoint refuses Tern or is gone: the target is broken. 408 and 425 ask for
     * another try. Any other 4xx but 429 (which the client waits out) refuses this one message (400, 409, 413, 422,
     * ...): it is marked failed and the route goes on.
     */
    static DeliveryException failure(int status, String body, String shown) {
        String text = "the webhook answered HTTP " + status + " " + Webhooks.shortCode(body) + " for " + shown;
        if (status == 408 || status == 425) {
            return DeliveryException.transientFailure(text + "; will try again", null); // timeout, too early
        }
        boolean gone = status == 401 || status == 403 || status == 404 || status == 410;
        return DeliveryException.permanent(gone ? Kind.TARGET_GONE : Kind.REJECTED, text);
    }
}
