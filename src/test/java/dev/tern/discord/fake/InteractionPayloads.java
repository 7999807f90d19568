package dev.tern.discord.fake;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * Builds INTERACTION_CREATE payloads in a guild channel, with the fields JDA 6.5 requires ({@code channel_id},
 * {@code channel.type}, {@code data.type}, {@code context}, {@code authorizing_integration_owners}, {@code guild}).
 */
final class InteractionPayloads {

    static final int APPLICATION_COMMAND = 2;
    static final int MESSAGE_COMPONENT = 3;
    static final int AUTOCOMPLETE = 4;
    private static final int CHAT_INPUT = 1;
    private static final int BUTTON = 2;
    private static final int GUILD_TEXT = 0;
    private static final int CONTEXT_GUILD = 0;
    private static final int GUILD_INSTALL = 0;

    private final Directory directory;
    private final CommandApi commands;
    private final Snowflakes snowflakes;

    InteractionPayloads(Directory directory, CommandApi commands, Snowflakes snowflakes) {
        this.directory = directory;
        this.commands = commands;
        this.snowflakes = snowflakes;
    }

    ObjectNode command(
            int type, InteractionReply reply, String userId, String channelId, String name, List<Option> options) {
        ObjectNode payload = base(type, reply, userId, channelId);
        ObjectNode data = payload.putObject("data");
        data.put("id", commands.idOf(name).orElseGet(snowflakes::next));
        data.put("name", name).put("type", CHAT_INPUT).put("guild_id", FakeDiscord.GUILD_ID);
        ArrayNode json = data.putArray("options");
        options.forEach(o -> json.add(o.toJson()));
        return payload;
    }

    ObjectNode button(InteractionReply reply, String userId, String channelId, String customId, JsonNode message) {
        ObjectNode payload = base(MESSAGE_COMPONENT, reply, userId, channelId);
        payload.putObject("data").put("custom_id", customId).put("component_type", BUTTON);
        payload.set("message", message);
        return payload;
    }

    private ObjectNode base(int type, InteractionReply reply, String userId, String channelId) {
        ObjectNode payload = FakeJson.object();
        payload.put("id", reply.id())
                .put("application_id", FakeDiscord.APPLICATION_ID)
                .put("type", type);
        payload.put("token", reply.token()).put("version", 1);
        payload.put("guild_id", FakeDiscord.GUILD_ID);
        payload.putObject("guild").put("id", FakeDiscord.GUILD_ID).put("locale", "en-US");
        payload.put("channel_id", channelId);
        ObjectNode channel = payload.putObject("channel").put("id", channelId).put("type", GUILD_TEXT);
        channel.put("guild_id", FakeDiscord.GUILD_ID);
        payload.set("member", member(userId));
        payload.put("app_permissions", Long.toString(FakeDiscord.MEMBER_PERMISSIONS));
        payload.put("locale", "en-US").put("guild_locale", "en-US");
        payload.putObject("authorizing_integration_owners").put(Integer.toString(GUILD_INSTALL), FakeDiscord.GUILD_ID);
        payload.put("context", CONTEXT_GUILD);
        payload.putArray("entitlements");
        return payload;
    }

    private ObjectNode member(String userId) {
        ObjectNode member = FakeJson.object();
        member.set("user", FakeJson.user(userId, directory.username(userId), false));
        member.putArray("roles");
        member.put("permissions", Long.toString(directory.permissions(userId)));
        member.put("joined_at", "2024-01-01T00:00:00.000000+00:00");
        member.put("deaf", false).put("mute", false).put("pending", false).put("flags", 0);
        return member;
    }
}
