package dev.tern.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/** Reads the {@code discord} section; the token is checked for shape only and never appears in a message. */
final class DiscordReader {

    private static final List<String> KEYS = List.of(
            "token", "guilds", "restBaseUrl", "gatewayUrl", "maxSubscriptionsPerUser", "digest", "adminChannel");
    private static final Pattern SNOWFLAKE = Pattern.compile("[0-9]{1,20}");
    private static final List<String> HTTP = List.of("http", "https");
    private static final List<String> WEBSOCKET = List.of("ws", "wss");

    private DiscordReader() {}

    static DiscordConfig read(MapReader reader) {
        reader.rejectUnknown(KEYS, "");
        String token = reader.text("token").map(String::strip).orElse("");
        if (token.chars().anyMatch(Character::isWhitespace)) {
            reader.problem("token", "the token contains spaces; paste the bot token exactly, or use ${DISCORD_TOKEN}");
            token = "";
        }
        List<String> guilds = reader.list("guilds", "['123456789012345678']", DiscordReader::guild)
                .orElse(List.of());
        String rest = url(reader, "restBaseUrl", HTTP, "https://discord.example/api/");
        String gateway = url(reader, "gatewayUrl", WEBSOCKET, "wss://gateway.example");
        int max = bounded(
                reader,
                "maxSubscriptionsPerUser",
                DiscordConfig.DEFAULT_MAX_SUBSCRIPTIONS_PER_USER,
                DiscordConfig.MAX_SUBSCRIPTIONS_PER_USER);
        int digest = bounded(reader, "digest", DiscordConfig.DEFAULT_DIGEST, DiscordConfig.MAX_DIGEST);
        String adminChannel = reader.text("adminChannel")
                .map(String::strip)
                .filter(id -> !id.isEmpty())
                .filter(id -> {
                    if (SNOWFLAKE.matcher(id).matches()) {
                        return true;
                    }
                    reader.problem(
                            "adminChannel",
                            "channel id '" + id + "' must be a number such as"
                                    + " 123456789012345678 (in Discord: right-click the channel, Copy Channel ID)");
                    return false;
                })
                .orElse(null);
        if (adminChannel != null && token.isEmpty()) {
            reader.problem("adminChannel", "needs discord.token: admin notices are posted by the bot");
        }
        return new DiscordConfig(token, guilds, rest, gateway, max, digest, adminChannel);
    }

    private static String guild(String text) {
        String id = text.strip();
        if (!SNOWFLAKE.matcher(id).matches()) {
            throw new IllegalArgumentException("guild id '" + id + "' must be a number such as 123456789012345678"
                    + " (in Discord: right-click the server, Copy Server ID)");
        }
        return id;
    }

    private static String url(MapReader reader, String key, List<String> schemes, String example) {
        Optional<String> text = reader.text(key).map(String::strip).filter(s -> !s.isEmpty());
        if (text.isEmpty()) {
            return null;
        }
        try {
            URI uri = new URI(text.get());
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (schemes.contains(scheme) && uri.getHost() != null) {
                return text.get();
            }
        } catch (URISyntaxException e) {
            // reported below, as for any other malformed URL
        }
        reader.problem(key, "must be a " + String.join(" or ", schemes) + " URL such as " + example);
        return null;
    }

    private static int bounded(MapReader reader, String key, int fallback, int max) {
        return reader.integer(key)
                .filter(n -> {
                    if (n >= 1 && n <= max) {
                        return true;
                    }
                    reader.problem(key, key + " " + n + " is out of range 1.." + max);
                    return false;
                })
                .orElse(fallback);
    }
}
