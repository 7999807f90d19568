package dev.tern.match;

import java.time.Instant;

/**
 * A user paused.
 *
 * @param until when alerts start again, or null for "until /resume"
 * @param subscriptions how many of the user's subscriptions are paused
 */
public record PauseResult(Instant until, int subscriptions) {

    public boolean indefinitely() {
        return until == null;
    }
}
