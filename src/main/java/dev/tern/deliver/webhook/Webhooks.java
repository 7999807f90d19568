package dev.tern.deliver.webhook;

import dev.tern.config.Target;

/** Small helpers the webhook notifiers share. */
final class Webhooks {

    private static final int CODE_MAX = 80;

    private Webhooks() {}

    /** The target {@code key} names, or null when it names none (another notifier's, or broken text). */
    static Target parse(String key) {
        try {
            return Target.parse(key);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** An error code from an answer's body, cut short and kept to one line, for a message (never a whole page). */
    static String shortCode(String body) {
        String line = body.strip().lines().findFirst().orElse("");
        String cut = line.length() > CODE_MAX ? line.substring(0, CODE_MAX) + "…" : line;
        return cut.isEmpty() ? "(no body)" : "'" + cut + "'";
    }
}
