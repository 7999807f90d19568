package dev.tern.discord.fake;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The READY and GUILD_CREATE events of the fake's one guild, with the fields JDA 6.5 cannot do without (a valid
 * {@code afk_timeout}, roles with {@code colors}, the @everyone role's id equal to the guild's, the bot's member).
 */
final class GatewayPayloads {

    /** One of the values Discord allows (60, 300, 900, 1800, 3600); JDA rejects others. */
    private static final int AFK_TIMEOUT_SECONDS = 300;

    private GatewayPayloads() {}

    static ObjectNode ready(String sessionId, String resumeUrl) {
        ObjectNode ready = FakeJson.object();
        ready.put("v", 10);
        ready.set("user", FakeJson.user(FakeDiscord.BOT_ID, FakeDiscord.BOT_NAME, true));
        ready.putArray("guilds").addObject().put("id", FakeDiscord.GUILD_ID).put("unavailable", true);
        ready.put("session_id", sessionId);
        ready.put("resume_gateway_url", resumeUrl);
        // Without private_channels JDA never stores the session id.
        ready.putArray("private_channels");
        ready.putObject("application").put("id", FakeDiscord.APPLICATION_ID).put("flags", 0);
        return ready;
    }

    static ObjectNode guildCreate() {
        ObjectNode guild = FakeJson.object();
        guild.put("id", FakeDiscord.GUILD_ID).put("name", "Tern Test Guild").put("owner_id", FakeDiscord.ADMIN);
        guild.put("afk_timeout", AFK_TIMEOUT_SECONDS).put("member_count", 1).put("large", false);
        guild.put("preferred_locale", "en-US").put("verification_level", 0).put("mfa_level", 0);
        guild.putArray("features");
        ObjectNode everyone = guild.putArray("roles").addObject();
        everyone.put("id", FakeDiscord.GUILD_ID).put("name", "@everyone").put("position", 0);
        everyone.put("permissions", Long.toString(FakeDiscord.MEMBER_PERMISSIONS));
        everyone.put("color", 0).put("hoist", false).put("managed", false).put("mentionable", false);
        everyone.putObject("colors").put("primary_color", 0);
        ArrayNode channels = guild.putArray("channels");
        channels.add(textChannel(FakeDiscord.GENERAL, "general", 0));
        channels.add(textChannel(FakeDiscord.ALERTS, "alerts", 1));
        ObjectNode bot = guild.putArray("members").addObject();
        bot.set("user", FakeJson.user(FakeDiscord.BOT_ID, FakeDiscord.BOT_NAME, true));
        bot.putArray("roles");
        bot.put("joined_at", "2024-01-01T00:00:00.000000+00:00");
        for (String empty : new String[] {"threads", "emojis", "stickers", "voice_states", "guild_scheduled_events"}) {
            guild.putArray(empty);
        }
        return guild;
    }

    private static ObjectNode textChannel(String id, String name, int position) {
        ObjectNode channel = FakeJson.object().put("id", id).put("type", 0).put("name", name);
        channel.put("position", position).put("guild_id", FakeDiscord.GUILD_ID).put("nsfw", false);
        channel.putArray("permission_overwrites");
        return channel;
    }
}
