package dev.tern.match;

/**
 * A user resumed.
 *
 * @param wasPaused whether anything was paused (the user, or subscriptions paused for closed DMs)
 * @param skipped alerts not sent since the pause began
 * @param subscriptions how many subscriptions deliver again
 */
public record ResumeResult(boolean wasPaused, int skipped, int subscriptions) {}
