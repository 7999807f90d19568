package dev.tern.config;

import java.util.List;

/**
 * The {@code discord} section: the bot's token, where its slash commands are registered, and the per-user limits.
 * The bot runs only when a token is set ({@link #enabled()}).
 *
 * @param token the bot token (a secret: never logged, never printed); empty when the bot is off
 * @param guilds guild (server) ids whose commands are registered instantly; empty for global registration
 * @param restBaseUrl a REST proxy base URL for JDA (advanced, tests), or null for Discord's own
 * @param gatewayUrl a gateway proxy URL for JDA (advanced, tests), or null for Discord's own
 * @param maxSubscriptionsPerUser how many subscriptions one user may have
 * @param digest above this many alerts for one target in one cycle, a compact digest is sent instead
 * @param adminChannel the channel id where admins are told of trouble (a source failing, a held poll), or null for
 *     the log
 */
public record DiscordConfig(
        String token,
        List<String> guilds,
        String restBaseUrl,
        String gatewayUrl,
        int maxSubscriptionsPerUser,
        int digest,
        String adminChannel) {

    public static final int DEFAULT_MAX_SUBSCRIPTIONS_PER_USER = 25;
    public static final int MAX_SUBSCRIPTIONS_PER_USER = 100;
    public static final int DEFAULT_DIGEST = 10;
    public static final int MAX_DIGEST = 50;

    public DiscordConfig {
        token = token == null ? "" : token;
        guilds = guilds == null ? List.of() : List.copyOf(guilds);
    }

    /** Without an admin channel: notices for admins go to the log. */
    public DiscordConfig(
            String token,
            List<String> guilds,
            String restBaseUrl,
            String gatewayUrl,
            int maxSubscriptionsPerUser,
            int digest) {
        this(token, guilds, restBaseUrl, gatewayUrl, maxSubscriptionsPerUser, digest, null);
    }

    /** No bot: the section is missing or has no token. */
    public static DiscordConfig disabled() {
        return new DiscordConfig("", List.of(), null, null, DEFAULT_MAX_SUBSCRIPTIONS_PER_USER, DEFAULT_DIGEST);
    }

    /** Whether admin notices go to a Discord channel (else to the log). */
    public boolean hasAdminChannel() {
        return enabled() && adminChannel != null;
    }

    /** Whether the bot runs, which it does exactly when a token is set. */
    public boolean enabled() {
        return !token.isEmpty();
    }

    @Override
    public String toString() {
        return "DiscordConfig[token=" + (token.isEmpty() ? "" : "***") + ", guilds=" + guilds + ", restBaseUrl="
                + restBaseUrl + ", gatewayUrl=" + gatewayUrl + ", maxSubscriptionsPerUser=" + maxSubscriptionsPerUser
                + ", digest=" + digest + ", adminChannel=" + adminChannel + "]";
    }
}
