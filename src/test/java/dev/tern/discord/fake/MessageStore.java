package dev.tern.discord.fake;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The messages the bot created, as Discord would return them, and the nonces it sent with {@code enforce_nonce}: a
 * repeated nonce in the same channel within a few minutes gets the original message back, not a new one.
 */
final class MessageStore {

    static final int DEFAULT_TYPE = 0;
    static final int COMMAND_REPLY_TYPE = 20;
    static final int EPHEMERAL = 64;
    private static final Duration NONCE_WINDOW = Duration.ofMinutes(5);
    private static final List<String> EDITABLE = List.of("content", "embeds", "components", "flags");

    private final Clock clock;
    private final Snowflakes snowflakes;
    private final Map<String, ObjectNode> byId = new ConcurrentHashMap<>();
    private final List<ObjectNode> ordered = new ArrayList<>();
    private final Map<String, Nonce> nonces = new ConcurrentHashMap<>();

    MessageStore(Clock clock, Snowflakes snowflakes) {
        this.clock = clock;
        this.snowflakes = snowflakes;
    }

    /** Creates the message, or returns the one an earlier request with the same enforced nonce created. */
    synchronized ObjectNode create(String channelId, JsonNode request, int type) {
        String nonceKey = channelId + "/" + request.path("nonce").asText();
        boolean enforced =
                request.hasNonNull("nonce") && request.path("enforce_nonce").asBoolean(false);
        Instant now = clock.instant();
        if (enforced) {
            Nonce earlier = nonces.get(nonceKey);
            if (earlier != null && earlier.at.plus(NONCE_WINDOW).isAfter(now)) {
                return byId.get(earlier.messageId);
            }
        }
        ObjectNode message = FakeJson.object().put("id", snowflakes.next()).put("type", type);
        message.put("channel_id", channelId).put("timestamp", now.toString());
        message.set("author", FakeJson.user(FakeDiscord.BOT_ID, FakeDiscord.BOT_NAME, true));
        message.put("content", "").put("tts", false).put("pinned", false).put("mention_everyone", false);
        message.putArray("mentions");
        message.putArray("mention_roles");
        message.putArray("attachments");
        message.putArray("embeds");
        message.putArray("components");
        message.put("flags", 0);
        if (request.hasNonNull("nonce")) {
            message.set("nonce", request.get("nonce"));
        }
        if (type == COMMAND_REPLY_TYPE) {
            message.put("webhook_id", FakeDiscord.APPLICATION_ID);
        }
        apply(message, request);
        byId.put(message.get("id").asText(), message);
        ordered.add(message);
        if (enforced) {
            nonces.put(nonceKey, new Nonce(message.get("id").asText(), now));
        }
        return message;
    }

    /** Applies an edit (the fields present in {@code request}) to the message, if it exists. */
    synchronized Optional<ObjectNode> edit(String messageId, JsonNode request) {
        ObjectNode message = byId.get(messageId);
        if (message != null) {
            apply(message, request);
            message.put("edited_timestamp", clock.instant().toString());
        }
        return Optional.ofNullable(message);
    }

    /**
     * The message with that id, or a plain bot message in the channel made up and stored under it, so a test can
     * click a button on a message the fake never saw.
     */
    synchronized ObjectNode findOrAdopt(String channelId, String messageId) {
        ObjectNode message = byId.get(messageId);
        if (message == null) {
            message = create(channelId, FakeJson.object(), DEFAULT_TYPE);
            byId.remove(message.get("id").asText());
            message.put("id", messageId);
            byId.put(messageId, message);
        }
        return message;
    }

    synchronized Optional<ObjectNode> find(String messageId) {
        return Optional.ofNullable(byId.get(messageId));
    }

    synchronized boolean delete(String messageId) {
        ObjectNode removed = byId.remove(messageId);
        ordered.remove(removed);
        return removed != null;
    }

    /** Copies of the messages now in the channel, oldest first. */
    synchronized List<JsonNode> inChannel(String channelId) {
        return ordered.stream()
                .filter(m -> m.path("channel_id").asText().equals(channelId))
                .map(m -> (JsonNode) m.deepCopy())
                .toList();
    }

    private static void apply(ObjectNode message, JsonNode request) {
        for (String field : EDITABLE) {
            if (request.hasNonNull(field)) {
                message.set(field, request.get(field).deepCopy());
            }
        }
        // JDA drops embeds that do not say they are rich, and Discord always says so.
        if (message.get("embeds") instanceof ArrayNode embeds) {
            embeds.forEach(e -> ((ObjectNode) e).put("type", "rich"));
        }
    }

    private record Nonce(String messageId, Instant at) {}
}
