package dev.tern.config;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where alerts go, parsed once from its text form ({@code console}, {@code discord:channel/ID},
 * {@code discord:user/ID}). The text form ({@link #key()}) is what routes say, the outbox stores and the unique
 * key of an alert uses; everything else works with this type instead of looking at prefixes.
 */
public sealed interface Target {

    /** The text form, as stored. */
    String key();

    /** A fixed word for the kind of target (a metric label, a log word): never an id or an address. */
    String kind();

    /** The target as it may be printed: no secret part of an address. */
    default String display() {
        return key();
    }

    /** The terminal of the process running Tern. */
    record Console() implements Target {
        public static final String KEY = "console";

        @Override
        public String key() {
            return KEY;
        }

        @Override
        public String kind() {
            return "console";
        }
    }

    /** A channel of a Discord server the bot is in. */
    record DiscordChannel(String channelId) implements Target {
        public static final String PREFIX = "discord:channel/";

        @Override
        public String key() {
            return PREFIX + channelId;
        }

        @Override
        public String kind() {
            return "discord_channel";
        }
    }

    /** A Discord user, by direct message. */
    record DiscordUser(String userId) implements Target {
        public static final String PREFIX = "discord:user/";

        @Override
        public String key() {
            return PREFIX + userId;
        }

        @Override
        public String kind() {
            return "discord_user";
        }
    }

    /** A Discord target; its id is checked by {@link #requireSnowflake} where it comes from an admin's text. */
    Pattern DISCORD = Pattern.compile("discord:(channel|user)/([A-Za-z0-9_-]{1,32})");

    /** Discord ids are numbers ("snowflakes") of up to 20 digits. */
    Pattern SNOWFLAKE = Pattern.compile("[0-9]{1,20}");

    /**
     * The target {@code text} names.
     *
     * @throws IllegalArgumentException naming what is wrong and what to write, never printing a secret
     */
    static Target parse(String text) {
        String trimmed = text == null ? "" : text.strip();
        if (trimmed.equals(Console.KEY)) {
            return new Console();
        }
        Matcher discord = DISCORD.matcher(trimmed);
        if (discord.matches()) {
            return discord.group(1).equals("channel")
                    ? new DiscordChannel(discord.group(2))
                    : new DiscordUser(discord.group(2));
        }
        if (trimmed.toLowerCase(Locale.ROOT).startsWith("discord:")) {
            throw new IllegalArgumentException("Discord target '" + hidden(trimmed) + "' must be"
                    + " discord:channel/<channel id>, e.g. discord:channel/123456789012345678 (in Discord:"
                    + " right-click the channel, Copy Channel ID)");
        }
        throw new IllegalArgumentException(
                "unknown target '" + hidden(trimmed) + "'; use console or discord:channel/<id>");
    }

    /**
     * {@code text} parsed, with Discord ids checked to be real ids (as an admin must write them in a route).
     *
     * @throws IllegalArgumentException as {@link #parse}
     */
    static Target parseStrict(String text) {
        Target target = parse(text);
        String id =
                switch (target) {
                    case DiscordChannel channel -> channel.channelId();
                    case DiscordUser user -> user.userId();
                    case Console console -> "0";
                };
        if (!SNOWFLAKE.matcher(id).matches()) {
            throw new IllegalArgumentException("Discord target '" + target.key() + "' must be"
                    + " discord:channel/<channel id>, e.g. discord:channel/123456789012345678 (in Discord:"
                    + " right-click the channel, Copy Channel ID)");
        }
        return target;
    }

    /** A text that failed to parse, as it may be printed: after a scheme (slack:, https://) may come a secret. */
    static String hidden(String text) {
        int scheme = text.indexOf("://");
        if (scheme >= 0) {
            int hostEnd = text.indexOf('/', scheme + "://".length());
            return hostEnd < 0 ? text : text.substring(0, hostEnd + 1) + "...";
        }
        int colon = text.indexOf(':');
        return colon >= 0 && !DISCORD.matcher(text).matches() && !text.startsWith("discord:")
                ? text.substring(0, colon + 1) + "..."
                : text;
    }
}
