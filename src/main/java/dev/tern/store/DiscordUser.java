package dev.tern.store;

import java.time.Instant;

/**
 * What Tern remembers about one Discord user besides their subscriptions.
 *
 * @param userId the Discord user id
 * @param pausedUntil until when the user paused, or null
 * @param pausedIndefinitely whether the pause lasts until {@code /resume}
 * @param skipped alerts not queued for the user since they paused
 * @param notice a message to show at the user's next command, or null
 */
public record DiscordUser(String userId, Instant pausedUntil, boolean pausedIndefinitely, int skipped, String notice) {

    /** A user Tern has nothing stored about. */
    public static DiscordUser unknown(String userId) {
        return new DiscordUser(userId, null, false, 0, null);
    }

    /** Whether the user's own pause holds at {@code now}. */
    public boolean pausedAt(Instant now) {
        return pausedIndefinitely || pausedUntil != null && pausedUntil.isAfter(now);
    }
}
