package dev.tern.discord.fake;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.regex.Matcher;

/**
 * Users, DM channels and channel messages: what the bot needs to log in, open a DM and post or edit messages. A
 * channel the guild does not have answers 10003 Unknown Channel, as Discord does.
 */
final class ChannelApi {

    private static final String MESSAGE = "channels/(\\d+)/messages/(\\d+)";
    private static final int UNKNOWN_CHANNEL = 10003;
    private static final int UNKNOWN_MESSAGE = 10008;
    private static final int DM = 1;
    private static final int GUILD_TEXT = 0;
    private static final int GATEWAY_SESSION_LIMIT = 1000;
    private static final int MAX_HISTORY = 100;

    private final Directory directory;
    private final MessageStore messages;
    private final Supplier<String> gatewayUrl;

    ChannelApi(Directory directory, MessageStore messages, Supplier<String> gatewayUrl) {
        this.directory = directory;
        this.messages = messages;
        this.gatewayUrl = gatewayUrl;
    }

    void register(Router router) {
        router.on("GET", "users/@me", (path, body) -> Router.Reply.ok(bot()))
                .on("GET", "users/(\\d+)", (path, body) -> Router.Reply.ok(user(path.group(1))))
                .on("POST", "users/@me/channels", (path, body) -> openDm(body))
                .on("GET", "channels/(\\d+)", (path, body) -> channel(path.group(1)))
                .on("POST", "channels/(\\d+)/messages", this::post)
                .onQuery("GET", "channels/(\\d+)/messages", (path, query, body) -> history(path.group(1), query))
                .on("POST", "channels/(\\d+)/typing", (path, body) -> Router.Reply.noContent())
                .on("PATCH", MESSAGE, (path, body) -> edit(path, body))
                .on("GET", MESSAGE, (path, body) -> find(path))
                .on("DELETE", MESSAGE, (path, body) -> delete(path))
                .on("GET", "gateway", (path, body) -> Router.Reply.ok(gateway()))
                .on("GET", "gateway/bot", (path, body) -> Router.Reply.ok(gatewayBot()));
    }

    private static ObjectNode bot() {
        ObjectNode bot = FakeJson.user(FakeDiscord.BOT_ID, FakeDiscord.BOT_NAME, true);
        return bot.put("verified", true).put("mfa_enabled", false).put("flags", 0);
    }

    private ObjectNode user(String id) {
        return id.equals(FakeDiscord.BOT_ID) ? bot() : FakeJson.user(id, directory.username(id), false);
    }

    private Router.Reply openDm(JsonNode body) {
        String userId = body.path("recipient_id").asText();
        if (userId.isEmpty()) {
            return Router.Reply.error(Router.Reply.BAD_REQUEST, 50035, "Invalid Form Body: recipient_id missing");
        }
        return Router.Reply.ok(dmChannel(directory.dmChannel(userId), userId));
    }

    private ObjectNode dmChannel(String channelId, String userId) {
        ObjectNode channel = FakeJson.object().put("id", channelId).put("type", DM);
        channel.putNull("last_message_id");
        channel.putArray("recipients").add(user(userId));
        return channel;
    }

    private Router.Reply channel(String channelId) {
        if (Directory.guildChannels().contains(channelId)) {
            ObjectNode channel = FakeJson.object().put("id", channelId).put("type", GUILD_TEXT);
            channel.put("guild_id", FakeDiscord.GUILD_ID).put("position", 0);
            channel.put("name", channelId.equals(FakeDiscord.GENERAL) ? "general" : "alerts");
            channel.putArray("permission_overwrites");
            return Router.Reply.ok(channel);
        }
        return directory
                .dmRecipient(channelId)
                .map(user -> Router.Reply.ok(dmChannel(channelId, user)))
                .orElseGet(ChannelApi::unknownChannel);
    }

    private Router.Reply post(Matcher path, JsonNode body) {
        String channelId = path.group(1);
        if (!directory.knowsChannel(channelId)) {
            return unknownChannel();
        }
        return Router.Reply.ok(
                messages.create(channelId, body, MessageStore.DEFAULT_TYPE).deepCopy());
    }

    /** Up to {@code limit} (50, at most 100) messages before or after an id, or the latest, newest first. */
    private Router.Reply history(String channelId, Map<String, String> query) {
        if (!directory.knowsChannel(channelId)) {
            return unknownChannel();
        }
        int limit = Math.clamp(Integer.parseInt(query.getOrDefault("limit", "50")), 1, MAX_HISTORY);
        List<JsonNode> inChannel = new ArrayList<>(messages.inChannel(channelId));
        inChannel.sort(
                Comparator.comparing(m -> Long.parseUnsignedLong(m.get("id").asText())));
        List<JsonNode> page;
        if (query.containsKey("after")) {
            long after = Long.parseUnsignedLong(query.get("after"));
            page = inChannel.stream()
                    .filter(m -> Long.compareUnsigned(
                                    Long.parseUnsignedLong(m.get("id").asText()), after)
                            > 0)
                    .limit(limit)
                    .toList();
        } else {
            long before = query.containsKey("before") ? Long.parseUnsignedLong(query.get("before")) : -1L;
            List<JsonNode> older = inChannel.stream()
                    .filter(m -> Long.compareUnsigned(
                                    Long.parseUnsignedLong(m.get("id").asText()), before)
                            < 0)
                    .toList();
            page = older.subList(Math.max(0, older.size() - limit), older.size());
        }
        ArrayNode answer = FakeJson.array();
        page.reversed().forEach(answer::add);
        return Router.Reply.ok(answer);
    }

    private Router.Reply edit(Matcher path, JsonNode body) {
        return inChannel(path) ? found(messages.edit(path.group(2), body).orElseThrow()) : unknownMessage();
    }

    private Router.Reply find(Matcher path) {
        return inChannel(path) ? found(messages.find(path.group(2)).orElseThrow()) : unknownMessage();
    }

    private Router.Reply delete(Matcher path) {
        return inChannel(path) && messages.delete(path.group(2)) ? Router.Reply.noContent() : unknownMessage();
    }

    private boolean inChannel(Matcher path) {
        return messages.find(path.group(2))
                .filter(m -> m.path("channel_id").asText().equals(path.group(1)))
                .isPresent();
    }

    private static Router.Reply found(ObjectNode message) {
        return Router.Reply.ok(message.deepCopy());
    }

    private ObjectNode gateway() {
        return FakeJson.object().put("url", gatewayUrl.get());
    }

    private ObjectNode gatewayBot() {
        ObjectNode answer = gateway().put("shards", 1);
        answer.putObject("session_start_limit")
                .put("total", GATEWAY_SESSION_LIMIT)
                .put("remaining", GATEWAY_SESSION_LIMIT)
                .put("reset_after", 0)
                .put("max_concurrency", 1);
        return answer;
    }

    private static Router.Reply unknownChannel() {
        return Router.Reply.error(Router.Reply.NOT_FOUND, UNKNOWN_CHANNEL, "Unknown Channel");
    }

    private static Router.Reply unknownMessage() {
        return Router.Reply.error(Router.Reply.NOT_FOUND, UNKNOWN_MESSAGE, "Unknown Message");
    }
}
