package dev.tern.config;

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Checks the address of a webhook target ({@code slack:}, {@code discord-webhook:}, {@code webhook:}): https, or
 * http to this machine only (a local relay, a test), and for Slack and Discord the shape of their webhook URLs.
 * Messages never quote the address past its host: the path carries the webhook's secret.
 */
final class WebhookUrls {

    private static final Pattern SLACK_PATH = Pattern.compile("/services/T[A-Z0-9]+/B[A-Z0-9]+/[A-Za-z0-9]+");
    private static final Pattern DISCORD_PATH = Pattern.compile("/api(/v\\d+)?/webhooks/[0-9]{1,20}/[A-Za-z0-9_-]+");
    private static final Set<String> DISCORD_HOSTS =
            Set.of("discord.com", "discordapp.com", "canary.discord.com", "ptb.discord.com");
    private static final String SLACK_HOST = "hooks.slack.com";

    private WebhookUrls() {}

    /** The kinds of webhook, each with the prefix a route writes and the shape its URL must have. */
    enum Kind {
        SLACK("slack:", "a Slack incoming webhook URL such as https://hooks.slack.com/services/T…/B…/…"),
        DISCORD("discord-webhook:", "a Discord webhook URL such as https://discord.com/api/webhooks/<id>/<token>"),
        JSON("webhook:", "an https URL (or http to this machine: 127.0.0.1, localhost)");

        final String prefix;
        final String expected;

        Kind(String prefix, String expected) {
            this.prefix = prefix;
            this.expected = expected;
        }
    }

    /**
     * The URL after {@code kind}'s prefix in {@code text}.
     *
     * @throws IllegalArgumentException saying what is wrong and what to write, without the secret part
     */
    static URI check(Kind kind, String text) {
        String address = text.substring(kind.prefix.length()).strip();
        if (address.isEmpty()) {
            throw new IllegalArgumentException("target '" + kind.prefix + "' needs " + kind.expected + " after '"
                    + kind.prefix + "' (is the environment variable it comes from, e.g. ${SLACK_WEBHOOK_URL}, set?)");
        }
        String shown = kind.prefix + (address.contains("://") ? Target.hidden(address) : "...");
        URI uri;
        try {
            uri = new URI(address);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("target '" + shown + "' is not a URL; use " + kind.expected);
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
        if (host.isEmpty() || !(scheme.equals("https") || scheme.equals("http"))) {
            throw new IllegalArgumentException("target '" + shown + "' must be " + kind.expected);
        }
        if (uri.getRawUserInfo() != null) {
            throw new IllegalArgumentException("target '" + shown + "' must not carry a user name or password");
        }
        boolean loopback = loopback(host);
        if (scheme.equals("http") && !loopback) {
            throw new IllegalArgumentException("target '" + shown + "' must use https: plain http is allowed only to"
                    + " this machine (127.0.0.1, localhost), where nothing crosses a network");
        }
        if (!loopback) {
            checkShape(kind, host, uri.getRawPath(), shown);
        }
        return uri;
    }

    private static void checkShape(Kind kind, String host, String path, String shown) {
        String rawPath = path == null ? "" : path;
        boolean fits =
                switch (kind) {
                    case SLACK ->
                        host.equals(SLACK_HOST) && SLACK_PATH.matcher(rawPath).matches();
                    case DISCORD ->
                        DISCORD_HOSTS.contains(host)
                                && DISCORD_PATH.matcher(rawPath).matches();
                    case JSON -> true;
                };
        if (!fits) {
            throw new IllegalArgumentException("target '" + shown + "' is not " + kind.expected
                    + "; copy the whole URL the "
                    + (kind == Kind.SLACK
                            ? "Slack app's Incoming Webhooks page"
                            : "channel's Integrations > Webhooks page")
                    + " gives");
        }
    }

    /** Whether {@code host} is this machine, by name or address (never resolved over DNS). */
    static boolean loopback(String host) {
        String bare = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        if (bare.equals("localhost")) {
            return true;
        }
        if (!bare.matches("[0-9.]+|[0-9a-fA-F]*:[0-9a-fA-F:]*")) {
            return false;
        }
        try {
            return InetAddress.getByName(bare).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
