package dev.tern.config;

import java.net.URI;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where alerts go, parsed once from its text form ({@code console}, {@code discord:channel/ID},
 * {@code discord:user/ID}, {@code slack:URL}, {@code discord-webhook:URL}, {@code webhook:URL}). The text form
 * ({@link #key()}) is what routes say, the outbox stores and the unique key of an alert uses, so it stays the same
 * across restarts; everything else works with this type instead of looking at prefixes. A webhook's key holds its
 * secret URL: what is printed is {@link #display()} (or {@link #displayOf(String)}), never the key.
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
        public boolean needsBot() {
            return true;
        }

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
        public boolean needsBot() {
            return true;
        }

        @Override
        public String key() {
            return PREFIX + userId;
        }

        @Override
        public String kind() {
            return "discord_user";
        }
    }

    /** Whether only the Discord bot delivers here (a process without the bot leaves these alerts waiting). */
    default boolean needsBot() {
        return false;
    }

    /** A Slack incoming webhook: Block Kit messages to the channel it was made for. */
    record SlackWebhook(URI url) implements Target {
        public static final String PREFIX = "slack:";

        @Override
        public String key() {
            return PREFIX + url;
        }

        @Override
        public String kind() {
            return "slack";
        }

        @Override
        public String display() {
            return PREFIX + hidden(url.toString());
        }
    }

    /** A Discord webhook: the bot's embeds, without the bot. */
    record DiscordWebhook(URI url) implements Target {
        public static final String PREFIX = "discord-webhook:";

        @Override
        public String key() {
            return PREFIX + url;
        }

        @Override
        public String kind() {
            return "discord_webhook";
        }

        @Override
        public String display() {
            return PREFIX + hidden(url.toString());
        }
    }

    /** Any HTTP endpoint that takes a JSON POST per posting (a bridge, a script). */
    record JsonWebhook(URI url) implements Target {
        public static final String PREFIX = "webhook:";

        @Override
        public String key() {
            return PREFIX + url;
        }

        @Override
        public String kind() {
            return "webhook";
        }

        @Override
        public String display() {
            return PREFIX + hidden(url.toString());
        }
    }

    /** A URL within a longer text: a scheme, then everything up to a space, a quote or a closing bracket. */
    Pattern URL_IN_TEXT = Pattern.compile("[A-Za-z][A-Za-z0-9+.-]*://[^\\s'\"()<>\\[\\]]+");

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
        String lower = trimmed.toLowerCase(Locale.ROOT);
        if (lower.startsWith(SlackWebhook.PREFIX)) {
            return new SlackWebhook(WebhookUrls.check(WebhookUrls.Kind.SLACK, trimmed));
        }
        if (lower.startsWith(DiscordWebhook.PREFIX)) {
            return new DiscordWebhook(WebhookUrls.check(WebhookUrls.Kind.DISCORD, trimmed));
        }
        if (lower.startsWith(JsonWebhook.PREFIX)) {
            return new JsonWebhook(WebhookUrls.check(WebhookUrls.Kind.JSON, trimmed));
        }
        if (lower.startsWith("https://") || lower.startsWith("http://")) {
            throw new IllegalArgumentException("target '" + hidden(trimmed) + "' needs its kind before the URL:"
                    + " slack:<URL>, discord-webhook:<URL> or webhook:<URL>");
        }
        if (lower.startsWith("discord:")) {
            throw new IllegalArgumentException("Discord target '" + hidden(trimmed) + "' must be"
                    + " discord:channel/<channel id>, e.g. discord:channel/123456789012345678 (in Discord:"
                    + " right-click the channel, Copy Channel ID)");
        }
        throw new IllegalArgumentException(
                "unknown target '" + hidden(trimmed) + "'; use console, discord:channel/<id>, slack:<webhook URL>,"
                        + " discord-webhook:<webhook URL> or webhook:<URL>");
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
                    case SlackWebhook slack -> "0";
                    case DiscordWebhook webhook -> "0";
                    case JsonWebhook webhook -> "0";
                };
        if (!SNOWFLAKE.matcher(id).matches()) {
            throw new IllegalArgumentException("Discord target '" + target.key() + "' must be"
                    + " discord:channel/<channel id>, e.g. discord:channel/123456789012345678 (in Discord:"
                    + " right-click the channel, Copy Channel ID)");
        }
        return target;
    }

    /** The target {@code key} names as it may be printed; a key that does not parse is shown as {@link #hidden}. */
    static String displayOf(String key) {
        try {
            return parse(key).display();
        } catch (IllegalArgumentException e) {
            return hidden(key == null ? "" : key.strip());
        }
    }

    /**
     * {@code text} (an error a database or library wrote) with every URL in it cut to its scheme and host, as
     * {@link #displayOf} shows a target: the path and query of a webhook URL are its secret.
     */
    static String hideUrls(String text) {
        if (text == null || !text.contains("://")) {
            return text;
        }
        Matcher url = URL_IN_TEXT.matcher(text);
        StringBuilder hidden = new StringBuilder();
        while (url.find()) {
            url.appendReplacement(hidden, Matcher.quoteReplacement(hidden(url.group())));
        }
        return url.appendTail(hidden).toString();
    }

    /** A text that failed to parse, as it may be printed: after a scheme (slack:, https://) may come a secret. */
    static String hidden(String text) {
        int scheme = text.indexOf("://");
        if (scheme >= 0) {
            int start = scheme + "://".length();
            int end = start;
            while (end < text.length() && "/?#".indexOf(text.charAt(end)) < 0) {
                end++;
            }
            String authority = text.substring(start, end);
            String host = authority.substring(authority.lastIndexOf('@') + 1);
            return text.substring(0, start) + host + (end < text.length() ? "/..." : "");
        }
        int colon = text.indexOf(':');
        return colon >= 0 && !DISCORD.matcher(text).matches() && !text.startsWith("discord:")
                ? text.substring(0, colon + 1) + "..."
                : text;
    }
}
