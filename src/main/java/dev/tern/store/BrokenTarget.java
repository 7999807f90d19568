package dev.tern.store;

import java.time.Instant;

/**
 * A target that failed for good.
 *
 * @param target the target ({@code discord:channel/123})
 * @param reason what the target's service said (for admins)
 * @param since when it first failed
 */
public record BrokenTarget(String target, String reason, Instant since) {}
