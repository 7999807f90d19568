package dev.tern.discord.fake;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;

/**
 * The bot's answers to interactions: the callback (204, as Discord answers when no response body is asked for),
 * then {@code @original} and follow-ups through the interaction webhook. Each lands on its {@link InteractionReply}
 * and in the {@link MessageStore}.
 */
final class InteractionApi {

    private static final String WEBHOOK = "webhooks/(\\d+)/([^/]+)";
    private static final String ORIGINAL = WEBHOOK + "/messages/@original";
    private static final int UNKNOWN_INTERACTION = 10062;
    private static final int UNKNOWN_MESSAGE = 10008;
    private static final int ALREADY_ACKNOWLEDGED = 40060;

    private final MessageStore messages;
    private final Map<String, InteractionReply> byToken = new ConcurrentHashMap<>();

    InteractionApi(MessageStore messages) {
        this.messages = messages;
    }

    void register(Router router) {
        router.on("POST", "interactions/(\\d+)/([^/]+)/callback", this::callback)
                .on("PATCH", ORIGINAL, (path, body) -> editOriginal(path.group(2), body))
                .on("GET", ORIGINAL, (path, body) -> original(path.group(2)))
                .on("DELETE", ORIGINAL, (path, body) -> Router.Reply.noContent())
                .on("POST", WEBHOOK, (path, body) -> followUp(path.group(2), body))
                .on("PATCH", WEBHOOK + "/messages/(\\d+)", (path, body) -> edit(path.group(3), body))
                .on("GET", WEBHOOK + "/messages/(\\d+)", (path, body) -> find(path.group(3)))
                .on("DELETE", WEBHOOK + "/messages/(\\d+)", (path, body) -> Router.Reply.noContent());
    }

    void track(InteractionReply reply) {
        byToken.put(reply.token(), reply);
    }

    private Router.Reply callback(Matcher path, JsonNode body) {
        InteractionReply reply = byToken.get(path.group(2));
        if (reply == null || !reply.id().equals(path.group(1))) {
            return Router.Reply.error(Router.Reply.NOT_FOUND, UNKNOWN_INTERACTION, "Unknown interaction");
        }
        if (reply.acknowledged()) {
            return Router.Reply.error(
                    Router.Reply.BAD_REQUEST, ALREADY_ACKNOWLEDGED, "Interaction has already been acknowledged.");
        }
        JsonNode data = body.path("data");
        int type = body.path("type").asInt();
        if (type == InteractionReply.REPLY || type == InteractionReply.DEFER_REPLY) {
            reply.original(messages.create(reply.channelId(), data, MessageStore.COMMAND_REPLY_TYPE)
                    .get("id")
                    .asText());
        } else if (type == InteractionReply.UPDATE_MESSAGE) {
            reply.messageId().ifPresent(id -> messages.edit(id, data));
        }
        reply.callback(body);
        return Router.Reply.noContent();
    }

    private Router.Reply editOriginal(String token, JsonNode body) {
        InteractionReply reply = byToken.get(token);
        if (reply == null) {
            return Router.Reply.error(Router.Reply.NOT_FOUND, UNKNOWN_INTERACTION, "Unknown Webhook");
        }
        String id = reply.messageId().orElseGet(() -> {
            String created = messages.create(reply.channelId(), FakeJson.object(), MessageStore.COMMAND_REPLY_TYPE)
                    .get("id")
                    .asText();
            reply.original(created);
            return created;
        });
        Router.Reply answer = edit(id, body);
        reply.edit(body);
        return answer;
    }

    private Router.Reply original(String token) {
        InteractionReply reply = byToken.get(token);
        return reply == null
                ? Router.Reply.error(Router.Reply.NOT_FOUND, UNKNOWN_MESSAGE, "Unknown Message")
                : reply.messageId().map(this::find).orElseGet(() -> find(""));
    }

    private Router.Reply followUp(String token, JsonNode body) {
        InteractionReply reply = byToken.get(token);
        if (reply == null) {
            return Router.Reply.error(Router.Reply.NOT_FOUND, UNKNOWN_INTERACTION, "Unknown Webhook");
        }
        ObjectNode message = messages.create(reply.channelId(), body, MessageStore.COMMAND_REPLY_TYPE);
        reply.followUp(body);
        return Router.Reply.ok(message);
    }

    private Router.Reply edit(String messageId, JsonNode body) {
        return messages.edit(messageId, body)
                .map(m -> Router.Reply.ok(m.deepCopy()))
                .orElseGet(() -> Router.Reply.error(Router.Reply.NOT_FOUND, UNKNOWN_MESSAGE, "Unknown Message"));
    }

    private Router.Reply find(String messageId) {
        return messages.find(messageId)
                .map(m -> Router.Reply.ok(m.deepCopy()))
                .orElseGet(() -> Router.Reply.error(Router.Reply.NOT_FOUND, UNKNOWN_MESSAGE, "Unknown Message"));
    }
}
