package dev.tern.web;

import dev.tern.config.Target;
import java.util.Locale;

/** What can be said about a delivery target without printing a secret, and its kind as a metric label. */
final class Targets {

    static final String CONSOLE = "console";
    static final String DISCORD_CHANNEL = "discord_channel";
    static final String DISCORD_USER = "discord_user";
    static final String SLACK = "slack";
    static final String DISCORD_WEBHOOK = "discord_webhook";
    static final String WEBHOOK = "webhook";
    static final String OTHER = "other";

    private Targets() {}

    /** One of a few fixed kinds, so that a label never holds an id. */
    static String kind(String target) {
        try {
            return Target.parse(target).kind();
        } catch (IllegalArgumentException e) {
            String lower = target.toLowerCase(Locale.ROOT);
            if (lower.startsWith("slack") || lower.contains("hooks.slack.com")) {
                return SLACK;
            }
            return lower.contains("://") || lower.startsWith("webhook") ? WEBHOOK : OTHER;
        }
    }

    /** Console and Discord targets as they are; a webhook (whose address is a secret) by its scheme and host only. */
    static String display(String target) {
        return Target.displayOf(target);
    }
}
